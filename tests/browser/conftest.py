"""Browser fixtures: the app served by ``streamlit run`` in demo mode, driven by Chromium.

Reuse them in any browser test::

    pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

    def test_something(page, demo_app_url):
        login_as(page, demo_app_url, "supervisor")
        open_page(page, "caseload")
        screenshot(page, "caseload")

The server (one per test session, on a free port, against a fresh SQLite store) and the browser
are shared; each test gets a fresh browser context, so a fresh Streamlit session. A missing
Chromium fails the test: it never skips.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from eska_network import i18n

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("BROWSER_PATH") or "/usr/bin/chromium")
"""The browser: Debian's Chromium, or the one .ci/services.sh found (``make test`` passes it)."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_SECONDS = 90
# Demo mode fills the store on the first login, which can take a while on a busy machine.
LOGIN_SECONDS = 120
SKELETON_SECONDS = 30


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_health(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(
        f"streamlit did not answer within {SERVER_START_SECONDS}s:\n{log.read_text()}"
    )


@contextmanager
def serving_app(folder: Path, **settings: str) -> Iterator[str]:
    """Run ``streamlit run app.py`` in demo mode on a fresh SQLite store in ``folder``.

    ``settings`` are more environment variables (``ESKA_IDLE_MINUTES="0.1"``, say).
    """
    port = _free_port()
    env = {
        **os.environ,
        "ESKA_DEMO": "1",
        "ESKA_DATABASE_URL": f"sqlite:///{folder / 'eska.db'}",
        **settings,
    }
    log = folder / "streamlit.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO_ROOT / "app.py"),
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--server.headless=true",
        "--server.fileWatcherType=none",
        "--browser.gatherUsageStats=false",
    ]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def demo_app_url(tmp_path_factory) -> Iterator[str]:
    """The base URL of the app in demo mode, one server for the whole test session."""
    with serving_app(tmp_path_factory.mktemp("demo-app")) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Browser:
    """Debian's Chromium, headless, through Playwright (no browser download)."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `bash .ci/services.sh`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Page:
    """A page in a fresh browser context: a new Streamlit session, nobody logged in."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    context.set_default_timeout(30_000)
    tab = context.new_page()
    yield tab
    context.close()


def wait_until_idle(page: Page) -> None:
    """Wait until the app has drawn and Streamlit has finished running the script."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'"
    )
    # Widgets whose code loads lazily are drawn as skeletons until it arrives.
    skeletons = page.locator('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]')
    # Generous: on a shared, loaded machine the charts' code can take more than the default 5 s.
    expect(skeletons).to_have_count(0, timeout=SKELETON_SECONDS * 1000)


def login_as(page: Page, base_url: str, role: str) -> None:
    """Open the app and log in with the demo account offered for ``role``."""
    page.goto(base_url)
    label = i18n.text("login.demo_as", role=i18n.text(f"role.{role}"))
    page.get_by_role("button", name=label, exact=True).click()
    signed_in = page.get_by_test_id("stSidebar").get_by_text("Signed in as", exact=False)
    expect(signed_in).to_be_visible(timeout=LOGIN_SECONDS * 1000)
    wait_until_idle(page)


def show_menu(page: Page) -> None:
    """Unfold the sidebar if a page folded it away (the child map gives its map the screen)."""
    expand = page.get_by_test_id("stExpandSidebarButton")
    if expand.is_visible():
        expand.click()
        expect(page.get_by_test_id("stSidebarNav")).to_be_visible()


def open_page(page: Page, page_key: str) -> None:
    """Open one of the app's pages from the sidebar menu.

    (Typing an address would reload the browser tab: a new Streamlit session, logged out.)
    """
    show_menu(page)
    title = i18n.text(f"page.{page_key}")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(
        i18n.text("app.title") if page_key == "home" else title
    )
    wait_until_idle(page)


def menu_titles(page: Page) -> list[str]:
    """The titles of the pages listed in the sidebar menu."""
    links = page.get_by_test_id("stSidebarNav").get_by_role("link")
    # A link's text starts with its icon's name (a ligature of the icon font): keep the title.
    return [text.strip().splitlines()[-1] for text in links.all_inner_texts()]


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG under test-artifacts/ and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
