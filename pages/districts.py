"""The planner's districts: gaps in aggregate, side by side, next to the services each lists.

Everything here comes from one suppressed table built on the server
(district_views.district_aggregates): the page never holds a child id or a count below K.
"""

import datetime as dt

import streamlit as st

import ui
from eska_network import i18n
from eska_network.districts import aggregates as districts
from eska_network.districts import choropleth, disclosure, geojson
from eska_network.districts import display as district_display
from eska_network.districts import figures as district_figures
from eska_network.services import access, district_views

TREND_AT_ONCE_UP_TO = 20_000
"""Children up to which the quarterly trend is drawn at once; above, on request (it is slow)."""
CHART = {"displayModeBar": False}

context = ui.page_context("districts")
lang = context.lang
st.title(ui.t("page.districts"))


# The page check of this run has passed, and the published figures are the same for whoever may
# see them: they are cached per store, period, rounding and K, not per user (the check and its
# audit row run on every page run, in page_context).
@st.cache_data(show_spinner=False, max_entries=8)
def _district_table(_store, _principal, store_url: str, published: tuple, k: int):
    return district_views.district_aggregates(_store, _principal, k)


@st.cache_data(show_spinner=False, max_entries=8)
def _province_table(_store, _principal, store_url: str, published: tuple, k: int):
    return district_views.province_aggregates(_store, _principal, k)


@st.cache_data(show_spinner=False, max_entries=4)
def _quarter_table(_store, _principal, store_url: str, published: tuple, k: int):
    return district_views.quarterly_aggregates(_store, _principal, k)


def _plot(figure) -> None:
    st.plotly_chart(figure, width="stretch", config=CHART)


k = disclosure.suppression_k()
version = (district_views.store_name(context.store), district_views.publication_key())
with st.spinner(ui.t("districts.publishing")):
    suppressed = _district_table(context.store, context.principal, *version, k)
if isinstance(suppressed, disclosure.TooFewChildren):
    st.info(suppressed.message(lang))
    st.stop()

total_children = suppressed.display_counts().at[districts.TOTAL, districts.CHILDREN]
st.caption(
    ui.t(
        "districts.intro",
        children=i18n.number_text(total_children, lang)
        if isinstance(total_children, int)
        else total_children,
        districts=i18n.number_text(len(suppressed.groups), lang),
        k=k,
    )
)
st.caption(district_views.publication_note(suppressed, lang))
district_heading = districts.group_heading("district", lang)

st.subheader(ui.t("districts.headline"), divider="orange")
unserved = district_display.unserved_display(suppressed, lang)
some_small = district_display.some_too_small(suppressed)
if not unserved.empty:
    st.write(ui.t("districts.headline_text"))
    st.dataframe(
        unserved.rename(
            columns={
                "district": district_heading,
                "need": ui.t("districts.need"),
                "unmet": ui.t("districts.unmet"),
            }
        ),
        hide_index=True,
        height=min(38 + 35 * len(unserved), 320),
    )
elif not some_small:
    st.success(ui.t("districts.headline_none"))
if some_small:
    st.caption(ui.t("districts.headline_small", k=k))

group = st.segmented_control(
    ui.t("districts.group"),
    list(districts.MEASURE_GROUPS),
    format_func=lambda key: ui.t(f"districts.group.{key}"),
    default="needs",
    required=True,
    # Per language: the widget keeps its choice as words, which a switch of language changes.
    key=f"districts_group_{lang}",
)
measures = districts.MEASURE_GROUPS[group]

st.subheader(ui.t("districts.provinces"), divider="gray")
st.caption(ui.t("districts.provinces_note"))
left_out = district_display.left_out_of_provinces(suppressed)
if left_out:
    st.caption(ui.t("districts.provinces_left_out", names=", ".join(left_out), k=k))
by_province = _province_table(context.store, context.principal, *version, k)
if isinstance(by_province, disclosure.TooFewChildren) or district_display.all_hidden(
    by_province, by_province.groups, measures
):
    st.warning(ui.t("districts.provinces_all_hidden", k=k))
else:
    _plot(district_figures.gap_heatmap(by_province, measures=measures, lang=lang))

st.subheader(ui.t("districts.compare"), divider="gray")
if district_display.all_hidden(suppressed, suppressed.groups, measures):
    st.warning(ui.t("districts.every_district_hidden", k=k))
chosen = st.multiselect(
    ui.t("districts.choose"),
    suppressed.groups,
    default=district_display.default_districts(suppressed),
    placeholder=ui.t("districts.choose_placeholder"),
    key="districts_chosen",
)
comparable = bool(chosen) and not district_display.all_too_small(suppressed, chosen)
if not chosen:
    st.info(ui.t("districts.none_chosen"))
elif not comparable:
    st.info(ui.t("districts.all_small", k=k))
else:
    if district_display.all_hidden(suppressed, chosen, measures):
        st.warning(ui.t("districts.chosen_all_hidden", k=k))
    side_by_side, heatmap, geography = st.tabs(
        [ui.t("districts.side_by_side"), ui.t("districts.heatmap"), ui.t("districts.map")]
    )
    with side_by_side:
        _plot(district_figures.comparison_bars(suppressed, chosen, measures, lang=lang))
    with heatmap:
        _plot(district_figures.gap_heatmap(suppressed, chosen, measures=measures, lang=lang))
    with geography:
        upload = st.file_uploader(
            ui.t("districts.map_upload"),
            type=["geojson", "json"],
            help=ui.t("districts.map_help", mb=geojson.GEOJSON_MAX_BYTES // 1_000_000),
            key="districts_geojson",
        )
        if upload is not None:
            try:
                outlines = geojson.read_geojson(upload.getvalue())
            except ValueError as error:
                st.error(ui.t("districts.map_bad", reason=error))
            else:
                left, right = st.columns(2)
                name_property = left.selectbox(
                    ui.t("districts.map_property"),
                    geojson.name_properties(outlines),
                    placeholder=ui.t("app.choose_one"),
                )
                measure = right.selectbox(
                    ui.t("districts.map_measure"),
                    [districts.CHILDREN, *districts.GAP_MEASURES],
                    format_func=lambda m: districts.measure_label(m, lang),
                    placeholder=ui.t("app.choose_one"),
                )
                drawn = choropleth.district_choropleth(
                    suppressed, outlines, measure, name_property, lang
                )
                _plot(drawn.figure)
                if drawn.unmatched_districts:
                    st.warning(
                        ui.t("districts.map_unmatched", names=", ".join(drawn.unmatched_districts))
                    )

    st.subheader(ui.t("districts.services"), divider="gray")
    service_district = st.selectbox(
        ui.t("districts.services_district"),
        chosen,
        key="districts_services",
        placeholder=ui.t("app.choose_one"),
    )
    _plot(district_figures.services_chart(suppressed, service_district, lang))

st.subheader(ui.t("districts.trend"), divider="gray")
st.caption(ui.t("districts.trend_note"))
at_once = not isinstance(total_children, int) or total_children <= TREND_AT_ONCE_UP_TO
if st.toggle(ui.t("districts.trend_compute"), value=at_once, key="districts_trend"):
    trend = _quarter_table(context.store, context.principal, *version, k)
    if isinstance(trend, disclosure.TooFewChildren):
        st.info(trend.message(lang))
    else:
        followed = st.multiselect(
            ui.t("districts.trend_measures"),
            districts.GAP_MEASURES,
            default=district_display.most_common_gaps(trend),
            format_func=lambda m: districts.measure_label(m, lang),
            key=f"districts_trend_measures_{lang}",
            placeholder=ui.t("app.choose_many"),
        )
        if followed and district_display.all_hidden(trend, trend.groups, followed):
            st.warning(ui.t("districts.trend_all_hidden", k=k))
        elif followed:
            _plot(district_figures.trend_lines(trend, followed, lang))

if comparable:
    st.subheader(ui.t("districts.table"), divider="gray")
    st.caption(ui.t("districts.table_note"))
    shown = suppressed.select(chosen)
    table = disclosure.to_export(shown, lang)
    st.dataframe(
        district_display.aggregate_display(table, lang),
        hide_index=True,
        column_config={table.columns[0]: st.column_config.TextColumn(pinned=True)},
    )
    if access.may(context.store, context.principal, access.EXPORT_AGGREGATE):
        st.download_button(
            ui.t("districts.export"),
            disclosure.to_csv(shown, lang),
            file_name=f"districts-{dt.datetime.now(dt.UTC).date()}.csv",
            mime="text/csv",
            on_click=district_views.record_aggregate_export,
            args=(context.store, context.principal),
            icon=":material/download:",
        )
