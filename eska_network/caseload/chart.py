"""The caseload's chart: how many of the children shown have each kind of gap."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from eska_network import i18n
from eska_network.caseload import ranking
from eska_network.i18n import number_text
from eska_network.palette import CHART_TEMPLATE, SERIES_ORDER


def whole_step(most: int, ticks: int = 8) -> int:
    """A tick step in whole children giving at most about ``ticks`` ticks up to ``most``.

    The axis counts children: 1, 2, 5, 10, 20, 50... never 0.2.

    >>> whole_step(1), whole_step(7), whole_step(30), whole_step(420)
    (1, 1, 5, 100)
    """
    base = 1
    while True:
        for factor in (1, 2, 5):
            if most <= ticks * base * factor:
                return base * factor
        base *= 10


def caseload_gap_chart(gap_counts: pd.Series, lang: str = "en") -> go.Figure:
    """A bar per gap kind: how many children of a caseload have it (:func:`caseload_gap_counts`)."""
    labels = [ranking.gap_kind_label(kind, lang) for kind in gap_counts.index]
    figure = go.Figure(
        go.Bar(
            x=gap_counts.to_numpy(),
            y=labels,
            orientation="h",
            text=[number_text(n, lang) for n in gap_counts],
            textposition="outside",
            cliponaxis=False,
            marker_color=SERIES_ORDER[0],
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        template=CHART_TEMPLATE,
        yaxis={"autorange": "reversed"},
        xaxis={
            "title": i18n.text("caseload.children", lang),
            "tickformat": ",d",
            "dtick": whole_step(int(gap_counts.max()) if len(gap_counts) else 0),
            "rangemode": "tozero",
        },
        height=60 + 32 * len(labels),
        margin={"t": 10, "r": 60},
    )
    return figure
