"""The legend of a child map: one row for each kind of mark the map draws, nothing else.

Each row's swatch is drawn by the function that draws the mark itself, and its words are the
catalogue's ``map.legend.<key>`` (:mod:`eska_network.i18n.child_map`).
"""

from __future__ import annotations

from collections.abc import Iterable

from eska_network.child_map.rings import EDGE, band_stroke
from eska_network.child_map.scene import Dots, Stroke
from eska_network.child_map.side import Block, Row, Swatch
from eska_network.child_map.styles import MARK_LOOKS, MODERATE, STRONG_FROM
from eska_network.child_map.text import Box
from eska_network.child_map.ties import tie_strokes
from eska_network.domain import codes
from eska_network.i18n import text as t

__all__ = ["LEGEND_ORDER", "legend_block"]

LEGEND_ORDER = (
    "tie:exploitative",
    "tie:stressful",
    "tie:ambivalent",
    "tie:strong",
    "tie:moderate",
    "tie:tenuous",
    "tie:between_levels",
    "tie:proposed",
    "mark:proposed_member",
    "tie:gained",
    "tie:lost",
    "mark:strengthened",
    "mark:weakened",
    "band:absent",
    "band:weak",
)
"""The legend's rows, most serious first; a row is shown only when the map draws its mark."""

SWATCH_STRENGTH = {"between_levels": MODERATE}


def _tie_swatch(key: str) -> Swatch:
    def draw(box: Box) -> list[Stroke | Dots]:
        middle = box.centre[1]
        path = ((box.left + 2, middle), (box.right - 2, middle))
        return list(tie_strokes(key, path, strength=SWATCH_STRENGTH.get(key), meta={"legend": key}))

    return draw


def _band_swatch(status: str) -> Swatch:
    def draw(box: Box) -> list[Stroke | Dots]:
        outline = (
            (box.left, box.bottom),
            (box.right, box.bottom),
            (box.right, box.top),
            (box.left, box.top),
            (box.left, box.bottom),
        )
        return [
            band_stroke(outline, status, legend=f"band:{status}"),
            Stroke("legend_edge", "edge", (outline,), EDGE, meta={"legend": f"band:{status}"}),
        ]

    return draw


def _mark_swatch(key: str) -> Swatch:
    def draw(box: Box) -> list[Stroke | Dots]:
        look = MARK_LOOKS[key]
        return [Dots("legend_mark", key, (box.centre,), look, look.size, meta={"legend": key})]

    return draw


def _words(entry: str, lang: str, date: str) -> str:
    kind, key = entry.split(":")
    name = f"band_{key}" if kind == "band" else key
    fields = {
        "low": STRONG_FROM,
        "max": codes.MAX_STRENGTH,
        "value": MODERATE,
        "high": MODERATE - 1,
        "date": date,
    }
    return t(f"map.legend.{name}", lang, **fields)


def legend_block(drawn: Iterable[str], lang: str, date: str = "") -> Block:
    """The legend block for the marks ``drawn`` (entries of :data:`LEGEND_ORDER`).

    ``date`` is the compared date, named by the rows of changes.
    """
    present = set(drawn)
    rows = []
    for entry in LEGEND_ORDER:
        if entry not in present:
            continue
        kind, key = entry.split(":")
        if kind == "tie":
            swatch = _tie_swatch(key)
        elif kind == "band":
            swatch = _band_swatch(key)
        else:
            swatch = _mark_swatch(key)
        rows.append(Row(f"legend:{entry}", _words(entry, lang, date), swatch))
    return Block("legend", t("map.legend.title", lang), tuple(rows))
