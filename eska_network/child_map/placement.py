"""Where each member sits on the child map: a fixed sector per role, a place kept for good.

The map is read across a room and compared from one conference to the next, so a member never
moves: not when another date is shown, not when a member is added or a tie proposed, not in
presentation mode. Each level's ring is cut into four fixed sectors of roles (:data:`SECTORS`);
members are placed one by one, in the order they entered the record (the date of their first
tie, then their id; proposed members last, in the order proposed), each on the first free slot
of its sector: the sector's middle, then its quarters, then its eighths... A slot is free when it
keeps :data:`MIN_ALONG` from the ring's other members and :data:`MIN_ACROSS` between any member
and another's straight tie to the child (a crowded ring gives up the second before the first). A
member's place therefore depends only on the members placed before it; one added later takes
free space and moves nobody.

Distances are in map units: the rim of the map (the outer edge of the institutions' band) has
radius 1, the child sits at (0, 0).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from eska_network.child_map.geometry import Point, polar
from eska_network.domain import codes
from eska_network.domain.model import ChildSystem, Member

__all__ = [
    "BAND_EDGES",
    "CHILD_RADIUS",
    "RING_RADIUS",
    "SECTORS",
    "Place",
    "SectorSpec",
    "band",
    "first_tie_dates",
    "member_places",
    "sector_of",
]

CHILD_RADIUS = 0.1
"""The child's disc."""
RING_RADIUS = {"family": 0.41, "community": 0.655, "institution": 0.885}
"""The ring each level's members sit on."""
BAND_EDGES = (CHILD_RADIUS, 0.535, 0.775, 1.0)
"""Where the family, community and institution bands meet (from the child's disc to the rim)."""
MIN_ALONG = 0.12
"""The least distance between two members of one ring."""
MIN_ACROSS = 0.055
"""The least distance between a member and another member's straight tie to the child."""
SLOT_DEPTH = 5
"""A sector offers its middle, quarters, eighths, sixteenths and thirty-seconds: 31 slots."""
OVERFLOW_STEP = math.radians(2)
"""When a sector is full, the ring is searched at this step for the free place nearest to it."""


@dataclass(frozen=True)
class SectorSpec:
    """One sector of a ring: the roles it holds and the arc it spans (radians, counter-clockwise).

    ``roles`` empty marks the sector that takes the level's other roles and members without one.
    """

    key: str
    level: str
    roles: frozenset[str]
    start: float
    span: float

    @property
    def middle(self) -> float:
        return self.start + self.span / 2


def _sectors(level: str, first_middle: float, groups: Sequence[tuple[str, Iterable[str]]]):
    span = 2 * math.pi / len(groups)
    return tuple(
        SectorSpec(
            key,
            level,
            frozenset(roles),
            math.radians(first_middle) - span / 2 + i * span,
            span,
        )
        for i, (key, roles) in enumerate(groups)
    )


SECTORS: Mapping[str, tuple[SectorSpec, ...]] = {
    # Parents at the top; each ring further out turned by 30 degrees, so that the sectors' middles
    # (the first slots taken) do not line up behind each other on the child's straight ties.
    "family": _sectors(
        "family",
        90,
        (
            (
                "parents",
                ("mother", "father", "stepmother", "stepfather", "foster_carer", "guardian"),
            ),
            ("grandparents", ("grandmother", "grandfather", "grandparent")),
            ("siblings", ("sibling", "sister", "brother", "cousin")),
            ("relatives", ()),
        ),
    ),
    "community": _sectors(
        "community",
        120,
        (
            ("peers", ("peer", "friend")),
            ("school_work", ("teacher", "mentor", "employer")),
            (
                "neighbourhood",
                ("neighbour", "religious_leader", "village_head", "community_leader"),
            ),
            ("groups", ()),
        ),
    ),
    "institution": _sectors(
        "institution",
        150,
        (
            ("protection", ("police", "legal_aid", "court", "child_protection_unit")),
            ("health", ("health", "mental_health")),
            ("social_care", ()),
            ("education", ("school",)),
        ),
    ),
}
"""Four sectors per level, in counter-clockwise order; the one without roles takes all others."""


def sector_of(level: str, role: str | None) -> SectorSpec:
    """The sector a member of ``level`` with ``role`` belongs to.

    >>> sector_of("family", "aunt").key, sector_of("institution", "police").key
    ('relatives', 'protection')
    """
    sectors = SECTORS[level]
    return next(
        (sector for sector in sectors if role in sector.roles),
        next(sector for sector in sectors if not sector.roles),
    )


def band(level: str) -> tuple[float, float]:
    """The inner and outer radius of a level's band."""
    index = codes.LEVELS.position(level)
    return BAND_EDGES[index], BAND_EDGES[index + 1]


@dataclass(frozen=True)
class Place:
    """Where one member sits: its sector, and its angle on its level's ring."""

    sector: SectorSpec
    angle: float

    @property
    def level(self) -> str:
        return self.sector.level

    @property
    def radius(self) -> float:
        return RING_RADIUS[self.level]

    @cached_property
    def point(self) -> Point:
        return polar(self.radius, self.angle)


def first_tie_dates(system: ChildSystem) -> dict[str, dt.date]:
    """The date of each member's first tie row (any strength): when it entered the record."""
    first: dict[str, dt.date] = {}
    for tie in system.ties:
        for end in (tie.source, tie.target):
            if end != codes.CHILD_NODE and (end not in first or tie.assessed_on < first[end]):
                first[end] = tie.assessed_on
    return first


def member_places(system: ChildSystem, added: Sequence[Member] = ()) -> dict[str, Place]:
    """The place of every member of the record, and of ``added`` ones (proposals), by member id.

    Examples
    --------
    >>> from eska_network.domain.model import Child, Tie
    >>> day = dt.date(2026, 3, 1)
    >>> mother = Member("C1", "ibu", "Ibu", "family", "mother")
    >>> system = ChildSystem(Child("C1", "Garut", 14), (mother,),
    ...     (Tie("C1", "child", "ibu", 4, "supportive", day),))
    >>> place = member_places(system)["ibu"]
    >>> place.sector.key, round(math.degrees(place.angle)), place.radius
    ('parents', 90, 0.41)
    >>> father = Member("C1", "ayah", "Ayah", "family", "father")
    >>> later = member_places(system, [father])
    >>> later["ibu"] == place, round(math.degrees(later["ayah"].angle))
    (True, 68)
    """
    first = first_tie_dates(system)
    order = sorted(system.members, key=lambda m: (first.get(m.member_id, dt.date.max), m.member_id))
    places: dict[str, Place] = {}
    for member in [*order, *added]:
        if member.member_id not in places:
            sector = sector_of(member.level, member.role)
            places[member.member_id] = Place(sector, _free_angle(sector, list(places.values())))
    return places


def _slots(sector: SectorSpec) -> list[float]:
    """The sector's slots, best first: middle, quarters, eighths... (the van der Corput order)."""
    fractions = []
    for depth in range(1, SLOT_DEPTH + 1):
        count = 2**depth
        fractions += [k / count for k in range(1, count, 2)]
    return [sector.start + sector.span * fraction for fraction in fractions]


def _free_angle(sector: SectorSpec, placed: list[Place]) -> float:
    radius = RING_RADIUS[sector.level]
    for angle in _slots(sector):
        if min(_clearance(radius, angle, placed)) >= 1.0:
            return angle
    # The sector is full: the free place nearest to it; failing that, one that at least keeps
    # its distance along the ring (a crowded record); failing that, the least crowded one.
    steps = round(2 * math.pi / OVERFLOW_STEP)
    around = [sector.middle + OVERFLOW_STEP * k for k in range(steps)]
    around.sort(key=lambda angle: (_distance_to_sector(angle, sector), angle))
    clearances = {angle: _clearance(radius, angle, placed) for angle in around}
    for enough in (lambda c: min(c) >= 1.0, lambda c: c[0] >= 1.0):
        free = [angle for angle in around if enough(clearances[angle])]
        if free:
            return free[0]
    return max(around, key=lambda angle: clearances[angle])


def _distance_to_sector(angle: float, sector: SectorSpec) -> float:
    offset = (angle - sector.start) % (2 * math.pi)
    if offset <= sector.span:
        return 0.0
    return min(offset - sector.span, 2 * math.pi - offset)


def _clearance(radius: float, angle: float, placed: Iterable[Place]) -> tuple[float, float]:
    """How free a place is along its ring and across the child's ties: 1 or more is free."""
    point = polar(radius, angle)
    along = across = math.inf
    for other in placed:
        there = other.point
        if math.isclose(other.radius, radius):
            along = min(along, math.dist(point, there) / MIN_ALONG)
        elif other.radius < radius:
            across = min(across, _from_spoke(there, point) / MIN_ACROSS)
        else:
            across = min(across, _from_spoke(point, there) / MIN_ACROSS)
    return along, across


def _from_spoke(point: Point, end: Point) -> float:
    """The distance from ``point`` to the straight line from the child (0, 0) to ``end``."""
    length = math.hypot(*end)
    along = (point[0] * end[0] + point[1] * end[1]) / length
    if along <= 0:
        return math.hypot(*point)
    if along >= length:
        return math.dist(point, end)
    return abs(point[0] * end[1] - point[1] * end[0]) / length
