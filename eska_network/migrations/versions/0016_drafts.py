"""unsaved entries kept per user and child

Revision ID: 0016_drafts
Revises: 0015_publications
Create Date: 2026-11-30 13:40:00

What-if proposals and an assessment form's entries, kept for the user who made them
(eska_network/services/drafts.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_drafts"
down_revision = "0015_publications"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False, comment="whatif or assessment"),
        sa.Column("content", sa.Text(), nullable=False, comment="JSON of the unsaved entries"),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.child_id"], name=op.f("fk_drafts_child_id_children")
        ),
        sa.PrimaryKeyConstraint("user_name", "child_id", "kind", name=op.f("pk_drafts")),
        comment="unsaved entries kept per user and child (what-if proposals, an assessment form)",
    )


def downgrade() -> None:
    op.drop_table("drafts")
