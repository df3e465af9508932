"""From form values to the store's changes: only what the user changed, placed problems, words."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.domain import codes
from eska_network.domain.model import Child, ChildSystem, Member, Resource, Tie
from eska_network.services import access, assessment_words
from eska_network.services import assessment_forms as forms
from eska_network.services.access import Principal
from eska_network.store import AssessmentError, Problem, TieUpdate

FIRST = dt.date(2026, 1, 5)
LATER = dt.date(2026, 3, 1)


@pytest.fixture
def mother_and_imam_record():
    """C1 with a mother and an imam, both tied to the child; the district lists legal aid."""
    system = ChildSystem(
        Child("C1", "Kota Contoh", 14, needs=("legal",), wellbeing_personal=3),
        members=(
            Member("C1", "mother", "Ibu (Mother)", "family", "mother"),
            Member("C1", "imam", "Imam Cibiru", "community", "religious_leader"),
        ),
        ties=(
            Tie("C1", "child", "mother", 4, "supportive", FIRST, support_types=("emotional",)),
            Tie("C1", "child", "imam", 2, "ambivalent", FIRST),
        ),
    )
    legal_aid = Resource("LBH", "Kota Contoh", "LBH Contoh", "institution", ("legal",), "legal_aid")
    return forms.Record(system, revision=1, resources=(legal_aid,))


def _with_tie(form: forms.FormValues, key: str, **values) -> forms.FormValues:
    ties = dict(form.ties)
    ties[key] = dataclasses.replace(ties[key], **values)
    return dataclasses.replace(form, ties=ties)


def test_an_untouched_form_changes_nothing(mother_and_imam_record):
    draft = forms.draft_changes(forms.form_defaults(mother_and_imam_record), mother_and_imam_record)
    assert draft.is_empty and draft.problems == ()


def test_a_changed_tie_becomes_one_tie_change(mother_and_imam_record):
    form = _with_tie(forms.form_defaults(mother_and_imam_record), "tie:child|mother", strength=5)
    draft = forms.draft_changes(form, mother_and_imam_record)
    assert draft.changes.ties == (
        TieUpdate("child", "mother", 5, "supportive", support_types=("emotional",)),
    )
    assert draft.places == {("ties", 0): "tie:child|mother"}


def test_what_someone_else_saved_in_between_is_kept(mother_and_imam_record):
    """The user raises the strength; the other save changed the valence and the needs."""
    baseline = mother_and_imam_record
    system = baseline.system
    current = dataclasses.replace(
        baseline,
        revision=2,
        system=dataclasses.replace(
            system,
            child=dataclasses.replace(system.child, needs=("legal", "housing")),
            ties=system.ties + (Tie("C1", "child", "mother", 4, "stressful", LATER),),
        ),
    )
    form = forms.form_defaults(baseline)
    form = _with_tie(form, "tie:child|mother", strength=2)
    form = dataclasses.replace(form, child=dataclasses.replace(form.child, wellbeing_personal=4))
    changes = forms.draft_changes(form, baseline, current).changes
    assert (changes.ties[0].strength, changes.ties[0].valence) == (2, "stressful")
    assert (changes.child.wellbeing_personal, changes.child.needs) == (4, ("legal", "housing"))


def test_a_new_member_from_a_service_takes_its_name_and_level(mother_and_imam_record):
    form = dataclasses.replace(
        forms.form_defaults(mother_and_imam_record),
        new_members=(forms.MemberEntry(resource_id="LBH", role="legal_aid"), forms.MemberEntry()),
        new_ties=(forms.TieEntry(target="new_member:0", needs_met=("legal",)), forms.TieEntry()),
    )
    draft = forms.draft_changes(form, mother_and_imam_record)
    (member,) = draft.changes.members_added
    assert (member.member_id, member.label, member.level) == (
        "lbh_contoh",
        "LBH Contoh",
        "institution",
    )
    (tie,) = draft.changes.ties
    assert (tie.source, tie.target, tie.strength) == ("child", "lbh_contoh", 3)
    assert draft.places == {("members_added", 0): "new_member:0", ("ties", 0): "new_tie:0"}


def test_a_tie_to_a_blank_new_member_is_a_problem_at_its_end(mother_and_imam_record):
    form = dataclasses.replace(
        forms.form_defaults(mother_and_imam_record),
        new_members=(forms.MemberEntry(),),
        new_ties=(forms.TieEntry(target="new_member:0"),),
    )
    draft = forms.draft_changes(form, mother_and_imam_record)
    assert [(p.entry, p.field) for p in draft.problems] == [("new_tie:0", "target")]


def test_fields_are_checked_by_the_import_rules(mother_and_imam_record):
    form = forms.form_defaults(mother_and_imam_record)
    members = dict(form.members)
    members["member:imam"] = dataclasses.replace(members["member:imam"], label="  ")
    form = _with_tie(dataclasses.replace(form, members=members), "tie:child|imam", strength=7)
    draft = forms.draft_changes(form, mother_and_imam_record)
    assert forms.problems_by_field(draft.problems) == {
        ("member:imam", "label"): ["a value is required"],
        ("tie:child|imam", "strength"): ["7 is out of range 0 to 5"],
    }


def test_a_removed_member_is_placed_at_its_remove_box(mother_and_imam_record):
    form = forms.form_defaults(mother_and_imam_record)
    members = dict(form.members)
    members["member:imam"] = dataclasses.replace(members["member:imam"], remove=True)
    draft = forms.draft_changes(dataclasses.replace(form, members=members), mother_and_imam_record)
    assert draft.changes.members_removed == ("imam",)
    store_problem = AssessmentError(
        [Problem("members_removed", 0, None, "no current member 'imam'")]
    )
    placed = forms.place_problems(draft, store_problem.problems)
    assert [(p.entry, p.field) for p in placed] == [("member:imam", "remove")]


def test_new_member_ids_never_collide_and_never_name_the_child():
    assert forms.new_member_id("Child", []) == "member"
    assert forms.new_member_id("Mother", ["mother", "mother_2"]) == "mother_3"
    assert len(forms.new_member_id("x" * 80, [])) <= 32


def test_the_words_name_members_by_label(mother_and_imam_record):
    form = _with_tie(forms.form_defaults(mother_and_imam_record), "tie:child|imam", strength=0)
    draft = forms.draft_changes(form, mother_and_imam_record)
    lines = assessment_words.describe_changes(draft.changes, mother_and_imam_record, "id")
    assert lines == ["Ikatan (Anak – Imam Cibiru): 0 – berakhir, ambivalen."]
    assert assessment_words.entry_title(mother_and_imam_record, "tie:child|imam") == (
        "Tie (The child – Imam Cibiru)"
    )


def test_the_tables_show_labels_and_meanings(mother_and_imam_record):
    ties = assessment_words.ties_table(mother_and_imam_record, FIRST)
    assert ties.iloc[0, :3].tolist() == ["The child", "Imam Cibiru", "2 – weak (dashed line)"]
    members = assessment_words.members_table(mother_and_imam_record, "id")
    assert members.iloc[0].tolist() == ["Ibu (Mother)", "keluarga / pengasuh", "Ibu", ""]


def test_open_record_is_refused_for_a_child_of_someone_else(small_store):
    budi = Principal("cw_budi", "caseworker")
    with pytest.raises(access.AccessDenied):
        forms.open_record(small_store, budi, "C1")
    ani = Principal("cw_ani", "caseworker")
    record = forms.open_record(small_store, ani, "C1")
    assert (record.revision, [r.resource_id for r in record.resources]) == (1, ["R1"])


_labels = st.text(alphabet="abcXYZ ()-", min_size=1, max_size=12).filter(str.strip)


@st.composite
def _records(draw):
    count = draw(st.integers(0, 4))
    members = tuple(
        Member("C1", f"m{i}", draw(_labels), draw(st.sampled_from(codes.LEVELS.codes)))
        for i in range(count)
    )
    ends = ["child", *(m.member_id for m in members)]
    ties = []
    for source, target in draw(st.lists(st.tuples(*[st.sampled_from(ends)] * 2), max_size=6)):
        if source != target:
            ties.append(
                Tie(
                    "C1",
                    source,
                    target,
                    draw(st.integers(0, 5)),
                    draw(st.sampled_from(codes.VALENCES.codes)),
                    draw(st.sampled_from([FIRST, LATER])),
                    support_types=tuple(draw(st.sets(st.sampled_from(codes.SUPPORT_TYPES.codes)))),
                )
            )
    needs = tuple(codes.NEEDS.sort(draw(st.sets(st.sampled_from(codes.NEEDS.codes)))))
    child = Child("C1", "Kota Contoh", 12, needs=needs)
    return forms.Record(ChildSystem(child, members, tuple(ties)), revision=1)


@settings(max_examples=40, deadline=None)
@given(_records())
def test_any_record_opened_and_saved_untouched_changes_nothing(record):
    draft = forms.draft_changes(forms.form_defaults(record), record)
    assert draft.is_empty
