"""Publications over consecutive periods, attacked as a hostile planner would.

A district row carried over from one publication to the next holds the same numbers in both. The
attack writes every line of sums of both periods' district tables, says that each carried cell is
the same unknown in both, and solves exactly: no hidden cell of either period can be worked out.
Province figures are published once per period above the district ones, and a province made of the
same district rows keeps its statuses (the store test); the four tables of two periods are attacked
together the same way.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eska_network.districts import provinces, publication
from eska_network.districts.aggregates import COUNT_MEASURES, TOTAL
from eska_network.districts.disclosure import SHOWN, SuppressedTable
from eska_network.services import access, district_views
from eska_network.store import tables

from .access_fixtures import ENGINES, empty_store, fill_agency, principal
from .test_publication import _backdate, _dataset

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
        matrix = np.zeros((len(self.lines), len(self.unknown)), dtype=np.int64)
        for number, line in enumerate(self.lines):
            for index, coefficient in line.items():
                matrix[number, index] = coefficient
        fixed = _unit_rows_mod_p(matrix)
        return [cell for cell, index in self.unknown.items() if index in fixed]


PRIME = 2_147_483_629
"""Row reduction is exact in integers modulo this prime (below 2**31, so products fit int64).

A unit vector lies in the row space over the rationals exactly when it does modulo a prime that
divides none of the system's minors; for these small coefficients a prime this large does not."""


def _unit_rows_mod_p(matrix: np.ndarray) -> set[int]:
    """Unknowns whose value the equations fix: reduced row echelon form modulo :data:`PRIME`."""
    rows = matrix % PRIME
    pivots = []
    top = 0
    for column in range(rows.shape[1]):
        found = np.flatnonzero(rows[top:, column]) if top < len(rows) else []
        if not len(found):
            continue
        pick = top + found[0]
        rows[[top, pick]] = rows[[pick, top]]
        inverse = pow(int(rows[top, column]), PRIME - 2, PRIME)
        rows[top] = rows[top] * inverse % PRIME
        factors = rows[:, column].copy()
        factors[top] = 0
        others = np.flatnonzero(factors)
        rows[others] = (rows[others] - factors[others, None] * rows[top]) % PRIME
        pivots.append((top, column))
        top += 1
    return {column for row, column in pivots if np.count_nonzero(rows[row]) == 1}


def _table_lines(attack: _Attack, period: str, kind: str, table: SuppressedTable):
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


def _known_equal(attack: _Attack, before: tuple, after: tuple) -> None:
    """Say that two cells hold the same number: shown in one, the other is known too."""
    shown = [cell not in attack.unknown for cell in (before, after)]
    if all(shown):
        return
    if any(shown):
        attack.line([(before if shown[1] else after, 1)])
    else:
        attack.line([(before, 1), (after, -1)])


def _carried_lines(attack: _Attack, carried, districts0, districts1) -> None:
    """Say that each district row carried over holds the same numbers in both periods."""
    for district in carried & set(districts0.groups) & set(districts1.groups):
        for column in COLUMNS:
            _known_equal(
                attack, ("p0", "district", district, column), ("p1", "district", district, column)
            )


def _district_attack(history, k):
    """The hidden district cells solvable from two consecutive district publications."""
    first, second = history
    rows0 = publication.publish_rows("p0", _bases(first), None, k + 1)
    districts0 = publication.publish_figures(rows0, None, None, k, 1, "district")
    rows1 = publication.publish_rows("p1", _bases(second), rows0, k + 1)
    districts1 = publication.publish_figures(rows1, rows0, districts0, k, 1, "district")
    if not isinstance(districts0, SuppressedTable) or not isinstance(districts1, SuppressedTable):
        return []
    attack = _Attack()
    _table_lines(attack, "p0", "district", districts0)
    _table_lines(attack, "p1", "district", districts1)
    carried = {d for d in rows1 if rows0.get(d) == rows1[d]}
    _carried_lines(attack, carried, districts0, districts1)
    return attack.solvable()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=two_periods(), k=st.sampled_from([3, 5]))
def test_two_district_publications_together_give_no_hidden_cell_away(history, k):
    assert _district_attack(history, k) == []


# --- in the store, on both engines ---------------------------------------------------------------


@pytest.fixture(params=ENGINES)
def province_store(request, tmp_path):
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        store.import_dataset(_dataset("A", 24, "Kota Bandung"))
        store.import_dataset(_dataset("B", 12, "Kabupaten Indramayu"))
        store.import_dataset(_dataset("C", 20, "Kota Surabaya"))
        store.import_dataset(_dataset("D", 15, "Kabupaten Malang"))
        _backdate(store, 70)
        yield store


def test_province_figures_are_published_once_per_period_and_carried_provinces_keep_theirs(
    province_store,
):
    store = province_store
    planner = principal(store, "planner")
    now = access.utc_now()
    first = district_views.province_aggregates(store, planner, k=5, now=now)
    assert isinstance(first, SuppressedTable)
    assert set(first.groups) == {"Jawa Barat", "Jawa Timur"}
    with store.reading() as connection:
        kinds = connection.execute(
            sa.select(tables.publications.c.kind).where(
                tables.publications.c.period == first.period
            )
        ).scalars()
        assert set(kinds) == {"district", "province"}
    # Saves in the current period change nothing a planner sees, provinces included.
    store.import_dataset(_dataset("E", 30, "Kota Bandung"))
    again = district_views.province_aggregates(store, planner, k=5, now=now)
    assert again.display_counts().equals(first.display_counts())
    # The next period: Jawa Barat's Kota Bandung moved, Jawa Timur is made of the same rows.
    second = district_views.province_aggregates(
        store, planner, k=5, now=now + dt.timedelta(days=40)
    )
    assert second.period != first.period
    assert (
        second.display_counts().loc["Jawa Barat"].ne(first.display_counts().loc["Jawa Barat"]).any()
    )
    assert (
        second.display_counts().loc["Jawa Timur"].equals(first.display_counts().loc["Jawa Timur"])
    )
    assert second.count_status.loc["Jawa Timur"].equals(first.count_status.loc["Jawa Timur"])


# --- provinces over two periods ------------------------------------------------------------------


def _members(districts: SuppressedTable) -> dict[str, list[str]]:
    """The districts each province of a publication adds up."""
    members: dict[str, list[str]] = {}
    for district in provinces.counted_districts(districts):
        members.setdefault(provinces.province_of(district), []).append(district)
    return members


def _publish_hierarchy(history, k):
    """Both periods' district and province tables, each period's districts made first, as the
    store makes them; None when either period has too few children for districts."""
    first, second = history
    rows0 = publication.publish_rows("p0", _bases(first), None, k + 1)
    districts0 = publication.publish_figures(rows0, None, None, k, 1, "district")
    if not isinstance(districts0, SuppressedTable):
        return None
    provinces0 = provinces.province_figures(rows0, districts0, k)
    before = None
    if isinstance(provinces0, SuppressedTable):
        row_periods = {d: r.basis_period for d, r in rows0.items()}
        before = provinces.Previous(row_periods, districts0, provinces0)
    rows1 = publication.publish_rows("p1", _bases(second), rows0, k + 1)
    districts1 = publication.publish_figures(
        rows1, rows0, districts0, k, 1, "district", before.above() if before else None
    )
    if not isinstance(districts1, SuppressedTable):
        return None
    provinces1 = provinces.province_figures(rows1, districts1, k, previous=before)
    carried = {d for d in rows1 if rows0.get(d) == rows1[d]}
    return (("p0", districts0, provinces0), ("p1", districts1, provinces1)), carried


def _hierarchy_attack(published, *, second_hidden: bool = False):
    """The hidden cells solvable from both periods' district and province tables together.

    With ``second_hidden`` every cell of the second period's tables is an unknown: what the first
    period's tables and the rows carried over give away, whatever the second period shows.
    """
    periods, carried = published
    attack = _Attack()
    for period, districts, table in periods:
        tables = [("district", districts)]
        if isinstance(table, SuppressedTable):
            tables.append(("province", table))
        for kind, figures in tables:
            if second_hidden and period == "p1":
                for group in [*figures.groups, TOTAL]:
                    for column in COLUMNS:
                        attack.hide((period, kind, group, column))
            _table_lines(attack, period, kind, figures)
        if not isinstance(table, SuppressedTable):
            continue
        for province, members in _members(districts).items():
            for column in COLUMNS:
                attack.line(
                    [((period, "district", d, column), 1) for d in members]
                    + [((period, "province", province, column), -1)]
                )
    (_, districts0, _), (_, districts1, _) = periods
    _carried_lines(attack, carried, districts0, districts1)
    return attack.solvable()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=two_periods(), k=st.sampled_from([3, 5]))
def test_two_publications_of_districts_and_provinces_together_give_no_hidden_cell_away(history, k):
    """A province is a sum of districts: the district tables are checked against the provinces to
    come above them (and those published above the previous ones), so no hidden district or
    province of either period can be worked out from all four tables, except a cell of the
    second period the first one gave away as a sum of hidden cells before any of the second was
    decided (a province made of districts carried over, whose neighbours were dropped)."""
    published = _publish_hierarchy(history, k)
    if published is None:
        return
    found = set(_hierarchy_attack(published))
    given_before = set(_hierarchy_attack(published, second_hidden=True))
    assert found <= given_before
    assert not {cell for cell in given_before if cell[0] == "p0"}
