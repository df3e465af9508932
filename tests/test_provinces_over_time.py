"""Provinces over consecutive publications, attacked as a hostile planner would: no hidden cell of
either period's district or province table can be worked out from both periods together.

A row carried over from one publication to the next (the same district row, or a province made of
the same district rows) holds the same numbers in both. The attack writes every line of sums of
both periods, says that each carried cell is the same unknown in both, and solves exactly.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eska_network.districts import provinces, publication
from eska_network.districts.aggregates import COUNT_MEASURES, TOTAL
from eska_network.districts.disclosure import SHOWN, SuppressedTable

from .test_provinces import _rref_unit_rows

# Three provinces of two or three districts each.
DISTRICTS = (
    "Kota Bandung",
    "Kabupaten Indramayu",
    "Kabupaten Cianjur",
    "Kota Surabaya",
    "Kabupaten Malang",
    "Kota Denpasar",
    "Kabupaten Karangasem",
)
LINKS = [i for i, m in enumerate(COUNT_MEASURES) if m.startswith("weakest_link:")]
COLUMNS = list(COUNT_MEASURES)


def _vector(bits: int, link: int) -> tuple[int, ...]:
    """A child's vector: the children bit, one weakest link, gap bits from ``bits``."""
    mask = 1
    for position in range(1, len(COUNT_MEASURES)):
        if position not in LINKS and bits >> position & 1:
            mask |= 1 << position
    return (mask | 1 << LINKS[link], 2, 2, 2)


children_st = st.tuples(
    st.sampled_from(DISTRICTS),
    st.builds(_vector, st.integers(0, 2 ** len(COUNT_MEASURES) - 1), st.integers(0, 2)),
)


@st.composite
def two_periods(draw):
    """Records at two period ends: a start, and after a batch of changes in some districts."""
    first = {f"c{i}": draw(children_st) for i in range(draw(st.integers(20, 90)))}
    second = dict(first)
    for number in range(draw(st.integers(0, 30))):
        kind = draw(st.sampled_from(["add", "change", "remove"]))
        if kind == "add":
            second[f"b{number}"] = draw(children_st)
        elif kind == "change":
            second[draw(st.sampled_from(sorted(second)))] = draw(children_st)
        elif len(second) > 1:
            del second[draw(st.sampled_from(sorted(second)))]
    return first, second


def _bases(records) -> dict[str, publication.Basis]:
    bases: dict[str, publication.Basis] = {}
    for child, (district, vector) in records.items():
        bases.setdefault(district, {})[child] = vector
    return bases


class _Attack:
    """The lines of sums of several published tables, with the carried cells as shared unknowns."""

    def __init__(self) -> None:
        self.unknown: dict[tuple, int] = {}
        self.lines: list[dict[int, int]] = []

    def hide(self, cell: tuple) -> None:
        self.unknown.setdefault(cell, len(self.unknown))

    def line(self, cells: list[tuple[tuple, int]]) -> None:
        coefficients: dict[int, int] = {}
        for cell, sign in cells:
            if cell in self.unknown:
                index = self.unknown[cell]
                coefficients[index] = coefficients.get(index, 0) + sign
        self.lines.append(coefficients)

    def solvable(self) -> list[tuple]:
        matrix = [[line.get(i, 0) for i in range(len(self.unknown))] for line in self.lines]
        fixed = _rref_unit_rows(matrix, len(self.unknown))
        return [cell for cell, index in self.unknown.items() if index in fixed]


def _table_lines(attack: _Attack, period: str, kind: str, table: SuppressedTable, members=None):
    """Hide the table's hidden cells and write its lines of sums (columns and row partitions)."""
    groups = [*table.groups, TOTAL]
    for group in groups:
        for column in COLUMNS:
            if table.count_status.at[group, column] != SHOWN:
                attack.hide((period, kind, group, column))
    for column in COLUMNS:
        attack.line(
            [((period, kind, g, column), 1) for g in table.groups]
            + [((period, kind, TOTAL, column), -1)]
        )
    for group in groups:
        attack.line(
            [((period, kind, group, COLUMNS[0]), 1)]
            + [((period, kind, group, COLUMNS[j]), -1) for j in LINKS]
        )
    for province, districts in (members or {}).items():
        for column in COLUMNS:
            attack.line(
                [((period, "district", d, column), 1) for d in districts]
                + [((period, "province", province, column), -1)]
            )


def _known_equal(attack: _Attack, before: tuple, after: tuple, tables) -> None:
    """Say that two cells hold the same number: shown in one, the other is known too."""
    shown = [not cell in attack.unknown for cell in (before, after)]
    if all(shown):
        return
    if any(shown):
        attack.line([(before if shown[1] else after, 1)])
    else:
        attack.line([(before, 1), (after, -1)])


def _members(figures: SuppressedTable) -> dict[str, list[str]]:
    counted = provinces.counted_districts(figures)
    by: dict[str, list[str]] = {}
    for district in counted:
        by.setdefault(provinces.province_of(district), []).append(district)
    return by


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=two_periods(), k=st.sampled_from([3, 5]))
def test_no_hidden_cell_can_be_solved_from_two_publications_together(history, k):
    first, second = history
    rows0 = publication.publish_rows("p0", _bases(first), None, k + 1)
    districts0 = publication.publish_figures(rows0, None, None, k, 1, "district")
    rows1 = publication.publish_rows("p1", _bases(second), rows0, k + 1)
    districts1 = publication.publish_figures(rows1, rows0, districts0, k, 1, "district")
    if not isinstance(districts0, SuppressedTable) or not isinstance(districts1, SuppressedTable):
        return
    provinces0 = provinces.province_figures(rows0, districts0, k)
    provinces1 = provinces.province_figures(
        rows1, districts1, k, previous=provinces.Previous({d: r.basis_period for d, r in rows0.items()}, districts0, provinces0)
    )
    if not isinstance(provinces0, SuppressedTable) or not isinstance(provinces1, SuppressedTable):
        return
    attack = _Attack()
    members = {"p0": _members(districts0), "p1": _members(districts1)}
    _table_lines(attack, "p0", "district", districts0)
    _table_lines(attack, "p0", "province", provinces0, members["p0"])
    _table_lines(attack, "p1", "district", districts1)
    _table_lines(attack, "p1", "province", provinces1, members["p1"])
    carried = {d for d in rows1 if rows0.get(d) == rows1[d]}
    for district in carried & set(districts0.groups) & set(districts1.groups):
        for column in COLUMNS:
            _known_equal(
                attack, ("p0", "district", district, column), ("p1", "district", district, column), None
            )
    for province, districts in members["p1"].items():
        if members["p0"].get(province) == districts and set(districts) <= carried:
            for column in COLUMNS:
                _known_equal(
                    attack,
                    ("p0", "province", province, column),
                    ("p1", "province", province, column),
                    None,
                )
    assert attack.solvable() == []
