"""Each demo role in a real browser: its own pages only; a planner never sees a child code."""

from __future__ import annotations

import csv
import re

import pytest
from playwright.sync_api import expect

from eska_network import i18n
from eska_network.services import access

from .conftest import (
    REPO_ROOT,
    login_as,
    menu_titles,
    open_page,
    screenshot,
    serving_app,
    wait_until_idle,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

with (REPO_ROOT / "sample_data" / "children.csv").open(encoding="utf-8", newline="") as handle:
    SAMPLE_CHILD_IDS = [row["child_id"] for row in csv.DictReader(handle)]
EXPECTED_PAGES = {
    "caseworker": ["home", "child_map", "record_assessment", "caseload"],
    "supervisor": ["home", "child_map", "caseload", "districts", "import_data"],
    "planner": ["home", "districts"],
    "auditor": ["home", "audit_log"],
    "admin": ["home", "accounts"],
}


def _child_ids_in(text: str) -> list[str]:
    return [child for child in SAMPLE_CHILD_IDS if re.search(rf"\b{re.escape(child)}\b", text)]


def test_the_login_screen_offers_the_demo_accounts_and_shows_no_data(page, demo_app_url):
    page.goto(demo_app_url)
    wait_until_idle(page)
    expect(page.get_by_text(i18n.text("app.demo_banner"))).to_be_visible()
    for role in access.USER_ROLES:
        label = i18n.text("login.demo_as", role=i18n.text(f"role.{role}"))
        expect(page.get_by_role("button", name=label, exact=True)).to_be_visible()
    assert menu_titles(page) == []
    assert _child_ids_in(page.inner_text("body")) == []
    screenshot(page, "login-demo")


@pytest.mark.parametrize("role", access.USER_ROLES)
def test_each_demo_role_sees_only_its_pages(page, demo_app_url, role):
    login_as(page, demo_app_url, role)
    expected = [i18n.text(f"page.{key}") for key in EXPECTED_PAGES[role]]
    assert menu_titles(page) == expected
    expect(page.get_by_text(i18n.text("app.demo_banner"))).to_be_visible()
    screenshot(page, f"role-{role}-home")
    for key in EXPECTED_PAGES[role][1:]:
        open_page(page, key)
        expect(page.get_by_text(i18n.text("app.demo_banner"))).to_be_visible()
        assert page.get_by_test_id("stException").count() == 0, key
        if role in ("planner", "admin"):
            assert _child_ids_in(page.inner_text("body")) == [], key
        frames = page.get_by_test_id("stDataFrame")
        for index in range(frames.count()):
            # A shown table is drawn on a canvas once its data has arrived (tables in tabs
            # that are not open stay hidden).
            if frames.nth(index).is_visible():
                expect(frames.nth(index).locator("canvas").first).to_be_visible()
        screenshot(page, f"role-{role}-{key}")


def test_a_planner_never_sees_a_child_code_even_when_asking_for_one(page, demo_app_url):
    login_as(page, demo_app_url, "planner")
    # The question goes in through the address bar, which starts a new session: log in again.
    page.goto(f"{demo_app_url}/districts?child={SAMPLE_CHILD_IDS[0]}")
    wait_until_idle(page)
    login_label = i18n.text("login.demo_as", role=i18n.text("role.planner"))
    page.get_by_role("button", name=login_label, exact=True).click()
    expect(page.get_by_text(i18n.text("app.refused"))).to_be_visible(timeout=60_000)
    wait_until_idle(page)
    assert "child=" not in page.url
    for key in EXPECTED_PAGES["planner"]:
        open_page(page, key)
        assert _child_ids_in(page.inner_text("body")) == [], key
    screenshot(page, "planner-refused-child")


def test_logout_returns_to_the_login_screen(page, demo_app_url):
    login_as(page, demo_app_url, "auditor")
    open_page(page, "audit_log")
    page.get_by_test_id("stSidebar").get_by_role("button", name=i18n.text("app.logout")).click()
    expect(page.get_by_text(i18n.text("app.logged_out"))).to_be_visible()
    expect(page.get_by_role("heading", name=i18n.text("login.title"))).to_be_visible()
    assert menu_titles(page) == []


def test_an_address_typed_right_after_the_server_starts_shows_the_login(page, tmp_path):
    # Until app.py has run once, Streamlit would run a page of pages/ on its own.
    with serving_app(tmp_path) as url:
        page.goto(f"{url}/caseload")
        wait_until_idle(page)
        expect(page.get_by_role("heading", name=i18n.text("login.title"))).to_be_visible()
        assert menu_titles(page) == []
        login_as(page, url, "caseworker")
        assert menu_titles(page) == [
            i18n.text(f"page.{key}") for key in EXPECTED_PAGES["caseworker"]
        ]
