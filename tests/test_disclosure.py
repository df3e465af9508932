"""Disclosure control: no small count, and nothing that reveals a hidden count, is ever shown."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.districts import aggregates as districts
from eska_network.districts import disclosure
from eska_network.districts.aggregates import (
    CHILDREN,
    COUNT_MEASURES,
    MEDIAN_MEASURES,
    TOTAL,
    WEAKEST_LINK_MEASURES,
    AggregateTable,
    district_table,
)
from eska_network.districts.cell_hiding import SECONDARY, SHOWN, SMALL, first_bridge
from eska_network.districts.disclosure import TooFewChildren, suppress, to_export

from .summary_frames import random_summaries


def hand_table(counts: dict[str, list[int]], groups: list[str]) -> AggregateTable:
    """An aggregate table of some districts (the total row is added); unnamed counts are 0."""
    frame = pd.DataFrame(0, index=groups, columns=list(COUNT_MEASURES), dtype="int64")
    for measure, values in counts.items():
        frame[measure] = values
    frame.loc[TOTAL] = frame.sum()
    medians = pd.DataFrame(2.0, index=frame.index, columns=list(MEDIAN_MEASURES))
    return AggregateTable("district", frame, medians, pd.DataFrame(columns=["district", "need"]))


def equations(n_rows: int) -> np.ndarray:
    """Every linear equation a reader can write over the cells (row-major, COUNT_MEASURES).

    Each column adds up to its total row; the weakest-link counts of a row add up to its children.
    """
    n_columns = len(COUNT_MEASURES)
    cell = np.arange(n_rows * n_columns).reshape(n_rows, n_columns)
    rows = []
    for j in range(n_columns):
        equation = np.zeros(cell.size)
        equation[cell[:-1, j]] = 1
        equation[cell[-1, j]] = -1
        rows.append(equation)
    parts = [COUNT_MEASURES.index(m) for m in WEAKEST_LINK_MEASURES]
    for i in range(n_rows):
        equation = np.zeros(cell.size)
        equation[cell[i, parts]] = 1
        equation[cell[i, 0]] = -1
        rows.append(equation)
    return np.array(rows)


def recoverable(hidden: np.ndarray) -> np.ndarray:
    """Which hidden cells the equations pin down, given every shown cell (linear algebra).

    A hidden cell is determined exactly when every solution of the homogeneous system over the
    hidden cells leaves it at 0: when its row in a basis of the null space is zero.
    """
    system = equations(hidden.shape[0])[:, hidden.ravel()]
    if system.shape[1] == 0:
        return np.zeros(0, dtype=bool)
    _, singular, vt = np.linalg.svd(system, full_matrices=True)
    rank = int((singular > 1e-9).sum())
    null_space = vt[rank:].T
    return np.all(np.abs(null_space) < 1e-9, axis=1)


def check_safe(table: AggregateTable, shown: disclosure.SuppressedTable) -> None:
    k = shown.k
    values = table.counts[list(COUNT_MEASURES)].to_numpy()
    status = shown.count_status.to_numpy()
    hidden = status != SHOWN
    # Every count from 1 to K-1 is hidden, and no hidden count can be worked out.
    assert not ((values >= 1) & (values < k) & ~hidden).any()
    assert not recoverable(hidden).any()
    # Shown counts are the true ones; hidden ones are missing.
    counts = shown.counts.to_numpy(dtype=object)
    assert all(counts[~hidden] == values[~hidden])
    assert all(pd.isna(v) for v in counts[hidden])
    # A share shows only when its count and the group's children both show, and is their ratio.
    share_shown = shown.share_status.to_numpy() == SHOWN
    assert not (share_shown & (hidden[:, 1:] | hidden[:, :1])).any()
    shares = shown.shares.to_numpy(dtype=float)
    expected = values[:, 1:] / values[:, :1]
    assert np.allclose(shares[share_shown], expected[share_shown])
    assert np.isnan(shares[~share_shown]).all()
    # Medians of fewer than K children are hidden.
    small = values[:, 0] < k
    assert (
        shown.medians.to_numpy(dtype=float)[small].size == 0
        or np.isnan(shown.medians.to_numpy(dtype=float)[small]).all()
    )
    # What the page shows holds no count from 1 to K-1.
    export = to_export(shown)
    count_columns = [c for c in export.columns if c.endswith("(n)")] + [export.columns[1]]
    for column in count_columns:
        numbers = [v for v in export[column] if not isinstance(v, str)]
        assert not any(1 <= v < k for v in numbers), column


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    children=st.integers(5, 120),
    groups=st.integers(1, 7),
    k=st.sampled_from([3, 5, 10]),
    rate=st.sampled_from([0.05, 0.2, 0.5]),
)
def test_no_suppressed_count_can_be_recovered(seed, children, groups, k, rate):
    table = district_table(random_summaries(seed, children, groups, rate))
    shown = suppress(table, k)
    if children < k:
        assert shown == TooFewChildren(k)
    else:
        check_safe(table, shown)


def test_a_small_count_and_the_next_smallest_in_its_column_are_hidden():
    table = hand_table({CHILDREN: [20, 30, 40], "unmet_need:legal": [2, 9, 12]}, ["A", "B", "C"])
    shown = suppress(table, 5)
    assert shown.count_status["unmet_need:legal"].tolist() == [SMALL, SECONDARY, SHOWN, SHOWN]
    assert shown.display_counts()["unmet_need:legal"].tolist() == ["<5", "x", 12, 23]
    check_safe(table, shown)


def test_a_total_that_equals_one_small_count_is_hidden_too():
    table = hand_table({CHILDREN: [20, 30], "stressful_family": [3, 0]}, ["A", "B"])
    shown = suppress(table, 5)
    assert shown.count_status["stressful_family"].tolist() == [SMALL, SHOWN, SMALL]


def test_a_group_of_fewer_than_k_children_shows_nothing_of_its_own():
    table = hand_table(
        {CHILDREN: [3, 30, 40], "weakest_link:family-community": [3, 30, 40]}, ["A", "B", "C"]
    )
    shown = suppress(table, 5)
    assert (shown.count_status.loc["A"] != SHOWN).all()
    assert shown.medians.loc["A"].isna().all()
    assert shown.shares.loc["A"].isna().all()
    check_safe(table, shown)


def test_a_share_is_hidden_when_the_groups_total_is_hidden():
    table = hand_table(
        {CHILDREN: [3, 30, 40], "weakest_link:family-community": [3, 30, 40]}, ["A", "B", "C"]
    )
    shown = suppress(table, 5)
    hidden_children = shown.count_status[CHILDREN] == SECONDARY
    assert hidden_children.any()
    assert shown.shares.loc[hidden_children].isna().all().all()


def test_a_cell_given_away_by_chaining_lines_is_found_as_a_bridge():
    # Rows A, B hide a 2x2 block of two weakest-link columns, rows C, D a 2x2 block of the third
    # and children; A's third weakest link joins the two. Every line has two hidden cells, yet
    # adding lines pins that cell down: the graph rule must find it, as linear algebra does.
    fc, ci, fi = (COUNT_MEASURES.index(m) for m in WEAKEST_LINK_MEASURES)
    status = np.full((5, len(COUNT_MEASURES)), SHOWN, dtype=object)
    for row, column in [(0, fc), (0, ci), (1, fc), (1, ci), (2, fi), (2, 0), (3, fi), (3, 0)]:
        status[row, column] = SECONDARY
    block = [0, fc, ci, fi]
    assert first_bridge(status, block) is None
    status[0, fi] = SECONDARY
    hidden = status != SHOWN
    assert recoverable(hidden)[np.flatnonzero(hidden.ravel()).tolist().index(fi)]
    assert first_bridge(status, block) == (0, fi)


def test_too_few_children_in_all_says_only_that():
    table = hand_table({CHILDREN: [2, 2]}, ["A", "B"])
    result = suppress(table, 5)
    assert isinstance(result, TooFewChildren)
    assert result.message() == (
        "Fewer than 5 children match this choice; to protect them, no figures are shown."
    )
    assert "5" in result.message("id") and "anak" in result.message("id")


def test_k_comes_from_the_environment(monkeypatch):
    table = hand_table({CHILDREN: [20, 30], "unmet_need:legal": [7, 9]}, ["A", "B"])
    monkeypatch.setenv(disclosure.K_VARIABLE, "10")
    assert suppress(table).k == 10
    assert suppress(table).display_counts()["unmet_need:legal"].tolist() == ["<10", "<10", 16]
    monkeypatch.delenv(disclosure.K_VARIABLE)
    assert suppress(table).k == disclosure.DEFAULT_K


@pytest.mark.parametrize("bad", ["ten", "1", "-5", "2.5"])
def test_a_bad_k_is_refused_with_the_variable_named(bad):
    with pytest.raises(ValueError, match="ESKA_SUPPRESSION_K"):
        disclosure.suppression_k({disclosure.K_VARIABLE: bad})


def test_the_export_is_the_shown_table_with_the_total_row_named():
    table = hand_table({CHILDREN: [20, 30, 40], "unmet_need:legal": [2, 9, 12]}, ["A", "B", "C"])
    export = to_export(suppress(table, 5), "id")
    assert export.iloc[:, 0].tolist() == ["A", "B", "C", "Semua kabupaten/kota"]
    assert export["Kebutuhan belum terpenuhi: layanan hukum (n)"].tolist() == ["<5", "x", 12, 23]
    # A hidden percentage says so in words: "<5" beside percentages reads as "under 5 %".
    assert export["Kebutuhan belum terpenuhi: layanan hukum (%)"].tolist() == [
        "disembunyikan",
        "disembunyikan",
        30.0,
        25.6,
    ]


def test_choosing_districts_keeps_the_whole_tables_suppression():
    table = hand_table({CHILDREN: [20, 30, 40], "unmet_need:legal": [2, 9, 12]}, ["A", "B", "C"])
    chosen = suppress(table, 5).select(["C", "B"])
    assert chosen.counts.index.tolist() == ["C", "B", TOTAL]
    assert chosen.display_counts()["unmet_need:legal"].tolist() == [12, "x", 23]
    with pytest.raises(KeyError, match="Z"):
        suppress(table, 5).select(["Z"])


def test_the_planners_table_holds_no_child_id():
    summaries = random_summaries(7, 200, 4)
    export = to_export(suppress(districts.district_table(summaries), 5))
    text = export.to_csv()
    assert not any(child_id in text for child_id in summaries["child_id"])


def test_the_csv_export_is_the_shown_table_with_formulas_escaped():
    table = hand_table({CHILDREN: [20, 30], "unmet_need:legal": [2, 9]}, ["=HYPERLINK(1)", "B"])
    shown = suppress(table, 5)
    lines = disclosure.to_csv(shown).splitlines()
    assert lines[1].startswith("'=HYPERLINK(1),20,")
    assert len(lines) == 1 + len(to_export(shown))
    assert ",<5," in lines[1]
