"""The colours every chart of the product shares (the map, the caseload, the district pages).

Okabe and Ito's palette stays apart under every common colour-vision deficiency: the map names
its colours by use, the bar and line charts take them in :data:`SERIES_ORDER`.
"""

from __future__ import annotations

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

SERIES_ORDER = tuple(
    OKABE_ITO[name]
    for name in (
        "blue",
        "orange",
        "bluish_green",
        "reddish_purple",
        "sky_blue",
        "vermillion",
        "yellow",
        "black",
    )
)
"""The colours of a chart's series (bars, lines), first to last."""

CHART_TEMPLATE = "plotly_white"
"""The plotly template of every chart but the map (which draws its own frame)."""
