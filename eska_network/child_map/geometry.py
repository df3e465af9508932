"""Plane geometry of the child map: polar points, tie paths, zig-zags and bars, distances.

Points are ``(x, y)`` tuples. Map-unit helpers (:func:`polar`, :func:`circle`) place things on
the rings; the shapes of a mark (:func:`jagged`, :func:`bars`) work in figure pixels, so a mark
and its swatch in the legend, drawn by the same function, look alike at any size.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

Point = tuple[float, float]

__all__ = [
    "Point",
    "angle_of",
    "bars",
    "circle",
    "jagged",
    "path_length",
    "point_along",
    "polar",
    "sample",
    "segment_distance",
    "tie_path",
    "trimmed",
]

JAG_STEP = 7.0
JAG_AMPLITUDE = 3.5
"""A stressful tie zig-zags with a tooth every JAG_STEP pixels, JAG_AMPLITUDE deep."""
BAR_STEP = 11.0
BAR_LENGTH = 13.0
"""An exploitative tie is crossed by a bar every BAR_STEP pixels, BAR_LENGTH long."""
CURVE_POINTS = 24


def polar(radius: float, angle: float) -> Point:
    return (radius * math.cos(angle), radius * math.sin(angle))


def angle_of(point: Point) -> float:
    return math.atan2(point[1], point[0])


def circle(radius: float, count: int = 180, centre: Point = (0.0, 0.0)) -> list[Point]:
    """Points around a circle, the first repeated at the end (a closed outline)."""
    return [
        (centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a))
        for a in (2 * math.pi * i / count for i in range(count + 1))
    ]


def tie_path(start: Point, end: Point, bend: float = 0.0) -> list[Point]:
    """Points along a tie: straight, or a gentle quadratic curve when ``bend`` is not 0."""
    (x0, y0), (x1, y1) = start, end
    if bend == 0:
        return [start, end]
    control = ((x0 + x1) / 2 - (y1 - y0) * bend, (y0 + y1) / 2 + (x1 - x0) * bend)
    points = []
    for i in range(CURVE_POINTS + 1):
        t = i / CURVE_POINTS
        points.append(
            (
                (1 - t) ** 2 * x0 + 2 * (1 - t) * t * control[0] + t**2 * x1,
                (1 - t) ** 2 * y0 + 2 * (1 - t) * t * control[1] + t**2 * y1,
            )
        )
    return points


def path_length(points: Sequence[Point]) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:], strict=False))


def point_along(points: Sequence[Point], share: float) -> Point:
    """The point at ``share`` of a path's length."""
    goal = share * path_length(points)
    for a, b in zip(points, points[1:], strict=False):
        length = math.dist(a, b)
        if goal <= length and length > 0:
            t = goal / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        goal -= length
    return points[-1]


def direction_at(points: Sequence[Point], share: float) -> Point:
    """The unit direction of a path at ``share`` of its length."""
    ahead = point_along(points, min(1.0, share + 0.01))
    behind = point_along(points, max(0.0, share - 0.01))
    dx, dy = ahead[0] - behind[0], ahead[1] - behind[1]
    norm = math.hypot(dx, dy) or 1.0
    return (dx / norm, dy / norm)


def trimmed(points: Sequence[Point], start: float, end: float) -> list[Point]:
    """The path without its first ``start`` and last ``end`` units of length.

    Ties end at the rim of the markers they join, so the whole visible line is the tie.
    """
    total = path_length(points)
    if total <= start + end:
        return list(points)
    first, last = start / total, 1 - end / total
    inner = [
        point for point, share in zip(points, _shares(points), strict=True) if first < share < last
    ]
    return [point_along(points, first), *inner, point_along(points, last)]


def _shares(points: Sequence[Point]) -> list[float]:
    total = path_length(points) or 1.0
    shares, walked = [0.0], 0.0
    for a, b in zip(points, points[1:], strict=False):
        walked += math.dist(a, b)
        shares.append(walked / total)
    return shares


def jagged(points: Sequence[Point]) -> list[Point]:
    """A zig-zag along a path in pixels: the ecomap's jagged line for a stressful tie."""
    steps = max(4, int(path_length(points) / JAG_STEP))
    result = []
    for i in range(steps + 1):
        share = i / steps
        x, y = point_along(points, share)
        dx, dy = direction_at(points, share)
        offset = 0.0 if i in (0, steps) else JAG_AMPLITUDE * (1 if i % 2 else -1)
        result.append((x - dy * offset, y + dx * offset))
    return result


def bars(points: Sequence[Point]) -> list[list[Point]]:
    """Short bars across a path in pixels, evenly spaced: the marks of an exploitative tie."""
    count = max(2, int(path_length(points) / BAR_STEP))
    result = []
    for i in range(1, count):
        x, y = point_along(points, i / count)
        dx, dy = direction_at(points, i / count)
        half = BAR_LENGTH / 2
        result.append([(x - dy * half, y + dx * half), (x + dy * half, y - dx * half)])
    return result


def sample(points: Sequence[Point], step: float) -> list[Point]:
    """Points along a path no more than ``step`` apart, its ends included."""
    count = max(1, math.ceil(path_length(points) / step))
    return [point_along(points, i / count) for i in range(count + 1)]


def segment_distance(point: Point, start: Point, end: Point) -> float:
    """The distance from ``point`` to the segment from ``start`` to ``end``."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = dx * dx + dy * dy
    if length == 0:
        return math.dist(point, start)
    t = max(0.0, min(1.0, ((point[0] - start[0]) * dx + (point[1] - start[1]) * dy) / length))
    return math.dist(point, (start[0] + t * dx, start[1] + t * dy))


def xy_lists(paths: Iterable[Sequence[Point]]) -> tuple[list, list]:
    """x and y lists of several paths, separated by None (one trace draws them all)."""
    xs: list = []
    ys: list = []
    for path in paths:
        xs += [round(x, 2) for x, _ in path] + [None]
        ys += [round(y, 2) for _, y in path] + [None]
    return xs, ys
