"""Text of the child map: escaped for plotly, wrapped, and measured in pixels before it is drawn.

Labels are placed in Python, so their size must be known before a browser draws them. The map's
font is Arial (Liberation Sans on Linux, which has the same metrics); :func:`text_width` adds up
the advance widths of its glyphs, taken from the font files. It never counts kerning, so it never
measures less than the browser draws; :func:`block_size` adds plotly's line spacing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "FONT_FAMILY",
    "Box",
    "block_size",
    "escape_text",
    "intersects",
    "strip_tags",
    "text_width",
    "wrap_lines",
    "wrap_to_width",
]

FONT_FAMILY = "Arial, Helvetica, Liberation Sans, sans-serif"
LINE_SPACING = 1.3
"""Plotly sets the lines of a text this many font sizes apart."""
LINE_HEIGHT = 1.2
"""The height of one line of Arial, ascender to descender, in font sizes (1.117, rounded up)."""

_GLYPHS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz"
    "{|}~ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ–—→←•…‘’“”·×"
)
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    667, 667, 667, 667, 667, 667, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 778, 778, 778,
    778, 778, 722, 722, 722, 722, 667, 556, 556, 556, 556, 556, 556, 500, 556, 556, 556, 556, 278,
    278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 500, 500, 556, 1000, 1000,
    1000, 350, 1000, 222, 222, 333, 333, 278, 584,
)  # fmt: skip
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    722, 722, 722, 722, 722, 722, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 778, 778, 778,
    778, 778, 722, 722, 722, 722, 667, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
    278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 611, 611, 611, 556, 556, 556, 1000, 1000,
    1000, 350, 1000, 278, 278, 500, 500, 278, 584,
)  # fmt: skip
"""Advance widths of Liberation Sans Regular and Bold, in thousandths of the font size."""
_WIDTHS = {
    False: dict(zip(_GLYPHS, _REGULAR, strict=True)),
    True: dict(zip(_GLYPHS, _BOLD, strict=True)),
}
_UNKNOWN = 1000
"""A glyph not in the table (another script, an emoji) is counted as wide as the widest."""


def escape_text(text: str) -> str:
    """Text from the data, safe to put in plotly text: ``&``, ``<`` and ``>`` escaped.

    >>> escape_text('<img src=x onerror=alert(1)> & "Rina"')
    '&lt;img src=x onerror=alert(1)&gt; &amp; "Rina"'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def strip_tags(markup: str) -> str:
    """Plotly text as it reads: the ``<b>`` and ``<i>`` tags dropped, entities unescaped.

    >>> strip_tags("<b>Ibu &amp; Ayah</b>")
    'Ibu & Ayah'
    """
    for tag in ("<b>", "</b>", "<i>", "</i>"):
        markup = markup.replace(tag, "")
    return markup.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in pixels of one line of plain ``text`` at ``size`` pixels.

    >>> round(text_width("Ibu (Mother)", 12), 1)
    65.4
    """
    widths = _WIDTHS[bold]
    return sum(widths.get(char, _UNKNOWN) for char in text) * size / 1000


def block_size(lines: Sequence[str], size: float, bold: bool = False) -> tuple[float, float]:
    """Width and height in pixels of plain lines drawn as one plotly text.

    >>> [round(v, 1) for v in block_size(["Ibu", "(Mother)"], 10)]
    [37.8, 25.0]
    """
    width = max((text_width(line, size, bold) for line in lines), default=0.0)
    height = size * (LINE_SPACING * (len(lines) - 1) + LINE_HEIGHT) if lines else 0.0
    return width, height


def wrap_lines(text: str, width: int) -> list[str]:
    """Plain text broken at spaces into lines of at most about ``width`` characters.

    A word longer than ``width`` keeps a line of its own.

    >>> wrap_lines("Kepala desa / Lurah (Village head)", 20)
    ['Kepala desa / Lurah', '(Village head)']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [text]


def wrap_to_width(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Plain text broken at spaces into lines no wider than ``width`` pixels where possible.

    >>> wrap_to_width("No tie links family and institutions", 120, 12)
    ['No tie links family and', 'institutions']
    """
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size, bold) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines or [text]


@dataclass(frozen=True)
class Box:
    """A rectangle in figure pixels: ``left < right``, ``bottom < top`` (y grows upwards)."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.left + self.right) / 2, (self.bottom + self.top) / 2)

    def grown(self, margin: float) -> Box:
        """The box with ``margin`` pixels added on every side."""
        return Box(self.left - margin, self.bottom - margin, self.right + margin, self.top + margin)

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top

    def within(self, other: Box) -> bool:
        """Whether the box lies entirely inside ``other``."""
        return (
            self.left >= other.left
            and self.right <= other.right
            and self.bottom >= other.bottom
            and self.top <= other.top
        )


def intersects(a: Box, b: Box) -> bool:
    """Whether two boxes share some area (touching edges do not count).

    >>> a = Box(0, 0, 10, 10)
    >>> intersects(a, Box(10, 0, 20, 10)), intersects(a, Box(9, 9, 12, 12))
    (False, True)
    """
    return a.left < b.right and b.left < a.right and a.bottom < b.top and b.bottom < a.top
