"""Browser timings: the child map page against a bare page with one empty plotly chart.

Both apps run under ``streamlit run`` on this machine and are driven by Playwright with Debian's
Chromium, in the same run. A login lives in the Streamlit session, so the child map is opened the
way a user opens it, by a click in the menu of the app already loaded; the bare chart is timed the
same way (and also by loading its URL directly, for reference).
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .data import OUT_DIR
from .runner import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHART_DRAWN = ".js-plotly-plot .main-svg"
"""Plotly has drawn a chart once its SVG layer is in the page."""
TIMEOUT_MS = 60_000
LOGIN_TIMEOUT_MS = 180_000
"""Demo mode fills the store at the first login, which takes a while on a busy machine."""
VIEWPORT = {"width": 1400, "height": 1000}


def measure(loads: int, log: Path) -> dict:
    """Median seconds from opening each page to its chart drawn, over ``loads`` loads each."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        return {"status": "not available", "reason": f"playwright: {error}"}
    if not Path(CHROMIUM).exists():
        return {"status": "not available", "reason": f"no Chromium at {CHROMIUM}"}
    app = REPO_ROOT / "app.py"
    if not app.exists():
        return {"status": "not available", "reason": "no app.py"}
    work = OUT_DIR / "work"
    work.mkdir(parents=True, exist_ok=True)
    store = work / "browser.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    app_env = {"ESKA_DEMO": "1", "ESKA_DATABASE_URL": f"sqlite:///{store}"}
    try:
        with (
            sync_playwright() as playwright,
            _streamlit(REPO_ROOT / "bench" / "bare_page.py", {}, log) as bare_url,
            _streamlit(app, app_env, log) as app_url,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                result = {
                    "bare": _timings(loads, lambda: _bare_by_menu(browser, bare_url)),
                    "bare_direct": _timings(loads, lambda: _bare_direct(browser, bare_url)),
                    "child_map": _timings(loads, lambda: _child_map_by_menu(browser, app_url)),
                }
            finally:
                browser.close()
    except Exception as error:  # noqa: BLE001 - the browser part is reported, the run goes on
        return {"status": "failed", "reason": f"{type(error).__name__}: {error}"}
    return {"status": "ok", **result}


def _timings(loads: int, load: Callable[[], float]) -> dict:
    load()  # The first load warms the server's caches (imports, the store) and is not counted.
    times = [load() for _ in range(loads)]
    return {"times": times, "median": statistics.median(times)}


def _bare_direct(browser, base_url: str) -> float:
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(f"{base_url}/chart")
        page.wait_for_selector(CHART_DRAWN, timeout=TIMEOUT_MS)
        return time.perf_counter() - start
    finally:
        context.close()


def _bare_by_menu(browser, base_url: str) -> float:
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    try:
        page = context.new_page()
        page.goto(base_url)
        page.get_by_text("Start", exact=True).last.wait_for(timeout=TIMEOUT_MS)
        _wait_until_idle(page)
        return _open_by_menu(page, "chart")
    finally:
        context.close()


def _child_map_by_menu(browser, base_url: str) -> float:
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    try:
        page = context.new_page()
        _demo_login(page, base_url)
        return _open_by_menu(page, "child_map")
    finally:
        context.close()


def _demo_login(page, base_url: str) -> None:
    """Log in with the demo caseworker account (the user of a case conference), not timed."""
    from eska_network import i18n

    page.goto(base_url)
    label = i18n.text("login.demo_as", role=i18n.text("role.caseworker"))
    # The button may name the account after the role, "Log in as caseworker (cw_1)".
    button = page.get_by_role("button", name=re.compile(rf"^{re.escape(label)}\b"))
    button.click(timeout=LOGIN_TIMEOUT_MS)
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=LOGIN_TIMEOUT_MS)
    _wait_until_idle(page)


def _wait_until_idle(page) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=TIMEOUT_MS,
    )


def _open_by_menu(page, url_path: str) -> float:
    """Seconds from the click on the menu entry of ``url_path`` to the chart drawn."""
    link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{url_path}"]')
    link.wait_for(timeout=TIMEOUT_MS)
    if page.locator(".js-plotly-plot").count():
        raise RuntimeError("a chart is already on the page before the menu click")
    start = time.perf_counter()
    link.click()
    page.wait_for_selector(CHART_DRAWN, timeout=TIMEOUT_MS)
    return time.perf_counter() - start


@contextmanager
def _streamlit(script: Path, env: dict[str, str], log: Path) -> Iterator[str]:
    """``streamlit run script`` on a free port until the block ends; yields its base URL."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.port", str(port), "--server.headless", "true",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"\n$ {' '.join(command)}\n")
        out.flush()
        server = subprocess.Popen(
            command, cwd=REPO_ROOT, env={**os.environ, **env}, stdout=out, stderr=out
        )
    try:
        base_url = f"http://localhost:{port}"
        _wait_until_healthy(base_url, server)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


def _wait_until_healthy(base_url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit at {base_url} not healthy after {seconds:.0f} s")
