"""The supervisor's caseload: ranking, overdue actions, reasons, filters."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.caseload import ranking
from eska_network.domain import gap_table

from .summary_frames import random_summaries, summaries_table, summary

TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def three_children():
    """Three children of two caseworkers in two districts, with different gaps."""
    rows = [
        summary(child_id="C1", unmet_needs="education"),
        summary(child_id="C2", institution_status="absent", unmet_needs="legal"),
        summary(child_id="C3", stale_ties=1, longest_no_contact_days=200),
    ]
    return summaries_table(
        rows, district=["Garut", "Bogor", "Garut"], caseworker=["ani", "budi", "ani"]
    )


@pytest.fixture
def actions_of_three_children():
    """C1 has two overdue open actions, a done one and one due later; C3 a dropped one."""
    return pd.DataFrame(
        {
            "child_id": ["C1", "C1", "C1", "C1", "C3"],
            "gap_kind": ["unmet_need"] * 4 + ["stale_tie"],
            "what": ["refer"] * 5,
            "who": ["ani"] * 5,
            "due_on": pd.to_datetime(
                ["2026-01-10", "2026-02-01", "2026-01-01", "2026-04-01", "2026-01-01"]
            ),
            "status": ["open", "open", "done", "open", "dropped"],
        }
    )


def test_children_are_ranked_by_severity_with_reasons(three_children, actions_of_three_children):
    table = ranking.caseload_table(three_children, actions_of_three_children, TODAY)
    # C2: institution absent 20 + legal 12; C1: education 6 + two overdue actions 8;
    # C3: one stale tie 2 + a silence of 200 days, 1.15 doublings of 90 (5).
    assert table["child_id"].tolist() == ["C2", "C1", "C3"]
    assert table["severity"].tolist() == [32, 14, 7]
    assert table["rank"].tolist() == [1, 2, 3]
    assert table["severity"].is_monotonic_decreasing
    assert table.loc[0, "reasons"] == "no institutions involved; legal services need unmet"
    assert list(table.columns) == list(ranking.COLUMNS)


def test_only_open_actions_past_due_are_overdue(three_children, actions_of_three_children):
    table = ranking.caseload_table(three_children, actions_of_three_children, TODAY)
    overdue = dict(zip(table["child_id"], table["overdue_actions"], strict=True))
    assert overdue == {"C1": 2, "C2": 0, "C3": 0}
    c1 = table[table["child_id"] == "C1"].iloc[0]
    assert "2 overdue actions" in c1["reasons"]


def test_a_referral_sent_and_not_accepted_in_time_is_overdue(three_children):
    referrals = pd.DataFrame(
        {
            "child_id": ["C2", "C2", "C3"],
            "status": ["sent", "sent", "accepted"],
            "due_on": pd.to_datetime([None, None, None]),
            "status_on": pd.to_datetime(["2026-02-10", "2026-02-20", "2026-01-01"]),
            "created_on": pd.to_datetime(["2026-02-01"] * 3),
        }
    )
    table = ranking.caseload_table(three_children, referrals, TODAY).set_index("child_id")
    # Sent on 10 February: 19 days by 1 March, more than 14; sent on 20 February: 9 days.
    assert table["overdue_referrals"].to_dict() == {"C2": 1, "C1": 0, "C3": 0}
    assert "1 referral sent and not accepted in time" in table.loc["C2", "reasons"]
    longer = ranking.caseload_table(three_children, referrals, TODAY, referral_days=21)
    assert longer["overdue_referrals"].sum() == 0
    assert ranking.filter_caseload(table.reset_index(), overdue_only=True).index.size == 1


def test_reasons_follow_the_language(three_children):
    table = ranking.caseload_table(three_children, None, TODAY, lang="id")
    assert table.loc[0, "reasons"].startswith("tidak ada lembaga yang terlibat")


def test_equal_scores_put_the_longest_silence_first():
    rows = [
        summary(child_id="A", stale_ties=1, longest_no_contact_days=100),
        summary(child_id="B", stale_ties=1, longest_no_contact_days=101),
    ]
    table = ranking.caseload_table(
        summaries_table(rows, district=["X", "X"]), pd.DataFrame(), TODAY
    )
    assert table["severity"].nunique() == 1
    assert table["child_id"].tolist() == ["B", "A"]


def test_filters_keep_rank_and_order(three_children, actions_of_three_children):
    table = ranking.caseload_table(three_children, actions_of_three_children, TODAY)
    by_worker = ranking.filter_caseload(table, caseworkers=["ani"])
    assert by_worker["child_id"].tolist() == ["C1", "C3"]
    assert by_worker["rank"].tolist() == [2, 3]
    assert ranking.filter_caseload(table, districts=["Bogor"])["child_id"].tolist() == ["C2"]
    assert ranking.filter_caseload(table, overdue_only=True)["child_id"].tolist() == ["C1"]
    assert ranking.filter_caseload(table, stale_only=True)["child_id"].tolist() == ["C3"]
    assert len(ranking.filter_caseload(table, caseworkers=[], districts=None)) == 3


def test_a_gap_kind_filter_keeps_children_with_any_of_the_kinds(three_children):
    table = ranking.caseload_table(three_children, pd.DataFrame(), TODAY)
    absent = ranking.filter_caseload(table, gap_kinds=["level_absent"])
    assert absent["child_id"].tolist() == ["C2"]
    either = ranking.filter_caseload(table, gap_kinds=["level_absent", "stale_tie"])
    assert either["child_id"].tolist() == ["C2", "C3"]
    assert ranking.filter_caseload(table, gap_kinds=["stressful_tie"]).empty
    with pytest.raises(ValueError):
        ranking.filter_caseload(table, gap_kinds=["no_such_kind"])


@pytest.mark.parametrize("kind", ranking.GAP_KINDS)
def test_every_gap_kind_has_a_label_in_both_languages(kind):
    english, indonesian = ranking.gap_kind_label(kind, "en"), ranking.gap_kind_label(kind, "id")
    assert english and indonesian and english != indonesian


def test_every_shown_column_has_a_heading_in_both_languages():
    shown = [c for c in ranking.COLUMNS if c != "gaps"]
    assert all(ranking.heading(c, "en") != ranking.heading(c, "id") for c in shown)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000), kinds=st.sets(st.sampled_from(ranking.GAP_KINDS)))
def test_the_gap_mask_agrees_with_each_childs_gaps(seed, kinds):
    table = ranking.caseload_table(random_summaries(seed, 30, 3), pd.DataFrame(), TODAY)
    for mask, severity in zip(table["gaps"], table["severity"], strict=True):
        assert (mask == 0) == (severity == 0)
    filtered = ranking.filter_caseload(table, gap_kinds=kinds)
    expected = [set(ranking.kinds_of(m)) & kinds or not kinds for m in table["gaps"]]
    assert len(filtered) == sum(bool(e) for e in expected)


def test_the_sample_data_caseload_has_every_child_once(sample_dataset):
    summaries = gap_table.gap_table(sample_dataset).merge(
        sample_dataset.children[["child_id", "district", "caseworker"]], on="child_id"
    )
    table = ranking.caseload_table(summaries, pd.DataFrame(), TODAY)
    assert sorted(table["child_id"]) == sorted(sample_dataset.child_ids)
    assert (table["reasons"] != "").sum() == (table["severity"] > 0).sum()


def test_an_empty_caseload_is_an_empty_table(three_children):
    table = ranking.caseload_table(three_children.iloc[:0], pd.DataFrame(), TODAY)
    assert table.empty and list(table.columns) == list(ranking.COLUMNS)
