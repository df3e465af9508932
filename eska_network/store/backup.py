"""Backing up and restoring the store while the app runs, and checking two copies are the same.

A restore replaces the store's records (children, history, accounts, actions...) by a backup's
and keeps what must outlive it: the live audit log, to which it appends a ``restore`` row, and
the planners' published figures. It is one transaction: all of it, or nothing.

A backup is refused, before anything changes, unless it is one of the product's own: a schema
revision the program knows, the audit protections it creates (the triggers that refuse UPDATE
and DELETE, and TRUNCATE on PostgreSQL), and, from revision 0014_audit_chain on, an intact
audit hash chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path

import sqlalchemy as sa

from eska_network.store import audit_chain, engine, tables
from eska_network.store.backup_common import BackupError, run_pg, schema_of, sqlite_path
from eska_network.store.core import Store
from eska_network.store.restore_postgresql import restore_postgresql
from eska_network.store.restore_sqlite import restore_sqlite

PG_DUMP_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"


def _private_file(file: Path) -> None:
    """Create ``file`` empty and readable by its owner only (before anything is written to it)."""
    file.unlink(missing_ok=True)
    os.close(os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def backup(store: Store, file: Path, audit_row: Mapping[str, object] | None = None) -> Path:
    """Write a consistent copy of the store to ``file`` (safe while the app is writing).

    SQLite: the online backup API (one consistent snapshot, writers are not stopped).
    PostgreSQL: ``pg_dump`` custom format of the store's schema. The file is readable by its
    owner only from the start, and appears under its name only when complete. ``audit_row``
    (the fields of a ``backup`` row) is appended to the audit once the copy is made.
    """
    file = Path(file)
    partial = file.with_name(file.name + ".partial")
    _private_file(partial)
    try:
        if store.dialect == "sqlite":
            source = sqlite3.connect(sqlite_path(store), timeout=engine.SQLITE_BUSY_SECONDS)
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            run_pg(
                "pg_dump",
                store,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--schema={schema_of(store)}",
                f"--file={partial}",
            )
        os.replace(partial, file)
    finally:
        partial.unlink(missing_ok=True)
    if audit_row is not None:
        with store.writing() as connection:
            audit_chain.append(connection, [audit_row])
    return file


def restore(store: Store, file: Path, audit_row: Mapping[str, object] | None = None) -> int:
    """Replace the store's records by those of the backup ``file``; return the rows restored.

    The live audit rows stay, and ``audit_row`` (the fields of a ``restore`` row) is appended in
    the same transaction.

    Raises
    ------
    BackupError
        When ``file`` is not a backup of the product's own (see the module), or does not fit
        this program's tables; the store is unchanged.
    """
    file = Path(file)
    head = file.read_bytes()[:16] if file.is_file() else b""
    if store.dialect == "sqlite":
        if head != SQLITE_MAGIC:
            raise BackupError(f"{file} is not a SQLite backup of the store")
        restored = restore_sqlite(store, file, audit_row)
    else:
        if not head.startswith(PG_DUMP_MAGIC):
            raise BackupError(f"{file} is not a pg_dump custom-format backup of the store")
        restored = restore_postgresql(store, file, audit_row)
    return restored


# Checking copies, and the helpers of both engines


def table_checksums(store: Store, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, str]]:
    """Each table's row count and a SHA-256 of its rows (order and engine independent)."""
    result = {}
    with store.reading() as connection:
        for name, table in tables.metadata.tables.items():
            if name in skip:
                continue
            rows = sorted(
                "\x1f".join(_canonical(value) for value in row)
                for row in connection.execute(sa.select(table))
            )
            digest = hashlib.sha256("\x1e".join(rows).encode()).hexdigest()
            result[name] = (len(rows), digest)
    return result


def _canonical(value: object) -> str:
    if value is None:
        return "\0"
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).isoformat()
    if isinstance(value, bool):
        return str(int(value))
    return str(value)
