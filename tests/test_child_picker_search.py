"""The child picker of a user who may see many children: a search, a page of ids per run.

The Bandung store of :mod:`tests.map_page_fixtures`: sup_bdg sees eight children (BDG-001 to
BDG-011), cw_sby2 has SBY-002. The picker's limit is lowered to 3 so that eight are "many".
"""

from __future__ import annotations

import pytest

from eska_network.services import access, child_search
from eska_network.services.access import Principal

from .access_fixtures import audit_rows
from .map_page_fixtures import map_page

SUPERVISOR = Principal("sup_bdg", "supervisor", "bdg")
TEAM = ["BDG-001", "BDG-002", "BDG-004", "BDG-005", "BDG-007", "BDG-008", "BDG-010", "BDG-011"]


@pytest.fixture
def small_limit(monkeypatch):
    """A picker limit of 3, and the full list of children refused: never read per run."""
    monkeypatch.setattr(child_search, "PICKER_LIMIT", 3)

    def whole_list(*args, **kwargs):
        raise AssertionError("the picker read every child the user may see")

    monkeypatch.setattr(access, "visible_child_ids", whole_list)


def _picker(app):
    return next(box for box in app.selectbox if box.key.startswith("child_map_child"))


def test_a_page_of_ids_by_prefix_with_wildcards_taken_literally(bandung_app_store):
    store = bandung_app_store
    assert child_search.visible_ids_starting(store, SUPERVISOR, "", 3) == TEAM[:3]
    assert child_search.visible_ids_starting(store, SUPERVISOR, "BDG-01") == TEAM[-2:]
    assert child_search.visible_ids_starting(store, SUPERVISOR, "BDG-00", 2) == TEAM[:2]
    assert child_search.visible_ids_starting(store, SUPERVISOR, "BDG_0") == []
    assert child_search.visible_ids_starting(store, SUPERVISOR, "%") == []
    assert child_search.visible_ids_starting(store, SUPERVISOR, "SBY") == []
    planner = Principal("plan", "planner")
    assert child_search.visible_ids_starting(store, planner) == []
    assert child_search.visible_count(store, SUPERVISOR) == len(TEAM)
    assert child_search.visible_count(store, planner) == 0


def _search_boxes(app) -> list[str]:
    return [box.key for box in app.text_input if box.key == "child_map_child_search"]


def test_up_to_the_limit_every_child_is_offered_without_a_search(bandung_app_store):
    app = map_page("sup_bdg")  # eight children, the limit 100
    assert _picker(app).options == TEAM
    assert _search_boxes(app) == []


def test_the_supervisor_finds_any_child_of_the_team_by_id(bandung_app_store, small_limit):
    app = map_page("sup_bdg")
    assert _search_boxes(app) == ["child_map_child_search"]
    assert _picker(app).options == TEAM[:3]
    app.text_input(key="child_map_child_search").set_value("BDG-011").run()
    assert not app.exception
    assert _picker(app).options == ["BDG-011"]
    assert app.session_state["eska_child"] == "BDG-011"
    assert not app.error
    app.text_input(key="child_map_child_search").set_value("BDG-01").run()
    assert _picker(app).options == ["BDG-010", "BDG-011"]
    assert _picker(app).value == "BDG-011"  # the child chosen stays chosen while it matches


def test_a_child_of_another_team_is_refused_and_audited(bandung_app_store, small_limit):
    app = map_page("sup_bdg")
    before = len(audit_rows(bandung_app_store))
    app.text_input(key="child_map_child_search").set_value("SBY-002").run()
    assert not app.exception
    assert app.error, "the refusal is said"
    assert "SBY-002" not in _picker(app).options
    assert app.session_state["eska_child"] != "SBY-002"
    refusals = [
        row
        for row in audit_rows(bandung_app_store)[before:]
        if row["outcome"] == "refused" and row["child_id"] == "SBY-002"
    ]
    assert refusals and refusals[0]["user_name"] == "sup_bdg"


def test_a_child_chosen_on_the_caseload_stays_chosen(bandung_app_store, small_limit):
    app = map_page("sup_bdg", child_id="BDG-010")
    assert _picker(app).value == "BDG-010"
    assert _picker(app).options == ["BDG-010", *TEAM[:3]]
