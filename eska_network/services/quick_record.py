"""Recording at the speed of a conversation: a person, a tie, a contact, in one step each.

The map page records while a case conference talks: a person with their tie to the child, a tie
between two members, a tie's strength, valence or last contact changed, contact confirmed. Each
is one assessment at the day's date, saved through the same checked and audited save as the full
form (:func:`eska_network.services.access.record_assessment`), refused when someone else saved
the child since the page read it (:class:`eska_network.store.ConcurrentEditError`).

A save is an assessment of the whole system at its date, and rule 8 of the gap rules measures a
tie's last contact from that date: a save can make ties stale that were not stale before.
:func:`made_stale` lists them, so that the page asks about each before saving, and
:func:`contact_answers` turns the answers into the tie rows the save adds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from eska_network import i18n
from eska_network.domain import codes, gaps
from eska_network.domain.member_roles import role_label, role_level
from eska_network.domain.model import ChildSystem, Tie
from eska_network.services import access
from eska_network.services.assessment_forms import Record, new_member_id
from eska_network.store import AssessmentChanges, MemberChange, Store, TieUpdate

MAX_LABEL = 120
"""The longest name a quick entry takes (the full form's limit)."""


class QuickRecordError(ValueError):
    """A quick entry that cannot be recorded as it is; ``said`` says why, in either language."""

    def __init__(self, said: i18n.Said) -> None:
        self.said = said
        super().__init__(said("en"))


def page_record(store: Store, system: ChildSystem, revision: int) -> Record:
    """The record a page already opened (checked and audited), with its removed members.

    ``revision`` is the child's revision when ``system`` was read; a save expects it.
    """
    child_id = system.child.child_id
    members = store.load_dataset([child_id]).members
    removed: frozenset[str] = frozenset()
    if "removed_on" in members:
        removed = frozenset(members.loc[members["removed_on"].notna(), "member_id"])
    return Record(system, revision, removed)


# --- What a quick entry records ----------------------------------------------------------------


@dataclass(frozen=True)
class QuickPerson:
    """A person named in the conversation and their tie to the child.

    ``level`` may be left None when ``role`` is a common role: its level is the role's.
    """

    label: str
    level: str | None
    role: str | None
    strength: int = 3
    valence: str = "supportive"


def person_changes(record: Record, person: QuickPerson, lang: str = "en") -> AssessmentChanges:
    """A new member and their tie to the child.

    >>> from eska_network.domain.model import Child
    >>> record = Record(ChildSystem(Child("C1", "X", 15)), 1)
    >>> changes = person_changes(record, QuickPerson("Bu Tini", None, "neighbour", 4))
    >>> changes.members_added[0].member_id, changes.members_added[0].level
    ('bu_tini', 'community')
    >>> changes.ties[0].pair, changes.ties[0].strength
    (('bu_tini', 'child'), 4)

    Raises
    ------
    QuickRecordError
        When neither a name nor a role is given, the name is too long, or no level is known.
    """
    label = " ".join(person.label.split())
    role = (person.role or "").strip() or None
    if not label and not role:
        raise QuickRecordError(i18n.say("assess.quick.no_name"))
    if len(label) > MAX_LABEL:
        raise QuickRecordError(i18n.say("assess.quick.too_long", n=MAX_LABEL))
    level = person.level or role_level(role)
    if level is None:
        raise QuickRecordError(i18n.say("assess.quick.no_level"))
    label = label or role_label(role, lang)
    taken = [member.member_id for member in record.system.members]
    member_id = new_member_id(label, taken)
    return AssessmentChanges(
        members_added=(MemberChange(member_id, label, level, role),),
        ties=(TieUpdate(codes.CHILD_NODE, member_id, person.strength, person.valence),),
    )


def _current_tie(record: Record, pair: tuple[str, str]) -> Tie | None:
    return next((tie for tie in record.ties() if tie.pair == pair), None)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (min(a, b), max(a, b))


def member_tie_changes(
    record: Record, first: str | None, second: str | None, strength: int, valence: str
) -> AssessmentChanges:
    """A tie between two members (a tie they had is recorded anew, keeping what it provides).

    Raises
    ------
    QuickRecordError
        When one of the two is not chosen, or both are the same.
    """
    if first is None or second is None:
        raise QuickRecordError(i18n.say("assess.quick.pick_two"))
    if first == second:
        raise QuickRecordError(i18n.say("assess.quick.same_member"))
    before = _current_tie(record, _pair(first, second))
    if before is None:
        return AssessmentChanges(ties=(TieUpdate(first, second, strength, valence),))
    anew = TieUpdate.of(before, source=first, target=second, strength=strength, valence=valence)
    return AssessmentChanges(ties=(anew,))


def tie_edit_changes(
    record: Record,
    pair: tuple[str, str],
    strength: int,
    valence: str,
    last_contact: dt.date | None,
) -> AssessmentChanges:
    """A current tie with a new strength, valence or last contact (the rest kept).

    Raises
    ------
    QuickRecordError
        When the record has no such tie.
    """
    tie = _current_tie(record, pair)
    if tie is None:
        raise QuickRecordError(i18n.say("assess.quick.no_tie"))
    anew = TieUpdate.of(tie, strength=strength, valence=valence, last_contact=last_contact)
    return AssessmentChanges(ties=(anew,))


def contact_changes(
    record: Record, pairs: Iterable[tuple[str, str]], on: dt.date
) -> AssessmentChanges:
    """The given current ties with their last contact ``on`` (a day's contact confirmed)."""
    ties = []
    for pair in pairs:
        tie = _current_tie(record, pair)
        if tie is not None:
            ties.append(TieUpdate.of(tie, last_contact=on))
    return AssessmentChanges(ties=tuple(ties))


def confirmable(record: Record, on: dt.date) -> tuple[Tie, ...]:
    """The current ties whose contact can be confirmed ``on`` in one save.

    A tie already recorded that day is left out: the store keeps one row per tie and date.
    """
    return tuple(
        tie
        for tie in record.ties()
        if tie.strength >= 1 and tie.assessed_on != on and tie.last_contact != on
    )


def save(
    store: Store,
    principal: access.Principal,
    record: Record,
    changes: AssessmentChanges,
    assessed_on: dt.date,
) -> int:
    """Save ``changes`` as the assessment of ``assessed_on``, checked and audited.

    Returns the child's new revision.

    Raises
    ------
    AccessDenied
        When ``principal`` may not edit the child.
    eska_network.store.AssessmentError
        When the store refuses a value.
    eska_network.store.ConcurrentEditError
        When the child was saved since ``record`` was read.
    """
    return access.record_assessment(
        store, principal, record.child_id, assessed_on, changes, record.revision
    )


def merged(*parts: AssessmentChanges) -> AssessmentChanges:
    """The changes of several entries as one assessment (later ties of a pair win)."""
    ties: dict[tuple[str, str], TieUpdate] = {}
    for part in parts:
        for tie in part.ties:
            ties[tie.pair] = tie
    first_child = next((part.child for part in parts if part.child is not None), None)
    return AssessmentChanges(
        child=first_child,
        members_added=tuple(m for part in parts for m in part.members_added),
        members_edited=tuple(m for part in parts for m in part.members_edited),
        members_removed=tuple(m for part in parts for m in part.members_removed),
        ties=tuple(ties.values()),
    )


# --- Ties a save would make stale ----------------------------------------------------------------

CONFIRMED = "confirmed"
UNKNOWN = "unknown"
LOST = "lost"
ANSWERS = (CONFIRMED, UNKNOWN, LOST)
"""What a worker answers about a tie a save would make stale: contact confirmed on a day,
contact not known (the tie shows as stale), contact lost (the tie is recorded as ended)."""


def made_stale(
    system: ChildSystem, assessed_on: dt.date, changes: AssessmentChanges
) -> tuple[Tie, ...]:
    """The current ties a save of ``changes`` dated ``assessed_on`` would make stale.

    Rule 8 measures last contact from the date of the map: a tie not stale as of the child's
    latest assessment becomes stale as of a later save unless that save records it anew.

    >>> from eska_network.domain.model import Child
    >>> old = Tie("C1", "child", "aunt", 3, "supportive", dt.date(2026, 1, 5),
    ...     last_contact=dt.date(2026, 1, 5))
    >>> record = ChildSystem(Child("C1", "X", 15), ties=(old,))
    >>> [tie.pair for tie in made_stale(record, dt.date(2026, 6, 1), AssessmentChanges())]
    [('aunt', 'child')]
    >>> made_stale(record, dt.date(2026, 2, 1), AssessmentChanges())
    ()
    """
    later = set(gaps.child_gaps(system, assessed_on).stale_ties)
    latest = system.latest_assessment()
    before = set(gaps.child_gaps(system, latest).stale_ties) if latest else set()
    recorded = {tie.pair for tie in changes.ties} | {
        pair
        for pair in (tie.pair for tie in system.ties_as_of())
        if set(pair) & set(changes.members_removed)
    }
    return tuple(
        tie
        for tie in system.ties_as_of()
        if (tie.source, tie.target) in later - before and tie.pair not in recorded
    )


@dataclass(frozen=True)
class ContactAnswer:
    """What the worker said about one tie: ``confirmed`` (on ``day``), ``unknown`` or ``lost``."""

    answer: str | None
    day: dt.date | None = None


def contact_answers(
    stale: Iterable[Tie],
    answers: Mapping[tuple[str, str], ContactAnswer],
    assessed_on: dt.date,
) -> AssessmentChanges:
    """The tie rows the answers add: a confirmed contact's day, a lost tie ended (strength 0).

    Raises
    ------
    QuickRecordError
        When a tie has no answer, or a confirmed contact has no day or a day after the save.
    """
    ties = []
    for tie in stale:
        given = answers.get(tie.pair, ContactAnswer(None))
        if given.answer not in ANSWERS:
            raise QuickRecordError(i18n.say("assess.stale.unanswered"))
        if given.answer == UNKNOWN:
            continue
        if given.answer == CONFIRMED:
            if given.day is None or given.day > assessed_on:
                raise QuickRecordError(i18n.say("assess.stale.bad_day", day=assessed_on))
            ties.append(TieUpdate.of(tie, last_contact=given.day))
        else:
            ties.append(TieUpdate.of(tie, strength=0))
    return AssessmentChanges(ties=tuple(ties))
