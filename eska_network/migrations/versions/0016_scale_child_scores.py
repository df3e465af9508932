"""each child's caseload score kept with its gap summary

Revision ID: 0016_scale_child_scores
Revises: 0015_publications
Create Date: 2026-11-30 13:50:00

The caseload's score and reasons of every child (all but the overdue actions), kept at save time
(eska_network/store/scores.py). The rows of a store that already holds children are computed here
from its stored gap summaries, with the scoring of this version of the product (the scoring is
the product's, not the schema's; `python -m eska_network db check` compares them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_scale_child_scores"
down_revision = "0015_publications"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "child_scores",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column(
            "severity",
            sa.Integer(),
            nullable=False,
            comment="the score without overdue actions",
        ),
        sa.Column(
            "gaps", sa.BigInteger(), nullable=False, comment="bit mask of the caseload gap kinds"
        ),
        sa.Column("reasons_en", sa.Text(), nullable=False, comment="the reasons in en"),
        sa.Column("reasons_id", sa.Text(), nullable=False, comment="the reasons in id"),
        sa.ForeignKeyConstraint(
            ["child_id"],
            ["children.child_id"],
            name=op.f("fk_child_scores_child_id_children"),
        ),
        sa.PrimaryKeyConstraint("child_id", name=op.f("pk_child_scores")),
    )
    from eska_network.store import scores, summaries

    connection = op.get_bind()
    stored = summaries.read(connection)
    if len(stored):
        scores.replace(connection, stored)


def downgrade() -> None:
    op.drop_table("child_scores")
