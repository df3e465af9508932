"""Backup and restore: identical records back, the live audit kept, foreign backups refused."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest
import sqlalchemy as sa

from eska_network.cli import main
from eska_network.services import access
from eska_network.store import AssessmentChanges, Store, TieUpdate, audit_chain, engine, open_store
from eska_network.store.backup import backup, restore, table_checksums
from eska_network.store.backup_common import BackupError

from .access_fixtures import audit_rows

RECORDS = ("audit",)
"""What a restore gives back is every table but the audit, which it keeps and appends to."""


def _strengthen(store, day: int, user: str = "cw_ani") -> None:
    changes = AssessmentChanges(ties=(TieUpdate("child", "lbh", 1 + day % 5, "supportive"),))
    assessed_on = dt.date(2026, 3, 2) + dt.timedelta(days=day)
    store.record_assessment("C1", assessed_on, changes, store.revision("C1"), user)


def test_a_restore_gives_back_exactly_what_was_backed_up(small_store, tmp_path):
    _strengthen(small_store, 1)
    saved = table_checksums(small_store, skip=RECORDS)
    backup(small_store, tmp_path / "eska.backup")
    assert (tmp_path / "eska.backup").stat().st_mode & 0o077 == 0
    _strengthen(small_store, 2)
    small_store.import_dataset(small_store.export_dataset())
    assert table_checksums(small_store, skip=RECORDS) != saved
    restore(small_store, tmp_path / "eska.backup")
    assert table_checksums(small_store, skip=RECORDS) == saved
    _strengthen(small_store, 3)
    assert small_store.revision("C1") == 3


def test_restore_keeps_the_live_audit_rows_and_appends_its_own(small_store, tmp_path):
    operator = access.operator()
    access.write_audit(small_store, operator, "account", "success", detail="before the backup")
    backup(small_store, tmp_path / "b", access.audit_row(operator, "backup", "success"))
    access.write_audit(small_store, operator, "account", "success", detail="after the backup")
    access.open_child(small_store, operator, "C1")
    kept = audit_rows(small_store)
    restore(small_store, tmp_path / "b", access.audit_row(operator, "restore", "success"))
    rows = audit_rows(small_store)
    assert rows[:-1] == kept
    assert (rows[-1]["action"], rows[-1]["role"]) == ("restore", "cli")
    with small_store.reading() as connection:
        assert audit_chain.verify(connection).rows == len(kept) + 1


def test_backup_and_restore_commands_are_audited(small_store, tmp_path, capsys):
    url = small_store.url.render_as_string(hide_password=False)
    saved = table_checksums(small_store, skip=RECORDS)
    assert main(["backup", str(tmp_path / "b"), "--database-url", url]) == 0
    _strengthen(small_store, 1)
    assert main(["restore", str(tmp_path / "b"), "--database-url", url]) == 0
    assert "restored" in capsys.readouterr().out
    assert table_checksums(small_store, skip=RECORDS) == saved
    rows = [(row["role"], row["action"], row["outcome"]) for row in audit_rows(small_store)]
    assert rows == [("cli", "backup", "success"), ("cli", "restore", "success")]
    assert {row["user_name"] for row in audit_rows(small_store)} == {access.operator().user_name}


def _tamper(store, statement: str) -> None:
    """What an insider with the owner's login could do to a store before backing it up."""
    with store.writing() as connection:
        if store.dialect == "postgresql":
            connection.exec_driver_sql("ALTER TABLE audit DISABLE TRIGGER USER")
            connection.exec_driver_sql(statement)
            connection.exec_driver_sql("ALTER TABLE audit ENABLE TRIGGER USER")
        else:
            connection.exec_driver_sql("DROP TRIGGER audit_no_update")
            connection.exec_driver_sql("DROP TRIGGER audit_no_delete")
            connection.exec_driver_sql(statement)
            connection.exec_driver_sql(
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )
            connection.exec_driver_sql(
                "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )


def _drop_protection(store) -> None:
    with store.writing() as connection:
        connection.exec_driver_sql(
            "DROP TRIGGER audit_no_delete ON audit"
            if store.dialect == "postgresql"
            else "DROP TRIGGER audit_no_delete"
        )


@pytest.mark.parametrize(
    ("harm", "refusal"),
    [
        (_drop_protection, "lacks the product's protection audit_no_delete"),
        (lambda s: _tamper(s, "UPDATE audit SET user_name = 'nobody'"), "tampered"),
        (lambda s: _tamper(s, "DELETE FROM audit WHERE id = 1"), "tampered"),
    ],
    ids=["trigger dropped", "row changed", "row removed"],
)
def test_a_backup_with_its_audit_unprotected_or_tampered_is_refused(
    small_store, tmp_path, harm, refusal
):
    operator = access.operator()
    for number in range(3):
        access.write_audit(small_store, operator, "account", "success", detail=f"row {number}")
    harm(small_store)
    backup(small_store, tmp_path / "b")
    _strengthen(small_store, 1)
    saved, kept = table_checksums(small_store), audit_rows(small_store)
    with pytest.raises(BackupError, match=refusal):
        restore(small_store, tmp_path / "b")
    assert table_checksums(small_store) == saved
    assert audit_rows(small_store) == kept


def test_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(small_store, tmp_path, capsys):
    saved = table_checksums(small_store, skip=RECORDS)
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(BackupError, match="not a"):
        restore(small_store, tmp_path / "notes.txt")
    url = small_store.url.render_as_string(hide_password=False)
    assert main(["restore", str(tmp_path / "notes.txt"), "--database-url", url]) == 1
    assert "error:" in capsys.readouterr().err
    assert table_checksums(small_store, skip=RECORDS) == saved
    last = audit_rows(small_store)[-1]
    assert (last["action"], last["outcome"], last["detail"]) == (
        "restore",
        "refused",
        "from notes.txt",
    )


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
    expected = table_checksums(copy, skip=RECORDS)
    copy.engine.dispose()
    restore(store, copies[-1])
    assert table_checksums(store, skip=RECORDS) == expected


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
