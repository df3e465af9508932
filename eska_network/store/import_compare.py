"""Comparing an import's rows with the stored ones: what is new, what changed, what conflicts.

Rows equal to stored ones are dropped (an import is idempotent); a stored tie or assessment row
with other values for the same date is a conflict named by file, row and column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import sqlalchemy as sa

from eska_network.domain import io, schema, table_codes
from eska_network.domain.schema import FileSpec
from eska_network.i18n import Joined, Said, say
from eska_network.store import frames, tables
from eska_network.store.frames import EXTRA, REMOVED_ON


@dataclass(frozen=True)
class Upsert:
    """Incoming rows of one table split into new and changed (unchanged ones are dropped)."""

    new: pd.DataFrame
    changed: pd.DataFrame


MEMBER_KEY = ["child_id", "member_id"]
_TIE_KEY = ["child_id", "pair_low", "pair_high", "assessed_on"]


def incoming_rows(spec: FileSpec, table: pd.DataFrame, skip: Sequence[str] = ()) -> pd.DataFrame:
    """A Dataset table as database values (compact columns) with ``extra`` as JSON."""
    extras = [name for name in frames.extra_columns(spec, table) if name not in skip]
    return frames.db_frame(spec, table, extras)


def member_columns(table: pd.DataFrame, problems: list[io.Problem]) -> pd.DataFrame:
    rows = incoming_rows(schema.MEMBERS, table, skip=(REMOVED_ON,))
    rows[REMOVED_ON] = None
    if REMOVED_ON in table:
        text = table[REMOVED_ON]
        dates = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        for position in np.flatnonzero((text.notna() & dates.isna()).to_numpy()):
            problems.append(
                io.Problem.of(
                    schema.MEMBERS.name,
                    int(position) + 2,
                    REMOVED_ON,
                    say("validation.bad_date", cell=f"'{text.iloc[position]}'"),
                )
            )
        rows[REMOVED_ON] = dates.dt.strftime("%Y-%m-%d").astype("str")
    return rows


def tie_columns(table: pd.DataFrame, problems: list[io.Problem]) -> pd.DataFrame:
    rows = incoming_rows(schema.TIES, table)
    low, high = _pair(rows["source"], rows["target"])
    rows.insert(1, "pair_low", low)
    rows.insert(2, "pair_high", high)
    duplicated = rows.duplicated(_TIE_KEY, keep="first").to_numpy()
    for position in np.flatnonzero(duplicated):
        row = rows.iloc[position]
        problems.append(
            io.Problem.of(
                schema.TIES.name,
                int(position) + 2,
                None,
                say(
                    "validation.tie_row_twice",
                    a=row["source"],
                    b=row["target"],
                    child=row["child_id"],
                    day=row["assessed_on"],
                ),
            )
        )
    return rows


def _pair(source: pd.Series, target: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The lower and the higher id of each tie's two ends (an undirected tie's key).

    Ends held as integer codes stay so: both are coded anew over their sorted ids together, so
    that comparing codes compares ids.
    """
    if not all(isinstance(end.dtype, pd.CategoricalDtype) for end in (source, target)):
        source, target = table_codes.as_text(source), table_codes.as_text(target)
        in_order = (source <= target).to_numpy()
        return source.where(in_order, target), target.where(in_order, source)
    ids = pd.CategoricalDtype(
        pd.Index(sorted({*source.cat.categories, *target.cat.categories}), dtype="str")
    )
    first = source.astype(ids).cat.codes.to_numpy()
    second = target.astype(ids).cat.codes.to_numpy()
    in_order = first <= second

    def coded(codes: np.ndarray) -> pd.Series:
        return pd.Series(pd.Categorical.from_codes(codes, dtype=ids), index=source.index)

    return coded(np.where(in_order, first, second)), coded(np.where(in_order, second, first))


def stored_rows(
    connection: sa.Connection,
    table: sa.Table,
    names: Sequence[str],
    child_ids: Sequence[str] | None,
    *,
    lock: bool = False,
) -> pd.DataFrame:
    names = [name for name in names if name in table.c]
    if lock and connection.dialect.name == "postgresql":
        # Rows are locked so that a save in between cannot reuse the revision numbers below.
        frames.lock_children(connection, child_ids or [])
    columns = [*names, "revision"] if table is tables.children else names
    rows = frames.fetch_rows(connection, table, columns, child_ids)
    return pd.DataFrame.from_records(rows, columns=columns)


def _canonical(frame: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """Values as text, so that a date read back as a string compares equal to a date.

    Whole numbers go through Int64 first: a column read back with a missing value is float.
    """
    columns = {}
    for name in names:
        values = frame[name]
        if name in _WHOLE_NUMBERS:
            values = pd.to_numeric(values).astype("Int64")
        columns[name] = values.astype(object).where(values.notna(), "\0").astype(str)
    return pd.DataFrame(columns, index=frame.index)


_WHOLE_NUMBERS = {c.name for spec in schema.FILES for c in spec.columns if c.kind == "int"}


def upsert_rows(incoming: pd.DataFrame, stored: pd.DataFrame, key: list[str]) -> Upsert:
    compared = [name for name in incoming.columns if name not in key]
    left = _canonical(incoming, incoming.columns)
    right = _canonical(stored, [*key, *compared]) if len(stored) else None
    if right is None:
        return Upsert(new=incoming, changed=incoming.iloc[:0])
    merged = left.merge(right, on=key, how="left", suffixes=("", "_stored"), indicator=True)
    merged.index = incoming.index
    is_new = (merged["_merge"] == "left_only").to_numpy()
    differs = np.zeros(len(merged), dtype=bool)
    for name in compared:
        differs |= (merged[name] != merged[f"{name}_stored"]).to_numpy()
    return Upsert(new=incoming[is_new], changed=incoming[~is_new & differs])


def new_ties_of(
    connection: sa.Connection,
    incoming: pd.DataFrame,
    child_ids: list[str],
    problems: list[io.Problem],
) -> tuple[pd.DataFrame, int]:
    """The tie rows not stored yet, and how many were; a different stored row is a problem."""
    compared = [c.name for c in schema.TIES.columns if c.name not in ("child_id", "assessed_on")]
    compared = [name for name in compared if name not in ("source", "target")] + [EXTRA]
    stored = stored_rows(connection, tables.ties, [*_TIE_KEY, *compared], child_ids)
    if stored.empty:
        return incoming, 0
    left = _canonical(incoming, [*_TIE_KEY, *compared])
    right = _canonical(stored, [*_TIE_KEY, *compared])
    merged = left.reset_index().merge(right, on=_TIE_KEY, how="inner", suffixes=("", "_stored"))
    differs = {name: (merged[name] != merged[f"{name}_stored"]).to_numpy() for name in compared}
    any_differs = np.logical_or.reduce(list(differs.values()))
    for at in np.flatnonzero(any_differs):
        row = merged.iloc[at]
        differences = Joined(
            tuple(
                _difference(name, row[name], row[f"{name}_stored"])
                for name in compared
                if differs[name][at]
            ),
            "; ",
        )
        position = incoming.index.get_loc(row["index"])
        tie = incoming.iloc[position]
        problems.append(
            io.Problem.of(
                schema.TIES.name,
                position + 2,
                None,
                say(
                    "validation.tie_stored_otherwise",
                    a=tie["source"],
                    b=tie["target"],
                    child=tie["child_id"],
                    day=tie["assessed_on"],
                    differences=differences,
                ),
            )
        )
    matched = incoming.index.isin(merged["index"])
    return incoming[~matched], int(matched.sum())


_ASSESSMENT_KEY = ["child_id", "assessed_on"]


def new_assessments_of(
    connection: sa.Connection,
    incoming: pd.DataFrame,
    child_ids: list[str],
    problems: list[io.Problem],
) -> tuple[pd.DataFrame, int]:
    """The assessment rows not stored yet, and how many were; a different stored row is a
    problem (an assessment's record is never overwritten: a change is a later assessment)."""
    compared = [c.name for c in schema.ASSESSMENTS.columns if c.name not in _ASSESSMENT_KEY]
    compared.append(EXTRA)
    stored = stored_rows(connection, tables.assessments, [*_ASSESSMENT_KEY, *compared], child_ids)
    if stored.empty:
        return incoming, 0
    left = _canonical(incoming, [*_ASSESSMENT_KEY, *compared])
    right = _canonical(stored, [*_ASSESSMENT_KEY, *compared])
    merged = left.reset_index().merge(right, on=_ASSESSMENT_KEY, how="inner", suffixes=("", "_s"))
    for at in range(len(merged)):
        row = merged.iloc[at]
        differences = [
            _difference(name, row[name], row[f"{name}_s"])
            for name in compared
            if row[name] != row[f"{name}_s"]
        ]
        if differences:
            problems.append(
                io.Problem.of(
                    schema.ASSESSMENTS.name,
                    incoming.index.get_loc(row["index"]) + 2,
                    None,
                    say(
                        "validation.assessment_stored_otherwise",
                        child=row["child_id"],
                        day=row["assessed_on"],
                        differences=Joined(tuple(differences), "; "),
                    ),
                )
            )
    matched = incoming.index.isin(merged["index"])
    return incoming[~matched], int(matched.sum())


def _shown(text: str) -> str | Said:
    return say("validation.empty_value") if text in ("\0", "") else repr(text)


def _difference(column: str, here: str, stored: str) -> Said:
    return say("validation.difference", column=column, here=_shown(here), stored=_shown(stored))
