"""The column beside the rings: the child's own gaps, the legend of what is drawn, the key.

Every swatch is drawn by the function that draws its mark on the map (a tie by
:func:`~eska_network.child_map.ties.tie_strokes`, a band by
:func:`~eska_network.child_map.rings.band_stroke`, a marker by the same look), so the legend
shows exactly what the map shows. Blocks are laid out top to bottom; when they do not fit, the
key flows into columns and then the type gets smaller, down to :data:`SMALLEST`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eska_network.child_map.frame import Frame
from eska_network.child_map.scene import Dots, Stroke, Text
from eska_network.child_map.styles import INK
from eska_network.child_map.text import LINE_SPACING, Box, wrap_to_width

__all__ = ["Block", "Row", "Swatch", "side_column"]

SWATCH_WIDTH = 34.0
TOP_GAP = 6.0
SMALLEST = 9
"""The smallest type the side column shrinks to before it leaves rows out."""

Swatch = Callable[[Box], list[Stroke | Dots]]
"""Draws a row's swatch inside the box it is given."""


@dataclass(frozen=True)
class Row:
    """One line of a block: its words, and the swatch drawn before them, if any."""

    key: str
    words: str
    swatch: Swatch | None = None
    bold: bool = False
    color: str = INK
    topics: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Block:
    """A titled group of rows; ``flows`` lets its rows take several columns (the key)."""

    key: str
    title: str | None
    rows: tuple[Row, ...]
    flows: bool = False


def side_column(blocks: Sequence[Block], frame: Frame) -> tuple[list[Stroke | Dots], list[Text]]:
    """The swatches and texts of ``blocks`` laid out in the frame's side column."""
    box = frame.side_box
    for size in range(frame.font, SMALLEST - 1, -1):
        for columns in (1, 2, 3):
            drawn = _layout(blocks, box, size, columns)
            if drawn is not None:
                return drawn
    # Even the smallest type in three columns does not fit: rows are dropped from the end.
    rows = [list(block.rows) for block in blocks]
    while any(rows):
        longest = max(range(len(rows)), key=lambda i: len(rows[i]))
        rows[longest].pop()
        trimmed = [
            Block(block.key, block.title, tuple(kept), block.flows)
            for block, kept in zip(blocks, rows, strict=True)
        ]
        drawn = _layout(trimmed, box, SMALLEST, 3)
        if drawn is not None:
            return drawn
    return [], []


def _layout(
    blocks: Sequence[Block], box: Box, size: int, columns: int
) -> tuple[list[Stroke | Dots], list[Text]] | None:
    layers: list[Stroke | Dots] = []
    texts: list[Text] = []
    y = box.top - TOP_GAP
    line = size * LINE_SPACING
    for block in blocks:
        if not block.rows:
            continue
        if block.title:
            title = Text(
                f"{block.key}:title",
                (block.title,),
                box.left,
                y,
                size,
                xanchor="left",
                yanchor="top",
                bold=True,
                align="left",
            )
            texts.append(title)
            y = title.box.bottom - 2
        count = columns if block.flows else 1
        width = (box.width - (count - 1) * 8) / count
        per_column = -(-len(block.rows) // count)
        lowest = y
        for index, row in enumerate(block.rows):
            column, place = divmod(index, per_column)
            left = box.left + column * (width + 8)
            if place == 0:
                top = y
            text_left = left + (SWATCH_WIDTH + 6 if row.swatch else 0)
            lines = tuple(
                wrap_to_width(row.words, box.left + width - text_left - 6, size, row.bold)
            )
            text = Text(
                row.key,
                lines,
                text_left,
                top,
                size,
                xanchor="left",
                yanchor="top",
                bold=row.bold,
                color=row.color,
                align="left",
                topics=row.topics,
            )
            if text.box.right > left + width + 0.5:
                return None
            texts.append(text)
            if row.swatch is not None:
                middle = top - min(line, text.box.height) / 2
                swatch_box = Box(
                    left, middle - size * 0.55, left + SWATCH_WIDTH, middle + size * 0.55
                )
                layers += row.swatch(swatch_box)
            top = text.box.bottom - max(1.0, size * 0.25)
            lowest = min(lowest, top)
        y = lowest - size * 0.6
        if y < box.bottom:
            return None
    if y < box.bottom:
        return None
    return layers, texts
