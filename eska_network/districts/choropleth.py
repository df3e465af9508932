"""The optional map of districts, drawn from the planner's own GeoJSON and the suppressed table.

Districts are matched to the GeoJSON's features by name; a hidden value is a grey district with
a hover that says why, never a colour of the scale. No map tiles are fetched: the background is
blank, only the user's outlines are drawn.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from eska_network.districts.aggregates import CHILDREN, TOTAL, measure_label
from eska_network.districts.cell_hiding import SHOWN
from eska_network.districts.chart_parts import (
    HEATMAP_SCALE,
    HIDDEN_FILL,
    HIDDEN_MARK,
    axis_title,
    figure_word,
    plotted_values,
    value_text,
)
from eska_network.districts.disclosure import SuppressedTable, hover_text
from eska_network.palette import CHART_TEMPLATE


@dataclass(frozen=True)
class ChoroplethResult:
    """The map, and the names on either side that did not match."""

    figure: go.Figure
    unmatched_districts: tuple[str, ...]
    """Districts of the table with no feature in the GeoJSON."""
    unmatched_features: tuple[str, ...]
    """Feature names of the GeoJSON that are no district of the table."""


def _name_key(name: str) -> str:
    return re.sub(r"\s+", " ", str(name)).strip().casefold()


def _feature_names(geojson: Mapping, name_property: str) -> list[str]:
    if not isinstance(geojson, Mapping) or geojson.get("type") != "FeatureCollection":
        raise ValueError("the GeoJSON must be a FeatureCollection")
    names = []
    for number, feature in enumerate(geojson.get("features") or [], start=1):
        properties = (feature.get("properties") if isinstance(feature, Mapping) else None) or {}
        if name_property not in properties:
            raise ValueError(f"feature {number} of the GeoJSON has no property {name_property!r}")
        names.append(str(properties[name_property]))
    return names


def _positions(coordinates) -> Iterator[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield float(coordinates[0]), float(coordinates[1])
    else:
        for part in coordinates or ():
            yield from _positions(part)


def _view(geojson: Mapping, names: set[str], name_property: str) -> dict:
    """Centre and zoom that fit the features named ``names``."""
    points = [
        point
        for feature in geojson["features"]
        if str(feature["properties"][name_property]) in names
        for point in _positions((feature.get("geometry") or {}).get("coordinates"))
    ]
    if not points:
        return {}
    longitudes, latitudes = zip(*points, strict=True)
    span = max(max(longitudes) - min(longitudes), max(latitudes) - min(latitudes), 1e-6)
    return {
        "center": {
            "lon": (min(longitudes) + max(longitudes)) / 2,
            "lat": (min(latitudes) + max(latitudes)) / 2,
        },
        # MapLibre draws 512 pixels per 360 degrees at zoom 0; this leaves a margin on ~600 pixels.
        "zoom": max(0.0, min(12.0, math.log2(360 / span))),
    }


def district_choropleth(
    suppressed: SuppressedTable,
    geojson: Mapping,
    measure: str,
    name_property: str = "name",
    lang: str = "en",
) -> ChoroplethResult:
    """A map of one measure when the user gives a GeoJSON FeatureCollection of their districts.

    Districts are matched to features by ``properties[name_property]``, ignoring case and extra
    spaces. Hidden values are drawn grey with a hover that says why; districts and features that
    do not match are reported in the result (ValueError when the GeoJSON is no FeatureCollection
    or a feature lacks the name property).
    """
    names = _feature_names(geojson, name_property)
    feature_by_key = {_name_key(name): name for name in names}
    values, statuses = plotted_values(suppressed, measure)
    shown_locations, shown_z, shown_text = [], [], []
    hidden_locations, hidden_text = [], []
    unmatched = []
    for index, group in enumerate(suppressed.counts.index):
        if group == TOTAL:
            continue
        feature = feature_by_key.get(_name_key(group))
        if feature is None:
            unmatched.append(group)
        elif statuses[index] == SHOWN:
            shown_locations.append(feature)
            shown_z.append(values[index])
            shown_text.append(f"{group}: {value_text(values[index], SHOWN, measure)}")
        else:
            hidden_locations.append(feature)
            hidden_text.append(f"{group}: {hover_text(statuses[index], suppressed.k, lang)}")
    matched = {_name_key(group) for group in suppressed.groups}
    unmatched_features = tuple(name for name in names if _name_key(name) not in matched)
    key = f"properties.{name_property}"
    figure = go.Figure()
    figure.add_choroplethmap(
        geojson=geojson,
        featureidkey=key,
        locations=shown_locations,
        z=shown_z,
        text=shown_text,
        hoverinfo="text",
        colorscale=HEATMAP_SCALE,
        zmin=0,
        zmax=None if measure == CHILDREN else 100,
        colorbar={"title": {"text": axis_title([measure], lang)}},
        name=measure_label(measure, lang),
    )
    if hidden_locations:
        figure.add_choroplethmap(
            geojson=geojson,
            featureidkey=key,
            locations=hidden_locations,
            z=[1] * len(hidden_locations),
            text=hidden_text,
            hoverinfo="text",
            colorscale=[[0, HIDDEN_FILL], [1, HIDDEN_FILL]],
            marker={"line": {"color": HIDDEN_MARK, "width": 1}},
            showscale=False,
            name=figure_word("suppressed", lang),
        )
    # A blank background: the map needs no tiles from the internet, only the user's GeoJSON.
    figure.update_layout(
        template=CHART_TEMPLATE,
        title=measure_label(measure, lang),
        map={
            "style": "white-bg",
            **_view(geojson, {*shown_locations, *hidden_locations}, name_property),
        },
    )
    return ChoroplethResult(figure, tuple(unmatched), unmatched_features)
