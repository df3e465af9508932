"""Member labels of the child map: escaped text, wrapped lines, and places that do not collide."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eska_network.child_map.geometry import Point
from eska_network.domain.model import Member

LABEL_WIDTH = 22
"""Member labels wrap after about this many characters."""


def escape_text(text: str) -> str:
    """Text from the data, safe to put in plotly text: ``&``, ``<`` and ``>`` escaped.

    >>> escape_text('<img src=x onerror=alert(1)> & "Rina"')
    '&lt;img src=x onerror=alert(1)&gt; &amp; "Rina"'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrap_label(text: str, width: int = LABEL_WIDTH) -> str:
    """An escaped label broken into lines of about ``width`` characters at spaces.

    >>> wrap_label("Kepala desa / Lurah (Village head)")
    'Kepala desa / Lurah<br>(Village head)'
    """
    lines: list[str] = []
    for part in text.split():
        if lines and len(lines[-1]) + 1 + len(part) <= width:
            lines[-1] += " " + part
        else:
            lines.append(part)
    return "<br>".join(escape_text(line) for line in lines) or escape_text(text)


@dataclass(frozen=True)
class LabelPlace:
    """Where a label sits relative to its marker (plotly annotation anchors and pixel shifts)."""

    xanchor: str
    yanchor: str
    xshift: int
    yshift: int


Box = tuple[float, float, float, float]


def label_box(x: float, y: float, place: LabelPlace, size: tuple[float, float]) -> Box:
    """A label's box in pixels (left, bottom, right, top), the map's centre at (0, 0)."""
    width, height = size
    left = x + place.xshift - {"left": 0, "center": width / 2, "right": width}[place.xanchor]
    bottom = y + place.yshift - {"bottom": 0, "middle": height / 2, "top": height}[place.yanchor]
    return (left, bottom, left + width, bottom + height)


def overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def candidates(x: float, y: float, gap: int, height: float) -> list[LabelPlace]:
    """Places to try for a label, best first: outward from the centre, then nudged, then around."""
    # A label left of its marker is anchored by its right edge, and the other way round.
    outward = "right" if x < 0 else "left"
    inward = "right" if outward == "left" else "left"
    sign = -1 if x < 0 else 1
    step = int(height) + 2
    vertical = "bottom" if y >= 0 else "top"
    flip = "top" if vertical == "bottom" else "bottom"
    vsign = 1 if vertical == "bottom" else -1
    places = [LabelPlace(outward, "middle", sign * gap, 0)]
    if abs(x) < abs(y) * 0.6:
        places.insert(0, LabelPlace("center", vertical, 0, vsign * gap))
    for shift in (step, -step, 2 * step, -2 * step):
        places.append(LabelPlace(outward, "middle", sign * gap, shift))
    places += [
        LabelPlace("center", vertical, 0, vsign * gap),
        LabelPlace("center", flip, 0, -vsign * gap),
        LabelPlace(inward, "middle", -sign * gap, 0),
    ]
    return places


def place_labels(
    members: Sequence[Member],
    positions: Mapping[str, Point],
    marker_size: int,
    child_size: int,
    font: int,
    scale: float,
    reserved: Sequence[Box] = (),
    bounds: Box | None = None,
) -> dict[str, LabelPlace]:
    """A place for each member's label that covers no other label and no marker, when possible.

    Labels are placed one by one, members nearest the centre first (their rings are the most
    crowded); each takes the first free place of :func:`candidates`, or the least covered one.
    A label reaching out of ``bounds`` (the map's box, in pixels) counts as covering what is out.
    """
    gap = marker_size // 2 + 3
    pixels = {
        m.member_id: (positions[m.member_id][0] * scale, positions[m.member_id][1] * scale)
        for m in members
    }
    half = marker_size / 2 + 1
    taken: list[Box] = [(x - half, y - half, x + half, y + half) for x, y in pixels.values()]
    child = child_size / 2
    taken.append((-child, -child, child, child))
    taken += reserved
    order = sorted(members, key=lambda m: (math.hypot(*pixels[m.member_id]), m.member_id))
    places = {}
    for member in order:
        x, y = pixels[member.member_id]
        size = text_size(wrap_label(member.label), font)
        own = (x - half, y - half, x + half, y + half)
        best, best_cover = None, None
        for place in candidates(x, y, gap, size[1]):
            box = label_box(x, y, place, size)
            cover = sum(overlap(box, other) for other in taken if other != own)
            if bounds is not None:
                cover += _area(box) - overlap(box, bounds)
            if best_cover is None or cover < best_cover:
                best, best_cover = place, cover
            if cover == 0:
                break
        places[member.member_id] = best
        taken.append(label_box(x, y, best, size))
    return places


def _area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def annotation_box(annotation: Mapping, font: int, scale: float) -> Box:
    """The pixel box taken by a centred annotation (a ring's name, a note, a sector's name).

    A turned text takes the box around its turned rectangle.
    """
    text = annotation["text"]
    for tag in ("<b>", "</b>", "<i>", "</i>"):
        text = text.replace(tag, "")
    width, height = text_size(text, font)
    turn = math.radians(annotation.get("textangle") or 0)
    width, height = (
        abs(width * math.cos(turn)) + abs(height * math.sin(turn)),
        abs(width * math.sin(turn)) + abs(height * math.cos(turn)),
    )
    place = LabelPlace("center", "middle", 0, 0)
    return label_box(annotation["x"] * scale, annotation["y"] * scale, place, (width, height))


def text_size(text: str, font: int) -> tuple[float, float]:
    """A rough size in pixels of plotly text (average glyph 0.55 em, line 1.3 em)."""
    lines = text.split("<br>")
    longest = max(len(unescape(line)) for line in lines)
    return (longest * font * 0.55 + 4, len(lines) * font * 1.3 + 2)


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
