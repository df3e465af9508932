"""The record-assessment page in AppTest: save, refuse bad entries, refuse a concurrent save."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.domain.model import Child, Dataset, Member, Resource, Tie
from eska_network.services import access, accounts
from eska_network.services.access import Principal
from eska_network.store import AssessmentChanges, TieUpdate

from .access_fixtures import PEOPLE, audit_rows, empty_store, fill_agency, navigation_only

APP = Path(__file__).parents[1] / "app.py"
PAGE = "pages/record_assessment.py"
FIRST_VISIT = dt.date(2026, 1, 5)
XSS_LABEL = "<img src=x onerror=alert(1)>"


@pytest.fixture
def record_app_store(tmp_path, monkeypatch):
    """The agency on SQLite; cw_ani's C1 has a mother and an imam, Kota Contoh lists legal aid."""
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    navigation_only(monkeypatch)
    with empty_store("sqlite", tmp_path) as store:
        fill_agency(store)
        store.import_dataset(
            Dataset.from_objects(
                children=[
                    Child("C1", "Kota Contoh", 14, caseworker="cw_ani", needs=("legal", "housing"))
                ],
                members=[
                    Member("C1", "mother", "Ibu (Mother)", "family", "mother"),
                    Member("C1", "imam", XSS_LABEL, "community", "religious_leader"),
                ],
                ties=[
                    Tie(
                        "C1",
                        "child",
                        "mother",
                        4,
                        "supportive",
                        FIRST_VISIT,
                        support_types=("emotional",),
                    ),
                    Tie("C1", "child", "imam", 2, "ambivalent", FIRST_VISIT),
                ],
                resources=[
                    Resource(
                        "LBH", "Kota Contoh", "LBH Contoh", "institution", ("legal",), "legal_aid"
                    )
                ],
            )
        )
        monkeypatch.setenv("ESKA_DATABASE_URL", str(store.engine.url))
        yield store


def _app_as(user_name: str) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    role, team = PEOPLE[user_name]
    app.session_state["eska_principal"] = Principal(user_name, role, team)
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.session_state["eska_child"] = "C1"
    return app


def _opened(user_name: str = "cw_ani") -> AppTest:
    app = _app_as(user_name).run()
    app.switch_page(PAGE).run()
    assert not app.exception
    return app


def _widget(app: AppTest, kind: str, key_end: str):
    matches = [w for w in getattr(app, kind) if w.key and w.key.endswith(key_end)]
    assert len(matches) == 1, (kind, key_end, [w.key for w in getattr(app, kind)])
    return matches[0]


def _submit(app: AppTest) -> AppTest:
    button = next(b for b in app.button if b.label == i18n.text("assess.submit"))
    return button.click().run()


def _data_counts(store) -> dict[str, int]:
    """The row count of every table of the record: not the audit (opening and refusing write
    audit rows), nor the drafts (entries not saved are kept as the user's draft)."""
    return {name: n for name, n in store.table_counts().items() if name not in ("audit", "drafts")}


def _unescaped(text: str) -> str:
    """Markdown-escaped text (see ui.escape_markdown) as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", text)


def _texts(app: AppTest) -> str:
    kinds = ("markdown", "error", "success", "warning", "info", "caption")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(app, kind))


def test_the_page_shows_the_record_and_the_form(record_app_store):
    app = _opened()
    assert app.title[0].value == i18n.text("page.record_assessment")
    members, ties = app.dataframe[0].value, app.dataframe[1].value
    assert set(members.iloc[:, 0]) == {"Ibu (Mother)", XSS_LABEL}
    assert len(ties) == 2
    assert _widget(app, "text_input", "member:mother.label").value == "Ibu (Mother)"
    assert _widget(app, "radio", "tie:child|mother.strength").value == 4
    assert not app.error


def test_a_valid_save_adds_rows_and_leaves_the_earlier_map_unchanged(record_app_store):
    before = record_app_store.table_counts()
    earlier = record_app_store.child_system("C1").ties_as_of(FIRST_VISIT)
    app = _opened()
    _widget(app, "selectbox", "new_member:0.resource_id").set_value("LBH")
    _widget(app, "selectbox", "new_tie:0.target").set_value("new_member:0")
    _widget(app, "multiselect", "new_tie:0.needs_met").set_value(["legal"])
    _widget(app, "multiselect", "new_tie:0.functions").set_value(["protection"])
    _widget(app, "radio", "tie:child|mother.strength").set_value(5)
    app = _submit(app)
    assert not app.exception
    assert app.success[0].value == i18n.text("assess.saved", date=dt.date.today())
    assert "LBH Contoh" in _texts(app)
    after = record_app_store.table_counts()
    assert after["ties"] == before["ties"] + 2
    assert after["members"] == before["members"] + 1
    system = record_app_store.child_system("C1")
    assert system.ties_as_of(FIRST_VISIT) == earlier
    latest = {tie.pair: tie for tie in system.ties_as_of()}
    assert latest[("child", "lbh_contoh")].needs_met == ("legal",)
    assert latest[("child", "mother")].strength == 5
    # The form starts again from the record just saved.
    assert _widget(app, "radio", "tie:child|mother.strength").value == 5
    edit = [row for row in audit_rows(record_app_store) if row["action"] == "edit"]
    assert [(row["user_name"], row["child_id"]) for row in edit] == [("cw_ani", "C1")]


def test_a_tie_to_a_blank_new_member_is_refused_next_to_its_field(record_app_store):
    app = _opened()
    before = _data_counts(record_app_store)
    _widget(app, "selectbox", "new_tie:0.target").set_value("new_member:1")
    _widget(app, "text_input", "member:mother.label").set_value("   ")
    _widget(app, "radio", "tie:child|imam.strength").set_value(3)
    app = _submit(app)
    assert not app.exception
    messages = [_unescaped(e.value) for e in app.error]
    assert i18n.text("assess.problems", n=2) in messages
    assert i18n.text("assess.new_member_blank", n=2) in messages
    assert "a value is required" in messages
    assert _data_counts(record_app_store) == before
    # The entries are kept for the user to fix.
    assert _widget(app, "radio", "tie:child|imam.strength").value == 3


def test_a_concurrent_save_is_refused_with_who_saved_what(record_app_store):
    app = _opened()
    revision = record_app_store.revision("C1")
    budi_change = AssessmentChanges(ties=(TieUpdate("child", "imam", 1, "stressful"),))
    record_app_store.record_assessment("C1", dt.date.today(), budi_change, revision, "cw_budi")
    before = _data_counts(record_app_store)
    _widget(app, "radio", "tie:child|mother.strength").set_value(2)
    app = _submit(app)
    assert not app.exception
    assert app.warning[0].value == i18n.text("assess.conflict")
    assert "cw_budi saved at" in _unescaped(_texts(app))
    assert _data_counts(record_app_store) == before
    assert _widget(app, "radio", "tie:child|mother.strength").value == 2
    # Saving again records only the user's change, on top of the other save.
    app = _submit(app)
    assert app.success, _texts(app)
    latest = {t.pair: t for t in record_app_store.child_system("C1").ties_as_of()}
    assert (latest[("child", "mother")].strength, latest[("child", "imam")].valence) == (
        2,
        "stressful",
    )


@pytest.mark.parametrize("role", ["supervisor", "planner", "auditor", "admin"])
def test_a_role_without_the_right_to_edit_cannot_open_the_page(record_app_store, role):
    user_name = {"supervisor": "sup_north"}.get(role, role)
    app = _app_as(user_name).run()
    assert not access.allows(role, access.EDIT_CHILD)
    # The page is not in the menu; its address runs it, and it refuses (audited).
    app.switch_page(PAGE).run()
    assert [error.value for error in app.error] == [i18n.text("app.refused")]
    assert not app.get("form")


def test_a_label_is_shown_as_text(record_app_store):
    app = _opened()
    titles = [e.label for e in app.expander]
    shown = next(title for title in titles if "img" in title)
    assert shown.startswith("\\<img src\\=x")
    assert not app.html


def test_the_page_speaks_bahasa_indonesia(record_app_store):
    app = _app_as("cw_ani")
    app.session_state["eska_language"] = "id"
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.title[0].value == i18n.text("page.record_assessment", "id")
    strength = _widget(app, "radio", "tie:child|mother.strength")
    assert strength.label == i18n.text("assess.field.strength", "id")
    submit = next(b for b in app.button if b.label == i18n.text("assess.submit", "id"))
    app = submit.click().run()
    assert app.info[0].value == i18n.text("assess.nothing_changed", "id")


def test_the_stores_refusal_is_shown_at_its_entry_and_changes_nothing(record_app_store):
    app = _opened()
    _widget(app, "radio", "tie:child|mother.strength").set_value(5)
    app = _submit(app)
    assert app.success
    before = _data_counts(record_app_store)
    # A second change of the same tie on the same day would replace the row just saved.
    _widget(app, "radio", "tie:child|mother.strength").set_value(1)
    app = _submit(app)
    assert not app.exception
    messages = [_unescaped(e.value) for e in app.error]
    assert i18n.text("assess.problems", n=1) in messages
    assert any("already has a row dated" in message for message in messages)
    titles = [_unescaped(e.label) for e in app.expander]
    to_fix = i18n.text(
        "assess.to_fix", name="Ibu (Mother) · 5 – very strong (thick line) · supportive", n=1
    )
    assert any(title.endswith(to_fix) for title in titles), titles
    assert _data_counts(record_app_store) == before


def test_a_date_before_the_latest_assessment_cannot_be_chosen(record_app_store):
    app = _opened()
    _widget(app, "date_input", "assess.date.C1").set_value(FIRST_VISIT - dt.timedelta(days=1))
    _widget(app, "radio", "tie:child|mother.strength").set_value(5)
    app = _submit(app)
    assert app.success
    dates = [tie.assessed_on for tie in record_app_store.child_system("C1").ties]
    assert min(dates) == FIRST_VISIT
    assert record_app_store.child_system("C1", FIRST_VISIT - dt.timedelta(days=1)).ties == ()


def test_removing_a_member_ends_its_ties_and_keeps_the_earlier_map(record_app_store):
    earlier = record_app_store.child_system("C1", FIRST_VISIT)
    app = _opened()
    _widget(app, "checkbox", "member:imam.remove").check()
    app = _submit(app)
    assert app.success
    assert XSS_LABEL not in set(app.dataframe[0].value.iloc[:, 0])
    latest = {t.pair: t for t in record_app_store.child_system("C1").ties_as_of()}
    assert latest[("child", "imam")].strength == 0
    assert record_app_store.child_system("C1", FIRST_VISIT) == earlier


def _imam_seen(store, on: dt.date) -> None:
    """Record contact with the imam on ``on`` (an assessment of that day)."""
    changes = AssessmentChanges(
        ties=(TieUpdate("child", "imam", 2, "supportive", last_contact=on),)
    )
    store.record_assessment("C1", on, changes, store.revision("C1"), "cw_ani")


def test_a_save_that_would_make_a_tie_stale_asks_first_and_an_answer_is_required(
    record_app_store,
):
    seen = dt.date.today() - dt.timedelta(days=120)
    _imam_seen(record_app_store, seen)
    app = _opened()
    revision = record_app_store.revision("C1")
    _widget(app, "radio", "tie:child|mother.strength").set_value(5)
    app = _submit(app)
    assert not app.exception
    # Nothing saved yet: the imam's tie, not recorded again, would be out of contact.
    assert record_app_store.revision("C1") == revision
    assert i18n.text("assess.stale.title", n=1) in [w.value for w in app.warning]
    asked = next(r for r in app.radio if r.key.endswith(".answer"))
    assert XSS_LABEL in _unescaped(asked.label)
    # No answer: refused, still nothing saved.
    next(b for b in app.button if b.label == i18n.text("assess.stale.save")).click().run()
    assert record_app_store.revision("C1") == revision
    assert i18n.text("assess.stale.unanswered") in _unescaped(_texts(app))
    next(r for r in app.radio if r.key.endswith(".answer")).set_value("lost")
    next(b for b in app.button if b.label == i18n.text("assess.stale.save")).click().run()
    assert not app.exception
    assert record_app_store.revision("C1") == revision + 1
    ties = {tie.target: tie for tie in record_app_store.child_system("C1").ties_as_of()}
    assert ties["mother"].strength == 5
    assert (ties["imam"].strength, ties["imam"].assessed_on) == (0, dt.date.today())
    assert app.success


def test_contact_confirmed_on_a_day_is_saved_with_the_assessment(record_app_store):
    seen = dt.date.today() - dt.timedelta(days=120)
    _imam_seen(record_app_store, seen)
    app = _opened()
    _widget(app, "radio", "tie:child|mother.strength").set_value(5)
    app = _submit(app)
    day = dt.date.today() - dt.timedelta(days=3)
    next(r for r in app.radio if r.key.endswith(".answer")).set_value("confirmed")
    next(d for d in app.date_input if d.key.endswith(".day")).set_value(day)
    next(b for b in app.button if b.label == i18n.text("assess.stale.save")).click().run()
    assert not app.exception
    ties = {tie.target: tie for tie in record_app_store.child_system("C1").ties_as_of()}
    assert (ties["imam"].strength, ties["imam"].last_contact) == (2, day)
    assert ties["mother"].strength == 5


def test_a_save_that_makes_nothing_stale_asks_nothing(record_app_store):
    _imam_seen(record_app_store, dt.date.today() - dt.timedelta(days=10))
    app = _opened()
    _widget(app, "radio", "tie:child|mother.strength").set_value(5)
    app = _submit(app)
    assert not app.warning
    assert app.success


def test_entries_kept_as_a_draft_come_back_in_a_new_session_until_saved(record_app_store):
    from eska_network.services import drafts

    app = _opened()
    _widget(app, "radio", "tie:child|mother.strength").set_value(5)
    _widget(app, "text_input", "new_member:0.label").set_value("Bu Tini")
    next(b for b in app.button if b.label == i18n.text("assess.keep_draft")).click().run()
    assert not app.exception
    assert i18n.text("assess.draft_kept") in _unescaped(_texts(app))
    revision = record_app_store.revision("C1")
    # A reload or a new login: a new session, and the entries are there again.
    again = _opened()
    assert _widget(again, "radio", "tie:child|mother.strength").value == 5
    assert _widget(again, "text_input", "new_member:0.label").value == "Bu Tini"
    assert any(i.value.startswith(i18n.text("assess.draft_back", at="")[:20]) for i in again.info)
    # Another user sees none of it.
    principal = Principal("cw_budi", *PEOPLE["cw_budi"])
    assert drafts.kept_form(record_app_store, principal, "C1") is None
    _widget(again, "selectbox", "new_member:0.level").set_value("community")
    again = _submit(again)
    assert record_app_store.revision("C1") == revision + 1
    assert drafts.kept_form(record_app_store, Principal("cw_ani", *PEOPLE["cw_ani"]), "C1") is None
    fresh = _opened()
    assert _widget(fresh, "radio", "tie:child|mother.strength").value == 5
    assert _widget(fresh, "text_input", "new_member:0.label").value == ""


def test_entries_refused_by_a_check_are_kept_and_dropped_on_start_again(record_app_store):
    from eska_network.services import drafts

    ani = Principal("cw_ani", *PEOPLE["cw_ani"])
    app = _opened()
    _widget(app, "selectbox", "new_tie:0.target").set_value("new_member:0")
    app = _submit(app)
    assert app.error
    assert drafts.kept_form(record_app_store, ani, "C1") is not None
    next(b for b in app.button if b.label == i18n.text("assess.discard")).click().run()
    assert drafts.kept_form(record_app_store, ani, "C1") is None
