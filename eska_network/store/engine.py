"""Which database the store uses, how to connect to it, and how its schema is migrated."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

URL_VARIABLE = "ESKA_DATABASE_URL"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE = REPO_ROOT / "data" / "eska.db"
MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"
SQLITE_BUSY_SECONDS = 30


def database_url(url: str | None = None) -> str:
    """The database to use: ``url`` if given, else ``$ESKA_DATABASE_URL``, else ``data/eska.db``.

    Examples
    --------
    >>> database_url("sqlite:///x.db")
    'sqlite:///x.db'
    """
    if url:
        return url
    if os.environ.get(URL_VARIABLE):
        return os.environ[URL_VARIABLE]
    return f"sqlite:///{DEFAULT_SQLITE}"


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url``; SQLite gets its folder created, foreign keys on and WAL.

    On SQLite a write transaction starts with ``BEGIN IMMEDIATE`` (ask for it with the
    connection execution option ``eska_write=True``) so that two writers queue on the busy
    timeout instead of one failing when it upgrades a read lock.
    """
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(parsed, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        owner_only(Path(parsed.database))
    engine = sa.create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @sa.event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
        # The driver's own transaction handling is off so that BEGIN below is the only one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection):
        write = connection.get_execution_options().get("eska_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def owner_only(file: Path) -> None:
    """Create ``file`` (and its folder) readable by its owner only, or make it so.

    SQLite gives its ``-wal`` and ``-shm`` files the database file's permissions, so they are
    owner-only too.
    """
    if not file.parent.exists():
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.close(os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        if file.stat().st_uid == os.getuid():
            os.chmod(file, 0o600)


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """The Alembic configuration of the package (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine) -> None:
    """Apply every migration not yet applied.

    A store already at the latest migration is not touched: the app's own PostgreSQL role, which
    owns no table, opens it without trying any schema change.
    """
    if current_revision(engine) == head_revision():
        return
    with engine.connect().execution_options(eska_write=True) as connection:
        command.upgrade(alembic_config(connection), "head")
        connection.commit()


def current_revision(engine: sa.Engine) -> str | None:
    """The migration the database is at (None before the first)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The latest migration of the package."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("the package has no migrations")
    return head


def known_revisions() -> set[str]:
    """Every migration of the package."""
    return {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }
