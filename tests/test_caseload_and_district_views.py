"""What the caseload and district pages read: access checks, freshness, suppression, exports."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eska_network.caseload import ranking
from eska_network.districts import aggregates as districts
from eska_network.districts import disclosure, geojson
from eska_network.districts import display as district_display
from eska_network.domain.model import Child, Dataset, Member, Resource, Tie
from eska_network.services import access, district_views
from eska_network.services import caseload as caseload_service
from eska_network.services.access import AccessDenied
from eska_network.store import version

from .access_fixtures import ASSIGNMENTS, ENGINES, audit_rows, empty_store, fill_agency, principal
from .summary_frames import random_summaries, summaries_table, summary

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(params=ENGINES)
def agency_store(request, tmp_path):
    """The agency of access_fixtures: C1, C2 (cw_ani), C3 (cw_budi), C4 (cw_citra), each engine."""
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        yield store


def _district_dataset(sizes: dict[str, int]) -> Dataset:
    """Children with one institution tie each, ``sizes`` per district; legal aid only in D1."""
    children, members, ties = [], [], []
    for district, size in sizes.items():
        for number in range(size):
            child_id = f"{district}-{number:03d}"
            children.append(Child(child_id, district, 14, caseworker="cw_ani", needs=("legal",)))
            members.append(Member(child_id, "ngo", "NGO", "institution", "ngo"))
            ties.append(Tie(child_id, "child", "ngo", 3, "supportive", dt.date(2026, 2, 1)))
    resources = [Resource("R1", "D1", "LBH D1", "institution", ("legal",), "ngo")]
    return Dataset.from_objects(children=children, members=members, ties=ties, resources=resources)


def test_a_supervisor_sees_the_team_and_a_caseworker_their_own(agency_store):
    supervisor = caseload_service.caseload_view(
        agency_store, principal(agency_store, "supervisor"), TODAY
    )
    caseworker = caseload_service.caseload_view(
        agency_store, principal(agency_store, "caseworker"), TODAY
    )
    assert sorted(supervisor["child_id"]) == ["C1", "C2", "C3"]
    assert sorted(caseworker["child_id"]) == ["C1", "C2"]
    assert supervisor["rank"].tolist() == [1, 2, 3]
    assert list(caseworker.columns) == list(ranking.COLUMNS)


@pytest.mark.parametrize("role", ["planner", "auditor", "admin"])
def test_roles_without_a_caseload_are_refused_and_audited(agency_store, role):
    with pytest.raises(AccessDenied):
        caseload_service.caseload_view(agency_store, principal(agency_store, role), TODAY)
    last = audit_rows(agency_store)[-1]
    assert (last["action"], last["detail"]) == ("refusal", "view_caseload")


def test_a_reassignment_shows_at_once_even_from_a_cached_scoring(agency_store):
    supervisor = principal(agency_store, "supervisor")
    scored = caseload_service.scored_caseload(agency_store, supervisor, TODAY)
    access.reassign(agency_store, access.operator(), "C3", "cw_ani")
    access.reassign(agency_store, access.operator(), "C1", "cw_citra")
    table = caseload_service.caseload_view(agency_store, supervisor, TODAY, scored=scored)
    assert dict(zip(table["child_id"], table["caseworker"], strict=True)) == {
        "C2": "cw_ani",
        "C3": "cw_ani",
    }


def test_a_scoring_holds_only_the_children_its_user_may_see(agency_store):
    caseworker = principal(agency_store, "caseworker")
    scored = caseload_service.scored_caseload(agency_store, caseworker, TODAY)
    mine = access.visible_child_ids(agency_store, caseworker)
    assert sorted(scored["child_id"]) == mine and 0 < len(mine) < 4
    for role in ("planner", "auditor", "admin"):
        assert caseload_service.scored_caseload(
            agency_store, principal(agency_store, role), TODAY
        ).empty
    # A child moved away from the caseworker leaves a cached scoring at once.
    access.reassign(agency_store, access.operator(), mine[0], "cw_citra")
    table = caseload_service.caseload_view(agency_store, caseworker, TODAY, scored=scored)
    assert mine[0] not in set(table["child_id"])


def test_the_reasons_are_read_only_for_the_rows_shown(agency_store, monkeypatch):
    from eska_network.store import scores

    table = caseload_service.caseload_view(
        agency_store, principal(agency_store, "supervisor"), TODAY
    )
    # Scoring and ranking read no reasons: a text per child is what made 100,000 children slow.
    assert table["reasons"].isna().all() and table["chips"].isna().all()
    asked: list[list[str]] = []
    real = scores.read_texts

    def counted(connection, child_ids, lang):
        asked.append(list(child_ids))
        return real(connection, child_ids, lang)

    monkeypatch.setattr(scores, "read_texts", counted)
    shown = caseload_service.with_texts(agency_store, table.head(2), "id")
    assert asked == [table["child_id"].head(2).tolist()]
    whole = ranking.caseload_table(
        caseload_service.with_children(agency_store), None, TODAY, "id"
    ).set_index("child_id")
    for row in shown.itertuples():
        assert row.reasons == whole.at[row.child_id, "reasons"]
        assert row.chips == whole.at[row.child_id, "chips"]
    assert caseload_service.with_texts(agency_store, shown) is shown  # nothing left to read
    assert len(asked) == 1


def test_the_data_version_changes_with_an_import_and_not_with_a_view(agency_store):
    before = version.data_version(agency_store)
    caseload_service.caseload_view(agency_store, principal(agency_store, "supervisor"), TODAY)
    assert version.data_version(agency_store) == before
    agency_store.import_dataset(Dataset.from_objects(children=[Child("C5", "Kota Contoh", 9)]))
    assert version.data_version(agency_store) != before


def test_the_caseload_export_is_escaped_and_audited_as_a_child_export(agency_store):
    table = pd.DataFrame(
        {
            **{column: [1] for column in ranking.COLUMNS},
            "child_id": ["C1"],
            "reasons": ['=HYPERLINK("http://x")'],
            "caseworker": ["@cw"],
            "district": ["-Kota"],
            "as_of": [pd.Timestamp("2026-03-01")],
        }
    )
    text = caseload_service.caseload_csv(table)
    exported = pd.read_csv(io.StringIO(text))
    assert exported[ranking.heading("reasons")].tolist() == ['\'=HYPERLINK("http://x")']
    assert exported[ranking.heading("caseworker")].tolist() == ["'@cw"]
    assert exported[ranking.heading("district")].tolist() == ["'-Kota"]
    assert list(exported.columns) == [
        ranking.heading(c) for c in caseload_service.CASELOAD_EXPORTED
    ]
    caseload_service.record_caseload_export(agency_store, principal(agency_store, "supervisor"), 1)
    last = audit_rows(agency_store)[-1]
    assert (last["action"], last["outcome"], last["child_id"]) == ("export", "success", None)
    assert last["detail"] == "export_child: caseload CSV, 1 children"
    with pytest.raises(AccessDenied):
        caseload_service.record_caseload_export(agency_store, principal(agency_store, "planner"), 1)


def test_caseload_gap_counts_count_children_per_kind():
    table = ranking.caseload_table(
        summaries_table(
            [
                summary(child_id="C1", unmet_needs="legal"),
                summary(child_id="C2", unmet_needs="housing", stale_ties=1),
                summary(child_id="C3"),
            ],
            district=["A"] * 3,
            caseworker=["ani"] * 3,
        ),
        None,
        TODAY,
    )
    counts = caseload_service.caseload_gap_counts(table)
    assert counts["unmet_need"] == 2 and counts["stale_tie"] == 1 and counts["level_absent"] == 0
    assert list(counts.index) == list(ranking.GAP_KINDS)


NEXT_PERIOD = access.utc_now() + dt.timedelta(days=62)
"""A time whose last complete period holds what a test saves now (published figures lag)."""


@pytest.fixture
def unrounded(monkeypatch):
    monkeypatch.setenv("ESKA_ROUNDING", "1")


def test_district_aggregates_are_suppressed_and_hold_no_child_id(agency_store, unrounded):
    store = agency_store
    store.import_dataset(_district_dataset({"D1": 12, "D2": 7, "D3": 3}))
    planner = principal(store, "planner")
    table = district_views.district_aggregates(store, planner, k=5, now=NEXT_PERIOD)
    assert table.groups == ["D1", "D2", "D3", "Kota Contoh"]
    shown = disclosure.to_export(table).to_csv()
    assert not any(child in shown for child in ("D1-000", "D3-002", *ASSIGNMENTS))
    assert table.display_counts().at["D3", "children"] == "<5"
    unserved = district_display.unserved_display(table)
    assert unserved.values.tolist() == [["D2", "legal services", "100.0%"]]
    assert district_display.some_too_small(table)
    assert district_display.all_too_small(table, ["D3", "Kota Contoh"])
    assert not district_display.all_too_small(table, ["D3", "D2"])
    assert district_display.default_districts(table, 2) == ["D1", "D2"]
    with pytest.raises(AccessDenied):
        district_views.district_aggregates(store, principal(store, "caseworker"))
    with pytest.raises(AccessDenied):
        district_views.quarterly_aggregates(store, principal(store, "admin"))


def test_too_few_children_in_the_store_give_only_that_fact(agency_store):
    planner = principal(agency_store, "planner")
    assert district_views.district_aggregates(agency_store, planner) == disclosure.TooFewChildren(5)


def test_the_quarterly_trend_counts_children_per_quarter(agency_store, unrounded):
    store = agency_store
    store.import_dataset(_district_dataset({"D1": 6, "D2": 6}))
    trend = district_views.quarterly_aggregates(
        store, principal(store, "planner"), k=5, now=NEXT_PERIOD
    )
    assert trend.groups == ["2026-Q1"]
    assert trend.display_counts().at["2026-Q1", "children"] == 12


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**16), k=st.integers(2, 12))
def test_the_display_of_an_aggregate_table_shows_no_count_below_k(seed, k):
    summaries = random_summaries(seed, 120, 9)
    table = disclosure.suppress(districts.district_table(summaries), k)
    shown = district_display.aggregate_display(disclosure.to_export(table), "id")
    counted = [c for c in shown.columns if c.endswith("(n)") or c == "children"]
    for cell in shown[counted].to_numpy().ravel():
        text = str(cell).replace(".", "")
        assert not (text.isdigit() and 0 < int(text) < k), cell


def test_numbers_are_written_in_the_style_of_each_language():
    table = pd.DataFrame({"District": ["A"], "n": [123456], "%": [12.25], "m": ["<5"]})
    assert district_display.aggregate_display(table, "en").values.tolist() == [
        ["A", "123,456", "12.2", "<5"]
    ]
    assert district_display.aggregate_display(table, "id").values.tolist() == [
        ["A", "123.456", "12,2", "<5"]
    ]


def _collection(features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}


def test_a_geojson_is_checked_by_size_and_content():
    good = _collection([{"type": "Feature", "properties": {"name": "A"}, "geometry": SQUARE}])
    assert geojson.read_geojson(good)["features"][0]["properties"] == {"name": "A"}
    with pytest.raises(ValueError, match="at most"):
        geojson.read_geojson(good, max_bytes=10)
    with pytest.raises(ValueError, match="not GeoJSON text"):
        geojson.read_geojson(b"\xff\xfe<svg/>")
    with pytest.raises(ValueError, match="not a GeoJSON FeatureCollection"):
        geojson.read_geojson(b'{"type": "Feature"}')
    with pytest.raises(ValueError, match="holds no features"):
        geojson.read_geojson(_collection([]))
    point = {"type": "Point", "coordinates": [0, 0]}
    with pytest.raises(ValueError, match="feature 1 is not a Polygon"):
        geojson.read_geojson(_collection([{"properties": {}, "geometry": point}]))


def test_name_properties_are_those_every_feature_has():
    outlines = {
        "features": [
            {"properties": {"kode": "32.73", "nama": "Kota Bandung", "extra": 1}},
            {"properties": {"nama": "Kota Batam", "kode": "21.71"}},
        ]
    }
    assert geojson.name_properties(outlines) == ["kode", "nama"]
