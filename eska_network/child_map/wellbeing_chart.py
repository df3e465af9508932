"""Beside the map: the child's wellbeing over the assessments, as a small chart.

It reads the map's own :class:`~eska_network.child_map.view.MapView`, so it stops at the date
drawn; like the map's figure, it is drawn with plotly.
"""

from __future__ import annotations

import plotly.graph_objects as go

from eska_network.child_map.view import MapView
from eska_network.domain import codes
from eska_network.domain.situation import wellbeing_over_time
from eska_network.palette import CHART_TEMPLATE, OKABE_ITO

__all__ = ["wellbeing_figure"]

DIMENSION_LOOKS = {
    "personal": (OKABE_ITO["blue"], "solid", "circle"),
    "interpersonal": (OKABE_ITO["orange"], "dash", "square"),
    "skills": (OKABE_ITO["bluish_green"], "dot", "diamond"),
}
"""Each dimension's colour, dash and marker: told apart without colour too."""
CHART_HEIGHT = {False: 190, True: 240}
"""Pixels, on screen and in presentation mode: small, the map stays the page."""


def wellbeing_figure(view: MapView) -> go.Figure | None:
    """The three wellbeing scores (1 to 5) at each assessment up to the date drawn; None when
    no assessment scored any.

    A score an assessment recorded is a filled marker; one carried from an earlier assessment
    is hollow, so the conference sees what was actually asked when.

    >>> import datetime as dt
    >>> from eska_network.child_map.view import MapRequest, map_view
    >>> from eska_network.domain.model import Assessment, Child, ChildSystem
    >>> rows = (Assessment("C1", dt.date(2026, 1, 5), wellbeing_personal=2),
    ...         Assessment("C1", dt.date(2026, 4, 5), wellbeing_skills=4))
    >>> figure = wellbeing_figure(map_view(MapRequest(ChildSystem(Child("C1", "X", 15),
    ...     assessments=rows))))
    >>> [(trace.name, list(trace.y)) for trace in figure.data]
    [('personal', [2, 2]), ('skills', [None, 4])]
    """
    day = view.as_of
    points = [p for p in wellbeing_over_time(view.system) if day and p.assessed_on <= day]
    if not any(score is not None for p in points for score in p.scores.values()):
        return None
    figure = go.Figure()
    for dimension in codes.WELLBEING:
        scores = [p.scores[dimension] for p in points]
        if all(score is None for score in scores):
            continue
        colour, dash, symbol = DIMENSION_LOOKS[dimension]
        name = codes.WELLBEING.label(dimension, view.lang)
        figure.add_trace(
            go.Scatter(
                x=[p.assessed_on.isoformat() for p in points],
                y=scores,
                name=name,
                mode="lines+markers",
                line={"color": colour, "dash": dash, "width": 2.5},
                marker={
                    "symbol": [
                        symbol if dimension in p.recorded else f"{symbol}-open" for p in points
                    ],
                    "size": 9,
                    "color": colour,
                    "line": {"color": colour, "width": 2},
                },
                hovertemplate=f"{name}: %{{y}} / 5<br>%{{x}}<extra></extra>",
            )
        )
    figure.update_layout(
        template=CHART_TEMPLATE,
        height=CHART_HEIGHT[view.presentation],
        margin={"t": 8, "b": 8, "l": 8, "r": 8},
        yaxis={"range": [0.6, 5.4], "dtick": 1, "fixedrange": True},
        xaxis={"type": "category", "fixedrange": True},
        legend={"orientation": "h", "y": -0.25, "x": 0},
        font={"size": 15 if view.presentation else 12},
    )
    return figure
