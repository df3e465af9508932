"""Two app servers over one PostgreSQL database behave as one: a save on one is seen on the other
at once, a save on the other made from the older record is refused as a concurrent edit, and the
two sessions are independent (each logged in on its own server)."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Browser, Page, expect

from eska_network import i18n
from tests.conftest import empty_database

from .conftest import login_as, open_page, screenshot, serving_app, wait_until_idle
from .test_record_browser import fill_new_member_with_tie

pytestmark = [
    pytest.mark.browser,
    pytest.mark.postgres,
    pytest.mark.xdist_group("browser"),
]

FIRST = "LBH APIK Indramayu"
SECOND = "Posyandu Mawar"


def _tab(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1400, "height": 4400}, locale="en-US")
    context.set_default_timeout(30_000)
    return context.new_page()


def _save(page: Page) -> None:
    """Save the form; the ties the save would make stale are asked about first: "not known"."""
    page.get_by_role("button", name=i18n.text("assess.submit")).click()
    wait_until_idle(page)
    unknown = page.get_by_text(i18n.text("assess.stale.unknown"), exact=True)
    for index in range(unknown.count()):
        unknown.nth(index).click()
    if unknown.count():
        page.get_by_role("button", name=i18n.text("assess.stale.save")).click()


def test_a_save_on_one_server_is_seen_on_the_other_at_once(browser, tmp_path):
    folders = [tmp_path / "a", tmp_path / "b"]
    for folder in folders:
        folder.mkdir()
    with (
        empty_database("postgresql", tmp_path) as database,
        serving_app(folders[0], ESKA_DATABASE_URL=database) as first_url,
        serving_app(folders[1], ESKA_DATABASE_URL=database) as second_url,
    ):
        first, second = _tab(browser), _tab(browser)
        # Each session lives on its own server: logged in on each separately.
        login_as(first, first_url, "caseworker")
        login_as(second, second_url, "caseworker")
        open_page(first, "record_assessment")
        open_page(second, "record_assessment")
        child = first.get_by_test_id("stSelectbox").first.get_by_role("combobox")
        expect(second.get_by_test_id("stSelectbox").first.get_by_role("combobox")).to_have_value(
            child.input_value()
        )
        expect(second.get_by_text(FIRST, exact=False)).to_have_count(0)

        fill_new_member_with_tie(first, FIRST)
        _save(first)
        saved = i18n.text("assess.saved", date=dt.date.today())
        expect(first.get_by_text(saved)).to_be_visible(timeout=60_000)

        # The second server's form was opened before that save: its save is refused, and the
        # first server's save is named at once (a new member and its tie).
        fill_new_member_with_tie(second, SECOND)
        _save(second)
        conflict = i18n.text("assess.conflict")
        expect(second.get_by_text(conflict[:60], exact=False)).to_be_visible(timeout=60_000)
        wait_until_idle(second)
        expect(second.get_by_text("1 tie(s), 1 member(s)", exact=False)).to_be_visible()
        screenshot(second, "two-servers-conflict")
        for tab in (first, second):
            tab.context.close()
