"""The benchmark's networkx baseline gives the product's answers, so timing the two is fair."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import baseline_networkx
from eska_network.domain import codes, gap_table, gaps, synth
from eska_network.domain.model import Dataset
from eska_network.domain.summary import link_column

from .test_gaps_bulk import as_of_dates
from .test_gaps_bulk import datasets as bulk_datasets


def _shuffled_and_flipped(dataset: Dataset, seed: int) -> Dataset:
    """The same data set with rows in random order and about half the ties written backwards."""
    rng = np.random.default_rng(seed)
    ties = dataset.ties.sample(frac=1, random_state=seed).reset_index(drop=True)
    flip = rng.random(len(ties)) < 0.5
    ties.loc[flip, ["source", "target"]] = ties.loc[flip, ["target", "source"]].to_numpy()
    return dataclasses.replace(dataset, ties=ties)


def _summary(result: dict) -> dict:
    """A baseline result in the columns the gap table shares with it."""
    return {
        "child_id": result["child_id"],
        "as_of": result["as_of"],
        **{f"{level}_status": result["levels"][level]["status"] for level in codes.LEVELS},
        **{f"{level}_strength": result["levels"][level]["max_strength"] for level in codes.LEVELS},
        "unmet_needs": ";".join(result["unmet_needs"]),
        "missing_functions": ";".join(result["missing_functions"]),
        "missing_support_types": ";".join(result["missing_support_types"]),
        **{link_column(pair): result["inter_level"][pair] for pair in codes.LEVEL_PAIRS},
        "weakest_link": result["weakest_link"],
        "single_points_of_failure": len(result["single_points_of_failure"]),
        "stressful_ties": len(result["stressful_ties"]),
        "stale_ties": len(result["stale_ties"]),
        "exploitative_ties": len(result["exploitative_ties"]),
        "unsafe_placement": result["unsafe_placement"],
        "placement": result["placement"],
        "reintegration_stage": result["reintegration_stage"],
        **{f"wellbeing_{w}": result["wellbeing"][w] for w in codes.WELLBEING},
    }


def _table_rows(table: pd.DataFrame) -> list[dict]:
    rows = table.astype(object).where(table.notna(), None).to_dict("records")
    for row in rows:
        row["as_of"] = row["as_of"].date().isoformat() if row["as_of"] is not None else None
    return rows


@pytest.fixture(scope="module")
def synthetic_dataset() -> Dataset:
    """Two hundred synthetic children in five districts, ties shuffled and half flipped."""
    return _shuffled_and_flipped(synth.generate(200, districts=5, seed=3), seed=3)


def _mid_history_date(dataset: Dataset) -> dt.date:
    """A date by which some children have had only their first assessment."""
    dates = dataset.ties["assessed_on"].sort_values()
    return dates.iloc[len(dates) // 2].date()


@pytest.mark.parametrize("when", ["latest", "mid-history"])
def test_baseline_gives_the_gap_engine_answer_for_every_child(synthetic_dataset, when):
    as_of = None if when == "latest" else _mid_history_date(synthetic_dataset)
    baseline = baseline_networkx.all_gaps(synthetic_dataset, as_of)
    for child_id in synthetic_dataset.child_ids:
        expected = gaps.child_gaps(synthetic_dataset.child_system(child_id), as_of)
        assert baseline[child_id] == expected.to_json_dict(), child_id


def test_baseline_summaries_equal_the_vectorised_gap_table(synthetic_dataset):
    table = gap_table.gap_table(synthetic_dataset)
    baseline = baseline_networkx.all_gaps(synthetic_dataset)
    shared = list(_summary(next(iter(baseline.values()))))
    expected = [{name: row[name] for name in shared} for row in _table_rows(table)]
    assert [_summary(baseline[row["child_id"]]) for row in expected] == expected


def test_the_data_exercises_every_rule(synthetic_dataset):
    """The agreement above is worth something only if the data triggers each rule somewhere."""
    results = baseline_networkx.all_gaps(synthetic_dataset).values()
    assert {r["levels"][level]["status"] for r in results for level in codes.LEVELS} == set(
        codes.LEVEL_STATUSES
    )
    for key in (
        "unmet_needs",
        "missing_functions",
        "missing_support_types",
        "single_points_of_failure",
        "stressful_ties",
        "stale_ties",
        "exploitative_ties",
        "unsafe_placement",
        "placement",
        "reintegration_stage",
    ):
        assert any(r[key] for r in results), key
        assert not all(r[key] for r in results), key
    assert any(any(r["wellbeing"].values()) for r in results)
    assert {r["weakest_link"] for r in results} == set(codes.LEVEL_PAIRS)


def test_a_sample_of_children_gets_the_same_answers_as_the_whole_run(synthetic_dataset):
    everyone = baseline_networkx.all_gaps(synthetic_dataset)
    chosen = synthetic_dataset.child_ids[5:40:7]
    sample = baseline_networkx.all_gaps(synthetic_dataset, child_ids=chosen)
    assert list(sample) == chosen
    assert sample == {child_id: everyone[child_id] for child_id in chosen}


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**16), children=st.integers(1, 40))
def test_baseline_agrees_with_the_gap_engine_on_any_synthetic_data(seed, children):
    dataset = _shuffled_and_flipped(synth.generate(children, districts=3, seed=seed), seed)
    baseline = baseline_networkx.all_gaps(dataset)
    table = _table_rows(gap_table.gap_table(dataset))
    for row in table:
        summary = _summary(baseline[row["child_id"]])
        assert summary == {name: row[name] for name in summary}


@settings(max_examples=60, deadline=None)
@given(dataset=bulk_datasets(), as_of=as_of_dates)
def test_baseline_agrees_with_the_gap_engine_on_adversarial_data(dataset, as_of):
    """Tiny hand-shaped data sets: members shared between children, ties both ways, every
    valence, assessments.csv rows with empty cells and ``none``, dates around each rule's edge."""
    baseline = baseline_networkx.all_gaps(dataset, as_of)
    for child_id in dataset.child_ids:
        expected = gaps.child_gaps(dataset.child_system(child_id), as_of)
        assert baseline[child_id] == expected.to_json_dict(), child_id
