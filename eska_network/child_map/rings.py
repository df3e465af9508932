"""The rings of a child map: bands by level status, edges, sector lines, and the rings' words.

:func:`band_stroke` fills an outline the way a band of a status is filled; the map's bands and
the legend's swatches both use it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from eska_network.child_map.canvas import Option
from eska_network.child_map.frame import Frame
from eska_network.child_map.geometry import Point, circle, polar
from eska_network.child_map.placement import SECTORS, SectorSpec, band
from eska_network.child_map.scene import Stroke, Text, gap_topic
from eska_network.child_map.styles import BAND_LOOKS, QUIET, WHITE, Line
from eska_network.child_map.text import wrap_lines
from eska_network.child_map.view import MapView
from eska_network.domain import codes
from eska_network.domain.gap_items import GapItem
from eska_network.i18n import text as t

__all__ = [
    "band_stroke",
    "bands",
    "level_topics",
    "note_options",
    "ring_lines",
    "sector_name_options",
    "title_options",
]

EDGE = Line("#7A7A7A", 1.0)
DIVIDER = Line("#B4B4B4", 1.0, "dot")
CIRCLE_POINTS = 240
TITLE_GROUND = "rgba(255,255,255,0.8)"


def level_topics(view: MapView, level: str) -> frozenset[str]:
    """A level's topics: itself, and its gap if its status is one."""
    status = view.gaps.levels[level].status
    topics = {f"level:{level}"}
    if status != "ok":
        topics.add(gap_topic(GapItem(f"level_{status}", level)))
    return frozenset(topics)


def band_stroke(
    outline: Sequence[Point], status: str, topics: frozenset[str] = frozenset(), **meta: object
) -> Stroke:
    """A closed outline filled as a band of ``status`` (``ok``, ``weak``, ``absent``)."""
    look = BAND_LOOKS[status]
    return Stroke(
        "ring",
        status,
        (tuple(outline),),
        Line(WHITE, 0.0),
        fill=look.fill,
        pattern=look.pattern,
        pattern_color=look.pattern_color,
        topics=topics,
        meta={"status": status, **meta},
    )


def bands(view: MapView, frame: Frame) -> list[Stroke]:
    """Each level's band as a ring-shaped outline, filled by its status."""
    strokes = []
    for level in codes.LEVELS:
        inner, outer = band(level)
        ring = [frame.to_px(p) for p in circle(outer, CIRCLE_POINTS)]
        hole = [frame.to_px(p) for p in reversed(circle(inner, CIRCLE_POINTS))]
        status = view.gaps.levels[level].status
        strokes.append(band_stroke(ring + hole, status, level_topics(view, level), level=level))
    return strokes


def ring_lines(frame: Frame) -> list[Stroke]:
    """The edges between bands and the dotted lines between sectors."""
    edges = tuple(
        tuple(frame.to_px(p) for p in circle(band(level)[1], CIRCLE_POINTS))
        for level in codes.LEVELS
    )
    dividers = []
    for level, sectors in SECTORS.items():
        inner, outer = band(level)
        for sector in sectors:
            dividers.append(
                (frame.to_px(polar(inner, sector.start)), frame.to_px(polar(outer, sector.start)))
            )
    return [
        Stroke("ring_edge", "edge", edges, EDGE),
        Stroke("sector_dividers", "divider", tuple(dividers), DIVIDER),
    ]


def _angles(preferred: Sequence[float], step: float = 4.0) -> Iterator[float]:
    """Angles (radians) near each preferred one (degrees), nearest first, then all around."""
    for centre in preferred:
        for offset in range(0, 50, int(step)):
            for sign in (1, -1) if offset else (1,):
                yield math.radians(centre + sign * offset)
    for degrees in range(0, 360, int(step)):
        yield math.radians(degrees)


def title_options(level: str, frame: Frame, lang: str) -> Iterator[Option]:
    """Places for a ring's name: inside its band near the outer edge, top first, then bottom."""
    inner, outer = band(level)
    size = frame.font - 1
    name = (codes.LEVELS.label(level, lang).upper(),)
    height = size * 1.3 / frame.scale
    radius = max(inner + height, outer - 0.7 * height - 0.02)
    for rank, angle in enumerate(_angles((90, 270))):
        x, y = frame.to_px(polar(radius, angle))
        text = Text(f"ring:{level}", name, x, y, size, bold=True, color="#3A3A3A", bg=TITLE_GROUND)
        yield Option(text, cost=rank * 0.1)


def note_options(view: MapView, level: str, frame: Frame) -> Iterator[Option]:
    """Places for a level's status note, in its band where it reads along the band."""
    state = view.gaps.levels[level]
    if state.status == "ok":
        return
    level_name = codes.LEVELS.label(level, view.lang)
    absent = state.status == "absent"
    words = t(
        "map.figure.absent" if absent else "map.figure.weak",
        view.lang,
        level=level_name,
        strength=state.max_strength,
        max=codes.MAX_STRENGTH,
    )
    inner, outer = band(level)
    radius = (inner + outer) / 2
    size = frame.font if absent else frame.font - 1
    for width in (60, 34, 24):
        lines = tuple(wrap_lines(words, width))
        for rank, angle in enumerate(_angles((270, 90, 200, 340, 20, 160))):
            x, y = frame.to_px(polar(radius, angle))
            yield Option(
                Text(
                    f"note:{level}",
                    lines,
                    x,
                    y,
                    size,
                    bold=absent,
                    bg="rgba(255,255,255,0.92)",
                    border="#000000" if absent else "#7A7A7A",
                    topics=level_topics(view, level),
                ),
                cost=rank * 0.1 + len(lines) * 2,
            )


def sector_name_options(sector: SectorSpec, frame: Frame, lang: str) -> Iterator[Option]:
    """Places for a sector's name along the outer edge of its band, inside its arc."""
    inner, outer = band(sector.level)
    size = frame.font - 2
    words = t(f"map.sector.{sector.key}", lang).upper()
    height = size * 1.3 / frame.scale
    radius = outer - 0.65 * height - 0.01
    steps = 9
    offsets = sorted(range(-steps, steps + 1), key=abs)
    for width in (40, 14):
        lines = tuple(wrap_lines(words, width))
        for rank, k in enumerate(offsets):
            angle = sector.middle + k * sector.span / (2 * steps + 2)
            x, y = frame.to_px(polar(radius, angle))
            yield Option(
                Text(
                    f"sector:{sector.level}:{sector.key}",
                    lines,
                    x,
                    y,
                    size,
                    color=QUIET,
                    bg="rgba(255,255,255,0.7)",
                ),
                cost=rank + len(lines) * 3,
            )
