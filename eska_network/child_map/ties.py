"""The ties of a child map: which are drawn, their paths in pixels, and the strokes that draw them.

:func:`tie_strokes` is the one function that turns a path into the strokes of a tie's look; the
map and the legend's swatches both call it, so a swatch is the mark it explains.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from eska_network.child_map.frame import Frame
from eska_network.child_map.geometry import Point, bars, jagged, tie_path, trimmed
from eska_network.child_map.scene import Stroke, member_topic, tie_topic
from eska_network.child_map.styles import SERIOUS, TIE_LOOKS, WHITE, Line, strength_style, tie_style
from eska_network.child_map.view import MapView
from eska_network.domain import codes
from eska_network.domain.model import Tie

__all__ = ["DrawnTie", "drawn_ties", "ghost_paths", "node_points", "tie_strokes"]

MEMBER_TIE_BEND = 0.12
"""Member-to-member ties bow sideways by this share of their length, off the child's spokes."""
END_GAP = 1.0
"""Pixels left between a tie's end and the rim of the marker it joins."""


@dataclass(frozen=True)
class DrawnTie:
    """One tie as drawn: its row, its look, its path in pixels and what it is about."""

    tie: Tie
    look: str
    path: tuple[Point, ...]
    between_levels: bool
    proposed: bool

    @property
    def serious(self) -> bool:
        return self.look in SERIOUS

    @property
    def topics(self) -> frozenset[str]:
        a, b = self.tie.source, self.tie.target
        return frozenset({tie_topic(a, b), member_topic(a), member_topic(b)})


def node_points(view: MapView, frame: Frame) -> dict[str, Point]:
    """The pixel position of the child and of every member drawn."""
    points = {member: frame.to_px(place.point) for member, place in view.places.items()}
    points[codes.CHILD_NODE] = frame.centre
    return points


def _path(
    source: str, target: str, points: Mapping[str, Point], radii: Mapping[str, float]
) -> tuple[Point, ...]:
    child_tie = codes.CHILD_NODE in (source, target)
    if target == codes.CHILD_NODE:
        source, target = target, source
    raw = tie_path(points[source], points[target], 0.0 if child_tie else MEMBER_TIE_BEND)
    return tuple(trimmed(raw, radii[source] + END_GAP, radii[target] + END_GAP))


def drawn_ties(
    view: MapView, points: Mapping[str, Point], radii: Mapping[str, float]
) -> list[DrawnTie]:
    """The ties drawn as of the view's date: strength 1 or more, both ends drawn.

    ``radii`` are the markers' radii in pixels: a tie ends at their rim, so all of its line
    shows. A child tie runs from the child outwards.
    """
    levels = view.system.member_levels
    drawn = []
    for tie in view.system.ties_as_of(view.as_of):
        if tie.strength < 1 or tie.source not in points or tie.target not in points:
            continue
        between = (
            not tie.is_child_tie
            and tie.source in levels
            and tie.target in levels
            and levels[tie.source] != levels[tie.target]
        )
        proposed = tie.pair in view.proposed_pairs
        look = "proposed" if proposed else tie_style(tie.strength, tie.valence, between)
        if look is None:
            continue
        drawn.append(
            DrawnTie(tie, look, _path(tie.source, tie.target, points, radii), between, proposed)
        )
    return drawn


def ghost_paths(
    view: MapView, points: Mapping[str, Point], radii: Mapping[str, float]
) -> list[tuple[tuple[Point, ...], Tie]]:
    """The paths of ties lost since the compared date, between ends still drawn."""
    if view.comparison is None:
        return []
    before = [change.before for change in view.comparison.lost if change.before is not None]
    return [
        (_path(tie.source, tie.target, points, radii), tie)
        for tie in before
        if tie.source in points and tie.target in points
    ]


def tie_strokes(
    key: str,
    path: tuple[Point, ...],
    *,
    strength: int | None = None,
    topics: frozenset[str] = frozenset(),
    meta: Mapping[str, object] | None = None,
) -> list[Stroke]:
    """The strokes of one tie of look ``key`` along ``path`` (pixels), bottom to top.

    A tie between two levels keeps the width and dash of its ``strength``; a serious tie gets a
    white casing under it, and an exploitative one bars across it.
    """
    look = TIE_LOOKS[key]
    line = look.line
    if key == "between_levels" and strength is not None:
        strength_line = TIE_LOOKS[strength_style(strength)].line
        line = dataclasses.replace(line, width=strength_line.width, dash=strength_line.dash)
    shaped = tuple(jagged(path)) if look.shape == "jagged" else path
    info = dict(meta or {})
    strokes = []
    if look.casing:
        casing = Line(WHITE, line.width + look.casing, opacity=0.95)
        strokes.append(Stroke("casing", key, (shaped,), casing, topics=topics, meta=info))
    strokes.append(Stroke("ties", key, (shaped,), line, topics=topics, meta=info))
    if look.bars is not None:
        marks = tuple(tuple(bar) for bar in bars(path))
        strokes.append(Stroke("tie_bars", key, marks, look.bars, topics=topics, meta=info))
    return strokes
