"""District figures: drawn from the suppressed table, hidden cells as gaps, never their values."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from eska_network.districts import aggregates as districts
from eska_network.districts import chart_parts, choropleth, figures
from eska_network.districts.aggregates import (
    CHILDREN,
    COUNT_MEASURES,
    MEDIAN_MEASURES,
    TOTAL,
    AggregateTable,
)
from eska_network.districts.disclosure import suppress

from .summary_frames import random_summaries

LEGAL = "unmet_need:legal"
HIDDEN_SHARES = ("8.1", "26.8")
"""Legal unmet in A (3 of 37, fewer than 5) and B (11 of 41, hidden to protect A), in %."""


@pytest.fixture
def three_district_table():
    """Districts A, B, C; legal need unmet for 3, 11 and 20 children; housing for 0, 0 and 9."""
    counts = pd.DataFrame(0, index=["A", "B", "C"], columns=list(COUNT_MEASURES), dtype="int64")
    counts[CHILDREN] = [37, 41, 50]
    counts["weakest_link:family-community"] = [37, 41, 50]
    counts[LEGAL] = [3, 11, 20]
    counts["unmet_need:housing"] = [0, 0, 9]
    counts.loc[TOTAL] = counts.sum()
    medians = pd.DataFrame(2.0, index=counts.index, columns=list(MEDIAN_MEASURES))
    services = districts.service_table(
        pd.DataFrame(
            {
                "district": ["A", "C"],
                "name": ["LBH A", "Rumah Aman C"],
                "needs_served": ["legal", "legal"],
            }
        ),
        ["A", "B", "C"],
    )
    return AggregateTable("district", counts, medians, services)


@pytest.fixture
def three_district_shown(three_district_table):
    return suppress(three_district_table, k=5)


def figure_text(figure) -> str:
    """The figure's JSON without the template (whose many numbers belong to no table)."""
    content = figure.to_dict()
    content["layout"].pop("template", None)
    return json.dumps(content, default=str)


def no_hidden_value(figure, hidden=HIDDEN_SHARES) -> bool:
    text = figure_text(figure)
    return not any(value in text for value in hidden)


def test_the_fixture_hides_what_the_figures_must_not_show(three_district_shown):
    assert three_district_shown.display_shares()[LEGAL].tolist() == ["<5", "x", 40.0, 26.6]


def test_heatmap_greys_hidden_cells_with_the_reason_and_darkens_more_gap(three_district_shown):
    figure = figures.gap_heatmap(three_district_shown, measures=[LEGAL, "unmet_need:housing"])
    heatmap, grey = figure.data
    assert [row[0] for row in heatmap.z] == [None, None, 40.0, 26.6]
    assert [row[0] for row in heatmap.text] == ["", "", "40%", "26.6%"]
    assert "suppressed: fewer than 5 children" in heatmap.customdata[0][0]
    # Hidden cells are a grey layer of their own, never a value of the scale (never zero).
    assert [row[0] for row in grey.z] == [1, 1, None, None]
    assert {colour for _, colour in grey.colorscale} == {chart_parts.HIDDEN_FILL}
    # Sequential: 0 % is the lightest colour, the largest share the darkest.
    scale = figures.go.Heatmap(colorscale=chart_parts.HEATMAP_SCALE).colorscale
    assert heatmap.colorscale == scale and heatmap.zmin == 0
    lightest, darkest = scale[0][1], scale[-1][1]
    assert _luminance(lightest) > 0.9 > 0.2 > _luminance(darkest)
    assert no_hidden_value(figure)


def _luminance(colour: str) -> float:
    red, green, blue = (int(part) for part in colour[4:-1].split(","))
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_bars_put_no_bar_where_a_value_is_hidden(three_district_shown):
    figure = figures.comparison_bars(three_district_shown, ["A", "C"], [LEGAL])
    bars = {trace.name: trace for trace in figure.data if trace.type == "bar"}
    assert list(bars) == ["A", "suppressed", "C", "All districts"]
    assert bars["A"].y == (None,)
    assert bars["C"].y == (40.0,)
    # A hidden value is a hatched ghost bar as tall as the chart in A's place, never at zero.
    (ghost,) = [
        trace for trace in figure.data if trace.type == "bar" and trace.name == "suppressed"
    ]
    assert ghost.offsetgroup == bars["A"].offsetgroup
    assert ghost.y[0] >= 40.0 and ghost.marker.pattern.shape == "/"
    assert ghost.hovertext == ("A: suppressed: fewer than 5 children",)
    assert not [trace for trace in figure.data if trace.type == "scatter"]
    assert no_hidden_value(figure)


def test_bars_in_indonesian(three_district_shown):
    figure = figures.comparison_bars(three_district_shown, ["B"], [LEGAL], lang="id")
    assert figure.layout.yaxis.title.text == "% anak"
    (ghost,) = [trace for trace in figure.data if trace.name == "disembunyikan"]
    assert ghost.hovertext == ("B: disembunyikan untuk melindungi angka kecil",)


def test_trend_lines_break_where_a_quarter_is_hidden():
    trend_table = AggregateTable(
        "quarter",
        pd.DataFrame(
            {c: [0, 0, 0] for c in COUNT_MEASURES}, index=["2026-Q1", "2026-Q2", TOTAL]
        ).assign(children=[30, 40, 70], **{LEGAL: [3, 12, 15]}),
        pd.DataFrame(2.0, index=["2026-Q1", "2026-Q2", TOTAL], columns=list(MEDIAN_MEASURES)),
        pd.DataFrame(),
    )
    trend = suppress(trend_table, 5)
    figure = figures.trend_lines(trend, [LEGAL])
    line = figure.data[0]
    assert line.x == ("2026-Q1", "2026-Q2")
    # 3 of 37 is too few; 12 of 40 would give it away from the total of 15.
    assert line.y == (None, None) and line.connectgaps is False
    # The hidden quarters are grey bands with their reason, no point at zero.
    assert len(figure.layout.shapes) == 2
    (hover,) = figure.data[1:]
    assert hover.marker.opacity == 0 and 0 not in hover.y
    assert hover.hovertext[0] == "Unmet need: legal services: suppressed: fewer than 5 children"
    assert no_hidden_value(figure, ("8.1", "30.0", "30,", "30]"))


def test_services_chart_marks_an_unmet_need_with_no_service(three_district_shown):
    figure = figures.services_chart(three_district_shown, "C")
    bars = figure.data[0]
    housing = list(bars.y).index("safe housing")
    legal = list(bars.y).index("legal services")
    assert bars.marker.pattern.shape[housing] == "/"
    assert bars.marker.color[housing] == chart_parts.UNSERVED_COLOUR
    assert bars.marker.pattern.shape[legal] == ""
    assert "no service" in bars.text[housing]
    assert "Rumah Aman C" in bars.customdata[legal]


def test_services_chart_says_why_a_share_is_hidden(three_district_shown):
    figure = figures.services_chart(three_district_shown, "A")
    bars, words = figure.data
    legal = list(bars.y).index("legal services")
    assert bars.x[legal] is None
    assert words.y == ("legal services",)
    assert words.text == ("suppressed: fewer than 5 children · 1 service",)
    assert no_hidden_value(figure)


GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"NAME": name},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]],
            },
        }
        for x, name in enumerate(["a", "  c ", "Z"])
    ],
}


def test_choropleth_matches_names_and_reports_the_rest(three_district_shown):
    result = choropleth.district_choropleth(three_district_shown, GEOJSON, LEGAL, "NAME")
    assert result.unmatched_districts == ("B",)
    assert result.unmatched_features == ("Z",)
    shown, hidden = result.figure.data
    assert shown.locations == ("  c ",) and shown.z == (40.0,)
    assert hidden.locations == ("a",)
    assert hidden.text == ("A: suppressed: fewer than 5 children",)
    assert no_hidden_value(result.figure)
    # No map tiles from the internet, and the view fits the matched features (x from 0 to 2).
    assert result.figure.layout.map.style == "white-bg"
    assert result.figure.layout.map.center.lon == pytest.approx(1.0)


@pytest.mark.parametrize(
    "geojson, problem",
    [
        ({"type": "Feature"}, "FeatureCollection"),
        ({"type": "FeatureCollection", "features": [{"properties": {}}]}, "feature 1"),
    ],
)
def test_a_bad_geojson_is_refused_clearly(three_district_shown, geojson, problem):
    with pytest.raises(ValueError, match=problem):
        choropleth.district_choropleth(three_district_shown, geojson, LEGAL, "NAME")


def test_no_figure_holds_a_child_id():
    summaries = random_summaries(3, 300, 5)
    table = districts.district_table(summaries)
    shown = suppress(table, 5)
    chosen = shown.groups[:3]
    drawn = [
        figures.gap_heatmap(shown),
        figures.comparison_bars(shown, chosen),
        figures.services_chart(shown, chosen[0]),
        figures.trend_lines(suppress(districts.quarterly_trend(summaries), 5)),
    ]
    text = "".join(figure_text(figure) for figure in drawn)
    assert not any(child_id in text for child_id in summaries["child_id"])
