"""Backing up and restoring the store while the app runs, and checking two copies are the same."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy as sa

from eska_network.store import engine, tables
from eska_network.store.core import Store

PG_DUMP_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(RuntimeError):
    """A backup or restore could not be made; the store is unchanged."""


def backup(store: Store, file: Path) -> Path:
    """Write a consistent copy of the store to ``file`` (safe while the app is writing).

    SQLite: the online backup API (one consistent snapshot, writers are not stopped).
    PostgreSQL: ``pg_dump`` custom format of the store's schema. The file appears only
    when complete.
    """
    file = Path(file)
    partial = file.with_name(file.name + ".partial")
    if store.dialect == "sqlite":
        source = sqlite3.connect(_sqlite_path(store), timeout=engine.SQLITE_BUSY_SECONDS)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        _run_pg(
            "pg_dump",
            store,
            "--format=custom",
            "--no-owner",
            f"--schema={_schema(store)}",
            f"--file={partial}",
        )
    # The copy holds every child's record: readable by its owner only.
    os.chmod(partial, 0o600)
    os.replace(partial, file)
    return file


def restore(store: Store, file: Path) -> None:
    """Replace everything in the store by the backup ``file`` made by :func:`backup`."""
    file = Path(file)
    head = file.read_bytes()[:16] if file.is_file() else b""
    if store.dialect == "sqlite":
        if head != SQLITE_MAGIC:
            raise BackupError(f"{file} is not a SQLite backup of the store")
        source = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            _check_sqlite_backup(source, file)
            store.engine.dispose()
            target = sqlite3.connect(_sqlite_path(store), timeout=engine.SQLITE_BUSY_SECONDS)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    else:
        if not head.startswith(PG_DUMP_MAGIC):
            raise BackupError(f"{file} is not a pg_dump custom-format backup of the store")
        store.engine.dispose()
        _run_pg(
            "pg_restore",
            store,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            str(file),
        )
    store.engine.dispose()
    # A backup made by an older version is brought up to this version's schema.
    engine.upgrade(store.engine)


def table_checksums(store: Store) -> dict[str, tuple[int, str]]:
    """Each table's row count and a SHA-256 of its rows (order and engine independent)."""
    result = {}
    with store.reading() as connection:
        for name, table in tables.metadata.tables.items():
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


def _sqlite_path(store: Store) -> str:
    database = store.url.database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite store cannot be backed up")
    return database


def _check_sqlite_backup(connection: sqlite3.Connection, file: Path) -> None:
    try:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        version = None
    if version is None:
        raise BackupError(f"{file} is not a backup of the store (no migration version)")
    if version[0] not in engine.known_revisions():
        raise BackupError(
            f"{file} is at migration {version[0]}, which this program does not know: "
            "restore it with the version of the program that made it"
        )


def _schema(store: Store) -> str:
    with store.reading() as connection:
        return connection.scalar(sa.text("SELECT current_schema()"))


def _run_pg(program: str, store: Store, *arguments: str) -> None:
    """Run pg_dump or pg_restore on the store's database (password through the environment)."""
    url = store.url
    executable = shutil.which(program) or f"/usr/bin/{program}"
    libpq = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    environment = {**os.environ}
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    command = [executable, *arguments, f"--dbname={libpq}"]
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()}")
