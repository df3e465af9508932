"""The session: the store, who is logged in, the idle timeout, and the check each page makes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import streamlit as st
from streamlit.errors import StreamlitAPIException

from eska_network.services import accounts, demo_setup, login
from eska_network.services.access import AccessDenied, Principal
from eska_network.services.demo_data import demo_folder
from eska_network.store import Store, open_store
from eska_network.store.engine import database_url

from .lang import LANGUAGE_KEY, language, t
from .pages import require_page

REPO_ROOT = Path(__file__).resolve().parents[1]
PRINCIPAL_KEY = "eska_principal"
ACTIVITY_KEY = "eska_last_activity"
NOTICE_KEY = "eska_notice"
REQUESTED_KEY = "eska_requested_page"
"""A page run on its own before login (its address lost on the way to app.py): opened after."""


def demo_mode() -> bool:
    """Whether the app runs in demo mode (``ESKA_DEMO=1``)."""
    return demo_setup.demo_enabled()


@st.cache_resource(show_spinner=False)
def demo_data() -> Path:
    """The folder demo mode loads (``ESKA_DEMO_DATA``: the sample, or the large set)."""
    return demo_folder()


@st.cache_resource(show_spinner=False)
def _store(url: str, demo: bool):
    if demo:
        return demo_setup.open_demo_store(url, demo_data())
    return open_store(url)


def get_store() -> Store:
    """The store, opened once per server process (migrated, and in demo mode filled)."""
    return _store(database_url(), demo_mode())


def current_principal() -> Principal | None:
    """Who is logged in to this session, or ``None``."""
    return st.session_state.get(PRINCIPAL_KEY)


def _forget_everything_but_the_language() -> None:
    for key in list(st.session_state):
        # Streamlit's own entries start with "$$".
        if key != LANGUAGE_KEY and not str(key).startswith("$$"):
            del st.session_state[key]


def sign_in(principal: Principal) -> None:
    """Start a session for ``principal``; whatever the session held before is dropped (but the
    page asked for, which the shell opens next)."""
    requested = st.session_state.get(REQUESTED_KEY)
    _forget_everything_but_the_language()
    if requested is not None:
        st.session_state[REQUESTED_KEY] = requested
    st.session_state[PRINCIPAL_KEY] = principal
    st.session_state[ACTIVITY_KEY] = accounts.utc_now()


def sign_out(*, timed_out: bool = False) -> None:
    """End the session (audited as ``logout`` or ``timeout``) and drop everything it held."""
    principal = current_principal()
    if principal is not None:
        login.logout(get_store(), principal, timed_out=timed_out)
    _forget_everything_but_the_language()
    st.session_state[NOTICE_KEY] = "app.timed_out" if timed_out else "app.logged_out"
    if single_sign_on_configured() and st.user.is_logged_in:
        # Else the identity provider's cookie would log the user straight back in.
        st.logout()


def single_sign_on_configured() -> bool:
    """Whether ``.streamlit/secrets.toml`` has an ``[auth]`` section for ``st.login``."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def enforce_idle_timeout(now: dt.datetime | None = None) -> None:
    """Log out a session idle for longer than the policy allows; else note this activity."""
    if current_principal() is None:
        return
    now = now or accounts.utc_now()
    last = st.session_state.get(ACTIVITY_KEY, now)
    if login.is_idle(last, now, login.LoginPolicy.from_env()):
        sign_out(timed_out=True)
    else:
        st.session_state[ACTIVITY_KEY] = now


IDLE_CHECK_SECONDS = 30
"""How often an open page checks the idle timeout while nobody touches it."""


def idle_check_interval(policy: login.LoginPolicy) -> float:
    """Seconds between two checks: every 30 s, or a quarter of a shorter timeout.

    >>> idle_check_interval(login.LoginPolicy())
    30.0
    >>> idle_check_interval(login.LoginPolicy(idle_timeout=dt.timedelta(seconds=6)))
    1.5
    """
    return min(float(IDLE_CHECK_SECONDS), policy.idle_timeout.total_seconds() / 4)


def idle_watch() -> None:
    """A fragment rerun on a timer: logs an idle session out without waiting for a click.

    Its own reruns are not activity (only a run of the whole app notes activity).
    """
    policy = login.LoginPolicy.from_env()

    @st.fragment(run_every=idle_check_interval(policy))
    def _watch() -> None:
        last = st.session_state.get(ACTIVITY_KEY)
        if current_principal() is None or last is None:
            return
        if login.is_idle(last, accounts.utc_now(), policy):
            sign_out(timed_out=True)
            st.rerun(scope="app")

    _watch()


def take_notice() -> str | None:
    """The message left by the last logout, once."""
    message_id = st.session_state.pop(NOTICE_KEY, None)
    if message_id is None:
        return None
    minutes = int(login.LoginPolicy.from_env().idle_timeout.total_seconds() // 60)
    return t(message_id, minutes=minutes) if message_id == "app.timed_out" else t(message_id)


def _to_the_login_screen() -> NoReturn:
    """Stop a page run without a session; send the browser to app.py's login screen if possible.

    Until app.py first calls ``st.navigation`` in a server process, Streamlit runs a page of the
    ``pages/`` folder on its own (an address typed straight after the server started): then the
    switch brings app.py, its login gate and its menu in. Under app.py's own navigation a page
    without a session never runs, and the switch would fail: stop either way.
    """
    try:
        st.switch_page(str(REPO_ROOT / "app.py"))
    except StreamlitAPIException:
        pass
    st.stop()


@dataclass(frozen=True)
class PageContext:
    """What a page works with: the store, who is looking, and in which language."""

    store: Store
    principal: Principal
    lang: str


def page_context(page_key: str) -> PageContext:
    """Check, on the server, that the logged-in user may open the page; stop the page if not.

    A refusal is audited and shown; a page never runs its queries without this check.
    """
    principal = current_principal()
    if principal is None:
        st.session_state.setdefault(REQUESTED_KEY, page_key)
        _to_the_login_screen()
    store = get_store()
    try:
        require_page(store, principal, page_key)
    except AccessDenied:
        st.error(t("app.refused"))
        st.stop()
    return PageContext(store, principal, language())
