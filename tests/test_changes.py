"""Change between two assessments: ties gained, lost, stronger, weaker; gaps closed and opened."""

from __future__ import annotations

import datetime as dt

import pytest

from eska_network.domain.changes import change_lines, compare
from eska_network.domain.gap_items import GapItem

from .map_cases import EARLIER, LABELS, LATER, conference_child


@pytest.fixture
def comparison():
    return compare(conference_child(), EARLIER, LATER)


def _ends(changes):
    return sorted(change.pair for change in changes)


def test_ties_gained_and_lost(comparison):
    assert _ends(comparison.gained) == [
        ("child", "nenek"),
        ("child", "yayasan"),
        ("patbm", "yayasan"),
    ]
    (lost,) = comparison.lost
    assert lost.pair == ("child", "pak_budi")
    assert (lost.from_strength, lost.to_strength) == (3, 0)


def test_strength_changes_carry_both_strengths(comparison):
    stronger = {
        change.pair: (change.from_strength, change.to_strength)
        for change in comparison.strengthened
    }
    assert stronger == {("child", "ibu_sari"): (2, 4), ("ibu_sari", "patbm"): (2, 3)}
    weaker = {
        change.pair: (change.from_strength, change.to_strength) for change in comparison.weakened
    }
    assert weaker == {("child", "ustadz"): (3, 2)}


def test_valence_change(comparison):
    (changed,) = comparison.valence_changed
    assert changed.pair == ("child", "polres")
    assert (changed.before.valence, changed.after.valence) == ("ambivalent", "supportive")


def test_gaps_closed_and_opened(comparison):
    closed = set(comparison.gaps_closed)
    assert GapItem("level_absent", "institution") in closed
    assert GapItem("stressful_tie", ("child", "pak_budi")) in closed
    assert GapItem("unmet_need", "behavioral_health") in closed
    assert GapItem("missing_function", "protection") in closed
    assert GapItem("unmet_need", "legal") not in closed
    assert set(comparison.gaps_opened) == {
        GapItem("single_point_of_failure", ("patbm", "yayasan")),
        GapItem("link_weak", "community-institution"),
        GapItem("stale_tie", ("child", "bu_ani")),
    }


def test_gaps_listed_most_serious_first(comparison):
    ranks = [item.rank for item in comparison.gaps_closed]
    assert ranks == sorted(ranks)


def test_same_date_has_no_change():
    same = compare(conference_child(), LATER, LATER)
    assert same.ties == () and same.gaps_closed == () and same.gaps_opened == ()


def test_dates_in_the_wrong_order_are_refused():
    with pytest.raises(ValueError, match="is after"):
        compare(conference_child(), LATER, EARLIER)


def test_a_date_before_any_assessment_gains_every_active_tie():
    before = compare(conference_child(), dt.date(2020, 1, 1), EARLIER)
    assert {change.kind for change in before.ties} == {"gained"}
    assert len(before.gained) == 6


def test_lines_in_indonesian_name_members_and_strengths(comparison):
    lines = change_lines(comparison, "id", LABELS)
    assert "Kesenjangan baru: Tidak ada kontak baru-baru ini: anak – Bu Ani (Teacher)" in lines
    assert "Lebih kuat: anak – Ibu Sari (Mother) (kekuatan 2 → 4)" in lines
    assert "Ikatan hilang: anak – Pak Budi (Father) (kekuatan 3 → 0)" in lines
    assert "Sifat berubah: anak – Unit PPA Polres (ambivalen → mendukung)" in lines
    # New gaps come before closed ones, which come before the ties.
    assert lines[0].startswith("Kesenjangan baru")


def test_lines_in_english(comparison):
    lines = change_lines(comparison, "en", LABELS)
    assert "New tie: the child – Yayasan Pelita Anak (strength 0 → 4)" in lines
    assert "Gap closed: Level absent: institutions" in lines
