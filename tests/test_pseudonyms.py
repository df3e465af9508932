"""Presentation mode: role pseudonyms replace every label and id, in every view."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.child_map.figure import child_map_figure
from eska_network.child_map.tables import gap_rows, tie_rows
from eska_network.child_map.view import MapRequest, gap_sentences, map_view
from eska_network.domain import codes, gaps
from eska_network.domain.gap_items import gap_items
from eska_network.domain.model import Child, ChildSystem, Member, Tie
from eska_network.domain.pseudonyms import pseudonymise, pseudonyms

from .map_cases import CHILD_ID, LABELS, LATER, conference_child, crowded_child


def test_labels_become_role_pseudonyms_numbered_within_a_role():
    shown = pseudonymise(crowded_child(12))
    labels = sorted(member.label for member in shown.members)
    assert labels == [
        "Aunt",
        "Father",
        "Health service",
        "Legal aid",
        "Mother",
        "NGO",
        "Neighbour",
        "Peer",
        "Police",
        "Religious leader",
        "Teacher",
        "Uncle",
    ]
    two_teachers = pseudonymise(crowded_child(24))
    assert {"Teacher 1", "Teacher 2", "NGO 1", "NGO 2"} <= {m.label for m in two_teachers.members}


def test_indonesian_pseudonyms():
    shown = pseudonymise(crowded_child(24), "id")
    assert {"Ibu 1", "Guru 1", "Guru 2", "LSM 1", "LSM 2", "Polisi 1", "Bibi"} <= {
        member.label for member in shown.members
    }


def test_numbering_follows_the_original_ids_and_is_repeatable():
    assert pseudonyms(crowded_child(24)) == pseudonyms(crowded_child(24))
    names = pseudonyms(crowded_child(24))
    # m00 and m21 are both mothers: the lower id is number 1.
    assert names["m00"] == ("mother_1", "Mother 1") and names["m21"] == ("mother_2", "Mother 2")


def test_child_code_caseworker_and_every_id_are_replaced():
    system = conference_child()
    shown = pseudonymise(system, child_code="B")
    assert shown.child.child_id == "B" and shown.child.caseworker is None
    assert {member.child_id for member in shown.members} == {"B"}
    assert {tie.child_id for tie in shown.ties} == {"B"}
    # Ids that are not also role names ("patbm" is both, and leaks nothing).
    old_ids = set(LABELS) - {member.role for member in system.members}
    new_ids = {member.member_id for member in shown.members}
    assert not old_ids & new_ids
    assert {end for tie in shown.ties for end in (tie.source, tie.target)} <= new_ids | {"child"}


def test_an_unknown_role_is_not_shown_and_gets_the_level_name():
    system = conference_child()
    member = system.members[0]
    odd = type(member)(CHILD_ID, "x", "Siti", "community", "warung_owner_siti")
    shown = pseudonymise(type(system)(system.child, (*system.members, odd), system.ties))
    renamed = [m for m in shown.members if m.label == "Community member 1"]
    assert len(renamed) == 1 and renamed[0].role is None


def test_nothing_of_the_original_is_left_in_the_record():
    shown = pseudonymise(conference_child())
    text = json.dumps([repr(shown)])
    for label in LABELS.values():
        assert label not in text
    for member in conference_child().members:
        if member.member_id != member.role:
            assert f"'{member.member_id}'" not in text
    assert CHILD_ID not in text and "dewi" not in text


@pytest.mark.parametrize("day", [None, LATER])
def test_the_gaps_stay_the_same_under_pseudonyms(day):
    system = conference_child()
    names = {old: new for old, (new, _) in pseudonyms(system).items()}
    names["child"] = "child"
    before = gap_items(gaps.child_gaps(system, day))
    after = gap_items(gaps.child_gaps(pseudonymise(system), day))
    renamed = sorted(
        (item.kind, tuple(names[end] for end in item.tie) if item.tie else item.subject)
        for item in before
    )
    assert renamed == sorted((item.kind, item.subject) for item in after)


@st.composite
def named_records(draw):
    """Records whose labels, ids and roles are words no view would hold by chance."""
    word = st.text("bcdfghjkmnpqrstvwxz", min_size=5, max_size=8).map(lambda w: "Zq" + w)
    count = draw(st.integers(1, 8))
    names = draw(st.lists(word, min_size=2 * count + 1, max_size=2 * count + 1, unique=True))
    roles = st.one_of(st.sampled_from(["mother", "teacher", "ngo", "police"]), st.just(names[0]))
    members = tuple(
        Member(
            names[0],
            names[1 + 2 * i],
            names[2 + 2 * i],
            draw(st.sampled_from(codes.LEVELS.codes)),
            draw(roles),
        )
        for i in range(count)
    )
    ties = tuple(
        Tie(names[0], "child", m.member_id, draw(st.integers(0, 5)), "supportive", LATER)
        for m in members
    )
    return ChildSystem(Child(names[0], "Kota Bandung", 13), members, ties), names


@settings(max_examples=15, deadline=None)
@given(named_records())
def test_no_view_of_a_pseudonymised_record_holds_a_name_or_id(case):
    system, names = case
    view = map_view(MapRequest(system, presentation=True))
    shown = child_map_figure(view).to_json() + json.dumps(gap_rows(view) + tie_rows(view))
    shown += " ".join(gap_sentences(view))
    for name in names:
        assert name not in shown
