"""A first large import into an empty PostgreSQL store loads its tables without keys, then builds
them: the schema after it is exactly the migrated one, the rows are those of an ordinary import,
and a failing import leaves both the schema and the store as they were."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from eska_network.domain import synth
from eska_network.store import bulk_load, checking, open_store, summaries, tables

from .conftest import empty_database


def on_postgres(test):
    """Mark a test as needing PostgreSQL (run by ``make test``, grouped on one xdist worker)."""
    return pytest.mark.postgres(pytest.mark.xdist_group("postgres")(test))


@pytest.fixture
def postgres_store(tmp_path):
    """A migrated, empty store on PostgreSQL (in a schema of its own)."""
    with empty_database("postgresql", tmp_path) as url:
        store = open_store(url)
        yield store
        store.engine.dispose()


def _schema(store) -> dict[str, object]:
    """Everything the migrations make, read back: every table as SQLAlchemy inspects it, and every
    constraint and index of the schema by name with its definition as PostgreSQL gives it."""
    with store.engine.connect() as connection:
        inspector = sa.inspect(connection)
        inspected = {
            name: {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"], c["default"])
                    for c in inspector.get_columns(name)
                ],
                "primary_key": inspector.get_pk_constraint(name),
                "foreign_keys": sorted(
                    inspector.get_foreign_keys(name), key=lambda key: str(key["name"])
                ),
                "indexes": sorted(inspector.get_indexes(name), key=lambda index: index["name"]),
                "unique": sorted(
                    inspector.get_unique_constraints(name), key=lambda key: str(key["name"])
                ),
            }
            for name in sorted(inspector.get_table_names())
        }
        constraints = connection.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid), "
            "convalidated, condeferrable FROM pg_constraint "
            "WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2"
        ).all()
        indexes = connection.exec_driver_sql(
            "SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() ORDER BY 1, 2"
        ).all()
        drift = compare_metadata(MigrationContext.configure(connection), tables.metadata)
    return {
        "tables": inspected,
        "constraints": constraints,
        "indexes": indexes,
        "drift": drift,
    }


def _bulk(monkeypatch) -> list[bool]:
    """Make any import large enough for a bulk load; the list tells whether each one was."""
    monkeypatch.setattr(bulk_load, "BULK_ROWS", 1)
    seen: list[bool] = []
    applies = bulk_load.applies

    def spy(connection, tie_rows):
        seen.append(applies(connection, tie_rows))
        return seen[-1]

    monkeypatch.setattr(bulk_load, "applies", spy)
    return seen


@on_postgres
def test_a_bulk_load_leaves_exactly_the_migrated_schema_and_the_same_rows(
    postgres_store, tmp_path, monkeypatch
):
    dataset = synth.generate(40, districts=3, seed=5)
    migrated = _schema(postgres_store)
    assert migrated["drift"] == []
    assert any(row[1] == "fk_ties_child_id_members" for row in migrated["constraints"])
    seen = _bulk(monkeypatch)
    dropped: list[str] = []
    drop = bulk_load.drop

    def drop_and_look(connection):
        deferred = drop(connection)
        dropped.extend(deferred.statements)
        # Inside the load: no key, index or foreign key left on the tables it fills but one
        # (their checks of values stay: they cost little).
        left = connection.exec_driver_sql(
            "SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u', 'f') "
            "AND conrelid = ANY(CAST(%(names)s AS regclass[])) "
            "UNION SELECT indexrelid::regclass::text FROM pg_index "
            "WHERE indrelid = ANY(CAST(%(names)s AS regclass[]))",
            {"names": [table.name for table in bulk_load.TABLES]},
        ).scalars()
        assert sorted(left) == ["pk_children"]
        return deferred

    monkeypatch.setattr(bulk_load, "drop", drop_and_look)

    postgres_store.import_dataset(dataset)

    assert seen == [True]
    made_again = " ".join(dropped)
    for name in ("pk_ties", "fk_ties_child_id_members", "ix_children_caseworker", "pk_actions"):
        assert f"{name} " in made_again
    assert _schema(postgres_store) == migrated
    with postgres_store.reading() as connection:
        analyzed = connection.exec_driver_sql(
            "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
            "AND last_analyze IS NOT NULL"
        ).scalars()
        # The planner has statistics of every table loaded, not only once autovacuum ran.
        assert {table.name for table in bulk_load.TABLES} <= set(analyzed)
    _, differences = checking.check(postgres_store)
    assert differences == []
    with empty_database("postgresql", tmp_path) as url:
        ordinary = open_store(url)
        monkeypatch.setattr(bulk_load, "BULK_ROWS", 10**12)
        ordinary.import_dataset(dataset)
        assert seen == [True, False]
        assert ordinary.table_counts() == postgres_store.table_counts()
        for name in ("children", "members", "ties", "assessments", "actions"):
            expected = getattr(ordinary.load_dataset(), name)
            pd.testing.assert_frame_equal(getattr(postgres_store.load_dataset(), name), expected)
        pd.testing.assert_frame_equal(
            postgres_store.gap_summaries(), ordinary.gap_summaries(), check_like=True
        )
        ordinary.engine.dispose()


@on_postgres
def test_the_keys_are_kept_when_the_store_holds_a_child(postgres_store, monkeypatch):
    postgres_store.import_dataset(synth.generate(5, districts=2, seed=1))
    seen = _bulk(monkeypatch)
    migrated = _schema(postgres_store)
    postgres_store.import_dataset(synth.generate(10, districts=2, seed=2))
    assert seen == [False]
    assert _schema(postgres_store) == migrated


@on_postgres
def test_a_failing_bulk_load_leaves_the_schema_and_the_store_as_they_were(
    postgres_store, monkeypatch
):
    migrated = _schema(postgres_store)
    seen = _bulk(monkeypatch)

    def fail(*args, **kwargs):
        raise RuntimeError("the summaries failed")

    monkeypatch.setattr(summaries, "recompute", fail)
    with pytest.raises(RuntimeError, match="the summaries failed"):
        postgres_store.import_dataset(synth.generate(20, districts=2, seed=3))
    assert seen == [True]
    assert postgres_store.is_empty()
    assert _schema(postgres_store) == migrated


@on_postgres
def test_a_row_without_its_parent_fails_the_bulk_load_when_its_key_is_built(
    postgres_store, monkeypatch
):
    """The foreign keys made again after the load check every row: a tie naming no member of its
    child (which the import's own checks would refuse before) fails the import, atomically."""
    migrated = _schema(postgres_store)
    _bulk(monkeypatch)
    original = bulk_load.restore

    def orphan_then_restore(connection, deferred):
        connection.exec_driver_sql(
            "UPDATE ties SET target = 'nobody' WHERE ctid = (SELECT min(ctid) FROM ties)"
        )
        original(connection, deferred)

    monkeypatch.setattr(bulk_load, "restore", orphan_then_restore)
    with pytest.raises(sa.exc.IntegrityError, match="fk_ties_child_id_members"):
        postgres_store.import_dataset(synth.generate(20, districts=2, seed=4))
    assert postgres_store.is_empty()
    assert _schema(postgres_store) == migrated


def test_sqlite_imports_as_before(tmp_path, monkeypatch):
    store = open_store(f"sqlite:///{tmp_path / 'eska.db'}")
    seen = _bulk(monkeypatch)
    report = store.import_dataset(synth.generate(10, districts=2, seed=6))
    assert seen == [False]
    assert report.children_added == 10
    assert checking.check(store)[1] == []


@on_postgres
def test_the_apps_own_role_imports_the_ordinary_way(postgres_store):
    """The app's role owns no table (``db grant``): it may not drop a key, so it never tries."""
    from eska_network.cli import main

    from .test_database_role import APP_LOGIN, APP_ROLE

    owner_url = postgres_store.url.render_as_string(hide_password=False)
    assert main(["db", "grant", APP_ROLE, "--database-url", owner_url]) == 0
    user, password = APP_LOGIN.split(":")
    app = open_store(
        postgres_store.url.set(username=user, password=password).render_as_string(
            hide_password=False
        )
    )
    try:
        with app.reading() as connection:
            assert not bulk_load.applies(connection, 10**9)
        with postgres_store.reading() as connection:
            assert bulk_load.applies(connection, 10**9)
    finally:
        app.engine.dispose()
