"""format v2: assessments per date, actions with a worker role and referrals, new gap rules

Revision ID: 0013_format_v2
Revises: 0002
Create Date: 2026-11-30 10:05:34

- ``assessments``: what each assessment found (needs, risk factors, wellbeing, placement, stage).
  The ``children`` row is the baseline, as children.csv is. A version of a child that a v1 save
  recorded with a date (``child_history``) becomes an assessments row on that date, so the map as
  of every date stays what it was; the ``children`` row goes back to the child's last imported
  version (its children.csv values). ``child_history`` keeps every version, as before.
- ``actions``: a key per child (actions.csv ``action_id``), the social worker's role, the service
  of a referral, the dates agreed and of the last status change, and referral statuses. Existing
  actions get their number as key, the date of creation and of the last change, and the role that
  usually answers their gap (:attr:`eska_network.domain.gap_kinds.GapKind.worker_role`).
- ``action_history``: every version of an action, one row per change (existing: their current).
- ``gap_summaries``: the columns of rules 9 and 10 and the child's state as of the date; every
  summary is computed again.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0013_format_v2"
down_revision = "0002"
branch_labels = None
depends_on = None

_STATUSES = (
    "open",
    "done",
    "dropped",
    "proposed",
    "sent",
    "accepted",
    "active",
    "closed",
    "declined",
)
_ROLES = ("facilitator", "broker", "advocate")
_FIELDS = (
    "needs",
    "risk_factors",
    "wellbeing_personal",
    "wellbeing_interpersonal",
    "wellbeing_skills",
)


def _checked(name: str, values: tuple[str, ...]) -> str:
    return f"{name} IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("needs", sa.Text(), nullable=True),
        sa.Column("risk_factors", sa.Text(), nullable=True),
        sa.Column("wellbeing_personal", sa.Integer(), nullable=True),
        sa.Column("wellbeing_interpersonal", sa.Integer(), nullable=True),
        sa.Column("wellbeing_skills", sa.Integer(), nullable=True),
        sa.Column("placement", sa.String(length=32), nullable=True),
        sa.Column("reintegration_stage", sa.String(length=32), nullable=True),
        sa.Column("extra", sa.Text(), nullable=True, comment="JSON object of unknown CSV columns"),
        sa.Column(
            "revision", sa.Integer(), nullable=False, comment="the child's save that added it"
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.child_id"], name=op.f("fk_assessments_child_id_children")
        ),
        sa.PrimaryKeyConstraint("child_id", "assessed_on", name=op.f("pk_assessments")),
    )
    _dated_versions_to_assessments()

    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "action_key", sa.String(length=32), nullable=True, comment="actions.csv action_id"
            )
        )
        batch_op.add_column(sa.Column("worker_role", sa.String(length=16), nullable=True))
        batch_op.add_column(
            sa.Column("resource_id", sa.Text(), nullable=True, comment="the service of a referral")
        )
        batch_op.add_column(sa.Column("created_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("status_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "extra", sa.Text(), nullable=True, comment="JSON object of unknown CSV columns"
            )
        )
    _fill_actions()
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.alter_column("action_key", existing_type=sa.String(length=32), nullable=False)
        batch_op.alter_column("worker_role", existing_type=sa.String(length=16), nullable=False)
        batch_op.alter_column("created_on", existing_type=sa.Date(), nullable=False)
        batch_op.alter_column(
            "who",
            existing_type=sa.Text(),
            nullable=False,
            comment="responsible; empty when not named",
        )
        batch_op.alter_column("gap_kind", existing_type=sa.VARCHAR(length=64), nullable=True)
        batch_op.create_unique_constraint(
            batch_op.f("uq_actions_child_id_action_key"), ["child_id", "action_key"]
        )
        batch_op.drop_constraint(batch_op.f("ck_actions_status"), type_="check")
        batch_op.create_check_constraint("status", _checked("status", _STATUSES))
        batch_op.create_check_constraint("worker_role", _checked("worker_role", _ROLES))

    op.create_table(
        "action_history",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("who", sa.Text(), nullable=False),
        sa.Column("worker_role", sa.String(length=16), nullable=False),
        sa.Column("resource_id", sa.Text(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_on", sa.Date(), nullable=True),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["actions.action_id"], name=op.f("fk_action_history_action_id_actions")
        ),
        sa.PrimaryKeyConstraint("action_id", "revision", name=op.f("pk_action_history")),
    )
    op.execute(
        "INSERT INTO action_history (action_id, revision, what, who, worker_role, resource_id,"
        " due_on, status, status_on, changed_by, changed_at)"
        " SELECT action_id, revision, what, who, worker_role, resource_id, due_on, status,"
        " status_on, created_by, updated_at FROM actions"
    )

    # Every summary is computed again below: the table is emptied so that the new NOT NULL
    # columns need no default.
    op.execute("DELETE FROM gap_summaries")
    with op.batch_alter_table("gap_summaries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exploitative_ties", sa.Integer(), nullable=False))
        batch_op.add_column(sa.Column("unsafe_placement", sa.Boolean(), nullable=False))
        batch_op.add_column(sa.Column("needs_assessed", sa.Boolean(), nullable=False))
        batch_op.add_column(sa.Column("placement", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reintegration_stage", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("wellbeing_personal", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("wellbeing_interpersonal", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("wellbeing_skills", sa.Integer(), nullable=True))
    _recompute_summaries()


def _dated_versions_to_assessments() -> None:
    """Dated versions of a child after its last import become assessments rows; the children row
    returns to that import's values (the baseline)."""
    bind = op.get_bind()
    history = sa.table(
        "child_history",
        sa.column("child_id"),
        sa.column("revision"),
        sa.column("assessed_on", sa.Date),
        *(sa.column(name) for name in _FIELDS),
    )
    rows = bind.execute(
        sa.select(history).order_by(history.c.child_id, history.c.revision)
    ).mappings()
    versions: dict[str, list[dict]] = {}
    for row in rows:
        versions.setdefault(row["child_id"], []).append(dict(row))
    assessments, baselines = [], []
    for child_id, found in versions.items():
        undated = [version for version in found if version["assessed_on"] is None]
        base = undated[-1] if undated else found[0]
        later = [v for v in found if v["revision"] > base["revision"] and v["assessed_on"]]
        if not later:
            continue
        by_day: dict[dt.date, dict] = {}
        previous = base
        for version in later:
            # One row per date: the last save of a day holds what that day recorded.
            by_day[version["assessed_on"]] = _as_assessment(child_id, version, previous)
            previous = version
        assessments += list(by_day.values())
        baselines.append({"b_child_id": child_id, **{name: base[name] for name in _FIELDS}})
    if assessments:
        op.bulk_insert(
            sa.table(
                "assessments",
                sa.column("child_id"),
                sa.column("assessed_on", sa.Date),
                sa.column("revision"),
                *(sa.column(name) for name in _FIELDS),
            ),
            assessments,
        )
    if baselines:
        children = sa.table("children", sa.column("child_id"), *(sa.column(n) for n in _FIELDS))
        bind.execute(
            children.update()
            .where(children.c.child_id == sa.bindparam("b_child_id"))
            .values({name: sa.bindparam(name) for name in _FIELDS}),
            baselines,
        )


def _as_assessment(child_id: str, version: dict, previous: dict) -> dict:
    """A dated version as an assessments row: every field it recorded (an empty list as
    ``none``, since in v1 it was recorded as empty at that date)."""
    row = {"child_id": child_id, "assessed_on": version["assessed_on"], "revision": 0}
    row["revision"] = version["revision"]
    for name in _FIELDS:
        value = version[name]
        if name in ("needs", "risk_factors"):
            value = value or ("none" if previous[name] else None)
        row[name] = value
    return row


def _fill_actions() -> None:
    """Existing actions: their number as key, their dates, and the role their gap calls for."""
    from eska_network.domain.gap_kinds import gap_kind

    bind = op.get_bind()
    actions = sa.table(
        "actions",
        sa.column("action_id"),
        sa.column("gap_kind"),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("action_key"),
        sa.column("worker_role"),
        sa.column("created_on", sa.Date),
        sa.column("status_on", sa.Date),
    )
    found = bind.execute(
        sa.select(
            actions.c.action_id, actions.c.gap_kind, actions.c.created_at, actions.c.updated_at
        )
    ).all()
    values = []
    for action_id, kind, created_at, updated_at in found:
        try:
            role = gap_kind(kind).worker_role
        except KeyError:
            role = "facilitator"
        values.append(
            {
                "b_action_id": action_id,
                "action_key": str(action_id),
                "worker_role": role,
                "created_on": _day(created_at),
                "status_on": _day(updated_at),
            }
        )
    if values:
        bind.execute(
            actions.update()
            .where(actions.c.action_id == sa.bindparam("b_action_id"))
            .values(
                action_key=sa.bindparam("action_key"),
                worker_role=sa.bindparam("worker_role"),
                created_on=sa.bindparam("created_on"),
                status_on=sa.bindparam("status_on"),
            ),
            values,
        )


def _day(moment) -> dt.date:
    """The UTC date of a stored time (SQLite gives it back as text, without a zone)."""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.date()


def _recompute_summaries() -> None:
    from eska_network.store import summaries

    bind = op.get_bind()
    ids = list(bind.execute(sa.text("SELECT child_id FROM children")).scalars())
    # The scores and vectors kept with a summary have no tables yet at this migration: the
    # migration that adds them (0016) computes them.
    summaries.recompute(bind, ids, kept=False)


def downgrade() -> None:
    raise NotImplementedError(
        "format v2 keeps data v1 has no place for (assessments, referrals): restore a backup "
        "made before the upgrade instead"
    )
