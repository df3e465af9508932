"""The shipped sample data: valid, big enough, and holding every story the product must show."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from eska_network.domain import codes, gap_table, gaps, io, schema
from eska_network.domain.gap_items import gap_items
from sample_data import make_sample

from .conftest import SAMPLE_DATA

# Real Indonesian kabupaten/kota the sample is set in.
SAMPLE_DISTRICTS = {
    "Kota Bandung",
    "Kabupaten Indramayu",
    "Kota Surabaya",
    "Kota Batam",
    "Kabupaten Karangasem",
    "Kota Medan",
}


@pytest.fixture(scope="module")
def sample_gap_table(sample_dataset):
    return gap_table.gap_table(sample_dataset)


def test_sample_passes_validation():
    dataset = io.read_dataset(SAMPLE_DATA)
    assert len(dataset.children) >= 60


def test_sample_is_set_in_at_least_six_real_districts(sample_dataset):
    children = sample_dataset.children
    assert set(children["district"]) == SAMPLE_DISTRICTS
    assert children.groupby("district").size().min() >= 8


def test_children_carry_pseudonymous_district_codes(sample_dataset):
    assert all(re.fullmatch(r"[A-Z]{3}-\d{3}", code) for code in sample_dataset.child_ids)


def test_every_district_has_a_few_caseworkers_with_caseloads(sample_dataset):
    children = sample_dataset.children
    assert children["caseworker"].str.startswith("cw_").all()
    per_district = children.groupby("district")["caseworker"].nunique()
    assert per_district.between(2, 4).all()
    assert children.groupby("caseworker").size().min() >= 3


def test_children_are_seen_over_two_and_three_assessments(sample_dataset):
    dates = sample_dataset.ties.groupby("child_id")["assessed_on"].nunique()
    assert (dates == 2).sum() >= 3
    assert (dates == 3).sum() >= 3


def test_members_and_ties_cover_all_three_levels_and_links(sample_dataset):
    members, ties = sample_dataset.members, sample_dataset.ties
    assert set(members["level"]) == set(codes.LEVELS)
    level = dict(
        zip(
            zip(members["child_id"], members["member_id"], strict=True),
            members["level"],
            strict=True,
        )
    )
    member_ties = ties[ties["source"] != codes.CHILD_NODE]
    pairs = {
        codes.level_pair(level[child, source], level[child, target])
        for child, source, target in zip(
            member_ties["child_id"], member_ties["source"], member_ties["target"], strict=True
        )
    }
    assert set(codes.LEVEL_PAIRS) <= pairs


def test_every_district_lists_services_and_some_needs_have_none(sample_dataset):
    resources = sample_dataset.resources
    assert set(resources["district"]) == SAMPLE_DISTRICTS
    served = resources.groupby("district")["needs_served"].agg(
        lambda cells: {code for cell in cells for code in cell.split(";")}
    )
    assert all(len(needs) >= 3 for needs in served)
    assert any(set(codes.NEEDS) - needs for needs in served)


def test_members_standing_for_a_service_point_to_one_of_their_district(sample_dataset):
    members = sample_dataset.members.dropna(subset=["resource_id"])
    district_of_child = sample_dataset.children.set_index("child_id")["district"]
    district_of_service = sample_dataset.resources.set_index("resource_id")["district"]
    assert len(members) >= 50
    assert (
        district_of_child.loc[members["child_id"]].to_numpy()
        == district_of_service.loc[members["resource_id"]].to_numpy()
    ).all()


@pytest.mark.parametrize(
    ("gap", "holds"),
    [
        ("family that rejects the child", lambda t: t["stressful_family"]),
        ("no institution", lambda t: t["institution_status"] == "absent"),
        ("no family", lambda t: t["family_status"] == "absent"),
        ("weak ring", lambda t: (t[[f"{lv}_status" for lv in codes.LEVELS]] == "weak").any(axis=1)),
        ("broken community-institution link", lambda t: t["link_community_institution"] == 0),
        ("single point of failure", lambda t: t["single_points_of_failure"] > 0),
        ("stale contact", lambda t: t["stale_ties"] > 0),
        ("unmet legal need", lambda t: t["unmet_needs"].str.contains("legal")),
        ("missing key", lambda t: t["missing_functions"] != ""),
        ("missing empowerment", lambda t: t["missing_functions"].str.contains("empowerment")),
        ("missing kind of support", lambda t: t["missing_support_types"] != ""),
    ],
)
def test_each_kind_of_gap_is_present(sample_gap_table, gap, holds):
    assert holds(sample_gap_table).any(), gap


def test_ambivalent_and_ended_ties_are_present(sample_dataset):
    ties = sample_dataset.ties
    assert (ties["valence"] == "ambivalent").any()
    assert (ties["strength"] == 0).any()


def test_one_child_has_no_gap_at_all(sample_dataset):
    result = gaps.child_gaps(sample_dataset.child_system("BDG-001"))
    assert gap_items(result) == ()


def test_one_child_has_a_large_network(sample_dataset):
    sizes = sample_dataset.members.groupby("child_id").size()
    assert sizes.max() >= 30


def test_a_label_with_markup_and_quotes_survives_the_round_trip(sample_dataset):
    labels = sample_dataset.members["label"]
    assert labels.str.contains("<b>", regex=False).any()
    assert labels.str.contains('"', regex=False).any()
    assert labels.str.contains("&", regex=False).any()


def test_a_child_over_time_shows_gains_losses_and_changes(sample_dataset):
    system = sample_dataset.child_system("IDM-001")
    first, *_, last = system.assessment_dates()
    before = {tie.pair: tie for tie in system.ties_as_of(first)}
    after = {tie.pair: tie for tie in system.ties_as_of(last)}
    assert set(after) - set(before), "no tie gained"
    assert any(tie.strength == 0 for tie in after.values()), "no tie ended"
    changed = [pair for pair in before if pair in after and before[pair] != after[pair]]
    assert any(after[pair].strength > before[pair].strength > 0 for pair in changed)
    assert any(0 < after[pair].strength < before[pair].strength for pair in changed)


def test_the_committed_files_are_what_the_script_writes(tmp_path):
    io.write_dataset(make_sample.sample_dataset(), tmp_path)
    for spec in schema.FILES:
        assert (tmp_path / spec.name).read_bytes() == (SAMPLE_DATA / spec.name).read_bytes()


# --- What a social worker would accept (issue 13) ------------------------------------------------

REAL_NAMES = re.compile(
    r"SMA Negeri \d|SMP Negeri \d|LBH (?:Bandung|Surabaya|Medan|Batam)$|RSUD Dr\.|Embung Fatimah"
)


def test_no_real_school_hospital_or_ngo_is_named(sample_dataset):
    names = pd.concat([sample_dataset.members["label"], sample_dataset.resources["name"]])
    assert not names.str.contains(REAL_NAMES).any(), names[names.str.contains(REAL_NAMES)]


def test_every_service_a_member_or_referral_names_is_of_the_childs_district(sample_dataset):
    district = sample_dataset.children.set_index("child_id")["district"]
    services = sample_dataset.resources.set_index("resource_id")
    for table in (sample_dataset.members, sample_dataset.actions):
        named = table.dropna(subset=["resource_id"])
        assert len(named)
        assert (
            named["resource_id"].map(services["district"]) == named["child_id"].map(district)
        ).all()
    # A service's name is its own district's (no Medan mother of a Batam child).
    other_cities = {
        row.child_id: [d.split()[-1] for d in SAMPLE_DISTRICTS if d != district[row.child_id]]
        for row in sample_dataset.members.itertuples()
    }
    for row in sample_dataset.members.itertuples():
        assert not any(city in row.label for city in other_cities[row.child_id]), row


def test_risk_codes_fit_the_childs_age(sample_dataset):
    children = sample_dataset.children
    young = children[children["age"] < 13]
    assert len(young) >= 5
    assert not young["risk_factors"].str.contains("early_sexual_experience").any()


def test_religious_leaders_fit_the_district(sample_dataset):
    members = sample_dataset.members.merge(sample_dataset.children[["child_id", "district"]])
    leaders = members[members["role"] == "religious_leader"]
    bali = leaders[leaders["district"] == "Kabupaten Karangasem"]
    assert len(bali) and bali["label"].str.startswith("Pemangku").all()
    assert (
        not leaders.loc[leaders["district"] != "Kabupaten Karangasem", "label"]
        .str.contains("Pemangku")
        .any()
    )
    assert not members["label"].str.contains("Ustadz").any()  # spelled ustaz / ustazah


def test_a_child_sent_home_to_her_exploiter_shows_the_unsafe_placement_first(sample_dataset):
    result = gaps.child_gaps(sample_dataset.child_system("SBY-003"))
    items = gap_items(result)
    assert (items[0].kind, items[0].subject) == ("unsafe_placement", "family")
    assert result.exploitative_ties == (("child", "stepfather"),)


def test_exploitation_by_family_ends_and_the_placement_becomes_safe(sample_dataset):
    system = sample_dataset.child_system("IDM-001")
    first, middle, last = system.assessment_dates()
    assert gaps.child_gaps(system, middle).unsafe_placement
    assert not gaps.child_gaps(system, last).unsafe_placement
    assert gaps.child_gaps(system, first).exploitative_ties == (
        ("child", "boyfriend"),
        ("child", "father"),
    )


def test_assessments_and_actions_cover_the_second_format_version(sample_dataset):
    rows, actions = sample_dataset.assessments, sample_dataset.actions
    assert set(rows["placement"].dropna()) >= {"family", "kin", "shelter", "street"}
    assert set(rows["reintegration_stage"].dropna()) == set(codes.STAGES)
    assert set(actions["worker_role"]) == set(codes.WORKER_ROLES)
    assert {"proposed", "sent", "accepted", "active", "closed", "declined"} <= set(
        actions["status"]
    )
    assert (actions["responsible"].dropna() != "").all()
    assert not actions["responsible"].str.startswith("cw_").any()  # roles, never names
