"""``db check``: every figure kept at save time, recomputed from the record rows and compared.

The store keeps, per child, a gap summary, a caseload score and the vector of the planners'
published figures (:mod:`eska_network.store.summaries`, :mod:`eska_network.store.scores`,
:mod:`eska_network.store.vectors`, the last for the current revision), each written in the
transaction of the save, import, restore or recomputation that changed the child. This module
recomputes them from the children, members, ties and assessments as stored, a slice of children
at a time (memory stays flat in the store's size), and names every child whose stored figures
differ, and every figure without a child or child without figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import sqlalchemy as sa

from eska_network.districts.publication import vectors as vectors_of
from eska_network.domain import gap_table, summary
from eska_network.store import reading, scores, summaries, tables, vectors
from eska_network.store.core import Store

SLICE = 20_000
"""Children recomputed at once: bounds the memory of a check of a national store."""


@dataclass(frozen=True)
class Difference:
    """One figure that differs from its recomputation: which child, which table and column."""

    child_id: str
    table: str
    column: str
    stored: object
    recomputed: object

    def describe(self) -> str:
        """The difference in one line."""
        return (
            f"{self.table}: child {self.child_id}, {self.column}: stored {self.stored!r}, "
            f"recomputed {self.recomputed!r}"
        )


def check(store: Store, slice_size: int = SLICE) -> tuple[int, list[Difference]]:
    """The number of children checked and every difference found (empty: all figures agree)."""
    with store.reading() as connection:
        ids = list(
            connection.execute(
                sa.select(tables.children.c.child_id).order_by(tables.children.c.child_id)
            ).scalars()
        )
        differences = _orphans(connection, set(ids))
        for start in range(0, len(ids), slice_size):
            differences += _check_slice(connection, ids[start : start + slice_size])
    return len(ids), differences


def _orphans(connection: sa.Connection, ids: set[str]) -> list[Difference]:
    found = []
    for table in (tables.gap_summaries, tables.child_scores):
        stored = set(connection.execute(sa.select(table.c.child_id)).scalars())
        found += [
            Difference(child, table.name, "child_id", "missing", "a row")
            for child in sorted(ids - stored)
        ]
        found += [
            Difference(child, table.name, "child_id", "a row", "no such child")
            for child in sorted(stored - ids)
        ]
    return found


def _check_slice(connection: sa.Connection, ids: list[str]) -> list[Difference]:
    fresh = gap_table.gap_table(reading.load_dataset(connection, ids))
    fresh = fresh[fresh["child_id"].isin(set(ids))]
    stored = summaries.read(connection, ids)
    found = _compare(tables.gap_summaries.name, stored, fresh, list(summary.SUMMARY_COLUMNS))
    stored_scores = _stored_scores(connection, ids)
    fresh_scores = pd.DataFrame(scores.score_columns(fresh))
    found += _compare(
        tables.child_scores.name, stored_scores, fresh_scores, list(scores.SCORE_COLUMNS)
    )
    return found + _check_vectors(connection, ids, fresh)


def _check_vectors(
    connection: sa.Connection, ids: list[str], fresh: pd.DataFrame
) -> list[Difference]:
    """The vector of each child's current revision, and its district, against the rows."""
    stored = vectors.read_current(connection, ids)
    name = tables.child_vectors.name
    found = [
        Difference(child, name, "revision", "missing", "the current revision")
        for child in sorted(set(ids) - set(stored["child_id"]))
    ]
    kids = tables.children
    current = {}
    for start in range(0, len(ids), 900):
        query = sa.select(kids.c.child_id, kids.c.district).where(
            kids.c.child_id.in_(ids[start : start + 900])
        )
        current.update({row.child_id: row.district for row in connection.execute(query)})
    recomputed = pd.DataFrame(
        {
            "child_id": fresh["child_id"].astype(str).to_numpy(),
            "district": [current[str(child)] for child in fresh["child_id"]],
            "vector": [vectors.vector_text(v) for v in vectors_of(fresh)],
        }
    )
    return found + _compare(name, stored, recomputed, ["child_id", "district", "vector"])


def _stored_scores(connection: sa.Connection, ids: list[str]) -> pd.DataFrame:
    names = list(scores.SCORE_COLUMNS)
    table = tables.child_scores
    rows: list[sa.Row] = []
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        query = sa.select(*(table.c[name] for name in names)).where(table.c.child_id.in_(chunk))
        rows += connection.execute(query).all()
    return pd.DataFrame.from_records(rows, columns=names)


def _compare(
    name: str, stored: pd.DataFrame, fresh: pd.DataFrame, columns: list[str]
) -> list[Difference]:
    """Every cell of ``stored`` that differs from ``fresh``, for the children both hold."""
    left = stored.set_index(stored["child_id"].astype(str))
    right = fresh.set_index(fresh["child_id"].astype(str))
    common = left.index.intersection(right.index)
    found = []
    for column in columns[1:]:
        a = left.loc[common, column]
        b = right.loc[common, column]
        if column == "as_of":
            a, b = pd.to_datetime(a), pd.to_datetime(b)
        same = (a.isna() & b.isna()) | (a.astype(object) == b.astype(object)).fillna(False)
        for child in common[~same.to_numpy(dtype=bool)]:
            found.append(Difference(child, name, column, _plain(a[child]), _plain(b[child])))
    return found


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    return value
