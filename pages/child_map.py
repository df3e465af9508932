"""The case-conference child map: the map first, the gaps beside it; what-if, actions, tables.

The page measures the space its map column gets and draws the figure at exactly that size
(labels are placed for the size drawn). A gap picked in the list, or a person clicked on the
map, is highlighted there; everything else fades.
"""

import datetime as dt

import streamlit as st

import ui
from eska_network.child_map.compose import Focus
from eska_network.child_map.figure import child_map_figure
from eska_network.child_map.frame import screen_frame
from eska_network.child_map.scene import gap_topic
from eska_network.child_map.view import MapRequest, gap_sentences, map_view
from eska_network.services import access, conference
from ui import conference_tabs, viewport
from ui.situation import show_situation

PRESENTATION_KEY = "child_map_presentation"
PROPOSALS_KEY = conference_tabs.PROPOSALS_KEY
MESSAGE_KEY = conference_tabs.MESSAGE_KEY
FOCUS_KEY = "child_map_focus"
CHART_KEY = "child_map_chart"
GAP_KEY = "child_map_gap"
SPACE_KEY = "child_map_space"
STYLE = (
    "<style>"
    "[data-testid='stMainBlockContainer']{padding-top:3.6rem;padding-left:2rem;"
    "padding-right:2rem;max-width:none}"
    "[data-testid='stMainBlockContainer'] h1{font-size:1.6rem;padding:0}"
    "</style>"
)
"""The conference view gives the map the screen: less padding, a smaller page title."""
LARGE_TYPE = (
    "<style>[data-testid='stMain'] p, [data-testid='stMain'] li,"
    "[data-testid='stMain'] label {font-size: 1.2rem !important}</style>"
)
"""Presentation mode: large type for a projector (only styling, no data, in this HTML)."""

st.set_page_config(initial_sidebar_state="collapsed")
context = ui.page_context("child_map")
lang = context.lang
store, principal = context.store, context.principal
presentation = st.session_state.get(PRESENTATION_KEY, False)


def _picked_on_map() -> None:
    """A click on the map: a person becomes the focus (a click beside everything clears it)."""
    state = st.session_state.get(CHART_KEY)
    points = state.selection.points if state else []
    picked = None
    for point in points:
        data = point.get("customdata")
        data = data[0] if isinstance(data, list) and data else data
        if isinstance(data, str) and data.startswith("member:"):
            picked = data
            break
    st.session_state[FOCUS_KEY] = picked
    st.session_state.pop(GAP_KEY, None)


def _picked_in_list() -> None:
    st.session_state[FOCUS_KEY] = st.session_state.get(GAP_KEY)


def _clear_focus() -> None:
    st.session_state[FOCUS_KEY] = None
    st.session_state.pop(GAP_KEY, None)


map_column, panel = st.columns([5, 2], gap="medium")
with panel:
    st.title(ui.t("page.child_map"))
    if presentation:
        child_id = ui.selected_child()
        st.markdown(f"**{ui.escape_markdown(ui.t('map.child_hidden'))}**")
    else:
        child_id = ui.child_picker(context, key="child_map_child")
if child_id is None:
    panel.info(ui.t("map.no_children"))
    st.stop()
try:
    record = access.open_child(store, principal, child_id)
except access.AccessDenied:
    panel.error(ui.t("app.refused"))
    st.stop()

dates = sorted(record.assessment_dates(), reverse=True)
with panel:
    row = st.columns(2, vertical_alignment="bottom")
    as_of = row[0].selectbox(
        ui.t("map.date"),
        dates,
        format_func=dt.date.isoformat,
        key=f"child_map_date_{child_id}",
        help=ui.t("map.date_help"),
        placeholder=ui.t("app.choose_one"),
    )
    compare_with = row[1].selectbox(
        ui.t("map.compare"),
        [None, *(day for day in dates if as_of is not None and day < as_of)],
        format_func=lambda day: ui.t("map.no_compare") if day is None else day.isoformat(),
        key=f"child_map_compare_{child_id}",
        help=ui.t("map.compare_help"),
        placeholder=ui.t("app.choose_one"),
    )
    st.toggle(ui.t("map.presentation"), key=PRESENTATION_KEY, help=ui.t("map.presentation_help"))
    if not dates:
        st.info(ui.t("map.no_assessment"))
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        st.success(message)

proposals = st.session_state.setdefault(PROPOSALS_KEY, {}).setdefault(child_id, [])
request = MapRequest(record, as_of, compare_with, tuple(proposals), lang, presentation)
view = map_view(request)
topics = {gap_topic(item): item for item in view.items}
picked = st.session_state.get(FOCUS_KEY)
focus = None
if picked in topics:
    focus = Focus(gap=topics[picked])
elif isinstance(picked, str) and picked.removeprefix("member:") in {*view.places, "child"}:
    focus = Focus(member=picked.removeprefix("member:"))

# --- The map ----------------------------------------------------------------------------------
with map_column:
    chart = st.container()
    # Measured under the chart, used for it: the size it is drawn at is the size it gets.
    space = viewport.space("child_map_probe") or st.session_state.get(SPACE_KEY)
    st.session_state[SPACE_KEY] = space
    frame = screen_frame(space and space.width, space and space.height, presentation)
    chart.plotly_chart(
        child_map_figure(view, frame, focus),
        key=CHART_KEY,
        on_select=_picked_on_map,
        selection_mode="points",
        theme=None,
        width=frame.width,
        config={"displayModeBar": False, "displaylogo": False},
    )

# --- The gaps beside it -------------------------------------------------------------------------
sentences = gap_sentences(view)
with panel:
    st.subheader(ui.t("map.gaps"))
    if proposals:
        st.caption(ui.t("map.gaps_with_proposals"))
    if view.items:
        member_gaps = set()
        if focus is not None and focus.member is not None:
            member_gaps = {
                gap_topic(item) for item in view.items if item.tie and focus.member in item.tie
            }
        texts = dict(zip(topics, sentences, strict=True))
        if st.session_state.get(GAP_KEY) not in (None, *topics):
            st.session_state.pop(GAP_KEY)
        st.radio(
            ui.t("map.gaps"),
            list(topics),
            index=None,
            format_func=lambda topic: (
                f"{list(topics).index(topic) + 1}. "
                + (
                    f"**{ui.escape_markdown(texts[topic])}**"
                    if topic in member_gaps
                    else ui.escape_markdown(texts[topic])
                )
            ),
            key=GAP_KEY,
            on_change=_picked_in_list,
            label_visibility="collapsed",
        )
    else:
        ui.plain(sentences[0])
    if focus is not None:
        if focus.member is not None:
            name = view.labels.get(focus.member, view.child_label)
            st.caption(ui.escape_markdown(ui.t("map.focus_member", name=name)))
        st.button(ui.t("map.focus_clear"), on_click=_clear_focus, icon=":material/visibility:")
    else:
        st.caption(ui.t("map.focus_hint"))
    show_situation(view)
    if view.comparison is not None:
        st.subheader(ui.t("map.changes", date=view.comparison.earlier.isoformat()))
        lines = conference.recorded_changes(request)
        if lines:
            st.markdown("\n".join(f"- {ui.escape_markdown(line)}" for line in lines))
        else:
            ui.plain(ui.t("map.no_changes"))
    if proposals:
        effect = conference.proposal_effect(request)
        st.subheader(ui.t("map.would_close"))
        if effect.closed:
            st.markdown("\n".join(f"- {ui.escape_markdown(line)}" for line in effect.closed))
        else:
            ui.plain(ui.t("map.closes_nothing"))
        if effect.opened:
            st.markdown(f"**{ui.escape_markdown(ui.t('map.would_open'))}**")
            st.markdown("\n".join(f"- {ui.escape_markdown(line)}" for line in effect.opened))

# --- What-if, actions, tables, export -----------------------------------------------------------
conference_tabs.show(
    conference_tabs.MapPage(
        context=context,
        child_id=child_id,
        record=record,
        request=request,
        view=view,
        dates=dates,
        revision=store.revision(child_id),
        may_edit=access.may(store, principal, access.EDIT_CHILD, child_id),
    )
)
st.html(STYLE + (LARGE_TYPE if presentation else ""))
