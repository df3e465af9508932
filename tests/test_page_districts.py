"""The districts page in AppTest: who may open it, suppression on screen and in the export, filters.

The store holds the sample data (67 children in six districts of 10 to 12) and its demo accounts.
The planner's page is searched element by element (texts, tables, figure JSON, session state) for
any child id of the data and for any count of children from 1 to K-1.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from eska_network import i18n
from eska_network.districts import aggregates as districts
from eska_network.districts import disclosure
from eska_network.services import accounts, demo_setup, district_views
from eska_network.store import open_store

from .access_fixtures import audit_rows, navigation_only
from .conftest import SAMPLE_DATA

APP = Path(__file__).parents[1] / "app.py"
PAGE = "pages/districts.py"
K = disclosure.DEFAULT_K
SAMPLE_DISTRICTS = (
    "Kabupaten Indramayu",
    "Kabupaten Karangasem",
    "Kota Bandung",
    "Kota Batam",
    "Kota Medan",
    "Kota Surabaya",
)


@pytest.fixture(scope="module")
def sample_store_url(tmp_path_factory):
    """An SQLite store with the sample data and the demo accounts."""
    url = f"sqlite:///{tmp_path_factory.mktemp('districts') / 'eska.db'}"
    store = open_store(url)
    demo_setup.prepare_demo(store, SAMPLE_DATA)
    store.engine.dispose()
    return url


@pytest.fixture
def sample_app_store(sample_store_url, monkeypatch):
    """The sample store, opened by the app as a running server would (no demo mode, K = 5).

    Counts are not rounded here (``ESKA_ROUNDING=1``), so that the page's own logic is checked
    against exact figures; tests/test_publication.py checks the rounding on the page.
    """
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    monkeypatch.delenv(disclosure.K_VARIABLE, raising=False)
    monkeypatch.setenv("ESKA_ROUNDING", "1")
    monkeypatch.setenv("ESKA_DATABASE_URL", sample_store_url)
    navigation_only(monkeypatch)
    store = open_store(sample_store_url)
    yield store
    store.engine.dispose()


@pytest.fixture(scope="module")
def sample_child_ids(sample_store_url) -> list[str]:
    store = open_store(sample_store_url)
    ids = store.children()["child_id"].tolist()
    store.engine.dispose()
    return ids


def _open(store, user_name: str, lang: str = "en") -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["eska_principal"] = accounts.get_user(store, user_name).principal()
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.session_state["eska_language"] = lang
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, app.exception
    return app


def _elements(block: Block):
    for child in block.children.values():
        if isinstance(child, Block):
            yield from _elements(child)
        else:
            yield child


def _everything(app: AppTest) -> str:
    """Every element's message (figure JSON and table bytes included), and the session state."""
    parts = [str(element.proto) for element in _elements(app._tree)]
    parts += [element.value.to_csv() for element in app.dataframe]
    parts.append(repr(app.session_state.to_dict()))
    return "\n".join(parts)


def _figures(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def _figure(app: AppTest, title_id: str, lang: str = "en") -> dict:
    """The one figure whose title starts with a catalogue text (``districts.figure.<id>``)."""
    start = i18n.text(f"districts.figure.{title_id}", lang).split("{")[0]
    titles = {f["layout"]["title"]["text"]: f for f in _figures(app)}
    (found,) = [figure for title, figure in titles.items() if title.startswith(start)]
    return found


def _small_counts_in_tables(app: AppTest, k: int) -> list[str]:
    """Cells of children counts (the ``(n)`` and children columns) that hold 1 to K-1."""
    found = []
    for frame in app.dataframe:
        table = frame.value
        counted = [c for c in table.columns if c.endswith("(n)") or c in ("children", "anak")]
        for column in counted:
            for cell in table[column].astype(str):
                number = cell.replace(",", "").replace(".", "")
                if number.isdigit() and 0 < int(number) < k:
                    found.append(f"{column}: {cell}")
    return found


def _small_counts_in_figures(app: AppTest, k: int) -> list[str]:
    """Whole numbers 1 to K-1 written as a bar, cell or point label (shares end in %)."""
    found = []
    for figure in _figures(app):
        for trace in figure["data"]:
            texts = trace.get("text") or []
            flat = [t for row in texts for t in (row if isinstance(row, list) else [row])]
            found += [str(t) for t in flat if re.fullmatch(r"[1-9]", str(t)) and int(t) < k]
    return found


def test_the_planner_sees_the_districts_and_never_a_child(sample_app_store, sample_child_ids):
    app = _open(sample_app_store, "demo_planner")
    assert app.title[0].value == i18n.text("page.districts")
    assert app.caption[0].value == i18n.text("districts.intro", children="67", districts="6", k=K)
    table = app.dataframe[-1].value
    first = districts.group_heading("district")
    assert sorted(table[first].iloc[:-1]) == list(SAMPLE_DISTRICTS)
    assert table[first].iloc[-1] == districts.total_label("district")
    # Provinces, bars, heatmap, services and trend.
    titles = [figure["layout"]["title"]["text"] for figure in _figures(app)]
    assert len(titles) == 5 and titles[3].startswith(table[first].iloc[0])
    provinces_drawn = _figure(app, "province_heatmap_title")["data"][0]["y"]
    assert "Jawa Barat" in provinces_drawn and provinces_drawn[-1] == "All provinces"
    everything = _everything(app)
    assert "<5" in everything
    leaked = [child for child in sample_child_ids if child in everything]
    assert leaked == []
    assert _small_counts_in_tables(app, K) == []
    assert _small_counts_in_figures(app, K) == []


def test_the_headline_names_needs_with_no_service(sample_app_store):
    app = _open(sample_app_store, "demo_planner")
    headline = app.dataframe[0].value
    pairs = set(zip(headline.iloc[:, 0], headline.iloc[:, 1], strict=True))
    assert ("Kabupaten Karangasem", "employment") in pairs
    assert ("Kota Batam", "education") in pairs
    # A hidden percentage says "suppressed", never "<5" (which reads as "under 5 %").
    shares = set(headline.iloc[:, 2])
    assert shares <= {"suppressed"} | {s for s in shares if "%" in s}
    assert not any(share.startswith("<") for share in shares)


def test_a_supervisor_may_open_the_districts_too(sample_app_store, sample_child_ids):
    app = _open(sample_app_store, "demo_supervisor")
    assert len(app.get("plotly_chart")) == 5
    assert len(app.download_button) == 1


@pytest.mark.parametrize("user_name", ["cw_idm1", "demo_auditor", "demo_admin"])
def test_roles_without_aggregates_are_refused_and_the_refusal_is_audited(
    sample_app_store, user_name
):
    principal = accounts.get_user(sample_app_store, user_name).principal()
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["eska_principal"] = principal
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.run()
    # An address typed for the page runs it, and the page refuses (audited).
    app.switch_page(PAGE).run()
    assert [error.value for error in app.error] == [i18n.text("app.refused")]
    page = AppTest.from_file(str(APP.parent / PAGE), default_timeout=60)
    page.session_state["eska_principal"] = principal
    page.run()
    assert [error.value for error in page.error] == [i18n.text("app.refused")]
    assert not page.get("plotly_chart") and not page.dataframe
    last = audit_rows(sample_app_store)[-1]
    assert (last["user_name"], last["action"], last["detail"]) == (
        user_name,
        "refusal",
        "view_districts",
    )


def test_choosing_districts_and_gaps_changes_the_charts_and_the_table(sample_app_store):
    app = _open(sample_app_store, "demo_planner")
    app.multiselect(key="districts_chosen").set_value(["Kota Medan", "Kota Batam"]).run()
    table = app.dataframe[-1].value
    assert table.iloc[:, 0].tolist() == ["Kota Medan", "Kota Batam", "All districts"]
    bars = _figure(app, "bars_title")
    drawn = [trace["name"] for trace in bars["data"] if trace["type"] == "bar"]
    assert [name for name in drawn if name != "suppressed"] == [
        "Kota Medan",
        "Kota Batam",
        "All districts",
    ]
    app.button_group(key="districts_group_en").set_value("keys").run()
    bars = _figure(app, "bars_title")
    expected = [districts.measure_label(m) for m in districts.MEASURE_GROUPS["keys"]]
    assert bars["data"][0]["x"] == expected
    heatmap = _figure(app, "heatmap_title")
    assert heatmap["data"][0]["y"] == ["Kota Medan", "Kota Batam", "All districts"]
    assert heatmap["data"][0]["x"] == expected
    app.selectbox(key="districts_services").set_value("Kota Batam").run()
    assert any("Kota Batam" in f["layout"]["title"]["text"] for f in _figures(app))
    app.multiselect(key="districts_chosen").set_value([]).run()
    assert app.info[0].value == i18n.text("districts.none_chosen")
    assert len(app.dataframe) == 1


def test_districts_each_below_k_show_only_that_fact(sample_app_store, monkeypatch):
    monkeypatch.setenv(disclosure.K_VARIABLE, "20")
    app = _open(sample_app_store, "demo_planner")
    app.multiselect(key="districts_chosen").set_value(["Kota Medan", "Kota Batam"]).run()
    assert app.info[0].value == i18n.text("districts.all_small", k=20)
    assert not app.dataframe and not app.download_button
    captions = [caption.value for caption in app.caption]
    assert i18n.text("districts.headline_small", k=20) in captions
    assert not app.success  # too few children to say that every need is served
    # Every figure of the provinces and of the trend is suppressed too: the page says so
    # plainly instead of drawing empty charts.
    warnings = [warning.value for warning in app.warning]
    assert i18n.text("districts.provinces_all_hidden", k=20) in warnings
    assert i18n.text("districts.every_district_hidden", k=20) in warnings
    assert not app.get("plotly_chart")
    assert _small_counts_in_figures(app, 20) == []


def test_a_store_with_fewer_than_k_children_shows_only_that_fact(sample_app_store, monkeypatch):
    monkeypatch.setenv(disclosure.K_VARIABLE, "100")
    app = _open(sample_app_store, "demo_planner")
    assert [info.value for info in app.info] == [disclosure.TooFewChildren(100).message()]
    assert not app.dataframe and not app.get("plotly_chart") and not app.download_button


def test_the_export_is_exactly_the_table_on_screen_and_is_audited(sample_app_store, downloads):
    app = _open(sample_app_store, "demo_planner")
    app.multiselect(key="districts_chosen").set_value(["Kota Surabaya", "Kota Bandung"]).run()
    principal = accounts.get_user(sample_app_store, "demo_planner").principal()
    expected = district_views.district_aggregates(sample_app_store, principal)
    shown = expected.select(["Kota Surabaya", "Kota Bandung"])
    name, data = downloads[-1]
    assert name.startswith("districts-") and name.endswith(".csv")
    assert data.decode("utf-8") == disclosure.to_csv(shown)
    on_screen = app.dataframe[-1].value
    assert list(on_screen.columns) == list(disclosure.to_export(shown).columns)
    before = len(audit_rows(sample_app_store))
    app.download_button[0].click().run()
    rows = audit_rows(sample_app_store)[before:]
    assert [(r["action"], r["outcome"], r["detail"]) for r in rows] == [
        ("export", "success", "export_aggregate")
    ]


def test_numbers_and_words_follow_the_language(sample_app_store):
    app = _open(sample_app_store, "demo_planner", lang="id")
    table = app.dataframe[-1].value
    assert table.columns[0] == districts.group_heading("district", "id")
    assert table.iloc[-1, 0] == districts.total_label("district", "id")
    shares = table[[c for c in table.columns if c.endswith("(%)")]].to_numpy().ravel()
    assert any("," in str(share) for share in shares)
    assert not any("." in str(share) for share in shares)


def _outlines(names: list[str]) -> bytes:
    features = [
        {
            "type": "Feature",
            "properties": {"name": name, "code": str(number)},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[number, 0], [number + 1, 0], [number + 1, 1], [number, 0]]],
            },
        }
        for number, name in enumerate(names)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def test_an_uploaded_geojson_draws_the_map_and_names_what_did_not_match(sample_app_store):
    app = _open(sample_app_store, "demo_planner")
    outlines = _outlines(list(SAMPLE_DISTRICTS[:5]))
    app.file_uploader(key="districts_geojson").set_value(
        ("districts.geojson", outlines, "application/geo+json")
    ).run()
    assert not app.exception
    maps = [f for f in _figures(app) if f["data"][0]["type"] == "choroplethmap"]
    assert len(maps) == 1
    assert set(maps[0]["data"][0]["locations"]) <= set(SAMPLE_DISTRICTS[:5])
    assert app.warning[-1].value == i18n.text("districts.map_unmatched", names="Kota Surabaya")


def test_a_file_that_is_no_geojson_is_refused_with_the_reason(sample_app_store):
    app = _open(sample_app_store, "demo_planner")
    app.file_uploader(key="districts_geojson").set_value(
        ("districts.geojson", b"<html>not json</html>", "application/json")
    ).run()
    assert app.error[0].value.startswith(i18n.text("districts.map_bad", reason="")[:-1])
    assert not [f for f in _figures(app) if f["data"][0]["type"] == "choroplethmap"]


def test_the_search_for_child_ids_finds_them_where_they_are(sample_app_store, sample_child_ids):
    # The control for the planner's test: the same search over the supervisor's caseload.
    app = AppTest.from_file(str(APP), default_timeout=60)
    principal = accounts.get_user(sample_app_store, "demo_supervisor").principal()
    app.session_state["eska_principal"] = principal
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.run()
    app.switch_page("pages/caseload.py").run()
    everything = _everything(app)
    assert [child for child in sample_child_ids if child not in everything] == []


def test_at_k_10_the_page_says_the_districts_are_all_suppressed_and_offers_provinces(
    sample_app_store, monkeypatch
):
    monkeypatch.setenv(disclosure.K_VARIABLE, "10")
    app = _open(sample_app_store, "demo_planner")
    warnings = [warning.value for warning in app.warning]
    assert i18n.text("districts.every_district_hidden", k=10) in warnings
    # The provinces say the same in their own words, or draw what they can show.
    if i18n.text("districts.provinces_all_hidden", k=10) not in warnings:
        provinces_heatmap = _figure(app, "province_heatmap_title")
        assert any(v for row in provinces_heatmap["data"][0]["z"] for v in row)
    assert _small_counts_in_tables(app, 10) == []
    assert _small_counts_in_figures(app, 10) == []
