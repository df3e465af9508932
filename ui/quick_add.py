"""Quick entry under the child map: a person, a tie between two members, contact confirmed.

Each entry is saved at once as an assessment of today
(:mod:`eska_network.services.quick_record`): Enter in the name records the person with a tie to
the child and empties the row for the next one. When the save would make ties stale, the panel
of :mod:`ui.stale_ties` asks about each first (:mod:`ui.quick_save`). Each tie's last contact
and the member's detail panel are in :mod:`ui.tie_contacts`.
"""

from __future__ import annotations

import streamlit as st

from eska_network import i18n
from eska_network.domain import codes
from eska_network.domain.member_roles import MEMBER_ROLES, role_label
from eska_network.services import quick_record
from eska_network.services.assessment_forms import Record

from . import focus, tie_contacts
from .lang import t
from .map_page import MapPage
from .quick_save import (
    DONE_KEY,
    ERROR_KEY,
    FOCUS_KEY,
    PENDING_KEY,
    Pending,
    answered,
    attempt,
    cancel,
    key,
    refused,
    today,
)
from .safe import escape_markdown
from .stale_ties import stale_panel

STRENGTHS = list(range(1, codes.MAX_STRENGTH + 1))


# --- The rows ------------------------------------------------------------------------------------


def _add_person(page: MapPage, record: Record) -> None:
    state = st.session_state
    keys = {name: key(page, name) for name in ("name", "level", "role", "strength", "valence")}
    person = quick_record.QuickPerson(
        state[keys["name"]] or "",
        state[keys["level"]],
        state[keys["role"]],
        state[keys["strength"]],
        state[keys["valence"]],
    )
    try:
        changes = quick_record.person_changes(record, person, page.view.lang)
    except quick_record.QuickRecordError as error:
        refused(page, error)
        return
    added = changes.members_added[0]
    name = role_label(added.role, page.view.lang) if page.view.presentation else added.label
    said = i18n.say("assess.quick.added_person", name=name, date=today().isoformat())
    if attempt(page, record, changes, said, refocus=True):
        state[keys["name"]] = ""
        state[keys["role"]] = None
        state[keys["level"]] = None


def _add_tie(page: MapPage, record: Record) -> None:
    state = st.session_state
    first, second = state[key(page, "first")], state[key(page, "second")]
    try:
        changes = quick_record.member_tie_changes(
            record,
            first,
            second,
            state[key(page, "tie_strength")],
            state[key(page, "tie_valence")],
        )
    except quick_record.QuickRecordError as error:
        refused(page, error)
        return
    name = f"{page.view.names.get(first, first)} – {page.view.names.get(second, second)}"
    said = i18n.say("assess.quick.added_tie", name=name, date=today().isoformat())
    if attempt(page, record, changes, said, refocus=True):
        state[key(page, "first")] = None
        state[key(page, "second")] = None


def _strength_valence(page: MapPage, columns, prefix: str = "") -> None:
    lang = page.view.lang
    columns[0].selectbox(
        t("assess.quick.strength"),
        STRENGTHS,
        index=2,
        key=key(page, f"{prefix}strength"),
        placeholder=t("app.choose_one"),
    )
    columns[1].selectbox(
        t("assess.quick.valence"),
        list(codes.VALENCES.codes),
        format_func=lambda code: codes.VALENCES.label(code, lang),
        key=key(page, f"{prefix}valence"),
        placeholder=t("app.choose_one"),
    )


def quick_add(page: MapPage) -> None:
    """The quick-entry rows, the question about stale ties when a save waits, every tie's
    last contact with "contact today"."""
    if not page.may_edit:
        st.caption(t("assess.quick.no_edit_rights"))
        return
    lang = page.view.lang
    record = quick_record.page_record(page.store, page.record, page.revision)
    pending: Pending | None = st.session_state.get(PENDING_KEY)
    if pending is not None and pending.record.child_id != page.child_id:
        pending = None
    error = st.session_state.pop(ERROR_KEY, None)
    if pending is not None:
        if error:
            st.error(escape_markdown(t("assess.quick.refused", reason=error)))
        stale_panel(
            key(page, f"stale.{pending.record.revision}"),
            pending.stale,
            page.view.names,
            pending.on,
            lambda answers: answered(page, answers),
            cancel,
        )
        return
    st.markdown(f"**{escape_markdown(t('assess.quick.title'))}**")
    st.caption(t("assess.quick.caption", date=today().isoformat()))
    with st.form(key(page, "person"), border=False, enter_to_submit=True):
        row = st.columns([2.6, 2.2, 2.6, 1.1, 2, 2.2], vertical_alignment="bottom")
        row[0].text_input(
            t("assess.quick.name"), max_chars=quick_record.MAX_LABEL, key=key(page, "name")
        )
        row[1].selectbox(
            t("assess.quick.level"),
            list(codes.LEVELS.codes),
            index=None,
            placeholder=t("assess.quick.level_from_role"),
            format_func=lambda code: codes.LEVELS.label(code, lang),
            key=key(page, "level"),
        )
        roles = list(MEMBER_ROLES.codes)
        typed = st.session_state.get(key(page, "role"))
        if typed and typed not in roles:
            # A role typed in (not a common one) stays on offer while the entry is completed.
            roles.append(typed)
        row[2].selectbox(
            t("assess.quick.role"),
            roles,
            index=None,
            placeholder=t("assess.quick.no_role"),
            format_func=lambda code: role_label(code, lang),
            accept_new_options=True,
            key=key(page, "role"),
        )
        _strength_valence(page, row[3:5])
        row[5].form_submit_button(
            t("assess.quick.add_person"),
            on_click=_add_person,
            args=(page, record),
            icon=":material/person_add:",
            width="stretch",
        )
    if error:
        st.error(escape_markdown(t("assess.quick.refused", reason=error)))
    done = st.session_state.pop(DONE_KEY, None)
    if done:
        st.caption(escape_markdown(t("assess.quick.done", what=done)))
    focused = st.session_state.get(FOCUS_KEY)
    if focused:
        focus.focus(t("assess.quick.name"), f"quick_focus_{focused}")
    members = [m.member_id for m in record.members]
    if len(members) >= 2:
        names = page.view.names
        with st.form(key(page, "tie"), border=False):
            row = st.columns([3.5, 3.5, 1.1, 2, 2.2], vertical_alignment="bottom")
            for column, end, label in ((row[0], "first", "first"), (row[1], "second", "second")):
                column.selectbox(
                    t(f"assess.quick.{label}"),
                    members,
                    index=None,
                    placeholder=t("assess.quick.choose"),
                    format_func=lambda member: names.get(member, member),
                    key=key(page, end),
                )
            _strength_valence(page, row[2:4], "tie_")
            row[4].form_submit_button(
                t("assess.quick.add_tie"),
                on_click=_add_tie,
                args=(page, record),
                icon=":material/add_link:",
                width="stretch",
            )
    tie_contacts.contacts(page, record)
