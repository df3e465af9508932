"""Which cells of a table of counts to hide: small counts, then every cell that would give one away.

Rules 1 and 2 of :mod:`eska_network.districts.disclosure` on a plain array of counts: a count
under K is hidden, then further cells until no hidden one can be solved from the sums of a column,
of a row's weakest links, or of a chain of them (a bridge of the graph of hidden cells).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from eska_network.districts.aggregates import COUNT_MEASURES, PARTITIONS

SHOWN, SMALL, SECONDARY = "shown", "small", "secondary"
"""Status of a cell: shown, hidden as fewer than K children, hidden to protect another cell."""


def hide_cells(values: np.ndarray, k: int, kept: np.ndarray | None = None) -> np.ndarray:
    """The status of every cell after primary and secondary suppression (rules 1 and 2).

    ``values`` holds a row per group (the total row last) and a column per count measure
    (``children`` first); ``kept`` holds the statuses of pinned cells (None or NaN elsewhere):
    they keep them, and are never picked as a secondary suppression.
    """
    n_rows, n_columns = values.shape
    small_group = values[:, 0] < k
    status = np.full(values.shape, SHOWN, dtype=object)
    status[((values >= 1) & (values < k)) | small_group[:, None]] = SMALL
    free = np.ones(values.shape, dtype=bool)
    if kept is not None:
        free = pd.isna(kept)
        status[~free] = kept[~free]
    block = _two_way_block()
    # A line is (row indices, column indices, position of the line's total in it).
    every_row = np.arange(n_rows)
    column_lines = [(every_row, np.full(n_rows, j), n_rows - 1) for j in range(n_columns)]
    row_lines = [(np.full(len(block), i), np.array(block), 0) for i in range(n_rows)]
    while True:
        changed = False
        for line in column_lines + row_lines:
            rows, cols, _ = line
            if (status[rows, cols] != SHOWN).sum() == 1:
                changed = _hide_one(values, status, free, *line) or changed
        if changed:
            continue
        bridge = first_bridge(status, block)
        if bridge is None:
            return status
        i, j = bridge
        if not (
            _hide_one(values, status, free, *row_lines[i])
            or _hide_one(values, status, free, *column_lines[j])
        ):
            rows, cols = np.meshgrid(every_row, block, indexing="ij")
            if not _hide_one(values, status, free, rows.ravel(), cols.ravel(), -1):
                return status  # every free cell of the block is hidden: no bridge is left


def _hide_one(
    values: np.ndarray,
    status: np.ndarray,
    free: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    total_at: int,
) -> bool:
    """Hide the smallest non-zero shown free cell of a line (a zero only if nothing else is left).

    Cells other than the line's total go first, so that totals stay shown where possible.
    """
    shown = np.flatnonzero((status[rows, cols] == SHOWN) & free[rows, cols])
    if not len(shown):
        return False
    cell_values = values[rows[shown], cols[shown]]
    order = np.lexsort((shown == total_at, cell_values, cell_values == 0))
    pick = shown[order[0]]
    status[rows[pick], cols[pick]] = SECONDARY
    return True


def _two_way_block() -> list[int]:
    """The columns of the one two-way table: the partitioned total, then its parts."""
    ((total, parts),) = PARTITIONS.items()
    columns = list(COUNT_MEASURES)
    return [columns.index(total), *(columns.index(part) for part in parts)]


def first_bridge(status: np.ndarray, block: list[int]) -> tuple[int, int] | None:
    """A hidden cell of the two-way block that lines of sums give away, or None.

    Rows and columns of the block are nodes, hidden cells edges: a cell is determined by the
    lines exactly when its edge lies on no cycle.
    """
    graph = nx.Graph()
    rows, positions = np.nonzero(status[:, block] != SHOWN)
    graph.add_edges_from(
        (("row", int(i)), ("column", int(p))) for i, p in zip(rows, positions, strict=True)
    )
    for u, v in nx.bridges(graph):
        row, column = (u, v) if u[0] == "row" else (v, u)
        return row[1], block[column[1]]
    return None
