"""Issue 11 in a real browser: the idle timeout without a click, no table download of
Streamlit's own, and a page typed into the address bar by a role that may not open it."""

from __future__ import annotations

import sqlite3
import time

import pytest
from playwright.sync_api import expect

from eska_network import i18n

from .conftest import login_as, open_page, screenshot, serving_app, wait_until_idle

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_an_idle_session_is_logged_out_without_a_click(page, tmp_path):
    with serving_app(tmp_path, ESKA_IDLE_MINUTES="0.1") as url:
        login_as(page, url, "caseworker")
        started = time.monotonic()
        # Nobody touches the page: the timed check logs the session out on its own.
        expect(page.get_by_role("heading", name=i18n.text("login.title"))).to_be_visible(
            timeout=60_000
        )
        waited = time.monotonic() - started
        expect(page.get_by_text("You were logged out after", exact=False)).to_be_visible()
        screenshot(page, "idle-logged-out")
        rows = _audit(tmp_path, "SELECT user_name, action FROM audit WHERE action = 'timeout'")
    assert rows and waited >= 5, waited


def _audit(folder, query: str) -> list[tuple]:
    connection = sqlite3.connect(folder / "eska.db")
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_tables_offer_no_download_of_their_own(page, demo_app_url):
    login_as(page, demo_app_url, "supervisor")
    open_page(page, "caseload")
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_be_visible()
    table.hover()
    page.wait_for_timeout(500)
    toolbar = page.get_by_test_id("stElementToolbar")
    assert page.get_by_role("button", name="Download as CSV").count() == 0
    assert toolbar.get_by_label("Download as CSV").count() == 0
    # The product's own, audited download is there.
    expect(page.get_by_test_id("stDownloadButton").first).to_be_visible()
    screenshot(page, "caseload-no-table-download")


def test_a_planner_typing_the_child_map_address_is_refused_and_audited(page, tmp_path):
    with serving_app(tmp_path) as url:
        page.goto(f"{url}/child_map")
        wait_until_idle(page)
        label = i18n.text("login.demo_as", role=i18n.text("role.planner"))
        page.get_by_role("button", name=label, exact=True).click()
        expect(page.get_by_text(i18n.text("app.refused"))).to_be_visible(timeout=120_000)
        wait_until_idle(page)
        screenshot(page, "planner-child-map-refused")
        refusals = _audit(
            tmp_path,
            "SELECT user_name, role, detail FROM audit WHERE action = 'refusal'",
        )
    assert ("demo_planner", "planner", "view_child") in refusals
