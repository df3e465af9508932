"""The ten gap rules of GAPS.md for one child, at their boundaries, and their words."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eska_network.domain import gaps

from .gap_cases import (
    CONTRACT_JSON,
    DAY,
    LABELS,
    assessed,
    contract_example,
    system,
    tie,
    without_gaps,
)

EARLIER = DAY - dt.timedelta(days=30)


def level(result: gaps.ChildGaps, name: str) -> tuple[str, int]:
    return result.levels[name].status, result.levels[name].max_strength


# --- Rule 1: level status -----------------------------------------------------------------------


@pytest.mark.parametrize(("strength", "status"), [(1, "weak"), (2, "weak"), (3, "ok"), (5, "ok")])
def test_level_is_weak_up_to_strength_2_and_ok_from_3(strength, status):
    result = gaps.child_gaps(system(tie("child", "imam", strength)))
    assert level(result, "community") == (status, strength)


def test_level_without_any_child_tie_is_absent():
    result = gaps.child_gaps(system(tie("child", "mother", 4)))
    assert level(result, "community") == ("absent", 0)
    assert level(result, "institution") == ("absent", 0)


@pytest.mark.parametrize(
    "row",
    [
        tie("child", "ngo", 0),
        tie("child", "ngo", 5, "ambivalent"),
        tie("child", "ngo", 5, "stressful"),
        tie("ngo", "lbh", 5),
        tie("teacher", "ngo", 5),
    ],
    ids=["ended", "ambivalent", "stressful", "member tie in the level", "member tie into it"],
)
def test_only_active_supportive_child_ties_make_a_level_present(row):
    assert level(gaps.child_gaps(system(row)), "institution") == ("absent", 0)


def test_level_takes_its_strongest_tie():
    result = gaps.child_gaps(system(tie("child", "mother", 2), tie("child", "father", 4)))
    assert level(result, "family") == ("ok", 4)


# --- Rule 2: unmet needs ------------------------------------------------------------------------


@pytest.mark.parametrize(("strength", "unmet"), [(1, ("legal",)), (2, ()), (3, ())])
def test_a_need_is_met_from_strength_2(strength, unmet):
    row = tie("child", "lbh", strength, needs_met=("legal",))
    assert gaps.child_gaps(system(row, needs=("legal",))).unmet_needs == unmet


def test_a_member_tie_can_meet_a_need():
    row = tie("imam", "lbh", 2, needs_met=("legal",))
    assert gaps.child_gaps(system(row, needs=("legal",))).unmet_needs == ()


@pytest.mark.parametrize("valence", ["ambivalent", "stressful"])
def test_a_tie_that_is_not_supportive_meets_no_need(valence):
    row = tie("child", "lbh", 5, valence, needs_met=("legal",))
    assert gaps.child_gaps(system(row, needs=("legal",))).unmet_needs == ("legal",)


def test_an_ended_tie_meets_no_need():
    rows = (
        tie("child", "lbh", 4, on=EARLIER, needs_met=("legal",)),
        tie("child", "lbh", 0, needs_met=("legal",)),
    )
    assert gaps.child_gaps(system(*rows, needs=("legal",))).unmet_needs == ("legal",)


def test_only_needs_listed_for_the_child_can_be_unmet_and_they_come_in_domain_order():
    row = tie("child", "mother", 4, needs_met=("housing",))
    result = gaps.child_gaps(system(row, needs=("life_skills", "legal", "housing", "education")))
    assert result.unmet_needs == ("education", "legal", "life_skills")


# --- Rule 3: missing keys -----------------------------------------------------------------------


def test_a_key_is_given_from_strength_2_by_child_or_member_ties():
    result = gaps.child_gaps(
        system(
            tie("child", "mother", 1, functions=("acceptance",)),
            tie("child", "ngo", 2, functions=("protection",)),
            tie("teacher", "ngo", 2, functions=("empowerment",)),
        )
    )
    assert result.missing_functions == ("acceptance",)


def test_keys_given_only_by_ambivalent_or_stressful_ties_are_missing_in_domain_order():
    result = gaps.child_gaps(
        system(
            tie("child", "mother", 5, "ambivalent", functions=("empowerment", "acceptance")),
            tie("child", "father", 5, "stressful", functions=("protection",)),
        )
    )
    assert result.missing_functions == ("acceptance", "protection", "empowerment")


# --- Rule 4: missing kinds of support -----------------------------------------------------------


def test_a_kind_of_support_is_given_from_strength_2_by_child_or_member_ties():
    result = gaps.child_gaps(
        system(
            tie("child", "mother", 2, support_types=("emotional",)),
            tie("child", "teacher", 1, support_types=("instrumental",)),
            tie("mother", "ngo", 3, support_types=("material",)),
        )
    )
    assert result.missing_support_types == ("instrumental",)


def test_a_kind_of_support_from_an_ambivalent_tie_is_missing():
    row = tie("child", "mother", 5, "ambivalent", support_types=("material",))
    assert gaps.child_gaps(system(row)).missing_support_types == (
        "material",
        "emotional",
        "instrumental",
    )


# --- Rule 5: links between levels and the weakest link -------------------------------------------


def test_links_take_the_strongest_active_supportive_member_tie_between_two_levels():
    result = gaps.child_gaps(
        system(
            tie("mother", "imam", 2),
            tie("teacher", "father", 4),
            tie("ngo", "teacher", 1),
            tie("mother", "lbh", 5, "ambivalent"),
            tie("father", "ngo", 5, "stressful"),
            tie("mother", "ngo", 0),
        )
    )
    assert result.inter_level == {
        "family-community": 4,
        "community-institution": 1,
        "family-institution": 0,
    }
    assert result.weakest_link == "family-institution"


def test_child_ties_and_ties_within_one_level_link_no_levels():
    result = gaps.child_gaps(
        system(
            tie("child", "mother", 5),
            tie("child", "imam", 5),
            tie("mother", "father", 5),
            tie("imam", "teacher", 5),
            tie("ngo", "lbh", 5),
        )
    )
    assert result.inter_level == dict.fromkeys(
        ["family-community", "community-institution", "family-institution"], 0
    )
    assert result.sole_links == {}


@pytest.mark.parametrize(
    ("family_community", "community_institution", "family_institution", "weakest"),
    [
        (0, 0, 0, "family-community"),
        (2, 2, 2, "family-community"),
        (3, 1, 1, "community-institution"),
        (3, 2, 1, "family-institution"),
        (1, 2, 1, "family-community"),
    ],
)
def test_the_weakest_link_breaks_ties_in_the_listed_order(
    family_community, community_institution, family_institution, weakest
):
    rows = [
        tie(a, b, strength)
        for (a, b), strength in [
            (("mother", "imam"), family_community),
            (("imam", "ngo"), community_institution),
            (("father", "lbh"), family_institution),
        ]
        if strength
    ]
    assert gaps.child_gaps(system(*rows)).weakest_link == weakest


# --- Rule 6: single points of failure ------------------------------------------------------------


def test_the_only_tie_between_two_levels_is_a_single_point_of_failure():
    result = gaps.child_gaps(system(tie("mother", "imam"), tie("lbh", "teacher", 1)))
    assert result.single_points_of_failure == (("lbh", "teacher"), ("mother", "imam"))
    assert result.sole_links == {
        "family-community": ("mother", "imam"),
        "community-institution": ("lbh", "teacher"),
    }


def test_two_ties_between_the_same_two_levels_are_not_single_points_of_failure():
    result = gaps.child_gaps(system(tie("mother", "imam"), tie("teacher", "father", 1)))
    assert result.single_points_of_failure == ()


@pytest.mark.parametrize(
    "second",
    [
        tie("father", "teacher", 0),
        tie("father", "teacher", 4, "ambivalent"),
        tie("father", "teacher", 4, "stressful"),
        tie("mother", "father", 4),
        tie("child", "teacher", 4),
    ],
    ids=["ended", "ambivalent", "stressful", "within family", "child tie"],
)
def test_a_second_tie_that_does_not_link_the_levels_leaves_a_single_point_of_failure(second):
    result = gaps.child_gaps(system(tie("mother", "imam"), second))
    assert result.single_points_of_failure == (("mother", "imam"),)


# --- Rule 7: stressful ties ----------------------------------------------------------------------


def test_stressful_ties_from_strength_1_child_or_member_ties_as_the_row_has_them():
    result = gaps.child_gaps(
        system(
            tie("child", "father", 1, "stressful"),
            tie("imam", "mother", 3, "stressful"),
            tie("child", "teacher", 0, "stressful"),
            tie("child", "ngo", 5, "ambivalent"),
        )
    )
    assert result.stressful_ties == (("child", "father"), ("imam", "mother"))


# --- Rule 8: stale ties --------------------------------------------------------------------------


def test_a_child_tie_is_stale_after_more_than_90_days_without_contact():
    result = gaps.child_gaps(
        system(
            tie("child", "mother", last_contact=DAY - dt.timedelta(days=90)),
            tie("child", "teacher", last_contact=DAY - dt.timedelta(days=91)),
            tie("child", "ngo", last_contact=None),
        )
    )
    assert result.stale_ties == (("child", "teacher"),)


@pytest.mark.parametrize(
    "row",
    [
        tie("mother", "imam", last_contact=DAY - dt.timedelta(days=200)),
        tie("child", "imam", 0, last_contact=DAY - dt.timedelta(days=200)),
        tie("child", "imam", 3, "ambivalent", last_contact=DAY - dt.timedelta(days=200)),
        tie("child", "imam", 3, "stressful", last_contact=DAY - dt.timedelta(days=200)),
    ],
    ids=["member tie", "ended", "ambivalent", "stressful"],
)
def test_only_active_supportive_child_ties_go_stale(row):
    assert gaps.child_gaps(system(row)).stale_ties == ()


def test_staleness_is_measured_from_the_as_of_date():
    row = tie("child", "mother", on=EARLIER, last_contact=EARLIER - dt.timedelta(days=80))
    assert gaps.child_gaps(system(row)).stale_ties == ()
    later = gaps.child_gaps(system(row), EARLIER + dt.timedelta(days=11))
    assert later.stale_ties == (("child", "mother"),)


# --- The state as of a date ----------------------------------------------------------------------


def test_as_of_defaults_to_the_latest_assessment_of_the_child():
    result = gaps.child_gaps(system(tie("child", "mother", on=EARLIER), tie("imam", "ngo")))
    assert result.as_of == DAY


def test_a_child_with_no_ties_and_no_date_has_no_as_of_and_every_gap():
    result = gaps.child_gaps(system(needs=("legal",)))
    assert result.as_of is None
    assert [level(result, name) for name in ("family", "community", "institution")] == [
        ("absent", 0)
    ] * 3
    assert result.unmet_needs == ("legal",)
    assert result.missing_functions == ("acceptance", "protection", "empowerment")


def test_a_later_assessment_overrides_an_earlier_row_of_the_same_tie():
    rows = (tie("child", "mother", 4, on=EARLIER), tie("child", "mother", 1))
    assert level(gaps.child_gaps(system(*rows)), "family") == ("weak", 1)
    assert level(gaps.child_gaps(system(*rows), EARLIER), "family") == ("ok", 4)
    assert level(gaps.child_gaps(system(*rows), DAY - dt.timedelta(1)), "family") == ("ok", 4)


@pytest.mark.parametrize("reverse", [False, True], ids=["same direction", "reversed"])
def test_a_later_row_of_a_member_tie_overrides_it_written_either_way(reverse):
    later = tie("imam", "mother", 1) if reverse else tie("mother", "imam", 1)
    rows = (tie("mother", "imam", 4, on=EARLIER), later)
    assert gaps.child_gaps(system(*rows)).inter_level["family-community"] == 1
    assert gaps.child_gaps(system(*rows), EARLIER).inter_level["family-community"] == 4
    assert gaps.child_gaps(system(*rows)).single_points_of_failure == (
        (later.source, later.target),
    )


def test_a_later_row_reports_its_own_direction():
    rows = (
        tie("imam", "mother", 2, "stressful", on=EARLIER),
        tie("mother", "imam", 3, "stressful"),
    )
    assert gaps.child_gaps(system(*rows)).stressful_ties == (("mother", "imam"),)
    assert gaps.child_gaps(system(*rows), EARLIER).stressful_ties == (("imam", "mother"),)


def test_an_ended_tie_stays_ended_even_though_an_older_row_was_strong():
    rows = (tie("child", "ngo", 5, on=EARLIER), tie("child", "ngo", 0))
    assert level(gaps.child_gaps(system(*rows)), "institution") == ("absent", 0)


def test_before_any_assessment_no_tie_exists_yet():
    result = gaps.child_gaps(system(tie("child", "mother", 5, "stressful")), dt.date(2025, 1, 1))
    assert result.as_of == dt.date(2025, 1, 1)
    assert level(result, "family") == ("absent", 0)
    assert result.stressful_ties == ()


def test_a_tie_assessed_after_as_of_does_not_exist_yet():
    rows = (tie("child", "mother", on=EARLIER), tie("child", "ngo", 4))
    result = gaps.child_gaps(system(*rows), EARLIER)
    assert level(result, "family") == ("ok", 3)
    assert level(result, "institution") == ("absent", 0)


# --- Rule 9: exploitative ties -------------------------------------------------------------------


def test_an_exploitative_tie_in_contact_is_listed_and_counts_in_no_other_rule():
    everything = {
        "support_types": ("material", "emotional", "instrumental"),
        "functions": ("acceptance", "protection", "empowerment"),
        "needs_met": ("housing",),
    }
    result = gaps.child_gaps(
        system(tie("child", "father", 4, "exploitative", **everything), needs=("housing",))
    )
    assert result.exploitative_ties == (("child", "father"),)
    assert level(result, "family") == ("absent", 0)
    assert result.unmet_needs == ("housing",)
    assert result.missing_functions == ("acceptance", "protection", "empowerment")
    assert result.stressful_ties == ()


def test_an_ended_exploitative_tie_is_no_longer_listed_and_member_ties_count_too():
    result = gaps.child_gaps(
        system(
            tie("child", "father", 3, "exploitative", on=EARLIER),
            tie("child", "father", 0, "exploitative"),
            tie("lbh", "father", 1, "exploitative"),
        )
    )
    assert result.exploitative_ties == (("lbh", "father"),)


# --- Rule 10: unsafe placement --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("placement", "family_ties", "unsafe"),
    [
        ("family", [("mother", 4, "supportive")], False),
        ("family", [("mother", 2, "supportive")], True),  # the family level is weak
        ("kin", [], True),  # nobody at the family level
        ("kin", [("mother", 4, "supportive"), ("father", 2, "exploitative")], True),
        ("shelter", [("father", 2, "exploitative")], False),  # not living with the family
        (None, [], False),  # placement not recorded
    ],
)
def test_unsafe_placement_is_a_home_with_a_family_that_is_not_safe(placement, family_ties, unsafe):
    ties = [tie("child", member, strength, valence) for member, strength, valence in family_ties]
    rows = (assessed(placement=placement),) if placement else ()
    result = gaps.child_gaps(system(*ties, tie("child", "ngo", 4), assessments=rows))
    assert result.placement == placement
    assert result.unsafe_placement is unsafe


def test_an_exploiting_family_member_makes_a_home_with_an_ok_family_unsafe():
    rows = (
        tie("child", "mother", 5),
        tie("father", "child", 1, "exploitative"),
    )
    result = gaps.child_gaps(system(*rows, assessments=(assessed(placement="family"),)))
    assert level(result, "family") == ("ok", 5)
    assert result.unsafe_placement


# --- The child's state as of D (assessments.csv) --------------------------------------------------


def test_each_field_comes_from_the_latest_non_empty_cell_not_after_d():
    rows = (
        assessed(EARLIER, needs=("legal",), placement="shelter", wellbeing_personal=2),
        assessed(DAY, wellbeing_interpersonal=4, reintegration_stage="reintegration"),
        assessed(DAY + dt.timedelta(days=30), needs=(), placement="family"),
    )
    result = gaps.child_gaps(system(needs=("housing",), assessments=rows), DAY)
    assert result.unmet_needs == ("legal",)
    assert result.placement == "shelter"
    assert result.reintegration_stage == "reintegration"
    assert result.wellbeing == {"personal": 2, "interpersonal": 4, "skills": None}
    later = gaps.child_gaps(system(needs=("housing",), assessments=rows))
    assert later.unmet_needs == () and later.needs_recorded  # "none" erases the list
    assert later.placement == "family"
    before_any = gaps.child_gaps(system(needs=("housing",), assessments=rows), EARLIER.replace(1))
    assert before_any.unmet_needs == ("housing",)  # the children.csv baseline
    assert before_any.placement is None


def test_d_defaults_to_the_latest_tie_or_assessment_row():
    rows = (assessed(DAY + dt.timedelta(days=10), placement="kin"),)
    result = gaps.child_gaps(system(tie("child", "mother", 4), assessments=rows))
    assert result.as_of == DAY + dt.timedelta(days=10)
    assert result.placement == "kin"


def test_needs_never_recorded_are_not_recorded_and_none_is_recorded():
    assert not gaps.child_gaps(system()).needs_recorded
    assert gaps.child_gaps(system(assessments=(assessed(needs=()),))).needs_recorded
    assert gaps.child_gaps(system(needs=("legal",))).needs_recorded


# --- The command-line object ---------------------------------------------------------------------


def test_the_json_object_is_the_gaps_md_example_key_for_key():
    produced = gaps.child_gaps(contract_example()).to_json_dict()
    expected = json.loads(CONTRACT_JSON)
    assert produced == expected
    assert json.dumps(produced) == json.dumps(expected)  # the same keys in the same order


def test_the_json_object_of_a_child_without_ties_has_a_null_as_of():
    produced = json.loads(json.dumps(gaps.child_gaps(system()).to_json_dict()))
    assert produced["as_of"] is None
    assert produced["single_points_of_failure"] == []
    assert produced["missing_support_types"] == ["material", "emotional", "instrumental"]


# --- In words ------------------------------------------------------------------------------------


def test_describe_says_every_gap_most_serious_first():
    lines = gaps.describe(gaps.child_gaps(contract_example()), labels=LABELS)
    assert lines == [
        "No one at the institutions level supports the child",
        "The tie between the child and Father is stressful",
        "The legal services need is unmet",
        "No tie gives empowerment, one of the three keys",
        "Support at the community level is weak (strongest tie 2 of 5)",
        "No tie between members links community and institutions",
        "No tie between members links family / caregiver and institutions",
        "Only one tie links family / caregiver and community: Mother – Imam",
        "No contact between the child and Teacher for more than 90 days",
    ]


def test_describe_speaks_indonesian():
    lines = gaps.describe(gaps.child_gaps(contract_example()), "id", LABELS)
    assert lines[0] == "Tidak ada yang mendukung anak di tingkat lembaga"
    assert lines[2] == "Kebutuhan layanan hukum belum terpenuhi"
    assert (
        "Hanya satu ikatan yang menghubungkan keluarga / pengasuh dan komunitas: Mother – Imam"
        in (lines)
    )


def test_describe_names_members_by_id_without_labels():
    lines = gaps.describe(gaps.child_gaps(system(tie("child", "father", 2, "stressful"))))
    assert "The tie between the child and father is stressful" in lines


def test_describe_says_so_when_there_is_no_gap():
    assert gaps.describe(gaps.child_gaps(without_gaps())) == ["No gaps: every rule is met"]
    assert gaps.describe(gaps.child_gaps(without_gaps()), "id") == [
        "Tidak ada kesenjangan: semua aturan terpenuhi"
    ]
