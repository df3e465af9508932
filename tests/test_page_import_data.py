"""The import page in AppTest: a bad upload changes nothing, a good one imports and is audited."""

from __future__ import annotations

import datetime as dt
import io as bytes_io
import json
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.domain import io
from eska_network.domain.model import Child, Dataset, Member, Tie
from eska_network.services import access, accounts
from eska_network.services.access import Principal

from .access_fixtures import PEOPLE, audit_rows, empty_store, fill_agency, navigation_only

APP = Path(__file__).parents[1] / "app.py"
PAGE = "pages/import_data.py"
CHILDREN = b"child_id,district,age,caseworker\nC5,Kota Contoh,12,cw_ani\n"
MEMBERS = b"child_id,member_id,label,level\nC5,mother,Mother,family\n"
TIES = (
    b"child_id,source,target,strength,valence,assessed_on\n"
    b"C5,child,mother,4,supportive,2026-02-01\n"
)


@pytest.fixture
def import_app_store(tmp_path, monkeypatch):
    """The agency on an SQLite file the app opens (four children, no ties)."""
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    navigation_only(monkeypatch)
    with empty_store("sqlite", tmp_path) as store:
        fill_agency(store)
        monkeypatch.setenv("ESKA_DATABASE_URL", str(store.engine.url))
        yield store


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = bytes_io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _opened(user_name: str = "sup_north") -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    role, team = PEOPLE[user_name]
    app.session_state["eska_principal"] = Principal(user_name, role, team)
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception
    return app


def _button(app: AppTest, message_id: str):
    return next(b for b in app.button if b.label == i18n.text(message_id))


def test_a_bad_zip_shows_the_problems_and_changes_nothing(import_app_store):
    app = _opened()
    before = import_app_store.table_counts()
    bad_ties = TIES.replace(b",4,", b",7,")
    upload = _zip({"children.csv": CHILDREN, "members.csv": MEMBERS, "ties.csv": bad_ties})
    # Content decides, not the name: a zip called .csv is read as a zip.
    app.file_uploader[0].set_value(("upload.csv", upload, "text/csv")).run()
    assert not app.exception
    assert app.error[0].value == i18n.text("import.problems", n=1)
    problems = app.dataframe[0].value
    assert problems.values.tolist() == [["ties.csv", "2", "strength", "7 is out of range 0 to 5"]]
    assert not [b for b in app.button if b.label == i18n.text("import.submit")]
    assert import_app_store.table_counts() == before


def test_a_file_that_is_not_csv_is_named_in_the_report(import_app_store):
    app = _opened()
    before = import_app_store.table_counts()
    app.file_uploader[0].set_value(
        [
            ("children.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "text/csv"),
            ("members.csv", MEMBERS, "text/csv"),
            ("ties.csv", TIES, "text/csv"),
        ]
    ).run()
    table = app.dataframe[0].value
    assert table.iloc[0, 0] == "children.csv"
    assert "not a CSV file" in table.iloc[0, 3]
    assert import_app_store.table_counts() == before


def test_a_good_import_works_and_is_audited(import_app_store):
    app = _opened()
    files = [("children.csv", CHILDREN), ("members.csv", MEMBERS), ("ties.csv", TIES)]
    app.file_uploader[0].set_value([(name, data, "text/csv") for name, data in files]).run()
    assert not app.exception
    assert app.success[0].value.startswith(i18n.text("import.valid", summary="")[:10])
    before = import_app_store.table_counts()
    _button(app, "import.submit").click().run()
    assert not app.exception
    assert app.success[0].value == i18n.text("import.done")
    after = import_app_store.table_counts()
    assert (after["children"], after["members"], after["ties"]) == (
        before["children"] + 1,
        before["members"] + 1,
        before["ties"] + 1,
    )
    assert import_app_store.child_system("C5").ties[0].strength == 4
    last = audit_rows(import_app_store)[-1]
    assert (last["user_name"], last["action"], last["outcome"]) == (
        "sup_north",
        "import",
        "success",
    )


def test_an_import_may_not_change_another_teams_child(import_app_store):
    app = _opened()
    before = import_app_store.table_counts()
    other_team = CHILDREN.replace(b"C5", b"C4")
    app.file_uploader[0].set_value(
        [
            ("children.csv", other_team, "text/csv"),
            ("members.csv", MEMBERS.replace(b"C5", b"C4"), "text/csv"),
            ("ties.csv", TIES.replace(b"C5", b"C4"), "text/csv"),
        ]
    ).run()
    table = app.dataframe[0].value
    assert table.values.tolist() == [
        ["children.csv", "2", "child_id", i18n.text("import.not_yours", child="C4")]
    ]
    counts = import_app_store.table_counts()
    assert counts["audit"] == before["audit"] + 1
    assert {k: v for k, v in counts.items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }
    last = audit_rows(import_app_store)[-1]
    assert (last["action"], last["outcome"]) == ("refusal", "refused")


def test_an_upload_over_the_size_limit_is_refused(import_app_store, monkeypatch):
    app = _opened()
    big = CHILDREN + b"C6,Kota Contoh,12,cw_ani\n" * (2**20 // 20)
    app.file_uploader[0].set_value(("children.csv", big * 21, "text/csv")).run()
    table = app.dataframe[0].value
    assert table.iloc[0, 0] == "upload"
    assert "limit is 20 MB" in table.iloc[0, 3]


def test_the_export_is_a_zip_of_the_visible_children_and_is_audited(import_app_store):
    app = _opened()
    _button(app, "import.export_prepare").click().run()
    assert not app.exception
    data, count = app.session_state["import.export"]
    exported = io.read_dataset(data)
    assert sorted(exported.child_ids) == ["C1", "C2", "C3"] and count == 3
    exports = [row for row in audit_rows(import_app_store) if row["action"] == "export"]
    assert sorted(row["child_id"] for row in exports) == ["C1", "C2", "C3"]


@pytest.mark.parametrize("user_name", ["cw_ani", "planner", "auditor", "admin"])
def test_a_role_without_the_right_to_import_cannot_open_the_page(import_app_store, user_name):
    role = PEOPLE[user_name][0]
    assert not access.allows(role, access.IMPORT_DATA)
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["eska_principal"] = Principal(user_name, role, PEOPLE[user_name][1])
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.run()
    # The page is not in the menu; its address runs it, and it refuses (audited).
    app.switch_page(PAGE).run()
    assert [error.value for error in app.error] == [i18n.text("app.refused")]
    assert not app.get("file_uploader")


def test_a_second_import_of_the_same_files_changes_nothing(import_app_store):
    import_app_store.import_dataset(
        Dataset.from_objects(
            children=[Child("C5", "Kota Contoh", 12, caseworker="cw_ani")],
            members=[Member("C5", "mother", "Mother", "family")],
            ties=[Tie("C5", "child", "mother", 4, "supportive", dt.date(2026, 2, 1))],
        )
    )
    app = _opened()
    files = [("children.csv", CHILDREN), ("members.csv", MEMBERS), ("ties.csv", TIES)]
    app.file_uploader[0].set_value([(name, data, "text/csv") for name, data in files]).run()
    assert app.info[0].value == i18n.text("import.nothing_new")


# --- A map drawn in easyNWK ----------------------------------------------------------------------


def _easynwk_form(app: AppTest, data: bytes, child_id: str, age: int | None = None) -> AppTest:
    uploader = next(u for u in app.file_uploader if u.label == i18n.text("import.easynwk.file"))
    uploader.set_value(("ani.json", data, "application/json"))
    inputs = {box.label: box for box in app.text_input}
    inputs[i18n.text("import.easynwk.child")].input(child_id)
    inputs[i18n.text("import.easynwk.district")].input("Kota Contoh")
    if age is not None:
        next(n for n in app.number_input if n.label == i18n.text("import.easynwk.age")).set_value(
            age
        )
    check = next(b for b in app.button if b.label == i18n.text("import.easynwk.check"))
    check.click().run()
    assert not app.exception, app.exception
    return app


def test_an_easynwk_file_is_checked_then_imported_for_a_child_and_audited(import_app_store):
    from .test_easynwk import DAY_1, DAY_2, EASYNWK_FILE

    app = _easynwk_form(_opened(), EASYNWK_FILE.encode(), "C9")
    assert not app.error
    assert "C9" not in set(import_app_store.children()["child_id"])
    submit = next(b for b in app.button if b.key == "import.easynwk.submit")
    submit.click().run()
    assert not app.exception
    system = import_app_store.child_system("C9")
    assert system.child.caseworker == "cw_ani"
    assert system.assessment_dates() == [DAY_1, DAY_2]
    assert {m.label for m in system.members} >= {"Mama", "Pak Budi", "Bu Dina"}
    last = audit_rows(import_app_store)[-1]
    assert (last["action"], last["outcome"]) == ("import", "success")
    assert i18n.text("import.done") in [s.value for s in app.success]


def test_a_bad_easynwk_file_shows_every_problem_and_imports_nothing(import_app_store):
    before = import_app_store.table_counts()
    bad = b'{"versions": [{"id": 1, "date": "not a date", "nwk": {"ego": {}, "alteri": [{}]}}]}'
    app = _easynwk_form(_opened(), bad, "C9")
    assert app.error
    problems = app.dataframe[0].value
    assert len(problems) >= 2
    assert all(name == "ani.json" for name in problems.iloc[:, 0])
    assert {k: v for k, v in import_app_store.table_counts().items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }


def test_an_easynwk_file_without_an_age_asks_for_one(import_app_store):
    from .test_easynwk import _file

    text = json.loads(_file([("2026-03-01", {"alteri": [], "connections": []})], ego_age=""))
    app = _easynwk_form(_opened(), json.dumps(text).encode(), "C9")
    assert "the child's age is not in the file" in app.dataframe[0].value.to_csv()
    app = _easynwk_form(app, json.dumps(text).encode(), "C9", age=13)
    assert not app.error
