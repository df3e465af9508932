"""The child map in a real browser: the chart is drawn, hover shows a member, presentation hides."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from eska_network import i18n
from eska_network.services import accounts

from .conftest import REPO_ROOT, login_as, open_page, screenshot, wait_until_idle

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CASEWORKER = accounts.demo_accounts(REPO_ROOT / "sample_data")[0].user_name


def _first_child_labels(sample_dataset) -> tuple[str, list[str]]:
    """The demo caseworker's first child (the picker's default) and its members' labels."""
    children = sample_dataset.children
    child_id = sorted(children.loc[children["caseworker"] == CASEWORKER, "child_id"])[0]
    members = sample_dataset.members
    return child_id, list(members.loc[members["child_id"] == child_id, "label"])


def _screenshot(page: Page, name: str) -> None:
    """A screenshot of the whole page (Streamlit scrolls inside the app, so grow the window)."""
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
    screenshot(page, name)
    page.set_viewport_size(size)


def _hover_a_member(page: Page) -> str:
    """Hover the member markers one by one until plotly shows a hover label; its text."""
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    points = chart.locator(".scatterlayer .trace .points path")
    hover = chart.locator(".hoverlayer .hovertext")
    for index in range(points.count()):
        points.nth(index).hover(force=True)
        if hover.count():
            return hover.first.text_content()
    return ""


def test_the_map_is_drawn_hovered_and_hidden_in_presentation_mode(
    page, demo_app_url, sample_dataset
):
    child_id, labels = _first_child_labels(sample_dataset)
    login_as(page, demo_app_url, "caseworker")
    open_page(page, "child_map")
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(chart.locator("svg.main-svg").first).to_be_visible()
    # The ring bands and the member markers are drawn.
    assert chart.locator(".scatterlayer .trace").count() > 10
    assert chart.locator(".scatterlayer .trace .points path").count() >= len(labels)
    expect(page.get_by_text(i18n.text("map.gaps")).first).to_be_visible()

    details = _hover_a_member(page)
    assert any(label in details for label in labels), details
    _screenshot(page, "child-map")

    page.get_by_text(i18n.text("map.presentation"), exact=True).click()
    wait_until_idle(page)
    expect(page.get_by_text(i18n.text("map.child_hidden"))).to_be_visible()
    # The first new element can show while the rerun still runs: wait until it has finished and
    # no element of the run before presentation mode is left on the page.
    wait_until_idle(page)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=30_000)
    shown = page.inner_text("body")
    html = page.content()
    for label in labels:
        assert label not in shown, label
        assert label not in html, label
    assert child_id not in shown
    assert child_id not in page.url
    presented = _hover_a_member(page)
    assert presented and not any(label in presented for label in labels), presented
    _screenshot(page, "child-map-presentation")
