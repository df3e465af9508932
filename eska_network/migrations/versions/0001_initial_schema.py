"""Initial schema: the interchange tables, history, gap summaries, accounts, audit, actions.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 00:58:28.673890
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("child_id", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_at"), ["at"], unique=False)

    op.create_table(
        "children",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("district", sa.Text(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=False),
        sa.Column("sex", sa.String(length=32), nullable=True),
        sa.Column("caseworker", sa.Text(), nullable=True),
        sa.Column("risk_factors", sa.Text(), server_default="", nullable=False),
        sa.Column("needs", sa.Text(), server_default="", nullable=False),
        sa.Column("wellbeing_personal", sa.Integer(), nullable=True),
        sa.Column("wellbeing_interpersonal", sa.Integer(), nullable=True),
        sa.Column("wellbeing_skills", sa.Integer(), nullable=True),
        sa.Column("extra", sa.Text(), nullable=True, comment="JSON object of unknown CSV columns"),
        sa.Column("revision", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("child_id", name=op.f("pk_children")),
    )
    with op.batch_alter_table("children", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_children_caseworker"), ["caseworker"], unique=False)
        batch_op.create_index(batch_op.f("ix_children_district"), ["district"], unique=False)

    op.create_table(
        "resources",
        sa.Column("resource_id", sa.Text(), nullable=False),
        sa.Column("district", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("needs_served", sa.Text(), server_default="", nullable=False),
        sa.Column("extra", sa.Text(), nullable=True, comment="JSON object of unknown CSV columns"),
        sa.PrimaryKeyConstraint("resource_id", name=op.f("pk_resources")),
    )
    with op.batch_alter_table("resources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resources_district"), ["district"], unique=False)

    op.create_table(
        "teams",
        sa.Column("team", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("team", name=op.f("pk_teams")),
    )
    op.create_table(
        "actions",
        sa.Column("action_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("gap_kind", sa.String(length=64), nullable=False),
        sa.Column("gap_detail", sa.Text(), server_default="", nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("who", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), server_default="open", nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("status IN ('open', 'done', 'dropped')", name=op.f("ck_actions_status")),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.child_id"], name=op.f("fk_actions_child_id_children")
        ),
        sa.PrimaryKeyConstraint("action_id", name=op.f("pk_actions")),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actions_child_id"), ["child_id"], unique=False)

    op.create_table(
        "child_history",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("district", sa.Text(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=False),
        sa.Column("sex", sa.String(length=32), nullable=True),
        sa.Column("caseworker", sa.Text(), nullable=True),
        sa.Column("risk_factors", sa.Text(), server_default="", nullable=False),
        sa.Column("needs", sa.Text(), server_default="", nullable=False),
        sa.Column("wellbeing_personal", sa.Integer(), nullable=True),
        sa.Column("wellbeing_interpersonal", sa.Integer(), nullable=True),
        sa.Column("wellbeing_skills", sa.Integer(), nullable=True),
        sa.Column("extra", sa.Text(), nullable=True, comment="JSON object of unknown CSV columns"),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.child_id"], name=op.f("fk_child_history_child_id_children")
        ),
        sa.PrimaryKeyConstraint("child_id", "revision", name=op.f("pk_child_history")),
    )
    op.create_table(
        "gap_summaries",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("family_status", sa.Text(), nullable=False),
        sa.Column("community_status", sa.Text(), nullable=False),
        sa.Column("institution_status", sa.Text(), nullable=False),
        sa.Column("family_strength", sa.Integer(), nullable=False),
        sa.Column("community_strength", sa.Integer(), nullable=False),
        sa.Column("institution_strength", sa.Integer(), nullable=False),
        sa.Column("unmet_needs", sa.Text(), nullable=False),
        sa.Column("missing_functions", sa.Text(), nullable=False),
        sa.Column("missing_support_types", sa.Text(), nullable=False),
        sa.Column("link_family_community", sa.Integer(), nullable=False),
        sa.Column("link_community_institution", sa.Integer(), nullable=False),
        sa.Column("link_family_institution", sa.Integer(), nullable=False),
        sa.Column("weakest_link", sa.Text(), nullable=False),
        sa.Column("single_points_of_failure", sa.Integer(), nullable=False),
        sa.Column("stressful_ties", sa.Integer(), nullable=False),
        sa.Column("stale_ties", sa.Integer(), nullable=False),
        sa.Column("stressful_family", sa.Boolean(), nullable=False),
        sa.Column("longest_no_contact_days", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.child_id"], name=op.f("fk_gap_summaries_child_id_children")
        ),
        sa.PrimaryKeyConstraint("child_id", name=op.f("pk_gap_summaries")),
    )
    op.create_table(
        "members",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("resource_id", sa.Text(), nullable=True),
        sa.Column("removed_on", sa.Date(), nullable=True),
        sa.Column("extra", sa.Text(), nullable=True, comment="JSON object of unknown CSV columns"),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.child_id"], name=op.f("fk_members_child_id_children")
        ),
        sa.PrimaryKeyConstraint("child_id", "member_id", name=op.f("pk_members")),
    )
    op.create_table(
        "revisions",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("saved_by", sa.String(length=64), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False, comment="import or assessment"),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("child_changed", sa.Boolean(), nullable=False),
        sa.Column("members_changed", sa.Integer(), nullable=False),
        sa.Column("ties_changed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.child_id"], name=op.f("fk_revisions_child_id_children")
        ),
        sa.PrimaryKeyConstraint("child_id", "revision", name=op.f("pk_revisions")),
    )
    op.create_table(
        "users",
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("team", sa.String(length=64), nullable=True),
        sa.Column("password_hash", sa.Text(), nullable=True),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team"], ["teams.team"], name=op.f("fk_users_team_teams")),
        sa.PrimaryKeyConstraint("user_name", name=op.f("pk_users")),
    )
    op.create_table(
        "member_history",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("resource_id", sa.Text(), nullable=True),
        sa.Column("removed_on", sa.Date(), nullable=True),
        sa.Column("extra", sa.Text(), nullable=True, comment="JSON object of unknown CSV columns"),
        sa.ForeignKeyConstraint(
            ["child_id", "member_id"],
            ["members.child_id", "members.member_id"],
            name=op.f("fk_member_history_child_id_members"),
        ),
        sa.PrimaryKeyConstraint(
            "child_id", "member_id", "revision", name=op.f("pk_member_history")
        ),
    )
    op.create_table(
        "ties",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("pair_low", sa.String(length=32), nullable=False),
        sa.Column("pair_high", sa.String(length=32), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("target", sa.String(length=32), nullable=False),
        sa.Column("strength", sa.Integer(), nullable=False),
        sa.Column("valence", sa.String(length=32), nullable=False),
        sa.Column("support_types", sa.Text(), server_default="", nullable=False),
        sa.Column("functions", sa.Text(), server_default="", nullable=False),
        sa.Column("needs_met", sa.Text(), server_default="", nullable=False),
        sa.Column("last_contact", sa.Date(), nullable=True),
        sa.Column("extra", sa.Text(), nullable=True, comment="JSON object of unknown CSV columns"),
        sa.Column(
            "revision", sa.Integer(), nullable=False, comment="the child's save that added it"
        ),
        sa.ForeignKeyConstraint(
            ["child_id", "target"],
            ["members.child_id", "members.member_id"],
            name=op.f("fk_ties_child_id_members"),
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.child_id"], name=op.f("fk_ties_child_id_children")
        ),
        sa.PrimaryKeyConstraint(
            "child_id", "pair_low", "pair_high", "assessed_on", name=op.f("pk_ties")
        ),
    )
    _make_audit_append_only()


def _make_audit_append_only() -> None:
    """SECURITY.md: the database itself refuses UPDATE and DELETE on the audit table."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"
        )
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON audit "
                "FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
            )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON audit "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )


def downgrade() -> None:
    op.drop_table("ties")
    op.drop_table("member_history")
    op.drop_table("users")
    op.drop_table("revisions")
    op.drop_table("members")
    op.drop_table("gap_summaries")
    op.drop_table("child_history")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actions_child_id"))

    op.drop_table("actions")
    op.drop_table("teams")
    with op.batch_alter_table("resources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resources_district"))

    op.drop_table("resources")
    with op.batch_alter_table("children", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_children_district"))
        batch_op.drop_index(batch_op.f("ix_children_caseworker"))

    op.drop_table("children")
    op.drop_table("audit")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION audit_append_only()")
