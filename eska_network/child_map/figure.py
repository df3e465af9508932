"""The child map as a plotly figure: the scene of :mod:`~eska_network.child_map.compose` as is.

:func:`child_map` builds the figure and never shows it. The figure has one data unit per pixel
and exactly the frame's size, so the texts placed by the scene land where they were placed.
Traces carry ``meta`` (``{"part": ..., ...}``) naming what they draw and ``layout.meta`` holds
the child's code, the date, the frame and the GAPS.md object. Every text is an annotation named
after what it says (``label:<member>``, ``ring:<level>``, ``word:<a>|<b>``...).
"""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from eska_network.child_map.compose import Focus, compose
from eska_network.child_map.frame import Frame, screen_frame
from eska_network.child_map.geometry import xy_lists
from eska_network.child_map.scene import PAD, Dots, Scene, Stroke, Text
from eska_network.child_map.text import FONT_FAMILY
from eska_network.child_map.view import MapRequest, MapView, map_view
from eska_network.domain.model import ChildSystem
from eska_network.domain.whatif import ProposedTie

__all__ = ["FADED", "child_map", "child_map_figure", "figure_of"]

FADED = 0.16
"""The opacity of what a picked gap or member is not about."""


def child_map(
    system: ChildSystem,
    as_of: dt.date | None = None,
    *,
    lang: str = "en",
    presentation: bool = False,
    proposed: tuple[ProposedTie, ...] | list[ProposedTie] = (),
    compare_with: dt.date | None = None,
    frame: Frame | None = None,
) -> go.Figure:
    """The child's support system as a map: rings, sectors, ties, gaps; a plain plotly figure.

    Examples
    --------
    >>> from eska_network.domain.model import Child, Member, Tie
    >>> day = dt.date(2026, 3, 1)
    >>> system = ChildSystem(Child("C7", "Garut", 15), (Member("C7", "m", "Mother", "family"),),
    ...     (Tie("C7", "child", "m", 4, "supportive", day),))
    >>> figure = child_map(system)
    >>> [trace.customdata for trace in figure.data if trace.meta["part"] == "member"]
    [('member:m',)]
    >>> figure.layout.meta["gaps"]["levels"]["family"]
    {'status': 'ok', 'max_strength': 4}
    """
    request = MapRequest(system, as_of, compare_with, tuple(proposed), lang, presentation)
    return child_map_figure(map_view(request), frame)


def child_map_figure(
    view: MapView, frame: Frame | None = None, focus: Focus | None = None
) -> go.Figure:
    """The figure of a view in ``frame`` (default: the screen frame before measuring)."""
    frame = frame or screen_frame(None, None, view.presentation)
    return figure_of(compose(view, frame, focus))


def figure_of(scene: Scene) -> go.Figure:
    """The plotly figure drawing ``scene``: a trace per layer, an annotation per text."""
    frame = scene.frame
    traces = []
    for layer in scene.layers:
        if isinstance(layer, Stroke):
            traces.append(_stroke(layer, _faded(layer.topics, scene.focus)))
        else:
            traces += _dots(layer, scene.focus)
    figure = go.Figure(data=traces)
    figure.update_layout(
        template="none",
        width=frame.width,
        height=frame.height,
        autosize=False,
        margin={"l": 0, "r": 0, "t": 0, "b": 0, "pad": 0},
        xaxis={"range": [0, frame.width], "visible": False, "fixedrange": True},
        yaxis={"range": [0, frame.height], "visible": False, "fixedrange": True},
        showlegend=False,
        hovermode="closest",
        dragmode=False,
        font={"family": FONT_FAMILY, "size": frame.font, "color": "#1A1A1A"},
        hoverlabel={"font": {"size": frame.font, "family": FONT_FAMILY}},
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        annotations=[_annotation(text, _faded(text.topics, scene.focus)) for text in scene.texts],
        meta={
            **scene.meta,
            "frame": [frame.width, frame.height, frame.font],
            "focus": sorted(scene.focus) if scene.focus is not None else None,
        },
    )
    return figure


def _faded(topics: frozenset[str], focus: frozenset[str] | None) -> bool:
    return focus is not None and bool(topics) and not topics & focus


def _stroke(stroke: Stroke, faded: bool) -> go.Scatter:
    xs, ys = xy_lists(stroke.paths)
    opacity = stroke.line.opacity * (FADED if faded else 1.0)
    meta = {"part": stroke.part, "style": stroke.key, "count": len(stroke.paths), **stroke.meta}
    if stroke.fill is not None:
        pattern = None
        if stroke.pattern:
            pattern = {
                "shape": stroke.pattern,
                "fgcolor": stroke.pattern_color,
                "size": 8,
                "solidity": 0.16,
            }
        return go.Scatter(
            x=xs[:-1],
            y=ys[:-1],
            mode="lines",
            fill="toself",
            fillcolor=stroke.fill,
            fillpattern=pattern,
            line={"width": 0},
            opacity=FADED if faded else 1.0,
            hoverinfo="skip",
            showlegend=False,
            meta=meta,
        )
    return go.Scatter(
        x=xs or [None],
        y=ys or [None],
        mode="lines",
        line={"color": stroke.line.color, "width": stroke.line.width, "dash": stroke.line.dash},
        opacity=opacity,
        hoverinfo="skip",
        showlegend=False,
        meta=meta,
    )


def _dots(dots: Dots, focus: frozenset[str] | None) -> list[go.Scatter]:
    """One trace, or two when a focus fades some of the markers (kept and faded apart)."""
    indices = range(len(dots.points))
    topics = dots.topics or tuple(frozenset() for _ in indices)
    kept = [i for i in indices if not _faded(topics[i], focus)]
    fading = [i for i in indices if _faded(topics[i], focus)]
    groups = [(False, kept)] if kept or not fading else []
    if fading:
        groups.append((True, fading))
    traces = []
    for faded, chosen in groups:
        opacity = 0.0 if not dots.visible else FADED if faded else 1.0
        look = dots.look
        xs: list[float | None] = [round(dots.points[i][0], 2) for i in chosen]
        ys: list[float | None] = [round(dots.points[i][1], 2) for i in chosen]
        traces.append(
            go.Scatter(
                x=xs or [None],
                y=ys or [None],
                mode="markers",
                marker={
                    "symbol": look.symbol,
                    "size": dots.size,
                    "color": look.color,
                    "opacity": opacity,
                    "line": {"width": look.outline_width, "color": look.outline},
                },
                selected={"marker": {"opacity": opacity}},
                unselected={"marker": {"opacity": opacity}},
                hovertext=[dots.hover[i] for i in chosen] if dots.hover else None,
                hoverinfo="text" if dots.hover else "skip",
                customdata=[dots.ids[i] for i in chosen] if dots.ids else None,
                showlegend=False,
                meta={"part": dots.part, "style": dots.key, "count": len(chosen), **dots.meta},
            )
        )
    return traces


def _annotation(text: Text, faded: bool) -> dict:
    return {
        "x": round(text.x, 2),
        "y": round(text.y, 2),
        "xref": "x",
        "yref": "y",
        "text": text.markup,
        "showarrow": False,
        "xanchor": text.xanchor,
        "yanchor": text.yanchor,
        "align": text.align,
        "font": {"size": text.size, "color": text.color, "family": FONT_FAMILY},
        "bgcolor": text.bg or "rgba(0,0,0,0)",
        "bordercolor": text.border or "rgba(0,0,0,0)",
        "borderwidth": 1 if text.border else 0,
        "borderpad": PAD,
        "opacity": FADED if faded else 1.0,
        "name": text.key,
    }
