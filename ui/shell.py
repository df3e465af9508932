"""What every screen has: the demo banner, the language switch, the account box, the menu."""

from __future__ import annotations

import streamlit as st

from eska_network.services.access import Principal

from .children import absorb_query_parameters
from .lang import language, language_switch, t
from .login import login_page
from .pages import PAGES, pages_for
from .session import (
    PageContext,
    current_principal,
    demo_mode,
    enforce_idle_timeout,
    get_store,
    sign_out,
    take_notice,
)


def run_app() -> None:
    """The whole shell: gate, menu for the role, then the chosen page."""
    st.set_page_config(page_title=t("app.title"), page_icon=":material/hub:", layout="wide")
    if demo_mode():
        st.warning(t("app.demo_banner"), icon=":material/science:")
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
    account_box(principal)
    navigation.run()


def navigation_pages(principal: Principal) -> list:
    """The ``st.Page`` of every page the principal's role may open."""
    return [
        st.Page(
            page.path,
            title=t(page.title_id),
            icon=page.icon,
            url_path=page.key,
            default=page.key == "home",
        )
        for page in pages_for(principal.role)
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
