"""audit append-only on PostgreSQL also against TRUNCATE

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 01:20:00

0001 refuses UPDATE and DELETE row by row; PostgreSQL's TRUNCATE fires no row trigger, so it
gets a statement trigger of its own. (SQLite has no TRUNCATE, and its ``DELETE FROM audit``
fires the row trigger.)
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit"
            " FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_no_truncate ON audit")
