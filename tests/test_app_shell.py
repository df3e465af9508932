"""The app shell in AppTest: login gate, role menus, idle timeout, logout, URLs, safe text.

Streamlit treats an app with a ``pages/`` folder as an old-style multipage app (each page run on
its own, without app.py) until the first ``st.navigation`` call of the server process; AppTest
starts every run in that state. The fixture below puts each run in the state of a running server
(app.py first, then the page), and one test shows that a page run on its own shows nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.services import access, accounts
from eska_network.services.access import Principal
from ui import pages, shell

from .access_fixtures import (
    ASSIGNMENTS,
    PEOPLE,
    audit_rows,
    empty_store,
    fast_hashing,
    fill_agency,
    navigation_only,
)

APP = Path(__file__).parents[1] / "app.py"
PASSWORD = "correct horse battery"
EXPECTED_PAGES = {
    "caseworker": {"home", "child_map", "record_assessment", "caseload"},
    "supervisor": {"home", "child_map", "caseload", "districts", "import_data"},
    "planner": {"home", "districts"},
    "auditor": {"home", "audit_log"},
    "admin": {"home", "accounts"},
}
ROLE_USER = {"caseworker": "cw_ani", "supervisor": "sup_north"}


@pytest.fixture
def agency_app_store(tmp_path, monkeypatch):
    """The agency on an SQLite file the app opens; cw_ani has a password."""
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    navigation_only(monkeypatch)
    fast_hashing(monkeypatch)
    with empty_store("sqlite", tmp_path) as store:
        fill_agency(store)
        accounts.set_password(store, access.operator(), "cw_ani", PASSWORD)
        monkeypatch.setenv("ESKA_DATABASE_URL", str(store.engine.url))
        yield store


def _app() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=30)


def _logged_in(role: str) -> AppTest:
    app = _app()
    user_name = ROLE_USER.get(role, role)
    _, team = PEOPLE[user_name]
    app.session_state["eska_principal"] = Principal(user_name, role, team)
    app.session_state["eska_last_activity"] = accounts.utc_now()
    return app


def _texts(app: AppTest) -> str:
    parts = []
    for kind in ("title", "markdown", "caption", "info", "error", "warning", "subheader"):
        parts.extend(str(element.value) for element in getattr(app, kind))
    return "\n".join(parts)


def test_before_login_no_query_runs_and_no_data_shows(agency_app_store):
    statements = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    sa.event.listen(sa.Engine, "before_cursor_execute", count)
    try:
        app = _app().run()
    finally:
        sa.event.remove(sa.Engine, "before_cursor_execute", count)
    assert not app.exception
    assert statements == []
    assert app.title[0].value == i18n.text("login.title")
    assert len(app.text_input) == 2
    assert not any(child in _texts(app) for child in ASSIGNMENTS)
    with pytest.raises(ValueError):
        app.switch_page("pages/caseload.py")


def test_login_with_the_right_password_opens_home_and_is_audited(agency_app_store):
    app = _app().run()
    app.text_input[0].input("cw_ani")
    app.text_input[1].input(PASSWORD)
    app.button[0].click().run()
    assert not app.exception
    assert app.session_state["eska_principal"].user_name == "cw_ani"
    assert app.title[0].value == i18n.text("app.title")
    last = audit_rows(agency_app_store)[-1]
    assert (last["user_name"], last["action"], last["outcome"]) == ("cw_ani", "login", "success")


def test_login_with_a_wrong_password_is_refused_and_audited(agency_app_store):
    app = _app().run()
    app.text_input[0].input("cw_ani")
    app.text_input[1].input("wrong password")
    app.button[0].click().run()
    assert "eska_principal" not in app.session_state
    assert app.error[0].value == i18n.text("login.failed", attempts=5, minutes=15)
    last = audit_rows(agency_app_store)[-1]
    assert (last["user_name"], last["action"], last["outcome"]) == (
        "cw_ani",
        "failed_login",
        "failure",
    )


@pytest.mark.parametrize("role", access.USER_ROLES)
def test_each_role_sees_only_its_pages_and_an_address_typed_for_another_is_an_audited_refusal(
    agency_app_store, role
):
    app = _logged_in(role).run()
    assert not app.exception
    principal = app.session_state["eska_principal"]
    menu = zip(pages.PAGES, shell.navigation_pages(principal), strict=True)
    in_menu = {page.key for page, entry in menu if entry.visibility == "visible"}
    assert in_menu == {page.key for page in pages.PAGES if page.key in EXPECTED_PAGES[role]}
    for page in pages.PAGES:
        app.switch_page(page.path).run()
        assert not app.exception, (role, page.key)
        if page.key in EXPECTED_PAGES[role]:
            expected_title = "app.title" if page.key == "home" else page.title_id
            assert app.title[0].value == i18n.text(expected_title)
        else:
            assert [error.value for error in app.error] == [i18n.text("app.refused")]
            assert not app.title and not app.dataframe
            last = audit_rows(agency_app_store)[-1]
            assert (last["user_name"], last["action"], last["outcome"], last["detail"]) == (
                principal.user_name,
                "refusal",
                "refused",
                page.permission,
            )


@pytest.mark.parametrize("page", pages.PAGES[1:], ids=lambda page: page.key)
def test_a_page_run_on_its_own_without_login_shows_nothing(agency_app_store, page):
    app = AppTest.from_file(str(APP.parent / page.path), default_timeout=30).run()
    assert not app.exception
    assert len(app.main.children) == 0


def test_a_planner_session_never_holds_a_child_id(agency_app_store):
    app = _logged_in("planner")
    app.query_params["child"] = "C1"
    app.run()
    refusal = audit_rows(agency_app_store)[-1]
    assert (refusal["user_name"], refusal["action"]) == ("planner", "refusal")
    for page in pages.pages_for("planner"):
        app.switch_page(page.path).run()
    held = repr(app.session_state.to_dict()) + _texts(app)
    assert not any(child in held for child in ASSIGNMENTS)


def test_a_child_in_the_url_that_the_user_may_not_see_is_refused_and_audited(agency_app_store):
    app = _logged_in("caseworker")
    app.query_params["child"] = "C4"
    app.run()
    assert app.error[0].value == i18n.text("app.refused")
    assert "child" not in app.query_params
    assert app.session_state.get("eska_child") is None
    last = audit_rows(agency_app_store)[-1]
    assert (last["user_name"], last["action"], last["child_id"]) == ("cw_ani", "refusal", "C4")


def test_a_child_in_the_url_that_the_user_may_see_moves_into_the_session(agency_app_store):
    app = _logged_in("caseworker")
    app.query_params["child_id"] = "C2"
    app.run()
    assert app.session_state["eska_child"] == "C2"
    assert app.query_params == {}
    assert not app.error


def test_idle_timeout_logs_out_and_is_audited(agency_app_store, monkeypatch):
    monkeypatch.setenv("ESKA_IDLE_MINUTES", "30")
    app = _logged_in("auditor")
    app.session_state["eska_last_activity"] = accounts.utc_now() - dt.timedelta(minutes=31)
    app.run()
    assert "eska_principal" not in app.session_state
    assert app.title[0].value == i18n.text("login.title")
    assert app.info[0].value == i18n.text("app.timed_out", minutes=30)
    last = audit_rows(agency_app_store)[-1]
    assert (last["user_name"], last["action"]) == ("auditor", "timeout")


def test_activity_within_the_timeout_keeps_the_session(agency_app_store):
    app = _logged_in("auditor")
    app.session_state["eska_last_activity"] = accounts.utc_now() - dt.timedelta(minutes=29)
    app.run()
    assert app.session_state["eska_principal"].user_name == "auditor"


def test_logout_ends_the_session_and_is_audited(agency_app_store):
    app = _logged_in("admin").run()
    app.switch_page("pages/accounts.py").run()
    logout = next(b for b in app.sidebar.button if b.label == i18n.text("app.logout"))
    logout.click().run()
    assert "eska_principal" not in app.session_state
    assert app.title[0].value == i18n.text("login.title")
    assert not app.dataframe
    last = audit_rows(agency_app_store)[-1]
    assert (last["user_name"], last["action"]) == ("admin", "logout")


def test_user_entered_text_shows_literally(agency_app_store):
    label = "<img src=x onerror=alert(1)>"
    app = _app()
    app.session_state["eska_principal"] = Principal("cw_ani", "caseworker", "north", label)
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.run()
    welcome = next(m for m in app.markdown if "img" in m.value)
    assert welcome.value.replace("\\", "") == i18n.text("home.welcome", user=label)
    assert re.search(r"(?<!\\)[<>]", welcome.value) is None
    assert not app.html


def test_the_language_switch_changes_the_screens(agency_app_store):
    app = _logged_in("planner")
    app.session_state["eska_language"] = "id"
    app.run()
    assert app.sidebar.radio[0].value == "id"
    assert app.title[0].value == i18n.text("app.title", "id")
    assert app.caption[0].value == i18n.text(
        "app.signed_in_as", "id", user="planner", role=i18n.text("role.planner", "id")
    )
    app.sidebar.radio[0].set_value("en").run()
    assert app.title[0].value == i18n.text("app.title", "en")


AUTH_SECRETS = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a cookie secret for the tests",
    "client_id": "eska",
    "client_secret": "not a secret",
    "server_metadata_url": "https://idp.example/.well-known/openid-configuration",
}


def test_single_sign_on_lets_in_a_known_email_with_its_local_role(agency_app_store):
    accounts.add_user(agency_app_store, access.operator(), "rina@agency.example", "auditor")
    app = _app()
    app.secrets["auth"] = AUTH_SECRETS
    app.user = {"is_logged_in": True, "email": "Rina@agency.example"}
    app.run()
    assert not app.exception
    assert app.session_state["eska_principal"].role == "auditor"
    last = audit_rows(agency_app_store)[-1]
    assert (last["user_name"], last["action"], last["detail"]) == (
        "rina@agency.example",
        "login",
        "single sign-on",
    )
    logout = next(b for b in app.sidebar.button if b.label == i18n.text("app.logout"))
    logout.click().run()
    assert "eska_principal" not in app.session_state
    assert app.user.get("is_logged_in") is False


def test_single_sign_on_refuses_an_unknown_email(agency_app_store):
    app = _app()
    app.secrets["auth"] = AUTH_SECRETS
    app.user = {"is_logged_in": True, "email": "stranger@elsewhere.example"}
    app.run()
    assert "eska_principal" not in app.session_state
    assert app.error[0].value == i18n.text("login.oidc_unknown")
