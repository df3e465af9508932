"""What a reader holding several published tables can work out from them together, and the extra
cells to hide so that no hidden cell can be.

A reader holds the published tables of one or more periods: the district table and, above it,
the province table. Every shown cell is a known number, every hidden cell an unknown, and the
tables obey lines of sums: each column adds up to its total row, the ``weakest_link`` counts of a
row add up to its ``children``, a province adds up its counted districts, and a row carried over
from one publication to the next holds the same numbers in both. A hidden cell is *solvable*
when those lines fix it, i.e. when every solution of the homogeneous system is zero there (a rank
test, so chains of subtractions are caught too). :func:`hide_until_safe` hides free cells of the
newest tables, one at a time, until no hidden cell of any table is solvable.

The lines only tie cells of one column together, except the row partitions, so the system falls
apart into one small system per column outside the partition and one for the partition's
columns: each is solved on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from eska_network.districts.aggregates import COUNT_MEASURES, PARTITIONS, TOTAL
from eska_network.districts.cell_hiding import SECONDARY, SHOWN

UNPUBLISHED = "unpublished"
"""The status of a cell of a table not published yet: unknown to a reader, and not protected (it
is there for its lines of sums)."""

Cell = tuple[str, str, str, str]
"""A cell of a published table: (period, table name, group, measure)."""


@dataclass(frozen=True)
class Published:
    """One published table as a reader holds it: which cells are hidden, and their values."""

    period: str
    name: str
    status: pd.DataFrame
    """The count statuses, one row per group then the total row, one column per count measure."""
    values: pd.DataFrame | None = None
    """The true counts of a table still being decided (to hide the smallest cell first)."""

    @property
    def groups(self) -> list[str]:
        return [group for group in self.status.index if group != TOTAL]


Solved = dict[tuple, list[Cell]]
"""The cells each part of a system fixes, by the part's equations: a part no cut touched since
the last solve is not solved again."""


def solvable(
    tables: Sequence[Published],
    members: Mapping[str, Mapping[str, Sequence[str]]],
    same: Iterable[tuple[Cell, Cell]],
    solved: Solved | None = None,
) -> list[Cell]:
    """The hidden cells of ``tables`` their lines of sums fix.

    Parameters
    ----------
    tables
        The tables a reader holds.
    members
        By period, the districts each province of that period's ``"province"`` table adds up.
    same
        Pairs of cells known to hold the same number (a row carried over between periods).
    solved
        The parts solved before, kept between calls on changing tables (:data:`Solved`).
    """
    lines = _every_line(tables, members, same)
    with _one_blas_thread():
        return _fixed(_hidden(tables), lines, {} if solved is None else solved)


def _one_blas_thread() -> threadpool_limits:
    """Linear algebra on one thread: the parts are a few hundred lines, and BLAS threads only
    contend with each other and with the app's sessions (4x slower on 2 busy cores, bench/)."""
    return threadpool_limits(limits=1, user_api="blas")


def _hidden(tables: Sequence[Published]) -> set[Cell]:
    return {
        (table.period, table.name, group, measure)
        for table in tables
        for group, measure in _hidden_cells(table)
    }


def _every_line(tables, members, same: Iterable[tuple[Cell, Cell]]) -> list:
    """The lines of sums of the tables and the pairs of cells holding the same number."""
    return [*_lines(tables, members), *([(before, 1), (after, -1)] for before, after in same)]


def hide_until_safe(
    tables: Sequence[Published],
    members: Mapping[str, Mapping[str, Sequence[str]]],
    same: Iterable[tuple[Cell, Cell]],
    free: Mapping[tuple[str, str], np.ndarray],
) -> dict[tuple[str, str], pd.DataFrame]:
    """The statuses of the tables being decided, with free cells hidden until no protected cell
    of any table is solvable.

    ``free[(period, name)]`` marks the cells of that table that may be hidden or shown; the
    tables named in ``free`` are the ones being decided, the others are published already.
    Every hidden cell is protected except an :data:`UNPUBLISHED` one and a free cell hidden only
    to protect another (``secondary``): one of those the lines fix anyway is shown at the end,
    as it tells a reader nothing the lines did not. A solvable protected cell is cut at its own
    column first (the smallest non-zero free shown cell of that column, in a table of its name
    first), else anywhere. With every free cell hidden, the tables being decided fix nothing the
    published ones did not, so the loop ends.
    """
    same = list(same)
    deciding = {
        (t.period, t.name): Published(t.period, t.name, t.status.copy(), t.values)
        for t in tables
        if (t.period, t.name) in free
    }
    tables = [deciding.get((t.period, t.name), t) for t in tables]
    unpublished = {
        (t.period, t.name, group, measure)
        for t in tables
        for group, measure in _hidden_cells(t)
        if t.status.at[group, measure] == UNPUBLISHED
    }

    def revealable(cell: Cell) -> bool:
        period, name, group, measure = cell
        table = deciding.get((period, name))
        if table is None or table.status.at[group, measure] != SECONDARY:
            return False
        return bool(free[(period, name)][_position(table, group, measure)])

    settled = set(_unavoidable(tables, members, same, free)) | unpublished
    solved: Solved = {}
    lines = _every_line(tables, members, same)  # hiding cells changes no table's shape
    while True:
        with _one_blas_thread():
            found = _fixed(_hidden(tables), lines, solved)
        exposed = [cell for cell in found if not revealable(cell) and cell not in settled]
        if not exposed:
            for period, name, group, measure in found:
                if revealable((period, name, group, measure)):
                    deciding[(period, name)].status.at[group, measure] = SHOWN
            return {key: table.status for key, table in deciding.items()}
        # One cut per part of the system at a time: the parts are solved apart, so cutting one
        # cell in each is what cutting them one after the other would do, in one solve.
        first_of_part = {_part(cell): cell for cell in reversed(exposed)}
        for cell in first_of_part.values():
            pick = _cut(cell, deciding, free)
            if pick is None:
                settled.add(cell)  # cannot happen: with every free cell hidden it is unavoidable
                continue
            key, group, measure = pick
            deciding[key].status.at[group, measure] = SECONDARY


def _unavoidable(tables, members, same, free) -> list[Cell]:
    """The cells solvable even with every free cell hidden: hiding more cannot help them (they
    are given away by the tables published before, which were protected on their own)."""
    hidden_all = []
    for table in tables:
        key = (table.period, table.name)
        if key in free:
            status = table.status.copy()
            status[pd.DataFrame(free[key], index=status.index, columns=status.columns)] = SECONDARY
            table = Published(table.period, table.name, status, table.values)
        hidden_all.append(table)
    return solvable(hidden_all, members, same)


def _part(cell: Cell) -> str:
    """The part of the system a cell belongs to: its column, or the partition's columns."""
    ((whole, parts),) = PARTITIONS.items()
    return "partition" if cell[3] in (whole, *parts) else cell[3]


def _position(table: Published, group: str, measure: str) -> tuple[int, int]:
    return table.status.index.get_loc(group), COUNT_MEASURES.index(measure)


def _cut(cell: Cell, deciding: Mapping[tuple[str, str], Published], free):
    """The free shown cell to hide for a solvable cell, as (table key, group, measure), or None."""
    _, name, _, measure = cell
    keys = sorted(deciding, key=lambda key: key[1] != name)
    for columns in ([measure], list(COUNT_MEASURES)):
        positions = [COUNT_MEASURES.index(column) for column in columns]
        for key in keys:
            table = deciding[key]
            assert table.values is not None  # a table being decided has its counts
            status = table.status[columns].to_numpy()
            rows, cols = np.nonzero((status == SHOWN) & free[key][:, positions])
            if not len(rows):
                continue
            values = table.values[columns].to_numpy()[rows, cols]
            best = np.lexsort((values, values == 0))[0]
            return key, table.status.index[rows[best]], columns[cols[best]]
    return None


def _hidden_cells(table: Published) -> Iterable[tuple[str, str]]:
    """The (group, measure) of every hidden cell of ``table``."""
    rows, cols = np.nonzero(table.status.to_numpy() != SHOWN)
    groups = table.status.index.to_numpy(dtype=object)[rows].tolist()
    measures = table.status.columns.to_numpy(dtype=object)[cols].tolist()
    return zip(groups, measures, strict=True)


def _lines(tables: Sequence[Published], members):
    """Every line of sums of the tables, as lists of (cell, sign) adding up to zero."""
    ((whole, parts),) = PARTITIONS.items()
    for table in tables:
        key = (table.period, table.name)
        for measure in COUNT_MEASURES:
            yield [((*key, group, measure), 1) for group in table.groups] + [
                ((*key, TOTAL, measure), -1)
            ]
        for group in table.status.index:
            yield [((*key, group, whole), 1)] + [((*key, group, part), -1) for part in parts]
    for period, provinces in members.items():
        for province, districts in provinces.items():
            for measure in COUNT_MEASURES:
                yield [((period, "district", d, measure), 1) for d in districts] + [
                    ((period, "province", province, measure), -1)
                ]


def _fixed(hidden: set[Cell], lines: list[list[tuple[Cell, int]]], solved: Solved) -> list[Cell]:
    """The hidden cells the lines fix, solved one connected part of the system at a time (a part
    found in ``solved`` is not solved again; each part solved is added to it)."""
    equations = [
        [(cell, sign) for cell, sign in line if cell in hidden]
        for line in lines
        if any(cell in hidden for cell, _ in line)
    ]
    parent = {cell: cell for cell in hidden}

    def root(cell: Cell) -> Cell:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for equation in equations:
        first = root(equation[0][0])
        for cell, _ in equation[1:]:
            parent[root(cell)] = first
    parts: dict[Cell, list[list[tuple[Cell, int]]]] = {}
    for equation in equations:
        parts.setdefault(root(equation[0][0]), []).append(equation)
    fixed: list[Cell] = []
    for part in parts.values():
        key = tuple(sorted(tuple(sorted(equation)) for equation in part))
        if key not in solved:
            solved[key] = _fixed_in_part(part)
        fixed.extend(solved[key])
    return sorted(fixed)


def _fixed_in_part(part: list[list[tuple[Cell, int]]]) -> list[Cell]:
    """The cells one connected part of the system fixes."""
    cells = sorted({cell for equation in part for cell, _ in equation})
    index = {cell: i for i, cell in enumerate(cells)}
    matrix = np.zeros((len(part), len(cells)))
    for number, equation in enumerate(part):
        for cell, sign in equation:
            matrix[number, index[cell]] += sign
    # A cell is fixed when its unit vector lies in the row space: its squared length there (on
    # the right singular vectors of the rank) is one.
    _, singular, right = np.linalg.svd(matrix, full_matrices=False)
    rank = int((singular > 1e-9 * max(singular.max(), 1.0)).sum())
    free = (right[:rank] ** 2).sum(axis=0) < 1 - 1e-6  # near one counts as fixed: the safe side
    return [cell for cell, i in index.items() if not free[i]]
