"""Recording an assessment: what may change, how it is checked, and how it is saved.

A save adds rows dated ``assessed_on`` and never overwrites a row of an earlier date, so the map
as of any earlier date is unchanged. A tie that already has a row on ``assessed_on`` is refused
(a correction is a new assessment at a later date), and so is an assessment dated before the
child's latest one, which would change the map as of the dates in between.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import KW_ONLY, dataclass, field, fields
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from eska_network.domain import codes, io, schema
from eska_network.domain.model import (
    PROVIDES,
    Child,
    ChildSystem,
    Member,
    Tie,
    TieProvides,
    codes_cell,
)
from eska_network.i18n import Said, say
from eska_network.store import reading, summaries, tables

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


@dataclass(frozen=True)
class ChildChange:
    """What the assessment found about the child, all of it, as it is after the assessment.

    Start from :meth:`of` the current record and replace what changed
    (``dataclasses.replace(ChildChange.of(system), needs=...)``). The fields that differ from
    the child's current state are saved as an assessments.csv row dated by the assessment; an
    empty list is saved as ``none``. A score, placement or stage once recorded cannot be
    emptied (an empty cell never erases an earlier value): record the current one instead.
    """

    needs: tuple[str, ...] = ()
    risk_factors: tuple[str, ...] = ()
    wellbeing_personal: int | None = None
    wellbeing_interpersonal: int | None = None
    wellbeing_skills: int | None = None
    placement: str | None = None
    reintegration_stage: str | None = None

    @classmethod
    def of(cls, record: ChildSystem | Child) -> ChildChange:
        """The child's current values (as of its latest assessment), to edit."""
        system = record if isinstance(record, ChildSystem) else ChildSystem(record)
        state = system.state_as_of()
        return cls(
            needs=state.needs,
            risk_factors=state.risk_factors,
            **{f"wellbeing_{w}": state.wellbeing[w] for w in codes.WELLBEING},
            placement=state.placement,
            reintegration_stage=state.reintegration_stage,
        )


@dataclass(frozen=True)
class MemberChange:
    """A member to add, or the new values of a member to edit."""

    member_id: str
    label: str
    level: str
    role: str | None = None
    resource_id: str | None = None


@dataclass(frozen=True)
class TieUpdate(TieProvides):
    """A tie's state at the assessment: a new tie, or a new row for an existing one."""

    source: str
    target: str
    strength: int
    valence: str
    _: KW_ONLY
    last_contact: dt.date | None = None

    @classmethod
    def of(cls, tie: Tie, **changed: Any) -> TieUpdate:
        """``tie`` recorded anew at the assessment, with the fields named in ``changed``."""
        kept = cls(
            tie.source,
            tie.target,
            tie.strength,
            tie.valence,
            last_contact=tie.last_contact,
            **tie.provided(),
        )
        return dataclasses.replace(kept, **changed)

    @property
    def pair(self) -> tuple[str, str]:
        return (min(self.source, self.target), max(self.source, self.target))


@dataclass(frozen=True)
class AssessmentChanges:
    """Everything one assessment changes; what is left empty stays as it is.

    Removing a member records every tie of that member that has not ended as ended (strength 0)
    at the assessment date, and marks the member ``removed_on`` that date; the member and its
    past rows stay, so earlier maps and the export keep it.
    """

    child: ChildChange | None = None
    members_added: tuple[MemberChange, ...] = ()
    members_edited: tuple[MemberChange, ...] = ()
    members_removed: tuple[str, ...] = ()
    ties: tuple[TieUpdate, ...] = ()


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of the changes, for a form to show next to that field.

    ``part`` is ``assessed_on``, ``child`` or the name of a tuple of :class:`AssessmentChanges`;
    ``index`` the position in that tuple; ``field`` the column name (None: the whole entry).
    """

    part: str
    index: int | None
    field: str | None
    message: str | Said
    said: Said | None = dataclasses.field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # A message the product writes comes as a Said: kept to be said in either language.
        if isinstance(self.message, Said):
            object.__setattr__(self, "said", self.message)
            object.__setattr__(self, "message", self.message("en"))

    def words(self, lang: str = "en") -> str:
        """What is wrong, in ``lang``."""
        return self.said(lang) if self.said is not None else str(self.message)

    @property
    def where(self) -> str:
        index = "" if self.index is None else f"[{self.index}]"
        name = "" if self.field is None else f".{self.field}"
        return f"{self.part}{index}{name}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class AssessmentError(ValueError):
    """The changes break a rule; nothing was saved."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def by_field(self) -> dict[str, list[str]]:
        """The messages keyed by :attr:`Problem.where` (e.g. ``ties[0].strength``)."""
        result: dict[str, list[str]] = {}
        for problem in self.problems:
            result.setdefault(problem.where, []).append(problem.words())
        return result


@dataclass(frozen=True)
class SavedRevision:
    """One save of a child's record: who, when, and how much it changed."""

    child_id: str
    revision: int
    saved_by: str
    saved_at: dt.datetime
    source: str
    assessed_on: dt.date | None
    child_changed: bool
    members_changed: int
    ties_changed: int

    def describe(self) -> str:
        """E.g. ``Saved by cw_0003 at 2026-11-28 10:14 UTC: 3 ties, 1 member``."""
        verb = "Imported" if self.source == "import" else "Saved"
        parts = [
            _count(self.ties_changed, "tie"),
            _count(self.members_changed, "member"),
            "the child's needs, risks or wellbeing" if self.child_changed else "",
        ]
        dated = f" (assessment of {self.assessed_on})" if self.assessed_on else ""
        when = self.saved_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        what = ", ".join(part for part in parts if part) or "no change"
        return f"{verb} by {self.saved_by} at {when}{dated}: {what}"


def _count(number: int, noun: str) -> str:
    return "" if not number else f"{number} {noun}{'s' if number != 1 else ''}"


class ConcurrentEditError(RuntimeError):
    """Someone saved the child since the form was opened; this save was refused.

    The first save stands; ``changes`` are this save's changes, intact, so the form can keep
    them; ``saves`` are the saves made in between, and ``current_revision`` the one to expect
    when the user saves again.
    """

    def __init__(
        self,
        child_id: str,
        expected_revision: int,
        saves: tuple[SavedRevision, ...],
        changes: AssessmentChanges,
        assessed_on: dt.date,
    ):
        self.child_id = child_id
        self.expected_revision = expected_revision
        self.saves = saves
        self.changes = changes
        self.assessed_on = assessed_on
        self.current_revision = max((save.revision for save in saves), default=expected_revision)
        lines = "; ".join(save.describe() for save in saves)
        super().__init__(
            f"Child {child_id} was changed after you opened it. {lines}. "
            "Your changes were not saved; they are kept so you can review and save them again."
        )


@dataclass
class _Plan:
    """The rows a save will write."""

    child: dict | None = None
    members_added: list[MemberChange] = field(default_factory=list)
    members_edited: list[MemberChange] = field(default_factory=list)
    members_removed: list[str] = field(default_factory=list)
    ties: list[dict] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.child
            or self.members_added
            or self.members_edited
            or self.members_removed
            or self.ties
        )


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
    plan = _plan(system, removed, resources, assessed_on, changes, now.date())
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


# -- checking ----------------------------------------------------------------------------------


def check_value(column: schema.Column, value: object) -> Said | None:
    """What is wrong with a form's ``value`` for ``column`` (None when nothing is).

    The value is written as the CSV cell it would be and checked by the import's own rules, so
    a form and an import refuse the same things with the same words.

    Examples
    --------
    >>> str(check_value(schema.TIES.column("strength"), 7))
    '7 is out of range 0 to 5'
    >>> check_value(schema.MEMBERS.column("label"), "")("id")
    'wajib diisi'
    """
    cell = _cell(value)
    if cell == "":
        return say("validation.required") if column.required else None
    if column.kind == "text":
        return None if cell.strip() else say("validation.required")
    if column.kind == "id":
        if re.fullmatch(schema.ID_PATTERN, cell):
            return None
        return say("validation.bad_id", cell=f"'{cell}'")
    return io.cell_problem(column, cell)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (tuple, list, set, frozenset)):
        return schema.LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)


def _check_fields(
    problems: list[Problem],
    spec: schema.FileSpec,
    obj: DataclassInstance,
    part: str,
    index: int | None,
) -> None:
    for f in fields(obj):
        message = check_value(spec.column(f.name), getattr(obj, f.name))
        if message:
            problems.append(Problem(part, index, f.name, message))


def _plan(
    system: ChildSystem,
    removed: set[str],
    resources: set[str],
    assessed_on: dt.date,
    changes: AssessmentChanges,
    today: dt.date,
) -> _Plan:
    problems: list[Problem] = []
    plan = _Plan()
    latest = system.latest_assessment()
    if not isinstance(assessed_on, dt.date) or isinstance(assessed_on, dt.datetime):
        problems.append(Problem("assessed_on", None, None, say("validation.form.not_a_date")))
        raise AssessmentError(problems)
    if assessed_on > today:
        problems.append(
            Problem("assessed_on", None, None, say("validation.form.after_today", today=today))
        )
    if latest is not None and assessed_on < latest:
        problems.append(
            Problem(
                "assessed_on",
                None,
                None,
                say("validation.form.before_latest", latest=latest),
            )
        )

    if changes.child is not None:
        _check_fields(problems, schema.ASSESSMENTS, changes.child, "child", None)
        plan.child = _child_plan(system, changes.child, assessed_on, problems)

    members = {member.member_id: member for member in system.members}
    current = set(members) - removed
    _check_members_added(problems, changes, members, resources, plan)
    _check_members_edited(problems, changes, current, members, resources, plan)
    _check_members_removed(problems, changes, current, plan)
    present = (current | {m.member_id for m in plan.members_added}) - set(plan.members_removed)
    ties = {tie.pair: tie for tie in system.ties_as_of()}
    dated = {tie.pair for tie in system.ties if tie.assessed_on == assessed_on}
    _check_ties(problems, changes, present, dated, assessed_on, plan)
    _end_removed_ties(problems, changes, plan, ties, dated, assessed_on)
    if problems:
        raise AssessmentError(problems)
    return plan


def _child_plan(
    system: ChildSystem, change: ChildChange, assessed_on: dt.date, problems: list[Problem]
) -> dict | None:
    """The assessments row of the fields that change (None when none does).

    A row already dated ``assessed_on`` (an earlier save that day) may gain cells it left empty,
    never change one it holds.
    """
    old = ChildChange.of(system)
    row: dict[str, object] = {}
    for name in schema.ASSESSED_FIELDS:
        new, before = getattr(change, name), getattr(old, name)
        column = schema.ASSESSMENTS.column(name)
        if column.kind == "codes":
            vocabulary = _vocabulary(column)
            new = tuple(vocabulary.sort(c for c in new if c in vocabulary))
            if new != tuple(before):
                # An empty list is recorded as ``none``.
                row[name] = codes_cell(column, new)
        elif new != before:
            if new is None:
                problems.append(
                    Problem(
                        "child",
                        None,
                        name,
                        say("validation.form.cannot_empty"),
                    )
                )
                continue
            row[name] = new
    if not row:
        return None
    same_day = next((a for a in system.assessments if a.assessed_on == assessed_on), None)
    if same_day is not None:
        for name in row:
            if getattr(same_day, name) is not None:
                problems.append(
                    Problem(
                        "child",
                        None,
                        name,
                        say("validation.form.already_recorded", day=assessed_on),
                    )
                )
    return row


def _codes(column: schema.Column, values: Iterable[str]) -> str:
    vocabulary = _vocabulary(column)
    known = [value for value in values if value in vocabulary]
    return schema.LIST_SEPARATOR.join(vocabulary.sort(known))


def _vocabulary(column: schema.Column) -> codes.Vocabulary:
    """The codes a ``codes`` column takes."""
    if column.vocabulary is None:
        raise ValueError(f"{column.name} is not a column of codes")
    return column.vocabulary


def _check_member_fields(
    problems: list[Problem], member: MemberChange, part: str, index: int, resources: set[str]
) -> None:
    for name in ("label", "level", "role", "resource_id"):
        message = check_value(schema.MEMBERS.column(name), getattr(member, name))
        if message:
            problems.append(Problem(part, index, name, message))
    if member.resource_id and member.resource_id not in resources:
        problems.append(
            Problem(
                part,
                index,
                "resource_id",
                say("validation.form.no_service", cell=f"'{member.resource_id}'"),
            )
        )


def _check_members_added(
    problems: list[Problem],
    changes: AssessmentChanges,
    members: dict[str, Member],
    resources: set[str],
    plan: _Plan,
) -> None:
    seen: set[str] = set()
    for index, member in enumerate(changes.members_added):
        message = check_value(schema.MEMBERS.column("member_id"), member.member_id)
        if message:
            problems.append(Problem("members_added", index, "member_id", message))
        elif member.member_id == codes.CHILD_NODE:
            problems.append(
                Problem("members_added", index, "member_id", say("validation.form.child_reserved"))
            )
        elif member.member_id in members or member.member_id in seen:
            problems.append(
                Problem("members_added", index, "member_id", say("validation.form.member_id_taken"))
            )
        seen.add(member.member_id)
        _check_member_fields(problems, member, "members_added", index, resources)
        plan.members_added.append(member)


def _check_members_edited(
    problems: list[Problem],
    changes: AssessmentChanges,
    current: set[str],
    members: dict[str, Member],
    resources: set[str],
    plan: _Plan,
) -> None:
    seen: set[str] = set()
    for index, member in enumerate(changes.members_edited):
        if member.member_id not in current:
            problems.append(
                Problem("members_edited", index, "member_id", say("validation.form.no_such_member"))
            )
            continue
        if member.member_id in seen or member.member_id in changes.members_removed:
            problems.append(
                Problem("members_edited", index, "member_id", say("validation.form.changed_twice"))
            )
        seen.add(member.member_id)
        _check_member_fields(problems, member, "members_edited", index, resources)
        old = members[member.member_id]
        if any(
            getattr(old, n) != getattr(member, n) for n in ("label", "level", "role", "resource_id")
        ):
            plan.members_edited.append(member)


def _check_members_removed(
    problems: list[Problem], changes: AssessmentChanges, current: set[str], plan: _Plan
) -> None:
    for index, member_id in enumerate(changes.members_removed):
        if member_id not in current:
            problems.append(
                Problem(
                    "members_removed",
                    index,
                    None,
                    say("validation.form.no_member_named", cell=f"'{member_id}'"),
                )
            )
        elif member_id in plan.members_removed:
            problems.append(
                Problem("members_removed", index, None, say("validation.form.removed_twice"))
            )
        else:
            plan.members_removed.append(member_id)


def _check_ties(
    problems: list[Problem],
    changes: AssessmentChanges,
    present: set[str],
    dated: set[tuple[str, str]],
    assessed_on: dt.date,
    plan: _Plan,
) -> None:
    seen: set[tuple[str, str]] = set()
    for index, change in enumerate(changes.ties):
        before = len(problems)
        _check_fields(problems, schema.TIES, change, "ties", index)
        for end in ("source", "target"):
            name = getattr(change, end)
            if name != codes.CHILD_NODE and name not in present:
                problems.append(
                    Problem(
                        "ties", index, end, say("validation.form.no_member_named", cell=f"'{name}'")
                    )
                )
        if change.source == change.target:
            problems.append(Problem("ties", index, "target", say("validation.form.same_ends")))
        elif change.pair in seen:
            problems.append(Problem("ties", index, None, say("validation.form.tie_twice")))
        elif change.pair in dated:
            problems.append(
                Problem(
                    "ties",
                    index,
                    None,
                    say("validation.form.tie_dated", day=assessed_on),
                )
            )
        seen.add(change.pair)
        if len(problems) == before:
            plan.ties.append(_tie_row(change, assessed_on))


def _tie_row(change: TieUpdate | Tie, assessed_on: dt.date, **override) -> dict:
    source, target = change.source, change.target
    if target == codes.CHILD_NODE:
        # The format names the child as source; a tie is undirected, so nothing is lost.
        source, target = target, source
    row = {
        "source": source,
        "target": target,
        "pair_low": min(source, target),
        "pair_high": max(source, target),
        "strength": change.strength,
        "valence": change.valence,
        "last_contact": change.last_contact,
        "assessed_on": assessed_on,
        **{name: _codes(schema.TIES.column(name), getattr(change, name)) for name in PROVIDES},
    }
    row.update(override)
    return row


def _end_removed_ties(
    problems: list[Problem],
    changes: AssessmentChanges,
    plan: _Plan,
    ties: dict[tuple[str, str], Tie],
    dated: set[tuple[str, str]],
    assessed_on: dt.date,
) -> None:
    for index, member_id in enumerate(changes.members_removed):
        if member_id not in plan.members_removed:
            continue
        for tie in ties.values():
            if member_id not in tie.pair or tie.strength == 0:
                continue
            if tie.pair in dated:
                problems.append(
                    Problem(
                        "members_removed",
                        index,
                        None,
                        say(
                            "validation.form.removed_tie_dated",
                            a=tie.source,
                            b=tie.target,
                            day=assessed_on,
                        ),
                    )
                )
            elif not any(
                row["pair_low"] == tie.pair[0] and row["pair_high"] == tie.pair[1]
                for row in plan.ties
            ):
                plan.ties.append(_tie_row(tie, assessed_on, strength=0))
    for index, change in enumerate(changes.ties):
        if set(change.pair) & set(plan.members_removed):
            problems.append(Problem("ties", index, None, say("validation.form.tie_of_removed")))


# -- writing ---------------------------------------------------------------------------------


def _write(
    connection: sa.Connection,
    system: ChildSystem,
    plan: _Plan,
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
