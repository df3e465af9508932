"""The severity score: every documented weight, the reasons in words, one child and many agree."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.domain import severity
from eska_network.domain.codes import LEVEL_PAIRS, LEVELS, NEEDS
from eska_network.domain.gap_kinds import gap_kind

from .summary_frames import NO_GAPS, random_summaries, summary

DOC = Path(__file__).resolve().parents[1] / "docs" / "severity.md"


def score(**changes) -> int:
    return int(severity.severity(pd.DataFrame([summary(**changes)])).iloc[0])


def one_gap_changes() -> dict[str, dict]:
    """For every component, the summary change that gives a child exactly one of it."""
    changes = {
        "stressful_family": {"stressful_family": True, "stressful_ties": 1},
        "stressful_tie": {"stressful_ties": 1},
        "single_point_of_failure": {"single_points_of_failure": 1},
        "stale_tie": {"stale_ties": 1, "longest_no_contact_days": 91},
        severity.OVERDUE: {severity.OVERDUE: 1},
    }
    for level in LEVELS:
        changes[f"level_absent:{level}"] = {f"{level}_status": "absent"}
        changes[f"level_weak:{level}"] = {f"{level}_status": "weak"}
    for kind, column in (
        ("unmet_need", "unmet_needs"),
        ("missing_function", "missing_functions"),
        ("missing_support_type", "missing_support_types"),
    ):
        for component in severity.COMPONENTS:
            if component.kind is not None and component.kind.code == kind:
                changes[component.key] = {column: component.subject}
    for pair in LEVEL_PAIRS:
        column = "link_" + pair.replace("-", "_")
        changes[f"link_missing:{pair}"] = {column: 0}
        changes[f"link_weak:{pair}"] = {column: 2}
    return changes


def test_a_child_without_gaps_scores_zero_and_has_no_reason():
    assert score() == 0
    assert severity.reasons(NO_GAPS) == []


def test_every_component_has_a_one_gap_example():
    assert set(one_gap_changes()) == set(severity.COMPONENT_KEYS)


@pytest.mark.parametrize("key", severity.COMPONENT_KEYS)
def test_each_gap_alone_scores_the_points_the_docs_give_it(key):
    documented = dict(re.findall(r"^\| `([a-z_:-]+)` \| (\d+) \|", DOC.read_text(), re.M))
    assert score(**one_gap_changes()[key]) == int(documented[key])


def test_the_doc_lists_no_component_the_code_does_not_have():
    documented = re.findall(r"^\| `([a-z_:-]+)` \| \d+ \|", DOC.read_text(), re.M)
    assert sorted(documented) == sorted(severity.COMPONENT_KEYS)


STALE_TIE_POINTS = gap_kind("stale_tie").points_for()


def test_stale_contact_scales_with_days_up_to_a_cap():
    one_tie = {"stale_ties": 1}
    assert score(**one_tie, longest_no_contact_days=91) == STALE_TIE_POINTS
    assert score(**one_tie, longest_no_contact_days=120) == STALE_TIE_POINTS + 2
    capped = STALE_TIE_POINTS + severity.STALE_DAYS_CAP
    assert score(**one_tie, longest_no_contact_days=2000) == capped


def test_counted_gaps_are_capped():
    assert score(overdue_actions=50) == severity.OVERDUE_CAP * severity.OVERDUE_ACTION_POINTS
    stressful = gap_kind("stressful_tie")
    assert score(stressful_ties=9) == stressful.count_cap * stressful.points_for()


def test_the_family_stressful_tie_is_not_counted_twice():
    family_only = score(stressful_family=True, stressful_ties=1)
    assert family_only == severity.STRESSFUL_FAMILY_POINTS
    assert score(stressful_family=True, stressful_ties=2) == family_only + 8


def test_reasons_come_most_serious_first_in_words():
    row = summary(
        institution_status="absent",
        unmet_needs="education;legal",
        stressful_family=True,
        stressful_ties=1,
        stale_ties=1,
        longest_no_contact_days=120,
        overdue_actions=2,
    )
    assert severity.reasons(row) == [
        "family tie stressful",
        "no institutions involved",
        "legal services need unmet",
        "2 overdue actions",
        "education need unmet",
        "no contact for 120 days",
    ]


def test_reasons_in_indonesian_use_the_vocabulary_labels():
    row = summary(
        institution_status="absent",
        unmet_needs="legal",
        stressful_family=True,
        stressful_ties=1,
        stale_ties=1,
        longest_no_contact_days=120,
    )
    reasons = severity.reasons(row, "id")
    assert reasons[:3] == [
        "ikatan keluarga menekan",
        "tidak ada lembaga yang terlibat",
        f"kebutuhan {NEEDS.label('legal', 'id')} belum terpenuhi",
    ]
    assert "tidak ada kontak selama 120 hari" in reasons


def test_one_of_a_count_is_said_in_the_singular():
    assert severity.reasons(summary(overdue_actions=1)) == ["1 overdue action"]
    assert severity.reasons(summary(overdue_actions=3)) == ["3 overdue actions"]
    assert severity.reasons(summary(overdue_actions=1), "id") == ["1 tindakan lewat tenggat"]


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10_000), children=st.integers(1, 12))
def test_many_children_at_once_agree_with_one_at_a_time(seed, children):
    table = random_summaries(seed, children, 3, rate=0.4)
    scores = severity.severity(table)
    lists = severity.reason_lists(table)
    for index, row in table.iterrows():
        one = pd.DataFrame([row.to_dict()])
        assert scores[index] == severity.severity(one).iloc[0]
        assert lists[index] == severity.reasons(row)
        assert (scores[index] > 0) == bool(lists[index])


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), key=st.sampled_from(severity.COMPONENT_KEYS))
def test_adding_a_gap_never_lowers_the_score(seed, key):
    table = random_summaries(seed, 10, 2, rate=0.3)
    before = severity.severity(table)
    worse = table.copy()
    for column, value in one_gap_changes()[key].items():
        if column in ("unmet_needs", "missing_functions", "missing_support_types"):
            worse[column] = (worse[column] + ";" + value).str.strip(";")
        elif column in ("stressful_ties", "single_points_of_failure", "stale_ties"):
            worse[column] = worse[column] + value
        elif column == "longest_no_contact_days":
            worse[column] = worse[column].clip(lower=value)
        elif column.startswith("link_"):
            worse[column] = worse[column].clip(upper=value)
        elif column.endswith("_status") and value == "weak":
            # A weak level is a gap only where the level was fine; absent is worse still.
            worse[column] = worse[column].where(worse[column] != "ok", value)
        else:
            worse[column] = value
    assert (severity.severity(worse) >= before).all()


def test_a_stale_tie_with_unknown_days_is_still_named():
    row = summary(stale_ties=1, longest_no_contact_days=None)
    assert severity.reasons(row) == ["no contact for over 90 days"]
    assert severity.reasons(row, "id") == ["tidak ada kontak lebih dari 90 hari"]


def test_no_children_give_no_reasons():
    assert severity.reason_lists(pd.DataFrame([NO_GAPS]).iloc[:0]).tolist() == []
