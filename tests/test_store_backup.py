"""Backup and restore: identical data back, on both engines, and a backup while the app writes."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest
import sqlalchemy as sa

from eska_network.cli import main
from eska_network.store import AssessmentChanges, Store, TieChange, engine, open_store
from eska_network.store.backup import BackupError, backup, restore, table_checksums


def _strengthen(store, day: int, user: str = "cw_ani") -> None:
    changes = AssessmentChanges(ties=(TieChange("child", "lbh", 1 + day % 5, "supportive"),))
    assessed_on = dt.date(2026, 3, 2) + dt.timedelta(days=day)
    store.record_assessment("C1", assessed_on, changes, store.revision("C1"), user)


def test_a_restore_gives_back_exactly_what_was_backed_up(small_store, tmp_path):
    _strengthen(small_store, 1)
    saved = table_checksums(small_store)
    backup(small_store, tmp_path / "eska.backup")
    assert (tmp_path / "eska.backup").stat().st_mode & 0o077 == 0
    _strengthen(small_store, 2)
    small_store.import_dataset(small_store.export_dataset())
    assert table_checksums(small_store) != saved
    restore(small_store, tmp_path / "eska.backup")
    assert table_checksums(small_store) == saved
    _strengthen(small_store, 3)
    assert small_store.revision("C1") == 3


def test_backup_and_restore_commands(small_store, tmp_path, capsys):
    url = small_store.url.render_as_string(hide_password=False)
    saved = table_checksums(small_store)
    assert main(["backup", str(tmp_path / "b"), "--database-url", url]) == 0
    _strengthen(small_store, 1)
    assert main(["restore", str(tmp_path / "b"), "--database-url", url]) == 0
    assert "restored" in capsys.readouterr().out
    assert table_checksums(small_store) == saved


def test_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(small_store, tmp_path, capsys):
    saved = table_checksums(small_store)
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(BackupError, match="not a"):
        restore(small_store, tmp_path / "notes.txt")
    url = small_store.url.render_as_string(hide_password=False)
    assert main(["restore", str(tmp_path / "notes.txt"), "--database-url", url]) == 1
    assert "error:" in capsys.readouterr().err
    assert table_checksums(small_store) == saved


def test_a_sqlite_backup_taken_while_the_app_writes_is_consistent(tmp_path, small_dataset):
    store = open_store(f"sqlite:///{tmp_path / 'live.db'}")
    store.import_dataset(small_dataset)
    stop = threading.Event()
    saves = []

    def keep_saving():
        day = 0
        while not stop.is_set() and day < 200:
            day += 1
            _strengthen(store, day)
            saves.append(day)

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        copies = []
        for number in range(5):
            copies.append(backup(store, tmp_path / f"copy{number}.db"))
    finally:
        stop.set()
        writer.join()
    assert saves, "the writer saved nothing while the backups ran"
    for copy in copies:
        connection = sqlite3.connect(copy)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        revision = connection.execute("SELECT revision FROM children WHERE child_id = 'C1'")
        saved = connection.execute("SELECT count(*) FROM revisions WHERE child_id = 'C1'")
        # A consistent snapshot: the child's revision counts every save recorded in the copy.
        assert revision.fetchone() == saved.fetchone()
        connection.close()
    copy = open_store(f"sqlite:///{copies[-1]}")
    expected = table_checksums(copy)
    copy.engine.dispose()
    restore(store, copies[-1])
    assert table_checksums(store) == expected


def test_a_backup_from_an_older_schema_is_restored_and_migrated(tmp_path):
    from alembic import command

    old = Store(engine.make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    with old.engine.connect().execution_options(eska_write=True) as connection:
        command.upgrade(engine.alembic_config(connection), "0001")
        connection.commit()
    backup(old, tmp_path / "old.backup")
    current = open_store(f"sqlite:///{tmp_path / 'new.db'}")
    restore(current, tmp_path / "old.backup")
    assert engine.current_revision(current.engine) == engine.head_revision()


def test_a_backup_from_an_unknown_schema_is_refused(tmp_path):
    stranger = sqlite3.connect(tmp_path / "stranger.db")
    stranger.execute("CREATE TABLE alembic_version (version_num TEXT)")
    stranger.execute("INSERT INTO alembic_version VALUES ('9999')")
    stranger.commit()
    stranger.close()
    store = open_store(f"sqlite:///{tmp_path / 'eska.db'}")
    with pytest.raises(BackupError, match="does not know"):
        restore(store, tmp_path / "stranger.db")
    assert "children" in sa.inspect(store.engine).get_table_names()
