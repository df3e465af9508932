"""Imports and exports from the app: content decides, a dry run changes nothing, both audited."""

from __future__ import annotations

import io as bytes_io
import zipfile

import pytest

from eska_network.domain import io
from eska_network.services import access, dataset_transfer
from eska_network.services.access import Principal

from .access_fixtures import ENGINES, audit_rows, empty_store, fill_agency

FILES = {
    "children.csv": b"child_id,district,age,caseworker\nC5,Kota Contoh,12,cw_ani\n",
    "members.csv": b"child_id,member_id,label,level\nC5,mother,Mother,family\n",
    "ties.csv": b"child_id,source,target,strength,valence,assessed_on\n"
    b"C5,child,mother,4,supportive,2026-02-01\n",
}
SUPERVISOR = Principal("sup_north", "supervisor", "north")
LIMIT = 2**20


@pytest.fixture(params=ENGINES)
def agency_store(request, tmp_path):
    """The agency of access_fixtures on each engine."""
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        yield store


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = bytes_io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"export/{name}", data)
    return buffer.getvalue()


def test_one_zip_is_read_whatever_its_name():
    dataset = dataset_transfer.read_upload({"data.csv": _zip(FILES)}, LIMIT)
    assert dataset.child_ids == ["C5"]


def test_a_csv_named_zip_is_refused_as_not_a_zip():
    with pytest.raises(io.DatasetError) as error:
        dataset_transfer.read_upload({"data.zip": FILES["children.csv"]}, LIMIT)
    assert [(p.file, p.message) for p in error.value.problems] == [
        ("data.zip", "is not a zip file")
    ]


def test_a_file_the_format_does_not_know_is_named():
    with pytest.raises(io.DatasetError) as error:
        dataset_transfer.read_upload({**FILES, "notes.txt": b"hello"}, LIMIT)
    assert [p.file for p in error.value.problems] == ["notes.txt"]


def test_an_upload_over_the_limit_is_refused_before_reading():
    with pytest.raises(io.DatasetError) as error:
        dataset_transfer.read_upload(FILES, limit_bytes=10)
    assert error.value.problems[0].file == "upload"


def test_a_dry_run_reports_and_changes_nothing(agency_store):
    before = agency_store.table_counts()
    check = dataset_transfer.check_upload(agency_store, SUPERVISOR, FILES, LIMIT)
    assert check.problems == ()
    assert (check.preview.children_added, check.preview.ties_added) == (1, 1)
    assert agency_store.table_counts() == before


def test_a_conflict_with_stored_rows_is_found_by_the_dry_run(agency_store):
    dataset_transfer.import_checked(agency_store, SUPERVISOR, io.read_dataset(FILES))
    other = {**FILES, "ties.csv": FILES["ties.csv"].replace(b",4,", b",2,")}
    before = agency_store.table_counts()
    check = dataset_transfer.check_upload(agency_store, SUPERVISOR, other, LIMIT)
    assert [(p.file, p.row) for p in check.problems] == [("ties.csv", 2)]
    assert "already stored with other values" in check.problems[0].message
    assert agency_store.table_counts() == before


def test_an_import_is_audited_with_what_it_changed(agency_store):
    report = dataset_transfer.import_checked(agency_store, SUPERVISOR, io.read_dataset(FILES))
    assert report.children_added == 1
    last = audit_rows(agency_store)[-1]
    assert (last["action"], last["outcome"], last["user_name"]) == (
        "import",
        "success",
        "sup_north",
    )
    assert "1 children added" in last["detail"]


def test_a_caseworker_may_not_import(agency_store):
    with pytest.raises(access.AccessDenied):
        dataset_transfer.check_upload(agency_store, Principal("cw_ani", "caseworker"), FILES, LIMIT)
    assert audit_rows(agency_store)[-1]["action"] == "refusal"


def test_an_export_holds_the_visible_children_only(agency_store):
    data, count = dataset_transfer.export_visible(
        agency_store, Principal("sup_south", "supervisor", "south")
    )
    assert (io.read_dataset(data).child_ids, count) == (["C4"], 1)
    last = audit_rows(agency_store)[-1]
    assert (last["action"], last["child_id"]) == ("export", "C4")
