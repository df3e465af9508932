"""The severity score: every documented weight, the reasons in words, one child and many agree."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.domain import gap_kinds, severity
from eska_network.domain.codes import LEVEL_PAIRS, LEVELS, NEEDS
from eska_network.domain.gap_kinds import gap_kind
from eska_network.domain.summary import link_column

from .summary_frames import NO_GAPS, random_summaries, summary

DOC = Path(__file__).resolve().parents[1] / "docs" / "severity.md"


def score(**changes) -> int:
    return int(severity.severity(pd.DataFrame([summary(**changes)])).iloc[0])


def one_gap_changes() -> dict[str, dict]:
    """For every component, the summary change that gives a child exactly one of it."""
    changes = {
        "unsafe_placement:family": {"unsafe_placement": True, "placement": "family"},
        "unsafe_placement:kin": {"unsafe_placement": True, "placement": "kin"},
        "exploitative_tie": {"exploitative_ties": 1},
        "needs_not_assessed": {"needs_assessed": False},
        "stressful_family": {"stressful_family": True, "stressful_ties": 1},
        "stressful_tie": {"stressful_ties": 1},
        "single_point_of_failure": {"single_points_of_failure": 1},
        "stale_tie": {"stale_ties": 1, "longest_no_contact_days": 91},
        severity.OVERDUE: {severity.OVERDUE: 1},
        severity.OVERDUE_REFERRALS: {severity.OVERDUE_REFERRALS: 1},
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
        column = link_column(pair)
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


def test_a_long_silence_keeps_growing_with_every_doubling():
    one_tie = {"stale_ties": 1}
    assert score(**one_tie, longest_no_contact_days=91) == STALE_TIE_POINTS
    assert score(**one_tie, longest_no_contact_days=120) == STALE_TIE_POINTS + 2
    assert score(**one_tie, longest_no_contact_days=180) == STALE_TIE_POINTS + 5
    days = [100, 270, 365, 540, 730, 1000, 2000, 10_000]
    scores = [score(**one_tie, longest_no_contact_days=n) for n in days]
    assert scores == sorted(scores) and len(set(scores)) == len(scores)


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
        "ikatan keluarga penuh tekanan",
        "tidak ada lembaga yang terlibat",
        f"kebutuhan {NEEDS.label('legal', 'id')} belum terpenuhi",
    ]
    assert "tidak ada kontak selama 120 hari" in reasons


def test_one_of_a_count_is_said_in_the_singular():
    assert severity.reasons(summary(overdue_actions=1)) == ["1 overdue action"]
    assert severity.reasons(summary(overdue_actions=3)) == ["3 overdue actions"]
    assert severity.reasons(summary(overdue_actions=1), "id") == [
        "1 rencana tindak lanjut lewat tenggat"
    ]


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
        elif column in (
            "stressful_ties",
            "single_points_of_failure",
            "stale_ties",
            "exploitative_ties",
        ):
            worse[column] = worse[column] + value
        elif column == "placement":
            # An unsafe placement replaces the child's placement.
            worse[column] = value
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


# --- The order a supervisor can defend (docs/severity.md) -----------------------------------------

EVERY_NEED = ";".join(NEEDS)
ALL_ABSENT = {f"{level}_status": "absent" for level in LEVELS}
NO_LINKS = {link_column(pair): 0 for pair in LEVEL_PAIRS}

CONTRASTS = [
    # (who, the gaps of their summary), most serious first: each must score more than the next.
    (
        "lives at home with the father who sold her",
        {
            "unsafe_placement": True,
            "placement": "family",
            "exploitative_ties": 1,
            "family_status": "weak",
        },
    ),
    (
        "in a shelter, still in contact with her exploiter, otherwise well held",
        {
            "exploitative_ties": 1,
            "placement": "shelter",
        },
    ),
    (
        "lives with relatives who hold her only weakly",
        {"unsafe_placement": True, "placement": "kin", "family_status": "weak"},
    ),
    (
        "nobody anywhere, every need unmet, no key, silent for four years, plans overdue",
        {
            **ALL_ABSENT,
            **NO_LINKS,
            "unmet_needs": EVERY_NEED,
            "missing_functions": "acceptance;protection;empowerment",
            "missing_support_types": "material;emotional;instrumental",
            "stressful_family": True,
            "stressful_ties": 3,
            "stale_ties": 3,
            "longest_no_contact_days": 4 * 365,
            "overdue_actions": 5,
            "overdue_referrals": 5,
        },
    ),
    ("needs never assessed", {"needs_assessed": False, "unmet_needs": ""}),
    ("the same child, every need assessed and unmet", {"unmet_needs": EVERY_NEED}),
    ("a stressful family that blames her", {"stressful_family": True, "stressful_ties": 1}),
    ("no link at all between the levels", NO_LINKS),
    ("no family at all", {"family_status": "absent"}),
    ("three merely weak levels", {f"{level}_status": "weak" for level in LEVELS}),
    ("silent for two years", {"stale_ties": 1, "longest_no_contact_days": 730}),
    ("silent for nine months", {"stale_ties": 1, "longest_no_contact_days": 270}),
    ("silent for 100 days", {"stale_ties": 1, "longest_no_contact_days": 100}),
    ("nothing missing", {}),
]
"""Contrasting children and the order the score must keep (ties allowed only where noted)."""
EQUAL_ALLOWED = {("needs never assessed", "the same child, every need assessed and unmet")}
"""Pairs that may score the same: not assessing must never rank a child *below* assessing."""


@pytest.mark.parametrize("index", range(len(CONTRASTS) - 1))
def test_contrasting_children_keep_the_order_a_supervisor_can_defend(index):
    (first, first_gaps), (second, second_gaps) = CONTRASTS[index], CONTRASTS[index + 1]
    higher, lower = score(**first_gaps), score(**second_gaps)
    if (first, second) in EQUAL_ALLOWED:
        assert higher >= lower, (first, higher, second, lower)
    else:
        assert higher > lower, (first, higher, second, lower)


def test_the_worst_child_without_danger_scores_below_one_danger():
    """Every non-danger component at its worst, even a silence of billions of days, < 1000."""
    worst = summary(
        **ALL_ABSENT,
        **NO_LINKS,
        unmet_needs=EVERY_NEED,
        needs_assessed=False,
        missing_functions="acceptance;protection;empowerment",
        missing_support_types="material;emotional;instrumental",
        stressful_family=True,
        stressful_ties=50,
        single_points_of_failure=3,
        stale_ties=50,
        longest_no_contact_days=10**15,
        overdue_actions=50,
        overdue_referrals=50,
    )
    frame = pd.DataFrame([worst])
    # Levels cannot be weak and absent at once; count the weak ones on top anyway (an upper bound).
    bound = int(severity.points(frame).sum(axis=1).iloc[0]) + 3 * 6 + 3 * 2
    assert bound < gap_kinds.DANGER_POINTS
    assert score(unsafe_placement=True, placement="kin") == gap_kinds.DANGER_POINTS
    assert score(exploitative_ties=1) == 2 * gap_kinds.DANGER_POINTS


def test_recording_needs_never_raises_a_childs_rank():
    for needs in ["", "legal", "housing;legal", EVERY_NEED]:
        assert score(needs_assessed=False, unmet_needs="") >= score(unmet_needs=needs)


def test_all_three_links_missing_weigh_at_least_an_absent_level():
    for level in LEVELS:
        assert score(**NO_LINKS) >= score(**{f"{level}_status": "absent"})
