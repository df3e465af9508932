"""What backup and restore share: the checks a backup must pass, the row copy, the pg programs.

A backup is refused, before anything changes, unless it is one of the product's own: a schema
revision the program knows and, from revision 0014_audit_chain on, an intact audit hash chain.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import sqlalchemy as sa

from eska_network.store import audit_chain, engine, tables
from eska_network.store.core import Store

KEPT_ON_RESTORE = ("audit", "publications", "published_rows")
"""Tables a restore leaves as they are: the audit (appended to, never replaced) and the figures
planners have been shown (recomputed from other records, they could be compared with the old)."""
RESTORED_SETTINGS = ("demo",)
"""The ``store_settings`` keys that describe the records, and so come from the backup."""
CHAINED_FROM = "0014_audit_chain"
"""The first revision whose audit rows are hash-chained."""
APPEND_ONLY = "the audit log is append-only"
BATCH = 5000


class BackupError(RuntimeError):
    """A backup or restore could not be made; the store is unchanged."""


def restored_tables() -> list[sa.Table]:
    """The tables a restore replaces, parents before children."""
    return [t for t in tables.metadata.sorted_tables if t.name not in KEPT_ON_RESTORE]


def check_revision(file: Path, version: str | None) -> str:
    if version is None:
        raise BackupError(f"{file} is not a backup of the store (no migration version)")
    if version not in engine.known_revisions():
        raise BackupError(
            f"{file} is at migration {version}, which this program does not know: "
            "restore it with the version of the program that made it"
        )
    return version


def is_chained(version: str) -> bool:
    order = _revision_order()
    return order.index(version) >= order.index(CHAINED_FROM)


def _revision_order() -> list[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(engine.alembic_config())
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]


def check_chain(file: Path, verification: audit_chain.Verification) -> None:
    if not verification.intact:
        raise BackupError(
            f"{file}: the backup's audit log was tampered with ({verification.problem})"
        )


def unknown_columns(table: sa.Table, names: list[str]) -> list[str]:
    return [name for name in names if name not in table.c]


def replace_rows(connection: sa.Connection, copies: Mapping[str, Iterator[list[dict]]]) -> int:
    """Delete the live rows of every restored table, then insert the backup's (FK order)."""
    restored = restored_tables()
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


def sqlite_path(store: Store) -> str:
    database = store.url.database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite store cannot be backed up")
    return database


def schema_of(store: Store) -> str:
    with store.reading() as connection:
        return connection.scalar(sa.text("SELECT current_schema()"))


def executable(program: str) -> str:
    return shutil.which(program) or f"/usr/bin/{program}"


def run_pg(program: str, store: Store, *arguments: str) -> None:
    """Run pg_dump on the store's database (password through the environment)."""
    url = store.url
    libpq = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    environment = {**os.environ}
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    command = [executable(program), *arguments, f"--dbname={libpq}"]
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()}")
