"""What-if: proposed ties added to a child's record, the gaps they would close, suggested services.

Nothing here records anything: a proposal gives a new
:class:`~eska_network.domain.model.ChildSystem` that the gap rules run on, and the caller decides
whether to store the proposed tie.

What adding ties can and cannot do to the gaps (``tests/test_whatif.py`` checks it): adding an
active supportive tie between two ends that had no tie never makes a rule 1 to 5 result worse,
because every maximum those rules take can only grow: no level's status drops, no need, key or
kind of support becomes missing, no link between levels gets weaker. In gap items this means no
unmet need, missing key or missing kind of support opens, and a level or link item opens only in
place of a worse one about the same level or pair (``level_absent`` becomes ``level_weak``,
``link_missing`` becomes ``link_weak``). The weakest link of rule 5 may move to another pair,
never a weaker one. Rule 6 can open: a member tie that is the first active supportive tie between
two levels is their only one, a single point of failure that replaces the missing link (and a
second tie between the same levels closes it). Proposals carry no last contact, so they are never
stale (rule 8), and being supportive they are never stressful (rule 7).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import KW_ONLY, dataclass

from eska_network.domain import codes, gaps
from eska_network.domain.gap_items import GapItem, gap_items
from eska_network.domain.member_roles import role_label
from eska_network.domain.model import ChildSystem, Dataset, Member, Resource, Tie, TieProvides


@dataclass(frozen=True)
class ProposedTie(TieProvides):
    """A tie a case conference considers, to a new member or to one already in the record.

    ``member_id`` names the member; when the record has no such member, a new one is added with
    ``label``, ``level``, ``role`` and ``resource_id``. ``other_end`` is the tie's other end: the
    child by default, or another member's id for a member-to-member tie.
    """

    member_id: str
    level: str
    strength: int = 3
    valence: str = "supportive"
    _: KW_ONLY
    label: str | None = None
    role: str | None = None
    resource_id: str | None = None
    other_end: str = codes.CHILD_NODE

    def __post_init__(self) -> None:
        if self.level not in codes.LEVELS:
            raise ValueError(f"proposed tie: level {self.level!r} is not a level code")
        if not 0 <= self.strength <= codes.MAX_STRENGTH:
            raise ValueError(f"proposed tie: strength {self.strength} is not 0 to 5")
        if self.valence not in codes.VALENCES:
            raise ValueError(f"proposed tie: valence {self.valence!r} is not a valence code")
        if self.member_id in (codes.CHILD_NODE, self.other_end):
            raise ValueError(f"proposed tie: {self.member_id!r} cannot be this tie's member")
        for name, vocabulary in (
            ("support_types", codes.SUPPORT_TYPES),
            ("functions", codes.FUNCTIONS),
            ("needs_met", codes.NEEDS),
        ):
            unknown = [code for code in getattr(self, name) if code not in vocabulary]
            if unknown:
                raise ValueError(f"proposed tie: {name} has unknown codes {unknown}")

    def member(self, child_id: str, lang: str = "en") -> Member:
        """The new member this proposal adds (used when the record has none with its id)."""
        label = self.label or role_label(self.role, lang)
        return Member(child_id, self.member_id, label, self.level, self.role, self.resource_id)

    def tie(self, child_id: str, on: dt.date) -> Tie:
        """The tie row this proposal adds, assessed on ``on``."""
        return Tie(
            child_id,
            self.other_end,
            self.member_id,
            self.strength,
            self.valence,
            on,
            support_types=tuple(codes.SUPPORT_TYPES.sort(self.support_types)),
            functions=tuple(codes.FUNCTIONS.sort(self.functions)),
            needs_met=tuple(codes.NEEDS.sort(self.needs_met)),
        )


def apply_proposals(
    system: ChildSystem, proposals: Iterable[ProposedTie], on: dt.date
) -> ChildSystem:
    """A new record with each proposal added as a tie row assessed on ``on``.

    A proposal for a pair that already has a row on ``on`` replaces that row (a tie has one row
    per date); new members are added after the existing ones.

    Examples
    --------
    >>> from eska_network.domain.model import Child
    >>> system = ChildSystem(Child("C1", "Kota Bandung", 15))
    >>> legal_aid = ProposedTie("lbh", "institution", label="LBH", needs_met=("legal",))
    >>> after = apply_proposals(system, [legal_aid], dt.date(2026, 3, 1))
    >>> [(m.member_id, m.label) for m in after.members], after.ties[0].pair
    ([('lbh', 'LBH')], ('child', 'lbh'))
    """
    members = list(system.members)
    known = {member.member_id for member in members}
    ties = list(system.ties)
    child_id = system.child.child_id
    for proposal in proposals:
        if proposal.other_end != codes.CHILD_NODE and proposal.other_end not in known:
            raise ValueError(f"proposed tie: no member {proposal.other_end!r} in the record")
        if proposal.member_id not in known:
            members.append(proposal.member(child_id))
            known.add(proposal.member_id)
        tie = proposal.tie(child_id, on)
        ties = [row for row in ties if not (row.pair == tie.pair and row.assessed_on == on)]
        ties.append(tie)
    return dataclasses.replace(system, members=tuple(members), ties=tuple(ties))


@dataclass(frozen=True)
class WhatIf:
    """The gaps of a record before and after some proposals, and which ones they close or open."""

    system: ChildSystem
    proposals: tuple[ProposedTie, ...]
    on: dt.date
    before: gaps.ChildGaps
    after: gaps.ChildGaps
    closed: tuple[GapItem, ...]
    opened: tuple[GapItem, ...]


def what_if(
    system: ChildSystem,
    proposals: Iterable[ProposedTie],
    as_of: dt.date | None = None,
    today: dt.date | None = None,
) -> WhatIf:
    """The effect of ``proposals`` on the gaps as of ``as_of`` (default: latest assessment).

    For a record with no assessment yet, the proposals are dated ``today`` (default: the date
    today).

    Examples
    --------
    >>> from eska_network.domain.model import Child
    >>> system = ChildSystem(Child("C1", "Kota Bandung", 15, needs=("legal",)))
    >>> legal_aid = ProposedTie("lbh", "institution", label="LBH", needs_met=("legal",))
    >>> result = what_if(system, [legal_aid], today=dt.date(2026, 3, 1))
    >>> [(item.kind, item.subject) for item in result.closed]
    [('level_absent', 'institution'), ('unmet_need', 'legal')]
    """
    proposals = tuple(proposals)
    on = as_of or system.latest_assessment() or today or dt.date.today()
    changed = apply_proposals(system, proposals, on)
    before = gaps.child_gaps(system, on)
    after = gaps.child_gaps(changed, on)
    closed, opened = gap_difference(before, after)
    return WhatIf(changed, proposals, on, before, after, closed, opened)


def gap_difference(
    before: gaps.ChildGaps, after: gaps.ChildGaps
) -> tuple[tuple[GapItem, ...], tuple[GapItem, ...]]:
    """The gap items of ``before`` that ``after`` no longer has, and the new ones of ``after``."""
    old, new = gap_items(before), gap_items(after)
    return tuple(item for item in old if item not in new), tuple(
        item for item in new if item not in old
    )


def suggested_services(
    system: ChildSystem,
    resources: Dataset | Iterable[Resource],
    as_of: dt.date | None = None,
) -> dict[str, tuple[ProposedTie, ...]]:
    """For each unmet need, the district's services that serve it, as ready proposals.

    ``resources`` is a data set (its services in the child's district are used) or services
    already chosen (those of other districts are left out). Each proposal is a supportive,
    instrumental tie of strength 3 from the child to the service, meeting every unmet need the
    service serves. A service already in the record is proposed as a tie to that member.

    Examples
    --------
    >>> from eska_network.domain.model import Child
    >>> system = ChildSystem(Child("C1", "Garut", 15, needs=("legal", "housing")))
    >>> lbh = Resource("R1", "Garut", "LBH Garut", "institution", ("legal",), "legal_aid")
    >>> elsewhere = Resource("R2", "Bogor", "LBH Bogor", "institution", ("legal",), "legal_aid")
    >>> offers = suggested_services(system, [lbh, elsewhere])
    >>> {need: [p.label for p in proposals] for need, proposals in offers.items()}
    {'housing': [], 'legal': ['LBH Garut']}
    """
    district = system.child.district
    if isinstance(resources, Dataset):
        resources = resources.district_resources(district)
    services = sorted(
        (resource for resource in resources if resource.district == district),
        key=lambda resource: (resource.name, resource.resource_id),
    )
    unmet = gaps.child_gaps(system, as_of).unmet_needs
    existing = {member.resource_id: member for member in system.members if member.resource_id}
    taken = {member.member_id for member in system.members}
    proposals: dict[str, ProposedTie] = {}
    for resource in services:
        serves = [need for need in unmet if need in resource.needs_served]
        if serves:
            proposals[resource.resource_id] = _proposal(resource, serves, existing, taken)
    return {need: tuple(p for p in proposals.values() if need in p.needs_met) for need in unmet}


def _proposal(
    resource: Resource,
    needs: list[str],
    existing: Mapping[str, Member],
    taken: set[str],
) -> ProposedTie:
    member = existing.get(resource.resource_id)
    if member is not None:
        member_id, level = member.member_id, member.level
    else:
        member_id, level = _new_member_id(resource.resource_id, taken), resource.level
        taken.add(member_id)
    return ProposedTie(
        member_id,
        level,
        strength=3,
        valence="supportive",
        support_types=("instrumental",),
        needs_met=tuple(needs),
        label=resource.name,
        role=resource.kind,
        resource_id=resource.resource_id,
    )


def _new_member_id(resource_id: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]", "_", f"service_{resource_id}")[:28]
    member_id, number = base, 1
    while member_id in taken or member_id == codes.CHILD_NODE:
        number += 1
        member_id = f"{base}_{number}"
    return member_id
