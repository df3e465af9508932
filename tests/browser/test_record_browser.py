"""Recording an assessment in a real browser: a new legal-aid member and a tie to it, saved
through the forms; the map as of the earlier assessment is unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from eska_network import i18n
from eska_network.services import access, demo_setup
from eska_network.services.access import Principal
from eska_network.services.quick_record import made_stale
from eska_network.store import AssessmentChanges, open_store

from .conftest import REPO_ROOT, login_as, open_page, screenshot, serving_app, wait_until_idle

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NEW_LABEL = "LBH APIK Indramayu"


@pytest.fixture(scope="module")
def recording_app(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """The app in demo mode on a store of its own (this test writes to it): URL and store URL."""
    folder = tmp_path_factory.mktemp("record-app")
    with serving_app(folder) as url:
        yield url, f"sqlite:///{folder / 'eska.db'}"


def fill_new_member_with_tie(page: Page, label: str) -> Locator:
    """A new institution member ``label`` and a strong tie from the child to it; returns the
    new tie's part of the form."""
    new_member = page.get_by_test_id("stExpander").filter(
        has_text=i18n.text("assess.where.new_member", n=1)
    )
    new_member.get_by_label(i18n.text("assess.field.label")).fill(label)
    _choose(page, new_member, i18n.text("assess.field.level"), "institutions")
    _choose(page, new_member, i18n.text("assess.field.role"), "Legal aid")
    new_tie = page.get_by_test_id("stExpander").filter(
        has_text=i18n.text("assess.where.new_tie", n=1)
    )
    _choose(
        page, new_tie, i18n.text("assess.field.target"), i18n.text("assess.new_member_option", n=1)
    )
    new_tie.get_by_text("4 – strong (thick line)").click()
    return new_tie


def _choose(page: Page, scope: Locator, label: str, option: str) -> None:
    """Pick ``option`` in the select box labelled ``label`` within ``scope``."""
    box = scope.get_by_test_id("stSelectbox").filter(has_text=label).first
    box.click()
    # Typing filters a long list (the dropdown draws only the options in view).
    box.get_by_role("combobox").fill(option)
    page.get_by_role("option", name=option, exact=True).click()


def test_an_assessment_recorded_through_the_forms_leaves_the_earlier_map_unchanged(
    page, recording_app
):
    url, store_url = recording_app
    login_as(page, url, "caseworker")
    open_page(page, "record_assessment")
    store = open_store(store_url)
    demo = demo_setup.demo_accounts(REPO_ROOT / "sample_data")
    caseworker = next(account.user_name for account in demo if account.role == "caseworker")
    # The page opens on the first of the caseworker's children.
    child_id = access.visible_child_ids(store, Principal(caseworker, "caseworker"))[0]
    expect(page.get_by_test_id("stSelectbox").first.get_by_role("combobox")).to_have_value(child_id)
    before = store.child_system(child_id)
    earlier = before.latest_assessment()
    map_before = before.ties_as_of(earlier)

    new_tie = fill_new_member_with_tie(page, NEW_LABEL)
    needs = new_tie.get_by_test_id("stMultiSelect").filter(
        has_text=i18n.text("assess.field.needs_met")
    )
    needs.click()
    page.get_by_role("option", name="legal services", exact=True).click()
    page.keyboard.press("Escape")
    # Streamlit scrolls inside the page: a tall window lets the screenshot hold the whole form.
    page.set_viewport_size({"width": 1400, "height": 4400})
    screenshot(page, "record-assessment-filled")

    page.get_by_role("button", name=i18n.text("assess.submit")).click()
    # The save would make the ties seen last at the latest assessment stale: asked about first.
    stale = made_stale(before, dt.date.today(), AssessmentChanges())
    assert stale, child_id
    expect(page.get_by_text(i18n.text("assess.stale.title", n=len(stale)))).to_be_visible()
    unknown = page.get_by_text(i18n.text("assess.stale.unknown"), exact=True)
    expect(unknown).to_have_count(len(stale))
    for index in range(len(stale)):
        unknown.nth(index).click()
    screenshot(page, "record-assessment-stale-ties")
    page.get_by_role("button", name=i18n.text("assess.stale.save")).click()
    saved = i18n.text("assess.saved", date=dt.date.today())
    expect(page.get_by_text(saved)).to_be_visible(timeout=60_000)
    wait_until_idle(page)
    expect(page.get_by_text(f"New member: {NEW_LABEL}", exact=False)).to_be_visible()
    screenshot(page, "record-assessment-saved")

    after = store.child_system(child_id)
    assert after.ties_as_of(earlier) == map_before
    latest = {tie.pair: tie for tie in after.ties_as_of()}
    added = next(m for m in after.members if m.label == NEW_LABEL)
    tie = latest[tuple(sorted(("child", added.member_id)))]
    assert (added.level, added.role, tie.strength, tie.needs_met) == (
        "institution",
        "legal_aid",
        4,
        ("legal",),
    )
    assert len(after.ties) == len(before.ties) + 1
    store.engine.dispose()


def test_a_tie_to_a_blank_new_member_is_shown_next_to_its_field_and_nothing_is_saved(
    page, recording_app
):
    url, store_url = recording_app
    login_as(page, url, "caseworker")
    open_page(page, "record_assessment")
    store = open_store(store_url)
    before = {k: v for k, v in store.table_counts().items() if k not in ("audit", "drafts")}

    new_tie = page.get_by_test_id("stExpander").filter(
        has_text=i18n.text("assess.where.new_tie", n=1)
    )
    _choose(
        page, new_tie, i18n.text("assess.field.target"), i18n.text("assess.new_member_option", n=2)
    )
    page.get_by_role("button", name=i18n.text("assess.submit")).click()
    message = i18n.text("assess.new_member_blank", n=2)
    expect(new_tie.get_by_test_id("stAlert").filter(has_text=message)).to_be_visible()
    expect(page.get_by_text(i18n.text("assess.problems", n=1))).to_be_visible()
    to_fix = i18n.text("assess.to_fix", name=i18n.text("assess.ties_title"), n=1)
    expect(page.get_by_role("heading", name=to_fix)).to_be_visible()
    wait_until_idle(page)
    page.set_viewport_size({"width": 1400, "height": 4400})
    screenshot(page, "record-assessment-problem")
    assert {k: v for k, v in store.table_counts().items() if k not in ("audit", "drafts")} == before
    store.engine.dispose()


def test_a_bad_upload_shows_the_problems_table(page, recording_app, tmp_path):
    url, store_url = recording_app
    login_as(page, url, "supervisor")
    open_page(page, "import_data")
    store = open_store(store_url)
    before = store.table_counts()
    bad = tmp_path / "ties.csv"
    bad.write_text(
        "child_id,source,target,strength,valence,assessed_on\n"
        "BTM-001,child,nobody,7,supportive,2026-13-01\n",
        encoding="utf-8",
    )
    page.get_by_test_id("stFileUploader").first.locator("input[type=file]").set_input_files(
        str(bad)
    )
    expect(page.get_by_test_id("stDataFrame").first.locator("canvas").first).to_be_visible(
        timeout=60_000
    )
    wait_until_idle(page)
    expect(page.get_by_text(i18n.text("import.problems", n=4)[:30], exact=False)).to_be_visible()
    screenshot(page, "import-bad-upload")
    assert store.table_counts() == before
    store.engine.dispose()
