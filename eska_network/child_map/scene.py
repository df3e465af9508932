"""The child map as a scene: every stroke, marker and text, in figure pixels, before plotly.

A :class:`Scene` is plain data. :mod:`eska_network.child_map.compose` builds it from a view and a
frame; :mod:`eska_network.child_map.figure` turns it into a plotly figure one to one. Tests read
the scene to check what is drawn where, and every text carries the box it will take on the page.

Each element carries ``topics``: what it is about (``member:<id>``, ``tie:<a>|<b>``,
``level:<code>``, ``gap:<kind>:<subject>``). When the conference picks a gap or a member, the
elements about it stay and the others fade; elements without topics (the rings, their names)
never fade.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from eska_network.child_map.frame import Frame
from eska_network.child_map.geometry import Point
from eska_network.child_map.styles import INK, Line, MarkLook
from eska_network.child_map.text import Box, block_size, escape_text
from eska_network.domain.gap_items import GapItem

__all__ = ["Dots", "Scene", "Stroke", "Text", "gap_topic", "member_topic", "tie_topic"]

PAD = 2
"""Pixels between a text and the edge of its ground (plotly's ``borderpad``)."""


def member_topic(member_id: str) -> str:
    return f"member:{member_id}"


def tie_topic(a: str, b: str) -> str:
    """The topic of the tie between ``a`` and ``b``, whichever way its row has them."""
    first, second = sorted((a, b))
    return f"tie:{first}|{second}"


def gap_topic(item: GapItem) -> str:
    subject = "|".join(item.tie) if item.tie else item.subject
    return f"gap:{item.kind}:{subject}"


@dataclass(frozen=True)
class Stroke:
    """Lines (or a filled outline) drawn in one style: paths of figure pixels."""

    part: str
    key: str
    paths: tuple[tuple[Point, ...], ...]
    line: Line
    fill: str | None = None
    pattern: str | None = None
    pattern_color: str = "#9A9A9A"
    topics: frozenset[str] = frozenset()
    meta: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Dots:
    """Markers of one look, with hover text, ids for clicks and per-marker topics.

    ``labels`` are short texts drawn inside the markers (the numbers of members whose label is in
    the key); ``ids`` come back from a click as the point's ``customdata``.
    """

    part: str
    key: str
    points: tuple[Point, ...]
    look: MarkLook
    size: float
    labels: tuple[str, ...] = ()
    label_size: float = 0.0
    hover: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    topics: tuple[frozenset[str], ...] = ()
    visible: bool = True
    meta: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Text:
    """A text anchored at ``(x, y)`` by ``xanchor`` / ``yanchor``; ``lines`` are plain text."""

    key: str
    lines: tuple[str, ...]
    x: float
    y: float
    size: float
    xanchor: str = "center"
    yanchor: str = "middle"
    bold: bool = False
    italic: bool = False
    color: str = INK
    bg: str | None = None
    border: str | None = None
    align: str = "center"
    topics: frozenset[str] = frozenset()

    @property
    def inset(self) -> float:
        return PAD + (1 if self.border else 0)

    @cached_property
    def size_px(self) -> tuple[float, float]:
        """The width and height of the text with its ground, in pixels."""
        width, height = block_size(self.lines, self.size, self.bold)
        return width + 2 * self.inset, height + 2 * self.inset

    @cached_property
    def box(self) -> Box:
        """The pixels the text and its ground take (the drawn glyphs never reach further)."""
        width, height = self.size_px
        left = self.x - {"left": 0.0, "center": width / 2, "right": width}[self.xanchor]
        bottom = self.y - {"bottom": 0.0, "middle": height / 2, "top": height}[self.yanchor]
        return Box(left, bottom, left + width, bottom + height)

    @property
    def markup(self) -> str:
        """The text as plotly markup: escaped, lines joined by ``<br>``, bold or italic."""
        body = "<br>".join(escape_text(line) for line in self.lines)
        if self.italic:
            body = f"<i>{body}</i>"
        return f"<b>{body}</b>" if self.bold else body


@dataclass(frozen=True)
class Scene:
    """Everything one map draws, bottom to top, with the facts tests and exports read."""

    frame: Frame
    layers: tuple[Stroke | Dots, ...]
    texts: tuple[Text, ...]
    meta: Mapping[str, object]
    focus: frozenset[str] | None = None

    def parts(self, part: str) -> list[Stroke | Dots]:
        return [layer for layer in self.layers if layer.part == part]

    def text(self, key: str) -> Text:
        """The text named ``key`` (KeyError when the scene has none)."""
        for text in self.texts:
            if text.key == key:
                return text
        raise KeyError(key)

    def texts_starting(self, prefix: str) -> list[Text]:
        return [text for text in self.texts if text.key.startswith(prefix)]
