"""What a case conference does with a child's record: actions on gaps, proposals kept, exports.

An **action** turns one gap into work: a task of a facilitator or an advocate, or a referral
(*rujukan*) of a broker to a district service, with its status moving from proposed to closed.
They live in :mod:`eska_network.services.actions`, whose functions this module also offers, as the
pages call them here.

A **proposal** of the what-if (:mod:`eska_network.domain.whatif`) is recorded as a real tie
through the store, as one assessment dated by the conference. An **export** of the map is checked
(``export_child``) and audited before its bytes are made. Names on screen follow the map: member
labels, or role pseudonyms in presentation mode
(:func:`eska_network.child_map.view.member_names`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from eska_network import i18n
from eska_network.child_map import export
from eska_network.child_map.tables import GAP_COLUMNS, column_names, gap_rows
from eska_network.child_map.view import MapRequest, MapView, member_names
from eska_network.domain import codes, easynwk, gaps
from eska_network.domain.changes import change_lines, compare
from eska_network.domain.csvsafe import to_safe_csv
from eska_network.domain.gap_items import GapItem, gap_items, gap_title
from eska_network.domain.member_roles import MEMBER_ROLES
from eska_network.domain.model import ChildSystem
from eska_network.domain.pseudonyms import pseudonymise
from eska_network.domain.whatif import ProposedTie, what_if
from eska_network.services import access
from eska_network.services.action_records import MAX_TEXT
from eska_network.services.assessment_words import describe_save
from eska_network.store import (
    AssessmentChanges,
    AssessmentError,
    ConcurrentEditError,
    MemberChange,
    Store,
    TieUpdate,
)


def open_gaps(system: ChildSystem, as_of: dt.date | None = None) -> tuple[GapItem, ...]:
    """The child's recorded gaps as of ``as_of``, most serious first: what an action can address."""
    return gap_items(gaps.child_gaps(system, as_of))


def error_words(error: Exception, lang: str = "en") -> str:
    """What went wrong with a conference's change, in ``lang``, for the page to show.

    A refusal of the store lists its problems; a save made meanwhile names who saved; an action
    the conference cannot make, or an action changed meanwhile, says why.
    """
    if isinstance(error, AssessmentError):
        return "; ".join(problem.words(lang) for problem in error.problems)
    if isinstance(error, ConcurrentEditError):
        saves = "; ".join(describe_save(save, lang) for save in error.saves)
        return i18n.text("conference.error.saved_meanwhile", lang, saves=saves)
    if isinstance(error, access.AccessDenied):
        return i18n.text("app.refused", lang)
    said = getattr(error, "said", None)
    return said(lang) if said is not None else str(error)


def district_services(store: Store, system: ChildSystem) -> dict[str, str]:
    """The services of the child's district by id, named: where a referral may go."""
    services = store.load_dataset([]).district_resources(system.child.district)
    return {service.resource_id: service.name for service in services}


def gap_text(gap: GapItem, lang: str = "en", names: Mapping[str, str] | None = None) -> str:
    """A gap in words: its kind and what it is about.

    >>> gap_text(GapItem("unmet_need", "legal"))
    'Unmet need: legal services'
    """
    return gap_title(gap, lang, names or {})


# --- Names as the map shows them ---------------------------------------------------------------


def proposal_text(proposal: ProposedTie, names: Mapping[str, str], lang: str = "en") -> str:
    """A proposal in words: its two ends, its strength and the needs it would meet.

    >>> legal = ProposedTie("lbh", "institution", label="LBH", needs_met=("legal",))
    >>> proposal_text(legal, {"child": "the child", "lbh": "LBH"})
    'the child – LBH (strength 3; meets: legal services)'
    """
    ends = f"{names.get(proposal.other_end, proposal.other_end)} – "
    ends += names.get(proposal.member_id, proposal.label or proposal.member_id)
    details = [i18n.text("conference.proposal.strength", lang, strength=proposal.strength)]
    if proposal.needs_met:
        needs = ", ".join(codes.NEEDS.label(need, lang) for need in proposal.needs_met)
        details.append(i18n.text("conference.proposal.meets", lang, needs=needs))
    return f"{ends} ({'; '.join(details)})"


def recorded_changes(request: MapRequest) -> list[str]:
    """What changed between the request's compared date and its date, named as its map.

    Only what was recorded counts: proposals are no change, even though the map draws them.
    An empty list when the request compares with no date.
    """
    later = request.day
    if request.compare_with is None or later is None:
        return []
    earlier = request.compare_with
    comparison = compare(request.record, min(earlier, later), max(earlier, later))
    return change_lines(comparison, request.lang, member_names(request))


@dataclass(frozen=True)
class ProposalEffect:
    """Which gaps some proposals would close and open, in words named as the map names them."""

    closed: tuple[str, ...]
    opened: tuple[str, ...]


def proposal_effect(request: MapRequest) -> ProposalEffect:
    """The gaps the request's proposals would close and open as of its date."""
    result = what_if(request.record, request.proposals, request.as_of)
    names = member_names(request)
    return ProposalEffect(
        tuple(gap_text(item, request.lang, names) for item in result.closed),
        tuple(gap_text(item, request.lang, names) for item in result.opened),
    )


PROPOSED_PREFIX = "proposed"


class ProposalError(ValueError):
    """A what-if proposal the conference cannot add; ``said`` says why, in either language."""

    def __init__(self, said: i18n.Said) -> None:
        self.said = said
        super().__init__(f"proposed tie: {said('en')}")


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

    An empty ``label`` names the member by its role. A proposal with neither a name nor a role
    is refused: it would quietly add a tie to nobody in particular, and close gaps by it.

    >>> from eska_network.domain.model import Child
    >>> proposal = custom_proposal(ChildSystem(Child("C1", "X", 15)), [], " ", "community",
    ...     "mentor", needs_met=("life_skills",))
    >>> proposal.member_id, proposal.label, proposal.needs_met
    ('proposed_1', 'Mentor', ('life_skills',))

    Raises
    ------
    ProposalError
        When neither a name nor a role is given, or the name is too long.
    """
    taken = {member.member_id for member in system.members}
    taken |= {proposal.member_id for proposal in proposals}
    number = 1
    while f"{PROPOSED_PREFIX}_{number}" in taken:
        number += 1
    text = " ".join(str(label).split())
    if len(text) > MAX_TEXT:
        raise ProposalError(i18n.say("conference.error.proposal_too_long", n=MAX_TEXT))
    if not text and not role:
        raise ProposalError(i18n.say("conference.error.proposal_empty"))
    if not text:
        text = MEMBER_ROLES.label(role, lang) if role and role in MEMBER_ROLES else str(role)
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
    store: Store,
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
    added: tuple[MemberChange, ...] = ()
    if proposal.member_id not in known:
        member = proposal.member(system.child.child_id, lang)
        added = (
            MemberChange(
                member.member_id, member.label, member.level, member.role, member.resource_id
            ),
        )
    tie = proposal.tie(system.child.child_id, assessed_on)
    changes = AssessmentChanges(members_added=added, ties=(TieUpdate.of(tie),))
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


EASYNWK = "easynwk"
"""The easyNWK file of the map (docs/easynwk.md): made from the record, not from the view."""


IMAGE_FORMATS = export.IMAGE_FORMATS


class ExportUnavailable(RuntimeError):
    """An image export asked for on a server that cannot draw it (``reason``: see
    :func:`image_export_problem`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"image export unavailable: {reason}")
        self.reason = reason


def image_export_problem() -> str | None:
    """Why PNG and PDF exports are unavailable on this server (no Chromium...), or ``None``."""
    return export.image_export_problem()


def export_file_name(view: MapView, fmt: str) -> str:
    """The file name of an export: the child's code as the view shows it (neutral when hidden).

    >>> from eska_network.child_map.view import map_view
    >>> from eska_network.domain.model import Child, Tie
    >>> record = ChildSystem(Child("C9", "X", 15), ties=(Tie("C9", "child", "m", 3,
    ...     "supportive", dt.date(2026, 3, 1)),))
    >>> export_file_name(map_view(MapRequest(record, presentation=True)), "csv")
    'gaps-A-2026-03-01.csv'
    """
    stem = "gaps" if fmt == "csv" else "child-map"
    day = view.as_of.isoformat() if view.as_of else "no-assessment"
    suffix = "easynwk.json" if fmt == EASYNWK else fmt
    return f"{stem}-{view.system.child.child_id}-{day}.{suffix}"


def gap_list_csv(view: MapView) -> str:
    """The gap list of the view as CSV, headings in its language, formula characters escaped."""
    headers = column_names(GAP_COLUMNS, view.lang)
    table = pd.DataFrame(gap_rows(view), columns=list(headers)).rename(columns=headers)
    return to_safe_csv(table)


def export_map(store: Store, principal: access.Principal, child_id: str, view: MapView, fmt: str):
    """The map of ``view`` as ``png``, ``pdf``, ``html`` or gap-list ``csv``, after the check.

    ``child_id`` is the real child's code (the view may show a neutral one); the export is
    audited with it and the format.

    Raises
    ------
    AccessDenied
        When ``principal`` may not export this child's record (the refusal is audited).
    ExportUnavailable
        For PNG or PDF when this server has no Chromium to draw them.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"export: unknown format {fmt!r}")
    access.require(store, principal, access.EXPORT_CHILD, child_id, audit_use=False)
    if fmt in IMAGE_FORMATS and (problem := image_export_problem()) is not None:
        raise ExportUnavailable(problem)
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


def recorded_until(system: ChildSystem, day: dt.date | None) -> ChildSystem:
    """The record as it stood on ``day``: the tie and assessment rows dated then or before.

    >>> from eska_network.domain.model import Child, Tie
    >>> ties = tuple(Tie("C1", "child", "m", 3, "supportive", dt.date(2026, month, 1))
    ...     for month in (1, 5))
    >>> until = recorded_until(ChildSystem(Child("C1", "X", 15), ties=ties), dt.date(2026, 3, 1))
    >>> [tie.assessed_on.isoformat() for tie in until.ties]
    ['2026-01-01']
    """
    if day is None:
        return system
    return dataclasses.replace(
        system,
        ties=tuple(tie for tie in system.ties if tie.assessed_on <= day),
        assessments=tuple(row for row in system.assessments if row.assessed_on <= day),
    )


def export_easynwk(
    store: Store, principal: access.Principal, child_id: str, request: MapRequest
) -> str:
    """The child's map as an easyNWK file, one version per assessment up to the date shown.

    Made from the record (proposals are no part of it), with role pseudonyms in presentation
    mode as every export of the map; checked (``export_child``) and audited.

    Raises
    ------
    AccessDenied
        When ``principal`` may not export this child's record (the refusal is audited).
    """
    access.require(store, principal, access.EXPORT_CHILD, child_id, audit_use=False)
    system = recorded_until(request.record, request.as_of)
    if request.presentation:
        system = pseudonymise(system, request.lang)
    text = easynwk.to_json(easynwk.to_easynwk(system, request.lang))
    mode = "presentation" if request.presentation else "named"
    access.write_audit(
        store,
        principal,
        "export",
        "success",
        child_id=child_id,
        detail=f"{access.EXPORT_CHILD}: child map {EASYNWK}, {mode}",
    )
    return text
