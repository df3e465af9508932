"""Who may see what: the role matrix, record-level access, and the audit of every refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies

from eska_network.services import access
from eska_network.services.access import AccessDenied, Principal
from eska_network.store import AssessmentChanges, ChildChange, ConcurrentEditError
from ui import pages

from .access_fixtures import (
    ASSIGNMENTS,
    ENGINES,
    PEOPLE,
    audit_rows,
    empty_store,
    fill_agency,
    principal,
)

# What SECURITY.md says each role may open, written out here independently of the matrix.
EXPECTED_PAGES = {
    "caseworker": {"home", "child_map", "record_assessment", "caseload"},
    "supervisor": {"home", "child_map", "caseload", "districts", "import_data"},
    "planner": {"home", "districts"},
    "auditor": {"home", "audit_log"},
    "admin": {"home", "accounts"},
}
EXPECTED_RIGHTS = {
    "caseworker": {"view_child", "edit_child", "view_caseload", "export_child"},
    "supervisor": {
        "view_child",
        "view_caseload",
        "reassign",
        "view_districts",
        "export_child",
        "export_aggregate",
        "import_data",
    },
    "planner": {"view_districts", "export_aggregate"},
    "auditor": {"read_audit", "export_audit"},
    "admin": {"manage_accounts"},
}
EXPECTED_CHILDREN = {
    "cw_ani": ["C1", "C2"],
    "cw_budi": ["C3"],
    "cw_citra": ["C4"],
    "sup_north": ["C1", "C2", "C3"],
    "sup_south": ["C4"],
    "planner": [],
    "auditor": [],
    "admin": [],
}
OPEN = "open"


@pytest.fixture(scope="module", params=ENGINES)
def agency_store(request, tmp_path_factory):
    """The agency of access_fixtures, shared by the tests that only add audit rows."""
    with empty_store(request.param, tmp_path_factory.mktemp("agency")) as store:
        fill_agency(store)
        yield store


@pytest.fixture(params=ENGINES)
def fresh_agency_store(request, tmp_path):
    """The agency, for one test that changes assignments."""
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        yield store


def person(user_name: str) -> Principal:
    role, team = PEOPLE[user_name]
    return Principal(user_name, role, team)


def _cases():
    for role in access.USER_ROLES:
        for page in pages.PAGES:
            for action in (OPEN, *page.actions):
                yield role, page.key, action


@pytest.mark.parametrize(("role", "page_key", "action"), list(_cases()))
def test_role_page_action(agency_store, role, page_key, action):
    """Every role x page x action: allowed exactly as the matrix says; every refusal audited."""
    who = principal(agency_store, role)
    page = pages.page(page_key)
    # A child-level action is tried on a child the user would see if any role of theirs could.
    child = "C1" if action in access.CHILD_PERMISSIONS else None
    if action == OPEN:
        expected = page.key in EXPECTED_PAGES[role]
    else:
        expected = action in EXPECTED_RIGHTS[role] and (
            child is None or child in EXPECTED_CHILDREN[who.user_name]
        )
    before = len(audit_rows(agency_store))
    try:
        if action == OPEN:
            pages.require_page(agency_store, who, page_key)
        else:
            access.require(agency_store, who, action, child)
        allowed = True
    except AccessDenied:
        allowed = False
    assert allowed == expected
    new = audit_rows(agency_store)[before:]
    refusals = [row for row in new if row["action"] == "refusal"]
    if allowed:
        assert refusals == []
    else:
        assert len(refusals) == 1
        refusal = refusals[0]
        assert (refusal["user_name"], refusal["role"]) == (who.user_name, role)
        assert (refusal["outcome"], refusal["child_id"]) == ("refused", child)


@pytest.mark.parametrize("role", access.USER_ROLES)
def test_pages_for_each_role_follow_security_md(role):
    assert {page.key for page in pages.pages_for(role)} == EXPECTED_PAGES[role]
    assert access.ROLE_PERMISSIONS[role] == EXPECTED_RIGHTS[role]


@pytest.mark.parametrize("user_name", sorted(EXPECTED_CHILDREN))
def test_visible_children(agency_store, user_name):
    who = person(user_name)
    assert access.visible_child_ids(agency_store, who) == EXPECTED_CHILDREN[user_name]


def test_caseworker_asking_for_another_childs_id_is_refused_and_audited(agency_store):
    ani = person("cw_ani")
    with pytest.raises(AccessDenied):
        access.open_child(agency_store, ani, "C4")
    last = audit_rows(agency_store)[-1]
    assert (last["user_name"], last["action"], last["child_id"], last["outcome"]) == (
        "cw_ani",
        "refusal",
        "C4",
        "refused",
    )
    assert last["detail"] == access.VIEW_CHILD


def test_a_child_that_does_not_exist_is_refused_like_one_not_assigned(agency_store):
    ani = person("cw_ani")
    with pytest.raises(AccessDenied) as missing:
        access.open_child(agency_store, ani, "C999")
    with pytest.raises(AccessDenied) as foreign:
        access.open_child(agency_store, ani, "C4")
    assert str(missing.value) == str(foreign.value)


def test_opening_a_visible_child_returns_it_and_audits_the_view(agency_store):
    sup = person("sup_north")
    system = access.open_child(agency_store, sup, "C3")
    assert system.child.child_id == "C3"
    last = audit_rows(agency_store)[-1]
    assert (last["user_name"], last["action"], last["child_id"], last["outcome"]) == (
        "sup_north",
        "view_child",
        "C3",
        "success",
    )


def test_a_caseload_holds_only_visible_children(agency_store):
    sup = person("sup_south")
    dataset = access.load_visible_dataset(agency_store, sup)
    assert dataset.child_ids == ["C4"]


@pytest.mark.parametrize("role", ["planner", "auditor", "admin"])
def test_roles_without_child_rights_never_get_a_child(agency_store, role):
    who = principal(agency_store, role)
    assert access.visible_child_ids(agency_store, who) == []
    with pytest.raises(AccessDenied):
        access.open_child(agency_store, who, "C1")
    with pytest.raises(AccessDenied):
        access.load_visible_dataset(agency_store, who)


def test_a_malformed_child_code_is_not_written_to_the_audit(agency_store):
    ani = person("cw_ani")
    with pytest.raises(AccessDenied):
        access.open_child(agency_store, ani, "<img src=x onerror=alert(1)>")
    last = audit_rows(agency_store)[-1]
    assert last["action"] == "refusal"
    assert last["child_id"] is None
    assert "malformed" in last["detail"]


def test_supervisor_reassigns_within_the_team(fresh_agency_store):
    sup = person("sup_north")
    access.reassign(fresh_agency_store, sup, "C1", "cw_budi")
    budi = person("cw_budi")
    assert access.visible_child_ids(fresh_agency_store, budi) == ["C1", "C3"]
    last = audit_rows(fresh_agency_store)[-1]
    assert (last["action"], last["child_id"], last["user_name"]) == ("reassign", "C1", "sup_north")


def test_supervisor_cannot_reassign_to_another_team(fresh_agency_store):
    sup = person("sup_north")
    with pytest.raises(ValueError, match="team"):
        access.reassign(fresh_agency_store, sup, "C1", "cw_citra")
    cw_ani = person("cw_ani")
    assert access.visible_child_ids(fresh_agency_store, cw_ani) == ["C1", "C2"]


def test_supervisor_cannot_reassign_another_teams_child(fresh_agency_store):
    sup = person("sup_north")
    with pytest.raises(AccessDenied):
        access.reassign(fresh_agency_store, sup, "C4", "cw_ani")
    assert audit_rows(fresh_agency_store)[-1]["action"] == "refusal"


def test_caseworker_cannot_reassign(fresh_agency_store):
    ani = person("cw_ani")
    with pytest.raises(AccessDenied):
        access.reassign(fresh_agency_store, ani, "C1", "cw_budi")


def test_unknown_permission_and_role_are_errors():
    with pytest.raises(ValueError):
        access.allows("caseworker", "see_everything")
    with pytest.raises(ValueError):
        Principal("x", "superuser")


def test_audit_rows_only_take_known_actions_and_outcomes(agency_store):
    ani = person("cw_ani")
    with pytest.raises(ValueError):
        access.write_audit(agency_store, ani, "looked around", "success")
    with pytest.raises(ValueError):
        access.write_audit(agency_store, ani, "login", "maybe")


def test_an_assessment_is_recorded_only_for_ones_own_child_and_audited(fresh_agency_store):
    store = fresh_agency_store
    changes = AssessmentChanges(child=ChildChange(needs=("legal",)))
    ani = person("cw_ani")
    revision = access.record_assessment(
        store, ani, "C1", dt.date(2026, 3, 1), changes, store.revision("C1")
    )
    assert revision == store.revision("C1") > 1
    assert store.child_system("C1").state_as_of().needs == ("legal",)
    last = audit_rows(store)[-1]
    assert (last["user_name"], last["action"], last["child_id"]) == ("cw_ani", "edit", "C1")
    with pytest.raises(AccessDenied):
        access.record_assessment(store, ani, "C4", dt.date(2026, 3, 1), changes, 1)
    assert store.child_system("C4").state_as_of().needs == ()
    supervisor = person("sup_north")
    with pytest.raises(AccessDenied):
        access.record_assessment(store, supervisor, "C1", dt.date(2026, 3, 2), changes, revision)
    assert audit_rows(store)[-1]["detail"] == access.EDIT_CHILD


def test_a_save_the_store_refuses_is_audited_as_a_failed_edit(fresh_agency_store):
    store = fresh_agency_store
    changes = AssessmentChanges(child=ChildChange(needs=("legal",)))
    ani = person("cw_ani")
    stale_revision = store.revision("C2") - 1
    with pytest.raises(ConcurrentEditError):
        access.record_assessment(store, ani, "C2", dt.date(2026, 3, 1), changes, stale_revision)
    last = audit_rows(store)[-1]
    assert (last["action"], last["outcome"], last["child_id"]) == ("edit", "failure", "C2")
    assert last["detail"] == "ConcurrentEditError"


@pytest.fixture(scope="module")
def reassignable_store(tmp_path_factory):
    """The agency on SQLite, for a property test that moves children around."""
    with empty_store("sqlite", tmp_path_factory.mktemp("reassign")) as store:
        fill_agency(store)
        yield store


CASEWORKERS = ["cw_ani", "cw_budi", "cw_citra"]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(strategies.lists(strategies.sampled_from(CASEWORKERS), min_size=4, max_size=4))
def test_each_child_is_seen_by_its_caseworker_and_their_supervisor_only(
    reassignable_store, assignment
):
    for child_id, caseworker in zip(ASSIGNMENTS, assignment, strict=True):
        access.reassign(reassignable_store, access.operator(), child_id, caseworker)
    seen = {
        name: set(access.visible_child_ids(reassignable_store, person(name))) for name in PEOPLE
    }
    for child_id, caseworker in zip(ASSIGNMENTS, assignment, strict=True):
        team = PEOPLE[caseworker][1]
        expected = {caseworker, f"sup_{team}"}
        assert {name for name, children in seen.items() if child_id in children} == expected
