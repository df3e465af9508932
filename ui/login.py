"""The login screen: local accounts, the demo accounts in demo mode, optional single sign-on.

Nothing here touches the store until someone submits credentials: before login no query runs.
"""

from __future__ import annotations

import streamlit as st

from eska_network.services import access, demo_setup, login

from .lang import t
from .session import demo_data, demo_mode, get_store, sign_in, single_sign_on_configured


def login_page() -> None:
    """Draw the login screen and log the user in when the credentials are right."""
    st.title(t("login.title"))
    if demo_mode():
        _demo_logins()
    with st.form("login", enter_to_submit=True):
        user_name = st.text_input(t("login.user"), max_chars=64, autocomplete="username")
        password = st.text_input(t("login.password"), type="password", max_chars=256)
        submitted = st.form_submit_button(t("login.submit"), type="primary")
    if submitted and user_name:
        _attempt(user_name.strip(), password)
    if single_sign_on_configured():
        _single_sign_on()
    if not demo_mode():
        st.info(t("login.no_accounts_hint"))


def _demo_logins() -> None:
    st.markdown(t("login.demo_accounts", password=demo_setup.DEMO_PASSWORD))
    for account in demo_setup.demo_accounts(demo_data()):
        button, user = st.columns([1, 2], vertical_alignment="center")
        label = t("login.demo_as", role=t("role." + account.role))
        if button.button(label, key=f"demo_{account.role}", width="stretch"):
            _attempt(account.user_name, demo_setup.DEMO_PASSWORD)
        user.code(account.user_name, language=None)


def _attempt(user_name: str, password: str) -> None:
    with st.spinner(t("login.preparing")):
        store = get_store()
    policy = login.LoginPolicy.from_env()
    result = login.authenticate(store, user_name, password, policy=policy)
    if result.principal is not None:
        sign_in(result.principal)
        st.rerun()
    # One answer for a wrong password, an unknown name and a locked account alike.
    st.error(t("login.failed", attempts=policy.max_failures, minutes=policy.lockout_minutes))


def _single_sign_on() -> None:
    """Log in through the agency's identity provider, mapped by e-mail to a local user."""
    if not st.user.is_logged_in:
        st.button(t("login.oidc"), on_click=st.login)
        return
    store = get_store()
    principal = login.principal_for_email(store, str(st.user.get("email") or ""))
    if principal is None:
        st.error(t("login.oidc_unknown"))
        st.button(t("app.logout"), on_click=st.logout)
        return
    access.write_audit(store, principal, "login", "success", detail="single sign-on")
    sign_in(principal)
    st.rerun()
