"""The child map page in AppTest: choosing a child and dates, comparison, what-if, actions, privacy.

The store holds the Bandung children of the sample data: cw_bdg1 has BDG-001, BDG-004, BDG-007
and BDG-010, cw_bdg2 has BDG-002, BDG-005, BDG-008 and BDG-011; both are in team ``bdg`` with
supervisor sup_bdg. BDG-007 has two assessments and an unmet legal need that LBH Pelangi Anak
Bandung serves.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.services import accounts, actions
from eska_network.services.access import Principal
from eska_network.store.tables import actions as actions_table

from .access_fixtures import audit_rows
from .map_page_fixtures import map_page

APP = Path(__file__).parents[1] / "app.py"
PAGE = "pages/child_map.py"
AWKWARD_LABEL = """Kakak "Rina" <b>sepupu</b> & 'teman'"""
"""The label of a member of SBY-002: markup that must show as typed."""


def _unescaped(markdown: str) -> str:
    """Markdown written with :func:`ui.escape_markdown`, as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _texts(app: AppTest) -> str:
    """Every text the page shows: titles, paragraphs, notices, widgets' labels and options.

    Markdown escapes are taken out, so that a label written escaped is still found.
    """
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "error", "warning"):
        parts.extend(str(element.value) for element in getattr(app, kind))
    parts.extend(str(element.value) for element in app.success)
    for widget in (*app.selectbox, *app.multiselect, *app.radio):
        parts.append(widget.label)
        parts.extend(str(option) for option in widget.options)
    parts.extend(button.label for button in app.button)
    for frame in app.dataframe:
        parts.append(frame.value.to_csv())
    return _unescaped("\n".join(parts))


def _figure(app: AppTest) -> dict:
    return json.loads(app.get("plotly_chart")[0].proto.spec)


def _select(app: AppTest, key: str):
    return next(box for box in app.selectbox if box.key == key)


def _open_tab(app: AppTest, label_id: str) -> AppTest:
    """Open one of the tabs under the map (only the open tab's content is sent)."""
    app.session_state["child_map_tab"] = i18n.text(label_id, app.session_state["eska_language"])
    return app.run()


def _button(app: AppTest, label_id: str, index: int = 0):
    label = i18n.text(label_id)
    return [button for button in app.button if button.label == label][index]


def test_the_caseworker_chooses_a_child_and_sees_its_map_and_gaps(bandung_app_store):
    app = map_page()
    picker = _select(app, "child_map_child")
    assert picker.options == ["BDG-001", "BDG-004", "BDG-007", "BDG-010"]
    picker.set_value("BDG-007").run()
    assert not app.exception
    figure = _figure(app)
    assert figure["layout"]["meta"]["child_id"] == "BDG-007"
    assert figure["layout"]["meta"]["as_of"] == "2025-02-04"
    # The legend is drawn beside the rings, in the figure; plotly's own legend is off.
    assert figure["layout"]["showlegend"] is False
    legend = [a["name"] for a in figure["layout"]["annotations"] if a["name"].startswith("legend:")]
    assert "legend:tie:strong" in legend
    texts = _texts(app)
    assert i18n.text("map.gaps") in texts
    assert "The legal services need is unmet" in texts
    last = audit_rows(bandung_app_store)[-1]
    assert (last["user_name"], last["action"], last["child_id"]) == (
        "cw_bdg1",
        "view_child",
        "BDG-007",
    )


def test_choosing_an_earlier_date_draws_the_map_of_that_date(bandung_app_store):
    app = map_page(child_id="BDG-007")
    dates = _select(app, "child_map_date_BDG-007")
    latest, earlier = dates.options[0], dates.options[-1]
    assert dates.value == dt.date.fromisoformat(latest)
    dates.set_value(dt.date.fromisoformat(earlier)).run()
    assert _figure(app)["layout"]["meta"]["as_of"] == earlier


def test_comparing_two_dates_lists_the_changes_and_marks_the_map(bandung_app_store):
    app = map_page(child_id="BDG-007")
    compare = _select(app, "child_map_compare_BDG-007")
    earlier = compare.options[-1]
    compare.set_value(dt.date.fromisoformat(earlier)).run()
    assert not app.exception
    assert _figure(app)["layout"]["meta"]["compare_with"] == earlier
    texts = _texts(app)
    assert i18n.text("map.changes", date=earlier) in texts
    changes = _unescaped(next(m.value for m in app.markdown if m.value.startswith("- New gap")))
    assert "New gap: Unmet need: education" in changes
    assert "Tie lost: the child – Ibu (Mother) (strength 5 → 0)" in changes
    # A proposal drawn on the map is no recorded change: the list stays the same.
    next(b for b in app.button if b.key.endswith("legal_service_BDG-LBH")).click().run()
    after = _unescaped(next(m.value for m in app.markdown if m.value.startswith("- New gap")))
    assert after == changes


def test_a_suggested_legal_aid_proposal_closes_the_legal_need_gap(bandung_app_store):
    app = map_page(child_id="BDG-007")
    assert "The legal services need is unmet" in _texts(app)
    assert "- Unmet need: legal services" not in _texts(app)
    propose = next(
        button
        for button in app.button
        if button.key == "child_map_propose_BDG-007_legal_service_BDG-LBH"
    )
    propose.click().run()
    assert not app.exception
    assert (
        app.session_state["child_map_proposals"]["BDG-007"][0].label == "LBH Pelangi Anak Bandung"
    )
    closed = i18n.text("map.would_close")
    assert closed in [header.value for header in app.subheader]
    texts = _texts(app)
    assert "- Unmet need: legal services" in texts
    assert "The legal services need is unmet" not in texts
    proposed = [
        trace for trace in _figure(app)["data"] if "LBH Pelangi Anak Bandung" in json.dumps(trace)
    ]
    assert proposed


def test_recording_a_proposal_stores_a_real_tie(bandung_app_store):
    app = map_page(child_id="BDG-007")
    next(b for b in app.button if b.key.endswith("legal_service_BDG-LBH")).click().run()
    before = bandung_app_store.revision("BDG-007")
    _button(app, "map.record").click().run()
    assert not app.exception
    assert bandung_app_store.revision("BDG-007") == before + 1
    system = bandung_app_store.child_system("BDG-007")
    lbh = next(m for m in system.members if m.resource_id == "BDG-LBH")
    tie = next(t for t in system.ties if lbh.member_id in (t.source, t.target))
    assert tie.needs_met == ("legal",)
    assert app.session_state["child_map_proposals"]["BDG-007"] == []
    assert app.success[0].value.startswith("The tie was recorded")
    assert "- Unmet need: legal services" not in _texts(app)


def test_a_dropped_proposal_is_gone_and_nothing_is_recorded(bandung_app_store):
    app = map_page(child_id="BDG-007")
    next(b for b in app.button if b.key.endswith("legal_service_BDG-LBH")).click().run()
    before = bandung_app_store.revision("BDG-007")
    _button(app, "map.drop").click().run()
    assert app.session_state["child_map_proposals"]["BDG-007"] == []
    assert bandung_app_store.revision("BDG-007") == before


def test_a_supervisor_cannot_record_a_proposal(bandung_app_store):
    app = map_page("sup_bdg", child_id="BDG-007")
    next(b for b in app.button if b.key.endswith("legal_service_BDG-LBH")).click().run()
    assert _button(app, "map.record").disabled


def test_an_action_is_created_and_shown_overdue(bandung_app_store):
    app = map_page(child_id="BDG-007")
    # Only the open tab (what-if, the first) is computed: the actions form is not there yet.
    assert not [box for box in app.selectbox if box.label == i18n.text("map.action_gap")]
    _open_tab(app, "map.tab_actions")
    gap = next(box for box in app.selectbox if box.label == i18n.text("map.action_gap"))
    gap.select_index(next(i for i, text in enumerate(gap.options) if "legal" in text))
    inputs = {box.label: box for box in app.text_input}
    inputs[i18n.text("map.action_what")].input("Refer to legal aid")
    inputs[i18n.text("map.action_who")].input("Caseworker")
    due = next(d for d in app.date_input if d.label == i18n.text("map.action_due"))
    due.set_value(dt.date.today() - dt.timedelta(days=3))
    _button(app, "map.action_add").click().run()
    assert not app.exception
    with bandung_app_store.engine.connect() as connection:
        stored = connection.execute(sa.select(actions_table)).mappings().all()
    assert [(row["child_id"], row["gap_kind"], row["gap_detail"]) for row in stored] == [
        ("BDG-007", "unmet_need", "legal")
    ]
    assert app.warning[0].value == i18n.text("map.overdue", count=1)
    table = app.dataframe[0].value
    assert table["Overdue"].tolist() == ["Overdue"]
    assert table["What"].tolist() == ["Refer to legal aid"]
    assert table["Gap it addresses"].tolist() == ["Unmet need: legal services"]
    edits = [row for row in audit_rows(bandung_app_store) if row["action"] == "edit"]
    assert [(row["child_id"], row["detail"]) for row in edits] == [
        ("BDG-007", "edit_child: action added")
    ]


def test_an_action_status_changes_and_is_no_longer_overdue(bandung_app_store):
    from eska_network.domain.gap_items import GapItem

    cw = Principal("cw_bdg1", "caseworker", "bdg")
    actions.create_action(
        bandung_app_store,
        cw,
        "BDG-007",
        GapItem("unmet_need", "legal"),
        "Refer",
        "Caseworker",
        dt.date.today() - dt.timedelta(days=1),
    )
    app = _open_tab(map_page(child_id="BDG-007"), "map.tab_actions")
    assert app.warning
    status = next(r for r in app.radio if r.label == i18n.text("map.action_status"))
    status.set_value("done")
    _button(app, "map.action_update").click().run()
    assert not app.exception
    assert not app.warning
    assert app.dataframe[0].value["Status"].tolist() == ["Done"]


def test_presentation_mode_shows_no_member_label_anywhere(bandung_app_store, sample_dataset):
    app = map_page(child_id="BDG-007")
    next(b for b in app.button if b.key.endswith("legal_service_BDG-LBH")).click().run()
    next(t for t in app.toggle if t.key == "child_map_presentation").set_value(True).run()
    assert not app.exception
    labels = sample_dataset.members.loc[sample_dataset.members["child_id"] == "BDG-007", "label"]
    figure = json.dumps(_figure(app))
    texts = ""
    for tab in ("map.tab_whatif", "map.tab_actions", "map.tab_table", "map.tab_export"):
        texts += _texts(_open_tab(app, tab))
    assert i18n.text("map.ties") in texts  # the table tab was read as well
    assert _figure(app)["layout"]["meta"]["presentation"] is True
    for label in labels:
        assert label not in texts, label
        assert label not in figure, label
    assert "BDG-007" not in texts
    assert "BDG-007" not in figure
    assert "LBH Pelangi Anak Bandung" not in figure
    assert not any(box.key == "child_map_child" for box in app.selectbox)
    assert i18n.text("map.child_hidden") in texts


def test_a_caseworker_cannot_open_another_caseworkers_child(bandung_app_store):
    app = map_page("cw_bdg1", child_id="BDG-002")
    # The picker offers only the caseworker's own children and falls back to the first.
    assert _select(app, "child_map_child").value == "BDG-001"
    app.session_state["eska_child"] = "BDG-002"
    app.session_state["child_map_presentation"] = True
    app.run()
    assert app.error[0].value == i18n.text("app.refused")
    assert not app.get("plotly_chart")
    refusal = audit_rows(bandung_app_store)[-1]
    assert (refusal["user_name"], refusal["action"], refusal["child_id"]) == (
        "cw_bdg1",
        "refusal",
        "BDG-002",
    )


def test_the_page_speaks_indonesian(bandung_app_store):
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["eska_principal"] = Principal("cw_bdg1", "caseworker", "bdg")
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.session_state["eska_language"] = "id"
    app.session_state["eska_child"] = "BDG-007"
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert i18n.text("map.gaps", "id") in [h.value for h in app.subheader]
    assert "Kebutuhan layanan hukum belum terpenuhi" in _texts(app)


def test_a_label_with_markup_shows_as_typed(bandung_app_store):
    app = map_page("cw_sby2", child_id="SBY-002")
    gaps = next(radio for radio in app.radio if radio.key == "child_map_gap")
    shown = [option for option in gaps.options if "Rina" in option]
    assert shown
    assert all(not m.proto.allow_html for m in app.markdown)
    assert AWKWARD_LABEL in _unescaped(shown[0])
    assert "<b>" not in shown[0].replace("\\<b\\>", "")


def test_recording_after_someone_else_saved_is_refused_and_the_proposal_kept(bandung_app_store):
    from eska_network.domain.whatif import ProposedTie
    from eska_network.services import conference

    app = map_page(child_id="BDG-007")
    next(b for b in app.button if b.key.endswith("legal_service_BDG-LBH")).click().run()
    neighbour = ProposedTie("new_neighbour", "community", label="Tetangga", role="neighbour")
    conference.record_proposal(
        bandung_app_store,
        Principal("cw_bdg1", "caseworker", "bdg"),
        bandung_app_store.child_system("BDG-007"),
        neighbour,
        dt.date.today(),
        bandung_app_store.revision("BDG-007"),
    )
    revision = bandung_app_store.revision("BDG-007")
    _button(app, "map.record").click().run()
    assert not app.exception
    assert "Someone saved this child's record after you opened it" in _unescaped(app.error[0].value)
    assert bandung_app_store.revision("BDG-007") == revision
    assert [p.label for p in app.session_state["child_map_proposals"]["BDG-007"]] == [
        "LBH Pelangi Anak Bandung"
    ]


def test_a_suggested_service_becomes_a_referral_in_one_click(bandung_app_store):
    app = map_page(child_id="BDG-007")
    next(b for b in app.button if b.key == "child_map_refer_BDG-007_legal_service_BDG-LBH").click()
    app.run()
    assert not app.exception
    assert i18n.text("conference.referred", service="LBH Pelangi Anak Bandung") in _texts(app)
    frame = _open_tab(app, "map.tab_actions").dataframe[0].value
    assert frame["Service referred to"].tolist() == ["LBH Pelangi Anak Bandung"]
    assert frame["Social worker's role"].tolist() == ["Broker"]
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert frame["Status"].tolist() == [f"Proposed since {today}"]


def _annotation(figure: dict, name: str) -> dict:
    return next(a for a in figure["layout"]["annotations"] if a["name"] == name)


def test_picking_a_gap_in_the_list_highlights_its_marks_and_fades_the_rest(bandung_app_store):
    app = map_page(child_id="BDG-007")
    assert _figure(app)["layout"]["meta"]["focus"] is None
    gaps = next(radio for radio in app.radio if radio.key == "child_map_gap")
    assert any("legal services need is unmet" in option for option in gaps.options)
    gaps.set_value("gap:unmet_need:legal").run()
    assert not app.exception
    figure = _figure(app)
    assert "gap:unmet_need:legal" in figure["layout"]["meta"]["focus"]
    # The line saying so stays, a person's label fades.
    assert _annotation(figure, "gap_box:unmet_need")["opacity"] == 1
    assert _annotation(figure, "label:neighbour")["opacity"] < 0.5
    _button(app, "map.focus_clear").click().run()
    assert _figure(app)["layout"]["meta"]["focus"] is None
    assert _annotation(_figure(app), "label:neighbour")["opacity"] == 1


def test_a_person_picked_on_the_map_keeps_its_ties_and_gaps(bandung_app_store):
    app = map_page(child_id="BDG-007")
    # What a click on the neighbour's marker sets (the chart's selection cannot be set in AppTest).
    app.session_state["child_map_focus"] = "member:neighbour"
    app.run()
    assert not app.exception
    focus = set(_figure(app)["layout"]["meta"]["focus"])
    assert {"member:neighbour", "tie:mother|neighbour", "member:mother"} <= focus
    assert "member:peer" not in focus
    assert _annotation(_figure(app), "label:peer")["opacity"] < 0.5
    assert i18n.text("map.focus_member", name="Tetangga (Neighbour)") in _texts(app)


def test_an_empty_proposal_is_refused_with_a_message_in_both_languages(bandung_app_store):
    app = map_page(child_id="BDG-007")
    gaps_before = _texts(app)
    _button(app, "map.custom_add").click().run()
    assert not app.exception
    refused = i18n.text("map.custom_invalid", reason=i18n.text("conference.error.proposal_empty"))
    assert refused in [_unescaped(e.value) for e in app.error]
    assert app.session_state["child_map_proposals"]["BDG-007"] == []
    assert "The legal services need is unmet" in gaps_before
    app.session_state["eska_language"] = "id"
    app.run()
    add = i18n.text("map.custom_add", "id")
    next(button for button in app.button if button.label == add).click().run()
    refused = i18n.text(
        "map.custom_invalid", "id", reason=i18n.text("conference.error.proposal_empty", "id")
    )
    assert refused in [_unescaped(e.value) for e in app.error]


def _new_action(app: AppTest, what: str, who: str) -> AppTest:
    _open_tab(app, "map.tab_actions")
    gap = next(box for box in app.selectbox if box.label == i18n.text("map.action_gap"))
    gap.select_index(next(i for i, text in enumerate(gap.options) if "legal" in text))
    inputs = {box.label: box for box in app.text_input}
    inputs[i18n.text("map.action_what")].input(what)
    inputs[i18n.text("map.action_who")].input(who)
    _button(app, "map.action_add").click().run()
    assert not app.exception, app.exception
    return app


def _stored_actions(store) -> list[dict]:
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(sa.select(actions_table)).mappings()]


def test_names_in_an_action_are_flagged_and_replaced_by_roles(bandung_app_store):
    app = _new_action(map_page(child_id="BDG-007"), "Ask PEMILIK USAHA to stop", "Caseworker")
    # Nothing stored yet: the worker is asked first.
    assert _stored_actions(bandung_app_store) == []
    assert "Pemilik usaha (the employer)" in _unescaped(app.warning[0].value)
    _button(app, "conference.names.replace").click().run()
    assert not app.exception
    stored = _stored_actions(bandung_app_store)
    assert [(row["what"], row["who"]) for row in stored] == [
        ("Ask the employer to stop", "Caseworker")
    ]
    assert not app.warning


def test_names_in_an_action_may_be_kept_as_written(bandung_app_store):
    app = _new_action(map_page(child_id="BDG-007"), "Visit", "pemilik usaha")
    _button(app, "conference.names.keep").click().run()
    assert [row["who"] for row in _stored_actions(bandung_app_store)] == ["pemilik usaha"]


def test_beside_the_map_wellbeing_and_the_risks_with_what_answers_them(bandung_app_store):
    app = map_page("cw_bdg1", "BDG-001")
    headers = [header.value for header in app.subheader]
    assert i18n.text("map.wellbeing", "en") in headers
    assert i18n.text("map.risks", "en") in headers
    charts = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    wellbeing = [c for c in charts if c["layout"].get("yaxis", {}).get("range") == [0.6, 5.4]]
    assert len(wellbeing) == 1
    assert {trace["name"] for trace in wellbeing[0]["data"]} == {
        "personal",
        "interpersonal",
        "skills",
    }
    said = " ".join(block.value for block in app.markdown)
    for risk in ("maltreatment", "school dropout", "risky peers"):
        assert risk in said


def test_the_situation_names_people_as_the_map_does_in_presentation_mode(bandung_app_store):
    app = map_page("cw_bdg1", "BDG-001")
    labels = {m.label for m in bandung_app_store.child_system("BDG-001").members}

    def answered() -> list[str]:
        said = "\n".join(block.value for block in app.markdown).replace("\\", "")
        return [line for line in said.split("\n") if "answered by" in line]

    assert any(label in line for label in labels for line in answered())
    app.toggle(key="child_map_presentation").set_value(True).run()
    assert answered()
    assert not any(label in line for label in labels for line in answered())


def test_without_chromium_the_export_tab_says_images_are_unavailable(
    bandung_app_store, monkeypatch
):
    monkeypatch.setenv("BROWSER_PATH", "/nowhere/chromium")
    app = _open_tab(map_page(child_id="BDG-001"), "map.tab_export")
    assert not app.exception
    assert [info.value for info in app.info] == [i18n.text("map.export_no_images.bad_browser_path")]
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == [
        i18n.text("map.export_html"),
        i18n.text("map.export_csv"),
        i18n.text("map.export_easynwk"),
    ]
