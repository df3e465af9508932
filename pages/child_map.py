"""The case-conference child map: rings, ties and gaps; change over time; what-if; actions."""

import datetime as dt

import streamlit as st

import ui
from eska_network.child_map import figure as map_figure
from eska_network.child_map import tables as map_tables
from eska_network.domain import codes
from eska_network.domain.member_roles import ROLES
from eska_network.domain.whatif import ProposedTie, suggested_services
from eska_network.services import access, conference
from eska_network.services.conference import ActionConflictError
from eska_network.store import AssessmentError, ConcurrentEditError

PRESENTATION_KEY = "child_map_presentation"
PROPOSALS_KEY = "child_map_proposals"
MESSAGE_KEY = "child_map_message"
ERROR_KEY = "child_map_record_error"

context = ui.page_context("child_map")
lang = context.lang
store, principal = context.store, context.principal
today = dt.datetime.now(dt.UTC).date()
presentation = st.session_state.get(PRESENTATION_KEY, False)
if presentation:
    # Large type for a projector: only styling, no data, in this HTML.
    st.html(
        "<style>[data-testid='stMain'] p, [data-testid='stMain'] li,"
        "[data-testid='stMain'] label {font-size: 1.3rem !important}</style>"
    )

st.title(ui.t("page.child_map"))
top = st.columns([3, 2, 2, 3], vertical_alignment="bottom")
top[3].toggle(ui.t("map.presentation"), key=PRESENTATION_KEY, help=ui.t("map.presentation_help"))
if presentation:
    child_id = ui.selected_child()
    top[0].markdown(f"**{ui.escape_markdown(ui.t('map.child_hidden'))}**")
else:
    with top[0]:
        child_id = ui.child_picker(context, key="child_map_child")
if child_id is None:
    st.info(ui.t("map.no_children"))
    st.stop()

try:
    record = access.open_child(store, principal, child_id)
except access.AccessDenied:
    st.error(ui.t("app.refused"))
    st.stop()
revision = store.revision(child_id)
may_edit = access.may(store, principal, access.EDIT_CHILD, child_id)
dates = sorted(record.assessment_dates(), reverse=True)
as_of = top[1].selectbox(
    ui.t("map.date"),
    dates,
    format_func=dt.date.isoformat,
    key=f"child_map_date_{child_id}",
    help=ui.t("map.date_help"),
)
earlier_dates = [day for day in dates if as_of is not None and day < as_of]
compare_with = top[2].selectbox(
    ui.t("map.compare"),
    [None, *earlier_dates],
    format_func=lambda day: ui.t("map.no_compare") if day is None else day.isoformat(),
    key=f"child_map_compare_{child_id}",
    help=ui.t("map.compare_help"),
)
if not dates:
    st.info(ui.t("map.no_assessment"))

message = st.session_state.pop(MESSAGE_KEY, None)
if message:
    st.success(message)

all_proposals = st.session_state.setdefault(PROPOSALS_KEY, {})
proposals: list[ProposedTie] = all_proposals.setdefault(child_id, [])


def _propose(proposal: ProposedTie) -> None:
    mine = st.session_state[PROPOSALS_KEY].setdefault(child_id, [])
    if proposal not in mine:
        mine.append(proposal)


def _drop(index: int) -> None:
    st.session_state[PROPOSALS_KEY][child_id].pop(index)


def _record(index: int, assessed_on: dt.date) -> None:
    proposal = st.session_state[PROPOSALS_KEY][child_id][index]
    try:
        conference.record_proposal(store, principal, record, proposal, assessed_on, revision, lang)
    except (AssessmentError, ConcurrentEditError, access.AccessDenied) as error:
        st.session_state[ERROR_KEY] = conference.error_words(error, lang)
        return
    st.session_state[PROPOSALS_KEY][child_id].pop(index)
    st.session_state[MESSAGE_KEY] = ui.t("map.recorded", date=assessed_on.isoformat())
    # The new tie is dated later than the date shown: show the new latest map.
    st.session_state.pop(f"child_map_date_{child_id}", None)


def _refer(service: ProposedTie) -> None:
    try:
        conference.refer_proposal(store, principal, child_id, service, lang)
    except (ValueError, access.AccessDenied) as error:
        st.session_state[ERROR_KEY] = conference.error_words(error, lang)
        return
    st.session_state[MESSAGE_KEY] = ui.t("conference.referred", service=service.label)


view = map_figure.map_view(
    record,
    as_of,
    lang=lang,
    presentation=presentation,
    proposed=proposals,
    compare_with=compare_with,
)
names = conference.member_names(record, proposals, as_of, lang, presentation)
sentences = map_figure.gap_sentences(view)
gap_table = map_tables.gap_rows(view)

# --- The map, with the gaps beside it -------------------------------------------------------------
map_column, gap_column = st.columns([2, 1])
with map_column:
    st.plotly_chart(
        map_figure.legend_below(map_figure.child_map_from_view(view)),
        width="stretch",
        config={"displaylogo": False, "toImageButtonOptions": {"filename": "child-map"}},
        key="child_map_chart",
    )
    st.caption(ui.t("map.reading_hint"))
with gap_column:
    st.subheader(ui.t("map.gaps"))
    if proposals:
        st.caption(ui.t("map.gaps_with_proposals"))
    if gap_table:
        st.markdown("\n".join(f"1. {ui.escape_markdown(s)}" for s in sentences))
    else:
        ui.plain(sentences[0])
    if view.comparison is not None:
        st.subheader(ui.t("map.changes", date=view.comparison.earlier.isoformat()))
        lines = conference.recorded_changes(
            record, compare_with, as_of, proposals, lang, presentation
        )
        if lines:
            st.markdown("\n".join(f"- {ui.escape_markdown(line)}" for line in lines))
        else:
            ui.plain(ui.t("map.no_changes"))
    if proposals:
        effect = conference.proposal_effect(record, proposals, as_of, lang, presentation)
        st.subheader(ui.t("map.would_close"))
        if effect.closed:
            st.markdown("\n".join(f"- {ui.escape_markdown(line)}" for line in effect.closed))
        else:
            ui.plain(ui.t("map.closes_nothing"))
        if effect.opened:
            st.markdown(f"**{ui.escape_markdown(ui.t('map.would_open'))}**")
            st.markdown("\n".join(f"- {ui.escape_markdown(line)}" for line in effect.opened))

tab_whatif, tab_actions, tab_table, tab_export = st.tabs(
    [ui.t("map.tab_whatif"), ui.t("map.tab_actions"), ui.t("map.tab_table"), ui.t("map.tab_export")]
)

# --- What-if --------------------------------------------------------------------------------------
with tab_whatif:
    st.caption(ui.t("map.whatif_intro"))
    error = st.session_state.pop(ERROR_KEY, None)
    if error:
        st.error(ui.escape_markdown(ui.t("map.record_refused", reason=error)))
    if proposals:
        st.markdown(f"**{ui.escape_markdown(ui.t('map.proposals'))}**")
        record_on = st.date_input(
            ui.t("map.record_on"),
            value=max(today, dates[0]) if dates else today,
            min_value=dates[0] if dates else None,
            key=f"child_map_record_on_{child_id}",
            help=ui.t("map.record_on_help"),
            disabled=not may_edit,
        )
        for index, proposal in enumerate(proposals):
            row = st.columns([5, 1, 1], vertical_alignment="center")
            with row[0]:
                ui.plain(conference.proposal_text(proposal, names, lang))
            row[1].button(
                ui.t("map.record"),
                key=f"child_map_record_{child_id}_{index}",
                on_click=_record,
                args=(index, record_on),
                disabled=not may_edit,
                help=None if may_edit else ui.t("map.no_edit_rights"),
            )
            row[2].button(
                ui.t("map.drop"),
                key=f"child_map_drop_{child_id}_{index}",
                on_click=_drop,
                args=(index,),
            )
    offers = suggested_services(record, store.load_dataset([]), as_of)
    st.markdown(f"**{ui.escape_markdown(ui.t('map.suggestions'))}**")
    if not offers:
        ui.plain(ui.t("map.no_unmet_needs"))
    for need, services in offers.items():
        st.markdown(f"*{ui.escape_markdown(codes.NEEDS.label(need, lang))}*")
        if not services:
            ui.plain(ui.t("map.no_service", need=codes.NEEDS.label(need, lang)))
        for service in services:
            shown = conference.member_names(
                record, [*proposals, service], as_of, lang, presentation
            )
            row = st.columns([5, 1, 1], vertical_alignment="center")
            with row[0]:
                ui.plain(conference.proposal_text(service, shown, lang))
            row[1].button(
                ui.t("map.propose"),
                key=f"child_map_propose_{child_id}_{need}_{service.member_id}",
                on_click=_propose,
                args=(service,),
                disabled=service in proposals,
            )
            row[2].button(
                ui.t("conference.refer"),
                key=f"child_map_refer_{child_id}_{need}_{service.member_id}",
                on_click=_refer,
                args=(service,),
                disabled=not may_edit,
                help=ui.t("conference.refer_help") if may_edit else ui.t("map.no_edit_rights"),
            )
    with st.expander(ui.t("map.custom")):
        with st.form(f"child_map_custom_{child_id}", clear_on_submit=True):
            label = st.text_input(ui.t("map.custom_label"), max_chars=80)
            level = st.selectbox(
                ui.t("map.custom_level"),
                list(codes.LEVELS),
                format_func=lambda code: codes.LEVELS.label(code, lang),
            )
            role = st.selectbox(
                ui.t("map.custom_role"),
                [None, *ROLES],
                format_func=lambda code: "—" if code is None else ROLES.label(code, lang),
            )
            ends = [codes.CHILD_NODE, *(m.member_id for m in record.members)]
            other_end = st.selectbox(
                ui.t("map.custom_other_end"), ends, format_func=lambda end: names.get(end, end)
            )
            strength = st.slider(ui.t("map.custom_strength"), 1, codes.MAX_STRENGTH, 3)
            needs_met = st.multiselect(
                ui.t("map.custom_needs"),
                list(codes.NEEDS),
                format_func=lambda code: codes.NEEDS.label(code, lang),
            )
            functions = st.multiselect(
                ui.t("map.custom_functions"),
                list(codes.FUNCTIONS),
                format_func=lambda code: codes.FUNCTIONS.label(code, lang),
            )
            support_types = st.multiselect(
                ui.t("map.custom_support"),
                list(codes.SUPPORT_TYPES),
                format_func=lambda code: codes.SUPPORT_TYPES.label(code, lang),
            )
            if st.form_submit_button(ui.t("map.custom_add")):
                try:
                    _propose(
                        conference.custom_proposal(
                            record,
                            proposals,
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
                    )
                    st.rerun()
                except ValueError as problem:
                    st.error(ui.escape_markdown(ui.t("map.custom_invalid", reason=problem)))

# --- Actions --------------------------------------------------------------------------------------
with tab_actions:
    found = conference.list_actions(store, principal, child_id, audit_view=False)
    late = conference.overdue(found, today)
    if late:
        st.warning(ui.t("map.overdue", count=len(late)))
    if presentation:
        st.caption(ui.t("map.actions_hidden_text"))
    if found:
        headers = conference.action_headers(lang)
        rows = conference.action_rows(
            found, today, lang, names, presentation, conference.district_services(store, record)
        )
        st.dataframe(
            [{headers[key]: value for key, value in row.items()} for row in rows],
            hide_index=True,
            width="stretch",
        )
    else:
        ui.plain(ui.t("map.no_actions"))
    if may_edit and found:
        with st.form(f"child_map_status_{child_id}"):
            chosen = st.selectbox(
                ui.t("map.action_choose"),
                found,
                format_func=lambda action: conference.action_title(
                    action, lang, names, presentation
                ),
            )
            status = st.radio(
                ui.t("map.action_status"),
                conference.STATUSES,
                format_func=lambda code: conference.status_name(code, lang),
                horizontal=True,
            )
            if st.form_submit_button(ui.t("map.action_update")):
                try:
                    conference.update_action(
                        store, principal, chosen.action_id, chosen.revision, status=status
                    )
                    st.rerun()
                except (ActionConflictError, ValueError) as conflict:
                    st.error(ui.escape_markdown(conference.error_words(conflict, lang)))
    if may_edit:
        open_gaps = conference.open_gaps(record, as_of)
        st.markdown(f"**{ui.escape_markdown(ui.t('map.action_new'))}**")
        if not open_gaps:
            ui.plain(ui.t("map.action_no_gaps"))
        else:
            with st.form(f"child_map_action_{child_id}", clear_on_submit=True):
                gap = st.selectbox(
                    ui.t("map.action_gap"),
                    open_gaps,
                    format_func=lambda item: conference.gap_text(item, lang, names),
                )
                what = st.text_input(ui.t("map.action_what"), max_chars=conference.MAX_TEXT)
                who = st.text_input(ui.t("map.action_who"), max_chars=conference.MAX_TEXT)
                due_on = st.date_input(ui.t("map.action_due"), value=None)
                role = st.radio(
                    ui.t("conference.action_role"),
                    [None, *codes.WORKER_ROLES],
                    format_func=lambda code: (
                        ui.t("conference.action_role_of_gap")
                        if code is None
                        else conference.role_name(code, lang)
                    ),
                    horizontal=True,
                )
                # Service names may be members' labels: none in presentation mode.
                district_services = (
                    {} if presentation else conference.district_services(store, record)
                )
                service = st.selectbox(
                    ui.t("conference.action_service"),
                    [None, *district_services],
                    format_func=lambda key: "—" if key is None else district_services[key],
                    help=ui.t("conference.action_service_help"),
                    disabled=presentation,
                )
                st.caption(ui.t("map.action_no_names"))
                if st.form_submit_button(ui.t("map.action_add")):
                    try:
                        conference.create_action(
                            store,
                            principal,
                            child_id,
                            gap,
                            what,
                            who,
                            due_on,
                            worker_role=role,
                            resource_id=service,
                        )
                        st.rerun()
                    except ValueError as problem:
                        reason = conference.error_words(problem, lang)
                        st.error(ui.escape_markdown(ui.t("map.action_invalid", reason=reason)))

# --- Table view -----------------------------------------------------------------------------------
with tab_table:
    st.caption(ui.t("map.table_intro"))
    st.subheader(ui.t("map.gaps"))
    if gap_table:
        gap_headers = map_tables.column_names(map_tables.GAP_COLUMNS, lang)
        st.dataframe(
            [{gap_headers[k]: v for k, v in row.items()} for row in gap_table],
            hide_index=True,
            width="stretch",
        )
    else:
        ui.plain(sentences[0])
    st.subheader(ui.t("map.ties"))
    tie_headers = map_tables.column_names(map_tables.TIE_COLUMNS, lang)
    st.dataframe(
        [{tie_headers[k]: v for k, v in row.items()} for row in map_tables.tie_rows(view)],
        hide_index=True,
        width="stretch",
    )

# --- Export ---------------------------------------------------------------------------------------
with tab_export:
    if not access.may(store, principal, access.EXPORT_CHILD, child_id):
        ui.plain(ui.t("map.no_export_rights"))
    else:
        st.caption(ui.t("map.export_presentation" if presentation else "map.export_named"))
        buttons = st.columns(4)
        for column, fmt in zip(buttons, conference.EXPORT_FORMATS, strict=True):
            column.download_button(
                ui.t(f"map.export_{fmt}"),
                # Made (and audited) only when clicked: an image takes seconds.
                data=lambda fmt=fmt, view=view: conference.export_map(
                    store, principal, child_id, view, fmt
                ),
                file_name=conference.export_file_name(view, fmt),
                mime=conference.EXPORT_FORMATS[fmt],
                key=f"child_map_export_{fmt}",
                icon=":material/download:",
            )
