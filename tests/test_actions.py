"""Actions on a child's gaps, proposals recorded as ties, audited exports (services.conference).

The agency of access_fixtures: cw_ani has C1 and C2, cw_budi C3 (team north, supervisor
sup_north); cw_citra has C4 (team south).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network import i18n
from eska_network.child_map.view import MapRequest, map_view, member_names
from eska_network.domain.gap_items import GapItem
from eska_network.domain.model import Child, ChildSystem, Dataset, Member, Resource, Tie
from eska_network.domain.whatif import ProposedTie
from eska_network.services import action_records, action_words, actions, conference
from eska_network.services.access import AccessDenied, Principal
from eska_network.store import AssessmentError, ConcurrentEditError

from .access_fixtures import ASSIGNMENTS, ENGINES, audit_rows, empty_store, fill_agency, principal

TODAY = dt.date(2026, 3, 10)
LEGAL = GapItem("unmet_need", "legal")
STALE = GapItem("stale_tie", ("child", "teacher"))


@pytest.fixture(params=ENGINES)
def agency_store(request, tmp_path):
    """A fresh agency store on each engine."""
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        yield store


@pytest.fixture
def caseworker(agency_store):
    return principal(agency_store, "caseworker")


def _add(store, who, gap=LEGAL, due_on=TODAY - dt.timedelta(days=1), child_id="C1"):
    return actions.create_action(store, who, child_id, gap, "Refer to legal aid", "Ani", due_on)


def test_an_action_is_stored_listed_and_audited(agency_store, caseworker):
    created = _add(agency_store, caseworker, STALE)
    (listed,) = actions.list_actions(agency_store, caseworker, "C1")
    assert listed == created
    assert (listed.gap, listed.status, listed.revision) == (STALE, "open", 1)
    assert listed.created_by == "cw_ani"
    edits = [row for row in audit_rows(agency_store) if row["action"] == "edit"]
    assert [(row["child_id"], row["user_name"]) for row in edits] == [("C1", "cw_ani")]


def test_overdue_means_open_and_due_before_today(agency_store, caseworker):
    late = _add(agency_store, caseworker, due_on=TODAY - dt.timedelta(days=1))
    _add(agency_store, caseworker, due_on=TODAY)
    _add(agency_store, caseworker, due_on=None)
    done = _add(agency_store, caseworker, due_on=TODAY - dt.timedelta(days=30))
    actions.update_action(agency_store, caseworker, done.action_id, 1, status="done")
    found = actions.list_actions(agency_store, caseworker, "C1")
    assert actions.overdue(found, TODAY) == (late,)
    rows = action_words.action_rows(found, TODAY)
    assert [row["overdue"] for row in rows] == ["Overdue", "", "", ""]
    assert [row["status"] for row in rows] == ["Open", "Open", "Open", "Done"]


def test_a_status_change_is_audited_and_moves_the_revision(agency_store, caseworker):
    action = _add(agency_store, caseworker)
    changed = actions.update_action(
        agency_store, caseworker, action.action_id, action.revision, status="dropped"
    )
    assert (changed.status, changed.revision, changed.what) == ("dropped", 2, action.what)
    assert changed.updated_at >= action.updated_at
    assert [row["detail"] for row in audit_rows(agency_store) if row["action"] == "edit"] == [
        "edit_child: action added",
        "edit_child: action changed",
    ]


def test_a_change_made_on_an_old_revision_is_refused(agency_store, caseworker):
    action = _add(agency_store, caseworker)
    actions.update_action(agency_store, caseworker, action.action_id, 1, status="done")
    with pytest.raises(action_records.ActionConflictError, match="changed by someone else"):
        actions.update_action(agency_store, caseworker, action.action_id, 1, what="Other")
    (stored,) = actions.list_actions(agency_store, caseworker, "C1")
    assert (stored.status, stored.what, stored.revision) == ("done", action.what, 2)


@pytest.mark.parametrize(
    "what, who, status, problem",
    [
        ("  ", "Ani", None, "what is to be done is empty"),
        ("Refer", "Ani", "flying", "'flying' is not a status"),
        ("Refer", "Ani", "closed", "an action that is open cannot become closed"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(
    agency_store, caseworker, what, who, status, problem
):
    action = _add(agency_store, caseworker)
    with pytest.raises(ValueError, match=problem):
        actions.update_action(
            agency_store, caseworker, action.action_id, 1, what=what, who=who, status=status
        )
    assert actions.list_actions(agency_store, caseworker, "C1") == (action,)


def test_an_unknown_gap_kind_is_refused(agency_store, caseworker):
    with pytest.raises(ValueError, match="'bad_luck' is not a kind of gap"):
        _add(agency_store, caseworker, GapItem("bad_luck", "x"))
    assert actions.list_actions(agency_store, caseworker, "C1") == ()


def test_another_caseworkers_child_is_refused_and_audited(agency_store, caseworker):
    with pytest.raises(AccessDenied):
        _add(agency_store, caseworker, child_id="C4")
    with pytest.raises(AccessDenied):
        actions.list_actions(agency_store, caseworker, "C4")
    refusals = [row for row in audit_rows(agency_store) if row["action"] == "refusal"]
    assert [(row["child_id"], row["detail"]) for row in refusals] == [
        ("C4", "edit_child"),
        ("C4", "view_child"),
    ]
    citra = Principal("cw_citra", "caseworker", "south")
    assert actions.list_actions(agency_store, citra, "C4") == ()


def test_a_supervisor_sees_the_teams_actions_but_cannot_change_them(agency_store, caseworker):
    action = _add(agency_store, caseworker)
    supervisor = principal(agency_store, "supervisor")
    assert actions.list_actions(agency_store, supervisor, "C1") == (action,)
    with pytest.raises(AccessDenied):
        actions.update_action(agency_store, supervisor, action.action_id, 1, status="done")
    assert actions.list_actions(agency_store, caseworker, "C1")[0].status == "open"


def test_presentation_rows_hide_typed_text_and_name_members_by_pseudonym():
    day = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    action = action_records.Action(
        1, "C1", STALE, "Call Bu Ani", "Pak Eko", None, "open", "cw_ani", day, day, 1
    )
    system = ChildSystem(
        Child("C1", "X", 15), (Member("C1", "teacher", "Bu Ani", "community", "teacher"),)
    )
    names = member_names(MapRequest(system, presentation=True))
    (row,) = action_words.action_rows([action], TODAY, "en", names, presentation=True)
    assert "Ani" not in repr(row) and "Eko" not in repr(row)
    assert row["gap"] == "No recent contact: the child – Teacher"
    title = action_words.action_title(action, "en", names, presentation=True)
    assert "Ani" not in title


@settings(max_examples=40, deadline=None)
@given(
    status=st.sampled_from(action_records.STATUSES),
    due=st.one_of(st.none(), st.dates(dt.date(2025, 1, 1), dt.date(2027, 1, 1))),
    today=st.dates(dt.date(2025, 1, 1), dt.date(2027, 1, 1)),
)
def test_an_action_is_overdue_exactly_when_still_to_do_and_due_before_today(status, due, today):
    day = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    # No date it was sent, so a referral is never overdue for waiting here.
    action = action_records.Action(1, "C1", LEGAL, "w", "w", due, status, "u", day, day, 1)
    expected = status in ("open", "proposed") and due is not None and due < today
    assert action.is_overdue(today) is expected
    assert actions.overdue([action], today) == ((action,) if expected else ())


def test_gap_details_come_back_as_the_same_gap_item():
    for item in (LEGAL, STALE, GapItem("link_missing", "family-community")):
        assert action_records.gap_of(item.kind, action_records.gap_detail(item)) == item


# --- Proposals ---------------------------------------------------------------------------------

DAY = dt.date(2026, 2, 1)
LBH = ProposedTie(
    "service_R1",
    "institution",
    support_types=("instrumental",),
    needs_met=("legal",),
    label="LBH Contoh",
    role="legal_aid",
    resource_id="R1",
)


def _legal_child(store, child_id="C1") -> ChildSystem:
    """Give the child a legal need and a mother, assessed on DAY; the district's legal aid."""
    assigned = ASSIGNMENTS[child_id]
    child = Child(child_id, "Kota Contoh", 14, caseworker=assigned, needs=("legal",))
    mother = Member(child_id, "mother", "Siti", "family", "mother")
    tie = Tie(child_id, "child", "mother", 4, "supportive", DAY, support_types=("emotional",))
    service = Resource("R1", "Kota Contoh", "LBH Contoh", "institution", ("legal",), "legal_aid")
    store.import_dataset(
        Dataset.from_objects(children=[child], members=[mother], ties=[tie], resources=[service])
    )
    return store.child_system(child_id)


def test_a_proposal_closes_the_legal_need_named_as_the_map_names_it(agency_store):
    system = _legal_child(agency_store)
    effect = conference.proposal_effect(MapRequest(system, DAY, proposals=(LBH,)))
    assert "Unmet need: legal services" in effect.closed
    assert effect.opened == ()
    names = member_names(MapRequest(system, DAY, proposals=(LBH,), presentation=True))
    assert names == {"mother": "Mother", "service_R1": "Legal aid", "child": "the child"}
    text = conference.proposal_text(LBH, names)
    assert text == "the child – Legal aid (strength 3; meets: legal services)"


def test_recorded_changes_leave_proposals_out_and_name_members_as_the_map():
    later = DAY + dt.timedelta(days=30)
    system = ChildSystem(
        Child("C1", "X", 15, needs=("legal",)),
        (Member("C1", "mother", "Siti", "family", "mother"),),
        (
            Tie("C1", "child", "mother", 2, "supportive", DAY),
            Tie("C1", "child", "mother", 4, "supportive", later),
        ),
    )
    request = MapRequest(system, later, DAY, (LBH,), presentation=True)
    lines = conference.recorded_changes(request)
    assert lines == [
        "Gap closed: Weak level: family / caregiver",
        "Stronger: the child – Mother (strength 2 → 4)",
    ]


def test_a_recorded_proposal_is_a_real_tie_with_its_new_member(agency_store, caseworker):
    system = _legal_child(agency_store)
    revision = agency_store.revision("C1")
    later = DAY + dt.timedelta(days=7)
    new_revision = conference.record_proposal(
        agency_store, caseworker, system, LBH, later, revision
    )
    assert new_revision == revision + 1
    stored = agency_store.child_system("C1")
    member = next(m for m in stored.members if m.member_id == "service_R1")
    assert (member.label, member.role, member.resource_id) == ("LBH Contoh", "legal_aid", "R1")
    tie = next(t for t in stored.ties if t.pair == ("child", "service_R1"))
    assert (tie.assessed_on, tie.strength, tie.needs_met) == (later, 3, ("legal",))
    assert "legal" not in map_view(MapRequest(stored)).gaps.unmet_needs


def test_a_proposal_is_refused_before_the_latest_assessment_or_on_an_old_revision(
    agency_store, caseworker
):
    system = _legal_child(agency_store)
    revision = agency_store.revision("C1")
    with pytest.raises(AssessmentError):
        conference.record_proposal(
            agency_store, caseworker, system, LBH, DAY - dt.timedelta(days=1), revision
        )
    with pytest.raises(ConcurrentEditError):
        conference.record_proposal(agency_store, caseworker, system, LBH, DAY, revision - 1)
    assert agency_store.revision("C1") == revision


def test_a_supervisor_cannot_record_a_proposal(agency_store):
    system = _legal_child(agency_store)
    supervisor = principal(agency_store, "supervisor")
    with pytest.raises(AccessDenied):
        conference.record_proposal(
            agency_store, supervisor, system, LBH, DAY, agency_store.revision("C1")
        )


def test_custom_proposals_get_ids_of_their_own():
    system = ChildSystem(Child("C1", "X", 15), (Member("C1", "proposed_1", "Old", "family"),))
    first = conference.custom_proposal(system, [], "Bu Guru", "community", "teacher")
    second = conference.custom_proposal(system, [first], "", "institution", "ngo")
    assert (first.member_id, second.member_id) == ("proposed_2", "proposed_3")
    assert (first.label, second.label) == ("Bu Guru", "NGO")
    with pytest.raises(ValueError, match="level"):
        conference.custom_proposal(system, [], "x", "village")


def test_an_empty_proposal_is_refused_in_both_languages():
    system = ChildSystem(Child("C1", "X", 15))
    with pytest.raises(conference.ProposalError) as refused:
        conference.custom_proposal(system, [], "  ", "family", None, needs_met=("legal",))
    assert conference.error_words(refused.value, "id") == i18n.text(
        "conference.error.proposal_empty", "id"
    )
    assert "name or a role" in conference.error_words(refused.value, "en")


# --- Exports -----------------------------------------------------------------------------------


def test_an_export_is_audited_and_follows_presentation_mode(agency_store, caseworker):
    system = _legal_child(agency_store)
    view = map_view(MapRequest(system, presentation=True))
    csv_text = conference.export_map(agency_store, caseworker, "C1", view, "csv")
    html = conference.export_map(agency_store, caseworker, "C1", view, "html")
    # plotly.js, embedded in the page, is left out: its minified code holds any short string.
    tables = html.rsplit("</script>", 1)[-1]
    for data in (csv_text, tables):
        assert "Siti" not in data
        assert "C1" not in data
    assert "Mother" in tables
    assert "legal services" in csv_text
    assert conference.export_file_name(view, "csv") == f"gaps-A-{DAY}.csv"
    exports = [row for row in audit_rows(agency_store) if row["action"] == "export"]
    assert [(row["child_id"], row["detail"]) for row in exports] == [
        ("C1", "export_child: child map csv, presentation"),
        ("C1", "export_child: child map html, presentation"),
    ]


def test_an_export_of_another_caseworkers_child_is_refused(agency_store, caseworker):
    system = _legal_child(agency_store, "C4")
    view = map_view(MapRequest(system))
    with pytest.raises(AccessDenied):
        conference.export_map(agency_store, caseworker, "C4", view, "csv")
    assert [row["action"] for row in audit_rows(agency_store)][-1] == "refusal"
    assert not [row for row in audit_rows(agency_store) if row["action"] == "export"]


def test_a_gap_list_csv_cannot_run_as_a_formula():
    system = ChildSystem(
        Child("C1", "X", 15),
        (
            Member("C1", "m", "=HYPERLINK(1)", "family"),
            Member("C1", "n", "Neighbour", "community"),
        ),
        (Tie("C1", "m", "n", 3, "stressful", DAY),),
    )
    rows = conference.gap_list_csv(map_view(MapRequest(system))).splitlines()
    stressful = next(row for row in rows if "Stressful tie" in row)
    assert ",'=HYPERLINK(1) – Neighbour," in stressful


def test_an_image_export_without_chromium_is_refused_in_words(
    agency_store, caseworker, monkeypatch
):
    view = map_view(MapRequest(_legal_child(agency_store)))
    monkeypatch.setenv("BROWSER_PATH", "/nowhere/chromium")
    with pytest.raises(conference.ExportUnavailable) as refused:
        conference.export_map(agency_store, caseworker, "C1", view, "png")
    assert refused.value.reason == "bad_browser_path"
    assert not [row for row in audit_rows(agency_store) if row["action"] == "export"]
    # What needs no browser is still made.
    assert "<html" in conference.export_map(agency_store, caseworker, "C1", view, "html").lower()
