"""Provinces above districts, attacked as a hostile planner would: no hidden cell of the district
table or the province table can be worked out from the two together."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from eska_network.districts import provinces, publication
from eska_network.districts.aggregates import COUNT_MEASURES, TOTAL
from eska_network.districts.cell_hiding import SHOWN
from eska_network.districts.disclosure import SuppressedTable
from eska_network.domain import gap_table, synth


def _published(children: int, districts: int, seed: int, k: int, base: int = 1):
    dataset = synth.generate(children, districts=districts, seed=seed)
    bases = publication.row_bases(
        gap_table.gap_table(dataset), dataset.children["district"].tolist()
    )
    rows = publication.publish_rows("2026-10", bases, None, k + 1)
    figures = publication.publish_figures(rows, None, None, k, base, "district")
    assert isinstance(figures, SuppressedTable)
    return rows, figures


def _exact_values(rows, figures):
    """The true counts of both tables, unsuppressed and unrounded."""
    districts = publication.aggregate_rows(rows, "district").counts
    counted = {d: rows[d] for d in provinces.counted_districts(figures)}
    by_province = publication.aggregate_rows(provinces.province_rows(counted), "province").counts
    return districts.loc[[*figures.groups, TOTAL]], by_province.drop(index=TOTAL)


def _rref_unit_rows(matrix: list[list[int]], n: int) -> set[int]:
    """Unknowns whose value the equations fix: exact row reduction over the rationals."""
    rows = [[Fraction(x) for x in row] for row in matrix if any(row)]
    pivot_row = 0
    pivots = []
    for column in range(n):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][column] != 0), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        lead = rows[pivot_row][column]
        rows[pivot_row] = [x / lead for x in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivots.append((pivot_row, column))
        pivot_row += 1
    return {column for row, column in pivots if sum(1 for x in rows[row] if x != 0) == 1}


def _solvable_cells(figures: SuppressedTable, by_province: SuppressedTable) -> list:
    """Every hidden cell a hostile planner can solve, by an independent exact computation."""
    groups = [*figures.groups, TOTAL]
    d_hidden = figures.count_status.loc[groups, list(COUNT_MEASURES)].to_numpy() != SHOWN
    p_groups = [*by_province.groups, TOTAL]
    p_hidden = by_province.count_status.loc[p_groups, list(COUNT_MEASURES)].to_numpy() != SHOWN
    unknown = {}
    for i, j in zip(*np.nonzero(d_hidden), strict=True):
        unknown[("d", int(i), int(j))] = len(unknown)
    for i, j in zip(*np.nonzero(p_hidden), strict=True):
        unknown[("p", int(i), int(j))] = len(unknown)
    members = [
        [
            i
            for i, d in enumerate(figures.groups)
            if provinces.province_of(d) == p and d in provinces.counted_districts(figures)
        ]
        for p in p_groups[:-1]
    ]
    equations = []

    def line(cells):
        row = [0] * len(unknown)
        for cell, sign in cells:
            if cell in unknown:
                row[unknown[cell]] += sign
        equations.append(row)

    last = len(groups) - 1
    columns = list(COUNT_MEASURES)
    for j in range(len(columns)):
        line([(("d", i, j), 1) for i in range(last)] + [(("d", last, j), -1)])
        line([(("p", p, j), 1) for p in range(len(members))] + [(("p", len(members), j), -1)])
        for p, rows in enumerate(members):
            line([(("d", i, j), 1) for i in rows] + [(("p", p, j), -1)])
    parts = [columns.index(c) for c in columns if c.startswith("weakest_link:")]
    for kind, n in (("d", len(groups)), ("p", len(p_groups))):
        for i in range(n):
            line([((kind, i, 0), 1)] + [((kind, i, j), -1) for j in parts])
    fixed = _rref_unit_rows(equations, len(unknown))
    return [cell for cell, index in unknown.items() if index in fixed]


@pytest.mark.parametrize(("children", "districts", "seed", "k"), [(300, 12, 1, 10), (120, 8, 2, 5)])
def test_no_hidden_cell_can_be_solved_from_districts_and_provinces_together(
    children, districts, seed, k
):
    rows, figures = _published(children, districts, seed, k)
    by_province = provinces.province_figures(rows, figures, k)
    assert isinstance(by_province, SuppressedTable)
    hidden = (figures.count_status != SHOWN).to_numpy().sum()
    assert hidden > 0  # the attack has something to find
    assert _solvable_cells(figures, by_province) == []


def test_a_province_minus_its_shown_districts_never_gives_a_hidden_district():
    rows, figures = _published(300, 12, 3, 10)
    by_province = provinces.province_figures(rows, figures, 10)
    true_districts, true_provinces = _exact_values(rows, figures)
    counted = provinces.counted_districts(figures)
    for province in by_province.groups:
        members = [d for d in counted if provinces.province_of(d) == province]
        for measure in COUNT_MEASURES:
            hidden = [d for d in members if figures.count_status.at[d, measure] != SHOWN]
            if by_province.count_status.at[province, measure] == SHOWN:
                # The subtraction a hostile planner tries: it needs exactly one hidden district.
                assert len(hidden) != 1, (province, measure)
                assert (
                    by_province.counts.at[province, measure]
                    == (true_provinces.at[province, measure])
                )
    # And the province figures are the sums of the counted districts' true counts.
    assert (true_provinces.sum() == true_districts.loc[counted].sum()).all()


def test_the_district_figures_are_never_changed_by_the_provinces():
    rows, figures = _published(300, 12, 4, 10)
    before = figures.count_status.copy()
    provinces.province_figures(rows, figures, 10)
    assert figures.count_status.equals(before)


def test_small_provinces_are_hidden_and_small_districts_are_left_out():
    rows, figures = _published(200, 12, 5, 10, base=5)
    by_province = provinces.province_figures(rows, figures, 10, 5)
    assert by_province.by == "province"
    left_out = set(figures.groups) - set(provinces.counted_districts(figures))
    assert left_out and all(figures.count_status.at[d, "children"] != SHOWN for d in left_out)
    children = by_province.counts["children"]
    for province in by_province.groups:
        status = by_province.count_status.at[province, "children"]
        if status == SHOWN:
            assert children[province] % 5 == 0 and children[province] >= 10
    _, true_provinces = _exact_values(rows, figures)
    small = true_provinces.index[true_provinces["children"] < 10]
    assert (by_province.count_status.loc[list(small)] != SHOWN).all().all()


def test_an_unknown_district_is_counted_under_an_unknown_province():
    assert provinces.province_of("Kabupaten Sintetis 3") == provinces.UNKNOWN_PROVINCE
    assert all(provinces.province_of(d) != provinces.UNKNOWN_PROVINCE for d in synth.REAL_DISTRICTS)
