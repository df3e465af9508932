"""each child's most serious reasons in a few words (the caseload's chips), kept with its score

Revision ID: 0018_score_chips
Revises: 0017_scale_saved_figures
Create Date: 2026-11-30 15:25:00

The caseload shows the two or three most serious reasons of every child as short chips
(issue 16); kept at save time with the score (eska_network/store/scores.py), so the caseload
reads them as it reads the score. Existing scores are computed again from the stored gap
summaries.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_score_chips"
down_revision = "0017_scale_saved_figures"
branch_labels = None
depends_on = None

LANGUAGES = ("en", "id")


def upgrade() -> None:
    with op.batch_alter_table("child_scores") as batch:
        for lang in LANGUAGES:
            batch.add_column(
                sa.Column(
                    f"chips_{lang}",
                    sa.Text(),
                    nullable=False,
                    server_default="",
                    comment=f"the most serious reasons in a few words, in {lang}",
                )
            )
    from eska_network.store import scores, summaries

    connection = op.get_bind()
    stored = summaries.read(connection)
    if len(stored):
        scores.replace(connection, stored)


def downgrade() -> None:
    with op.batch_alter_table("child_scores") as batch:
        for lang in LANGUAGES:
            batch.drop_column(f"chips_{lang}")
