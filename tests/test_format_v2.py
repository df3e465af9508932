"""The second version of the format: assessments.csv, actions.csv, exploitative ties, formula-safe
cells; every problem placed by file, row and column; a first-version folder still reads."""

from __future__ import annotations

import datetime as dt

import pytest

from eska_network.domain import io, schema
from eska_network.domain.gap_kinds import KIND_CODES

CHILDREN = "child_id,district,age,needs\nA1,Kota Medan,15,legal\nB2,Kota Batam,9,\n"
MEMBERS = "child_id,member_id,label,level,role\nA1,ayah,Ayah,family,father\n"
TIES = (
    "child_id,source,target,strength,valence,assessed_on\nA1,child,ayah,3,exploitative,2026-01-10\n"
)
RESOURCES = (
    "resource_id,district,name,level,kind,needs_served\n"
    "MDN-LBH,Kota Medan,LBH Medan,institution,legal_aid,legal\n"
    "BTM-RA,Kota Batam,Rumah Aman Batam,institution,shelter,housing\n"
)
ASSESSMENTS = (
    "child_id,assessed_on,needs,risk_factors,wellbeing_personal,placement,reintegration_stage\n"
    "A1,2026-01-10,legal;housing,maltreatment,2,shelter,recovery\n"
    "A1,2026-04-02,none,,3,kin,\n"
)
ACTIONS = (
    "child_id,action_id,created_on,text,worker_role,responsible,due_on,resource_id,status,"
    "status_on\n"
    "A1,R1,2026-01-10,Rujuk ke LBH untuk pendampingan hukum,broker,cw_mdn1,2026-01-24,MDN-LBH,"
    "sent,2026-01-11\n"
    "A1,T1,2026-01-10,Mediasi keluarga dengan bibi,facilitator,,,,open,\n"
)


def files(**changes: str) -> dict[str, bytes]:
    texts = {
        "children.csv": CHILDREN,
        "members.csv": MEMBERS,
        "ties.csv": TIES,
        "resources.csv": RESOURCES,
        "assessments.csv": ASSESSMENTS,
        "actions.csv": ACTIONS,
        **{name.replace("_", ".", 1): text for name, text in changes.items()},
    }
    return {name: text.encode() for name, text in texts.items() if text is not None}


def problems(**changes: str) -> list[str]:
    with pytest.raises(io.DatasetError) as caught:
        io.read_dataset(files(**changes))
    return [str(problem) for problem in caught.value.problems]


def test_a_second_version_folder_reads_with_assessments_and_actions():
    dataset = io.read_dataset(files())
    system = dataset.child_system("A1")
    assert [row.placement for row in system.assessments] == ["shelter", "kin"]
    assert system.assessments[1].needs == ()  # "none"
    assert system.assessments[1].risk_factors is None  # empty: not recorded
    state = system.state_as_of()
    assert state.needs == () and state.needs_recorded
    assert state.risk_factors == ("maltreatment",)
    assert state.wellbeing["personal"] == 3
    actions = dataset.child_actions("A1")
    assert [(a.action_id, a.worker_role, a.status) for a in actions] == [
        ("R1", "broker", "sent"),
        ("T1", "facilitator", "open"),
    ]
    assert actions[0].status_on == dt.date(2026, 1, 11)
    assert actions[1].responsible is None


def test_a_first_version_folder_still_reads_and_has_no_assessments_or_actions():
    dataset = io.read_dataset(files(assessments_csv=None, actions_csv=None))
    assert dataset.assessments.empty and dataset.actions.empty
    assert dataset.child_system("A1").state_as_of().needs == ("legal",)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("A1,2026-05-01,none;legal,,,,", "column needs: 'none' cannot be listed with other codes"),
        ("A1,2026-05-01,,,7,,", "column wellbeing_personal: 7 is out of range 1 to 5"),
        ("A1,2026-05-01,,,,home,", "column placement: unknown code 'home'"),
        ("A1,2026-05-01,,,,,reunited", "column reintegration_stage: unknown code 'reunited'"),
        ("Z9,2026-05-01,,,,,", "column child_id: no child 'Z9' in children.csv"),
        ("A1,2026-04-02,,,,,", "a second assessment of child 'A1' on 2026-04-02 (first in row 3)"),
        ("A1,01/05/2026,,,,,", "column assessed_on: '01/05/2026' is not a date"),
    ],
)
def test_a_wrong_assessment_row_is_named_by_row_and_column(row, expected):
    found = problems(assessments_csv=ASSESSMENTS + row + "\n")
    assert any(text.startswith("assessments.csv, row 4") and expected in text for text in found), (
        found
    )


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "A1,R2,2026-02-01,Rujuk,broker,,,,proposed,",
            "column resource_id: a referral names the service it goes to",
        ),
        (
            "A1,R2,2026-02-01,Rujuk,advocate,,,MDN-LBH,proposed,",
            "column worker_role: a referral is the broker's action",
        ),
        (
            "A1,R2,2026-02-01,Rujuk,broker,,,BTM-RA,sent,2026-02-02",
            "column resource_id: 'BTM-RA' is a service of Kota Batam, not of the child's "
            "district (Kota Medan)",
        ),
        (
            "A1,R2,2026-02-01,Rujuk,broker,,,MDN-LBH,accepted,2026-01-02",
            "column status_on: the status changed on 2026-01-02, before the action was agreed",
        ),
        ("A1,R1,2026-02-01,Again,broker,,,,open,", "duplicate action_id 'R1' for child 'A1'"),
        ("A1,T2,2026-02-01,Lobby,mediator,,,,open,", "column worker_role: unknown code 'mediator'"),
        ("A1,T2,2026-02-01,Lobby,advocate,,,,waiting,", "column status: unknown code 'waiting'"),
        ("A1,T2,2026-02-01,,advocate,,,,open,", "column text: a value is required"),
        ("A1,T2,2026-02-01,Visit,advocate,,,NOPE,open,", "no resource 'NOPE' in resources.csv"),
    ],
)
def test_a_wrong_action_row_is_named_by_row_and_column(row, expected):
    found = problems(actions_csv=ACTIONS + row + "\n")
    assert any(text.startswith("actions.csv, row 4") and expected in text for text in found), found


def test_a_gap_an_action_answers_must_name_a_kind_of_gap():
    header, *rows = ACTIONS.splitlines()
    text = "\n".join([header + ",gap", rows[0] + ",unmet_need:legal", rows[1] + ",luck:x"]) + "\n"
    found = problems(actions_csv=text)
    assert found == [
        "actions.csv, row 3, column gap: 'luck:x' names no kind of gap (expected kind:subject, "
        "kind one of: " + ", ".join(KIND_CODES) + ")"
    ]


def test_a_required_column_missing_from_an_optional_file_is_named():
    found = problems(actions_csv="child_id,action_id,text\nA1,X,Do\n")
    assert "actions.csv, column created_on: required column created_on is missing" in found
    assert "actions.csv, column status: required column status is missing" in found


def test_cells_a_spreadsheet_would_run_are_written_quoted_and_read_back_whole(tmp_path):
    members = MEMBERS + 'A1,x,=HYPERLINK("http://x"),community,@peer\nA1,y,-1+1,community,\n'
    dataset = io.read_dataset(files(members_csv=members))
    folder = io.write_dataset(dataset, tmp_path / "out")
    written = (folder / "members.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in written and ",'@peer" in written and ",'-1+1," in written
    again = io.read_dataset(folder)
    assert again.members["label"].tolist() == dataset.members["label"].tolist()
    assert "=HYPERLINK" in again.members["label"].iloc[1]
    assert io.write_dataset_zip(again) == io.write_dataset_zip(dataset)


def test_export_import_export_gives_the_same_six_files(tmp_path):
    dataset = io.read_dataset(files())
    first = io.write_dataset(dataset, tmp_path / "first")
    second = io.write_dataset(io.read_dataset(first), tmp_path / "second")
    for spec in schema.FILES:
        assert (first / spec.name).read_bytes() == (second / spec.name).read_bytes(), spec.name
    assert "none" in (first / "assessments.csv").read_text()


def test_every_problem_is_said_in_indonesian_too():
    found = io.DatasetError(_all_problems())
    english, indonesian = found.report("en"), found.report("id")
    assert english == "\n".join(str(problem) for problem in found.problems)
    assert "baris 4, kolom wellbeing_personal: 7 di luar rentang 1 sampai 5" in indonesian
    assert "kolom placement: kode tidak dikenal 'home'" in indonesian
    assert "row" not in indonesian and "column" not in indonesian
    assert all(problem.said is not None for problem in found.problems)


def _all_problems():
    rows = ASSESSMENTS + "A1,2026-05-01,,,7,home,\n"
    actions = ACTIONS + "A1,R2,2026-02-01,Rujuk,advocate,,,BTM-RA,sent,2026-01-02\n"
    with pytest.raises(io.DatasetError) as caught:
        io.read_dataset(files(assessments_csv=rows, actions_csv=actions))
    return caught.value.problems


def test_every_message_id_the_code_says_is_in_the_catalogue():
    import re

    from eska_network import i18n

    from .conftest import REPO_ROOT

    said = set()
    for path in (REPO_ROOT / "eska_network").rglob("*.py"):
        said |= set(re.findall(r"""\bsay\(\s*["']([a-z_.]+)["']""", path.read_text()))
    assert said and said <= set(i18n.MESSAGES), sorted(said - set(i18n.MESSAGES))


def test_referrals_without_a_resource_id_column_are_named_not_a_crash():
    header = "child_id,action_id,created_on,text,worker_role,status,status_on"
    rows = "A1,R1,2026-01-10,Rujuk,broker,sent,2026-01-11\nA1,T1,2026-01-10,Visit,advocate,open,\n"
    text = header + "\n" + rows
    found = problems(actions_csv=text)
    assert found == [
        "actions.csv, row 2, column resource_id: a referral names the service it goes to"
    ]
