"""audit hash chain, and the store's own settings

Revision ID: 0014_audit_chain
Revises: 0013_format_v2
Create Date: 2026-11-30 10:00:00

Adds ``prev_hash`` and ``hash`` to every audit row and chains the rows already there (in id
order), with the append-only triggers lifted for that one update only; adds ``store_settings``
with a random key for the hashes of unknown user names in failed logins.

The hash is written out here rather than imported, so that this migration stays what it was when
the rule changes (the rule itself: eska_network/store/audit_chain.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets

import sqlalchemy as sa
from alembic import op

revision = "0014_audit_chain"
down_revision = "0013_format_v2"
branch_labels = None
depends_on = None

_GENESIS = "0" * 64
_FIELDS = ("id", "at", "user_name", "role", "action", "child_id", "outcome", "detail")


def _hash(previous: str, row: dict) -> str:
    at = row["at"]
    if isinstance(at, str):
        # Read without column types, SQLite gives the stored text back.
        at = dt.datetime.fromisoformat(at)
    at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    values = [previous, *(row[name] for name in _FIELDS)]
    values[2] = at.astimezone(dt.UTC).isoformat(timespec="microseconds")
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    op.add_column("audit", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit", sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_table(
        "store_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_settings")),
        comment="facts about the store itself: who created it (demo mode), the audit's name key",
    )
    op.execute(
        sa.text(
            "INSERT INTO store_settings (key, value) VALUES ('audit_name_key', :key)"
        ).bindparams(key=secrets.token_hex(32))
    )
    audit = sa.table(
        "audit",
        *(sa.column(name) for name in _FIELDS),
        sa.column("prev_hash"),
        sa.column("hash"),
    )
    rows = bind.execute(sa.select(*(audit.c[name] for name in _FIELDS)).order_by(audit.c.id)).all()
    if not rows:
        return
    if postgres:
        op.execute("ALTER TABLE audit DISABLE TRIGGER audit_no_update")
    else:
        op.execute("DROP TRIGGER audit_no_update")
    previous = _GENESIS
    for row in rows:
        digest = _hash(previous, row._asdict())
        bind.execute(
            audit.update().where(audit.c.id == row.id).values(prev_hash=previous, hash=digest)
        )
        previous = digest
    if postgres:
        op.execute("ALTER TABLE audit ENABLE TRIGGER audit_no_update")
    else:
        op.execute(
            "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )


def downgrade() -> None:
    op.drop_table("store_settings")
    with op.batch_alter_table("audit") as batch_op:
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
