"""each child's caseload score and published-figure vector kept at save time

Revision ID: 0017_scale_saved_figures
Revises: 0016_drafts
Create Date: 2026-11-30 13:50:00

The caseload's score and reasons of every child (all but the overdue actions), kept at save time
(eska_network/store/scores.py), and each save's district and vector for the planners' published
figures (eska_network/store/vectors.py). For a store that already holds children, the vectors
of the current revisions are computed here (the scores in 0018) from its stored gap summaries,
with the code of this version of the product (they are the product's figures, not the schema's;
`python -m eska_network db check` compares them); earlier revisions get no vector, and a
publication of a period they belong to is computed from the records, as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_scale_saved_figures"
down_revision = "0016_drafts"
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
    op.create_table(
        "child_vectors",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("district", sa.Text(), nullable=False),
        sa.Column("vector", sa.Text(), nullable=False, comment="comma-separated integers"),
        sa.ForeignKeyConstraint(
            ["child_id"],
            ["children.child_id"],
            name=op.f("fk_child_vectors_child_id_children"),
        ),
        sa.PrimaryKeyConstraint("child_id", "revision", name=op.f("pk_child_vectors")),
    )
    from eska_network.store import summaries, vectors

    connection = op.get_bind()
    stored = summaries.read(connection)
    if len(stored):
        # The scores are filled by 0018, once their table has all its columns.
        vectors.replace_current(connection, stored)


def downgrade() -> None:
    op.drop_table("child_vectors")
    op.drop_table("child_scores")
