"""What-if: proposed ties, the gaps they close or open, and suggested services of the district."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eska_network.domain import codes, gaps
from eska_network.domain.gap_items import GapItem
from eska_network.domain.model import Child, ChildSystem, Dataset, Member, Tie
from eska_network.domain.whatif import ProposedTie, apply_proposals, suggested_services, what_if

from .map_cases import DISTRICT_SERVICES, LATER, conference_child

LEGAL_AID = ProposedTie(
    "lbh",
    "institution",
    strength=3,
    support_types=("instrumental",),
    needs_met=("legal",),
    label="LBH Bandung",
    role="legal_aid",
)


def test_apply_returns_a_new_record_and_leaves_the_old_one():
    system = conference_child()
    changed = apply_proposals(system, [LEGAL_AID], LATER)
    assert len(system.members) == 8 and len(changed.members) == 9
    added = changed.members[-1]
    assert (added.member_id, added.label, added.level, added.role) == (
        "lbh",
        "LBH Bandung",
        "institution",
        "legal_aid",
    )
    assert changed.ties[-1] == Tie(
        "C042",
        "child",
        "lbh",
        3,
        "supportive",
        LATER,
        support_types=("instrumental",),
        functions=(),
        needs_met=("legal",),
    )


def test_a_proposal_replaces_the_row_of_its_pair_on_the_same_date():
    system = conference_child()
    stronger_police = ProposedTie("polres", "institution", strength=5, needs_met=("legal",))
    changed = apply_proposals(system, [stronger_police], LATER)
    rows = [tie for tie in changed.ties if tie.pair == ("child", "polres")]
    assert [(tie.assessed_on, tie.strength) for tie in rows] == [
        (dt.date(2025, 9, 1), 2),
        (LATER, 5),
    ]
    assert len(changed.members) == len(system.members)


def test_legal_aid_closes_the_unmet_legal_need():
    result = what_if(conference_child(), [LEGAL_AID])
    assert result.closed == (GapItem("unmet_need", "legal"),)
    assert result.opened == ()
    assert result.before.unmet_needs == ("legal",) and result.after.unmet_needs == ()


def test_a_member_tie_that_is_the_first_between_two_levels_opens_a_single_point_of_failure():
    # The mother and the NGO: the first family-institution link.
    link = ProposedTie("yayasan", "institution", strength=3, other_end="ibu_sari")
    result = what_if(conference_child(), [link])
    assert GapItem("link_missing", "family-institution") in result.closed
    assert result.opened == (GapItem("single_point_of_failure", ("ibu_sari", "yayasan")),)


def test_a_second_tie_between_two_levels_closes_the_single_point_of_failure():
    second = ProposedTie("polres", "institution", strength=3, other_end="bu_ani")
    result = what_if(conference_child(), [second])
    assert GapItem("single_point_of_failure", ("patbm", "yayasan")) in result.closed
    assert GapItem("link_weak", "community-institution") in result.closed


def test_a_record_without_assessments_is_dated_today_or_as_told():
    system = ChildSystem(Child("C1", "Kota Bandung", 15, needs=("legal",)))
    result = what_if(system, [LEGAL_AID], today=dt.date(2026, 4, 1))
    assert result.on == dt.date(2026, 4, 1)
    assert GapItem("level_absent", "institution") in result.closed


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"level": "school"}, "level"),
        ({"strength": 6}, "strength"),
        ({"valence": "friendly"}, "valence"),
        ({"needs_met": ("money",)}, "needs_met"),
        ({"member_id": "child"}, "cannot be"),
    ],
)
def test_bad_proposals_are_refused(fields, message):
    arguments = {"member_id": "x", "level": "community", **fields}
    with pytest.raises(ValueError, match=message):
        ProposedTie(**arguments)


def test_a_proposal_to_an_unknown_member_is_refused():
    with pytest.raises(ValueError, match="no member 'ghost'"):
        apply_proposals(conference_child(), [ProposedTie("x", "family", other_end="ghost")], LATER)


def test_suggested_services_serve_the_unmet_needs_of_the_childs_district():
    offers = suggested_services(conference_child(), DISTRICT_SERVICES)
    assert list(offers) == ["legal"]
    names = [proposal.label for proposal in offers["legal"]]
    assert names == ["LBH Bandung", "Yayasan Pelita Anak"]  # not LBH Garut: another district
    lbh = offers["legal"][0]
    assert (lbh.strength, lbh.valence, lbh.support_types, lbh.needs_met) == (
        3,
        "supportive",
        ("instrumental",),
        ("legal",),
    )
    assert (lbh.level, lbh.role, lbh.resource_id, lbh.member_id) == (
        "institution",
        "legal_aid",
        "R-LBH",
        "service_R-LBH",
    )


def test_a_service_already_in_the_record_is_proposed_as_a_tie_to_that_member():
    offers = suggested_services(conference_child(), DISTRICT_SERVICES)
    ngo = offers["legal"][1]
    assert ngo.member_id == "yayasan"


def test_suggestions_from_a_dataset_and_each_need_listed():
    system = conference_child(needs=("legal", "education", "housing"))
    dataset = Dataset.from_objects(resources=DISTRICT_SERVICES)
    offers = suggested_services(system, dataset, as_of=dt.date(2025, 8, 1))
    # Before any assessment every need is unmet; nobody offers housing.
    assert list(offers) == ["housing", "education", "legal"]
    assert offers["housing"] == ()
    assert [p.label for p in offers["education"]] == ["PKBM Harapan", "Yayasan Pelita Anak"]
    ngo = offers["education"][1]
    assert ngo.needs_met == ("education", "legal")
    assert ngo is offers["legal"][1]


def test_applying_a_suggestion_closes_the_need():
    offers = suggested_services(conference_child(), DISTRICT_SERVICES)
    result = what_if(conference_child(), [offers["legal"][0]])
    assert GapItem("unmet_need", "legal") in result.closed


# --- The property: adding an active supportive tie never makes rules 1 to 5 worse ----------------

RULE_2_TO_4 = {"unmet_need", "missing_function", "missing_support_type"}
REPLACES = {"level_weak": "level_absent", "link_weak": "link_missing"}


@st.composite
def record_and_new_tie(draw):
    count = draw(st.integers(1, 6))
    levels = draw(st.lists(st.sampled_from(codes.LEVELS.codes), min_size=count, max_size=count))
    members = tuple(Member("C1", f"m{i}", f"Member {i}", level) for i, level in enumerate(levels))
    ends = ["child", *(member.member_id for member in members)]
    pairs = [(a, b) for i, a in enumerate(ends) for b in ends[i + 1 :]]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    free = [pair for pair in pairs if pair not in chosen]
    codes_of = {
        name: st.lists(st.sampled_from(vocabulary.codes), unique=True, max_size=2).map(tuple)
        for name, vocabulary in (
            ("support_types", codes.SUPPORT_TYPES),
            ("functions", codes.FUNCTIONS),
            ("needs_met", codes.NEEDS),
        )
    }
    ties = tuple(
        Tie(
            "C1",
            a,
            b,
            draw(st.integers(0, 5)),
            draw(st.sampled_from(codes.VALENCES.codes)),
            LATER,
            support_types=draw(codes_of["support_types"]),
            functions=draw(codes_of["functions"]),
            needs_met=draw(codes_of["needs_met"]),
            last_contact=draw(st.one_of(st.none(), st.just(LATER - dt.timedelta(days=200)))),
        )
        for a, b in chosen
    )
    needs = draw(codes_of["needs_met"])
    system = ChildSystem(Child("C1", "Kota Bandung", 15, needs=needs), members, ties)
    if free and draw(st.booleans()):
        other_end, member_id = draw(st.sampled_from(free))
        level = system.member_levels[member_id]
    else:
        other_end = draw(st.sampled_from(ends))
        member_id, level = "new", draw(st.sampled_from(codes.LEVELS.codes))
    proposal = ProposedTie(
        member_id,
        level,
        strength=draw(st.integers(1, 5)),
        support_types=draw(codes_of["support_types"]),
        functions=draw(codes_of["functions"]),
        needs_met=draw(codes_of["needs_met"]),
        other_end=other_end,
    )
    return system, proposal


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_and_new_tie())
def test_adding_an_active_supportive_tie_never_makes_rules_1_to_5_worse(case):
    system, proposal = case
    result = what_if(system, [proposal])
    before, after = result.before, result.after
    for level in codes.LEVELS:
        assert after.levels[level].max_strength >= before.levels[level].max_strength
    for pair in codes.LEVEL_PAIRS:
        assert after.inter_level[pair] >= before.inter_level[pair]
    assert after.inter_level[after.weakest_link] >= before.inter_level[before.weakest_link]
    for item in result.opened:
        assert item.kind not in RULE_2_TO_4
        assert item.kind not in {"level_absent", "link_missing", "stressful_tie", "stale_tie"}
        if item.kind in REPLACES:
            assert GapItem(REPLACES[item.kind], item.subject) in result.closed
        if item.kind == "single_point_of_failure":
            # Only the new tie can become a sole link, and only where no link was before.
            assert set(item.tie) == {proposal.member_id, proposal.other_end}
            levels = result.system.member_levels
            pair = codes.level_pair(levels[item.tie[0]], levels[item.tie[1]])
            assert before.inter_level[pair] == 0
    assert gaps.child_gaps(system, result.on) == before
