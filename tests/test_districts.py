"""District aggregates: counts add up over children, medians, services, quarterly trend."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.districts import aggregates as districts
from eska_network.districts import unserved
from eska_network.districts.aggregates import (
    CHILDREN,
    COUNT_MEASURES,
    TOTAL,
    WEAKEST_LINK_MEASURES,
)
from eska_network.districts.disclosure import suppress
from eska_network.domain import gap_table

from .summary_frames import random_summaries, summaries_table, summary


@pytest.fixture
def two_district_summaries():
    """Six children in Garut (two with legal unmet, one stressful family), four in Bogor."""
    rows = [
        summary(child_id="G1", unmet_needs="legal", link_family_community=1),
        summary(child_id="G2", unmet_needs="housing;legal", institution_status="absent"),
        summary(child_id="G3", stressful_family=True, stressful_ties=1),
        summary(child_id="G4", weakest_link="community-institution"),
        summary(child_id="G5", community_status="weak"),
        summary(child_id="G6"),
        summary(child_id="B1", unmet_needs="housing"),
        summary(child_id="B2", link_family_community=5),
        summary(child_id="B3", link_family_community=5),
        summary(child_id="B4", stale_ties=2, longest_no_contact_days=150),
    ]
    return summaries_table(rows, district=["Garut"] * 6 + ["Bogor"] * 4)


@pytest.fixture
def two_district_resources():
    """Garut lists a legal aid office; Bogor a shelter and a clinic serving housing."""
    return pd.DataFrame(
        {
            "resource_id": ["R1", "R2", "R3"],
            "district": ["Garut", "Bogor", "Bogor"],
            "name": ["LBH Garut", "Rumah Aman", "Klinik Bogor"],
            "level": ["institution"] * 3,
            "kind": ["legal_aid", "shelter", "health"],
            "needs_served": ["legal", "housing", "physical_health;housing"],
        }
    )


def test_counts_per_district(two_district_summaries):
    counts = districts.district_table(two_district_summaries).counts
    assert counts.index.tolist() == ["Bogor", "Garut", TOTAL]
    assert counts[CHILDREN].tolist() == [4, 6, 10]
    assert counts["unmet_need:legal"].tolist() == [0, 2, 2]
    assert counts["unmet_need:housing"].tolist() == [1, 1, 2]
    assert counts["level_absent:institution"].tolist() == [0, 1, 1]
    assert counts["level_weak:community"].tolist() == [0, 1, 1]
    assert counts["stressful_family"].tolist() == [0, 1, 1]
    assert counts["stale_tie"].tolist() == [1, 0, 1]
    assert counts["weakest_link:community-institution"].tolist() == [0, 1, 1]


def test_median_link_strength_per_district(two_district_summaries):
    medians = districts.district_table(two_district_summaries).medians
    assert medians.loc["Bogor", "link_strength:family-community"] == 4.0
    assert medians.loc["Garut", "link_strength:family-community"] == 3.0
    assert medians.loc[TOTAL, "link_strength:community-institution"] == 3.0


def test_services_are_listed_per_district_and_need(two_district_summaries, two_district_resources):
    table = districts.district_table(two_district_summaries, two_district_resources)
    services = table.services.set_index(["district", "need"])
    assert services.loc[("Bogor", "housing"), "services"] == 2
    assert services.loc[("Bogor", "housing"), "names"] == "Klinik Bogor; Rumah Aman"
    assert services.loc[("Garut", "housing"), "services"] == 0
    assert len(services) == 2 * 7


def test_a_need_unmet_with_no_service_is_the_headline(
    two_district_summaries, two_district_resources
):
    table = districts.district_table(two_district_summaries, two_district_resources)
    shown = suppress(table, k=2)
    headline = unserved.unserved_needs(shown)
    assert headline[["district", "need"]].values.tolist() == [["Garut", "housing"]]
    both = unserved.needs_and_services(shown, "id").set_index(["district", "need"])
    assert both.loc[("Garut", "legal"), "unmet"] == 2
    assert both.loc[("Garut", "legal"), "need_label"] == "layanan hukum"
    assert not both.loc[("Garut", "legal"), "unserved"]


def test_no_headline_is_claimed_for_a_district_too_small_to_show(two_district_resources):
    rows = [summary(child_id=f"G{i}", unmet_needs="") for i in range(8)]
    rows += [summary(child_id="S1", unmet_needs=""), summary(child_id="S2", unmet_needs="")]
    table = districts.district_table(
        summaries_table(rows, district=["Garut"] * 8 + ["Sumedang"] * 2), two_district_resources
    )
    headline = unserved.unserved_needs(suppress(table, k=5))
    assert "Sumedang" not in headline["district"].tolist()


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), children=st.integers(1, 80), groups=st.integers(1, 6))
def test_district_totals_equal_the_sum_over_children(seed, children, groups):
    summaries = random_summaries(seed, children, groups)
    counts = districts.district_table(summaries).counts
    per_child = districts.child_measures(summaries)
    assert (counts.loc[TOTAL] == per_child.sum()).all()
    assert (counts.drop(index=TOTAL).sum() == counts.loc[TOTAL]).all()
    assert (counts[list(WEAKEST_LINK_MEASURES)].sum(axis=1) == counts[CHILDREN]).all()
    assert counts.loc[TOTAL, CHILDREN] == children


def test_every_measure_has_a_name_in_both_languages():
    for measure in (*COUNT_MEASURES, *districts.MEDIAN_MEASURES):
        english = districts.measure_label(measure, "en")
        indonesian = districts.measure_label(measure, "id")
        assert english and indonesian and english != indonesian
    labels = [districts.measure_label(m) for m in COUNT_MEASURES]
    assert len(set(labels)) == len(labels)


def test_the_quarter_trend_counts_each_child_once_per_quarter():
    rows = [
        summary(child_id="C1", as_of=pd.Timestamp("2026-01-10"), unmet_needs="legal"),
        summary(child_id="C1", as_of=pd.Timestamp("2026-02-20"), unmet_needs=""),
        summary(child_id="C1", as_of=pd.Timestamp("2026-04-02"), unmet_needs="legal"),
        summary(child_id="C2", as_of=pd.Timestamp("2026-03-31"), unmet_needs="legal"),
        summary(child_id="C3", as_of=None),
    ]
    history = summaries_table(rows, district=["A", "A", "A", "B", "A"])
    trend = districts.quarterly_trend(history)
    assert trend.by == "quarter"
    assert trend.counts.index.tolist() == ["2026-Q1", "2026-Q2", TOTAL]
    assert trend.counts[CHILDREN].tolist() == [2, 1, 3]
    # C1's latest summary of the first quarter has the need met again.
    assert trend.counts["unmet_need:legal"].tolist() == [1, 1, 2]
    only_a = districts.quarterly_trend(history, districts=["A"])
    assert only_a.counts[CHILDREN].tolist() == [1, 1, 2]


def test_the_sample_data_district_table(sample_dataset):
    summaries = gap_table.gap_table(sample_dataset).merge(
        sample_dataset.children[["child_id", "district"]], on="child_id"
    )
    table = districts.district_table(summaries, sample_dataset.resources)
    assert table.counts.loc[TOTAL, CHILDREN] == len(sample_dataset.children)
    assert set(table.counts.index[:-1]) == set(sample_dataset.children["district"])
    listed = table.services.groupby("district")["services"].sum()
    assert (listed > 0).any()


def test_the_summary_history_ends_with_each_childs_latest_summary(sample_dataset):
    history = districts.summary_history(sample_dataset)
    quarters = pd.to_datetime(history["as_of"]).dt.to_period("Q")
    assert not history.assign(q=quarters).duplicated(["child_id", "q"]).any()
    latest = history.sort_values("as_of").drop_duplicates("child_id", keep="last")
    latest = latest.set_index("child_id").sort_index()
    expected = gap_table.gap_table(sample_dataset).set_index("child_id").sort_index()
    expected = expected[expected["as_of"].notna()]
    pd.testing.assert_frame_equal(latest[expected.columns], expected)
    district = sample_dataset.children.set_index("child_id")["district"]
    assert (latest["district"] == district.loc[latest.index]).all()
    trend = districts.quarterly_trend(history)
    assert trend.counts.loc[TOTAL, CHILDREN] == len(history)
