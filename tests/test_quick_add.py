"""Quick entry on the child map page (issue 14): a person, a tie, contact confirmed, counted.

Each ``set_value``, ``click`` or form submit counts as one interaction of the worker; typing a
name does not. The store is read back after the clicks: what the page says was saved is there.
"""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.domain import codes

from .access_fixtures import audit_rows
from .map_page_fixtures import map_page

TODAY = dt.datetime.now(dt.UTC).date()


@pytest.fixture(autouse=True)
def _today_as_the_test_starts():
    """The page says and saves the day it runs: a suite that runs past midnight UTC must compare
    it with this test's day, not with the day the module was imported."""
    global TODAY
    TODAY = dt.datetime.now(dt.UTC).date()


@pytest.fixture
def map_store(bandung_app_store):
    """The Bandung sample children on a store the app opens (see test_page_child_map)."""
    return bandung_app_store


class Worker:
    """An AppTest driven as a worker would, counting the interactions."""

    def __init__(self, app: AppTest) -> None:
        self.app = app
        self.count = 0

    def widget(self, kind: str, key: str):
        return next(w for w in getattr(self.app, kind) if w.key == key)

    def type(self, key: str, text: str) -> None:
        """Typing into a text box (not counted: the target counts clicks and picks)."""
        self.widget("text_input", key).input(text)

    def pick(self, key: str, value: object, kind: str = "selectbox") -> None:
        self.count += 1
        self.widget(kind, key).set_value(value)

    def press(self, label: str, index: int = 0) -> None:
        """Click a button (a form's submit button included) and let the page run."""
        self.count += 1
        buttons = [button for button in self.app.button if button.label == label]
        buttons[index].click()
        self.app.run()
        assert not self.app.exception, self.app.exception


def _member(store, child_id: str, label: str):
    return next(m for m in store.child_system(child_id).members if m.label == label)


def _tie(store, child_id: str, a: str, b: str):
    pair = (min(a, b), max(a, b))
    return next(t for t in store.child_system(child_id).ties_as_of() if t.pair == pair)


def test_a_person_their_tie_to_the_child_and_a_member_tie_in_six_interactions(map_store):
    store = map_store
    worker = Worker(map_page(child_id="BDG-007"))
    before = store.revision("BDG-007")
    worker.type("quick.BDG-007.name", "Bu Tini")
    worker.pick("quick.BDG-007.role", "neighbour")
    worker.press(i18n.text("assess.quick.add_person"))
    # The save would make six ties stale (their last contact is measured from today): asked first.
    assert store.revision("BDG-007") == before
    assert i18n.text("assess.stale.title", n=6) in [w.value for w in worker.app.warning]
    worker.press(i18n.text("assess.stale.all_today", date=TODAY.isoformat()))
    tini = _member(store, "BDG-007", "Bu Tini")
    assert (tini.level, tini.role) == ("community", "neighbour")
    tie = _tie(store, "BDG-007", "child", tini.member_id)
    assert (tie.strength, tie.valence, tie.assessed_on) == (3, "supportive", TODAY)
    assert _tie(store, "BDG-007", "child", "patbm").last_contact == TODAY
    assert _tie(store, "BDG-007", "child", "patbm").strength == 5
    # The row is empty again, ready for the next person.
    assert worker.widget("text_input", "quick.BDG-007.name").value == ""
    assert worker.widget("selectbox", "quick.BDG-007.role").value is None

    worker.pick("quick.BDG-007.first", tini.member_id)
    worker.pick("quick.BDG-007.second", "mother")
    worker.press(i18n.text("assess.quick.add_tie"))
    assert worker.count <= 6, worker.count
    member_tie = _tie(store, "BDG-007", tini.member_id, "mother")
    assert (member_tie.strength, member_tie.valence, member_tie.assessed_on) == (
        3,
        "supportive",
        TODAY,
    )
    assert store.revision("BDG-007") == before + 2
    edits = [r for r in audit_rows(store) if r["action"] == "edit" and r["child_id"] == "BDG-007"]
    assert [r["outcome"] for r in edits] == ["success", "success"]
    assert i18n.text("assess.quick.added_tie", name="Bu Tini – Ibu (Mother)", date=TODAY) in [
        s.value for s in worker.app.success
    ]


def test_a_person_with_neither_role_nor_level_is_refused_and_nothing_is_lost(map_store):
    store = map_store
    worker = Worker(map_page(child_id="BDG-007"))
    before = store.revision("BDG-007")
    worker.type("quick.BDG-007.name", "Pak Ojek")
    worker.press(i18n.text("assess.quick.add_person"))
    assert store.revision("BDG-007") == before
    refused = i18n.text("assess.quick.refused", reason=i18n.text("assess.quick.no_level"))
    assert refused in [e.value.replace("\\", "") for e in worker.app.error]
    # What was typed is still there, to be completed.
    assert worker.widget("text_input", "quick.BDG-007.name").value == "Pak Ojek"
    worker.pick("quick.BDG-007.level", "community")
    worker.pick("quick.BDG-007.strength", 2)
    worker.pick("quick.BDG-007.valence", "stressful")
    worker.press(i18n.text("assess.quick.add_person"))
    worker.press(i18n.text("assess.stale.all_today", date=TODAY.isoformat()))
    ojek = _member(store, "BDG-007", "Pak Ojek")
    assert (ojek.level, ojek.role) == ("community", None)
    tie = _tie(store, "BDG-007", "child", ojek.member_id)
    assert (tie.strength, tie.valence) == (2, "stressful")


def test_a_quick_save_after_someone_else_saved_is_refused(map_store):
    store = map_store
    from eska_network.services import access, quick_record

    worker = Worker(map_page(child_id="BDG-007"))
    record = quick_record.page_record(
        store, store.child_system("BDG-007"), store.revision("BDG-007")
    )
    cw = access.Principal("cw_bdg1", "caseworker", "bdg")
    changes = quick_record.contact_changes(record, [("child", "patbm")], TODAY)
    quick_record.save(store, cw, record, changes, TODAY)
    revision = store.revision("BDG-007")
    worker.type("quick.BDG-007.name", "Bu Tini")
    worker.pick("quick.BDG-007.role", "neighbour")
    worker.press(i18n.text("assess.quick.add_person"))
    worker.press(i18n.text("assess.stale.all_today", date=TODAY.isoformat()))
    assert store.revision("BDG-007") == revision
    assert any("Someone saved" in e.value.replace("\\", "") for e in worker.app.error)
    assert not [m for m in store.child_system("BDG-007").members if m.label == "Bu Tini"]


def test_a_supervisor_sees_no_quick_entry(map_store):
    app = map_page("sup_bdg", child_id="BDG-007")
    assert not [w for w in app.text_input if w.key == "quick.BDG-007.name"]
    assert i18n.text("assess.quick.no_edit_rights") in [c.value for c in app.caption]


def test_a_tie_is_changed_in_place_from_the_members_panel(map_store):
    store = map_store
    app = map_page(child_id="BDG-007")
    app.session_state["child_map_focus"] = "member:village_head"
    app.run()
    answer_all = i18n.text("assess.stale.all_today", date=TODAY.isoformat())
    stem = "quick.BDG-007.edit.child|village_head.2025-02-04"
    next(r for r in app.radio if r.key == f"{stem}.strength").set_value(2)
    next(r for r in app.radio if r.key == f"{stem}.valence").set_value("ambivalent")
    next(b for b in app.button if b.label == i18n.text("assess.quick.save_tie")).click().run()
    assert not app.exception, app.exception
    next(b for b in app.button if b.label == answer_all).click().run()
    tie = _tie(store, "BDG-007", "child", "village_head")
    assert (tie.strength, tie.valence, tie.assessed_on) == (2, "ambivalent", TODAY)
    assert tie.last_contact == dt.date(2025, 1, 8)


def test_contact_today_for_one_tie_and_all_ties_seen_today(map_store):
    store = map_store
    app = map_page(child_id="BDG-007")
    line = i18n.text(
        "assess.quick.contact_line",
        name="the child – PATBM Cibiru",
        strength=5,
        valence=codes.VALENCES.label("supportive"),
        contact="2025-01-05",
    )
    shown = [m.value.replace("\\", "") for m in app.markdown]
    assert any(line in text for text in shown), shown
    next(b for b in app.button if b.key == "quick.BDG-007.seen.all.child|patbm").click().run()
    # Contact today with the PATBM makes the other ties stale as of today: asked first.
    stale = [w.value for w in app.warning]
    assert i18n.text("assess.stale.title", n=5) in stale
    radios = [r for r in app.radio if r.key and r.key.endswith(".answer")]
    for radio in radios:
        radio.set_value("unknown")
    next(b for b in app.button if b.label == i18n.text("assess.stale.save")).click().run()
    assert not app.exception
    assert _tie(store, "BDG-007", "child", "patbm").last_contact == TODAY
    assert _tie(store, "BDG-007", "child", "peer").assessed_on == dt.date(2025, 2, 4)
    # Every other tie at once: those answered "not known" are now confirmed.
    next(b for b in app.button if b.key == "quick.BDG-007.all_seen").click().run()
    assert not app.exception
    assert _tie(store, "BDG-007", "child", "peer").last_contact == TODAY
    assert _tie(store, "BDG-007", "health", "mental_health").last_contact == TODAY


def test_a_role_typed_in_takes_the_level_chosen_and_a_common_role_its_own():
    from eska_network.domain.model import Child, ChildSystem
    from eska_network.services import quick_record
    from eska_network.services.assessment_forms import Record

    record = Record(ChildSystem(Child("C1", "X", 15)), 1)
    person = quick_record.QuickPerson("", None, "tukang ojek")
    try:
        quick_record.person_changes(record, person)
    except quick_record.QuickRecordError as error:
        assert error.said("id") == i18n.text("assess.quick.no_level", "id")
    else:
        raise AssertionError("a role of no level was taken without a level")
    person = quick_record.QuickPerson("", "community", "tukang ojek")
    added = quick_record.person_changes(record, person).members_added[0]
    assert (added.label, added.level, added.role) == ("tukang ojek", "community", "tukang ojek")
    teacher = quick_record.QuickPerson("Bu Guru", None, "teacher")
    assert quick_record.person_changes(record, teacher).members_added[0].level == "community"


def test_every_common_role_has_a_level():
    from eska_network.domain.member_roles import MEMBER_ROLES, ROLE_LEVELS

    assert set(ROLE_LEVELS) == set(MEMBER_ROLES.codes)
    assert set(ROLE_LEVELS.values()) == set(codes.LEVELS.codes)
