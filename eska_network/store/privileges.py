"""What the app's own PostgreSQL role may do: the GRANTs that keep it from changing the audit.

On PostgreSQL the app should connect as a role that owns nothing. Migrations, backups and
restores run as the owner of the tables (the role that ran ``db upgrade``); the app's role gets
only what the app does: it changes current records, adds history, and may only INSERT and SELECT
on the audit. A role that does not own a table cannot drop or disable its triggers, and without
UPDATE, DELETE or TRUNCATE on it cannot change or remove a row.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from eska_network.store.core import Store

CHANGED = (
    "children",
    "members",
    "resources",
    "gap_summaries",
    "users",
    "teams",
    "actions",
    "drafts",
)
"""Current records: the app adds, changes and removes their rows."""
APPENDED = (
    "child_history",
    "member_history",
    "ties",
    "assessments",
    "revisions",
    "action_history",
    "audit",
    "store_settings",
    "publications",
    "published_rows",
)
"""History, the audit and the published figures: the app only adds rows."""
READ = ("alembic_version",)
SEQUENCES = (("actions", "action_id"),)
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def grant_statements(schema: str, role: str) -> list[str]:
    """The GRANT statements for ``role`` on the store in ``schema``.

    >>> grant_statements("public", "eska_app")[:2]
    ['GRANT USAGE ON SCHEMA public TO eska_app', 'GRANT SELECT, INSERT, UPDATE, DELETE ON \
children, members, resources, gap_summaries, users, teams, actions, drafts TO eska_app']
    """
    for name in (schema, role):
        if not _NAME.match(name):
            raise ValueError(f"not a plain lower-case SQL name: {name!r}")
    return [
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(CHANGED)} TO {role}",
        f"GRANT SELECT, INSERT ON {', '.join(APPENDED)} TO {role}",
        f"GRANT SELECT ON {', '.join(READ)} TO {role}",
        *(
            f"GRANT USAGE, SELECT ON SEQUENCE {table}_{column}_seq TO {role}"
            for table, column in SEQUENCES
        ),
    ]


def grant(store: Store, role: str) -> list[str]:
    """Give ``role`` the app's rights on the store (run as the tables' owner); the statements run.

    Raises
    ------
    ValueError
        On SQLite, which has no roles (protect the file instead), or for a malformed role name.
    """
    if store.dialect != "postgresql":
        raise ValueError("SQLite has no database roles: keep the database file owner-only")
    with store.writing() as connection:
        schema = connection.scalar(sa.text("SELECT current_schema()"))
        statements = grant_statements(schema, role)
        for statement in statements:
            connection.exec_driver_sql(statement)
    return statements
