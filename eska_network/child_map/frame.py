"""The pixel frame of a child map: the figure's size, where the rings go, where the side column.

The figure is drawn at exactly the size the page measured (or an export's page size), with one
plotly data unit per pixel, so every label is placed for the size actually drawn. Coordinates
are figure pixels from the bottom left corner, y upwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from eska_network.child_map.geometry import Point
from eska_network.child_map.text import Box

__all__ = ["A4_LANDSCAPE", "Frame", "export_frame", "screen_frame"]

FONT = {False: 13, True: 16}
"""Base type size on screen, and in presentation mode (large type for a projector)."""
SIDE_SHARE = {False: 0.28, True: 0.3}
SIDE_LIMITS = {False: (220, 300), True: (250, 340)}
"""The side column (gap box, legend, key) takes this share of the width, within these limits."""
DEFAULT_SIZE = (960, 640)
"""The figure's size before the page has measured the space it gets."""
MIN_SIZE = (520, 380)
A4_LANDSCAPE = (1123, 794)
"""A4 landscape at 96 pixels per inch: 297 x 210 mm."""
EXPORT_FONT = 12
EXPORT_SIDE = 400


@dataclass(frozen=True)
class Frame:
    """Where things go in a figure of ``width`` x ``height`` pixels with ``font``-pixel type.

    ``title`` and ``footer`` reserve a line at the top and the bottom (exports print a title,
    the date and a confidentiality note); ``side`` is the width of the column on the right.
    """

    width: int
    height: int
    font: int
    side: int
    title: bool = False
    footer: bool = False

    @property
    def gutter(self) -> float:
        return self.font

    @property
    def top(self) -> float:
        """The top of the map and the side column (under the title, if any)."""
        return self.height - (round(self.font * 2.6) if self.title else 0)

    @property
    def bottom(self) -> float:
        return round(self.font * 2.2) if self.footer else 0

    @property
    def map_box(self) -> Box:
        """The area of the rings and of every text placed around them."""
        return Box(0, self.bottom, self.width - self.side - self.gutter, self.top)

    @property
    def side_box(self) -> Box:
        return Box(self.width - self.side, self.bottom, self.width - 4, self.top)

    @property
    def centre(self) -> Point:
        return self.map_box.centre

    @property
    def diameter(self) -> float:
        """The ring plot's diameter: the rim of the map, in pixels."""
        box, margin = self.map_box, self.font
        return max(10.0, min(box.width, box.height) - 2 * margin)

    @property
    def scale(self) -> float:
        """Pixels per map unit (the rim has radius 1)."""
        return self.diameter / 2

    def to_px(self, point: Point) -> Point:
        """A point in map units as figure pixels."""
        return (self.centre[0] + point[0] * self.scale, self.centre[1] + point[1] * self.scale)


def screen_frame(width: int | None, height: int | None, presentation: bool = False) -> Frame:
    """The frame for a column ``width`` pixels wide and ``height`` high (None: not measured yet).

    >>> frame = screen_frame(900, 700)
    >>> frame.side, round(frame.diameter)
    (252, 609)
    """
    width = max(MIN_SIZE[0], int(width or DEFAULT_SIZE[0]))
    height = max(MIN_SIZE[1], int(height or DEFAULT_SIZE[1]))
    low, high = SIDE_LIMITS[presentation]
    side = int(min(high, max(low, width * SIDE_SHARE[presentation])))
    return Frame(width, height, FONT[presentation], side)


def export_frame() -> Frame:
    """The frame of a PNG or PDF export: one A4 landscape page with a title and a footer."""
    width, height = A4_LANDSCAPE
    return Frame(width, height, EXPORT_FONT, EXPORT_SIDE, title=True, footer=True)
