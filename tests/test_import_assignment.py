"""An import never assigns a child to someone the importer may not: every reassignment audited.

The agency of access_fixtures: sup_north leads cw_ani (C1, C2) and cw_budi (C3); cw_citra (C4)
is of team south.
"""

from __future__ import annotations

import io as bytes_io
import zipfile

import pytest

from eska_network.cli import main
from eska_network.domain import io
from eska_network.domain.model import Child, Dataset
from eska_network.services import access, accounts, dataset_transfer

from .access_fixtures import ENGINES, audit_rows, empty_store, fill_agency, principal


@pytest.fixture(params=ENGINES)
def agency(request, tmp_path):
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        accounts.add_user(store, access.operator(), "cw_gone", "caseworker", team="north")
        accounts.lock_user(store, access.operator(), "cw_gone")
        yield store


def _children(*rows: tuple[str, str | None]) -> Dataset:
    return Dataset.from_objects(
        children=[Child(child_id, "Kota Contoh", 14, caseworker=who) for child_id, who in rows]
    )


def _caseworkers(store) -> dict[str, str]:
    return dict(zip(*store.children()[["child_id", "caseworker"]].T.to_numpy(), strict=True))


@pytest.mark.parametrize(
    ("caseworker", "problem"),
    [
        ("cw_citra", "'cw_citra' is not an active caseworker of your team (north)"),
        ("planner", "'planner' is not an active caseworker of your team (north)"),
        ("somebody", "'somebody' is not an active caseworker of your team (north)"),
        ("cw_gone", "'cw_gone' is not an active caseworker of your team (north)"),
        (None, "a caseworker is required"),
    ],
    ids=["other team", "a planner", "no such user", "inactive", "empty"],
)
def test_a_supervisor_import_naming_anyone_else_is_a_problem_and_changes_nothing(
    agency, caseworker, problem
):
    supervisor = principal(agency, "supervisor")
    before, audited = _caseworkers(agency), len(audit_rows(agency))
    upload = _children(("C1", "cw_ani"), ("C3", caseworker), ("C9", "cw_budi"))
    check = dataset_transfer.check_upload(agency, supervisor, _files(upload), 2**20)
    assert [(p.file, p.row, p.column) for p in check.problems] == [
        ("children.csv", 3, "caseworker")
    ]
    assert problem in check.problems[0].message
    with pytest.raises(io.DatasetError, match="caseworker"):
        dataset_transfer.import_checked(agency, supervisor, upload)
    assert _caseworkers(agency) == before
    assert [row["action"] for row in audit_rows(agency)[audited:]] == ["import"]


def _files(dataset: Dataset) -> dict[str, bytes]:
    archive = zipfile.ZipFile(bytes_io.BytesIO(io.write_dataset_zip(dataset)))
    return {name: archive.read(name) for name in archive.namelist()}


def test_a_reassignment_within_the_team_is_audited_per_child(agency):
    supervisor = principal(agency, "supervisor")
    upload = _children(("C1", "cw_budi"), ("C2", "cw_budi"), ("C3", "cw_budi"))
    dataset_transfer.import_checked(agency, supervisor, upload)
    assert _caseworkers(agency)["C1"] == "cw_budi"
    moves = [row for row in audit_rows(agency) if row["action"] == "reassign"]
    assert [(row["child_id"], row["user_name"], row["role"], row["detail"]) for row in moves] == [
        ("C1", "sup_north", "supervisor", "import: cw_ani -> cw_budi"),
        ("C2", "sup_north", "supervisor", "import: cw_ani -> cw_budi"),
    ]


def test_the_command_line_may_name_any_active_caseworker_and_nobody_else(agency, tmp_path, capsys):
    url = agency.url.render_as_string(hide_password=False)
    io.write_dataset(_children(("C1", "cw_citra"), ("C9", "planner")), tmp_path / "bad")
    assert main(["import", str(tmp_path / "bad"), "--database-url", url]) == 1
    assert "children.csv, row 3, column caseworker: 'planner' is not an active caseworker" in (
        capsys.readouterr().err
    )
    assert _caseworkers(agency)["C1"] == "cw_ani"
    io.write_dataset(_children(("C1", "cw_citra")), tmp_path / "good")
    assert main(["import", str(tmp_path / "good"), "--database-url", url]) == 0
    last = audit_rows(agency)[-2:]
    assert [(r["role"], r["action"], r["child_id"], r["detail"]) for r in last] == [
        ("cli", "reassign", "C1", "import: cw_ani -> cw_citra"),
        ("cli", "import", None, "import_data: 0 children added, 1 updated, 0 tie rows added"),
    ]


def test_every_reassignment_path_writes_one_row_per_child(agency):
    """The store's own import (used by tests and tools) audits moves too."""
    agency.import_dataset(_children(("C1", "cw_budi"), ("C4", "cw_ani")), "tool", "cli")
    moves = [(r["child_id"], r["detail"]) for r in audit_rows(agency) if r["action"] == "reassign"]
    assert moves == [("C1", "import: cw_ani -> cw_budi"), ("C4", "import: cw_citra -> cw_ani")]
