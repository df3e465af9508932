"""Plotly figures of the planner's district views, drawn from the suppressed table only.

Every builder takes a :class:`~eska_network.districts.disclosure.SuppressedTable` and never sees a
hidden value: a hidden cell is never drawn at zero. It is a hatched grey ghost bar as tall as the
chart, a grey cell, a break in a line over a grey band, or a grey district, each with a hover that
says why ("suppressed: fewer than 10 children"). Colours are colour-blind safe (Okabe-Ito for
categories; for shares of children with a gap a sequential blue scale, lightest for the fewest
children, so the worst cells are the darkest and the best the lightest) and never carry meaning
alone: numbers are written in the cells and on the bars, and a district without a service for a
need is hatched as well as coloured.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import plotly.graph_objects as go

from eska_network.districts.aggregates import (
    CHILDREN,
    GAP_MEASURES,
    TOTAL,
    group_heading,
    measure_label,
    total_label,
)
from eska_network.districts.cell_hiding import SHOWN
from eska_network.districts.chart_parts import (
    GHOST,
    HEATMAP_SCALE,
    HIDDEN_FILL,
    HIDDEN_MARK,
    SERVED_COLOUR,
    UNSERVED_COLOUR,
    axis_title,
    figure_word,
    plotted_values,
    value_text,
)
from eska_network.districts.disclosure import SuppressedTable, hover_text
from eska_network.districts.province_names import UNKNOWN_PROVINCE
from eska_network.districts.unserved import needs_and_services
from eska_network.domain.codes import NEEDS
from eska_network.palette import CHART_TEMPLATE, SERIES_ORDER


def _top(values: Iterable[float | None], measures: Sequence[str]) -> float:
    """The top of a value axis: the largest value shown and a margin, 100 % at most for shares."""
    shown = [value for value in values if value is not None]
    if list(measures) == [CHILDREN]:
        return max(shown, default=10) * 1.15
    return min(100.0, max(max(shown, default=100.0) * 1.15, 10.0))


def _rows(suppressed: SuppressedTable, groups: Iterable[str] | None) -> SuppressedTable:
    return suppressed if groups is None else suppressed.select(groups)


def _group_labels(suppressed: SuppressedTable, lang: str) -> list[str]:
    return [group_label(suppressed.by, g, lang) for g in suppressed.counts.index]


def group_label(by: str, group: str, lang: str = "en") -> str:
    """A row's label: the group's name, the total row's words, or the unknown province's."""
    if group == TOTAL:
        return total_label(by, lang)
    if by == "province" and group == UNKNOWN_PROVINCE:
        return figure_word("unknown_province", lang)
    return group


def comparison_bars(
    suppressed: SuppressedTable,
    districts: Iterable[str] | None = None,
    measures: Sequence[str] = GAP_MEASURES,
    lang: str = "en",
    include_total: bool = True,
) -> go.Figure:
    """Chosen districts side by side: one group of bars per measure, one bar per district.

    Bars are the share of the district's children with each gap (or the number of children for
    ``children``); a hidden value is a hatched grey ghost bar as tall as the chart in the
    district's place (never a bar at zero), whose hover says why.
    """
    table = _rows(suppressed, districts)
    labels = _group_labels(table, lang)
    measure_names = [measure_label(m, lang) for m in measures]
    columns = {m: plotted_values(table, m) for m in measures}
    top = _top((v for values, _ in columns.values() for v in values), measures)
    figure = go.Figure()
    ghost_shown = False
    # Many bars to a group leave no room for level labels: they stand upright above the bars.
    upright = len(labels) > 3
    for index, (group, label) in enumerate(zip(table.counts.index, labels, strict=True)):
        if group == TOTAL and not include_total:
            continue
        values = [columns[m][0][index] for m in measures]
        statuses = [columns[m][1][index] for m in measures]
        texts = [value_text(v, s, m) for v, s, m in zip(values, statuses, measures, strict=True)]
        figure.add_bar(
            name=label,
            x=measure_names,
            y=values,
            text=texts,
            textposition="outside",
            textangle=-90 if upright else 0,
            textfont={"size": 10 if upright else 12},
            marker_color=SERIES_ORDER[index % len(SERIES_ORDER)],
            offsetgroup=str(index),
            legendgroup=str(index),
            hovertemplate="%{x}<br>" + label + ": %{text}<extra></extra>",
        )
        hidden = [i for i, status in enumerate(statuses) if status != SHOWN]
        if hidden:
            figure.add_bar(
                name=figure_word("suppressed", lang),
                x=[measure_names[i] for i in hidden],
                y=[top] * len(hidden),
                offsetgroup=str(index),
                legendgroup="suppressed",
                legendrank=2000,
                showlegend=not ghost_shown,
                marker={
                    "color": GHOST,
                    "line": {"width": 0},
                    "pattern": {"shape": "/", "fgcolor": HIDDEN_FILL, "size": 8},
                },
                hovertext=[f"{label}: {hover_text(statuses[i], table.k, lang)}" for i in hidden],
                hoverinfo="text",
            )
            ghost_shown = True
    figure.update_layout(
        template=CHART_TEMPLATE,
        barmode="group",
        uniformtext={"minsize": 9, "mode": "show"},
        title=figure_word("bars_title", lang),
        yaxis={
            "title": axis_title(measures, lang),
            "range": [0, top * (1.25 if upright else 1.08)],
        },
        legend_title=group_heading(table.by, lang),
    )
    return figure


def gap_heatmap(
    suppressed: SuppressedTable,
    districts: Iterable[str] | None = None,
    measures: Sequence[str] = GAP_MEASURES,
    lang: str = "en",
) -> go.Figure:
    """Districts (rows) x gap types (columns), coloured by the share of children with the gap.

    The scale is sequential from the lightest (0 %) to the darkest (the largest share shown), so
    the districts with most children in a gap stand out. Each cell also shows its value as text;
    hidden cells are grey, with no number, and a hover that says why.
    """
    table = _rows(suppressed, districts)
    labels = _group_labels(table, lang)
    z, text, hover, hidden_z = [], [], [], []
    columns = {m: plotted_values(table, m) for m in measures}
    for index, label in enumerate(labels):
        z_row, text_row, hover_row, hidden_row = [], [], [], []
        for measure in measures:
            values, statuses = columns[measure]
            value, status = values[index], statuses[index]
            z_row.append(value)
            text_row.append(value_text(value, status, measure))
            hover_row.append(
                f"{label}<br>{measure_label(measure, lang)}: "
                + (text_row[-1] if status == SHOWN else hover_text(status, table.k, lang))
            )
            hidden_row.append(None if status == SHOWN else 1)
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
        hidden_z.append(hidden_row)
    shown_values = [v for row in z for v in row if v is not None]
    x = [measure_label(m, lang) for m in measures]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=x,
            y=labels,
            text=text,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=HEATMAP_SCALE,
            zmin=0,
            zmax=max(10.0, math.ceil(max(shown_values, default=100.0) / 10) * 10),
            colorbar={"title": {"text": figure_word("share", lang)}},
            hoverongaps=False,
            xgap=1,
            ygap=1,
        )
    )
    if any(v is not None for row in hidden_z for v in row):
        figure.add_heatmap(
            z=hidden_z,
            x=x,
            y=labels,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=[[0, HIDDEN_FILL], [1, HIDDEN_FILL]],
            showscale=False,
            hoverongaps=False,
            xgap=1,
            ygap=1,
            name=figure_word("suppressed", lang),
        )
        _say_grey_is_suppressed(figure, lang)
    figure.update_layout(
        template=CHART_TEMPLATE,
        title=figure_word(
            "province_heatmap_title" if table.by == "province" else "heatmap_title", lang
        ),
        xaxis={"showgrid": False, "tickangle": -40},
        yaxis={"autorange": "reversed", "title": group_heading(table.by, lang), "showgrid": False},
        plot_bgcolor="#FFFFFF",
        height=max(400, 26 * len(labels) + 320),
        margin={"t": 80},
    )
    return figure


def _say_grey_is_suppressed(figure: go.Figure, lang: str) -> None:
    """Write "grey: suppressed" above the plot's top left, for a chart that greys hidden cells."""
    figure.add_annotation(
        text=figure_word("grey_suppressed", lang),
        xref="paper",
        yref="paper",
        x=0,
        y=1.0,
        yanchor="bottom",
        showarrow=False,
        font={"color": HIDDEN_MARK, "size": 12},
    )


def trend_lines(
    trend: SuppressedTable,
    measures: Sequence[str] = GAP_MEASURES[:3],
    lang: str = "en",
) -> go.Figure:
    """The share of children with each chosen gap, quarter by quarter (from ``quarterly_trend``).

    A hidden quarter breaks the line (no point, never a point at zero); a grey band over the
    quarter, with a hover naming what is hidden and why, says so.
    """
    quarters = trend.groups
    columns = {m: plotted_values(trend, m) for m in measures}
    top = _top((v for values, _ in columns.values() for v in values[: len(quarters)]), measures)
    figure = go.Figure()
    hidden_in: dict[int, list[str]] = {}
    for index, measure in enumerate(measures):
        values, statuses = columns[measure]
        name = measure_label(measure, lang)
        figure.add_scatter(
            name=name,
            x=quarters,
            y=values[: len(quarters)],
            mode="lines+markers",
            connectgaps=False,
            line={"color": SERIES_ORDER[index % len(SERIES_ORDER)]},
            marker={"symbol": index % 20, "size": 8},
            hovertemplate=name + "<br>%{x}: %{y}%<extra></extra>",
        )
        for at, status in enumerate(statuses[: len(quarters)]):
            if status != SHOWN:
                hidden_in.setdefault(at, []).append(f"{name}: {hover_text(status, trend.k, lang)}")
    for at in hidden_in:
        figure.add_shape(
            type="rect",
            xref="x",
            yref="paper",
            x0=at - 0.45,
            x1=at + 0.45,
            y0=0,
            y1=1,
            fillcolor=HIDDEN_FILL,
            opacity=0.35,
            line={"width": 0},
            layer="below",
        )
    if hidden_in:
        figure.add_scatter(
            name=figure_word("suppressed", lang),
            x=[quarters[at] for at in hidden_in],
            y=[top / 2] * len(hidden_in),
            mode="markers",
            # Invisible: the band is the mark, these only carry its hover.
            marker={"symbol": "square", "size": 24, "color": HIDDEN_FILL, "opacity": 0},
            hovertext=["<br>".join(texts) for texts in hidden_in.values()],
            hoverinfo="text",
            showlegend=False,
        )
        _say_grey_is_suppressed(figure, lang)
    figure.update_layout(
        template=CHART_TEMPLATE,
        title=figure_word("trend_title", lang),
        xaxis={"type": "category", "title": group_heading(trend.by, lang)},
        yaxis={"title": axis_title(measures, lang), "range": [0, top]},
    )
    return figure


def services_chart(suppressed: SuppressedTable, district: str, lang: str = "en") -> go.Figure:
    """One district's unmet needs (share of children) next to how many services it lists for each.

    A need with children unmet and no service (the planner's headline) is hatched and coloured;
    each bar says how many services there are, the hover names them.
    """
    table = needs_and_services(suppressed.select([district]), lang)
    table = table[table["district"] == district]
    values, texts, hover, colours, patterns = [], [], [], [], []
    for row in table.itertuples():
        status = suppressed.share_status.at[district, f"unmet_need:{row.need}"]
        value = None if status != SHOWN else round(100 * float(row.unmet_share), 1)
        count = row.services
        services = (
            figure_word("no_service", lang)
            if count == 0
            else figure_word("one_service", lang)
            if count == 1
            else figure_word("services", lang).format(n=count)
        )
        shown = f"{value:g}%" if value is not None else hover_text(status, suppressed.k, lang)
        values.append(value)
        texts.append(f"{shown} · {services}")
        hover.append(f"{row.need_label}: {shown}<br>{row.names or services}")
        colours.append(UNSERVED_COLOUR if row.unserved else SERVED_COLOUR)
        patterns.append("/" if row.unserved else "")
    needs = [NEEDS.label(need, lang) for need in table["need"]]
    figure = go.Figure(
        go.Bar(
            y=needs,
            x=values,
            orientation="h",
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            marker={"color": colours, "pattern": {"shape": patterns}},
            showlegend=False,
        )
    )
    # A hidden share has no bar; its words stand at the axis instead.
    hidden = [i for i, value in enumerate(values) if value is None]
    if hidden:
        figure.add_scatter(
            y=[needs[i] for i in hidden],
            x=[0] * len(hidden),
            mode="text",
            text=[texts[i] for i in hidden],
            textposition="middle right",
            textfont={"color": [colours[i] for i in hidden]},
            customdata=[hover[i] for i in hidden],
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
        )
    figure.update_layout(
        template=CHART_TEMPLATE,
        title=figure_word("services_title", lang).format(district=district),
        xaxis={"title": figure_word("unmet", lang), "range": [0, 115]},
        yaxis={"autorange": "reversed"},
        margin={"r": 160},
    )
    return figure
