"""What one child map shows, decided once: the record as drawn, its date, names, places and gaps.

The page, the figure, the tables and the exports all take a :class:`MapView`, so they show the
same names (role pseudonyms in presentation mode), the same gaps and the same places. Nothing here
draws: the figure is built from the view by :mod:`eska_network.child_map.figure`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from eska_network.child_map.placement import Place, first_tie_dates, member_places
from eska_network.domain import codes, gaps
from eska_network.domain.changes import Comparison, compare
from eska_network.domain.gap_items import GapItem, gap_items, member_name
from eska_network.domain.model import ChildSystem
from eska_network.domain.pseudonyms import child_label, pseudonymise, pseudonyms
from eska_network.domain.situation import Situation, situation
from eska_network.domain.whatif import ProposedTie, apply_proposals

__all__ = ["Focus", "MapRequest", "MapView", "gap_sentences", "map_view", "member_names"]


@dataclass(frozen=True)
class MapRequest:
    """What a conference asks to see: a child's record, a date, a comparison, proposals, a mode.

    ``as_of`` defaults to the latest assessment; ``compare_with`` is an earlier date whose changes
    are drawn; ``proposals`` are what-if ties drawn in their own style and counted in the gaps;
    ``presentation`` replaces every name by a role pseudonym and the child's code by "A".
    """

    record: ChildSystem
    as_of: dt.date | None = None
    compare_with: dt.date | None = None
    proposals: tuple[ProposedTie, ...] = ()
    lang: str = "en"
    presentation: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "proposals", tuple(self.proposals))

    def proposing(self, *more: ProposedTie) -> MapRequest:
        """The same request with ``more`` proposals after the ones it has."""
        return dataclasses.replace(self, proposals=(*self.proposals, *more))

    @property
    def day(self) -> dt.date | None:
        """The date drawn: ``as_of``, else the latest assessment; with proposals never None."""
        day = self.as_of or self.record.latest_assessment()
        if day is None and self.proposals:
            day = self.compare_with or dt.date.today()
        return day


@dataclass(frozen=True)
class MapView:
    """One map as drawn: every name, member id and gap in it is what the reader will see.

    ``system`` is the record with the proposals added (pseudonymised in presentation mode), so
    its member ids are the ones drawn. ``places`` holds the members drawn as of ``as_of`` (those
    with a tie row by then); ``labels`` names every drawn id and the child; ``names`` names the
    record's own member ids (and the proposals') as the map does, for widgets that keep real ids.
    """

    request: MapRequest
    system: ChildSystem
    as_of: dt.date | None
    places: Mapping[str, Place]
    labels: Mapping[str, str]
    names: Mapping[str, str]
    proposed_pairs: frozenset[tuple[str, str]]
    proposed_members: frozenset[str]
    comparison: Comparison | None
    gaps: gaps.ChildGaps

    @property
    def lang(self) -> str:
        return self.request.lang

    @property
    def presentation(self) -> bool:
        return self.request.presentation

    @property
    def child_label(self) -> str:
        """What the map calls the child ("Child C042", "Child A" in presentation mode)."""
        return self.labels[codes.CHILD_NODE]

    @cached_property
    def items(self) -> tuple[GapItem, ...]:
        """The gaps, most serious first, about the drawn ids."""
        return gap_items(self.gaps)

    @cached_property
    def situation(self) -> Situation:
        """Where the child lives and the stage of the case as of the date drawn."""
        return situation(self.system, self.as_of)


@dataclass(frozen=True)
class Focus:
    """What the conference picked to look at: one gap (about drawn ids) or one member."""

    gap: GapItem | None = None
    member: str | None = None


def map_view(request: MapRequest) -> MapView:
    """The view of ``request``: proposals added, names replaced in presentation mode, gaps found.

    Examples
    --------
    >>> from eska_network.domain.model import Child, Member, Tie
    >>> day = dt.date(2026, 3, 1)
    >>> record = ChildSystem(Child("C7", "Garut", 15), (Member("C7", "siti", "Siti", "family",
    ...     "mother"),), (Tie("C7", "child", "siti", 4, "supportive", day),))
    >>> view = map_view(MapRequest(record, presentation=True))
    >>> dict(view.labels), dict(view.names)
    ({'mother': 'Mother', 'child': 'Child A'}, {'siti': 'Mother', 'child': 'the child'})
    """
    record, day = request.record, request.day
    system = record
    if request.proposals and day is not None:  # a request with proposals always has a day
        system = apply_proposals(record, request.proposals, day)
    known = {member.member_id for member in record.members}
    added = [member for member in system.members if member.member_id not in known]
    places = member_places(record, added)
    pairs = {_pair(p.other_end, p.member_id) for p in request.proposals}
    names = _names(system, request)
    added_ids = {member.member_id for member in added}
    if request.presentation:
        renamed = {old: new for old, (new, _) in pseudonyms(system, request.lang).items()}
        renamed[codes.CHILD_NODE] = codes.CHILD_NODE
        pairs = {_pair(renamed[a], renamed[b]) for a, b in pairs}
        places = {renamed[member]: place for member, place in places.items()}
        added_ids = {renamed[member] for member in added_ids}
        system = pseudonymise(system, request.lang)
    first = first_tie_dates(system)
    drawn = {
        member: place
        for member, place in places.items()
        if day is not None and member in first and first[member] <= day
    }
    comparison = None
    if request.compare_with is not None and day is not None:
        comparison = compare(system, min(request.compare_with, day), max(request.compare_with, day))
    labels = {member.member_id: member.label for member in system.members}
    labels[codes.CHILD_NODE] = child_label(system.child.child_id, request.lang)
    return MapView(
        request=request,
        system=system,
        as_of=day,
        places=drawn,
        labels=labels,
        names=names,
        proposed_pairs=frozenset(pairs),
        proposed_members=frozenset(added_ids),
        comparison=comparison,
        gaps=gaps.child_gaps(system, day),
    )


def _pair(a: str, b: str) -> tuple[str, str]:
    """A tie's identity, its ends sorted (as :attr:`~eska_network.domain.model.Tie.pair`)."""
    return (a, b) if a <= b else (b, a)


def member_names(request: MapRequest) -> dict[str, str]:
    """The record's member ids (and the proposals') named as the map of ``request`` names them.

    Labels in a normal view; in presentation mode the role pseudonyms the map gives the same
    record, so no label leaks through a list or a select box that keeps the real ids.

    >>> from eska_network.domain.model import Child, Member
    >>> record = ChildSystem(Child("C1", "X", 15), (Member("C1", "m", "Siti", "family", "mother"),))
    >>> member_names(MapRequest(record, presentation=True, lang="id"))
    {'m': 'Ibu', 'child': 'anak'}
    """
    day = request.day or dt.date.today()
    record = request.record
    system = apply_proposals(record, request.proposals, day) if request.proposals else record
    return _names(system, request)


def _names(system: ChildSystem, request: MapRequest) -> dict[str, str]:
    if request.presentation:
        names = {old: name for old, (_, name) in pseudonyms(system, request.lang).items()}
    else:
        names = {member.member_id: member.label for member in system.members}
    names[codes.CHILD_NODE] = member_name(codes.CHILD_NODE, {}, request.lang)
    return names


def gap_sentences(view: MapView) -> list[str]:
    """The gaps in plain sentences, most serious first, with the names the map shows."""
    return gaps.describe(view.gaps, view.lang, view.labels)
