"""Recording an assessment through forms: form values, the changes they make, their problems.

A form is opened on a :class:`Record` (its *baseline*) and may be saved on a later one (the
*current* record, after someone else saved the child in between). Only the fields the user
changed from the baseline become changes, applied on the current record's values: what the
other person saved is kept, and nothing is silently overwritten.

Every entry of the form has a key (``child``, ``member:<id>``, ``new_member:<n>``,
``tie:<a>|<b>``, ``new_tie:<n>``, ``assessed_on``) and every field the name of its column, so a
problem found by the form or by the store is shown next to the field it is about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import KW_ONLY, dataclass
from typing import Any

from eska_network import i18n
from eska_network.domain import codes, schema
from eska_network.domain.model import PROVIDES, ChildSystem, Member, Resource, Tie, TieProvides
from eska_network.services import access
from eska_network.store import (
    AssessmentChanges,
    ChildChange,
    MemberChange,
    Problem,
    Store,
    TieUpdate,
)
from eska_network.store.assessment_checks import check_value

NEW_MEMBER = "new_member:"
"""Prefix of a new member's entry key; a tie end ``new_member:0`` names the first new member."""
CHILD_FIELDS = schema.ASSESSED_FIELDS
"""What an assessment records about the child (an assessments.csv row)."""
MEMBER_FIELDS = ("label", "level", "role", "resource_id")
TIE_FIELDS = ("strength", "valence", *PROVIDES, "last_contact")
"""What a tie's entry records besides its ends, in ties.csv's order."""


@dataclass(frozen=True)
class Record:
    """One child's record as a form opens it: the latest state, its revision, the services."""

    system: ChildSystem
    revision: int
    removed: frozenset[str] = frozenset()
    resources: tuple[Resource, ...] = ()

    @property
    def child_id(self) -> str:
        return self.system.child.child_id

    @property
    def members(self) -> tuple[Member, ...]:
        """The members not removed, in their stored order."""
        return tuple(m for m in self.system.members if m.member_id not in self.removed)

    def ties(self, as_of: dt.date | None = None) -> tuple[Tie, ...]:
        """The ties as of ``as_of`` (default: the latest), without those of removed members."""
        return tuple(
            tie for tie in self.system.ties_as_of(as_of) if not set(tie.pair) & self.removed
        )

    def label(self, member_id: str, lang: str = "en") -> str:
        """What the map calls ``member_id`` (``child``: the child)."""
        if member_id == codes.CHILD_NODE:
            return i18n.text("assess.the_child", lang)
        for member in self.system.members:
            if member.member_id == member_id:
                return member.label
        return member_id

    def resource(self, resource_id: str | None) -> Resource | None:
        return next((r for r in self.resources if r.resource_id == resource_id), None)


def open_record(store: Store, principal: access.Principal, child_id: str) -> Record:
    """The child's record for a form, after the access check (an audited view).

    The revision is read before the record, so a save in between makes the form's save refused
    rather than lets it overwrite what it never showed.

    Raises
    ------
    AccessDenied
        When ``principal`` may not see the child.
    """
    access.require(store, principal, access.VIEW_CHILD, child_id)
    revision = store.revision(child_id)
    dataset = store.load_dataset([child_id])
    system = dataset.child_system(child_id)
    removed: frozenset[str] = frozenset()
    if "removed_on" in dataset.members:
        gone = dataset.members[dataset.members["removed_on"].notna()]
        removed = frozenset(gone["member_id"])
    return Record(system, revision, removed, dataset.district_resources(system.child.district))


# -- what a form holds ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberEntry:
    """One member as the form shows it; a new member's entry is blank until filled in."""

    label: str = ""
    level: str | None = None
    role: str | None = None
    resource_id: str | None = None
    remove: bool = False

    @property
    def is_filled(self) -> bool:
        return bool(self.label.strip() or self.resource_id)


@dataclass(frozen=True)
class TieEntry(TieProvides):
    """One tie as the form shows it; a new tie's entry counts once its second end is chosen."""

    source: str | None = codes.CHILD_NODE
    target: str | None = None
    strength: int = 3
    valence: str = "supportive"
    _: KW_ONLY
    last_contact: dt.date | None = None


@dataclass(frozen=True)
class FormValues:
    """Everything one assessment form holds."""

    child: ChildChange
    members: Mapping[str, MemberEntry]
    ties: Mapping[str, TieEntry]
    new_members: tuple[MemberEntry, ...] = ()
    new_ties: tuple[TieEntry, ...] = ()


def member_key(member_id: str) -> str:
    return f"member:{member_id}"


def tie_key(pair: tuple[str, str]) -> str:
    return f"tie:{pair[0]}|{pair[1]}"


def form_defaults(record: Record) -> FormValues:
    """The values a form opened on ``record`` shows (new entries blank).

    Examples
    --------
    >>> from eska_network.domain.model import Child
    >>> record = Record(ChildSystem(Child("C1", "Kota Bandung", 15, needs=("legal",))), 1)
    >>> form_defaults(record).child.needs
    ('legal',)
    """
    return FormValues(
        child=ChildChange.of(record.system),
        members={
            member_key(m.member_id): MemberEntry(m.label, m.level, m.role, m.resource_id)
            for m in record.members
        },
        ties={
            tie_key(tie.pair): TieEntry(
                tie.source, tie.target, **{name: getattr(tie, name) for name in TIE_FIELDS}
            )
            for tie in record.ties()
        },
    )


# -- from a form to the store's changes ---------------------------------------------------------


@dataclass(frozen=True)
class FieldProblem:
    """A problem to show next to one field of one entry (``field`` None: the whole entry)."""

    entry: str
    field: str | None
    message: str


@dataclass(frozen=True)
class Draft:
    """The changes a form makes, the problems the form itself found, and where each change is.

    ``places`` maps ``(part, index)`` of :class:`AssessmentChanges` to the entry key it came
    from, so the store's problems can be placed next to their fields.
    """

    changes: AssessmentChanges
    problems: tuple[FieldProblem, ...]
    places: Mapping[tuple[str, int | None], str]

    @property
    def is_empty(self) -> bool:
        return self.changes == AssessmentChanges()


def new_member_id(label: str, taken: Iterable[str]) -> str:
    """A member id made from ``label``, unique among ``taken`` (ids nobody needs to type).

    Examples
    --------
    >>> new_member_id("LBH Bandung", ["lbh_bandung"])
    'lbh_bandung_2'
    >>> new_member_id("Ibu (Mother)", [])
    'ibu_mother'
    >>> new_member_id("???", ["child"])
    'member'
    """
    base = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:28] or "member"
    if base == codes.CHILD_NODE:
        base = "member"
    taken = set(taken) | {codes.CHILD_NODE}
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}_{number}"
    return candidate


def _merged(entry, base, current, names: Iterable[str]) -> tuple[dict, bool]:
    """``current``'s values with the fields the user changed (entry != base) taken from entry."""
    values, changed = {}, False
    for name in names:
        if getattr(entry, name) != getattr(base, name):
            values[name], changed = getattr(entry, name), True
        else:
            values[name] = getattr(current, name)
    return values, changed


def draft_changes(
    form: FormValues, baseline: Record, current: Record | None = None, lang: str = "en"
) -> Draft:
    """The changes ``form`` makes to ``current`` (default: ``baseline``, the form's record).

    A field counts as changed when it differs from what the form showed (``baseline``); its new
    value is applied on ``current``, so fields someone else saved in between stay as they saved
    them. The problems are those the form can see: every field checked by the import's rules
    (:func:`eska_network.store.assessment.check_value`), and a tie to a new member left blank.
    """
    current = current or baseline
    shown = form_defaults(baseline)
    now = form_defaults(current)
    problems: list[FieldProblem] = []
    places: dict[tuple[str, int | None], str] = {}

    child = None
    values, changed = _merged(form.child, shown.child, now.child, CHILD_FIELDS)
    if changed:
        child = ChildChange(**values)
        _check(problems, "child", schema.ASSESSMENTS, child, CHILD_FIELDS, lang)

    edited: list[MemberChange] = []
    removed: list[str] = []
    for key, entry in form.members.items():
        member_id = key.removeprefix("member:")
        base = shown.members.get(key, entry)
        if entry.remove and not base.remove:
            places[("members_removed", len(removed))] = key
            removed.append(member_id)
            continue
        values, changed = _merged(entry, base, now.members.get(key, base), MEMBER_FIELDS)
        if changed:
            change = _member_change(member_id, values)
            places[("members_edited", len(edited))] = key
            edited.append(change)
            _check(problems, key, schema.MEMBERS, change, MEMBER_FIELDS, lang)

    added: list[MemberChange] = []
    new_ids: dict[str, str] = {}
    taken = {m.member_id for m in baseline.system.members + current.system.members}
    for number, entry in enumerate(form.new_members):
        if not entry.is_filled:
            continue
        key = f"{NEW_MEMBER}{number}"
        service = current.resource(entry.resource_id) or baseline.resource(entry.resource_id)
        label = entry.label.strip() or (service.name if service else "")
        level = entry.level or (service.level if service else None)
        member_id = new_member_id(label, taken)
        taken.add(member_id)
        new_ids[key] = member_id
        change = _member_change(
            member_id,
            {"label": label, "level": level, "role": entry.role, "resource_id": entry.resource_id},
        )
        places[("members_added", len(added))] = key
        added.append(change)
        _check(problems, key, schema.MEMBERS, change, MEMBER_FIELDS, lang)

    ties: list[TieUpdate] = []
    current_ties = {tie_key(t.pair): t for t in current.ties()}
    for key, tie in form.ties.items():
        tie_base = shown.ties.get(key, tie)
        values, changed = _merged(tie, tie_base, current_ties.get(key, tie_base), TIE_FIELDS)
        if changed:
            tie_change = TieUpdate(tie_base.source or "", tie_base.target or "", **values)
            places[("ties", len(ties))] = key
            ties.append(tie_change)
            _check(problems, key, schema.TIES, tie_change, TIE_FIELDS, lang)
    for number, tie in enumerate(form.new_ties):
        if tie.target is None:
            continue
        key = f"new_tie:{number}"
        ends: dict[str, str | None] = {}
        for end in ("source", "target"):
            name = getattr(tie, end)
            if name is None:
                problems.append(FieldProblem(key, end, i18n.text("assess.choose_end", lang)))
            elif name.startswith(NEW_MEMBER) and name not in new_ids:
                slot = int(name.removeprefix(NEW_MEMBER)) + 1
                problems.append(
                    FieldProblem(key, end, i18n.text("assess.new_member_blank", lang, n=slot))
                )
            ends[end] = new_ids.get(name, name)
        tie_change = TieUpdate(
            ends["source"] or "", ends["target"] or "", **{n: getattr(tie, n) for n in TIE_FIELDS}
        )
        places[("ties", len(ties))] = key
        ties.append(tie_change)
        _check(problems, key, schema.TIES, tie_change, TIE_FIELDS, lang)

    changes = AssessmentChanges(
        child=child,
        members_added=tuple(added),
        members_edited=tuple(edited),
        members_removed=tuple(removed),
        ties=tuple(ties),
    )
    return Draft(changes, tuple(problems), places)


def _member_change(member_id: str, values: Mapping[str, Any]) -> MemberChange:
    label = values["label"]
    role = values["role"]
    return MemberChange(
        member_id,
        label.strip() if isinstance(label, str) else label,
        values["level"],
        (role.strip() or None) if isinstance(role, str) else role,
        values["resource_id"] or None,
    )


def _check(
    problems: list,
    entry: str,
    spec: schema.FileSpec,
    obj,
    names: Iterable[str],
    lang: str = "en",
) -> None:
    for name in names:
        message = check_value(spec.column(name), getattr(obj, name))
        if message:
            problems.append(FieldProblem(entry, name, message(lang)))


def place_problems(
    draft: Draft, problems: Iterable[Problem], lang: str = "en"
) -> tuple[FieldProblem, ...]:
    """The store's problems with ``draft.changes``, each placed at its entry and field, in
    ``lang``."""
    placed = []
    for problem in problems:
        if problem.part in ("assessed_on", "child"):
            placed.append(FieldProblem(problem.part, problem.field, problem.words(lang)))
            continue
        entry = draft.places.get((problem.part, problem.index), problem.part)
        field = problem.field
        if problem.part == "members_removed":
            field = "remove"
        elif field == "member_id":
            # Nobody types a member id: it is made from the label.
            field = "label"
        placed.append(FieldProblem(entry, field, problem.words(lang)))
    return tuple(placed)


def problems_by_field(problems: Iterable[FieldProblem]) -> dict[tuple[str, str | None], list[str]]:
    """The messages keyed by ``(entry, field)``, in the order found.

    Examples
    --------
    >>> found = [FieldProblem("child", "needs", "x"), FieldProblem("child", None, "y")]
    >>> problems_by_field(found)
    {('child', 'needs'): ['x'], ('child', None): ['y']}
    """
    result: dict[tuple[str, str | None], list[str]] = {}
    for problem in problems:
        result.setdefault((problem.entry, problem.field), []).append(problem.message)
    return result
