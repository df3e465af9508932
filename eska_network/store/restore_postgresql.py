"""Restoring a PostgreSQL backup (pg_dump's custom format): checked, then its COPY data staged."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import sqlalchemy as sa

from eska_network.store import audit_chain, frames, tables
from eska_network.store.backup_common import (
    APPEND_ONLY,
    BATCH,
    BackupError,
    check_chain,
    check_revision,
    executable,
    is_chained,
    replace_rows,
    restored_tables,
    unknown_columns,
)
from eska_network.store.core import Store

# PostgreSQL

_COPY = re.compile(rb"^COPY (?P<table>\S+) \((?P<columns>[^)]*)\) FROM stdin;$")


def restore_postgresql(store: Store, file: Path, audit_row: Mapping[str, object] | None) -> int:
    schema_sql = _pg_restore_text(file, "--schema-only")
    _check_pg_protections(file, schema_sql)
    with store.writing() as connection:
        staged = _stage_pg_data(connection, file)
        version = check_revision(file, staged.pop("alembic_version", (None, None))[1])
        audit_stage = staged.pop("audit", None)
        if is_chained(version):
            if audit_stage is None:
                raise BackupError(f"{file}: the backup holds no audit table")
            check_chain(file, audit_chain.verify(connection, table=audit_stage[0]))
        copies = {
            name: _pg_batches(connection, stage, columns)
            for name, (stage, columns) in staged.items()
        }
        count = replace_rows(connection, copies)
        _reset_sequences(connection)
        if audit_row is not None:
            audit_chain.append(connection, [audit_row])
    return count


def _pg_restore_text(file: Path, *options: str) -> str:
    done = subprocess.run(
        [executable("pg_restore"), *options, "--file=-", str(file)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_restore cannot read {file}: {done.stderr.decode(errors='replace')}")
    return done.stdout.decode("utf-8", errors="replace")


def _check_pg_protections(file: Path, schema_sql: str) -> None:
    if f"RAISE EXCEPTION '{APPEND_ONLY}'" not in schema_sql:
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
        [executable("pg_restore"), "--data-only", "--file=-", str(file)],
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
            unknown = unknown_columns(known[name], names)
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
    result = connection.execute(query.execution_options(yield_per=BATCH))
    for part in result.partitions(BATCH):
        yield [dict(row._mapping) for row in part]


def _reset_sequences(connection: sa.Connection) -> None:
    """Move each serial column's sequence past the restored ids."""
    for table in restored_tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True:
                connection.execute(
                    sa.text(
                        "SELECT setval(pg_get_serial_sequence(:table, :column), "
                        f"COALESCE((SELECT max({column.name}) FROM {table.name}), 0) + 1, false)"
                    ).bindparams(table=table.name, column=column.name)
                )
