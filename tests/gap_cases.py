"""Hand-written support systems for the gap tests, in a short notation."""

from __future__ import annotations

import datetime as dt

from eska_network.domain.model import Assessment, Child, ChildSystem, Dataset, Member, Tie

DAY = dt.date(2026, 3, 1)
"""The latest assessment of most cases (so their default as_of)."""

CAST = (
    Member("C001", "mother", "Mother", "family", "mother"),
    Member("C001", "father", "Father", "family", "father"),
    Member("C001", "imam", "Imam", "community", "religious_leader"),
    Member("C001", "teacher", "Teacher", "community", "teacher"),
    Member("C001", "ngo", "Yayasan Anak", "institution", "ngo"),
    Member("C001", "lbh", "LBH Bandung", "institution", "legal_aid"),
)
"""Two members at each level: mother and father, imam and teacher, ngo and lbh."""

LABELS = {member.member_id: member.label for member in CAST}


def tie(
    source: str,
    target: str,
    strength: int = 3,
    valence: str = "supportive",
    on: dt.date = DAY,
    **fields,
) -> Tie:
    """A tie row of child C001: supportive, strength 3, assessed on :data:`DAY` unless told."""
    return Tie("C001", source, target, strength, valence, on, **fields)


def system(
    *ties: Tie, needs: tuple[str, ...] = (), assessments: tuple[Assessment, ...] = ()
) -> ChildSystem:
    """Child C001 with the :data:`CAST`, the given tie rows and assessments.csv rows."""
    return ChildSystem(Child("C001", "Kota Bandung", 15, needs=needs), CAST, ties, assessments)


def assessed(on: dt.date = DAY, **fields) -> Assessment:
    """An assessments.csv row of child C001, on :data:`DAY` unless told."""
    return Assessment("C001", on, **fields)


def contract_example() -> ChildSystem:
    """A system whose result is the JSON example of GAPS.md's command-line contract."""
    return system(
        tie(
            "child",
            "mother",
            4,
            support_types=("material", "emotional"),
            functions=("acceptance", "protection"),
            needs_met=("housing",),
            last_contact=dt.date(2026, 2, 20),
        ),
        tie("child", "father", 2, "stressful"),
        tie(
            "child",
            "teacher",
            2,
            support_types=("instrumental",),
            needs_met=("education",),
            last_contact=dt.date(2025, 11, 1),
        ),
        tie("mother", "imam", 3),
        # Institutions: the NGO was involved in January; the tie has ended since.
        tie("child", "ngo", 3, on=dt.date(2026, 1, 10), functions=("empowerment",)),
        tie("child", "ngo", 0, on=DAY),
        needs=("legal", "housing", "education"),
        assessments=(
            assessed(
                placement="family",
                reintegration_stage="recovery",
                wellbeing_personal=3,
                wellbeing_interpersonal=2,
            ),
        ),
    )


CONTRACT_JSON = """{
  "child_id": "C001",
  "as_of": "2026-03-01",
  "levels": {"family": {"status": "ok", "max_strength": 4},
             "community": {"status": "weak", "max_strength": 2},
             "institution": {"status": "absent", "max_strength": 0}},
  "unmet_needs": ["legal"],
  "missing_functions": ["empowerment"],
  "missing_support_types": [],
  "inter_level": {"family-community": 3, "community-institution": 0, "family-institution": 0},
  "weakest_link": "community-institution",
  "single_points_of_failure": [["mother", "imam"]],
  "stressful_ties": [["child", "father"]],
  "stale_ties": [["child", "teacher"]],
  "exploitative_ties": [],
  "placement": "family",
  "reintegration_stage": "recovery",
  "wellbeing": {"personal": 3, "interpersonal": 2, "skills": null},
  "unsafe_placement": false
}"""
"""The example object of GAPS.md, as written there."""


def without_gaps() -> ChildSystem:
    """Every rule met: every level ok, everything given, two strong ties between each two levels."""
    everything = {
        "support_types": ("material", "emotional", "instrumental"),
        "functions": ("acceptance", "protection", "empowerment"),
        "needs_met": ("housing", "legal"),
        "last_contact": DAY,
    }
    return system(
        tie("child", "mother", 4, **everything),
        tie("child", "teacher", 3),
        tie("child", "ngo", 3),
        tie("mother", "teacher"),
        tie("father", "imam"),
        tie("teacher", "ngo"),
        tie("imam", "lbh"),
        tie("mother", "ngo"),
        tie("father", "lbh"),
        needs=("legal", "housing"),
    )


def two_children() -> Dataset:
    """C1 with a mother (strong tie, old contact) and C2 with needs but no member and no tie."""
    return Dataset.from_objects(
        [
            Child("C1", "Kota Bandung", 15, needs=("legal",)),
            Child("C2", "Kota Bandung", 11, needs=("legal", "housing")),
        ],
        [Member("C1", "ibu", "Ibu", "family", "mother")],
        [Tie("C1", "child", "ibu", 4, "supportive", DAY, last_contact=dt.date(2025, 12, 1))],
    )


def boundaries() -> ChildSystem:
    """One of each boundary: strengths 1 to 3, contact 90 and 91 days old, overrides."""
    old = DAY - dt.timedelta(days=40)
    return system(
        tie("child", "mother", 1, needs_met=("housing",), last_contact=DAY - dt.timedelta(90)),
        tie("child", "father", 2, functions=("protection",), last_contact=DAY - dt.timedelta(91)),
        tie("child", "imam", 3, "ambivalent", support_types=("emotional",)),
        tie("child", "teacher", 5, on=old, last_contact=old - dt.timedelta(days=100)),
        tie("child", "teacher", 0, last_contact=DAY),
        tie("mother", "father", 4, needs_met=("legal",)),
        tie("imam", "lbh", 2, "stressful", on=old),
        tie("teacher", "ngo", 1, on=old),
        tie("ngo", "teacher", 3),
        tie("father", "ngo", 2, "ambivalent"),
        needs=("housing", "legal", "education"),
    )
