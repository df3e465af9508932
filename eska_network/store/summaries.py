"""The stored gap summaries: one row per child, recomputed in the transaction that changes it.

Each child's caseload score (:mod:`eska_network.store.scores`) and its vector for the planners'
published figures (:mod:`eska_network.store.vectors`) are written with its summary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import sqlalchemy as sa

from eska_network.domain import gap_table, gaps, summary
from eska_network.domain.model import ChildSystem, Dataset
from eska_network.store import frames, reading, scores, tables, vectors

WRITE_CHUNK = 100_000
"""Children whose summaries, scores and vectors are turned into Python values and written at a
time: a million children's reasons in every language at once were gigabytes."""


def recompute(
    connection: sa.Connection,
    child_ids: Sequence[str],
    stored: Dataset | None = None,
    *,
    kept: bool = True,
    fresh: bool = False,
) -> int:
    """Replace the summaries of ``child_ids`` by a fresh bulk computation (gap_table.gap_table).

    ``stored`` is a data set holding exactly what the store holds for these children, when the
    caller has one; otherwise they are read back. ``kept`` false leaves the scores and vectors
    alone: for a migration older than their tables (the migration that adds them computes them).
    ``fresh`` says the children are new to the store (no summary, score or vector to remove).
    """
    if not child_ids:
        return 0
    if not fresh:
        _delete(connection, child_ids)
    if stored is None:
        stored = reading.load_dataset(connection, child_ids)
    table = gap_table.gap_table(stored)
    table = table[table["child_id"].isin(set(child_ids))]
    written = 0
    for start in range(0, len(table), WRITE_CHUNK):
        chunk = table.iloc[start : start + WRITE_CHUNK]
        columns = {
            name: frames.python_values(chunk[name], "date" if kind == "date" else kind)
            for name, kind in summary.SUMMARY_COLUMNS.items()
        }
        if kept:
            scores.replace(connection, chunk, fresh=fresh)
            vectors.replace_current(connection, chunk, fresh=fresh)
        written += frames.insert_rows(connection, tables.gap_summaries, columns)
    return written


def store_one(connection: sa.Connection, system: ChildSystem) -> None:
    """Replace one child's summary by ``gaps.summary_row`` of its record."""
    row = gaps.summary_row(gaps.child_gaps(system), system)
    _delete(connection, [system.child.child_id])
    connection.execute(tables.gap_summaries.insert(), [_plain(row)])
    frame = pd.DataFrame([_plain(row)])
    scores.replace(connection, frame)
    vectors.replace_current(connection, frame)


def _plain(row: Mapping[str, object]) -> dict[str, object]:
    return {name: row[name] for name in summary.SUMMARY_COLUMNS}


def _delete(connection: sa.Connection, child_ids: Sequence[str]) -> None:
    table = tables.gap_summaries
    ids = list(child_ids)
    for start in range(0, len(ids), frames.CHUNK):
        connection.execute(
            table.delete().where(table.c.child_id.in_(ids[start : start + frames.CHUNK]))
        )


def read(connection: sa.Connection, child_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The stored summaries, one row per child sorted by child id, typed by their kind."""
    names = list(summary.SUMMARY_COLUMNS)
    rows = frames.fetch_rows(connection, tables.gap_summaries, names, child_ids, ["child_id"])
    raw = pd.DataFrame.from_records(rows, columns=names)
    raw["as_of"] = pd.to_datetime(raw["as_of"], format="ISO8601")
    return summary.summary_table({name: raw[name] for name in names})
