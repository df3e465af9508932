"""Restoring a SQLite backup: a private copy checked (revision, audit triggers, chain), read."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from eska_network.store import audit_chain
from eska_network.store.backup_common import (
    APPEND_ONLY,
    BATCH,
    BackupError,
    check_chain,
    check_revision,
    is_chained,
    replace_rows,
    restored_tables,
    unknown_columns,
)
from eska_network.store.core import Store

_SQLITE_TRIGGERS = {
    f"audit_no_{event.lower()}": (
        f"CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON audit "
        f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
    )
    for event in ("UPDATE", "DELETE")
}


# SQLite


def restore_sqlite(store: Store, file: Path, audit_row: Mapping[str, object] | None) -> int:
    with _sqlite_copy(file) as source:
        with source.connect() as backup_connection:
            version = check_revision(file, _sqlite_version(backup_connection))
            _check_sqlite_triggers(file, backup_connection)
            present = {
                name: [column["name"] for column in sa.inspect(backup_connection).get_columns(name)]
                for name in sa.inspect(backup_connection).get_table_names()
            }
            if is_chained(version):
                check_chain(file, audit_chain.verify(backup_connection))
            for table in restored_tables():
                unknown = unknown_columns(table, present.get(table.name, []))
                if unknown:
                    raise BackupError(
                        f"{file}: table {table.name} has columns this program does not know "
                        f"({', '.join(unknown)})"
                    )
            copies = {
                table.name: _sqlite_batches(backup_connection, table, present[table.name])
                for table in restored_tables()
                if table.name in present
            }
            with store.writing() as connection:
                count = replace_rows(connection, copies)
                if audit_row is not None:
                    audit_chain.append(connection, [audit_row])
    return count


@contextmanager
def _sqlite_copy(file: Path) -> Iterator[sa.Engine]:
    """An engine on a private copy of a SQLite backup (reading it never changes the file)."""
    with tempfile.TemporaryDirectory(prefix="eska-restore-") as folder:
        copy = Path(folder) / "backup.db"
        shutil.copyfile(file, copy)
        os.chmod(copy, 0o600)
        copied = sa.create_engine(f"sqlite:///{copy}")
        try:
            yield copied
        finally:
            copied.dispose()


def _sqlite_version(connection: sa.Connection) -> str | None:
    try:
        return connection.scalar(sa.text("SELECT version_num FROM alembic_version"))
    except sa.exc.DatabaseError:
        return None


def _normal(sql: str) -> str:
    return " ".join(sql.replace(";", " ; ").split())


def _check_sqlite_triggers(file: Path, connection: sa.Connection) -> None:
    found: dict[str, str] = dict(
        connection.execute(
            sa.text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
            )
        ).all()
    )
    for name, sql in _SQLITE_TRIGGERS.items():
        if _normal(found.get(name) or "") != _normal(sql):
            raise BackupError(
                f"{file}: its audit table lacks the product's protection {name} "
                "(a backup whose audit could be changed is not restored)"
            )


def _sqlite_batches(connection: sa.Connection, table: sa.Table, names: list[str]):
    query = sa.select(*(table.c[name] for name in names))
    result = connection.execute(query.execution_options(yield_per=BATCH))
    for part in result.partitions(BATCH):
        yield [dict(row._mapping) for row in part]
