"""The child map as tables: one row per gap and one per tie, named as on the map."""

from __future__ import annotations

from eska_network.child_map.tables import GAP_COLUMNS, TIE_COLUMNS, column_names, gap_rows, tie_rows
from eska_network.child_map.view import MapRequest, gap_sentences, map_view
from eska_network.domain.model import Child, ChildSystem
from eska_network.domain.whatif import ProposedTie

from .map_cases import EARLIER, LABELS, conference_child


def test_one_row_per_gap_in_the_order_of_the_sentences():
    view = map_view(MapRequest(conference_child()))
    rows = gap_rows(view)
    assert [row["sentence"] for row in rows] == gap_sentences(view)
    assert [row["order"] for row in rows] == list(range(1, len(rows) + 1))
    assert [(row["kind"], row["detail"]) for row in rows] == [
        ("Unmet need", "legal services"),
        ("No link between levels", "family – institutions"),
        ("Single point of failure", "Ibu Sari (Mother) – PATBM Cibiru"),
        ("Single point of failure", "PATBM Cibiru – Yayasan Pelita Anak"),
        ("Weak link between levels", "community – institutions"),
        ("No recent contact", "the child – Bu Ani (Teacher)"),
    ]
    assert set(rows[0]) == set(GAP_COLUMNS)


def test_proposals_that_close_every_gap_leave_no_gap_rows():
    # Nobody at any level: 3 levels, needs never assessed, 3 keys, 3 kinds, 3 links.
    assert len(gap_rows(map_view(MapRequest(ChildSystem(Child("C1", "Kota Bandung", 9)))))) == 13
    full = conference_child(needs=())
    proposals = [
        ProposedTie("polres", "institution", 3, other_end="ibu_sari"),
        ProposedTie("yayasan", "institution", 3, other_end="nenek"),
        ProposedTie("polres", "institution", 3, other_end="bu_ani"),
        ProposedTie("patbm", "community", 3, other_end="pak_budi"),
        ProposedTie("bu_ani", "community", 3, other_end="nenek"),
    ]
    view = map_view(MapRequest(full, proposals=proposals))
    assert [row["kind"] for row in gap_rows(view)] == ["No recent contact"]
    # A fresh contact with the teacher: nothing is left, and the sentence says so.
    visit = ProposedTie("bu_ani", "community", 3, functions=("empowerment",))
    view = map_view(MapRequest(full, proposals=(*proposals, visit)))
    assert gap_rows(view) == []
    assert gap_sentences(view) == ["No gaps: every rule is met"]


def test_tie_rows_name_levels_and_flags():
    view = map_view(MapRequest(conference_child()))
    rows = {(row["from"], row["to"]): row for row in tie_rows(view)}
    assert set(next(iter(rows.values()))) == set(TIE_COLUMNS)
    father = rows[("the child", LABELS["pak_budi"])]
    assert (father["strength"], father["flags"]) == (0, "ended")
    teacher = rows[("the child", LABELS["bu_ani"])]
    assert teacher["flags"] == "no contact > 90 days" and teacher["last_contact"] == "2025-10-01"
    link = rows[(LABELS["patbm"], LABELS["yayasan"])]
    assert link["levels"] == "community – institutions"
    assert link["flags"] == "between levels, only tie between its levels"
    mother = rows[("the child", LABELS["ibu_sari"])]
    assert (mother["support_types"], mother["functions"]) == ("material, emotional", "acceptance")


def test_tie_rows_in_indonesian_with_pseudonyms():
    view = map_view(MapRequest(conference_child(), EARLIER, lang="id", presentation=True))
    rows = tie_rows(view)
    stressful = [row for row in rows if row["flags"] == "penuh tekanan"]
    assert [(row["from"], row["to"], row["valence"]) for row in stressful] == [
        ("anak", "Ayah", "penuh tekanan")
    ]
    names = {row["to"] for row in rows} | {row["from"] for row in rows}
    assert not names & set(LABELS.values())
    assert column_names(TIE_COLUMNS, "id")["strength"] == "Kekuatan (0–5)"
