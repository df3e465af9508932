"""Saving an assessment: the checked plan written in one transaction, with its revision.

A save adds rows dated ``assessed_on`` and never overwrites a row of an earlier date, so the map
as of any earlier date is unchanged. A tie that already has a row on ``assessed_on`` is refused
(a correction is a new assessment at a later date), and so is an assessment dated before the
child's latest one, which would change the map as of the dates in between.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

import sqlalchemy as sa

from eska_network.domain.model import ChildSystem
from eska_network.store import reading, summaries, tables
from eska_network.store.assessment_changes import (
    AssessmentChanges,
    ConcurrentEditError,
    MemberChange,
    SavedRevision,
)
from eska_network.store.assessment_checks import Plan, plan_save


def record(
    connection: sa.Connection,
    child_id: str,
    assessed_on: dt.date,
    changes: AssessmentChanges,
    expected_revision: int,
    user_name: str,
    now: dt.datetime,
) -> int:
    """Save ``changes`` inside the caller's write transaction; returns the new revision."""
    children = tables.children
    bumped = connection.execute(
        children.update()
        .where(children.c.child_id == child_id, children.c.revision == expected_revision)
        .values(revision=children.c.revision + 1)
    )
    if bumped.rowcount != 1:
        if (
            connection.scalar(sa.select(children.c.revision).where(children.c.child_id == child_id))
            is None
        ):
            raise KeyError(f"no child {child_id!r}")
        raise ConcurrentEditError(
            child_id,
            expected_revision,
            saves_since(connection, child_id, expected_revision),
            changes,
            assessed_on,
        )
    revision = expected_revision + 1
    system = reading.child_system(connection, child_id)
    removed = _removed_members(connection, child_id)
    resources = set(connection.scalars(sa.select(tables.resources.c.resource_id)))
    plan = plan_save(system, removed, resources, assessed_on, changes, now.date())
    if plan.is_empty:
        # Nothing to record: the revision stays, so an open form is not needlessly refused.
        connection.execute(
            children.update()
            .where(children.c.child_id == child_id)
            .values(revision=expected_revision)
        )
        return expected_revision
    _write(connection, system, plan, child_id, assessed_on, revision)
    connection.execute(
        tables.revisions.insert().values(
            child_id=child_id,
            revision=revision,
            saved_by=user_name,
            saved_at=now,
            source="assessment",
            assessed_on=assessed_on,
            child_changed=plan.child is not None,
            members_changed=len(plan.members_added)
            + len(plan.members_edited)
            + len(plan.members_removed),
            ties_changed=len(plan.ties),
        )
    )
    summaries.store_one(connection, reading.child_system(connection, child_id))
    return revision


def saves_since(
    connection: sa.Connection, child_id: str, revision: int
) -> tuple[SavedRevision, ...]:
    """The saves of a child after ``revision``, oldest first."""
    table = tables.revisions
    rows = connection.execute(
        sa.select(table)
        .where(table.c.child_id == child_id, table.c.revision > revision)
        .order_by(table.c.revision)
    )
    return tuple(_saved(row._asdict()) for row in rows)


def _saved(row: dict) -> SavedRevision:
    saved_at = row["saved_at"]
    if saved_at.tzinfo is None:
        # SQLite keeps no time zone; the store only ever writes UTC.
        saved_at = saved_at.replace(tzinfo=dt.UTC)
    return SavedRevision(**{**row, "saved_at": saved_at})


def _removed_members(connection: sa.Connection, child_id: str) -> set[str]:
    table = tables.members
    query = sa.select(table.c.member_id).where(
        table.c.child_id == child_id, table.c.removed_on.is_not(None)
    )
    return set(connection.scalars(query))


def _write(
    connection: sa.Connection,
    system: ChildSystem,
    plan: Plan,
    child_id: str,
    assessed_on: dt.date,
    revision: int,
) -> None:
    if plan.child is not None:
        _assessment_row(connection, system, child_id, assessed_on, plan.child, revision)
    members = tables.members
    for member in plan.members_added:
        connection.execute(members.insert().values(child_id=child_id, **_member_values(member)))
    for member in plan.members_edited:
        connection.execute(
            members.update()
            .where(members.c.child_id == child_id, members.c.member_id == member.member_id)
            .values(**_member_values(member))
        )
    for member_id in plan.members_removed:
        connection.execute(
            members.update()
            .where(members.c.child_id == child_id, members.c.member_id == member_id)
            .values(removed_on=assessed_on)
        )
    changed = [m.member_id for m in plan.members_added + plan.members_edited] + plan.members_removed
    _member_versions(connection, child_id, changed, assessed_on, revision)
    if plan.ties:
        connection.execute(
            tables.ties.insert(),
            [{**row, "child_id": child_id, "revision": revision} for row in plan.ties],
        )


def _assessment_row(
    connection: sa.Connection,
    system: ChildSystem,
    child_id: str,
    assessed_on: dt.date,
    cells: dict,
    revision: int,
) -> None:
    """Add the assessments row of ``assessed_on``, or fill the empty cells of that day's row."""
    table = tables.assessments
    if any(row.assessed_on == assessed_on for row in system.assessments):
        connection.execute(
            table.update()
            .where(table.c.child_id == child_id, table.c.assessed_on == assessed_on)
            .values(**cells)
        )
        return
    connection.execute(
        table.insert().values(
            child_id=child_id, assessed_on=assessed_on, revision=revision, **cells
        )
    )


def _member_values(member: MemberChange) -> dict:
    return {f.name: getattr(member, f.name) for f in fields(member)}


def _member_versions(
    connection: sa.Connection,
    child_id: str,
    member_ids: list[str],
    assessed_on: dt.date,
    revision: int,
) -> None:
    if not member_ids:
        return
    members, history = tables.members, tables.member_history
    names = [c.name for c in history.columns if c.name not in ("revision", "assessed_on")]
    current = sa.select(
        *(members.c[name] for name in names),
        sa.literal(revision).label("revision"),
        sa.literal(assessed_on, sa.Date).label("assessed_on"),
    ).where(members.c.child_id == child_id, members.c.member_id.in_(member_ids))
    connection.execute(history.insert().from_select([*names, "revision", "assessed_on"], current))
