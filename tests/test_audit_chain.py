"""The audit's hash chain: `audit verify` finds a changed, removed or truncated row."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa
from alembic import command

from eska_network.cli import main
from eska_network.services import access
from eska_network.store import Store, audit_chain, engine, open_store
from eska_network.store.tables import audit as audit_table

from .access_fixtures import audit_rows
from .conftest import STORE_ENGINES, empty_database
from .test_store_backup import _tamper

OPERATOR = access.operator()


@pytest.fixture(params=STORE_ENGINES)
def logged(request, tmp_path):
    """A store with five audit rows, and its URL."""
    with empty_database(request.param, tmp_path) as url:
        store = open_store(url)
        for number in range(5):
            access.write_audit(store, OPERATOR, "account", "success", detail=f"row {number + 1}")
        yield store, url
        store.engine.dispose()


def _verify(url: str, *extra: str) -> int:
    return main(["audit", "verify", "--database-url", url, *extra])


def test_an_intact_log_verifies_with_the_number_of_rows(logged, capsys):
    store, url = logged
    assert _verify(url) == 0
    assert capsys.readouterr().out == "5 rows checked: the audit log is intact\n"
    assert audit_rows(store)[-1]["action"] == "audit_check"


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("UPDATE audit SET detail = 'nothing to see' WHERE id = 3", "row 3 was changed"),
        ("UPDATE audit SET at = at + interval '1 hour' WHERE id = 2", "row 2 was changed"),
        ("DELETE FROM audit WHERE id = 3", "row 4 does not follow row 2"),
        ("DELETE FROM audit WHERE id = 1", "row 2 does not follow row 0"),
    ],
    ids=["detail changed", "time changed", "row removed", "first row removed"],
)
def test_a_changed_or_removed_row_is_named(logged, capsys, statement, named):
    store, url = logged
    if store.dialect == "sqlite":
        statement = statement.replace("at + interval '1 hour'", "datetime(at, '+1 hour')")
    _tamper(store, statement)
    assert _verify(url) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert named in captured.err


def test_a_kept_head_finds_rows_removed_at_the_end(logged, capsys):
    store, url = logged
    assert main(["audit", "head", "--database-url", url]) == 0
    kept = capsys.readouterr().out.strip()
    assert len(kept) == 64
    with store.reading() as connection:
        assert audit_chain.head(connection) == (6, kept)
    access.write_audit(store, OPERATOR, "account", "success", detail="later")
    assert _verify(url, "--head", kept) == 0
    capsys.readouterr()
    _tamper(store, "DELETE FROM audit WHERE id >= 6")
    # Without the kept head the shorter chain is valid; with it, the truncation shows.
    assert _verify(url) == 0
    assert _verify(url, "--head", kept) == 1
    assert f"no row has the kept head hash {kept}" in capsys.readouterr().err


def test_rows_written_at_once_by_many_writers_form_one_chain(logged):
    store, _ = logged

    def write(number: int) -> None:
        for _ in range(10):
            access.write_audit(store, OPERATOR, "account", "success", detail=f"writer {number}")

    writers = [threading.Thread(target=write, args=(number,)) for number in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    with store.reading() as connection:
        result = audit_chain.verify(connection)
    assert result.intact, result.problem
    assert result.rows == 45
    assert [row["id"] for row in audit_rows(store)] == list(range(1, 46))


@pytest.mark.parametrize("engine_name", STORE_ENGINES)
def test_the_migration_chains_the_rows_of_an_older_store(engine_name, tmp_path):
    with empty_database(engine_name, tmp_path) as url:
        old = Store(engine.make_engine(url))
        with old.engine.connect().execution_options(eska_write=True) as connection:
            command.upgrade(engine.alembic_config(connection), "0002")
            connection.commit()
        with old.writing() as connection:
            for number in range(3):
                connection.execute(
                    sa.text(
                        "INSERT INTO audit (at, user_name, role, action, outcome, detail) "
                        "VALUES (:at, 'ani', 'caseworker', 'login', 'success', :detail)"
                    ),
                    {"at": access.utc_now(), "detail": f"old {number}"},
                )
        old.engine.dispose()
        store = open_store(url)
        access.write_audit(store, OPERATOR, "account", "success", detail="new")
        with store.reading() as connection:
            result = audit_chain.verify(connection)
            triggers = _audit_triggers(connection)
        assert (result.intact, result.rows) == (True, 4)
        assert {"audit_no_update", "audit_no_delete"} <= triggers
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            with store.engine.begin() as connection:
                connection.exec_driver_sql("UPDATE audit SET detail = 'x'")
        store.engine.dispose()


def _audit_triggers(connection) -> set[str]:
    if connection.dialect.name == "postgresql":
        query = (
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit'::regclass AND tgenabled = 'O'"
        )
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
    return set(connection.exec_driver_sql(query).scalars())


def test_a_chain_rewritten_whole_after_a_change_is_found_with_the_kept_head(logged, capsys):
    """An insider with the owner's powers who changes a row and recomputes every hash after it
    leaves a valid chain; the head kept elsewhere no longer appears in it."""
    store, url = logged
    with store.reading() as connection:
        _, kept = audit_chain.head(connection)
        rows = [dict(row._mapping) for row in connection.execute(sa.select(audit_table))]
    rows.sort(key=lambda row: row["id"])
    rows[1]["detail"] = "nothing happened"
    previous = audit_chain.GENESIS
    statements = []
    for row in rows:
        row["prev_hash"] = previous
        row["hash"] = previous = audit_chain.row_hash(previous, row)
        statements.append(
            f"UPDATE audit SET detail = '{row['detail']}', prev_hash = '{row['prev_hash']}', "
            f"hash = '{row['hash']}' WHERE id = {row['id']}"
        )
    _tamper(store, statements[0])
    for statement in statements[1:]:
        _tamper(store, statement)
    assert _verify(url) == 0
    assert _verify(url, "--head", kept) == 1
    assert "no row has the kept head hash" in capsys.readouterr().err
