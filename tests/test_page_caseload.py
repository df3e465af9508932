"""The caseload page in AppTest: who may open it, the ranking, filters, export, the click to a map.

The store holds the sample data and its demo accounts (the demo supervisor's team holds every
sample caseworker), plus two actions for IDM-002: one open and overdue, one done.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.caseload import ranking
from eska_network.services import access, accounts, demo_setup
from eska_network.services import caseload as caseload_service
from eska_network.store import open_store
from eska_network.store.tables import actions

from .access_fixtures import audit_rows, navigation_only
from .conftest import SAMPLE_DATA

APP = Path(__file__).parents[1] / "app.py"
PAGE = "pages/caseload.py"
OVERDUE_CHILD = "IDM-002"
HEADING = {column: ranking.heading(column) for column in caseload_service.CASELOAD_SHOWN}


@pytest.fixture(scope="module")
def sample_store_url(tmp_path_factory):
    """An SQLite store with the sample data, the demo accounts and two actions of IDM-002."""
    url = f"sqlite:///{tmp_path_factory.mktemp('caseload') / 'eska.db'}"
    store = open_store(url)
    demo_setup.prepare_demo(store, SAMPLE_DATA)
    now = dt.datetime.now(dt.UTC)
    with store.writing() as connection:
        for status, due in (("open", dt.date(2025, 1, 31)), ("done", dt.date(2025, 1, 31))):
            connection.execute(
                sa.insert(actions).values(
                    child_id=OVERDUE_CHILD,
                    action_key=f"X-{status}",
                    gap_kind="unmet_need",
                    gap_detail="legal",
                    what="Refer to legal aid",
                    who="cw_idm1",
                    worker_role="broker",
                    created_on=dt.date(2025, 1, 2),
                    due_on=due,
                    status=status,
                    created_by="cw_idm1",
                    created_at=now,
                    updated_at=now,
                )
            )
    store.engine.dispose()
    return url


@pytest.fixture
def sample_app_store(sample_store_url, monkeypatch):
    """The sample store, opened by the app as a running server would (no demo mode, K = 5)."""
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    monkeypatch.delenv("ESKA_SUPPRESSION_K", raising=False)
    monkeypatch.setenv("ESKA_DATABASE_URL", sample_store_url)
    navigation_only(monkeypatch)
    store = open_store(sample_store_url)
    yield store
    store.engine.dispose()


def _open(store, user_name: str, lang: str = "en") -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["eska_principal"] = accounts.get_user(store, user_name).principal()
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.session_state["eska_language"] = lang
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, app.exception
    return app


def _rows(app: AppTest) -> pd.DataFrame:
    return app.dataframe[0].value


def _expected(store, user_name: str) -> pd.DataFrame:
    principal = accounts.get_user(store, user_name).principal()
    table = caseload_service.caseload_view(store, principal, dt.datetime.now(dt.UTC).date())
    return caseload_service.with_texts(store, table)


def _multiselect(app: AppTest, key: str):
    return next(widget for widget in app.multiselect if widget.key == key)


def test_the_supervisor_sees_the_team_ranked_by_severity_with_reasons(sample_app_store):
    app = _open(sample_app_store, "demo_supervisor")
    rows = _rows(app)
    expected = _expected(sample_app_store, "demo_supervisor")
    assert len(rows) == len(expected) == 67
    assert rows[HEADING["child_id"]].tolist() == expected["child_id"].tolist()
    assert rows[HEADING["rank"]].tolist() == list(range(1, 68))
    assert rows[HEADING["severity"]].tolist() == [
        caseload_service.band_text(score) for score in expected["severity"]
    ]
    # Danger scores 1000 and more: the bands say so in words beside the number.
    assert rows[HEADING["severity"]].iloc[0].startswith("danger · ")
    assert (rows[HEADING["severity"]].str.startswith("no gap") == (expected["severity"] == 0)).all()
    chips = rows[HEADING["chips"]]
    assert all(1 <= len(c) <= 3 for c in chips[expected["severity"].to_numpy() > 0])
    assert app.metric[0].value == "67"
    assert len(app.get("plotly_chart")) == 1


def test_the_gap_chart_counts_whole_children(sample_app_store):
    app = _open(sample_app_store, "demo_supervisor")
    _multiselect(app, "caseload_districts").set_value(["Kota Batam"]).run()
    _multiselect(app, "caseload_gap_kinds_en").set_value(["exploitative_tie"]).run()
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    axis = figure["layout"]["xaxis"]
    assert axis["dtick"] == 1 and axis["tickformat"] == ",d"


def test_the_reasons_and_headings_follow_the_language(sample_app_store):
    app = _open(sample_app_store, "demo_supervisor", lang="id")
    rows = _rows(app)
    assert ranking.heading("chips", "id") in rows.columns
    chips = {chip for row in rows[ranking.heading("chips", "id")] for chip in row}
    assert "tingkat kosong" in chips and "level absent" not in chips
    assert app.caption[0].value == i18n.text("caseload.intro", "id")


def test_a_caseworker_sees_only_their_own_children(sample_app_store):
    app = _open(sample_app_store, "cw_idm1")
    rows = _rows(app)
    assert len(rows) == 6
    assert set(rows[HEADING["caseworker"]]) == {"cw_idm1"}


@pytest.mark.parametrize("user_name", ["demo_planner", "demo_auditor", "demo_admin"])
def test_roles_without_a_caseload_are_refused_and_the_refusal_is_audited(
    sample_app_store, user_name
):
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["eska_principal"] = accounts.get_user(sample_app_store, user_name).principal()
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.run()
    # An address typed for the page runs it, and the page refuses (audited).
    app.switch_page(PAGE).run()
    assert [error.value for error in app.error] == [i18n.text("app.refused")]
    # Reached without the menu (the page run on its own), the server still refuses.
    page = AppTest.from_file(str(APP.parent / PAGE), default_timeout=60)
    page.session_state["eska_principal"] = app.session_state["eska_principal"]
    page.run()
    assert [error.value for error in page.error] == [i18n.text("app.refused")]
    assert not page.dataframe
    last = audit_rows(sample_app_store)[-1]
    assert (last["user_name"], last["action"], last["detail"]) == (
        user_name,
        "refusal",
        "view_caseload",
    )


def test_filters_by_caseworker_district_and_gap_kind(sample_app_store):
    app = _open(sample_app_store, "demo_supervisor")
    _multiselect(app, "caseload_caseworkers").set_value(["cw_sby1", "cw_btm1"]).run()
    assert set(_rows(app)[HEADING["caseworker"]]) == {"cw_sby1", "cw_btm1"}
    _multiselect(app, "caseload_caseworkers").set_value([]).run()
    _multiselect(app, "caseload_districts").set_value(["Kota Medan"]).run()
    rows = _rows(app)
    medan = _expected(sample_app_store, "demo_supervisor").query("district == 'Kota Medan'")
    assert len(rows) == len(medan) >= 8 and set(rows[HEADING["district"]]) == {"Kota Medan"}
    _multiselect(app, "caseload_gap_kinds_en").set_value(["stale_tie"]).run()
    rows = _rows(app)
    assert len(rows) > 0 and (rows[HEADING["stale_ties"]] > 0).all()
    assert rows[HEADING["rank"]].is_monotonic_increasing
    _multiselect(app, "caseload_gap_kinds_en").set_value([]).run()
    app.toggle(key="caseload_stale").set_value(True).run()
    assert _rows(app)[HEADING["child_id"]].tolist() == rows[HEADING["child_id"]].tolist()
    app.toggle(key="caseload_overdue").set_value(True).run()
    late = medan[
        (medan["stale_ties"] > 0)
        & (medan[["overdue_actions", "overdue_referrals"]].sum(axis=1) > 0)
    ]
    if late.empty:
        assert not app.dataframe
        assert app.info[-1].value == i18n.text("caseload.none_match")
    else:
        assert _rows(app)[HEADING["child_id"]].tolist() == late["child_id"].tolist()


def test_an_overdue_action_shows_and_can_be_filtered_on(sample_app_store):
    app = _open(sample_app_store, "demo_supervisor")
    rows = _rows(app).set_index(HEADING["child_id"])
    # IDM-002's own referral was declined: only the open action added above is overdue.
    assert rows.at[OVERDUE_CHILD, HEADING["overdue_actions"]] == 1
    app = _select(app, list(rows.index).index(OVERDUE_CHILD))
    assert "1 overdue action" in app.markdown[-1].value
    late = rows[HEADING["overdue_actions"]] + rows[HEADING["overdue_referrals"]]
    # The sample's own referrals sent weeks ago and never accepted are overdue too.
    assert rows.at["SBY-001", HEADING["overdue_referrals"]] == 1
    app.toggle(key="caseload_overdue").set_value(True).run()
    assert _rows(app)[HEADING["child_id"]].tolist() == late[late > 0].index.tolist()


def _select(app: AppTest, row: int) -> AppTest:
    key = app.dataframe[0].key
    app.session_state[key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_selected_row_shows_every_reason_and_opens_the_map(sample_app_store):
    app = _open(sample_app_store, "demo_supervisor")
    third = _rows(app)[HEADING["child_id"]].iloc[2]
    app = _select(app, 2)
    expected = _expected(sample_app_store, "demo_supervisor").set_index("child_id")
    reasons = expected.at[third, "reasons"].split("; ")
    assert app.markdown[-1].value == "\n".join(f"- {reason}" for reason in reasons)
    assert "eska_child" not in app.session_state or app.session_state["eska_child"] != third
    app.button(key="caseload_open_map").click().run()
    assert not app.exception
    assert app.session_state["eska_child"] == third
    assert app.title[0].value == i18n.text("page.child_map")
    # Back on the caseload, the old selection does not send the user to the map again.
    app.switch_page(PAGE).run()
    assert app.title[0].value == i18n.text("page.caseload")
    assert not app.dataframe[0].value.empty


def test_the_supervisor_reassigns_a_child_within_the_team_and_it_is_audited(sample_app_store):
    app = _open(sample_app_store, "demo_supervisor")
    rows = _rows(app)
    child = rows[HEADING["child_id"]].iloc[0]
    before_worker = rows[HEADING["caseworker"]].iloc[0]
    target = "cw_sby1" if before_worker != "cw_sby1" else "cw_btm1"
    app = _select(app, 0)
    choices = app.selectbox(key="caseload_reassign_to")
    assert choices.placeholder == i18n.text("caseload.reassign_choose")
    assert set(choices.options) >= {"cw_sby1", "cw_btm1", "cw_idm1"}
    choices.set_value(target).run()
    before = len(audit_rows(sample_app_store))
    app.button(key="caseload_reassign").click().run()
    assert not app.exception
    assert app.success[0].value == i18n.text("caseload.reassigned", child=child, caseworker=target)
    moved = _rows(app).set_index(HEADING["child_id"])
    assert moved.at[child, HEADING["caseworker"]] == target
    last = audit_rows(sample_app_store)[before:]
    assert [(r["action"], r["outcome"], r["child_id"]) for r in last] == [
        ("reassign", "success", child)
    ]
    assert last[0]["detail"] == f"reassign: {before_worker} -> {target}"
    # Put the child back for the other tests of this module.
    supervisor = accounts.get_user(sample_app_store, "demo_supervisor").principal()
    caseload_service.reassign_child(sample_app_store, supervisor, child, before_worker)


def test_a_caseworker_of_another_team_is_refused_and_the_refusal_audited(sample_app_store):
    operator = access.operator()
    accounts.add_team(sample_app_store, operator, "other_team", "Another team")
    accounts.add_user(sample_app_store, operator, "cw_other", "caseworker", team="other_team")
    supervisor = accounts.get_user(sample_app_store, "demo_supervisor").principal()
    assert "cw_other" not in caseload_service.team_caseworkers(sample_app_store, supervisor)
    with pytest.raises(access.AccessDenied):
        caseload_service.reassign_child(sample_app_store, supervisor, "IDM-001", "cw_other")
    last = audit_rows(sample_app_store)[-1]
    assert (last["action"], last["outcome"], last["detail"]) == ("refusal", "refused", "reassign")
    assert (
        _expected(sample_app_store, "demo_supervisor")
        .set_index("child_id")
        .at["IDM-001", "caseworker"]
        != "cw_other"
    )


def test_a_caseworker_sees_neither_reassignment_nor_team_workload(sample_app_store):
    app = _open(sample_app_store, "cw_idm1")
    app = _select(app, 0)
    assert not [box for box in app.selectbox if box.key == "caseload_reassign_to"]
    assert not [b for b in app.button if b.key == "caseload_reassign"]
    assert i18n.text("caseload.team") not in [header.value for header in app.subheader]
    principal = accounts.get_user(sample_app_store, "cw_idm1").principal()
    assert caseload_service.team_caseworkers(sample_app_store, principal) == []
    with pytest.raises(access.AccessDenied):
        caseload_service.reassign_child(sample_app_store, principal, "IDM-001", "cw_idm1")


def test_the_team_workload_counts_children_gaps_and_overdue_per_caseworker(sample_app_store):
    app = _open(sample_app_store, "demo_supervisor")
    assert i18n.text("caseload.team") in [header.value for header in app.subheader]
    workload = app.dataframe[1].value.set_index(i18n.text("caseload.team.caseworker"))
    expected = _expected(sample_app_store, "demo_supervisor")
    per_worker = expected.groupby("caseworker")
    children = workload[i18n.text("caseload.team.children")]
    assert children.to_dict() == per_worker.size().to_dict()
    overdue = workload[i18n.text("caseload.team.overdue_actions")]
    assert overdue.to_dict() == per_worker["overdue_actions"].sum().to_dict()
    danger = workload[i18n.text("caseload.team.in_danger")]
    assert danger.sum() == (expected["severity"] >= 1000).sum()
    assert danger.is_monotonic_decreasing


def test_the_export_holds_the_rows_on_screen_and_is_audited(sample_app_store, downloads):
    app = _open(sample_app_store, "demo_supervisor")
    _multiselect(app, "caseload_districts").set_value(["Kota Batam"]).run()
    on_screen = _rows(app)
    button = app.download_button[0]
    assert button.label == i18n.text("caseload.export")
    before = len(audit_rows(sample_app_store))
    button.click().run()
    rows = audit_rows(sample_app_store)[before:]
    assert [(row["action"], row["outcome"]) for row in rows] == [("export", "success")]
    assert rows[0]["detail"] == f"export_child: caseload CSV, {len(on_screen)} children"
    name, data = downloads[-1]
    assert name.startswith("caseload-") and name.endswith(".csv")
    exported = pd.read_csv(io.BytesIO(data))
    assert exported[HEADING["child_id"]].tolist() == on_screen[HEADING["child_id"]].tolist()
    assert list(exported.columns) == [
        ranking.heading(column) for column in caseload_service.CASELOAD_EXPORTED
    ]
    # The export holds the score as a number and every reason in full.
    expected = _expected(sample_app_store, "demo_supervisor").set_index("child_id")
    first = exported.iloc[0]
    assert first[HEADING["severity"]] == expected.at[first[HEADING["child_id"]], "severity"]
    assert first[ranking.heading("reasons")] == expected.at[first[HEADING["child_id"]], "reasons"]


def test_a_supervisor_without_children_is_told_so(sample_app_store):
    operator = access.operator()
    accounts.add_team(sample_app_store, operator, "empty_team", "Nobody yet")
    accounts.add_user(sample_app_store, operator, "sup_empty", "supervisor", team="empty_team")
    app = _open(sample_app_store, "sup_empty")
    assert [info.value for info in app.info] == [i18n.text("caseload.empty")]
    assert not app.dataframe and not app.download_button
