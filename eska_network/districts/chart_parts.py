"""What the district charts share: their colours, their words, and the values they may plot."""

from __future__ import annotations

from collections.abc import Sequence

from eska_network import i18n
from eska_network.districts.aggregates import CHILDREN
from eska_network.districts.cell_hiding import SHOWN
from eska_network.districts.disclosure import SuppressedTable

HEATMAP_SCALE = "Blues"
"""Sequential, light to dark: more children with a gap is darker; 0 % is nearly white."""
UNSERVED_COLOUR = "#D55E00"
SERVED_COLOUR = "#0072B2"
HIDDEN_FILL = "#BDBDBD"
"""Hidden cells and districts are neutral grey: a colour the blue scale never takes."""
HIDDEN_MARK = "#636363"
GHOST = "rgba(189, 189, 189, 0.35)"


def figure_word(key: str, lang: str) -> str:
    """A word of the district charts (``districts.figure.<key>`` of the catalogue)."""
    return i18n.text(f"districts.figure.{key}", lang)


def plotted_values(suppressed: SuppressedTable, measure: str) -> tuple[list, list]:
    """A measure per row as plotted (share in %, or number of children) and each cell's status."""
    if measure == CHILDREN:
        column, status = suppressed.counts[measure], suppressed.count_status[measure]
        values: list[float | None] = [
            None if s != SHOWN else int(v) for v, s in zip(column, status, strict=True)
        ]
    else:
        column, status = suppressed.shares[measure], suppressed.share_status[measure]
        values = [
            None if s != SHOWN else round(100 * float(v), 1)
            for v, s in zip(column, status, strict=True)
        ]
    return values, status.tolist()


def value_text(value: float | None, status: str, measure: str) -> str:
    """A value as written on a chart; a hidden one is written nowhere (its hover says why)."""
    if status != SHOWN:
        return ""
    return f"{value:g}" if measure == CHILDREN else f"{value:g}%"


def axis_title(measures: Sequence[str], lang: str) -> str:
    """The value axis's title: numbers of children, or shares of children."""
    return (
        figure_word("children", lang)
        if list(measures) == [CHILDREN]
        else figure_word("share", lang)
    )
