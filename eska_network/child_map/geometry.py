"""Plane geometry of the child map: polar points, curved and jagged tie paths, free angles."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

Point = tuple[float, float]

JAG_STEP = 0.022
JAG_AMPLITUDE = 0.014
"""A stressful tie zig-zags with a tooth every JAG_STEP map units, JAG_AMPLITUDE deep."""
CURVE_POINTS = 24


def polar(radius: float, angle: float) -> Point:
    return (radius * math.cos(angle), radius * math.sin(angle))


def circle(radius: float, count: int = 180) -> list[Point]:
    return [polar(radius, 2 * math.pi * i / count) for i in range(count + 1)]


def tie_path(start: Point, end: Point, bend: float) -> list[Point]:
    """Points along a tie: straight, or a gentle quadratic curve when ``bend`` is not 0."""
    (x0, y0), (x1, y1) = start, end
    if bend == 0:
        return [start, end]
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    control = (mx - (y1 - y0) * bend, my + (x1 - x0) * bend)
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


def point_along(points: Sequence[Point], share: float) -> Point:
    """The point at ``share`` of a path's length."""
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:], strict=False)]
    goal = share * sum(lengths)
    for (a, b), length in zip(zip(points, points[1:], strict=False), lengths, strict=True):
        if goal <= length and length > 0:
            t = goal / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        goal -= length
    return points[-1]


def jagged(points: Sequence[Point]) -> list[Point]:
    """A zig-zag along a path: the ecomap's hatched line for a stressful tie."""
    total = sum(math.dist(a, b) for a, b in zip(points, points[1:], strict=False))
    steps = max(4, int(total / JAG_STEP))
    result = []
    for i in range(steps + 1):
        share = i / steps
        x, y = point_along(points, share)
        ahead = point_along(points, min(1.0, share + 0.01))
        behind = point_along(points, max(0.0, share - 0.01))
        dx, dy = ahead[0] - behind[0], ahead[1] - behind[1]
        norm = math.hypot(dx, dy) or 1.0
        offset = 0.0 if i in (0, steps) else JAG_AMPLITUDE * (1 if i % 2 else -1)
        result.append((x - dy / norm * offset, y + dx / norm * offset))
    return result


def angle_of(point: Point) -> float:
    return math.atan2(point[1], point[0])


def angle_gap(a: float, b: float) -> float:
    """The smaller angle between two directions, in radians."""
    return abs((a - b + math.pi) % (2 * math.pi) - math.pi)


def free_angle(
    taken: Iterable[float], preferred: float, candidates: Sequence[float] | None = None
) -> float:
    """Of ``candidates`` (default: every 10 degrees), the angle farthest from every ``taken`` one.

    Among equally free angles the one nearest ``preferred`` wins. Used to put a ring's name, a
    note or a mark where no member is in the way.
    """
    taken = list(taken)
    if candidates is None:
        candidates = [preferred + math.radians(10 * step) for step in range(36)]
    return max(
        candidates,
        key=lambda angle: (
            round(min((angle_gap(angle, other) for other in taken), default=math.pi), 6),
            -angle_gap(angle, preferred),
        ),
    )


def xy_lists(paths: Iterable[Sequence[Point]]) -> tuple[list, list]:
    """x and y lists of several paths, separated by None (one trace draws them all)."""
    xs: list = []
    ys: list = []
    for path in paths:
        xs += [round(x, 5) for x, _ in path] + [None]
        ys += [round(y, 5) for _, y in path] + [None]
    return xs, ys


def shorten(start: Point, end: Point, margin: float) -> tuple[Point, Point]:
    """A tie's ends pulled back from the node markers so the markers stay readable."""
    length = math.dist(start, end)
    if length <= 2 * margin:
        return start, end
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    return (
        (start[0] + ux * margin, start[1] + uy * margin),
        (end[0] - ux * margin, end[1] - uy * margin),
    )
