"""The case-conference child map: rings, role sectors, ecomap ties and every gap, in plotly.

:func:`child_map` builds the figure and never shows it. Everything a reader needs is in the figure
data: traces carry ``meta`` (``{"part": ..., ...}``) naming what they draw, ``layout.meta`` holds
the child's code, the date and the GAPS.md object, and hover text gives each member's and each
tie's details. Text from the data is escaped: plotly renders a small HTML subset in text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from eska_network.child_map import geometry
from eska_network.child_map import labels as map_labels
from eska_network.child_map.styles import (
    BASE_STYLES,
    LEVEL_SYMBOLS,
    MARK_STYLES,
    RING_FILL,
    RING_PATTERN,
    TIE_STYLES,
    tie_style,
    word,
)
from eska_network.domain import codes, gaps, network
from eska_network.domain.changes import Comparison, compare
from eska_network.domain.member_roles import role_label
from eska_network.domain.model import ChildSystem, Member, Tie
from eska_network.domain.pseudonyms import child_label, pseudonymise, pseudonyms
from eska_network.domain.whatif import ProposedTie, apply_proposals

FONT_SIZE = {False: 12, True: 17}
"""Base font size of the normal and the presentation figure (large type for a projector)."""
MAP_SIZE = {False: 820, True: 900}
LEGEND_WIDTH = {False: 330, True: 440}
"""Pixels for the map's square and for the legend on its right (plotly does not widen for it)."""
X_EXTENT = 1.42
Y_EXTENT = 1.3
"""Half the width and height of the map in map units (the outer ring has radius 1)."""
CHILD_SIZE = {False: 66, True: 78}
CHILD_RADIUS = 0.11
"""The child's disc, in map units: where the family band starts."""
RING_NAME_INSET = 0.035
SECTOR_NAME_INSET = 0.02
"""Sector names sit this far inside their band's outer (or inner) edge."""
"""A ring's name sits this far inside its band's outer edge."""
OUTER_MARGIN = 0.1
"""How far the institution band reaches beyond its members' ring."""
MEMBER_TIE_BEND = 0.12
"""Member-to-member ties bow sideways by this share of their length, off the child's radial ties."""


@dataclass(frozen=True)
class MapView:
    """What one map shows: the record as drawn (pseudonymised in presentation mode, with the
    proposals added), its date, the names of its ends and the comparison, if any.

    The gap list, the tables and the exports are built from the same view as the figure, so they
    show the same names.
    """

    system: ChildSystem
    as_of: dt.date | None
    lang: str
    presentation: bool
    labels: Mapping[str, str]
    proposed_pairs: frozenset[tuple[str, str]]
    comparison: Comparison | None


def child_map(
    system: ChildSystem,
    as_of: dt.date | None = None,
    *,
    lang: str = "en",
    presentation: bool = False,
    proposed: Iterable[ProposedTie] = (),
    compare_with: dt.date | None = None,
) -> go.Figure:
    """The child's support system as a map: rings, sectors, ties, gaps; a plain plotly figure.

    Parameters
    ----------
    system : ChildSystem
        The child's record.
    as_of : date, optional
        The date to draw (default: the latest assessment).
    lang : {"en", "id"}
        Language of every word on the figure.
    presentation : bool
        Presentation mode: role pseudonyms instead of labels, a neutral code for the child, large
        type (:func:`eska_network.domain.pseudonyms.pseudonymise`).
    proposed : iterable of ProposedTie
        What-if ties, drawn in their own style and counted in the gaps shown.
    compare_with : date, optional
        An earlier date: ties lost since then are drawn as faint ghosts, new ones with a halo,
        stronger and weaker ones with a triangle.

    Returns
    -------
    plotly.graph_objects.Figure

    Examples
    --------
    >>> from eska_network.domain.model import Child, Member, Tie
    >>> day = dt.date(2026, 3, 1)
    >>> system = ChildSystem(Child("C7", "Garut", 15), (Member("C7", "m", "Mother", "family"),),
    ...     (Tie("C7", "child", "m", 4, "supportive", day),))
    >>> figure = child_map(system)
    >>> [trace.customdata for trace in figure.data if trace.meta["part"] == "member"]
    [('m',), (), ()]
    >>> figure.layout.meta["gaps"]["levels"]["family"]
    {'status': 'ok', 'max_strength': 4}
    """
    view = map_view(
        system,
        as_of,
        lang=lang,
        presentation=presentation,
        proposed=proposed,
        compare_with=compare_with,
    )
    return child_map_from_view(view)


def child_map_from_view(view: MapView) -> go.Figure:
    """The figure of :func:`child_map` for a view already made (see :func:`map_view`)."""
    lang, presentation = view.lang, view.presentation
    result = map_gaps(view)
    plan = network.ring_plan(view.system)
    positions = {
        member: (float(x), float(y)) for member, (x, y) in network.ring_layout(view.system).items()
    }
    positions[codes.CHILD_NODE] = (0.0, 0.0)
    rings = _bands(plan)
    ties = [tie for tie in view.system.ties_as_of(view.as_of) if tie.strength >= 1]
    ties = [tie for tie in ties if tie.source in positions and tie.target in positions]
    levels = view.system.member_levels

    traces: list[go.Scatter] = []
    font = FONT_SIZE[presentation]
    annotations: list[dict] = []
    _add_rings(traces, annotations, plan, rings, positions, result, view, font)
    _add_sector_dividers(traces, plan, rings)
    _add_ties(traces, ties, positions, levels, view)
    _add_gap_marks(traces, annotations, ties, positions, rings, result, view, font)
    occupied = _add_members(traces, annotations, ties, positions, view, font)
    _add_sector_names(annotations, plan, rings, occupied, view, font, _scale(presentation))
    figure = go.Figure(data=traces)
    figure.update_layout(
        template="none",
        title={"text": _title(view), "x": 0.02, "font": {"size": font + 6}},
        font={"size": font, "family": "Arial, Helvetica, sans-serif"},
        showlegend=True,
        legend={
            "x": 1.0,
            "y": 1.0,
            "xanchor": "left",
            "groupclick": "togglegroup",
            "font": {"size": font - 1},
        },
        xaxis={"visible": False, "range": [-X_EXTENT, X_EXTENT], "fixedrange": True},
        yaxis={
            "visible": False,
            "range": [-Y_EXTENT, Y_EXTENT],
            "scaleanchor": "x",
            "scaleratio": 1,
            "fixedrange": True,
        },
        margin={"l": 10, "r": LEGEND_WIDTH[presentation], "t": 60, "b": 10},
        width=MAP_SIZE[presentation] + LEGEND_WIDTH[presentation] + 20,
        height=MAP_SIZE[presentation] + 70,
        hovermode="closest",
        hoverlabel={"font": {"size": font}},
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        annotations=annotations,
        meta={
            "child_id": view.system.child.child_id,
            "as_of": view.as_of.isoformat() if view.as_of else None,
            "lang": lang,
            "presentation": presentation,
            "compare_with": view.comparison.earlier.isoformat() if view.comparison else None,
            "gaps": result.to_json_dict(),
        },
    )
    return figure


LEGEND_ENTRY_WIDTH = 250
"""Pixels per legend entry when the legend sits under the map (two or three to a row)."""
BELOW_MAP_SHARE = 0.8
"""The map's height under :func:`legend_below`: a column beside a list is narrower than the map."""


def legend_below(figure: go.Figure) -> go.Figure:
    """The figure with its legend in rows under the map instead of beside it (a narrow column).

    The figure is no wider than the map and a little lower, so that in a column of about that
    width the map fills it; the legend's rows are added under it.
    """
    presentation = bool(figure.layout.meta["presentation"])
    font = figure.layout.font.size
    entries = sum(1 for trace in figure.data if trace.showlegend)
    legend_height = math.ceil(entries / 2) * int(font * 2.1) + 20
    map_height = int(MAP_SIZE[presentation] * BELOW_MAP_SHARE)
    figure.update_layout(
        legend={
            "orientation": "h",
            "x": 0.0,
            "y": 0.0,
            "xanchor": "left",
            "yanchor": "top",
            "entrywidth": LEGEND_ENTRY_WIDTH,
            "entrywidthmode": "pixels",
        },
        margin={"r": 10, "b": legend_height},
        width=MAP_SIZE[presentation] + 20,
        height=map_height + 70 + legend_height,
    )
    return figure


def map_view(
    system: ChildSystem,
    as_of: dt.date | None = None,
    *,
    lang: str = "en",
    presentation: bool = False,
    proposed: Iterable[ProposedTie] = (),
    compare_with: dt.date | None = None,
) -> MapView:
    """The view :func:`child_map` draws (same parameters); the page, tables and exports use it too.

    A proposal on a record with no assessment yet is dated ``compare_with`` or today.
    """
    proposed = tuple(proposed)
    day = as_of or system.latest_assessment()
    pairs = set()
    if proposed:
        day = day or compare_with or dt.date.today()
        system = apply_proposals(system, proposed, day)
        pairs = {tuple(sorted((p.other_end, p.member_id))) for p in proposed}
    if presentation:
        renamed = {old: new for old, (new, _) in pseudonyms(system, lang).items()}
        renamed[codes.CHILD_NODE] = codes.CHILD_NODE
        pairs = {tuple(sorted((renamed[a], renamed[b]))) for a, b in pairs}
        system = pseudonymise(system, lang)
    comparison = None
    if compare_with is not None and day is not None:
        comparison = compare(system, min(compare_with, day), max(compare_with, day))
    labels = {member.member_id: member.label for member in system.members}
    labels[codes.CHILD_NODE] = child_label(system.child.child_id, lang)
    return MapView(system, day, lang, presentation, labels, frozenset(pairs), comparison)


def map_gaps(view: MapView) -> gaps.ChildGaps:
    """The gaps of the record as the view draws it (:func:`eska_network.domain.gaps.child_gaps`)."""
    return gaps.child_gaps(view.system, view.as_of)


def gap_sentences(view: MapView) -> list[str]:
    """The gaps in plain sentences, most serious first, with the names the map shows."""
    return gaps.describe(map_gaps(view), view.lang, view.labels)


def _title(view: MapView) -> str:
    child = map_labels.escape_text(child_label(view.system.child.child_id, view.lang))
    parts = [word("title", view.lang, child=child)]
    if view.as_of:
        parts.append(word("as_of", view.lang, date=view.as_of.isoformat()))
    if view.comparison:
        parts.append(word("compare", view.lang, date=view.comparison.earlier.isoformat()))
    return ", ".join(parts)


# --- Bands around network's rings ---------------------------------------------------------------


def _scale(presentation: bool) -> float:
    """Pixels per map unit (the map's square is as wide as the x range, in both modes)."""
    return (MAP_SIZE[presentation] + 10) / (2 * X_EXTENT)


def _bands(plan: network.RingPlan) -> dict[str, tuple[float, float]]:
    """Each level's band as (inner radius, outer radius): its members' ring in the middle.

    Bands meet halfway between two rings; the family band starts at the child's disc and the
    institution band ends a little outside its ring, leaving room for the outer labels.
    """
    radii = [plan.ring(level).radius for level in codes.LEVELS]
    edges = [CHILD_RADIUS]
    edges += [(inner + outer) / 2 for inner, outer in zip(radii, radii[1:], strict=False)]
    edges.append(radii[-1] + min((radii[-1] - radii[-2]) / 2, OUTER_MARGIN))
    return {level: (edges[i], edges[i + 1]) for i, level in enumerate(codes.LEVELS)}


# --- Rings and sectors ----------------------------------------------------------------------------


def _add_rings(
    traces, annotations, plan, rings, positions, result, view: MapView, font: int
) -> None:
    shown_legend = set()
    member_angles = [geometry.angle_of(p) for m, p in positions.items() if m != codes.CHILD_NODE]
    name_angles = _ring_name_angles(plan, positions)
    for level in codes.LEVELS:
        inner, outer = rings[level]
        state = result.levels[level]
        status = state.status
        band = geometry.circle(outer) + list(reversed(geometry.circle(inner)))
        pattern = RING_PATTERN[status]
        legend_key = f"ring_{status}"
        show = status != "ok" and legend_key not in shown_legend
        shown_legend.add(legend_key)
        traces.append(
            go.Scatter(
                x=[round(x, 5) for x, _ in band],
                y=[round(y, 5) for _, y in band],
                mode="lines",
                fill="toself",
                fillcolor=RING_FILL[status],
                fillpattern={"shape": pattern, "fgcolor": "#A8A8A8", "size": 8, "solidity": 0.14}
                if pattern
                else None,
                line={"width": 0},
                hoverinfo="skip",
                name=word(f"ring_{status}_legend", view.lang) if status != "ok" else level,
                legendgroup=legend_key,
                showlegend=show,
                meta={"part": "ring", "level": level, "status": status},
            )
        )
        circle = geometry.circle(outer)
        traces.append(
            go.Scatter(
                x=[round(x, 5) for x, _ in circle],
                y=[round(y, 5) for _, y in circle],
                mode="lines",
                line={"color": "#6E6E6E", "width": 1.2},
                hoverinfo="skip",
                showlegend=False,
                meta={"part": "ring_edge", "level": level},
            )
        )
        name = codes.LEVELS.label(level, view.lang).upper()
        if status == "weak":
            name += " — " + word("ring_weak", view.lang, value=state.max_strength)
        name_angle = name_angles[level]
        x, y = geometry.polar(outer - RING_NAME_INSET, name_angle)
        annotations.append(
            {
                "x": round(x, 5),
                "y": round(y, 5),
                "text": f"<b>{map_labels.escape_text(name)}</b>",
                "showarrow": False,
                "font": {"size": font, "color": "#333333"},
                "bgcolor": "rgba(255,255,255,0.85)",
                "name": f"ring:{level}",
            }
        )
        if status == "absent":
            taken = [*member_angles, name_angle]
            angle = geometry.free_angle(taken, -math.pi / 2, _along_band_angles())
            x, y = geometry.polar((inner + outer) / 2, angle)
            annotations.append(
                {
                    "x": round(x, 5),
                    "y": round(y, 5),
                    "text": f"<b>{map_labels.escape_text(_absent_note(level, view.lang))}</b>",
                    "showarrow": False,
                    "font": {"size": font + 2, "color": "#000000"},
                    "bgcolor": "rgba(255,255,255,0.9)",
                    "bordercolor": "#000000",
                    "borderwidth": 1,
                    "name": f"absent:{level}",
                }
            )


def _along_band_angles() -> list[float]:
    """Angles near the top and the bottom, where a horizontal text runs along its band."""
    return [
        math.radians(centre + offset)
        for step in range(0, 36, 5)
        for centre in (90, 270)
        for offset in ((step, -step) if step else (0,))
    ]


def _ring_name_angles(plan: network.RingPlan, positions) -> dict[str, float]:
    """Where each ring's name goes along its band: near the top or the bottom (where the words
    run along the band), away from the ring's members, the next ring's members and the ring's
    sector names."""
    candidates = _along_band_angles()
    angles = {}
    levels = list(codes.LEVELS)
    for i, level in enumerate(levels):
        near = levels[i : i + 2]
        taken = [
            geometry.angle_of(positions[member])
            for ring in plan.rings
            if ring.level in near
            for sector in ring.sectors
            for member in sector.members
            if member in positions
        ]
        taken += [(s.start + s.end) / 2 for s in plan.ring(level).sectors]
        angles[level] = geometry.free_angle(taken, math.pi / 2, candidates)
    return angles


def _absent_note(level: str, lang: str) -> str:
    return word("absent_note", lang, level=codes.LEVELS.label(level, lang))


def _add_sector_dividers(traces, plan: network.RingPlan, rings) -> None:
    dividers = []
    for ring in plan.rings:
        inner, outer = rings[ring.level]
        for sector in ring.sectors:
            if sector.end - sector.start < 2 * math.pi - 1e-6:
                dividers.append(
                    [geometry.polar(inner, sector.start), geometry.polar(outer, sector.start)]
                )
    xs, ys = geometry.xy_lists(dividers)
    traces.append(
        go.Scatter(
            x=xs or [None],
            y=ys or [None],
            mode="lines",
            line={"color": "#9A9A9A", "width": 1, "dash": "dot"},
            hoverinfo="skip",
            showlegend=False,
            meta={"part": "sector_dividers"},
        )
    )


def _add_sector_names(annotations, plan, rings, occupied, view: MapView, font, scale) -> None:
    """Name each sector by its role along its band's outer edge, or its inner edge when a
    member's label is in the way there (member labels matter more)."""

    def name(level: str, role: str | None, radius: float, angle: float) -> dict:
        x, y = geometry.polar(radius, angle)
        return {
            "x": round(x, 5),
            "y": round(y, 5),
            "text": f"<i>{map_labels.escape_text(role_label(role, view.lang))}</i>",
            "showarrow": False,
            "font": {"size": font - 1, "color": "#3C3C3C"},
            "textangle": round(_reading_angle(angle), 2),
            "name": f"sector:{level}:{role or ''}",
        }

    for ring in plan.rings:
        inner, outer = rings[ring.level]
        for sector in ring.sectors:
            middle = (sector.start + sector.end) / 2
            candidates = [
                name(ring.level, sector.role, radius, middle)
                for radius in (
                    outer - SECTOR_NAME_INSET,
                    max(inner + SECTOR_NAME_INSET, CHILD_RADIUS + 0.09),
                )
            ]
            # The edge where the name covers the least of the labels (often nothing).
            annotations.append(
                min(
                    candidates,
                    key=lambda candidate: sum(
                        map_labels.overlap(map_labels.annotation_box(candidate, font, scale), box)
                        for box in occupied
                    ),
                )
            )


def _reading_angle(angle: float) -> float:
    """The text angle (degrees, clockwise) that lays a sector label along its ring, upright."""
    degrees = math.degrees(angle) - 90
    degrees = (degrees + 180) % 360 - 180
    if degrees > 90:
        degrees -= 180
    elif degrees < -90:
        degrees += 180
    return -degrees


# --- Ties ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Drawn:
    tie: Tie
    path: tuple[geometry.Point, ...]
    between_levels: bool


def _drawn_ties(ties, positions, levels) -> list[_Drawn]:
    drawn = []
    for tie in ties:
        start, end = geometry.shorten(positions[tie.source], positions[tie.target], 0.025)
        bend = 0.0 if tie.is_child_tie else MEMBER_TIE_BEND
        between = (
            not tie.is_child_tie
            and tie.source in levels
            and tie.target in levels
            and levels[tie.source] != levels[tie.target]
        )
        drawn.append(_Drawn(tie, tuple(geometry.tie_path(start, end, bend)), between))
    return drawn


def _add_ties(traces, ties, positions, levels, view: MapView) -> None:
    drawn = _drawn_ties(ties, positions, levels)
    date = view.comparison.earlier.isoformat() if view.comparison else ""
    underlays = [("between_levels", [d for d in drawn if d.between_levels])]
    if view.comparison:
        gained = {change.pair for change in view.comparison.gained}
        underlays.append(("gained", [d for d in drawn if d.tie.pair in gained]))
    for key, selected in underlays:
        if selected or key == "gained":
            _tie_trace(traces, key, [d.path for d in selected], view.lang, date)
    if view.comparison:
        ghosts = []
        for change in view.comparison.lost:
            source, target = change.before.source, change.before.target
            if source in positions and target in positions:
                start, end = geometry.shorten(positions[source], positions[target], 0.025)
                bend = 0.0 if change.before.is_child_tie else MEMBER_TIE_BEND
                ghosts.append(geometry.tie_path(start, end, bend))
        _tie_trace(traces, "lost", ghosts, view.lang, date)
    by_style: dict[str, list] = {key: [] for key in (*BASE_STYLES, "exploitative", "proposed")}
    for d in drawn:
        key = (
            "proposed"
            if d.tie.pair in view.proposed_pairs
            else tie_style(d.tie.strength, d.tie.valence)
        )
        by_style[key].append(geometry.jagged(d.path) if TIE_STYLES[key].jagged else list(d.path))
    for key, paths in by_style.items():
        if key in BASE_STYLES or paths:
            _tie_trace(traces, key, paths, view.lang, date)
    _tie_hover(traces, drawn, view)


def _tie_trace(traces, key: str, paths, lang: str, date: str) -> None:
    style = TIE_STYLES[key]
    xs, ys = geometry.xy_lists(paths)
    traces.append(
        go.Scatter(
            x=xs or [None],
            y=ys or [None],
            mode="lines",
            line={"color": style.color, "width": style.width, "dash": style.dash},
            opacity=style.opacity,
            hoverinfo="skip",
            name=style.name(lang).format(date=date),
            legendgroup=f"tie:{key}",
            showlegend=True,
            meta={"part": "ties", "style": key, "count": len(paths)},
        )
    )


def _tie_hover(traces, drawn: Sequence[_Drawn], view: MapView) -> None:
    xs, ys, texts, ends = [], [], [], []
    for d in drawn:
        x, y = geometry.point_along(d.path, 0.5)
        xs.append(round(x, 5))
        ys.append(round(y, 5))
        texts.append(
            tie_hover_text(d.tie, view.labels, view.lang, d.tie.pair in view.proposed_pairs)
        )
        ends.append([d.tie.source, d.tie.target])
    traces.append(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            marker={"size": 14, "color": "#000000", "opacity": 0},
            hovertext=texts,
            hoverinfo="text",
            customdata=ends,
            showlegend=False,
            name="tie details",
            meta={"part": "tie_hover"},
        )
    )


def tie_hover_text(
    tie: Tie, labels: Mapping[str, str], lang: str = "en", proposed: bool = False
) -> str:
    """The hover text of one tie: its ends, strength, valence, what it gives, its dates."""
    lines = [f"<b>{_name(tie.source, labels)} – {_name(tie.target, labels)}</b>"]
    lines.append(
        word("strength", lang, value=tie.strength) + ", " + codes.VALENCES.label(tie.valence, lang)
    )
    for key, vocabulary in (
        ("support_types", codes.SUPPORT_TYPES),
        ("functions", codes.FUNCTIONS),
        ("needs_met", codes.NEEDS),
    ):
        listed = getattr(tie, key)
        names = ", ".join(vocabulary.label(code, lang) for code in vocabulary.sort(listed))
        lines.append(f"{word(key, lang)}: {names or word('none', lang)}")
    lines.append(f"{word('assessed_on', lang)}: {tie.assessed_on.isoformat()}")
    contact = tie.last_contact.isoformat() if tie.last_contact else word("not_recorded", lang)
    lines.append(f"{word('last_contact', lang)}: {contact}")
    if proposed:
        lines.append(f"<i>{word('proposed', lang)}</i>")
    return "<br>".join(lines)


def _name(member_id: str, labels: Mapping[str, str]) -> str:
    return map_labels.escape_text(labels.get(member_id, member_id))


# --- Gap marks -----------------------------------------------------------------------------------


def _add_gap_marks(traces, annotations, ties, positions, rings, result, view, font) -> None:
    levels = view.system.member_levels
    drawn = {d.tie.pair: d for d in _drawn_ties(ties, positions, levels)}
    by_ends = {(d.tie.source, d.tie.target): d for d in drawn.values()}

    spof_points, spof_texts = [], []
    for pair, ends in sorted(result.sole_links.items()):
        d = by_ends.get(tuple(ends))
        if d is not None:
            spof_points.append(geometry.point_along(d.path, 0.5))
            spof_texts.append(
                word("spof", view.lang, pair=codes.LEVEL_PAIRS.label(pair, view.lang))
            )
    _mark_trace(traces, "single_point_of_failure", spof_points, spof_texts, view)

    stale_points, stale_texts = [], []
    for ends in result.stale_ties:
        d = by_ends.get(tuple(ends))
        if d is not None:
            stale_points.append(geometry.point_along(d.path, 0.72))
            stale_texts.append(word("stale", view.lang))
    _mark_trace(traces, "stale", stale_points, stale_texts, view)

    _add_weakest_link(traces, annotations, rings, positions, result, drawn, levels, view, font)

    if view.comparison:
        date = view.comparison.earlier.isoformat()
        for kind in ("strengthened", "weakened"):
            points, texts = [], []
            for change in view.comparison.of_kind(kind):
                d = drawn.get(change.pair)
                if d is not None:
                    points.append(geometry.point_along(d.path, 0.35))
                    texts.append(
                        word(
                            kind,
                            view.lang,
                            date=date,
                            old=change.from_strength,
                            new=change.to_strength,
                        )
                    )
            _mark_trace(traces, kind, points, texts, view, date=date, always=True)


def _mark_trace(traces, key, points, texts, view, date="", always=False) -> None:
    if not points and not always:
        return
    mark = MARK_STYLES[key]
    traces.append(
        go.Scatter(
            x=[round(x, 5) for x, _ in points] or [None],
            y=[round(y, 5) for _, y in points] or [None],
            mode="markers",
            marker={
                "symbol": mark.symbol,
                "size": mark.size,
                "color": mark.color,
                "line": {"width": 2.5, "color": mark.color},
            },
            hovertext=texts or None,
            hoverinfo="text" if texts else "skip",
            name=mark.name(view.lang).format(date=date),
            legendgroup=f"mark:{key}",
            showlegend=True,
            meta={"part": "mark", "mark": key, "count": len(points)},
        )
    )


def _add_weakest_link(
    traces, annotations, rings, positions, result, drawn, levels, view, font
) -> None:
    """Mark the weakest link between levels: its strongest tie, or a gap between the two rings."""
    pair = result.weakest_link
    strength = result.inter_level[pair]
    level_a, level_b = pair.split("-")
    pair_name = codes.LEVEL_PAIRS.label(pair, view.lang)
    detail = (
        word("link_strength", view.lang, value=strength) if strength else word("no_link", view.lang)
    )
    text = word("weakest_link", view.lang, pair=pair_name) + f" ({detail})"
    candidates = [
        d
        for d in drawn.values()
        if d.between_levels
        and d.tie.is_active_supportive
        and {levels[d.tie.source], levels[d.tie.target]} == {level_a, level_b}
        and d.tie.strength == strength
    ]
    ends = None
    if candidates:
        # Off the middle of the tie, where a single point of failure has its own mark.
        ax, ay = geometry.point_along(candidates[0].path, 0.36)
        ends = [candidates[0].tie.source, candidates[0].tie.target]
    else:
        # No tie joins the two levels: mark the empty space between their rings (for family and
        # institutions, the community ring between them) where no member sits.
        if pair == "family-institution":
            radius = sum(rings["community"]) / 2
        else:
            radius = (rings[level_a][1] + rings[level_b][0]) / 2
        taken = [geometry.angle_of(p) for m, p in positions.items() if m != codes.CHILD_NODE]
        along = [
            geometry.point_along(d.path, step / 40) for d in drawn.values() for step in range(41)
        ]
        taken += [geometry.angle_of(p) for p in along if abs(math.hypot(*p) - radius) < 0.05]
        ax, ay = geometry.polar(radius, geometry.free_angle(taken, -math.pi / 2 - 0.5))
    mark = MARK_STYLES["weakest_link"]
    traces.append(
        go.Scatter(
            x=[round(ax, 5)],
            y=[round(ay, 5)],
            mode="markers",
            marker={
                "symbol": mark.symbol,
                "size": mark.size,
                "color": mark.color,
                "line": {"width": 3, "color": mark.color},
            },
            hovertext=[map_labels.escape_text(text)],
            hoverinfo="text",
            name=mark.name(view.lang),
            legendgroup="mark:weakest_link",
            showlegend=True,
            meta={
                "part": "mark",
                "mark": "weakest_link",
                "pair": pair,
                "strength": strength,
                "tie": ends,
            },
        )
    )
    # The words sit above or below the rings, on the mark's side, with an arrow to the mark.
    tx, ty = min(max(ax, -0.45), 0.45), (1 if ay > 0 else -1) * (Y_EXTENT - 0.08)
    annotations.append(
        {
            "x": round(ax, 5),
            "y": round(ay, 5),
            "ax": round(tx, 5),
            "ay": round(ty, 5),
            "axref": "x",
            "ayref": "y",
            "text": map_labels.escape_text(text),
            "showarrow": True,
            "arrowhead": 2,
            "arrowwidth": 1.5,
            "arrowcolor": mark.color,
            "font": {"size": font - 1, "color": "#000000"},
            "bgcolor": "rgba(255,255,255,0.95)",
            "bordercolor": mark.color,
            "borderwidth": 1.5,
            "name": f"weakest_link:{pair}",
        }
    )


# --- Members -------------------------------------------------------------------------------------


def _add_members(
    traces, annotations, ties, positions, view: MapView, font: int
) -> list[map_labels.Box]:
    """Draw the members and the child; return the pixel boxes their markers and labels take."""
    tie_lines = _member_tie_lines(ties, view)
    marker_size = 19 if view.presentation else 15
    shown = [m for m in view.system.members if m.member_id in positions]
    scale = _scale(view.presentation)
    # Labels keep off the names of the rings and the notes already on the map.
    reserved = [
        map_labels.annotation_box(a, font, scale)
        for a in annotations
        if a["name"].startswith(("ring:", "absent:"))
    ]
    width, height = X_EXTENT * scale, Y_EXTENT * scale
    places = map_labels.place_labels(
        shown,
        positions,
        marker_size,
        CHILD_SIZE[view.presentation],
        font,
        scale,
        reserved,
        bounds=(-width, -height, width, height),
    )
    child_half = CHILD_SIZE[view.presentation] / 2
    occupied: list[map_labels.Box] = [(-child_half, -child_half, child_half, child_half)]
    for level in codes.LEVELS:
        members = sorted(
            (m for m in view.system.members if m.level == level and m.member_id in positions),
            key=lambda m: m.member_id,
        )
        xs, ys, hovers, ids = [], [], [], []
        for member in members:
            x, y = positions[member.member_id]
            xs.append(round(x, 5))
            ys.append(round(y, 5))
            hovers.append(member_hover_text(member, tie_lines.get(member.member_id, []), view.lang))
            ids.append(member.member_id)
            annotations.append(_label_annotation(member, x, y, places[member.member_id], font))
            size = map_labels.text_size(map_labels.wrap_label(member.label), font)
            occupied.append(
                map_labels.label_box(x * scale, y * scale, places[member.member_id], size)
            )
            half = marker_size / 2
            occupied.append(
                (x * scale - half, y * scale - half, x * scale + half, y * scale + half)
            )
        traces.append(
            go.Scatter(
                x=xs or [None],
                y=ys or [None],
                mode="markers",
                marker={
                    "symbol": LEVEL_SYMBOLS[level],
                    "size": marker_size,
                    "color": "#FFFFFF",
                    "line": {"width": 2, "color": "#000000"},
                },
                hovertext=hovers,
                hoverinfo="text",
                customdata=ids,
                name=codes.LEVELS.label(level, view.lang),
                legendgroup=f"member:{level}",
                showlegend=bool(members),
                meta={"part": "member", "level": level},
            )
        )
    child = view.labels[codes.CHILD_NODE]
    child_ties = tie_lines.get(codes.CHILD_NODE, [])
    traces.append(
        go.Scatter(
            x=[0.0],
            y=[0.0],
            mode="markers+text",
            marker={
                "symbol": "circle",
                "size": CHILD_SIZE[view.presentation],
                "color": "#FFFFFF",
                "line": {"width": 3, "color": "#000000"},
            },
            text=[f"<b>{map_labels.wrap_label(child, 9)}</b>"],
            textposition="middle center",
            textfont={"size": font},
            hovertext=[f"<b>{map_labels.escape_text(child)}</b><br>" + "<br>".join(child_ties)],
            hoverinfo="text",
            customdata=[codes.CHILD_NODE],
            showlegend=False,
            name=map_labels.escape_text(child),
            meta={"part": "child"},
        )
    )
    return occupied


def _label_annotation(
    member: Member, x: float, y: float, place: map_labels.LabelPlace, font: int
) -> dict:
    """A member's label beside its marker, on a white ground."""
    return {
        "x": round(x, 5),
        "y": round(y, 5),
        "text": map_labels.wrap_label(member.label),
        "showarrow": False,
        "xanchor": place.xanchor,
        "yanchor": place.yanchor,
        "xshift": place.xshift,
        "yshift": place.yshift,
        "align": {"left": "left", "right": "right"}.get(place.xanchor, "center"),
        "font": {"size": font, "color": "#000000"},
        "bgcolor": "rgba(255,255,255,0.8)",
        "borderpad": 1,
        "name": f"label:{member.member_id}",
    }


def _member_tie_lines(ties: Sequence[Tie], view: MapView) -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    for tie in ties:
        for end, other in ((tie.source, tie.target), (tie.target, tie.source)):
            lines.setdefault(end, []).append(
                f"• {_name(other, view.labels)}: {tie.strength}/5, "
                f"{codes.VALENCES.label(tie.valence, view.lang)}"
            )
    return lines


def member_hover_text(member: Member, tie_lines: Sequence[str], lang: str = "en") -> str:
    """The hover text of one member: label, level, role and its ties."""
    lines = [
        f"<b>{map_labels.escape_text(member.label)}</b>",
        f"{word('level', lang)}: {codes.LEVELS.label(member.level, lang)}",
        f"{word('role', lang)}: {map_labels.escape_text(role_label(member.role, lang))}",
        f"{word('ties', lang)}:",
        *(tie_lines or [word("no_ties", lang)]),
    ]
    return "<br>".join(lines)
