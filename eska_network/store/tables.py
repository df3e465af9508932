"""The database tables, built from the CSV schema and the gap summary columns.

The interchange tables (children, members, ties, resources, assessments) have one column per
:mod:`eska_network.domain.schema` column, so a column is described once, plus what the store adds:
an ``extra`` JSON text column that keeps the CSV columns the schema does not know, the child's
``revision`` for optimistic concurrency, and the history tables that keep every recorded version.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from eska_network.domain import codes, schema
from eska_network.domain.summary import SUMMARY_COLUMNS, SUMMARY_NULLABLE
from eska_network.i18n import LANGUAGES

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

_TYPES: dict[str, Callable[[], sa.types.TypeEngine]] = {
    "id": lambda: sa.String(32),
    "code": lambda: sa.String(32),
    "text": sa.Text,
    "codes": sa.Text,
    "int": sa.Integer,
    "date": sa.Date,
    "bool": sa.Boolean,
}

USER_NAME = sa.String(64)
UTC_TIME = sa.DateTime(timezone=True)


def _schema_columns(spec: schema.FileSpec, *, skip: tuple[str, ...] = ()) -> list[sa.Column]:
    """The columns of one CSV file; a ``codes`` column is never NULL (``""`` means none), unless it
    tells "not recorded" (NULL) from ``none`` (assessments.csv)."""
    columns: list[sa.Column] = []
    for column in spec.columns:
        if column.name in skip:
            continue
        is_list = column.kind == "codes" and not column.none_word
        columns.append(
            sa.Column(
                column.name,
                _TYPES[column.kind](),
                nullable=not (column.required or is_list),
                server_default="" if is_list else None,
            )
        )
    return columns


def _extra() -> sa.Column:
    return sa.Column("extra", sa.Text, nullable=True, comment="JSON object of unknown CSV columns")


def _provenance() -> list[sa.Column]:
    """The columns saying which save of the child recorded a history row."""
    return [
        sa.Column("revision", sa.Integer, primary_key=True),
        sa.Column("assessed_on", sa.Date, nullable=True),
    ]


children = sa.Table(
    "children",
    metadata,
    sa.Column("child_id", sa.String(32), primary_key=True),
    *_schema_columns(schema.CHILDREN, skip=("child_id",)),
    _extra(),
    sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
    sa.Index(None, "caseworker"),
    sa.Index(None, "district"),
)

child_history = sa.Table(
    "child_history",
    metadata,
    sa.Column("child_id", sa.ForeignKey("children.child_id"), primary_key=True),
    *_provenance(),
    *_schema_columns(schema.CHILDREN, skip=("child_id",)),
    _extra(),
)

members = sa.Table(
    "members",
    metadata,
    sa.Column("child_id", sa.ForeignKey("children.child_id"), primary_key=True),
    sa.Column("member_id", sa.String(32), primary_key=True),
    *_schema_columns(schema.MEMBERS, skip=("child_id", "member_id")),
    sa.Column("removed_on", sa.Date, nullable=True),
    _extra(),
)

member_history = sa.Table(
    "member_history",
    metadata,
    sa.Column("child_id", sa.String(32), primary_key=True),
    sa.Column("member_id", sa.String(32), primary_key=True),
    *_provenance(),
    *_schema_columns(schema.MEMBERS, skip=("child_id", "member_id")),
    sa.Column("removed_on", sa.Date, nullable=True),
    _extra(),
    sa.ForeignKeyConstraint(["child_id", "member_id"], ["members.child_id", "members.member_id"]),
)

ties = sa.Table(
    "ties",
    metadata,
    # The primary key is the undirected tie and the date: one row per tie per assessment.
    sa.Column("child_id", sa.ForeignKey("children.child_id"), primary_key=True),
    sa.Column("pair_low", sa.String(32), primary_key=True),
    sa.Column("pair_high", sa.String(32), primary_key=True),
    sa.Column("assessed_on", sa.Date, primary_key=True),
    *_schema_columns(schema.TIES, skip=("child_id", "assessed_on")),
    _extra(),
    sa.Column("revision", sa.Integer, nullable=False, comment="the child's save that added it"),
    sa.ForeignKeyConstraint(["child_id", "target"], ["members.child_id", "members.member_id"]),
)

assessments = sa.Table(
    "assessments",
    metadata,
    # One row per child per assessment date, only ever added (a later date records a change).
    sa.Column("child_id", sa.ForeignKey("children.child_id"), primary_key=True),
    sa.Column("assessed_on", sa.Date, primary_key=True),
    *_schema_columns(schema.ASSESSMENTS, skip=("child_id", "assessed_on")),
    _extra(),
    sa.Column("revision", sa.Integer, nullable=False, comment="the child's save that added it"),
)

resources = sa.Table(
    "resources",
    metadata,
    sa.Column("resource_id", sa.Text, primary_key=True),
    *_schema_columns(schema.RESOURCES, skip=("resource_id",)),
    _extra(),
    sa.Index(None, "district"),
)

revisions = sa.Table(
    "revisions",
    metadata,
    sa.Column("child_id", sa.ForeignKey("children.child_id"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("saved_by", USER_NAME, nullable=False),
    sa.Column("saved_at", UTC_TIME, nullable=False),
    sa.Column("source", sa.String(16), nullable=False, comment="import or assessment"),
    sa.Column("assessed_on", sa.Date, nullable=True),
    sa.Column("child_changed", sa.Boolean, nullable=False),
    sa.Column("members_changed", sa.Integer, nullable=False),
    sa.Column("ties_changed", sa.Integer, nullable=False),
)

gap_summaries = sa.Table(
    "gap_summaries",
    metadata,
    *(
        sa.Column(
            name,
            sa.ForeignKey("children.child_id") if name == "child_id" else _TYPES[kind](),
            primary_key=name == "child_id",
            nullable=name in SUMMARY_NULLABLE,
        )
        for name, kind in SUMMARY_COLUMNS.items()
    ),
)

child_scores = sa.Table(
    "child_scores",
    metadata,
    # Kept with the gap summary, in the same transaction (eska_network/store/scores.py): the
    # caseload reads these instead of scoring every child again after every save.
    sa.Column("child_id", sa.ForeignKey("children.child_id"), primary_key=True),
    sa.Column("severity", sa.Integer, nullable=False, comment="the score without overdue actions"),
    sa.Column("gaps", sa.BigInteger, nullable=False, comment="bit mask of the caseload gap kinds"),
    *(
        sa.Column(f"reasons_{lang}", sa.Text, nullable=False, comment=f"the reasons in {lang}")
        for lang in LANGUAGES
    ),
    *(
        sa.Column(
            f"chips_{lang}",
            sa.Text,
            nullable=False,
            server_default="",
            comment=f"the most serious reasons in a few words, in {lang}",
        )
        for lang in LANGUAGES
    ),
)

child_vectors = sa.Table(
    "child_vectors",
    metadata,
    # What each save made of the child for the planners' published figures (its district and its
    # vector of districts/publication.py), kept per revision so that a publication as of a
    # period's end reads one small row per child (eska_network/store/vectors.py).
    sa.Column("child_id", sa.ForeignKey("children.child_id"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("district", sa.Text, nullable=False),
    sa.Column("vector", sa.Text, nullable=False, comment="comma-separated integers"),
)

teams = sa.Table(
    "teams",
    metadata,
    sa.Column("team", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("user_name", USER_NAME, primary_key=True),
    sa.Column("display_name", sa.Text, nullable=False),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("team", sa.ForeignKey("teams.team"), nullable=True),
    sa.Column("password_hash", sa.Text, nullable=True),
    sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", UTC_TIME, nullable=True),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", UTC_TIME, nullable=False),
)

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UTC_TIME, nullable=False),
    sa.Column("user_name", USER_NAME, nullable=False),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("action", sa.String(64), nullable=False),
    # No foreign key: a refused request for a child id that does not exist is audited too.
    sa.Column("child_id", sa.String(64), nullable=True),
    sa.Column("outcome", sa.String(32), nullable=False),
    sa.Column("detail", sa.String(200), nullable=True),
    # The hash chain (store/audit_chain.py); nullable only because rows older than the chain
    # were given their hashes by a migration, after the columns were added.
    sa.Column("prev_hash", sa.String(64), nullable=True),
    sa.Column("hash", sa.String(64), nullable=True),
    sa.Index(None, "at"),
)

settings = sa.Table(
    "store_settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
    comment="facts about the store itself: who created it (demo mode), the audit's name key",
)

ACTION_STATUS_CHECK = "status IN ({})".format(
    ", ".join(f"'{status}'" for status in codes.ACTION_STATUSES)
)
WORKER_ROLE_CHECK = "worker_role IN ({})".format(
    ", ".join(f"'{role}'" for role in codes.WORKER_ROLES)
)

actions = sa.Table(
    "actions",
    metadata,
    sa.Column("action_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("child_id", sa.ForeignKey("children.child_id"), nullable=False),
    sa.Column("action_key", sa.String(32), nullable=False, comment="actions.csv action_id"),
    # The gap the action answers; none for an action imported without one.
    sa.Column("gap_kind", sa.String(64), nullable=True),
    sa.Column("gap_detail", sa.Text, nullable=False, server_default=""),
    sa.Column("what", sa.Text, nullable=False),
    sa.Column("who", sa.Text, nullable=False, comment="responsible; empty when not named"),
    sa.Column("worker_role", sa.String(16), nullable=False),
    sa.Column("resource_id", sa.Text, nullable=True, comment="the service of a referral"),
    sa.Column("created_on", sa.Date, nullable=False),
    sa.Column("due_on", sa.Date, nullable=True),
    sa.Column("status", sa.String(16), nullable=False, server_default="open"),
    sa.Column("status_on", sa.Date, nullable=True),
    _extra(),
    sa.Column("created_by", USER_NAME, nullable=False),
    sa.Column("created_at", UTC_TIME, nullable=False),
    sa.Column("updated_at", UTC_TIME, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
    sa.CheckConstraint(ACTION_STATUS_CHECK, name="status"),
    sa.CheckConstraint(WORKER_ROLE_CHECK, name="worker_role"),
    sa.UniqueConstraint("child_id", "action_key"),
    sa.Index(None, "child_id"),
)

publications = sa.Table(
    "publications",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True, comment="district or quarter"),
    sa.Column("period", sa.String(16), primary_key=True, comment="e.g. 2026-03 or 2026-Q1"),
    sa.Column("ends_at", UTC_TIME, nullable=False, comment="the data saved before this time"),
    sa.Column("computed_at", UTC_TIME, nullable=False),
    sa.Column("refresh_from", sa.Integer, nullable=False, comment="children changed to refresh"),
    sa.Column("k", sa.Integer, nullable=False),
    sa.Column("base", sa.Integer, nullable=False, comment="counts rounded to a multiple of it"),
    sa.Column("figures", sa.Text, nullable=False, comment="JSON of what planners are shown"),
    comment="the planners' published figures, one per kind and period, frozen once written",
)

published_rows = sa.Table(
    "published_rows",
    metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("period", sa.String(16), primary_key=True),
    sa.Column("group_key", sa.String(200), primary_key=True),
    sa.Column("basis_period", sa.String(16), nullable=False, comment="whose data the row shows"),
    sa.Column(
        "basis",
        sa.Text,
        nullable=True,
        comment="JSON per child of the row (never shown): set where the row was computed",
    ),
    sa.ForeignKeyConstraint(["kind", "period"], ["publications.kind", "publications.period"]),
)

action_history = sa.Table(
    "action_history",
    metadata,
    # Every version of an action: its status moves (a referral's proposed -> sent -> ...) dated.
    sa.Column("action_id", sa.ForeignKey("actions.action_id"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("what", sa.Text, nullable=False),
    sa.Column("who", sa.Text, nullable=False),
    sa.Column("worker_role", sa.String(16), nullable=False),
    sa.Column("resource_id", sa.Text, nullable=True),
    sa.Column("due_on", sa.Date, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("status_on", sa.Date, nullable=True),
    sa.Column("changed_by", USER_NAME, nullable=False),
    sa.Column("changed_at", UTC_TIME, nullable=False),
)

drafts = sa.Table(
    "drafts",
    metadata,
    # What one user entered for one child and has not saved: shown again after a reload or a new
    # login, to that user only, while they may still see the child.
    sa.Column("user_name", USER_NAME, primary_key=True),
    sa.Column("child_id", sa.ForeignKey("children.child_id"), primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True, comment="whatif or assessment"),
    sa.Column("content", sa.Text, nullable=False, comment="JSON of the unsaved entries"),
    sa.Column("saved_at", UTC_TIME, nullable=False),
    comment="unsaved entries kept per user and child (what-if proposals, an assessment form)",
)

INTERCHANGE = {
    "children.csv": children,
    "members.csv": members,
    "ties.csv": ties,
    "resources.csv": resources,
    "assessments.csv": assessments,
}
"""The table that holds each file of the interchange format whose columns are the file's own
(actions.csv is kept in ``actions``, whose columns the conference adds to)."""
"""The table that holds each file of the interchange format."""
