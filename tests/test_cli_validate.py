"""``python -m eska_network validate``: a summary for a good folder, every problem for a bad one."""

from __future__ import annotations

from pathlib import Path

from eska_network.cli import main

from .test_io import GOOD_FILES, write_folder

BAD_SEVERAL = Path(__file__).parent / "data" / "bad_several"
"""A folder with problems in every file: ids, numbers, codes, references, a missing column."""


def run(argv: list[str]) -> int:
    """The command's exit status, whether it returns one or exits with it."""
    try:
        return main(argv)
    except SystemExit as stop:
        return stop.code


def test_good_folder_prints_its_summary_and_exits_0(tmp_path, capsys):
    folder = write_folder(tmp_path / "good", GOOD_FILES)
    assert run(["validate", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "2 children in 2 districts, 4 members, 5 tie rows "
        "(rows dated 2025-01-10 to 2025-03-01), 1 resource\n"
    )
    assert err == ""


def test_bad_folder_lists_every_problem_on_stderr_and_exits_1(capsys):
    assert run(["validate", str(BAD_SEVERAL)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "children.csv, row 3, column child_id: duplicate child_id 'A1' (first in row 2)",
        "children.csv, row 4, column child_id: 'B 2' is not a valid id: "
        "use 1 to 32 letters, digits, _ or -",
        "children.csv, row 4, column age: 19 is out of range 0 to 17",
        "children.csv, row 4, column sex: unknown code 'Q' (expected one of: F, M, X)",
        "children.csv, row 4, column needs: unknown code 'schooling' (expected any of: "
        "physical_health, behavioral_health, housing, education, employment, legal, life_skills)",
        "members.csv, row 3, column member_id: 'child' is reserved for the child at the centre "
        "of the map",
        "members.csv, row 4, column child_id: no child 'C3' in children.csv",
        "ties.csv, column valence: required column valence is missing",
        "ties.csv, row 3, column target: target must be a member_id; the child ('child') goes "
        "in source",
        "ties.csv, row 3, column strength: 9 is out of range 0 to 5",
        "ties.csv, row 3, column assessed_on: a second row for the tie 'child' - 'mum' of child "
        "'A1' on 2025-01-10 (first in row 2)",
        "ties.csv, row 4, column target: 'gran' is not a member of child 'A1' in members.csv",
        "ties.csv, row 4, column assessed_on: '10/01/2025' is not a date in YYYY-MM-DD form",
    ]


def test_missing_folder_exits_1_with_the_reason(tmp_path, capsys):
    assert run(["validate", str(tmp_path / "nowhere")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip().endswith("nowhere: no such folder or zip file")
