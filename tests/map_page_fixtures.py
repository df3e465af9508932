"""The child map page's store and AppTest: the sample's Bandung children and SBY-002.

cw_bdg1 has BDG-001, BDG-004, BDG-007 and BDG-010, cw_bdg2 has BDG-002, BDG-005, BDG-008 and
BDG-011; both are in team ``bdg`` with supervisor sup_bdg. The fixture is offered to every test
module by conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from eska_network.domain.model import Dataset
from eska_network.services import access, accounts
from eska_network.services.access import Principal

from .access_fixtures import empty_store, navigation_only

APP = Path(__file__).parents[1] / "app.py"
PAGE = "pages/child_map.py"
PEOPLE = {
    "cw_bdg1": ("caseworker", "bdg"),
    "cw_bdg2": ("caseworker", "bdg"),
    "sup_bdg": ("supervisor", "bdg"),
    "cw_sby2": ("caseworker", "sby"),
}


def _bandung(dataset: Dataset) -> Dataset:
    """The sample's Bandung children and SBY-002, their members and ties, and every service."""
    ids = dataset.children.loc[dataset.children["district"] == "Kota Bandung", "child_id"]
    keep = {*ids, "SBY-002"}
    return Dataset(
        children=dataset.children[dataset.children["child_id"].isin(keep)],
        members=dataset.members[dataset.members["child_id"].isin(keep)],
        ties=dataset.ties[dataset.ties["child_id"].isin(keep)],
        resources=dataset.resources,
    )


@pytest.fixture
def bandung_app_store(tmp_path, monkeypatch, sample_dataset):
    """The Bandung sample children and SBY-002 on an SQLite file, with their caseworkers."""
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    navigation_only(monkeypatch)
    with empty_store("sqlite", tmp_path) as store:
        operator = access.operator()
        accounts.add_team(store, operator, "bdg", "Bandung")
        accounts.add_team(store, operator, "sby", "Surabaya")
        for user_name, (role, team) in PEOPLE.items():
            accounts.add_user(store, operator, user_name, role, team=team)
        store.import_dataset(_bandung(sample_dataset))
        monkeypatch.setenv("ESKA_DATABASE_URL", str(store.engine.url))
        yield store


def map_page(user_name: str = "cw_bdg1", child_id: str | None = None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    role, team = PEOPLE[user_name]
    app.session_state["eska_principal"] = Principal(user_name, role, team)
    app.session_state["eska_last_activity"] = accounts.utc_now()
    if child_id:
        app.session_state["eska_child"] = child_id
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, app.exception
    return app
