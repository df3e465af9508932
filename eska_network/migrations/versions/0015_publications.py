"""the planners' published figures

Revision ID: 0015_publications
Revises: 0014_audit_chain
Create Date: 2026-11-30 11:00:00

District and quarterly figures computed as of the end of a period and frozen
(eska_network/districts/publication.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_publications"
down_revision = "0014_audit_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publications",
        sa.Column("kind", sa.String(length=16), nullable=False, comment="district or quarter"),
        sa.Column(
            "period", sa.String(length=16), nullable=False, comment="e.g. 2026-03 or 2026-Q1"
        ),
        sa.Column(
            "ends_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="the data saved before this time",
        ),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "refresh_from", sa.Integer(), nullable=False, comment="children changed to refresh"
        ),
        sa.Column("k", sa.Integer(), nullable=False),
        sa.Column(
            "base", sa.Integer(), nullable=False, comment="counts rounded to a multiple of it"
        ),
        sa.Column("figures", sa.Text(), nullable=False, comment="JSON of what planners are shown"),
        sa.PrimaryKeyConstraint("kind", "period", name=op.f("pk_publications")),
        comment="the planners' published figures, one per kind and period, frozen once written",
    )
    op.create_table(
        "published_rows",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("group_key", sa.String(length=200), nullable=False),
        sa.Column(
            "basis_period",
            sa.String(length=16),
            nullable=False,
            comment="whose data the row shows",
        ),
        sa.Column(
            "basis",
            sa.Text(),
            nullable=True,
            comment="JSON per child of the row (never shown): set where the row was computed",
        ),
        sa.ForeignKeyConstraint(
            ["kind", "period"],
            ["publications.kind", "publications.period"],
            name=op.f("fk_published_rows_kind_publications"),
        ),
        sa.PrimaryKeyConstraint("kind", "period", "group_key", name=op.f("pk_published_rows")),
    )


def downgrade() -> None:
    op.drop_table("published_rows")
    op.drop_table("publications")
