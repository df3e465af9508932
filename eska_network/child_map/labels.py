"""Places offered to member labels (around the marker, or further out with a leader line), to
the child's situation beside its disc, and to the short words written beside a tie ("only
link", "no contact 120 d", "stressful").

The :class:`~eska_network.child_map.canvas.Canvas` picks the cheapest place that collides with
nothing; a member whose label finds none gets a number in its marker and a line in the key.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from eska_network.child_map.canvas import Option
from eska_network.child_map.geometry import Point, direction_at, point_along
from eska_network.child_map.scene import Text
from eska_network.child_map.styles import INK
from eska_network.child_map.text import block_size, wrap_lines

__all__ = ["anchors_for", "centre_options", "label_options", "word_options"]

LABEL_WIDTHS = (18, 28, 12)
"""Member labels are tried wrapped at about these many characters per line."""
MAX_LINES = 3
LABEL_GAP = 3.0
"""Pixels between a marker's rim and its label."""
LEADER_TURNS = (0, 25, -25, 50, -50, 80, -80)
LEADER_LENGTHS = (20, 38, 60)
"""A label with a leader line sits this far out from its marker, turned from straight outwards."""
WORD_SHARES = (0.55, 0.45, 0.65, 0.35, 0.75, 0.25, 0.85)
"""Where along a tie its word is tried, as shares of the tie's length."""
LABEL_GROUND = "rgba(255,255,255,0.88)"


def anchors_for(angle: float) -> tuple[str, str]:
    """The anchors that put a text on the side of a point towards ``angle`` (radians).

    >>> anchors_for(0.0), anchors_for(math.pi / 2), anchors_for(math.radians(225))
    (('left', 'middle'), ('center', 'bottom'), ('right', 'top'))
    """
    dx, dy = math.cos(angle), math.sin(angle)
    xanchor = "left" if dx > 0.38 else "right" if dx < -0.38 else "center"
    yanchor = "bottom" if dy > 0.38 else "top" if dy < -0.38 else "middle"
    return xanchor, yanchor


def _around(angle: float) -> list[float]:
    """The eight compass directions, the one nearest ``angle`` first."""
    compass = [math.radians(45 * k) for k in range(8)]
    return sorted(compass, key=lambda a: abs((a - angle + math.pi) % (2 * math.pi) - math.pi))


def label_options(
    key: str,
    label: str,
    node: Point,
    radius: float,
    outward: float,
    size: float,
    topics: frozenset[str],
) -> Iterator[Option]:
    """Places for the label of a member at ``node`` (marker ``radius`` pixels), best first.

    First right beside the marker, outwards from the centre before sideways and inwards; then
    further out with a leader line. Shorter lines cost a little more than one line.
    """
    for wrap_rank, width in enumerate(LABEL_WIDTHS):
        lines = tuple(wrap_lines(label, width))
        if wrap_rank and len(lines) == len(wrap_lines(label, LABEL_WIDTHS[0])):
            continue
        if len(lines) > MAX_LINES:
            continue
        lines_cost = 2.5 * (len(lines) - 1) + 2.0 * wrap_rank
        for rank, angle in enumerate(_around(outward)):
            x, y = _out(node, radius + LABEL_GAP, angle)
            yield Option(
                _label(key, lines, x, y, angle, size, topics),
                rank * 1.5 + lines_cost,
                owner=key,
            )
        for turn_rank, turn in enumerate(LEADER_TURNS):
            angle = outward + math.radians(turn)
            for length in LEADER_LENGTHS:
                end = _out(node, radius + length, angle)
                yield Option(
                    _label(key, lines, *end, angle, size, topics),
                    14 + length * 0.25 + turn_rank * 1.5 + lines_cost,
                    leader=(_out(node, radius + 1, angle), end),
                    owner=key,
                )


def _out(point: Point, reach: float, angle: float) -> Point:
    """The point ``reach`` pixels from ``point`` towards ``angle``."""
    return point[0] + reach * math.cos(angle), point[1] + reach * math.sin(angle)


def _label(
    key: str,
    lines: tuple[str, ...],
    x: float,
    y: float,
    angle: float,
    size: float,
    topics: frozenset[str],
    color: str | None = None,
) -> Text:
    """A label on the side of ``(x, y)`` towards ``angle``; with ``color``, bold and boxed."""
    xanchor, yanchor = anchors_for(angle)
    return Text(
        key,
        lines,
        x,
        y,
        size,
        xanchor=xanchor,
        yanchor=yanchor,
        bg=LABEL_GROUND,
        align={"left": "left", "right": "right"}.get(xanchor, "center"),
        topics=topics,
        bold=color is not None,
        color=color or INK,
        border=color,
    )


def centre_options(
    key: str,
    lines: tuple[str, ...],
    centre: Point,
    radius: float,
    size: float,
    color: str,
    topics: frozenset[str],
) -> Iterator[Option]:
    """Places for a text about the child beside its disc: below first, then round it, then
    further out with a leader line."""
    for rank, angle in enumerate(_around(-math.pi / 2)):
        x, y = _out(centre, radius + LABEL_GAP + 2, angle)
        yield Option(_label(key, lines, x, y, angle, size, topics, color), rank * 1.5)
    for rank, angle in enumerate(_around(-math.pi / 2)):
        for length in LEADER_LENGTHS:
            end = _out(centre, radius + length, angle)
            yield Option(
                _label(key, lines, *end, angle, size, topics, color),
                14 + length * 0.25 + rank * 1.5,
                leader=(_out(centre, radius + 1, angle), end),
            )


def word_options(
    key: str,
    words: str,
    path: tuple[Point, ...],
    clearance: float,
    size: float,
    color: str,
    bold: bool,
    topics: frozenset[str],
) -> Iterator[Option]:
    """Places for a tie's word beside the tie (never on it), near its middle first.

    ``clearance`` is how far the word keeps from the tie's centre line, in pixels.
    """
    for lines_rank, width in enumerate((40, 12)):
        lines = tuple(wrap_lines(words, width))
        if lines_rank and len(lines) == 1:
            continue
        w, h = block_size(lines, size, bold)
        w, h = w + 4, h + 4
        for rank, share in enumerate(WORD_SHARES):
            x, y = point_along(path, share)
            dx, dy = direction_at(path, share)
            nx, ny = -dy, dx
            reach = abs(nx) * w / 2 + abs(ny) * h / 2 + clearance
            for side in (1, -1):
                yield Option(
                    Text(
                        key,
                        lines,
                        x + side * nx * reach,
                        y + side * ny * reach,
                        size,
                        bold=bold,
                        color=color,
                        bg="rgba(255,255,255,0.92)",
                        topics=topics,
                    ),
                    rank + (0.5 if side < 0 else 0) + 4 * lines_rank,
                )
