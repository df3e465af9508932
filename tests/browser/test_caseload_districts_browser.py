"""The caseload and districts pages in a real browser, on the sample data in demo mode."""

from __future__ import annotations

import csv
import re

import pytest
from playwright.sync_api import expect

from eska_network import i18n

from .conftest import REPO_ROOT, login_as, screenshot, show_menu

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

with (REPO_ROOT / "sample_data" / "children.csv").open(encoding="utf-8", newline="") as handle:
    SAMPLE_CHILD_IDS = [row["child_id"] for row in csv.DictReader(handle)]


def _child_ids_in(text: str) -> list[str]:
    return [child for child in SAMPLE_CHILD_IDS if re.search(rf"\b{re.escape(child)}\b", text)]


IDLE_SECONDS = 60
"""Lazily loaded widgets (multiselects, tabs, charts) can take long on a busy machine."""
TALL = {"width": 1400, "height": 3600}
"""Streamlit scrolls inside the page, so a full-page screenshot is one viewport: make it tall."""


def _idle(page) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=IDLE_SECONDS * 1000,
    )
    skeletons = page.locator('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]')
    expect(skeletons).to_have_count(0, timeout=IDLE_SECONDS * 1000)


def _open(page, page_key: str) -> None:
    show_menu(page)
    title = i18n.text(f"page.{page_key}")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(title)
    _idle(page)


def _drawn_charts(page) -> int:
    """Plotly charts whose plot area holds drawn marks (bars, heatmap cells, lines)."""
    return page.locator(
        ".js-plotly-plot:has(.barlayer .point path, .heatmaplayer image, .scatterlayer path)"
    ).count()


def test_the_supervisor_sees_the_caseload_and_opens_a_child_map(page, demo_app_url):
    login_as(page, demo_app_url, "supervisor")
    _open(page, "caseload")
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    expect(page.get_by_text(i18n.text("caseload.detail_hint"))).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(1)
    assert _drawn_charts(page) == 1
    page.set_viewport_size(TALL)
    screenshot(page, "caseload-supervisor")
    page.set_viewport_size({"width": 1400, "height": 1000})
    # The grid draws on a canvas: click the first row's marker, left of the first data row; the
    # row's detail offers its map.
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)
    opening = page.get_by_role("button", name=re.compile(i18n.text("caseload.open_map", child="")))
    expect(opening).to_be_visible(timeout=30_000)
    opening.click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(
        i18n.text("page.child_map"), timeout=30_000
    )
    _idle(page)
    assert "?" not in page.url and _child_ids_in(page.url) == []
    _open(page, "caseload")
    page.wait_for_timeout(1000)
    expect(page.get_by_role("heading", level=1).first).to_have_text(i18n.text("page.caseload"))


def test_the_planner_sees_the_district_charts_and_no_child_id(page, demo_app_url):
    login_as(page, demo_app_url, "planner")
    _open(page, "districts")
    expect(page.locator(".js-plotly-plot")).to_have_count(5, timeout=30_000)
    assert _drawn_charts(page) == 5
    expect(page.get_by_text(i18n.text("districts.headline"))).to_be_visible()
    assert _child_ids_in(page.inner_text("body")) == []
    assert _child_ids_in(page.content()) == []
    page.set_viewport_size(TALL)
    screenshot(page, "districts-planner")
    page.get_by_role("tab", name=i18n.text("districts.heatmap")).click()
    _idle(page)
    screenshot(page, "districts-planner-heatmap")
    page.get_by_test_id("stSidebar").get_by_text(i18n.LANGUAGE_NAMES["id"]).click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(
        i18n.text("page.districts", "id")
    )
    _idle(page)
    expect(page.get_by_text(i18n.text("districts.headline", "id"))).to_be_visible()
    assert _drawn_charts(page) == 5
    assert _child_ids_in(page.content()) == []
    screenshot(page, "districts-planner-id")
