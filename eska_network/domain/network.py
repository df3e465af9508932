"""A child's support system as a graph, and its map layout: rings for levels, sectors for roles."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import networkx as nx

from eska_network.domain.codes import CHILD_NODE, LEVELS
from eska_network.domain.member_roles import ROLES
from eska_network.domain.model import ChildSystem, Member

EDGE_ATTRIBUTES = (
    "source",
    "target",
    "strength",
    "valence",
    "support_types",
    "functions",
    "needs_met",
    "assessed_on",
    "last_contact",
)
"""The tie attributes every edge of :func:`child_graph` carries."""


def child_graph(system: ChildSystem, as_of: dt.date | None = None) -> nx.Graph:
    """The child and every member as nodes, the ties existing as of ``as_of`` as edges.

    Nodes carry ``level``, ``role`` and ``label`` (the child's node: no level or role, its code as
    label). An edge is a tie whose row as of ``as_of`` (default: latest) has strength 1 or more;
    it carries :data:`EDGE_ATTRIBUTES`, ``source`` and ``target`` as that row has them.

    Examples
    --------
    >>> from eska_network.domain.model import Child, Member, Tie
    >>> system = ChildSystem(
    ...     Child("C1", "Kota Bandung", 14),
    ...     (Member("C1", "ibu", "Ibu Sari", "family", "mother"),),
    ...     (Tie("C1", "ibu", "child", 4, "supportive", dt.date(2026, 3, 1)),),
    ... )
    >>> graph = child_graph(system)
    >>> graph.nodes["ibu"]["level"], graph.edges["child", "ibu"]["source"]
    ('family', 'ibu')
    """
    graph = nx.Graph()
    graph.add_node(CHILD_NODE, level=None, role=None, label=system.child.child_id)
    for member in system.members:
        graph.add_node(member.member_id, level=member.level, role=member.role, label=member.label)
    for tie in system.ties_as_of(as_of):
        if tie.strength >= 1:
            attributes = {name: getattr(tie, name) for name in EDGE_ATTRIBUTES}
            graph.add_edge(tie.source, tie.target, **attributes)
    return graph


MIN_SPACING = 0.1
"""The smallest distance :func:`ring_layout` keeps between any two positions (outer radius 1).

Holds while no ring has more than 50 members (on the outer ring, 62): 40 members in any
arrangement keep it.
"""


@dataclass(frozen=True)
class Sector:
    """The members of one role on one ring, and the arc they take.

    ``role`` is None for the members without a role (the "other" sector). Angles are radians,
    counter-clockwise from the positive x axis; ``start < end``.
    """

    role: str | None
    start: float
    end: float
    members: tuple[str, ...]


@dataclass(frozen=True)
class Ring:
    """One level's ring: its radius and its sectors (none when the level has no member)."""

    level: str
    radius: float
    sectors: tuple[Sector, ...]


@dataclass(frozen=True)
class RingPlan:
    """The rings of a child's map, family innermost, the child at the centre (0, 0)."""

    rings: tuple[Ring, ...]

    def ring(self, level: str) -> Ring:
        """The ring of ``level`` (a code of :data:`~eska_network.domain.codes.LEVELS`)."""
        return next(ring for ring in self.rings if ring.level == level)


def ring_plan(system: ChildSystem) -> RingPlan:
    """The rings and sectors of a child's map.

    Each ring is divided into sectors by role: known roles in the order of
    :data:`~eska_network.domain.member_roles.ROLES`, then other roles alphabetically, then the
    members without a role. Every member of a ring takes an equal arc, so a sector's arc is
    proportional to its number of members; the family ring's first sector starts at the top (angle
    pi/2), each ring further out 60 degrees further counter-clockwise. Members sit in a sector in
    the order of their ids, so the plan depends on the record only, not on the order of its rows.

    Ring radii start at 1/3, 2/3 and 1 (the outer ring always at 1) and move outwards when a
    ring's members would otherwise sit closer than :data:`MIN_SPACING`.

    Examples
    --------
    >>> from eska_network.domain.model import Child, Member
    >>> system = ChildSystem(Child("C1", "Kota Bandung", 14), (
    ...     Member("C1", "ibu", "Ibu", "family", "mother"),
    ...     Member("C1", "nenek", "Nenek", "family"),
    ...     Member("C1", "ayah", "Ayah", "family", "father"),
    ... ))
    >>> family = ring_plan(system).ring("family")
    >>> [(sector.role, sector.members) for sector in family.sectors]
    [('mother', ('ibu',)), ('father', ('ayah',)), (None, ('nenek',))]
    >>> round(family.radius, 3), round(family.sectors[1].end - family.sectors[1].start, 3)
    (0.333, 2.094)
    """
    members_of = {level: [m for m in system.members if m.level == level] for level in LEVELS}
    radii = _radii([len(members_of[level]) for level in LEVELS])
    rings = []
    for level, radius in zip(LEVELS, radii, strict=True):
        members = members_of[level]
        step = 2 * math.pi / len(members) if members else 0.0
        sectors, start = [], _first_angle(len(rings))
        for role, ids in _by_role(members):
            sectors.append(Sector(role, start, start + step * len(ids), ids))
            start += step * len(ids)
        rings.append(Ring(level, radius, tuple(sectors)))
    return RingPlan(tuple(rings))


def ring_layout(system: ChildSystem) -> dict[str, tuple[float, float]]:
    """The position of the child and of every member on the map of :func:`ring_plan`.

    Members are spread evenly within their sector, at the radius of their level's ring.

    >>> from eska_network.domain.model import Child, Member
    >>> system = ChildSystem(Child("C1", "Kota Bandung", 14),
    ...                      (Member("C1", "lbh", "LBH", "institution", "legal_aid"),))
    >>> {node: (round(x, 3), round(y, 3)) for node, (x, y) in ring_layout(system).items()}
    {'child': (0.0, 0.0), 'lbh': (0.866, 0.5)}
    """
    positions = {CHILD_NODE: (0.0, 0.0)}
    for ring in ring_plan(system).rings:
        for sector in ring.sectors:
            step = (sector.end - sector.start) / len(sector.members)
            for k, member_id in enumerate(sector.members):
                angle = sector.start + (k + 0.5) * step
                positions[member_id] = (
                    ring.radius * math.cos(angle),
                    ring.radius * math.sin(angle),
                )
    return positions


def _first_angle(ring: int) -> float:
    """Where a ring's first sector starts: at the top, turned by 60 degrees per ring outwards.

    The turn keeps a lone member on each ring off the straight line from the child through the
    others, where its ties would cross them.
    """
    return math.pi / 2 + ring * math.pi / 3


def _by_role(members: list[Member]) -> list[tuple[str | None, tuple[str, ...]]]:
    """The members' ids grouped by role, in sector order."""
    groups: dict[str | None, list[str]] = {}
    for member in members:
        groups.setdefault(member.role or None, []).append(member.member_id)

    def order(role: str | None) -> tuple:
        if role is None:
            return (2, 0, "")
        return (0, ROLES.position(role), "") if role in ROLES else (1, 0, role)

    return [(role, tuple(sorted(groups[role]))) for role in sorted(groups, key=order)]


def _radii(counts: list[int]) -> list[float]:
    """Ring radii, inner to outer, keeping :data:`MIN_SPACING` along and between rings."""
    rings = len(counts)
    radii, inner = [], 0.0
    for i, count in enumerate(counts[:-1]):
        # n points evenly on a circle of radius r are 2 r sin(pi / n) apart.
        along = MIN_SPACING / (2 * math.sin(math.pi / count)) if count >= 2 else 0.0
        radii.append(max((i + 1) / rings, along, inner + MIN_SPACING))
        inner = radii[-1]
    radii.append(1.0)
    # Crowded inner rings cannot push the outer ring past 1: they give way inwards instead.
    for i in range(rings - 2, -1, -1):
        radii[i] = min(radii[i], radii[i + 1] - MIN_SPACING)
    return radii
