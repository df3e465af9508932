"""Recording assessments: history kept, rules checked per field, concurrent saves refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eska_network.domain import codes, gap_table, gaps, io, summary
from eska_network.store import (
    AssessmentChanges,
    AssessmentError,
    ChildChange,
    ConcurrentEditError,
    MemberChange,
    TieUpdate,
    open_store,
    tables,
)
from eska_network.store.backup import table_checksums

from .conftest import clear_store

VISIT = dt.date(2026, 4, 10)
"""A home visit after the small data set's latest assessment (2026-03-01)."""

REFERRAL = AssessmentChanges(
    child=ChildChange(
        needs=("legal", "education"), risk_factors=("maltreatment",), wellbeing_personal=3
    ),
    members_added=(MemberChange("teacher", "Bu Sari", "community", "teacher"),),
    ties=(
        TieUpdate(
            "child",
            "teacher",
            3,
            "supportive",
            support_types=("instrumental",),
            functions=("empowerment",),
            needs_met=("education",),
            last_contact=VISIT,
        ),
        TieUpdate("child", "imam", 0, "ambivalent"),
    ),
)


def save(store, changes, on=VISIT, user="cw_ani", child_id="C1"):
    return store.record_assessment(child_id, on, changes, store.revision(child_id), user)


def test_an_assessment_adds_rows_and_leaves_every_earlier_date_as_it_was(small_store):
    before = small_store.child_system("C1")
    revision = small_store.revision("C1")
    assert small_store.record_assessment("C1", VISIT, REFERRAL, revision, "cw_ani") == revision + 1
    after = small_store.child_system("C1")
    for day in before.assessment_dates():
        assert after.ties_as_of(day) == before.ties_as_of(day)
    assert set(before.ties) <= set(after.ties)
    latest = {tie.pair: tie for tie in after.ties_as_of()}
    assert latest[("child", "teacher")].needs_met == ("education",)
    assert latest[("child", "imam")].strength == 0
    assert after.state_as_of().needs == ("education", "legal")
    # The children row stays the baseline (children.csv); the assessment is a dated row.
    assert after.child.needs == ("housing", "legal")
    assert after.assessments[-1].assessed_on == VISIT


def test_the_child_as_of_an_earlier_date_keeps_its_earlier_needs_and_members(small_store):
    save(small_store, REFERRAL)
    earlier = small_store.child_system("C1", as_of=dt.date(2026, 3, 15))
    assert earlier.state_as_of().needs == ("housing", "legal")
    assert "teacher" not in earlier.member_levels
    later = small_store.child_system("C1", as_of=VISIT)
    assert later.state_as_of().needs == ("education", "legal")
    rows = small_store.export_dataset().assessments
    assert rows[["child_id", "needs", "wellbeing_personal"]].values.tolist() == [
        ["C1", "education;legal", 3]
    ]
    # Only what changed is recorded: the risk factors stay as the baseline has them.
    assert pd.isna(rows.loc[0, "risk_factors"])
    assert later.state_as_of().risk_factors == ("maltreatment",)


def test_an_assessment_records_only_what_changed_and_none_for_an_emptied_list(small_store):
    current = ChildChange.of(small_store.child_system("C1"))
    changed = dataclasses.replace(current, needs=(), placement="kin")
    save(small_store, AssessmentChanges(child=changed))
    row = small_store.export_dataset().assessments.iloc[0]
    assert row["needs"] == "none" and row["placement"] == "kin"
    assert pd.isna(row["risk_factors"]) and pd.isna(row["reintegration_stage"])
    state = small_store.child_system("C1").state_as_of()
    assert state.needs == () and state.needs_recorded and state.placement == "kin"


def test_a_recorded_placement_cannot_be_emptied_only_replaced(small_store):
    save(small_store, AssessmentChanges(child=ChildChange(placement="shelter")))
    record = small_store.child_system("C1")
    emptied = dataclasses.replace(ChildChange.of(record), placement=None)
    with pytest.raises(AssessmentError) as caught:
        save(small_store, AssessmentChanges(child=emptied), on=VISIT + dt.timedelta(days=1))
    assert "child.placement" in caught.value.by_field()


def test_removing_a_member_ends_its_ties_and_keeps_it_in_the_export(small_store):
    save(small_store, AssessmentChanges(members_removed=("mother",)))
    system = small_store.child_system("C1")
    ended = [tie for tie in system.ties_as_of() if "mother" in tie.pair]
    assert ended and all(tie.strength == 0 and tie.assessed_on == VISIT for tie in ended)
    earlier = {t.pair: t for t in small_store.child_system("C1", dt.date(2026, 3, 1)).ties_as_of()}
    assert earlier[("child", "mother")].strength == 3
    members = small_store.export_dataset().members.set_index("member_id")
    assert members.loc["mother", "removed_on"] == "2026-04-10"
    assert pd.isna(members.loc["imam", "removed_on"])


def test_a_tie_already_recorded_on_that_date_is_refused_not_replaced(small_store):
    before = table_checksums(small_store)
    changes = AssessmentChanges(ties=(TieUpdate("child", "mother", 1, "stressful"),))
    with pytest.raises(AssessmentError) as caught:
        save(small_store, changes, on=dt.date(2026, 3, 1))
    assert "ties[0]" in caught.value.by_field()
    assert "already has a row dated 2026-03-01" in str(caught.value)
    assert table_checksums(small_store) == before


def test_every_wrong_field_is_named_and_nothing_is_saved(small_store):
    before = table_checksums(small_store)
    bad = AssessmentChanges(
        child=ChildChange(needs=("flying",), wellbeing_skills=9),
        members_added=(MemberChange("mother", "", "galaxy"), MemberChange("child", "X", "family")),
        members_edited=(MemberChange("ghost", "G", "family"),),
        members_removed=("nobody",),
        ties=(
            TieUpdate("child", "stranger", 7, "friendly"),
            TieUpdate("mother", "mother", 2, "supportive"),
        ),
    )
    with pytest.raises(AssessmentError) as caught:
        save(small_store, bad, on=dt.date(2026, 1, 1))
    fields = caught.value.by_field()
    assert fields["child.needs"] == [
        "unknown code 'flying' (expected any of: " + ", ".join(codes.NEEDS.codes) + ")"
    ]
    assert fields["child.wellbeing_skills"] == ["9 is out of range 1 to 5"]
    assert fields["members_added[0].member_id"] == ["this child already has this member id"]
    assert fields["members_added[0].label"] == ["a value is required"]
    assert "members_added[0].level" in fields
    assert fields["members_added[1].member_id"] == ["'child' is reserved"]
    assert "members_edited[0].member_id" in fields
    assert "members_removed[0]" in fields
    assert fields["ties[0].strength"] == ["7 is out of range 0 to 5"]
    assert "ties[0].valence" in fields and "ties[0].target" in fields
    assert "ties[1].target" in fields
    assert "before this child's latest assessment" in fields["assessed_on"][0]
    assert table_checksums(small_store) == before


def test_an_assessment_dated_after_today_is_refused(small_store):
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    with pytest.raises(AssessmentError, match="assessed_on: is after today"):
        save(small_store, REFERRAL, on=tomorrow)


def test_changes_that_change_nothing_keep_the_revision(small_store):
    revision = small_store.revision("C1")
    same = AssessmentChanges(child=ChildChange.of(small_store.child_system("C1")))
    assert small_store.record_assessment("C1", VISIT, same, revision, "cw_ani") == revision
    assert small_store.revision("C1") == revision


def test_the_second_of_two_concurrent_saves_is_refused_and_both_are_kept(small_store):
    opened_by_ani = small_store.revision("C1")
    opened_by_budi = small_store.revision("C1")
    first = AssessmentChanges(ties=(TieUpdate("child", "lbh", 2, "supportive"),))
    second = AssessmentChanges(
        members_added=(MemberChange("aunt", "Aunt", "family"),),
        ties=(TieUpdate("child", "aunt", 4, "supportive"),),
    )
    small_store.record_assessment("C1", VISIT, first, opened_by_ani, "cw_ani")
    with pytest.raises(ConcurrentEditError) as caught:
        small_store.record_assessment("C1", VISIT, second, opened_by_budi, "cw_budi")
    error = caught.value
    assert re.search(r"Saved by cw_ani at \d{4}-\d\d-\d\d \d\d:\d\d UTC .*: 1 tie\b", str(error))
    assert error.changes == second
    assert "aunt" not in small_store.child_system("C1").member_levels
    small_store.record_assessment("C1", VISIT, error.changes, error.current_revision, "cw_budi")
    latest = {tie.pair for tie in small_store.child_system("C1").ties_as_of()}
    assert {("child", "lbh"), ("aunt", "child")} <= latest


def test_a_save_stores_the_childs_gap_summary_in_the_same_transaction(small_store):
    save(small_store, REFERRAL)
    system = small_store.child_system("C1")
    stored = small_store.gap_summaries(["C1"]).iloc[0].to_dict()
    expected = (
        summary.summary_table(
            {k: [v] for k, v in gaps.summary_row(gaps.child_gaps(system), system).items()}
        )
        .iloc[0]
        .to_dict()
    )
    assert stored == expected


def test_recomputing_every_summary_repairs_a_stale_one(small_store, small_dataset):
    with small_store.writing() as connection:
        connection.execute(tables.gap_summaries.update().values(stale_ties=99))
    assert small_store.recompute_summaries() == 2
    expected = gap_table.gap_table(small_dataset).sort_values("child_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(small_store.gap_summaries(), expected)


# --- stored summaries stay equal to a full recomputation -----------------------------------------

_ENDS = ["child", "mother", "imam", "lbh", "m1", "m2"]
_edit = st.one_of(
    st.builds(
        lambda m, level: AssessmentChanges(members_added=(MemberChange(m, m, level),)),
        st.sampled_from(["m1", "m2"]),
        st.sampled_from(codes.LEVELS.codes),
    ),
    st.builds(lambda m: AssessmentChanges(members_removed=(m,)), st.sampled_from(_ENDS[1:])),
    st.builds(
        lambda needs: AssessmentChanges(child=ChildChange(needs=tuple(needs))),
        st.lists(st.sampled_from(codes.NEEDS.codes), max_size=3, unique=True),
    ),
    st.builds(
        lambda a, b, strength, valence, needs, functions, contact: AssessmentChanges(
            ties=(
                TieUpdate(
                    a,
                    b,
                    strength,
                    valence,
                    support_types=("emotional",),
                    functions=tuple(functions),
                    needs_met=tuple(needs),
                    last_contact=contact,
                ),
            )
        ),
        st.sampled_from(_ENDS),
        st.sampled_from(_ENDS[1:]),
        st.integers(0, 5),
        st.sampled_from(codes.VALENCES.codes),
        st.lists(st.sampled_from(codes.NEEDS.codes), max_size=2, unique=True),
        st.lists(st.sampled_from(codes.FUNCTIONS.codes), max_size=2, unique=True),
        st.none() | st.dates(dt.date(2025, 6, 1), dt.date(2026, 6, 1)),
    ),
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=st.lists(st.tuples(st.sampled_from(["C1", "C2"]), _edit), min_size=1, max_size=6))
def test_stored_summaries_equal_a_full_recomputation_after_random_edits(
    store, small_dataset, edits
):
    clear_store(store)
    store.import_dataset(small_dataset)
    for day, (child_id, changes) in enumerate(edits):
        try:
            save(store, changes, on=dt.date(2026, 4, 1) + dt.timedelta(days=day), child_id=child_id)
        except AssessmentError:
            pass
    expected = gap_table.gap_table(store.export_dataset()).sort_values("child_id")
    pd.testing.assert_frame_equal(store.gap_summaries(), expected.reset_index(drop=True))


def test_two_saves_at_the_same_moment_one_wins_and_the_other_is_refused(small_store):
    revision = small_store.revision("C1")
    barrier = threading.Barrier(2)
    outcomes = {}

    def save_as(user: str, strength: int) -> None:
        changes = AssessmentChanges(ties=(TieUpdate("child", "lbh", strength, "supportive"),))
        barrier.wait()
        try:
            outcomes[user] = small_store.record_assessment("C1", VISIT, changes, revision, user)
        except ConcurrentEditError as error:
            outcomes[user] = error

    threads = [threading.Thread(target=save_as, args=(user, n)) for n, user in ((2, "a"), (4, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    won = [user for user, outcome in outcomes.items() if outcome == revision + 1]
    refused = [o for o in outcomes.values() if isinstance(o, ConcurrentEditError)]
    assert len(won) == 1 and len(refused) == 1
    assert f"Saved by {won[0]} at" in str(refused[0])
    assert small_store.revision("C1") == revision + 1


def test_an_export_after_edits_reads_and_imports_back_the_same(small_store, tmp_path):
    save(small_store, REFERRAL)
    save(small_store, AssessmentChanges(members_removed=("mother",)), on=VISIT + dt.timedelta(1))
    exported = small_store.export_dataset()
    folder = io.write_dataset(exported, tmp_path / "out")
    copy = open_store(f"sqlite:///{tmp_path / 'copy.db'}")
    copy.import_dataset(io.read_dataset(folder))
    again = copy.export_dataset()
    for name in ("children", "members", "ties", "resources"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(exported, name))
    assert again.members.set_index("member_id").loc["mother", "removed_on"] == "2026-04-11"
