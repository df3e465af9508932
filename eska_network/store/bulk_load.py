"""A store's first large import on PostgreSQL, loaded the way ``pg_restore`` loads a dump.

Copying millions of rows into tables that keep their keys, indexes and foreign keys makes the
server update every index and check every foreign key row by row: at 1,000,000 children most of
an import's 24 minutes. When a large data set goes into a store that holds no child, the keys,
indexes and foreign keys of the tables the import fills are dropped first and made again, by
their own definitions read from the catalogue, once the rows are in: each index built in one
sort, each foreign key checked in one query. All of it happens in the import's transaction
(PostgreSQL's DDL is transactional): an import that fails leaves the schema as it was, and one
that succeeds leaves exactly the migrated schema (``tests/test_store_bulk_load.py`` compares it).

The tables are locked (``ACCESS EXCLUSIVE``) until the import commits: readers of an empty store
wait for it rather than seeing no child.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa

from eska_network.store import tables

BULK_ROWS = 100_000
"""Tie rows from which a first import into an empty store is loaded without keys: below it,
keeping the indexes up to date costs less than building them again."""
TABLES = (
    tables.children,
    tables.child_history,
    tables.members,
    tables.member_history,
    tables.ties,
    tables.assessments,
    tables.revisions,
    tables.gap_summaries,
    tables.child_scores,
    tables.child_vectors,
    tables.actions,
    tables.action_history,
)
"""The tables an import fills, one or more rows per child."""
KEPT = ("pk_children",)
"""Kept through the load: the import reads each child's revision and district by its id."""
MAINTENANCE_KB = 256 * 1024
"""``maintenance_work_mem`` (kB) at least, for the index builds: the server's default is 64 MB;
a server set higher (README: 512 MB for a national store) keeps its own."""


@dataclass(frozen=True)
class Deferred:
    """What was dropped before the load, as the statements that make it again, in order."""

    statements: tuple[str, ...]


def applies(connection: sa.Connection, tie_rows: int) -> bool:
    """True when an import of ``tie_rows`` tie rows on ``connection`` is a bulk load: PostgreSQL,
    at least :data:`BULK_ROWS` rows, a store holding no child, tables owned by the importer."""
    if connection.dialect.name != "postgresql" or tie_rows < BULK_ROWS:
        return False
    if connection.scalar(sa.select(tables.children.c.child_id).limit(1)) is not None:
        return False
    # The app's own role owns no table (store/privileges.py): it imports the ordinary way.
    owned = sa.text(
        "SELECT bool_and(pg_has_role(relowner, 'USAGE')) FROM pg_class "
        "WHERE oid = ANY(CAST(:names AS regclass[]))"
    )
    return bool(connection.scalar(owned, {"names": [table.name for table in TABLES]}))


@contextmanager
def keys_deferred(connection: sa.Connection, enabled: bool) -> Iterator[None]:
    """Run the block with the keys, indexes and foreign keys of :data:`TABLES` dropped, then
    make them again (when ``enabled``; otherwise the block runs as it is).

    Must run inside the caller's transaction: an error in the block or in a rebuild (a duplicate
    key, a row without its parent) rolls the drop back with everything else.
    """
    if not enabled:
        yield
        return
    deferred = drop(connection)
    yield
    restore(connection, deferred)


def drop(connection: sa.Connection) -> Deferred:
    """Drop the foreign keys of :data:`TABLES`, then their keys and indexes (but :data:`KEPT` and
    any key a foreign key of another table needs); give the statements that make them again."""
    names = [table.name for table in TABLES]
    foreign = _rows(
        connection,
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' AND conrelid = ANY(CAST(:names AS regclass[])) ORDER BY 1, 2",
        names=names,
    )
    keys = _rows(
        connection,
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
        "FROM pg_constraint c WHERE c.contype IN ('p', 'u') "
        "AND c.conrelid = ANY(CAST(:names AS regclass[])) AND NOT c.conname = ANY(:kept) "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' "
        "AND f.conindid = c.conindid AND NOT f.conrelid = ANY(CAST(:names AS regclass[]))) "
        "ORDER BY 1, 2",
        names=names,
        kept=list(KEPT),
    )
    indexes = _rows(
        connection,
        "SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, "
        "pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid = ANY(CAST(:names AS regclass[])) AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid "
        "AND c.conrelid = i.indrelid) ORDER BY 1, 2",
        names=names,
    )
    quote = connection.dialect.identifier_preparer.quote
    for table, name, _ in [*foreign, *keys]:
        connection.exec_driver_sql(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
    for _, index, _ in indexes:
        connection.exec_driver_sql(f"DROP INDEX {index}")
    # Keys and indexes first (the foreign keys' checks use the referenced keys), as pg_restore.
    add = "ALTER TABLE {} ADD CONSTRAINT {} {}"
    remake = [
        *(add.format(table, quote(name), text) for table, name, text in keys),
        *(text for _, _, text in indexes),
        *(add.format(table, quote(name), text) for table, name, text in foreign),
    ]
    return Deferred(tuple(remake))


def restore(connection: sa.Connection, deferred: Deferred) -> None:
    """Make again what :func:`drop` dropped (each index in one sort, each foreign key checked in
    one query), in the same transaction; then gather the tables' statistics.

    Without statistics the planner misjudges a store just loaded until autovacuum gets to it
    (minutes at 1,000,000 children): a caseworker's caseload read every action of the country
    (0.4 s instead of 20 ms in the national bench's first rounds).
    """
    setting = sa.text("SELECT setting::bigint FROM pg_settings WHERE name = 'maintenance_work_mem'")
    if (connection.scalar(setting) or 0) < MAINTENANCE_KB:
        connection.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{MAINTENANCE_KB}kB'")
    for statement in deferred.statements:
        connection.exec_driver_sql(statement)
    for table in TABLES:
        connection.exec_driver_sql(f"ANALYZE {table.name}")


def _rows(connection: sa.Connection, sql: str, **parameters: object) -> list[tuple[str, str, str]]:
    rows = connection.execute(sa.text(sql), parameters)
    return [(str(table), str(name), str(text)) for table, name, text in rows]
