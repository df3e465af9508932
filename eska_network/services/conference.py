"""What a case conference does with a child's record: actions on gaps, proposals kept, exports.

An **action** turns one gap into work: what is to be done, who does it, by when, and its status
(``open``, ``done`` or ``dropped``). Actions are stored in the ``actions`` table, read back at the
next conference with the gap they address; an open action due before today is **overdue**. Every
change is access-checked (``edit_child``) and audited, and a change names the action's revision
it was made on: a second person saving the same action is refused, not silently overwritten.

A **proposal** of the what-if (:mod:`eska_network.domain.whatif`) is recorded as a real tie
through the store, as one assessment dated by the conference. An **export** of the map is checked
(``export_child``) and audited before its bytes are made. Names on screen follow the map: member
labels, or role pseudonyms in presentation mode (:func:`member_names`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from eska_network.child_map import export
from eska_network.child_map.figure import MapView
from eska_network.child_map.tables import GAP_COLUMNS, column_names, gap_rows
from eska_network.domain import codes, gaps
from eska_network.domain.changes import change_lines, compare
from eska_network.domain.csvsafe import to_safe_csv
from eska_network.domain.gap_items import KINDS, GapItem, gap_items, gap_title, member_name
from eska_network.domain.member_roles import ROLES, level_member_label
from eska_network.domain.model import ChildSystem
from eska_network.domain.pseudonyms import pseudonyms
from eska_network.domain.whatif import ProposedTie, apply_proposals, what_if
from eska_network.services import access
from eska_network.store import AssessmentChanges, MemberChange, TieChange
from eska_network.store.tables import actions as actions_table

STATUSES = ("open", "done", "dropped")
STATUS_NAMES = {
    "open": ("Open", "Terbuka"),
    "done": ("Done", "Selesai"),
    "dropped": ("Dropped", "Dibatalkan"),
}
TIE_SEPARATOR = "|"
"""Joins a tie's two ends in ``gap_detail`` (member ids never hold it)."""
MAX_TEXT = 500
"""The longest ``what`` or ``who`` accepted: a short line, not a case note."""


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "id" else pair[0]


def status_name(status: str, lang: str = "en") -> str:
    """A status in words.

    >>> status_name("dropped", "id")
    'Dibatalkan'
    """
    return _pick(STATUS_NAMES[status], lang)


@dataclass(frozen=True)
class Action:
    """One stored action on a child's gap."""

    action_id: int
    child_id: str
    gap: GapItem
    what: str
    who: str
    due_on: dt.date | None
    status: str
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    revision: int

    def is_overdue(self, today: dt.date) -> bool:
        """Open and due before ``today``.

        >>> day = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        >>> action = Action(1, "C1", GapItem("unmet_need", "legal"), "Refer", "Ani",
        ...     dt.date(2026, 3, 1), "open", "ani", day, day, 1)
        >>> action.is_overdue(dt.date(2026, 3, 1)), action.is_overdue(dt.date(2026, 3, 2))
        (False, True)
        """
        return self.status == "open" and self.due_on is not None and self.due_on < today


class ActionConflictError(RuntimeError):
    """The action was changed by someone else since it was read; this change was not saved."""


def gap_of(kind: str, detail: str) -> GapItem:
    """The gap item an action row names (``gap_kind``, ``gap_detail``).

    >>> gap_of("stale_tie", "child|teacher")
    GapItem(kind='stale_tie', subject=('child', 'teacher'))
    """
    if TIE_SEPARATOR in detail:
        source, target = detail.split(TIE_SEPARATOR, 1)
        return GapItem(kind, (source, target))
    return GapItem(kind, detail)


def _detail(gap: GapItem) -> str:
    return TIE_SEPARATOR.join(gap.tie) if gap.tie else str(gap.subject)


def _clean(value: str, name: str) -> str:
    text = " ".join(str(value).split())
    if not text:
        raise ValueError(f"action: {name} is empty")
    if len(text) > MAX_TEXT:
        raise ValueError(f"action: {name} is longer than {MAX_TEXT} characters")
    return text


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _action(row: Mapping) -> Action:
    return Action(
        action_id=row["action_id"],
        child_id=row["child_id"],
        gap=gap_of(row["gap_kind"], row["gap_detail"]),
        what=row["what"],
        who=row["who"],
        due_on=row["due_on"],
        status=row["status"],
        created_by=row["created_by"],
        created_at=access.as_utc(row["created_at"]),
        updated_at=access.as_utc(row["updated_at"]),
        revision=row["revision"],
    )


def create_action(
    store,
    principal: access.Principal,
    child_id: str,
    gap: GapItem,
    what: str,
    who: str,
    due_on: dt.date | None = None,
) -> Action:
    """Store a new open action on one of the child's gaps; audited as an edit.

    Raises
    ------
    AccessDenied
        When ``principal`` may not edit the child (the refusal is audited).
    ValueError
        When ``what`` or ``who`` is empty or too long, or the gap kind is unknown.
    """
    if gap.kind not in KINDS:
        raise ValueError(f"action: unknown gap kind {gap.kind!r}")
    values = {"what": _clean(what, "what"), "who": _clean(who, "who")}
    access.require(store, principal, access.EDIT_CHILD, child_id, audit_use=False)
    now = _now()
    with store.writing() as connection:
        action_id = connection.execute(
            sa.insert(actions_table).values(
                child_id=child_id,
                gap_kind=gap.kind,
                gap_detail=_detail(gap),
                **values,
                due_on=due_on,
                status="open",
                created_by=principal.user_name,
                created_at=now,
                updated_at=now,
                revision=1,
            )
        ).inserted_primary_key[0]
    access.write_audit(
        store, principal, "edit", "success", child_id=child_id, detail="edit_child: action added"
    )
    return _read(store, action_id)


def _read(store, action_id: int) -> Action:
    query = sa.select(actions_table).where(actions_table.c.action_id == action_id)
    with store.reading() as connection:
        row = connection.execute(query).mappings().one_or_none()
    if row is None:
        raise KeyError(f"no action {action_id}")
    return _action(row)


def list_actions(
    store, principal: access.Principal, child_id: str, *, audit_view: bool = True
) -> tuple[Action, ...]:
    """The child's actions: open ones first, by due date (none last), then the others.

    ``audit_view`` false skips the view's audit row when the same page run has just written one
    (:func:`eska_network.services.access.open_child`); the check is made either way.

    Raises
    ------
    AccessDenied
        When ``principal`` may not see the child (the refusal is audited).
    """
    access.require(store, principal, access.VIEW_CHILD, child_id, audit_use=audit_view)
    query = sa.select(actions_table).where(actions_table.c.child_id == child_id)
    with store.reading() as connection:
        rows = connection.execute(query).mappings().all()
    found = [_action(row) for row in rows]
    return tuple(
        sorted(
            found,
            key=lambda a: (
                a.status != "open",
                a.due_on is None,
                a.due_on or dt.date.max,
                a.action_id,
            ),
        )
    )


def update_action(
    store,
    principal: access.Principal,
    action_id: int,
    expected_revision: int,
    *,
    status: str | None = None,
    what: str | None = None,
    who: str | None = None,
    due_on: dt.date | None = None,
) -> Action:
    """Change an action's status, text or due date; audited as an edit of its child.

    Only the fields given change. ``expected_revision`` is the action's revision when it was read.

    Raises
    ------
    AccessDenied
        When ``principal`` may not edit the action's child (the refusal is audited).
    ActionConflictError
        When the action was changed since ``expected_revision``; nothing is saved.
    KeyError
        When there is no such action.
    ValueError
        For an unknown status, or empty or too long text.
    """
    current = _read(store, action_id)
    changes: dict[str, object] = {}
    if status is not None:
        if status not in STATUSES:
            raise ValueError(f"action: status {status!r} is not one of {', '.join(STATUSES)}")
        changes["status"] = status
    if what is not None:
        changes["what"] = _clean(what, "what")
    if who is not None:
        changes["who"] = _clean(who, "who")
    if due_on is not None:
        changes["due_on"] = due_on
    access.require(store, principal, access.EDIT_CHILD, current.child_id, audit_use=False)
    with store.writing() as connection:
        changed = connection.execute(
            sa.update(actions_table)
            .where(
                actions_table.c.action_id == action_id,
                actions_table.c.revision == expected_revision,
            )
            .values(**changes, updated_at=_now(), revision=expected_revision + 1)
        ).rowcount
        if changed != 1:
            raise ActionConflictError(
                f"Action {action_id} was changed by someone else after you opened it; "
                "your change was not saved. Look at it again and repeat the change if needed."
            )
    access.write_audit(
        store,
        principal,
        "edit",
        "success",
        child_id=current.child_id,
        detail="edit_child: action changed",
    )
    return _read(store, action_id)


def overdue(found: Iterable[Action], today: dt.date) -> tuple[Action, ...]:
    """The actions of ``found`` that are overdue on ``today``."""
    return tuple(action for action in found if action.is_overdue(today))


ACTION_COLUMNS = {
    "gap": ("Gap it addresses", "Kesenjangan yang ditangani"),
    "what": ("What", "Apa"),
    "who": ("Who", "Siapa"),
    "due_on": ("By when", "Tenggat"),
    "status": ("Status", "Status"),
    "overdue": ("Overdue", "Lewat tenggat"),
}
HIDDEN_TEXT = "…"
"""What stands for typed text (``what``, ``who``) in presentation mode: it may name anyone."""


def action_headers(lang: str = "en") -> dict[str, str]:
    """The column headers of :func:`action_rows` in ``lang``."""
    return {key: _pick(names, lang) for key, names in ACTION_COLUMNS.items()}


def action_title(
    action: Action,
    lang: str = "en",
    names: Mapping[str, str] | None = None,
    presentation: bool = False,
) -> str:
    """One line naming an action in a list: its gap, its status, and what unless hidden."""
    parts = [gap_text(action.gap, lang, names), status_name(action.status, lang)]
    if not presentation:
        parts.insert(0, action.what)
    if action.due_on:
        parts.append(action.due_on.isoformat())
    return " · ".join(parts)


def open_gaps(system: ChildSystem, as_of: dt.date | None = None) -> tuple[GapItem, ...]:
    """The child's recorded gaps as of ``as_of``, most serious first: what an action can address."""
    return gap_items(gaps.child_gaps(system, as_of))


def action_rows(
    found: Sequence[Action],
    today: dt.date,
    lang: str = "en",
    names: Mapping[str, str] | None = None,
    presentation: bool = False,
) -> list[dict[str, object]]:
    """One row per action, for a table: the gap in words, what, who, due date, status, overdue.

    ``names`` are the member names the map shows (:func:`member_names`). In presentation mode
    the typed text is replaced by :data:`HIDDEN_TEXT`: free text may hold a name.
    """
    names = names or {}
    return [
        {
            "gap": gap_text(action.gap, lang, names),
            "what": HIDDEN_TEXT if presentation else action.what,
            "who": HIDDEN_TEXT if presentation else action.who,
            "due_on": action.due_on,
            "status": status_name(action.status, lang),
            "overdue": _pick(("Overdue", "Lewat tenggat"), lang)
            if action.is_overdue(today)
            else "",
        }
        for action in found
    ]


def gap_text(gap: GapItem, lang: str = "en", names: Mapping[str, str] | None = None) -> str:
    """A gap in words: its kind and what it is about.

    >>> gap_text(GapItem("unmet_need", "legal"))
    'Unmet need: legal services'
    """
    return gap_title(gap, lang, names or {})


# --- Names as the map shows them ---------------------------------------------------------------


def member_names(
    system: ChildSystem,
    proposals: Sequence[ProposedTie] = (),
    on: dt.date | None = None,
    lang: str = "en",
    presentation: bool = False,
) -> dict[str, str]:
    """What to call each member (by its real id) once ``proposals`` are added, as the map does.

    Labels in a normal view; in presentation mode the role pseudonyms the map gives the same
    record (:func:`eska_network.domain.pseudonyms.pseudonyms`), so no label leaks through a list.
    """
    day = on or system.latest_assessment() or dt.date.today()
    applied = apply_proposals(system, proposals, day) if proposals else system
    if presentation:
        names = {old: name for old, (_, name) in pseudonyms(applied, lang).items()}
    else:
        names = {member.member_id: member.label for member in applied.members}
    names[codes.CHILD_NODE] = member_name(codes.CHILD_NODE, {}, lang)
    return names


def proposal_text(proposal: ProposedTie, names: Mapping[str, str], lang: str = "en") -> str:
    """A proposal in words: its two ends, its strength and the needs it would meet.

    >>> legal = ProposedTie("lbh", "institution", label="LBH", needs_met=("legal",))
    >>> proposal_text(legal, {"child": "the child", "lbh": "LBH"})
    'the child – LBH (strength 3; meets: legal services)'
    """
    ends = f"{names.get(proposal.other_end, proposal.other_end)} – "
    ends += names.get(proposal.member_id, proposal.label or proposal.member_id)
    details = [f"{_pick(('strength', 'kekuatan'), lang)} {proposal.strength}"]
    if proposal.needs_met:
        needs = ", ".join(codes.NEEDS.label(need, lang) for need in proposal.needs_met)
        details.append(f"{_pick(('meets', 'memenuhi'), lang)}: {needs}")
    return f"{ends} ({'; '.join(details)})"


def recorded_changes(
    system: ChildSystem,
    earlier: dt.date,
    later: dt.date,
    proposals: Sequence[ProposedTie] = (),
    lang: str = "en",
    presentation: bool = False,
) -> list[str]:
    """What changed between two assessments, in lines, named as the map with ``proposals``.

    Only what was recorded counts: proposals are no change, even though the map draws them.
    """
    comparison = compare(system, min(earlier, later), max(earlier, later))
    names = member_names(system, proposals, later, lang, presentation)
    return change_lines(comparison, lang, names)


@dataclass(frozen=True)
class ProposalEffect:
    """Which gaps some proposals would close and open, in words named as the map names them."""

    closed: tuple[str, ...]
    opened: tuple[str, ...]


def proposal_effect(
    system: ChildSystem,
    proposals: Sequence[ProposedTie],
    as_of: dt.date | None = None,
    lang: str = "en",
    presentation: bool = False,
) -> ProposalEffect:
    """The gaps ``proposals`` would close and open as of ``as_of`` (:func:`whatif.what_if`)."""
    result = what_if(system, proposals, as_of)
    names = member_names(system, proposals, result.on, lang, presentation)
    return ProposalEffect(
        tuple(gap_text(item, lang, names) for item in result.closed),
        tuple(gap_text(item, lang, names) for item in result.opened),
    )


PROPOSED_PREFIX = "proposed"


def custom_proposal(
    system: ChildSystem,
    proposals: Sequence[ProposedTie],
    label: str,
    level: str,
    role: str | None = None,
    other_end: str = codes.CHILD_NODE,
    strength: int = 3,
    needs_met: Iterable[str] = (),
    functions: Iterable[str] = (),
    support_types: Iterable[str] = (),
    lang: str = "en",
) -> ProposedTie:
    """A supportive tie to a new member typed in by the conference, with an id of its own.

    An empty ``label`` names the member by its role (or its level when there is none).

    >>> from eska_network.domain.model import Child
    >>> proposal = custom_proposal(ChildSystem(Child("C1", "X", 15)), [], " ", "community",
    ...     "mentor", needs_met=("life_skills",))
    >>> proposal.member_id, proposal.label, proposal.needs_met
    ('proposed_1', 'Mentor', ('life_skills',))
    """
    taken = {member.member_id for member in system.members}
    taken |= {proposal.member_id for proposal in proposals}
    number = 1
    while f"{PROPOSED_PREFIX}_{number}" in taken:
        number += 1
    text = " ".join(str(label).split())
    if len(text) > MAX_TEXT:
        raise ValueError(f"proposed tie: the name is longer than {MAX_TEXT} characters")
    if not text:
        text = ROLES.label(role, lang) if role in ROLES else level_member_label(level, lang)
    return ProposedTie(
        f"{PROPOSED_PREFIX}_{number}",
        level,
        strength=strength,
        support_types=tuple(support_types),
        functions=tuple(functions),
        needs_met=tuple(needs_met),
        label=text,
        role=role,
        other_end=other_end,
    )


def record_proposal(
    store,
    principal: access.Principal,
    system: ChildSystem,
    proposal: ProposedTie,
    assessed_on: dt.date,
    expected_revision: int,
    lang: str = "en",
) -> int:
    """Record a proposal as a real tie (and its new member) dated ``assessed_on``; audited.

    ``system`` is the record as read, ``expected_revision`` the child's revision then. Returns
    the child's new revision.

    Raises
    ------
    AccessDenied
        When ``principal`` may not edit the child.
    eska_network.store.AssessmentError
        When the store refuses the tie (a date before the latest assessment, a row already there).
    eska_network.store.ConcurrentEditError
        When the child was saved since ``expected_revision``.
    """
    known = {member.member_id for member in system.members}
    added = ()
    if proposal.member_id not in known:
        member = proposal.member(system.child.child_id, lang)
        added = (
            MemberChange(
                member.member_id, member.label, member.level, member.role, member.resource_id
            ),
        )
    tie = proposal.tie(system.child.child_id, assessed_on)
    changes = AssessmentChanges(
        members_added=added,
        ties=(
            TieChange(
                tie.source,
                tie.target,
                tie.strength,
                tie.valence,
                tie.support_types,
                tie.functions,
                tie.needs_met,
            ),
        ),
    )
    return access.record_assessment(
        store, principal, system.child.child_id, assessed_on, changes, expected_revision
    )


# --- Exports ----------------------------------------------------------------------------------

EXPORT_FORMATS = {
    "png": "image/png",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
}


def export_file_name(view: MapView, fmt: str) -> str:
    """The file name of an export: the child's code as the view shows it (neutral when hidden).

    >>> from eska_network.domain.model import Child
    >>> view = MapView(ChildSystem(Child("A", "X", 15)), dt.date(2026, 3, 1), "en", True, {},
    ...     frozenset(), None)
    >>> export_file_name(view, "csv")
    'gaps-A-2026-03-01.csv'
    """
    stem = "gaps" if fmt == "csv" else "child-map"
    day = view.as_of.isoformat() if view.as_of else "no-assessment"
    return f"{stem}-{view.system.child.child_id}-{day}.{fmt}"


def gap_list_csv(view: MapView) -> str:
    """The gap list of the view as CSV, headings in its language, formula characters escaped."""
    headers = column_names(GAP_COLUMNS, view.lang)
    table = pd.DataFrame(gap_rows(view), columns=list(headers)).rename(columns=headers)
    return to_safe_csv(table)


def export_map(store, principal: access.Principal, child_id: str, view: MapView, fmt: str):
    """The map of ``view`` as ``png``, ``pdf``, ``html`` or gap-list ``csv``, after the check.

    ``child_id`` is the real child's code (the view may show a neutral one); the export is
    audited with it and the format.

    Raises
    ------
    AccessDenied
        When ``principal`` may not export this child's record (the refusal is audited).
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"export: unknown format {fmt!r}")
    access.require(store, principal, access.EXPORT_CHILD, child_id, audit_use=False)
    makers = {
        "png": export.map_png,
        "pdf": export.map_pdf,
        "html": export.map_html,
        "csv": gap_list_csv,
    }
    data = makers[fmt](view)
    mode = "presentation" if view.presentation else "named"
    access.write_audit(
        store,
        principal,
        "export",
        "success",
        child_id=child_id,
        detail=f"{access.EXPORT_CHILD}: child map {fmt}, {mode}",
    )
    return data
