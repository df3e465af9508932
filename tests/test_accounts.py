"""Accounts: argon2 hashes, users and teams, login with lockout, idle timeout, demo accounts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.services import access, accounts, demo_setup, login
from eska_network.services.access import AccessDenied
from eska_network.services.accounts import AccountError
from eska_network.services.login import LoginPolicy
from eska_network.store.tables import users

from .access_fixtures import (
    ENGINES,
    PEOPLE,
    audit_rows,
    empty_store,
    fast_hashing,
    fill_agency,
    navigation_only,
)

PASSWORD = "correct horse battery"
NOW = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
OPERATOR = access.operator()
APP = Path(__file__).parents[1] / "app.py"


@pytest.fixture(params=ENGINES)
def agency_store(request, tmp_path, monkeypatch):
    """The agency of access_fixtures; cw_ani has a password (hashed cheaply)."""
    fast_hashing(monkeypatch)
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        accounts.set_password(store, OPERATOR, "cw_ani", PASSWORD)
        yield store


def _actions(store) -> list[tuple[str, str]]:
    return [(row["user_name"], row["action"]) for row in audit_rows(store)]


def test_hashes_are_argon2_salted_and_verify():
    first, second = accounts.hash_password(PASSWORD), accounts.hash_password(PASSWORD)
    assert first.startswith("$argon2id$")
    assert first != second
    assert accounts.verify_password(first, PASSWORD)
    assert not accounts.verify_password(first, PASSWORD + "!")
    assert not accounts.verify_password(None, PASSWORD)
    assert not accounts.verify_password("not a hash", PASSWORD)


def test_the_users_table_holds_a_hash_never_the_password(agency_store):
    with agency_store.engine.connect() as connection:
        stored = connection.scalar(
            sa.select(users.c.password_hash).where(users.c.user_name == "cw_ani")
        )
    assert PASSWORD not in stored
    assert accounts.verify_password(stored, PASSWORD)


def test_listed_users_carry_no_hash(agency_store):
    listed = accounts.list_users(agency_store)
    assert [user.user_name for user in listed] == sorted(user.user_name for user in listed)
    assert "password_hash" not in {field.name for field in dataclasses.fields(listed[0])}


def test_login_with_the_right_password(agency_store):
    result = login.authenticate(agency_store, "cw_ani", PASSWORD, now=NOW)
    assert result.reason == "ok"
    assert result.principal == access.Principal("cw_ani", "caseworker", "north", "cw_ani")
    assert _actions(agency_store)[-1] == ("cw_ani", "login")


def test_a_failed_login_is_audited_with_the_account_or_a_keyed_hash_of_the_name(agency_store):
    assert login.authenticate(agency_store, "cw_ani", "nope", now=NOW).reason == ("bad_credentials")
    typed = "MySecret-Passw0rd"  # a password typed into the user-name field
    for _ in range(2):
        assert login.authenticate(agency_store, typed, "nope", now=NOW).principal is None
    rows = audit_rows(agency_store)[-3:]
    assert [(row["user_name"], row["role"], row["action"]) for row in rows[:1]] == [
        ("cw_ani", "caseworker", "failed_login"),
    ]
    hashed = rows[1]["user_name"]
    assert re.fullmatch(r"unknown:[0-9a-f]{12}", hashed)
    # The same name gives the same label (attempts can be counted), never the name itself.
    assert rows[2]["user_name"] == hashed
    every_cell = " ".join(str(value) for row in audit_rows(agency_store) for value in row.values())
    assert typed.lower() not in every_cell.lower()


def test_an_account_without_a_password_cannot_log_in_with_an_empty_one(agency_store):
    assert login.authenticate(agency_store, "cw_budi", "", now=NOW).principal is None


def test_five_failures_lock_the_account_for_fifteen_minutes(agency_store):
    policy = LoginPolicy()
    for attempt in range(4):
        result = login.authenticate(agency_store, "cw_ani", "wrong", policy=policy, now=NOW)
        assert result.reason == "bad_credentials", attempt
    fifth = login.authenticate(agency_store, "cw_ani", "wrong", policy=policy, now=NOW)
    assert fifth.reason == "locked"
    assert fifth.locked_until == NOW + dt.timedelta(minutes=15)
    assert _actions(agency_store)[-2:] == [("cw_ani", "failed_login"), ("cw_ani", "lockout")]
    later = NOW + dt.timedelta(minutes=14)
    right = login.authenticate(agency_store, "cw_ani", PASSWORD, policy=policy, now=later)
    assert right.reason == "locked"
    assert _actions(agency_store)[-1] == ("cw_ani", "failed_login")
    after = NOW + dt.timedelta(minutes=16)
    assert login.authenticate(agency_store, "cw_ani", PASSWORD, now=after).reason == "ok"


def test_lockout_follows_the_configured_policy(agency_store):
    policy = LoginPolicy.from_env({"ESKA_LOCKOUT_ATTEMPTS": "2", "ESKA_LOCKOUT_MINUTES": "60"})
    login.authenticate(agency_store, "cw_ani", "wrong", policy=policy, now=NOW)
    second = login.authenticate(agency_store, "cw_ani", "wrong", policy=policy, now=NOW)
    assert second.locked_until == NOW + dt.timedelta(minutes=60)


def test_a_success_resets_the_count_of_failures(agency_store):
    for _ in range(4):
        login.authenticate(agency_store, "cw_ani", "wrong", now=NOW)
    login.authenticate(agency_store, "cw_ani", PASSWORD, now=NOW)
    result = login.authenticate(agency_store, "cw_ani", "wrong", now=NOW)
    assert result.reason == "bad_credentials"


def test_unlock_lifts_a_lockout_and_lock_deactivates(agency_store):
    policy = LoginPolicy(max_failures=1)
    login.authenticate(agency_store, "cw_ani", "wrong", policy=policy, now=NOW)
    accounts.unlock_user(agency_store, OPERATOR, "cw_ani")
    assert login.authenticate(agency_store, "cw_ani", PASSWORD, now=NOW).reason == "ok"
    accounts.lock_user(agency_store, OPERATOR, "cw_ani")
    assert login.authenticate(agency_store, "cw_ani", PASSWORD, now=NOW).principal is None
    assert not accounts.get_user(agency_store, "cw_ani").active


def test_user_and_team_changes_are_checked_and_audited(agency_store):
    with pytest.raises(AccountError, match="exists"):
        accounts.add_user(agency_store, OPERATOR, "cw_ani", "caseworker")
    with pytest.raises(AccountError, match="role"):
        accounts.add_user(agency_store, OPERATOR, "new", "superuser")
    with pytest.raises(AccountError, match="team"):
        accounts.add_user(agency_store, OPERATOR, "new", "caseworker", team="east")
    with pytest.raises(AccountError, match="12 characters"):
        accounts.add_user(agency_store, OPERATOR, "new", "caseworker", password="short")
    with pytest.raises(AccountError, match="user name"):
        accounts.add_user(agency_store, OPERATOR, "<b>x</b>", "caseworker")
    with pytest.raises(AccountError, match="exists"):
        accounts.add_team(agency_store, OPERATOR, "north", "North again")
    accounts.set_role(agency_store, OPERATOR, "cw_budi", "supervisor")
    accounts.set_team(agency_store, OPERATOR, "cw_budi", "south")
    budi = accounts.get_user(agency_store, "cw_budi")
    assert (budi.role, budi.team) == ("supervisor", "south")
    assert audit_rows(agency_store)[-1]["detail"] == "set team south for cw_budi"


def test_only_an_admin_manages_accounts_and_a_refusal_is_audited(agency_store):
    admin = accounts.get_user(agency_store, "admin").principal()
    accounts.add_user(agency_store, admin, "new_planner", "planner", password=PASSWORD)
    supervisor = accounts.get_user(agency_store, "sup_north").principal()
    with pytest.raises(AccessDenied):
        accounts.set_role(agency_store, supervisor, "cw_ani", "admin")
    assert accounts.get_user(agency_store, "cw_ani").role == "caseworker"
    assert _actions(agency_store)[-1] == ("sup_north", "refusal")


def test_logout_and_timeout_are_audited(agency_store):
    ani = accounts.get_user(agency_store, "cw_ani").principal()
    login.logout(agency_store, ani)
    login.logout(agency_store, ani, timed_out=True)
    assert _actions(agency_store)[-2:] == [("cw_ani", "logout"), ("cw_ani", "timeout")]


def test_idle_timeout_default_and_configured():
    start = NOW
    assert not login.is_idle(start, start + dt.timedelta(minutes=30))
    assert login.is_idle(start, start + dt.timedelta(minutes=30, seconds=1))
    ten = LoginPolicy.from_env({"ESKA_IDLE_MINUTES": "10"})
    assert login.is_idle(start, start + dt.timedelta(minutes=11), ten)


@pytest.mark.parametrize("value", ["0", "-3", "half an hour"])
def test_a_bad_policy_setting_is_a_clear_error(value):
    with pytest.raises(ValueError, match="ESKA_IDLE_MINUTES"):
        LoginPolicy.from_env({"ESKA_IDLE_MINUTES": value})


def test_single_sign_on_maps_an_email_to_an_active_user(agency_store):
    accounts.add_user(agency_store, OPERATOR, "Rina@agency.example", "planner")
    found = login.principal_for_email(agency_store, "rina@AGENCY.example")
    assert found is not None and found.role == "planner"
    assert login.principal_for_email(agency_store, "nobody@agency.example") is None
    accounts.lock_user(agency_store, OPERATOR, "Rina@agency.example")
    assert login.principal_for_email(agency_store, "rina@agency.example") is None


@pytest.mark.parametrize(
    ("value", "enabled"), [("1", True), ("true", True), ("0", False), ("", False)]
)
def test_demo_mode_is_explicit(value, enabled):
    assert demo_setup.demo_enabled({"ESKA_DEMO": value}) is enabled
    assert demo_setup.demo_enabled({}) is False


def test_demo_prepares_the_sample_and_one_account_per_role(tmp_path, monkeypatch):
    fast_hashing(monkeypatch)
    folder = tmp_path / "sample"
    folder.mkdir()
    (folder / "children.csv").write_text(
        "child_id,district,age,caseworker\n"
        "K1,Kota A,12,cw_one\nK2,Kota A,13,cw_two\nK3,Kota A,14,cw_two\n",
        encoding="utf-8",
    )
    (folder / "members.csv").write_text("child_id,member_id,label,level\n", encoding="utf-8")
    (folder / "ties.csv").write_text(
        "child_id,source,target,strength,valence,assessed_on\n", encoding="utf-8"
    )
    with empty_store("sqlite", tmp_path) as store:
        offered = demo_setup.prepare_demo(store, folder)
        assert [(account.role, account.user_name) for account in offered] == [
            ("caseworker", "cw_two"),
            ("supervisor", "demo_supervisor"),
            ("planner", "demo_planner"),
            ("auditor", "demo_auditor"),
            ("admin", "demo_admin"),
        ]
        demo_setup.prepare_demo(store, folder)
        names = {user.user_name for user in accounts.list_users(store)}
        assert names == {"cw_one", "cw_two"} | {f"demo_{role}" for role in access.USER_ROLES[1:]}
        supervisor = login.authenticate(store, "demo_supervisor", demo_setup.DEMO_PASSWORD)
        assert access.visible_child_ids(store, supervisor.principal) == ["K1", "K2", "K3"]


@pytest.fixture
def accounts_page(tmp_path, monkeypatch):
    """The accounts page in AppTest, opened by the agency's admin."""
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    navigation_only(monkeypatch)
    fast_hashing(monkeypatch)
    with empty_store("sqlite", tmp_path) as store:
        fill_agency(store)
        monkeypatch.setenv("ESKA_DATABASE_URL", str(store.engine.url))
        app = AppTest.from_file(str(APP), default_timeout=30)
        app.session_state["eska_principal"] = accounts.get_user(store, "admin").principal()
        app.session_state["eska_last_activity"] = accounts.utc_now()
        app.run()
        app.switch_page("pages/accounts.py").run()
        yield store, app


def test_the_admin_adds_a_user_on_the_accounts_page(accounts_page):
    store, app = accounts_page
    assert not app.exception
    users_table = app.dataframe[0].value
    assert "password_hash" not in users_table.columns
    assert set(users_table[i18n.text("accounts.column.user_name")]) == set(PEOPLE)
    # Roles and states in words, no "None" in an empty cell.
    assert set(users_table[i18n.text("accounts.column.role")]) <= {
        i18n.text(f"role.{role}") for role in ("caseworker", "supervisor", "planner", "auditor")
    } | {i18n.text("role.admin")}
    assert "None" not in users_table.to_string()
    form = app.get("form")[0]
    form.text_input[0].input("dewi")
    form.selectbox[0].select("planner")
    form.text_input[2].input(PASSWORD)
    form.button[0].click()
    app.run()
    assert app.success[0].value == i18n.text("accounts.done")
    assert login.authenticate(store, "dewi", PASSWORD).principal.role == "planner"
    assert audit_rows(store)[-2]["detail"] == "add user dewi as planner"


def test_changing_only_the_role_keeps_the_team(accounts_page):
    store, app = accounts_page
    chooser = next(box for box in app.selectbox if box.label == i18n.text("accounts.user_name"))
    chooser.select("cw_budi").run()
    form = next(f for f in app.get("form") if "cw_budi" in str(f.proto))
    form.selectbox[0].select("supervisor")
    form.button[0].click()
    app.run()
    budi = accounts.get_user(store, "cw_budi")
    assert (budi.role, budi.team) == ("supervisor", "north")
