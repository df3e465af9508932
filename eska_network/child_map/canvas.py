"""Where a text may go: the texts placed so far, and the marks no text may cover.

Texts are placed one at a time, the most important first (ring names, notes, the words on
serious ties, then member labels, then sector names). Each takes the cheapest of the places
offered to it that covers no text placed before, no marker, the child's disc or a serious tie,
and stays inside the map's area. Covering an ordinary tie is allowed but costs a little, so
labels prefer open space.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eska_network.child_map.geometry import Point, sample, segment_distance
from eska_network.child_map.scene import Text
from eska_network.child_map.text import Box, intersects

__all__ = ["Canvas", "Option"]

CELL = 16.0
"""The side of a grid cell of tie points, in pixels."""
GAP = 1.5
"""Pixels kept free between a text and anything it must not touch."""
SOFT_COST = 0.4
RESERVED_COST = 1.0
RESERVE_STEP = 8.0
"""Reserved boxes are sampled every RESERVE_STEP pixels."""
"""The cost of covering one point of the space kept around a marker for its label."""
"""The cost of covering one sampled point of an ordinary tie (one every 4 pixels)."""


@dataclass(frozen=True)
class Option:
    """One place offered to a text, its own cost, and the leader line it needs, if any."""

    text: Text
    cost: float = 0.0
    leader: tuple[Point, Point] | None = None
    owner: str | None = None
    """The marker the text labels: it may come closer to it than to any other."""


class _PointGrid:
    """Points bucketed by grid cell, for counting the points inside a box quickly."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[Point]] = defaultdict(list)

    def add(self, points: Iterable[Point]) -> None:
        for x, y in points:
            self._cells[(math.floor(x / CELL), math.floor(y / CELL))].append((x, y))

    def count(self, box: Box) -> int:
        found = 0
        for i in range(math.floor(box.left / CELL), math.floor(box.right / CELL) + 1):
            for j in range(math.floor(box.bottom / CELL), math.floor(box.top / CELL) + 1):
                found += sum(1 for x, y in self._cells.get((i, j), ()) if box.contains(x, y))
        return found


class Canvas:
    """The texts placed so far in ``bounds`` and what they keep clear of."""

    def __init__(self, bounds: Box) -> None:
        self.bounds = bounds
        self.texts: list[Text] = []
        self.leaders: list[tuple[Point, Point]] = []
        self._blocked: list[tuple[Box, str | None]] = []
        self._discs: list[tuple[Point, float]] = []
        self._serious = _PointGrid()
        self._ordinary = _PointGrid()
        self._reserved = _PointGrid()

    def block(self, box: Box, owner: str | None = None) -> None:
        """No text may cover ``box`` (the marker of ``owner``), except ``owner``'s own label."""
        self._blocked.append((box, owner))

    def block_disc(self, centre: Point, radius: float) -> None:
        """No text may cover the disc (the child)."""
        self._discs.append((centre, radius))

    def block_path(self, path: Sequence[Point], width: float) -> None:
        """No text may cover this line (a serious tie), ``width`` pixels wide."""
        self._serious.add(_thick(path, width))

    def soften_path(self, path: Sequence[Point]) -> None:
        """Texts had better not cover this line (an ordinary tie)."""
        self._ordinary.add(sample(path, 4.0))

    def reserve(self, box: Box) -> None:
        """Keep ``box`` for a member's label: texts placed before the labels pay to take it."""
        columns = max(1, math.ceil(box.width / RESERVE_STEP))
        rows = max(1, math.ceil(box.height / RESERVE_STEP))
        self._reserved.add(
            (box.left + box.width * (i + 0.5) / columns, box.bottom + box.height * (j + 0.5) / rows)
            for i in range(columns)
            for j in range(rows)
        )

    def fits(self, box: Box, bounds: Box | None = None, owner: str | None = None) -> bool:
        """Whether a text may take ``box``: inside the bounds, covering nothing it must not.

        ``owner``'s own marker is not in the way: its label is placed clear of it.
        """
        if not box.within(bounds or self.bounds):
            return False
        grown = box.grown(GAP)
        if any(intersects(grown, other.box) for other in self.texts):
            return False
        if any(
            intersects(grown, other)
            for other, who in self._blocked
            if who != owner or owner is None
        ):
            return False
        if any(_box_meets_disc(grown, centre, radius) for centre, radius in self._discs):
            return False
        return self._serious.count(grown) == 0

    def cost(self, box: Box) -> float:
        """What covering ordinary ties with ``box`` costs."""
        return SOFT_COST * self._ordinary.count(box)

    def leader_clear(self, start: Point, end: Point) -> bool:
        """Whether a leader line from ``start`` to ``end`` crosses no text."""
        points = sample([start, end], 3.0)[1:-1]
        return not any(other.box.grown(1).contains(x, y) for other in self.texts for x, y in points)

    def place(
        self, options: Iterable[Option], bounds: Box | None = None, spare_labels: bool = False
    ) -> Option | None:
        """Take the cheapest option that fits (None when none does) and keep its text.

        ``spare_labels``: the text pays for the space it takes from members' labels (a ring's
        name or a note, placed before the labels, keeps out of their way where it can).
        """
        best: Option | None = None
        best_cost = math.inf
        for option in options:
            if option.cost >= best_cost:
                continue
            box = option.text.box
            if not self.fits(box, bounds, option.owner):
                continue
            if option.leader is not None and not self.leader_clear(*option.leader):
                continue
            total = option.cost + self.cost(box)
            if spare_labels:
                total += RESERVED_COST * self._reserved.count(box)
            if total < best_cost:
                best, best_cost = option, total
        if best is not None:
            self.add(best.text)
            if best.leader is not None:
                self.leaders.append(best.leader)
        return best

    def add(self, text: Text) -> None:
        """Keep ``text`` as placed (later texts keep clear of it)."""
        self.texts.append(text)


def _thick(path: Sequence[Point], width: float) -> list[Point]:
    """Points covering a line ``width`` pixels wide: its samples and two offsets of them."""
    points = sample(path, 3.0)
    half = width / 2
    result = list(points)
    for a, b in zip(points, points[1:], strict=False):
        dx, dy = b[0] - a[0], b[1] - a[1]
        norm = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / norm * half, dx / norm * half
        result += [(a[0] + nx, a[1] + ny), (a[0] - nx, a[1] - ny)]
    return result


def _box_meets_disc(box: Box, centre: Point, radius: float) -> bool:
    nearest = (min(max(centre[0], box.left), box.right), min(max(centre[1], box.bottom), box.top))
    return math.dist(nearest, centre) < radius


def distance_to_path(point: Point, path: Sequence[Point]) -> float:
    """The distance from ``point`` to a polyline."""
    return min(segment_distance(point, a, b) for a, b in zip(path, path[1:], strict=False))
