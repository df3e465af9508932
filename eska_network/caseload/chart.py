"""The caseload's chart: how many of the children shown have each kind of gap."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from eska_network import i18n
from eska_network.caseload import ranking
from eska_network.i18n import number_text
from eska_network.palette import CHART_TEMPLATE, SERIES_ORDER


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
        xaxis={"title": i18n.text("caseload.children", lang)},
        height=60 + 32 * len(labels),
        margin={"t": 10, "r": 60},
    )
    return figure
