"""The child's situation for a conference: placement and stage, wellbeing over time, risk factors
with the ties that answer them, and an unsafe placement leading the gap list."""

from __future__ import annotations

import datetime as dt

import pytest

from eska_network.domain import codes, situation
from eska_network.domain.gap_items import gap_items
from eska_network.domain.gaps import child_gaps
from eska_network.domain.model import Assessment, Child, ChildSystem, Member, Tie

DAY = dt.date(2026, 3, 1)
CAST = (
    Member("C1", "mother", "Ibu", "family", "mother"),
    Member("C1", "peer", "Teman", "community", "peer"),
    Member("C1", "imam", "Ustazah", "community", "religious_leader"),
    Member("C1", "ppa", "UPTD PPA", "institution", "child_protection_unit"),
    Member("C1", "school", "Sekolah", "institution", "school"),
)


def child(*ties: Tie, risks: tuple[str, ...] = tuple(codes.RISK_FACTORS), rows=()) -> ChildSystem:
    return ChildSystem(Child("C1", "Kota Medan", 15, risk_factors=risks), CAST, ties, rows)


def tie(target: str, strength: int = 3, valence: str = "supportive", **given) -> Tie:
    return Tie("C1", "child", target, strength, valence, DAY, **given)


def answered(system: ChildSystem) -> dict[str, tuple]:
    return {answer.risk: answer.ties for answer in situation.risks_and_answers(system)}


def test_each_risk_factor_is_answered_by_the_tie_the_review_sets_against_it():
    system = child(
        tie("ppa", functions=("protection",)),
        tie("school", needs_met=("education",)),
        tie("imam", support_types=("emotional",)),
        tie("mother", 4, support_types=("emotional",)),
        tie("peer", 4, needs_met=("life_skills",)),
    )
    assert answered(system) == {
        "maltreatment": (("child", "ppa"),),
        "school_dropout": (("child", "school"),),
        "risky_peers": (("child", "imam"),),
        "no_adult_support": (("child", "imam"), ("child", "mother")),
        "weak_attachment": (("child", "mother"),),
        "early_sexual_experience": (("child", "peer"),),
    }


@pytest.mark.parametrize(
    ("risk", "tie_row"),
    [
        ("maltreatment", tie("ppa", 1, functions=("protection",))),  # too weak to give
        ("maltreatment", tie("ppa", 4, "exploitative", functions=("protection",))),
        ("no_adult_support", tie("peer", 5, support_types=("emotional",))),  # not an adult
        ("no_adult_support", tie("mother", 2, support_types=("emotional",))),  # below 3
        ("weak_attachment", tie("imam", 5, support_types=("emotional",))),  # not family
        ("risky_peers", tie("ppa", 4, support_types=("emotional",))),  # not the community
        ("risky_peers", tie("peer", 4, functions=("acceptance",))),  # a peer is the risk
    ],
)
def test_a_tie_that_does_not_fit_answers_nothing(risk, tie_row):
    assert answered(child(tie_row, risks=(risk,))) == {risk: ()}


def test_risk_factors_come_as_of_the_date_in_the_reviews_order():
    rows = (Assessment("C1", DAY + dt.timedelta(days=30), risk_factors=("school_dropout",)),)
    system = child(risks=("weak_attachment", "maltreatment"), rows=rows)
    assert [a.risk for a in situation.risks_and_answers(system, DAY)] == [
        "maltreatment",
        "weak_attachment",
    ]
    assert [a.risk for a in situation.risks_and_answers(system)] == ["school_dropout"]
    assert situation.risks_and_answers(system)[0].label("id") == "putus sekolah"


def test_the_situation_of_a_child_sent_home_to_her_exploiter(sample_dataset):
    system = sample_dataset.child_system("SBY-003")
    first, last = system.assessment_dates()
    before = situation.situation(system, first)
    now = situation.situation(system)
    assert (before.placement, before.stage, before.unsafe) == ("shelter", "recovery", False)
    assert (now.placement, now.stage, now.unsafe) == ("family", "reintegration", True)
    assert now.placement_since == last
    assert now.words("id") == {"placement": "keluarga (orang tua)", "stage": "reintegrasi"}
    items = gap_items(child_gaps(system))
    assert items[0].kind == "unsafe_placement"


def test_wellbeing_moves_over_the_assessments_of_a_story(sample_dataset):
    points = situation.wellbeing_over_time(sample_dataset.child_system("IDM-001"))
    assert [point.assessed_on.isoformat() for point in points] == [
        "2024-04-15",
        "2024-10-07",
        "2025-05-12",
    ]
    assert [point.scores["personal"] for point in points] == [2, 2, 3]
    assert [point.scores["interpersonal"] for point in points] == [2, 3, 3]
    assert all(point.recorded == frozenset(codes.WELLBEING) for point in points)


def test_a_score_not_recorded_at_an_assessment_carries_the_earlier_one_forward():
    rows = (
        Assessment("C1", DAY, wellbeing_personal=2, wellbeing_skills=4),
        Assessment("C1", DAY + dt.timedelta(days=90), wellbeing_personal=3),
    )
    points = situation.wellbeing_over_time(child(rows=rows))
    assert points[1].scores == {"personal": 3, "interpersonal": None, "skills": 4}
    assert points[1].recorded == frozenset({"personal"})
