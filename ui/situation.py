"""Beside the child map: wellbeing over the assessments, and the risk factors with the ties that
answer them (both read from the map's view, so they name people as the map does)."""

from __future__ import annotations

import streamlit as st

from eska_network.child_map.risks import risk_lines, risk_summary
from eska_network.child_map.view import MapView
from eska_network.child_map.wellbeing_chart import wellbeing_figure

from .lang import t
from .safe import escape_markdown, plain


def show_situation(view: MapView) -> None:
    """The wellbeing chart and the risk factors, under the gap list."""
    st.subheader(t("map.wellbeing"), help=t("map.wellbeing_help"))
    figure = wellbeing_figure(view)
    if figure is None:
        plain(t("map.no_wellbeing"))
    else:
        st.plotly_chart(
            figure,
            key="child_map_wellbeing",
            theme=None,
            config={"displayModeBar": False, "displaylogo": False, "staticPlot": True},
        )
    st.subheader(t("map.risks"))
    lines = risk_lines(view)
    if not lines:
        plain(t("map.no_risks"))
        return
    st.markdown(
        "\n".join(
            f"- :red[**{escape_markdown(risk_summary(line, view.lang))}**]"
            if not line.answered
            else f"- {escape_markdown(risk_summary(line, view.lang))}"
            for line in lines
        )
    )
