"""Accounts and teams, for administrators (who see no child data here or anywhere)."""

import streamlit as st

import ui
from eska_network.services import access, accounts, record_views

context = ui.page_context("accounts")
store, actor = context.store, context.principal
st.title(ui.t("page.accounts"))


def _role_name(role: str) -> str:
    return record_views.role_name(role, context.lang)


def _apply(change, *args) -> None:
    try:
        change(store, actor, *args)
    except accounts.AccountError as error:
        st.error(str(error))
    else:
        st.success(ui.t("accounts.done"))


users = accounts.list_users(store)
teams = accounts.list_teams(store)
team_codes = [code for code, _name in teams]

st.subheader(ui.t("accounts.users"))
st.dataframe(record_views.users_display(users, context.lang), hide_index=True, width="stretch")

add, change, team_tab = st.tabs(
    [ui.t("accounts.add_user"), ui.t("accounts.change_user"), ui.t("accounts.add_team")]
)
with add, st.form("add_user", clear_on_submit=True):
    user_name = st.text_input(ui.t("accounts.user_name"), max_chars=64)
    display_name = st.text_input(ui.t("accounts.display_name"), max_chars=120)
    role = st.selectbox(
        ui.t("accounts.role"),
        access.USER_ROLES,
        format_func=_role_name,
        placeholder=ui.t("app.choose_one"),
    )
    team = st.selectbox(
        ui.t("accounts.team"),
        [None, *team_codes],
        format_func=lambda team: team or ui.t("accounts.no_team"),
        placeholder=ui.t("app.choose_one"),
    )
    password = st.text_input(ui.t("accounts.password"), type="password")
    if st.form_submit_button(ui.t("accounts.save"), type="primary"):
        _apply(
            lambda store, actor: accounts.add_user(
                store,
                actor,
                user_name.strip(),
                role,
                password=password,
                team=team,
                display_name=display_name,
            )
        )

with change:
    by_name = {user.user_name: user for user in users}
    chosen = st.selectbox(
        ui.t("accounts.user_name"), list(by_name), placeholder=ui.t("app.choose_one")
    )
    if chosen:
        current = by_name[chosen]
        team_choices = [None, *team_codes]
        with st.form(f"change_{chosen}"):
            new_role = st.selectbox(
                ui.t("accounts.role"),
                access.USER_ROLES,
                index=access.USER_ROLES.index(current.role),
                format_func=_role_name,
                placeholder=ui.t("app.choose_one"),
            )
            new_team = st.selectbox(
                ui.t("accounts.team"),
                team_choices,
                index=team_choices.index(current.team) if current.team in team_choices else 0,
                format_func=lambda team: team or ui.t("accounts.no_team"),
                placeholder=ui.t("app.choose_one"),
            )
            if st.form_submit_button(ui.t("accounts.save")):
                if new_role != current.role:
                    _apply(accounts.set_role, chosen, new_role)
                if new_team != current.team:
                    _apply(accounts.set_team, chosen, new_team)
        with st.form("change_password", clear_on_submit=True):
            new_password = st.text_input(ui.t("accounts.new_password"), type="password")
            if st.form_submit_button(ui.t("accounts.set_password")):
                _apply(accounts.set_password, chosen, new_password)
        lock, unlock = st.columns(2)
        if lock.button(ui.t("accounts.lock"), icon=":material/lock:"):
            _apply(accounts.lock_user, chosen)
        if unlock.button(ui.t("accounts.unlock"), icon=":material/lock_open:"):
            _apply(accounts.unlock_user, chosen)

with team_tab, st.form("add_team", clear_on_submit=True):
    code = st.text_input(ui.t("accounts.team_code"), max_chars=64)
    name = st.text_input(ui.t("accounts.team_name"), max_chars=120)
    if st.form_submit_button(ui.t("accounts.save"), type="primary"):
        _apply(accounts.add_team, code.strip(), name)

st.subheader(ui.t("accounts.teams"))
st.dataframe(record_views.teams_display(teams, context.lang), hide_index=True, width="stretch")
