"""What every screen has: the demo banner, the language switch, the account box, the menu."""

from __future__ import annotations

import streamlit as st

from eska_network.services import access
from eska_network.services.access import Principal

from .children import absorb_query_parameters
from .faults import store_faults
from .lang import language, language_switch, t
from .login import login_page
from .pages import PAGES
from .pages import page as page_by_key
from .session import (
    REQUESTED_KEY,
    PageContext,
    current_principal,
    demo_mode,
    enforce_idle_timeout,
    get_store,
    idle_watch,
    sign_out,
    take_notice,
)


def run_app() -> None:
    """The whole shell: gate, menu for the role, then the chosen page."""
    st.set_page_config(page_title=t("app.title"), page_icon=":material/hub:", layout="wide")
    # No table offers Streamlit's own CSV download or copy: downloads go through the audited
    # buttons of the pages (.streamlit/config.toml says the same, for any way of starting).
    st.set_option("client.disableDataExport", True)
    with store_faults():
        _run_shell()


def _run_shell() -> None:
    if demo_mode():
        st.warning(t("app.demo_banner"), icon=":material/science:")
        with st.spinner(t("login.preparing")):
            # Opened at once, so that a store demo mode may not use is refused before login.
            get_store()
    language_switch()
    enforce_idle_timeout()
    notice = take_notice()
    if notice:
        st.info(notice)
    principal = current_principal()
    if principal is None:
        # Always a navigation, even before login: without one Streamlit would list pages/ itself.
        # Every page's address leads to the login screen, so a link or a logout lands there.
        login_pages = [
            st.Page(
                login_page,
                title=t("login.title"),
                url_path=page.key,
                default=page.key == "home",
            )
            for page in PAGES
        ]
        st.navigation(login_pages, position="hidden").run()
        return
    absorb_query_parameters(PageContext(get_store(), principal, language()))
    navigation = st.navigation(navigation_pages(principal))
    asked_for = st.session_state.pop(REQUESTED_KEY, None)
    if asked_for is not None:
        # Typed before login into a fresh server, the address was lost on the way to the login
        # screen: its page runs now (and refuses, audited, a role it is not for).
        st.switch_page(page_by_key(asked_for).path)
    account_box(principal)
    with st.sidebar:
        idle_watch()
    navigation.run()


def navigation_pages(principal: Principal) -> list:
    """The ``st.Page`` of every page; those the role may not open are left out of the menu.

    They stay known to the navigation, so that an address typed for one runs its page, whose
    check refuses it and audits the refusal, rather than silently showing the home page. (A
    login screen shown at a page's address has that page's address, so once logged in the same
    address opens the page.)
    """
    return [
        st.Page(
            page.path,
            title=t(page.title_id),
            icon=page.icon,
            url_path=page.key,
            default=page.key == "home",
            visibility="visible"
            if page.permission is None or access.allows(principal.role, page.permission)
            else "hidden",
        )
        for page in PAGES
    ]


def account_box(principal: Principal) -> None:
    """Who is logged in, and the logout button, in the sidebar."""
    with st.sidebar:
        st.caption(
            t(
                "app.signed_in_as",
                user=principal.display_name or principal.user_name,
                role=t(f"role.{principal.role}"),
            )
        )
        st.button(t("app.logout"), on_click=sign_out, icon=":material/logout:")
