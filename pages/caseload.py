"""The supervisor's caseload: children ranked by the seriousness of their gaps, with the reasons."""

import datetime as dt

import streamlit as st

import ui
from eska_network import i18n
from eska_network.caseload import chart as caseload_chart
from eska_network.caseload import ranking
from eska_network.services import access
from eska_network.services import caseload as caseload_service
from eska_network.store.version import data_version

MAX_ROWS = 1000
"""Rows drawn at most: nobody reads further, and the browser stays quick at 100,000 children."""
WIDTHS = {
    "rank": 75,
    "child_id": 80,
    "severity": 130,
    "chips": 300,
    "longest_no_contact_days": 140,
    "overdue_actions": 110,
    "overdue_referrals": 110,
    "caseworker": 95,
    "district": 150,
    "stale_ties": 80,
    "as_of": 100,
}
"""Column widths in pixels: rank to referrals (945 px, and the row selector) fit beside the
sidebar at 1440 px, and the headings of rank, severity and days without contact are read whole
in both languages."""

context = ui.page_context("caseload")
lang = context.lang
st.title(ui.t("page.caseload"))


@st.cache_data(show_spinner=False, max_entries=32)
def _scored(_store, version: tuple, today: dt.date, who: tuple[str, str, str | None]):
    """The scored rows of one user's children, once per data version and day (server memory
    only; ``caseload_view`` checks them against the user's children on every run)."""
    return caseload_service.scored_caseload(_store, access.Principal(*who), today)


today = dt.datetime.now(dt.UTC).date()
principal = context.principal
scored = _scored(
    context.store,
    data_version(context.store),
    today,
    (principal.user_name, principal.role, principal.team),
)
table = caseload_service.caseload_view(context.store, context.principal, today, scored=scored)
if table.empty:
    st.info(ui.t("caseload.empty"))
    st.stop()
st.caption(ui.t("caseload.intro"))

filters = st.columns([2, 2, 3], vertical_alignment="bottom")
caseworkers = filters[0].multiselect(
    ui.t("caseload.caseworker"),
    sorted(table["caseworker"].dropna().unique()),
    placeholder=ui.t("caseload.all"),
    key="caseload_caseworkers",
)
district_choice = filters[1].multiselect(
    ui.t("caseload.district"),
    sorted(table["district"].dropna().unique()),
    placeholder=ui.t("caseload.all"),
    key="caseload_districts",
)
gap_kinds = filters[2].multiselect(
    ui.t("caseload.gap_kind"),
    ranking.GAP_KINDS,
    format_func=lambda kind: ranking.gap_kind_label(kind, lang),
    placeholder=ui.t("caseload.all"),
    # Per language: the widget keeps its choice as words, which a switch of language changes.
    key=f"caseload_gap_kinds_{lang}",
)
toggles = st.columns(2)
overdue_only = toggles[0].toggle(ui.t("caseload.overdue_only"), key="caseload_overdue")
stale_only = toggles[1].toggle(ui.t("caseload.stale_only"), key="caseload_stale")

matching = ranking.filter_caseload(
    table, caseworkers, district_choice, gap_kinds, overdue_only, stale_only
)
shown = caseload_service.with_texts(context.store, matching.head(MAX_ROWS), lang)
gap_counts = caseload_service.caseload_gap_counts(matching)

# The overdue label is the longest in Indonesian ("Dengan rencana tindak lanjut lewat tenggat").
figures = st.columns([0.85, 1.7, 1.2, 1.1])
figures[0].metric(ui.t("caseload.children"), i18n.number_text(len(matching), lang))
figures[1].metric(
    ui.t("caseload.with_overdue"),
    i18n.number_text(caseload_service.children_with_overdue(matching), lang),
)
figures[2].metric(ui.t("caseload.with_stale"), i18n.number_text(gap_counts["stale_tie"], lang))
figures[3].metric(
    ui.t("caseload.with_absent_level"), i18n.number_text(gap_counts["level_absent"], lang)
)

st.caption(
    ui.t(
        "caseload.matching",
        shown=i18n.number_text(len(matching), lang),
        total=i18n.number_text(len(table), lang),
    )
)
if matching.empty:
    st.info(ui.t("caseload.none_match"))
    st.stop()
if len(matching) > MAX_ROWS:
    st.warning(ui.t("caseload.limited", limit=i18n.number_text(MAX_ROWS, lang)))

display = caseload_service.caseload_display(shown, lang)
heading = {column: ranking.heading(column, lang) for column in caseload_service.CASELOAD_SHOWN}
columns = {heading[column]: st.column_config.Column(width=WIDTHS[column]) for column in WIDTHS}
for column in caseload_service.CASELOAD_NUMBERS:
    columns[heading[column]] = st.column_config.NumberColumn(
        format="localized", width=WIDTHS[column]
    )
columns[heading["severity"]] = st.column_config.TextColumn(
    help=ui.t("caseload.band_help"), width=WIDTHS["severity"]
)
columns[heading["chips"]] = st.column_config.ListColumn(
    help=ui.t("caseload.chips_help"), width=WIDTHS["chips"]
)
columns[heading["longest_no_contact_days"]] = st.column_config.NumberColumn(
    help=ui.t("caseload.no_contact_help"),
    format="localized",
    width=WIDTHS["longest_no_contact_days"],
)
columns[heading["overdue_actions"]] = st.column_config.NumberColumn(
    help=ui.t("caseload.overdue_actions_help"),
    format="localized",
    width=WIDTHS["overdue_actions"],
)
columns[heading["overdue_referrals"]] = st.column_config.NumberColumn(
    help=ui.t("caseload.overdue_referrals_help", days=caseload_service.referral_days()),
    format="localized",
    width=WIDTHS["overdue_referrals"],
)
columns[heading["as_of"]] = st.column_config.DateColumn(
    format=i18n.text("app.date_format", lang), width=WIDTHS["as_of"]
)
st.caption(ui.t("caseload.detail_hint"))
# The key changes with the rows, so that a selection is only ever read against the rows it was
# made on (a filter change must not show whichever child moved into the selected row).
rows_key = "caseload_rows_" + str(hash(tuple(shown["child_id"])))
event = st.dataframe(
    display,
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(display), 600),
    on_select="rerun",
    selection_mode="single-row",
    key=rows_key,
    column_order=[heading[column] for column in caseload_service.CASELOAD_SHOWN],
    column_config=columns,
)
notice = st.session_state.pop("caseload_notice", None)
if notice:
    st.success(notice)
if event.selection.rows:
    chosen = shown["child_id"].iloc[event.selection.rows[0]]
    with st.container(border=True):
        st.subheader(ui.t("caseload.detail", child=chosen))
        reasons = caseload_service.reasons_of(shown, chosen)
        st.markdown("\n".join(f"- {reason}" for reason in reasons) or ui.t("caseload.no_reason"))
        if st.button(ui.t("caseload.open_map", child=chosen), key="caseload_open_map"):
            if ui.select_child(context, chosen):
                st.switch_page("pages/child_map.py")
            st.error(ui.t("app.refused"))
        team = caseload_service.team_caseworkers(context.store, context.principal)
        if team:
            current = shown.set_index("child_id").at[chosen, "caseworker"]
            target_column, button_column = st.columns([3, 1], vertical_alignment="bottom")
            target = target_column.selectbox(
                ui.t("caseload.reassign"),
                team,
                index=None,
                placeholder=ui.t("caseload.reassign_choose"),
                help=ui.t("caseload.reassign_help"),
                key="caseload_reassign_to",
            )
            if (
                button_column.button(
                    ui.t("caseload.reassign_button"),
                    key="caseload_reassign",
                    disabled=target is None,
                    icon=":material/swap_horiz:",
                )
                and target is not None
            ):
                if target == current:
                    st.info(ui.t("caseload.reassign_same", child=chosen, caseworker=target))
                else:
                    try:
                        caseload_service.reassign_child(
                            context.store, context.principal, chosen, target
                        )
                    except access.AccessDenied:
                        st.error(ui.t("app.refused"))
                    else:
                        st.session_state["caseload_notice"] = ui.t(
                            "caseload.reassigned", child=chosen, caseworker=target
                        )
                        st.rerun()

if access.may(context.store, context.principal, access.EXPORT_CHILD):
    st.download_button(
        ui.t("caseload.export"),
        caseload_service.caseload_csv(shown, lang),
        file_name=f"caseload-{today}.csv",
        mime="text/csv",
        on_click=caseload_service.record_caseload_export,
        args=(context.store, context.principal, len(shown)),
        icon=":material/download:",
    )

if access.may(context.store, context.principal, access.REASSIGN):
    st.subheader(ui.t("caseload.team"))
    st.caption(ui.t("caseload.team_note"))
    workload = caseload_service.team_summary(matching)
    st.dataframe(
        workload.rename(columns={c: ui.t(f"caseload.team.{c}") for c in workload.columns}),
        hide_index=True,
        height=min(38 + 35 * len(workload), 400),
    )

st.subheader(ui.t("caseload.gaps_chart"))
st.plotly_chart(
    caseload_chart.caseload_gap_chart(gap_counts, lang),
    width="stretch",
    config={"displayModeBar": False},
)
