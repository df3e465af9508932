"""The tabs under the child map: what-if proposals, agreed actions, the map as tables, exports.

They work on one :class:`MapPage`: the record, the request the map was drawn for and its view,
so every list names members as the map does (role pseudonyms in presentation mode).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from eska_network.child_map import tables as map_tables
from eska_network.child_map.view import gap_sentences, member_names
from eska_network.domain import codes
from eska_network.domain.member_roles import MEMBER_ROLES
from eska_network.domain.whatif import ProposedTie, suggested_services
from eska_network.services import access, actions, conference, drafts
from eska_network.store import AssessmentError, ConcurrentEditError

from .conference_actions import actions_tab
from .lang import t
from .map_page import ERROR_KEY, MESSAGE_KEY, PROPOSALS_KEY, TAB_KEY, MapPage
from .safe import escape_markdown, plain

__all__ = ["PROPOSALS_KEY", "MESSAGE_KEY", "MapPage", "show"]


def show(page: MapPage) -> None:
    """The four tabs under the map; only the open one is computed and sent (a conference
    reruns the page at every pick, and the map must follow at once)."""
    labels = [t(f"map.tab_{name}") for name in ("whatif", "actions", "table", "export")]
    tabs = st.tabs(labels, key=TAB_KEY, on_change="rerun")
    for tab, draw in zip(tabs, (_whatif, actions_tab, _tables, _export), strict=True):
        if tab.open:
            with tab:
                draw(page)


def _mine(child_id: str) -> list[ProposedTie]:
    return st.session_state.setdefault(PROPOSALS_KEY, {}).setdefault(child_id, [])


def _kept(page: MapPage) -> None:
    """The proposals kept as the user's draft, so that a reload or a new login loses none."""
    context = page.context
    try:
        drafts.keep_proposals(context.store, context.principal, page.child_id, _mine(page.child_id))
    except access.AccessDenied:
        # Reassigned meanwhile: the page refuses the child at this run; nothing is kept.
        return


def _propose(page: MapPage, proposal: ProposedTie) -> None:
    mine = _mine(page.child_id)
    if proposal not in mine:
        mine.append(proposal)
        _kept(page)


def _drop(page: MapPage, index: int) -> None:
    _mine(page.child_id).pop(index)
    _kept(page)


def _drop_all(page: MapPage) -> None:
    _mine(page.child_id).clear()
    _kept(page)


def _record(page: MapPage, index: int, assessed_on: dt.date) -> None:
    proposal = _mine(page.child_id)[index]
    context = page.context
    try:
        conference.record_proposal(
            context.store,
            context.principal,
            page.record,
            proposal,
            assessed_on,
            page.revision,
            page.view.lang,
        )
    except (AssessmentError, ConcurrentEditError, access.AccessDenied) as error:
        st.session_state[ERROR_KEY] = conference.error_words(error, page.view.lang)
        return
    _mine(page.child_id).pop(index)
    _kept(page)
    st.session_state[MESSAGE_KEY] = t("map.recorded", date=assessed_on.isoformat())
    # The new tie is dated later than the date shown: show the new latest map.
    st.session_state.pop(f"child_map_date_{page.child_id}", None)


def _refer(page: MapPage, service: ProposedTie) -> None:
    """A suggested service becomes a proposed referral (a broker's action) in one click."""
    context = page.context
    try:
        actions.refer_proposal(
            context.store, context.principal, page.child_id, service, page.view.lang
        )
    except (ValueError, access.AccessDenied) as error:
        st.session_state[ERROR_KEY] = conference.error_words(error, page.view.lang)
        return
    st.session_state[MESSAGE_KEY] = t("conference.referred", service=service.label)


def _whatif(page: MapPage) -> None:
    st.caption(t("map.whatif_intro"))
    error = st.session_state.pop(ERROR_KEY, None)
    if error:
        st.error(escape_markdown(t("map.record_refused", reason=error)))
    proposals = page.request.proposals
    names = page.view.names
    today = dt.datetime.now(dt.UTC).date()
    if proposals:
        st.markdown(f"**{escape_markdown(t('map.proposals'))}**")
        record_on = st.date_input(
            t("map.record_on"),
            value=max(today, page.dates[0]) if page.dates else today,
            min_value=page.dates[0] if page.dates else None,
            key=f"child_map_record_on_{page.child_id}",
            help=t("map.record_on_help"),
            disabled=not page.may_edit,
            format=t("app.date_format"),
        )
        for index, proposal in enumerate(proposals):
            row = st.columns([5, 1, 1], vertical_alignment="center")
            with row[0]:
                plain(conference.proposal_text(proposal, names, page.view.lang))
            row[1].button(
                t("map.record"),
                key=f"child_map_record_{page.child_id}_{index}",
                on_click=_record,
                args=(page, index, record_on),
                disabled=not page.may_edit,
                help=None if page.may_edit else t("map.no_edit_rights"),
            )
            row[2].button(
                t("map.drop"),
                key=f"child_map_drop_{page.child_id}_{index}",
                on_click=_drop,
                args=(page, index),
            )
        row = st.columns([5, 2], vertical_alignment="center")
        with row[0]:
            st.caption(t("map.proposals_kept"))
        row[1].button(
            t("map.drop_all"),
            key=f"child_map_drop_all_{page.child_id}",
            on_click=_drop_all,
            args=(page,),
            icon=":material/delete:",
        )
    offers = suggested_services(page.record, page.store.load_dataset([]), page.request.as_of)
    st.markdown(f"**{escape_markdown(t('map.suggestions'))}**")
    if not offers:
        plain(t("map.no_unmet_needs"))
    for need, services in offers.items():
        st.markdown(f"*{escape_markdown(codes.NEEDS.label(need, page.view.lang))}*")
        if not services:
            plain(t("map.no_service", need=codes.NEEDS.label(need, page.view.lang)))
        for service in services:
            shown = member_names(page.request.proposing(service))
            row = st.columns([5, 1, 1], vertical_alignment="center")
            with row[0]:
                plain(conference.proposal_text(service, shown, page.view.lang))
            row[1].button(
                t("map.propose"),
                key=f"child_map_propose_{page.child_id}_{need}_{service.member_id}",
                on_click=_propose,
                args=(page, service),
                disabled=service in proposals,
            )
            row[2].button(
                t("conference.refer"),
                key=f"child_map_refer_{page.child_id}_{need}_{service.member_id}",
                on_click=_refer,
                args=(page, service),
                disabled=not page.may_edit,
                help=t("conference.refer_help") if page.may_edit else t("map.no_edit_rights"),
            )
    _custom_proposal(page)


def _custom_proposal(page: MapPage) -> None:
    lang, names = page.view.lang, page.view.names
    with (
        st.expander(t("map.custom")),
        st.form(f"child_map_custom_{page.child_id}", clear_on_submit=True),
    ):
        label = st.text_input(t("map.custom_label"), max_chars=80)
        level = st.selectbox(
            t("map.custom_level"),
            list(codes.LEVELS),
            format_func=lambda code: codes.LEVELS.label(code, lang),
            placeholder=t("app.choose_one"),
        )
        role = st.selectbox(
            t("map.custom_role"),
            [None, *MEMBER_ROLES],
            format_func=lambda code: "—" if code is None else MEMBER_ROLES.label(code, lang),
            placeholder=t("app.choose_one"),
        )
        ends = [codes.CHILD_NODE, *(m.member_id for m in page.record.members)]
        other_end = st.selectbox(
            t("map.custom_other_end"),
            ends,
            format_func=lambda end: names.get(end, end),
            placeholder=t("app.choose_one"),
        )
        strength = st.slider(t("map.custom_strength"), 1, codes.MAX_STRENGTH, 3)
        needs_met = st.multiselect(
            t("map.custom_needs"),
            list(codes.NEEDS),
            format_func=lambda code: codes.NEEDS.label(code, lang),
            placeholder=t("app.choose_many"),
        )
        functions = st.multiselect(
            t("map.custom_functions"),
            list(codes.FUNCTIONS),
            format_func=lambda code: codes.FUNCTIONS.label(code, lang),
            placeholder=t("app.choose_many"),
        )
        support_types = st.multiselect(
            t("map.custom_support"),
            list(codes.SUPPORT_TYPES),
            format_func=lambda code: codes.SUPPORT_TYPES.label(code, lang),
            placeholder=t("app.choose_many"),
        )
        if st.form_submit_button(t("map.custom_add")):
            try:
                proposal = conference.custom_proposal(
                    page.record,
                    page.request.proposals,
                    label,
                    level,
                    role,
                    other_end,
                    strength,
                    needs_met,
                    functions,
                    support_types,
                    lang,
                )
            except ValueError as problem:
                reason = conference.error_words(problem, lang)
                st.error(escape_markdown(t("map.custom_invalid", reason=reason)))
            else:
                _propose(page, proposal)
                st.rerun()


def _tables(page: MapPage) -> None:
    view, lang = page.view, page.view.lang
    st.caption(t("map.table_intro"))
    st.subheader(t("map.gaps"))
    gap_rows = map_tables.gap_rows(view)
    if gap_rows:
        headers = map_tables.column_names(map_tables.GAP_COLUMNS, lang)
        st.dataframe(
            [{headers[k]: v for k, v in row.items()} for row in gap_rows],
            hide_index=True,
            width="stretch",
        )
    else:
        plain(gap_sentences(view)[0])
    st.subheader(t("map.ties"))
    headers = map_tables.column_names(map_tables.TIE_COLUMNS, lang)
    st.dataframe(
        [{headers[k]: v for k, v in row.items()} for row in map_tables.tie_rows(view)],
        hide_index=True,
        width="stretch",
    )


def _exporter(page: MapPage, fmt: str) -> Callable[[], bytes | str]:
    """The export of ``fmt``, made (and audited) only when clicked: an image takes seconds."""

    def make() -> bytes | str:
        context = page.context
        return conference.export_map(
            context.store, context.principal, page.child_id, page.view, fmt
        )

    return make


def _export(page: MapPage) -> None:
    context, view = page.context, page.view
    if not access.may(context.store, context.principal, access.EXPORT_CHILD, page.child_id):
        plain(t("map.no_export_rights"))
        return
    st.caption(t("map.export_presentation" if page.view.presentation else "map.export_named"))
    problem = conference.image_export_problem()
    formats = [
        fmt
        for fmt in conference.EXPORT_FORMATS
        if problem is None or fmt not in conference.IMAGE_FORMATS
    ]
    if problem is not None:
        # Said before any button: a click must never end in a traceback.
        st.info(t(f"map.export_no_images.{problem}"))
    buttons = st.columns(len(formats) + 1)
    for column, fmt in zip(buttons, formats, strict=False):
        column.download_button(
            t(f"map.export_{fmt}"),
            data=_exporter(page, fmt),
            file_name=conference.export_file_name(view, fmt),
            mime=conference.EXPORT_FORMATS[fmt],
            key=f"child_map_export_{fmt}",
            icon=":material/download:",
        )
    buttons[-1].download_button(
        t("map.export_easynwk"),
        data=_easynwk(page),
        file_name=conference.export_file_name(view, conference.EASYNWK),
        mime="application/json",
        key="child_map_export_easynwk",
        icon=":material/download:",
        help=t("map.export_easynwk_help"),
    )


def _easynwk(page: MapPage) -> Callable[[], str]:
    """The easyNWK file of the map up to the date shown, made (and audited) only when clicked."""

    def make() -> str:
        context = page.context
        return conference.export_easynwk(
            context.store, context.principal, page.child_id, page.request
        )

    return make
