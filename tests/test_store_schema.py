"""The store's schema: one migration head, tables as the code describes them, engine settings."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from eska_network.cli import main
from eska_network.domain import schema, summary
from eska_network.store import database_url, engine, open_store, tables


def test_the_migrations_have_one_head():
    heads = ScriptDirectory.from_config(engine.alembic_config()).get_heads()
    assert len(heads) == 1


def test_the_migrated_database_matches_the_table_definitions(store):
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), tables.metadata)
    assert differences == []
    assert engine.current_revision(store.engine) == engine.head_revision()


def test_gap_summaries_have_exactly_the_summary_columns(store):
    columns = sa.inspect(store.engine).get_columns("gap_summaries")
    assert [column["name"] for column in columns] == list(summary.SUMMARY_COLUMNS)


def test_interchange_tables_hold_every_schema_column():
    for spec in schema.FILES:
        if spec is schema.ACTIONS:
            continue
        table = tables.INTERCHANGE[spec.name]
        assert set(spec.column_names) <= set(table.c.keys())
        for column in spec.columns:
            # A list is "" when empty, except where "not recorded" (NULL) differs from "none".
            never_null = column.required or (column.kind == "codes" and not column.none_word)
            assert table.c[column.name].nullable == (not never_null) or (
                table.c[column.name].primary_key
            )


def test_every_actions_csv_column_has_a_place_in_the_actions_table():
    from eska_network.store.reading import _ACTION_COLUMNS

    assert set(_ACTION_COLUMNS) == set(schema.ACTIONS.column_names) - {"gap"}
    assert set(_ACTION_COLUMNS.values()) <= set(tables.actions.c.keys())
    assert {"gap_kind", "gap_detail"} <= set(tables.actions.c.keys())


def test_the_caseload_and_district_queries_have_indexes(store):
    inspector = sa.inspect(store.engine)
    indexed = {
        table: [tuple(index["column_names"]) for index in inspector.get_indexes(table)]
        for table in ("children", "resources")
    }
    assert ("caseworker",) in indexed["children"]
    assert ("district",) in indexed["children"]
    assert ("district",) in indexed["resources"]
    assert inspector.get_pk_constraint("ties")["constrained_columns"][0] == "child_id"
    assert inspector.get_pk_constraint("gap_summaries")["constrained_columns"] == ["child_id"]


def test_upgrading_twice_changes_nothing(store_url):
    first = open_store(store_url)
    second = open_store(store_url)
    assert engine.current_revision(second.engine) == engine.head_revision()
    assert second.is_empty()
    first.engine.dispose()
    second.engine.dispose()


@pytest.mark.parametrize("statement", ["UPDATE audit SET outcome = 'x'", "DELETE FROM audit"])
def test_the_database_refuses_to_change_the_audit(store, statement):
    with store.writing() as connection:
        connection.execute(
            tables.audit.insert().values(
                at=sa.func.now(), user_name="u", role="caseworker", action="view", outcome="success"
            )
        )
    with pytest.raises(sa.exc.DatabaseError, match="append-only"):
        with store.writing() as connection:
            connection.exec_driver_sql(statement)
    assert store.table_counts()["audit"] == 1


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'sub' / 'eska.db'}")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert (tmp_path / "sub" / "eska.db").is_file()


def test_the_database_url_comes_from_the_argument_then_the_environment(monkeypatch):
    monkeypatch.delenv("ESKA_DATABASE_URL", raising=False)
    assert database_url() == f"sqlite:///{engine.REPO_ROOT / 'data' / 'eska.db'}"
    monkeypatch.setenv("ESKA_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert database_url() == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///other.db") == "sqlite:///other.db"


def test_db_upgrade_command_migrates_the_database_of_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ESKA_DATABASE_URL", f"sqlite:///{tmp_path / 'eska.db'}")
    assert main(["db", "upgrade"]) == 0
    assert engine.head_revision() in capsys.readouterr().out
    migrated = sa.create_engine(f"sqlite:///{tmp_path / 'eska.db'}")
    assert "children" in sa.inspect(migrated).get_table_names()
    migrated.dispose()
