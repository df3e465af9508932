"""Checking an assessment's changes against the child's record, giving the rows a save writes.

Every field is checked by the import's own rules (:func:`check_value`), so a form and an import
refuse the same things with the same words; all problems are found before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from eska_network.domain import codes, io, schema
from eska_network.domain.model import PROVIDES, ChildSystem, Member, Tie, codes_cell
from eska_network.i18n import Said, say
from eska_network.store.assessment_changes import (
    AssessmentChanges,
    AssessmentError,
    ChildChange,
    MemberChange,
    Problem,
    TieUpdate,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


@dataclass
class Plan:
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


def plan_save(
    system: ChildSystem,
    removed: set[str],
    resources: set[str],
    assessed_on: dt.date,
    changes: AssessmentChanges,
    today: dt.date,
) -> Plan:
    problems: list[Problem] = []
    plan = Plan()
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
    plan: Plan,
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
    plan: Plan,
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
    problems: list[Problem], changes: AssessmentChanges, current: set[str], plan: Plan
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
    plan: Plan,
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
    plan: Plan,
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
