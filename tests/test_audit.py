"""The audit: append-only in the database itself, UTC, filtered for the auditor, safe as CSV."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.domain import csvsafe
from eska_network.services import access, audit_reading, record_views
from eska_network.services.access import AccessDenied
from eska_network.services.audit_reading import AuditFilter
from eska_network.store.tables import audit

from .access_fixtures import (
    ENGINES,
    PEOPLE,
    audit_rows,
    empty_store,
    fill_agency,
    navigation_only,
)

OPERATOR = access.operator()
APP = Path(__file__).parents[1] / "app.py"


@pytest.fixture(params=ENGINES)
def audited_store(request, tmp_path):
    """The agency, with a view, a refusal and an export in the audit."""
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        ani = access.Principal("cw_ani", *PEOPLE["cw_ani"])
        access.open_child(store, ani, "C1")
        with pytest.raises(AccessDenied):
            access.open_child(store, ani, "C4")
        access.require(store, ani, access.EXPORT_CHILD, "C2")
        yield store


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit SET outcome = 'success' WHERE action = 'refusal'",
        "UPDATE audit SET child_id = NULL",
        "DELETE FROM audit WHERE action = 'refusal'",
        "DELETE FROM audit",
    ],
)
def test_the_database_refuses_to_change_or_remove_audit_rows(audited_store, statement):
    before = audit_rows(audited_store)
    with pytest.raises(sa.exc.DatabaseError, match="append-only"):
        with audited_store.engine.begin() as connection:
            connection.exec_driver_sql(statement)
    assert audit_rows(audited_store) == before


@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_postgresql_refuses_to_truncate_the_audit(tmp_path):
    with empty_store("postgresql", tmp_path) as store:
        access.write_audit(store, OPERATOR, "account", "success")
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            with store.engine.begin() as connection:
                connection.exec_driver_sql("TRUNCATE audit")
        assert len(audit_rows(store)) == 1


def test_rows_can_still_be_added(audited_store):
    before = len(audit_rows(audited_store))
    access.write_audit(audited_store, OPERATOR, "account", "success", detail="check")
    assert len(audit_rows(audited_store)) == before + 1


def test_rows_carry_utc_time_user_role_action_child_and_outcome(audited_store):
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    rows = [row for row in audit_rows(audited_store) if row["user_name"] == "cw_ani"]
    assert [(row["action"], row["child_id"], row["outcome"]) for row in rows] == [
        ("view_child", "C1", "success"),
        ("refusal", "C4", "refused"),
        ("export", "C2", "success"),
    ]
    for row in rows:
        assert row["role"] == "caseworker"
        assert start <= access.as_utc(row["at"]) <= dt.datetime.now(dt.UTC)


def _auditor():
    return access.Principal("auditor", "auditor")


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (AuditFilter(actions=("refusal",)), [("cw_ani", "refusal", "C4")]),
        (AuditFilter(child_id="C1"), [("cw_ani", "view_child", "C1")]),
        (AuditFilter(outcomes=("refused",), user_names=("cw_ani",)), [("cw_ani", "refusal", "C4")]),
        (AuditFilter(user_names=("nobody",)), []),
    ],
)
def test_the_auditor_filters_the_log(audited_store, where, expected):
    table = audit_reading.read_audit(audited_store, _auditor(), where)
    assert [tuple(row) for row in table[["user_name", "action", "child_id"]].values] == expected


def test_the_date_range_is_in_utc_days_both_included(audited_store):
    today = dt.datetime.now(dt.UTC).date()
    everything = audit_reading.read_audit(audited_store, _auditor())
    assert len(everything) >= 3
    assert len(
        audit_reading.read_audit(audited_store, _auditor(), AuditFilter(start=today, end=today))
    ) == len(everything)
    tomorrow = today + dt.timedelta(days=1)
    assert audit_reading.read_audit(audited_store, _auditor(), AuditFilter(start=tomorrow)).empty
    assert str(everything["at"].dt.tz) == "UTC"
    assert everything["at"].is_monotonic_decreasing


@pytest.mark.parametrize("role", ["caseworker", "supervisor", "planner", "admin"])
def test_only_the_auditor_reads_the_audit(audited_store, role):
    user_name = {"caseworker": "cw_ani", "supervisor": "sup_north"}.get(role, role)
    with pytest.raises(AccessDenied):
        audit_reading.read_audit(audited_store, access.Principal(user_name, *PEOPLE[user_name]))
    last = audit_rows(audited_store)[-1]
    assert (last["user_name"], last["action"], last["detail"]) == (
        user_name,
        "refusal",
        access.READ_AUDIT,
    )


def test_the_audit_export_is_formula_safe(audited_store):
    access.write_audit(audited_store, None, "failed_login", "failure", user_name="=HYPERLINK(1)")
    table = audit_reading.read_audit(audited_store, _auditor())
    exported = pd.read_csv(io.StringIO(csvsafe.to_safe_csv(table)), dtype=str)
    assert "'=HYPERLINK(1)" in set(exported["user_name"])
    assert not exported["user_name"].str.startswith(csvsafe.FORMULA_STARTS).any()


def test_audit_user_names_are_listed_for_the_filter(audited_store):
    names = audit_reading.audit_user_names(audited_store, _auditor())
    assert "cw_ani" in names and names == sorted(names)


def test_the_audit_table_has_no_free_text_column_about_the_child():
    assert set(audit.c.keys()) == {
        "id",
        "at",
        "user_name",
        "role",
        "action",
        "child_id",
        "outcome",
        "detail",
        "prev_hash",
        "hash",
    }
    assert audit.c.detail.type.length <= 200


@pytest.fixture
def audit_page(tmp_path, monkeypatch):
    """The audit log page in AppTest, opened by the agency's auditor, over a small audit."""
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    navigation_only(monkeypatch)
    with empty_store("sqlite", tmp_path) as store:
        fill_agency(store)
        ani = access.Principal("cw_ani", *PEOPLE["cw_ani"])
        access.open_child(store, ani, "C1")
        with pytest.raises(AccessDenied):
            access.open_child(store, ani, "C4")
        monkeypatch.setenv("ESKA_DATABASE_URL", str(store.engine.url))
        app = AppTest.from_file(str(APP), default_timeout=30)
        app.session_state["eska_principal"] = _auditor()
        app.session_state["eska_last_activity"] = access.utc_now()
        app.run()
        app.switch_page("pages/audit_log.py").run()
        yield store, app


def test_the_audit_page_filters_and_exports(audit_page):
    store, app = audit_page
    assert not app.exception
    assert len(app.dataframe[0].value) == len(audit_rows(store))
    action = next(box for box in app.multiselect if box.label == i18n.text("audit.action"))
    action.select("refusal").run()
    shown = app.dataframe[0].value
    assert list(shown[i18n.text("audit.column.action")]) == [i18n.text("audit.action.refusal")]
    assert list(shown[i18n.text("audit.column.child_id")]) == ["C4"]
    # Local time with its zone, not UTC; no "None" where a cell is empty.
    assert shown[i18n.text("audit.column.at")].str.endswith(" WIB").all()
    assert "None" not in shown.to_string()
    app.get("download_button")[0].click().run()
    last = audit_rows(store)[-1]
    assert (last["user_name"], last["action"], last["detail"]) == (
        "auditor",
        "export",
        access.EXPORT_AUDIT,
    )


def test_a_child_code_filter_narrows_the_page(audit_page):
    store, app = audit_page
    child = next(box for box in app.text_input if box.label == i18n.text("audit.child"))
    child.input("C1").run()
    assert set(app.dataframe[0].value[i18n.text("audit.column.child_id")]) == {"C1"}


def test_days_are_the_agency_s_local_days(audited_store):
    """A row written at 18:00 UTC belongs to the next day in Jakarta (UTC+7)."""
    everything = audit_reading.read_audit(audited_store, _auditor())
    moment = everything["at"].iloc[0].to_pydatetime()
    jakarta = record_views.local_zone({"ESKA_TIMEZONE": "Asia/Jakarta"})
    local_day = moment.astimezone(jakarta).date()
    found = audit_reading.read_audit(
        audited_store, _auditor(), AuditFilter(start=local_day, end=local_day, zone=jakarta)
    )
    assert moment in set(found["at"].dt.to_pydatetime())
    other = local_day - dt.timedelta(days=1)
    earlier = audit_reading.read_audit(
        audited_store, _auditor(), AuditFilter(start=other, end=other, zone=jakarta)
    )
    assert moment not in set(earlier["at"].dt.to_pydatetime())


def test_every_audit_action_and_outcome_has_a_name_in_both_languages():
    for lang in ("en", "id"):
        names = [record_views.action_name(action, lang) for action in access.AUDIT_ACTIONS]
        assert len(set(names)) == len(names)
        assert all("_" not in name for name in names)
        assert all(record_views.outcome_name(o, lang) for o in access.OUTCOMES)


def test_the_audit_csv_holds_the_rows_on_screen_with_utc_beside_local(audited_store):
    rows = audit_reading.read_audit(audited_store, _auditor())
    table = pd.read_csv(io.StringIO(record_views.audit_csv(rows, "id")), dtype=str)
    assert list(table.columns[:2]) == [
        i18n.text("audit.column.at", "id"),
        i18n.text("audit.column.at_utc", "id"),
    ]
    assert len(table) == len(rows)
    assert set(table[i18n.text("audit.column.action", "id")]) <= {
        record_views.action_name(action, "id") for action in access.AUDIT_ACTIONS
    }


def test_the_audit_page_speaks_indonesian(audit_page):
    _, app = audit_page
    app.session_state["eska_language"] = "id"
    app.run()
    shown = app.dataframe[0].value
    assert i18n.text("audit.column.action", "id") in shown.columns
    assert "view_child" not in shown.to_string()
