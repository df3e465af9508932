"""The `gaps` and `report` commands, run in-process on a data folder written by hand."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eska_network import cli
from eska_network.domain import gap_table

from .conftest import REPO_ROOT
from .gap_cases import CONTRACT_JSON

CHILDREN_CSV = """\
child_id,district,age,needs
C001,Kota Bandung,15,legal;housing;education
C002,Kota Bandung,9,
"""

MEMBERS_CSV = """\
child_id,member_id,label,level,role
C001,mother,Mother,family,mother
C001,father,Father,family,father
C001,imam,Imam,community,religious_leader
C001,teacher,Teacher,community,teacher
C001,ngo,Yayasan Anak,institution,ngo
"""

# C001 is the example of GAPS.md: the NGO tie of January has ended by the March assessment.
TIES_CSV = """\
child_id,source,target,strength,valence,support_types,functions,needs_met,assessed_on,last_contact
C001,child,mother,4,supportive,material;emotional,acceptance;protection,housing,2026-03-01,2026-02-20
C001,child,father,2,stressful,,,,2026-03-01,
C001,child,teacher,2,supportive,instrumental,,education,2026-03-01,2025-11-01
C001,mother,imam,3,supportive,,,,2026-03-01,
C001,child,ngo,3,supportive,,empowerment,,2026-01-10,
C001,child,ngo,0,supportive,,,,2026-03-01,
"""

ASSESSMENTS_CSV = """\
child_id,assessed_on,wellbeing_personal,wellbeing_interpersonal,placement,reintegration_stage
C001,2026-03-01,3,2,family,recovery
"""


@pytest.fixture
def example_folder(tmp_path: Path) -> Path:
    """A data folder with C001 (the GAPS.md example) and C002 (no member, no tie)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name, text in [
        ("children.csv", CHILDREN_CSV),
        ("members.csv", MEMBERS_CSV),
        ("ties.csv", TIES_CSV),
        ("assessments.csv", ASSESSMENTS_CSV),
    ]:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(*argv: str | Path) -> int:
    """The exit status of the command line (argparse and bad folders exit via SystemExit)."""
    try:
        return cli.main([str(arg) for arg in argv])
    except SystemExit as exit_:
        return exit_.code


def test_gaps_json_prints_the_gaps_md_example(example_folder, capsys):
    assert run("gaps", example_folder, "--child", "C001", "--json") == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == json.loads(CONTRACT_JSON)
    assert list(json.loads(out)) == list(json.loads(CONTRACT_JSON))
    assert err == ""


def test_gaps_json_as_of_an_earlier_date_sees_the_ties_of_then(example_folder, capsys):
    assert run("gaps", example_folder, "--child", "C001", "--as-of", "2026-01-31", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["as_of"] == "2026-01-31"
    assert result["levels"] == {
        "family": {"status": "absent", "max_strength": 0},
        "community": {"status": "absent", "max_strength": 0},
        "institution": {"status": "ok", "max_strength": 3},
    }
    assert result["missing_functions"] == ["acceptance", "protection"]
    assert result["unmet_needs"] == ["housing", "education", "legal"]
    assert result["stressful_ties"] == []


def test_gaps_json_of_a_child_without_ties_has_a_null_as_of(example_folder, capsys):
    assert run("gaps", example_folder, "--child", "C002", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["as_of"] is None
    assert result["weakest_link"] == "family-community"


def test_gaps_in_words_in_english_and_in_indonesian(example_folder, capsys):
    assert run("gaps", example_folder, "--child", "C001") == 0
    english = capsys.readouterr().out.splitlines()
    assert english[0] == "No one at the institutions level supports the child"
    assert "The legal services need is unmet" in english
    assert run("gaps", example_folder, "--child", "C001", "--lang", "id") == 0
    indonesian = capsys.readouterr().out.splitlines()
    assert indonesian[0] == "Tidak ada yang mendukung anak di tingkat lembaga"
    assert "Kebutuhan layanan hukum belum terpenuhi" in indonesian
    assert len(indonesian) == len(english)


def test_gaps_of_an_unknown_child_fails_with_a_message_and_prints_nothing(example_folder, capsys):
    assert run("gaps", example_folder, "--child", "C999", "--json") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "C999" in err


def test_gaps_on_a_bad_folder_fails_with_a_message_and_prints_nothing(example_folder, capsys):
    (example_folder / "ties.csv").unlink()
    assert run("gaps", example_folder, "--child", "C001", "--json") != 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "ties.csv" in err


def test_gaps_rejects_a_date_that_is_not_iso(example_folder, capsys):
    assert run("gaps", example_folder, "--child", "C001", "--as-of", "01/03/2026") != 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "01/03/2026" in err


def test_report_csv_has_one_row_per_child_in_report_order(example_folder, capsys):
    assert run("report", example_folder, "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["child_id"] for row in rows] == ["C001", "C002"]
    assert list(rows[0]) == list(gap_table.REPORT_COLUMNS)
    c001, c002 = rows
    assert (c001["as_of"], c001["institution_status"], c001["unmet_needs"]) == (
        "2026-03-01",
        "absent",
        "legal",
    )
    assert (c001["stressful_family"], c001["stale_ties"], c001["longest_no_contact_days"]) == (
        "True",
        "1",
        "120",
    )
    assert (c002["as_of"], c002["longest_no_contact_days"], c002["unmet_needs"]) == ("", "", "")


def test_report_json_as_of_a_date_gives_that_date_to_every_child(example_folder, capsys):
    assert run("report", example_folder, "--format", "json", "--as-of", "2026-01-31") == 0
    records = json.loads(capsys.readouterr().out)
    assert [record["as_of"] for record in records] == ["2026-01-31", "2026-01-31"]
    c001 = records[0]
    assert c001["institution_status"] == "ok"
    assert c001["missing_functions"] == "acceptance;protection"
    assert c001["longest_no_contact_days"] is None
    assert c001["stressful_family"] is False


def test_report_json_has_nulls_for_a_child_without_ties(example_folder, capsys):
    assert run("report", example_folder, "--format", "json") == 0
    c002 = json.loads(capsys.readouterr().out)[1]
    assert c002["as_of"] is None
    assert c002["longest_no_contact_days"] is None
    assert c002["single_points_of_failure"] == 0


def test_a_closed_pipe_ends_the_command_quietly(tmp_path):
    """``report ... | head`` must not end in a BrokenPipeError traceback."""
    # Far more than a pipe holds (64 KiB), so the command is still writing when the reader leaves.
    assert cli.main(["synth", "--children", "3000", "--seed", "1", "--out", str(tmp_path)]) == 0
    command = [sys.executable, "-m", "eska_network", "report", str(tmp_path)]
    process = subprocess.Popen(
        command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout.read(10)
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait() == cli.BROKEN_PIPE_STATUS
    assert error == ""
