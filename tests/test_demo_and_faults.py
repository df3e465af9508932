"""Demo mode never opens a store of real records; a failing store gets a clear message."""

from __future__ import annotations

import socket

import pytest
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.services import accounts, demo_setup
from eska_network.store import open_store
from eska_network.store.backup import table_checksums

from .access_fixtures import ENGINES, empty_store, fast_hashing, fill_agency, navigation_only
from .conftest import REPO_ROOT, SAMPLE_DATA, empty_database

APP = REPO_ROOT / "app.py"


def _demo_app(url: str, monkeypatch) -> AppTest:
    monkeypatch.setenv("ESKA_DEMO", "1")
    monkeypatch.setenv("ESKA_DATABASE_URL", url)
    navigation_only(monkeypatch)
    return AppTest.from_file(str(APP), default_timeout=120).run()


@pytest.mark.parametrize("engine", ENGINES)
def test_demo_mode_refuses_a_store_of_real_records_and_writes_nothing(
    engine, tmp_path, monkeypatch
):
    fast_hashing(monkeypatch)
    with empty_store(engine, tmp_path) as store:
        fill_agency(store)
        before = table_checksums(store)
        url = store.url.render_as_string(hide_password=False)
        app = _demo_app(url, monkeypatch)
        assert not app.exception
        errors = [error.value for error in app.error]
        assert len(errors) == 1 and errors[0].startswith("Demo mode did not start")
        assert "holds records it did not create; nothing was written to it" in errors[0]
        assert not app.button  # no login, no demo accounts offered
        assert table_checksums(store) == before
        assert "demo_admin" not in {user.user_name for user in accounts.list_users(store)}
        with pytest.raises(demo_setup.DemoRefused):
            demo_setup.prepare_demo(store, SAMPLE_DATA)
        assert table_checksums(store) == before


def test_demo_mode_refuses_an_older_store_before_migrating_it(tmp_path, monkeypatch):
    """Not even a migration is written to a store demo mode may not use."""
    from alembic import command

    from eska_network.store import Store, engine

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Store(engine.make_engine(url))
    with old.engine.connect().execution_options(eska_write=True) as connection:
        command.upgrade(engine.alembic_config(connection), "0002")
        connection.commit()
    with old.writing() as connection:
        connection.exec_driver_sql("INSERT INTO teams (team, name) VALUES ('north', 'North')")
    old.engine.dispose()
    app = _demo_app(url, monkeypatch)
    assert app.error and app.error[0].value.startswith("Demo mode did not start")
    assert engine.current_revision(engine.make_engine(url)) == "0002"


@pytest.mark.parametrize("engine", ENGINES)
def test_demo_mode_fills_an_empty_store_and_reopens_its_own(engine, tmp_path, monkeypatch):
    fast_hashing(monkeypatch)
    with empty_database(engine, tmp_path) as url:
        first = _demo_app(url, monkeypatch)
        assert not first.error and not first.exception
        store = open_store(url)
        assert demo_setup.demo_store_state(store.engine) == "demo"
        counts = store.table_counts()
        again = _demo_app(url, monkeypatch)
        assert not again.error and not again.exception
        assert store.table_counts() == counts
        store.engine.dispose()


def test_make_run_uses_its_own_demo_store():
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    run = makefile[makefile.index("\nrun:") :].split("\n\n")[0]
    assert "ESKA_DEMO=1" in run and "ESKA_DATABASE_URL=sqlite:///$(CURDIR)/data/demo.db" in run


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("url", "what"),
    [
        (
            f"postgresql+psycopg://eska:eska@127.0.0.1:{_closed_port()}/eska",
            "app.fault.unreachable",
        ),
        ("sqlite:////proc/eska/cannot/be/here.db", "app.fault.files"),
    ],
    ids=["database down", "file cannot be made"],
)
def test_a_store_fault_says_what_failed_that_nothing_was_saved_and_what_to_do(
    url, what, monkeypatch
):
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    monkeypatch.setenv("ESKA_DATABASE_URL", url)
    navigation_only(monkeypatch)
    for lang in ("en", "id"):
        app = AppTest.from_file(str(APP), default_timeout=60)
        app.session_state["eska_language"] = lang
        app.run()
        app.text_input[0].input("cw_ani")
        app.text_input[1].input("a pass phrase of some length")
        app.button[0].click().run()
        assert not app.exception
        (shown,) = [error.value for error in app.error]
        assert shown.startswith(i18n.text(what, lang))
        then = i18n.text("app.fault.then", lang, time="")
        assert then.split("(")[0] in shown
        assert "Traceback" not in shown and "psycopg" not in shown


def test_a_demo_store_restored_from_a_real_backup_is_no_longer_demo_mode_s(tmp_path, monkeypatch):
    """The marker is part of the records a restore replaces: real records in a demo store end
    demo mode there."""
    from eska_network.store.backup import backup, restore

    fast_hashing(monkeypatch)
    with empty_store("sqlite", tmp_path / "real") as real:
        fill_agency(real)
        backup(real, tmp_path / "real.backup")
    demo_url = f"sqlite:///{tmp_path / 'demo.db'}"
    demo = demo_setup.open_demo_store(demo_url, SAMPLE_DATA)
    restore(demo, tmp_path / "real.backup")
    assert demo_setup.demo_store_state(demo.engine) == "records"
    with pytest.raises(demo_setup.DemoRefused):
        demo_setup.open_demo_store(demo_url, SAMPLE_DATA)
    demo.engine.dispose()


def test_sqlite_files_and_their_wal_are_owner_only(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'data' / 'eska.db'}")
    fill_agency(store)
    with store.engine.connect() as reader:
        reader.exec_driver_sql("SELECT count(*) FROM audit").all()
        fill_agency_more = accounts.list_users(store)  # a second connection while one is open
        assert fill_agency_more
        files = sorted((tmp_path / "data").iterdir())
        assert {path.name for path in files} >= {"eska.db", "eska.db-wal", "eska.db-shm"}
        for path in files:
            assert path.stat().st_mode & 0o077 == 0, path.name
    assert (tmp_path / "data").stat().st_mode & 0o077 == 0
    store.engine.dispose()


def test_streamlit_table_download_is_off_in_the_config():
    import tomllib

    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
