"""Quick entry under the child map: a person, a tie between two members, contact confirmed.

Each entry is saved at once as an assessment of today
(:mod:`eska_network.services.quick_record`): Enter in the name records the person with a tie to
the child and empties the row for the next one. When the save would make ties stale, the panel
of :mod:`ui.stale_ties` asks about each first. The member's detail panel (a person clicked on
the map) lists their ties with the last contact, "contact today", and a change of strength,
valence or last contact in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from eska_network import i18n
from eska_network.domain import codes
from eska_network.domain.member_roles import MEMBER_ROLES, role_label
from eska_network.domain.model import Tie
from eska_network.services import access, conference, quick_record
from eska_network.services.assessment_forms import Record
from eska_network.store import AssessmentChanges, AssessmentError, ConcurrentEditError

from . import focus
from .lang import t
from .map_page import MESSAGE_KEY, MapPage
from .safe import escape_markdown, plain
from .stale_ties import Answers, stale_panel, tie_name

PENDING_KEY = "quick_pending"
ERROR_KEY = "quick_error"
DONE_KEY = "quick_done"
FOCUS_KEY = "quick_focus"
"""How many persons were added: after each, the cursor goes back to the name."""
STRENGTHS = list(range(1, codes.MAX_STRENGTH + 1))


@dataclass(frozen=True)
class Pending:
    """A quick save held back until the worker has answered about the ties it makes stale."""

    record: Record
    changes: AssessmentChanges
    said: i18n.Said
    stale: tuple[Tie, ...]
    on: dt.date


def today() -> dt.date:
    """The day a quick entry is dated (the store's clock is UTC)."""
    return dt.datetime.now(dt.UTC).date()


def _key(page: MapPage, name: str) -> str:
    return f"quick.{page.child_id}.{name}"


# --- Saving --------------------------------------------------------------------------------------


def _attempt(page: MapPage, record: Record, changes: AssessmentChanges, said: i18n.Said) -> bool:
    """Save ``changes`` now, or hold them while the ties they make stale are asked about.

    Returns whether the entry was taken (saved or held); a refusal is kept to be shown.
    """
    on = today()
    stale = quick_record.made_stale(record.system, on, changes)
    if stale:
        st.session_state[PENDING_KEY] = Pending(record, changes, said, stale, on)
        return True
    return _save(page, record, changes, said, on)


def _save(
    page: MapPage, record: Record, changes: AssessmentChanges, said: i18n.Said, on: dt.date
) -> bool:
    context = page.context
    try:
        quick_record.save(context.store, context.principal, record, changes, on)
    except (AssessmentError, ConcurrentEditError, access.AccessDenied) as error:
        st.session_state[ERROR_KEY] = conference.error_words(error, page.lang)
        return False
    st.session_state[MESSAGE_KEY] = st.session_state[DONE_KEY] = said(page.lang)
    st.session_state[FOCUS_KEY] = st.session_state.get(FOCUS_KEY, 0) + 1
    # The save is dated later than the date shown: show the new latest map.
    st.session_state.pop(f"child_map_date_{page.child_id}", None)
    return True


def _answered(page: MapPage, answers: Answers) -> None:
    pending: Pending = st.session_state[PENDING_KEY]
    try:
        confirmed = quick_record.contact_answers(pending.stale, answers, pending.on)
    except quick_record.QuickRecordError as error:
        st.session_state[ERROR_KEY] = error.said(page.lang)
        return
    changes = quick_record.merged(pending.changes, confirmed)
    st.session_state.pop(PENDING_KEY)
    _save(page, pending.record, changes, pending.said, pending.on)


def _cancel() -> None:
    st.session_state.pop(PENDING_KEY, None)


def _refused(page: MapPage, error: quick_record.QuickRecordError) -> None:
    st.session_state[ERROR_KEY] = error.said(page.lang)


# --- The rows ------------------------------------------------------------------------------------


def _add_person(page: MapPage, record: Record) -> None:
    state = st.session_state
    keys = {name: _key(page, name) for name in ("name", "level", "role", "strength", "valence")}
    person = quick_record.QuickPerson(
        state[keys["name"]] or "",
        state[keys["level"]],
        state[keys["role"]],
        state[keys["strength"]],
        state[keys["valence"]],
    )
    try:
        changes = quick_record.person_changes(record, person, page.lang)
    except quick_record.QuickRecordError as error:
        _refused(page, error)
        return
    added = changes.members_added[0]
    name = role_label(added.role, page.lang) if page.presentation else added.label
    said = i18n.say("assess.quick.added_person", name=name, date=today().isoformat())
    if _attempt(page, record, changes, said):
        state[keys["name"]] = ""
        state[keys["role"]] = None
        state[keys["level"]] = None


def _add_tie(page: MapPage, record: Record) -> None:
    state = st.session_state
    first, second = state[_key(page, "first")], state[_key(page, "second")]
    try:
        changes = quick_record.member_tie_changes(
            record,
            first,
            second,
            state[_key(page, "tie_strength")],
            state[_key(page, "tie_valence")],
        )
    except quick_record.QuickRecordError as error:
        _refused(page, error)
        return
    name = f"{page.view.names.get(first, first)} – {page.view.names.get(second, second)}"
    said = i18n.say("assess.quick.added_tie", name=name, date=today().isoformat())
    if _attempt(page, record, changes, said):
        state[_key(page, "first")] = None
        state[_key(page, "second")] = None


def _strength_valence(page: MapPage, columns, prefix: str = "") -> None:
    lang = page.lang
    columns[0].selectbox(
        t("assess.quick.strength"),
        STRENGTHS,
        index=2,
        key=_key(page, f"{prefix}strength"),
    )
    columns[1].selectbox(
        t("assess.quick.valence"),
        list(codes.VALENCES.codes),
        format_func=lambda code: codes.VALENCES.label(code, lang),
        key=_key(page, f"{prefix}valence"),
    )


def quick_add(page: MapPage) -> None:
    """The quick-entry rows, the question about stale ties when a save waits, every tie's
    last contact with "contact today"."""
    if not page.may_edit:
        st.caption(t("assess.quick.no_edit_rights"))
        return
    lang = page.lang
    record = quick_record.page_record(page.store, page.record, page.revision)
    pending: Pending | None = st.session_state.get(PENDING_KEY)
    if pending is not None and pending.record.child_id != page.child_id:
        pending = None
    error = st.session_state.pop(ERROR_KEY, None)
    if pending is not None:
        if error:
            st.error(escape_markdown(t("assess.quick.refused", reason=error)))
        stale_panel(
            _key(page, f"stale.{pending.record.revision}"),
            pending.stale,
            page.view.names,
            pending.on,
            lambda answers: _answered(page, answers),
            _cancel,
        )
        return
    st.markdown(f"**{escape_markdown(t('assess.quick.title'))}**")
    st.caption(t("assess.quick.caption", date=today().isoformat()))
    with st.form(_key(page, "person"), border=False, enter_to_submit=True):
        row = st.columns([3, 2, 3, 1.3, 2, 2], vertical_alignment="bottom")
        row[0].text_input(
            t("assess.quick.name"), max_chars=quick_record.MAX_LABEL, key=_key(page, "name")
        )
        row[1].selectbox(
            t("assess.quick.level"),
            list(codes.LEVELS.codes),
            index=None,
            placeholder=t("assess.quick.level_from_role"),
            format_func=lambda code: codes.LEVELS.label(code, lang),
            key=_key(page, "level"),
        )
        roles = list(MEMBER_ROLES.codes)
        typed = st.session_state.get(_key(page, "role"))
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
            key=_key(page, "role"),
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
        with st.form(_key(page, "tie"), border=False):
            row = st.columns([3, 3, 1.3, 2, 2], vertical_alignment="bottom")
            for column, end, label in ((row[0], "first", "first"), (row[1], "second", "second")):
                column.selectbox(
                    t(f"assess.quick.{label}"),
                    members,
                    index=None,
                    placeholder=t("assess.quick.choose"),
                    format_func=lambda member: names.get(member, member),
                    key=_key(page, end),
                )
            _strength_valence(page, row[2:4], "tie_")
            row[4].form_submit_button(
                t("assess.quick.add_tie"),
                on_click=_add_tie,
                args=(page, record),
                icon=":material/add_link:",
                width="stretch",
            )
    _contacts(page, record)


# --- Last contact, confirmed in one click ---------------------------------------------------------


def _contact_today(page: MapPage, record: Record, pairs: list[tuple[str, str]], said) -> None:
    changes = quick_record.contact_changes(record, pairs, today())
    _attempt(page, record, changes, said)


def contact_line(tie: Tie, names: Mapping[str, str], lang: str) -> str:
    """A tie with its strength, kind and last contact, in words."""
    contact = tie.last_contact.isoformat() if tie.last_contact else t("assess.quick.contact_never")
    return i18n.text(
        "assess.quick.contact_line",
        lang,
        name=tie_name(tie, names),
        strength=tie.strength,
        valence=codes.VALENCES.label(tie.valence, lang),
        contact=contact,
    )


def _contacts(page: MapPage, record: Record) -> None:
    on = today()
    current = [tie for tie in record.ties() if tie.strength >= 1]
    if not current:
        return
    open_ties = quick_record.confirmable(record, on)
    with st.expander(t("assess.quick.last_contact")):
        said = i18n.say("assess.quick.seen_saved", n=len(open_ties))
        st.button(
            t("assess.quick.all_seen"),
            key=_key(page, "all_seen"),
            on_click=_contact_today,
            args=(page, record, [tie.pair for tie in open_ties], said),
            disabled=not open_ties,
            help=t("assess.quick.all_seen_help", n=len(open_ties)),
            icon=":material/done_all:",
        )
        tie_list(page, record, current, "all")


def tie_list(page: MapPage, record: Record, ties: list[Tie], where: str) -> None:
    """Each tie with its last contact and a "contact today" button."""
    on = today()
    open_pairs = {tie.pair for tie in quick_record.confirmable(record, on)}
    names = page.view.names
    for tie in ties:
        row = st.columns([5, 2], vertical_alignment="center")
        with row[0]:
            plain(contact_line(tie, names, page.lang))
        said = i18n.say("assess.quick.seen_saved", n=1)
        row[1].button(
            t("assess.quick.contact_today"),
            key=_key(page, f"seen.{where}.{tie.pair[0]}|{tie.pair[1]}"),
            on_click=_contact_today,
            args=(page, record, [tie.pair], said),
            disabled=tie.pair not in open_pairs,
            help=t(
                "assess.quick.contact_today_help"
                if tie.pair in open_pairs
                else "assess.quick.recorded_today"
            ),
        )


# --- The member's detail panel -------------------------------------------------------------------


def _edit_tie(page: MapPage, record: Record, pair: tuple[str, str], stem: str) -> None:
    state = st.session_state
    try:
        changes = quick_record.tie_edit_changes(
            record,
            pair,
            state[f"{stem}.strength"],
            state[f"{stem}.valence"],
            state[f"{stem}.contact"],
        )
    except quick_record.QuickRecordError as error:
        _refused(page, error)
        return
    names = page.view.names
    name = f"{names.get(pair[0], pair[0])} – {names.get(pair[1], pair[1])}"
    _attempt(page, record, changes, i18n.say("assess.quick.edited_tie", name=name, date=today()))


def member_ties(page: MapPage, member_id: str) -> None:
    """The ties of one member (or of the child): last contact, contact today, a change in place."""
    record = quick_record.page_record(page.store, page.record, page.revision)
    ties = [tie for tie in record.ties() if member_id in tie.pair and tie.strength >= 1]
    if not ties:
        return
    name = page.view.names.get(member_id, member_id)
    st.markdown(f"**{escape_markdown(t('assess.quick.ties_of', name=name))}**")
    if not page.may_edit:
        for tie in ties:
            plain(contact_line(tie, page.view.names, page.lang))
        return
    tie_list(page, record, ties, f"member.{member_id}")
    lang = page.lang
    for tie in ties:
        stem = _key(page, f"edit.{tie.pair[0]}|{tie.pair[1]}.{tie.assessed_on}")
        with (
            st.expander(f"{t('assess.quick.edit_tie')}: {tie_name(tie, page.view.names)}"),
            st.form(stem, border=False),
        ):
            st.radio(
                t("assess.quick.strength"),
                list(range(codes.MAX_STRENGTH + 1)),
                index=tie.strength,
                horizontal=True,
                key=f"{stem}.strength",
            )
            valences = list(codes.VALENCES.codes)
            st.radio(
                t("assess.quick.valence"),
                valences,
                index=valences.index(tie.valence),
                format_func=lambda code: codes.VALENCES.label(code, lang),
                horizontal=True,
                key=f"{stem}.valence",
            )
            st.date_input(
                t("assess.quick.last_contact"),
                value=tie.last_contact,
                max_value=today(),
                format="YYYY-MM-DD",
                key=f"{stem}.contact",
            )
            st.form_submit_button(
                t("assess.quick.save_tie"),
                on_click=_edit_tie,
                args=(page, record, tie.pair, stem),
            )
