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
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from eska_network.store import audit_chain, engine, frames, tables
from eska_network.store.core import Store

PG_DUMP_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"
KEPT_ON_RESTORE = ("audit", "publications", "published_rows")
"""Tables a restore leaves as they are: the audit (appended to, never replaced) and the figures
planners have been shown (recomputed from other records, they could be compared with the old)."""
RESTORED_SETTINGS = ("demo",)
"""The ``store_settings`` keys that describe the records, and so come from the backup."""
CHAINED_FROM = "0014_audit_chain"
"""The first revision whose audit rows are hash-chained."""
_APPEND_ONLY = "the audit log is append-only"
_SQLITE_TRIGGERS = {
    f"audit_no_{event.lower()}": (
        f"CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON audit "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
    )
    for event in ("UPDATE", "DELETE")
}
_BATCH = 5000


class BackupError(RuntimeError):
    """A backup or restore could not be made; the store is unchanged."""


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
                "--no-privileges",
                f"--schema={_schema(store)}",
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
        restored = _restore_sqlite(store, file, audit_row)
    else:
        if not head.startswith(PG_DUMP_MAGIC):
            raise BackupError(f"{file} is not a pg_dump custom-format backup of the store")
        restored = _restore_postgresql(store, file, audit_row)
    return restored


def _restored_tables() -> list[sa.Table]:
    """The tables a restore replaces, parents before children."""
    return [t for t in tables.metadata.sorted_tables if t.name not in KEPT_ON_RESTORE]


def _check_revision(file: Path, version: str | None) -> str:
    if version is None:
        raise BackupError(f"{file} is not a backup of the store (no migration version)")
    if version not in engine.known_revisions():
        raise BackupError(
            f"{file} is at migration {version}, which this program does not know: "
            "restore it with the version of the program that made it"
        )
    return version


def _chained(version: str) -> bool:
    order = _revision_order()
    return order.index(version) >= order.index(CHAINED_FROM)


def _revision_order() -> list[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(engine.alembic_config())
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]


def _check_chain(file: Path, verification: audit_chain.Verification) -> None:
    if not verification.intact:
        raise BackupError(
            f"{file}: the backup's audit log was tampered with ({verification.problem})"
        )


def _unknown_columns(table: sa.Table, names: list[str]) -> list[str]:
    return [name for name in names if name not in table.c]


def _replace_rows(connection: sa.Connection, copies: Mapping[str, Iterator[list[dict]]]) -> int:
    """Delete the live rows of every restored table, then insert the backup's (FK order)."""
    restored = _restored_tables()
    for table in reversed(restored):
        if table is tables.settings:
            connection.execute(table.delete().where(table.c.key.in_(RESTORED_SETTINGS)))
        else:
            connection.execute(table.delete())
    count = 0
    for table in restored:
        for batch in copies.get(table.name, iter(())):
            if table is tables.settings:
                batch = [row for row in batch if row["key"] in RESTORED_SETTINGS]
            if batch:
                connection.execute(table.insert(), batch)
                count += len(batch)
    return count


# SQLite


def _restore_sqlite(store: Store, file: Path, audit_row: Mapping[str, object] | None) -> int:
    with _sqlite_copy(file) as source:
        with source.connect() as backup_connection:
            version = _check_revision(file, _sqlite_version(backup_connection))
            _check_sqlite_triggers(file, backup_connection)
            present = {
                name: [column["name"] for column in sa.inspect(backup_connection).get_columns(name)]
                for name in sa.inspect(backup_connection).get_table_names()
            }
            if _chained(version):
                _check_chain(file, audit_chain.verify(backup_connection))
            for table in _restored_tables():
                unknown = _unknown_columns(table, present.get(table.name, []))
                if unknown:
                    raise BackupError(
                        f"{file}: table {table.name} has columns this program does not know "
                        f"({', '.join(unknown)})"
                    )
            copies = {
                table.name: _sqlite_batches(backup_connection, table, present[table.name])
                for table in _restored_tables()
                if table.name in present
            }
            with store.writing() as connection:
                count = _replace_rows(connection, copies)
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
    result = connection.execute(query.execution_options(yield_per=_BATCH))
    for part in result.partitions(_BATCH):
        yield [dict(row._mapping) for row in part]


# PostgreSQL

_COPY = re.compile(rb"^COPY (?P<table>\S+) \((?P<columns>[^)]*)\) FROM stdin;$")


def _restore_postgresql(store: Store, file: Path, audit_row: Mapping[str, object] | None) -> int:
    schema_sql = _pg_restore_text(file, "--schema-only")
    _check_pg_protections(file, schema_sql)
    with store.writing() as connection:
        staged = _stage_pg_data(connection, file)
        version = _check_revision(file, staged.pop("alembic_version", (None, None))[1])
        audit_stage = staged.pop("audit", None)
        if _chained(version):
            if audit_stage is None:
                raise BackupError(f"{file}: the backup holds no audit table")
            _check_chain(file, audit_chain.verify(connection, table=audit_stage[0]))
        copies = {
            name: _pg_batches(connection, stage, columns)
            for name, (stage, columns) in staged.items()
        }
        count = _replace_rows(connection, copies)
        _reset_sequences(connection)
        if audit_row is not None:
            audit_chain.append(connection, [audit_row])
    return count


def _pg_restore_text(file: Path, *options: str) -> str:
    done = subprocess.run(
        [_executable("pg_restore"), *options, "--file=-", str(file)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_restore cannot read {file}: {done.stderr.decode(errors='replace')}")
    return done.stdout.decode("utf-8", errors="replace")


def _check_pg_protections(file: Path, schema_sql: str) -> None:
    if f"RAISE EXCEPTION '{_APPEND_ONLY}'" not in schema_sql:
        raise BackupError(f"{file}: its audit table lacks the product's append-only function")
    for event, each in (("UPDATE", "ROW"), ("DELETE", "ROW"), ("TRUNCATE", "STATEMENT")):
        trigger = re.compile(
            rf"CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON (\S+\.)?audit "
            rf"FOR EACH {each} EXECUTE FUNCTION (\S+\.)?audit_append_only\(\);"
        )
        disabled = re.search(rf"DISABLE TRIGGER audit_no_{event.lower()}\b", schema_sql)
        if not trigger.search(schema_sql) or disabled:
            raise BackupError(
                f"{file}: its audit table lacks the product's protection audit_no_"
                f"{event.lower()} (a backup whose audit could be changed is not restored)"
            )


def _stage_pg_data(connection: sa.Connection, file: Path) -> dict[str, tuple[sa.Table, str]]:
    """COPY every table of the backup into a temporary table; by name: (stage, columns).

    ``alembic_version`` is read instead: its entry is ``(None, version)``.
    """
    raw = frames.driver_connection(connection)
    known = {table.name: table for table in tables.metadata.sorted_tables}
    staged: dict = {}
    process = subprocess.Popen(
        [_executable("pg_restore"), "--data-only", "--file=-", str(file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # Both pipes exist: they were asked for above.
    assert process.stdout is not None and process.stderr is not None
    try:
        lines = iter(process.stdout)
        for line in lines:
            match = _COPY.match(line.rstrip(b"\n"))
            if not match:
                continue
            name = match["table"].decode().rsplit(".", 1)[-1].strip('"')
            columns = match["columns"].decode()
            data = _copy_block(lines)
            if name == "alembic_version":
                rows = [line.rstrip(b"\n").decode() for line in data]
                staged[name] = (None, rows[0] if rows else None)
                continue
            if name not in known:
                raise BackupError(f"{file} holds a table {name} this program does not know")
            names = [column.strip().strip('"') for column in columns.split(",")]
            unknown = _unknown_columns(known[name], names)
            if unknown:
                raise BackupError(
                    f"{file}: table {name} has columns this program does not know "
                    f"({', '.join(unknown)})"
                )
            stage = f"eska_restore_{name}"
            connection.exec_driver_sql(
                f"CREATE TEMPORARY TABLE {stage} (LIKE {name} INCLUDING DEFAULTS) ON COMMIT DROP"
            )
            with (
                raw.cursor() as cursor,
                cursor.copy(f"COPY {stage} ({columns}) FROM STDIN") as copy,
            ):
                for row in data:
                    copy.write(row)
            staged[name] = (_stage_table(known[name], stage), columns)
    finally:
        process.stdout.close()
        error = process.stderr.read().decode(errors="replace")
        process.stderr.close()
        if process.wait() != 0:
            raise BackupError(f"pg_restore cannot read {file}: {error.strip()}")
    return staged


def _copy_block(lines: Iterator[bytes]) -> Iterator[bytes]:
    """The data lines of one COPY block, up to its ``\\.`` line."""
    for line in lines:
        if line.rstrip(b"\n") == b"\\.":
            return
        yield line


def _stage_table(table: sa.Table, name: str) -> sa.Table:
    """The temporary table ``name`` with ``table``'s columns and types."""
    return sa.Table(name, sa.MetaData(), *(sa.Column(c.name, c.type) for c in table.columns))


def _pg_batches(connection: sa.Connection, stage: sa.Table, columns: str):
    names = [column.strip().strip('"') for column in columns.split(",")]
    query = sa.select(*(stage.c[name] for name in names))
    result = connection.execute(query.execution_options(yield_per=_BATCH))
    for part in result.partitions(_BATCH):
        yield [dict(row._mapping) for row in part]


def _reset_sequences(connection: sa.Connection) -> None:
    """Move each serial column's sequence past the restored ids."""
    for table in _restored_tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True:
                connection.execute(
                    sa.text(
                        "SELECT setval(pg_get_serial_sequence(:table, :column), "
                        f"COALESCE((SELECT max({column.name}) FROM {table.name}), 0) + 1, false)"
                    ).bindparams(table=table.name, column=column.name)
                )


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


def _sqlite_path(store: Store) -> str:
    database = store.url.database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite store cannot be backed up")
    return database


def _schema(store: Store) -> str:
    with store.reading() as connection:
        return connection.scalar(sa.text("SELECT current_schema()"))


def _executable(program: str) -> str:
    return shutil.which(program) or f"/usr/bin/{program}"


def _run_pg(program: str, store: Store, *arguments: str) -> None:
    """Run pg_dump on the store's database (password through the environment)."""
    url = store.url
    libpq = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    environment = {**os.environ}
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    command = [_executable(program), *arguments, f"--dbname={libpq}"]
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()}")
