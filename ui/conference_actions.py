"""The actions tab under the child map: the agreed actions (tasks and referrals), their status,
and a gap turned into a new action with the social worker's role and, for a referral, a service.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import streamlit as st

from eska_network import i18n
from eska_network.domain import codes
from eska_network.domain.gap_items import GapItem
from eska_network.domain.names_in_text import names_in, with_roles
from eska_network.services import action_records, action_words, actions, conference
from eska_network.services.action_records import ActionConflictError

from .lang import t
from .map_page import MapPage
from .safe import escape_markdown, plain

__all__ = ["actions_tab"]

NAMES_KEY = "child_map_action_names"
"""A new action whose texts name people of the child's network, waiting for the worker."""


def actions_tab(page: MapPage) -> None:
    """The child's actions, their status, and a new one."""
    context, child_id, lang = page.context, page.child_id, page.view.lang
    names, presentation = page.view.names, page.view.presentation
    today = dt.datetime.now(dt.UTC).date()
    found = actions.list_actions(context.store, context.principal, child_id, audit_view=False)
    late = actions.overdue(found, today)
    if late:
        st.warning(t("map.overdue", count=len(late)))
    if presentation:
        st.caption(t("map.actions_hidden_text"))
    if found:
        headers = action_words.action_headers(lang)
        services = conference.district_services(context.store, page.record)
        rows = action_words.action_rows(found, today, lang, names, presentation, services)
        st.dataframe(
            [{headers[key]: value for key, value in row.items()} for row in rows],
            hide_index=True,
            width="stretch",
        )
    else:
        plain(t("map.no_actions"))
    if page.may_edit and found:
        with st.form(f"child_map_status_{child_id}"):
            chosen = st.selectbox(
                t("map.action_choose"),
                found,
                format_func=lambda action: action_words.action_title(
                    action, lang, names, presentation
                ),
                placeholder=t("app.choose_one"),
            )
            status = st.radio(
                t("map.action_status"),
                action_records.STATUSES,
                format_func=lambda code: action_words.status_name(code, lang),
                horizontal=True,
            )
            if st.form_submit_button(t("map.action_update")):
                try:
                    actions.update_action(
                        context.store,
                        context.principal,
                        chosen.action_id,
                        chosen.revision,
                        status=status,
                    )
                    st.rerun()
                except (ActionConflictError, ValueError) as conflict:
                    st.error(escape_markdown(conference.error_words(conflict, lang)))
    if page.may_edit:
        _new_action(page)


def _new_action(page: MapPage) -> None:
    context, child_id, lang, names = page.context, page.child_id, page.view.lang, page.view.names
    open_gaps = conference.open_gaps(page.record, page.request.as_of)
    st.markdown(f"**{escape_markdown(t('map.action_new'))}**")
    if not open_gaps:
        plain(t("map.action_no_gaps"))
        return
    with st.form(f"child_map_action_{child_id}", clear_on_submit=True):
        gap = st.selectbox(
            t("map.action_gap"),
            open_gaps,
            format_func=lambda item: conference.gap_text(item, lang, names),
            placeholder=t("app.choose_one"),
        )
        what = st.text_input(t("map.action_what"), max_chars=action_records.MAX_TEXT)
        who = st.text_input(t("map.action_who"), max_chars=action_records.MAX_TEXT)
        due_on = st.date_input(t("map.action_due"), value=None, format=t("app.date_format"))
        role = st.radio(
            t("conference.action_role"),
            [None, *codes.WORKER_ROLES],
            format_func=lambda code: (
                t("conference.action_role_of_gap")
                if code is None
                else action_words.role_name(code, lang)
            ),
            horizontal=True,
        )
        # Service names may be members' labels: none in presentation mode.
        services = (
            {}
            if page.view.presentation
            else conference.district_services(context.store, page.record)
        )
        service = st.selectbox(
            t("conference.action_service"),
            [None, *services],
            format_func=lambda key: "—" if key is None else services[key],
            help=t("conference.action_service_help"),
            disabled=page.view.presentation,
            placeholder=t("app.choose_one"),
        )
        st.caption(t("map.action_no_names"))
        if st.form_submit_button(t("map.action_add")):
            entry = NewAction(child_id, gap, what, who, due_on, role, service)
            if names_in(f"{what}\n{who}", page.record.members, lang):
                # Nothing lost: the form empties, the entry waits for the worker's choice.
                st.session_state[NAMES_KEY] = entry
                st.rerun()
            _create(page, entry)
    _names_choice(page)


@dataclass(frozen=True)
class NewAction:
    """An action as the form gave it, kept while the worker decides about the names in it."""

    child_id: str
    gap: GapItem
    what: str
    who: str
    due_on: dt.date | None
    worker_role: str | None
    resource_id: str | None


def _create(page: MapPage, entry: NewAction) -> None:
    context = page.context
    try:
        actions.create_action(
            context.store,
            context.principal,
            entry.child_id,
            entry.gap,
            entry.what,
            entry.who,
            entry.due_on,
            worker_role=entry.worker_role,
            resource_id=entry.resource_id,
        )
    except ValueError as problem:
        reason = conference.error_words(problem, page.view.lang)
        st.error(escape_markdown(t("map.action_invalid", reason=reason)))
        return
    st.session_state.pop(NAMES_KEY, None)
    st.rerun()


def _names_choice(page: MapPage) -> None:
    """The names found in a new action's texts, and the choice: roles instead, as written, not."""
    entry: NewAction | None = st.session_state.get(NAMES_KEY)
    if entry is None or entry.child_id != page.child_id:
        return
    lang, members = page.view.lang, page.record.members
    found = names_in(f"{entry.what}\n{entry.who}", members, lang)
    if page.view.presentation:
        shown = ", ".join(name.role for name in found)
    else:
        shown = ", ".join(
            i18n.text("conference.names.pair", lang, name=name.name, role=name.role.lower())
            for name in found
        )
    replaced = dataclasses.replace(
        entry, what=with_roles(entry.what, members, lang), who=with_roles(entry.who, members, lang)
    )
    st.warning(escape_markdown(i18n.text("conference.names.found", lang, names=shown)))
    plain(t("conference.names.preview", text=f"{replaced.what} – {replaced.who}"))
    buttons = st.columns(3)
    if buttons[0].button(t("conference.names.replace"), type="primary"):
        _create(page, replaced)
    if buttons[1].button(t("conference.names.keep")):
        _create(page, entry)
    if buttons[2].button(t("conference.names.cancel")):
        st.session_state.pop(NAMES_KEY, None)
        st.rerun()
