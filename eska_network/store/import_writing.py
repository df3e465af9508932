"""Writing an import's new and changed rows, chunk by chunk, with each child's new revision."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import sqlalchemy as sa

from eska_network.store import frames, tables
from eska_network.store.import_compare import MEMBER_KEY, Upsert


def next_revisions(
    children: Upsert,
    members: Upsert,
    new_ties: pd.DataFrame,
    new_assessments: pd.DataFrame,
    stored_children: pd.DataFrame,
) -> pd.Series:
    """The new revision of every child the import changes, by child id."""
    touched = (
        set(children.new["child_id"].unique())
        | set(children.changed["child_id"].unique())
        | set(members.new["child_id"].unique())
        | set(members.changed["child_id"].unique())
        | set(new_ties["child_id"].unique())
        | set(new_assessments["child_id"].unique())
    )
    current = (
        stored_children.set_index("child_id")["revision"]
        if len(stored_children)
        else pd.Series(dtype=object)
    )
    ids = sorted(touched)
    return pd.Series(
        [int(current[child_id]) + 1 if child_id in current.index else 1 for child_id in ids],
        index=ids,
        dtype=object,
    )


def write_rows(
    connection: sa.Connection,
    children: Upsert,
    members: Upsert,
    new_ties: pd.DataFrame,
    resources: Upsert,
    revisions: pd.Series,
) -> None:
    new_children = children.new.assign(revision=_revision_of(children.new, revisions))
    insert_chunked(connection, tables.children, new_children)
    _update(connection, tables.children, children.changed, ["child_id"])
    stored_touched = revisions.drop(index=children.new["child_id"], errors="ignore")
    if len(stored_touched):
        connection.execute(
            tables.children.update()
            .where(tables.children.c.child_id == sa.bindparam("b_child_id"))
            .values(revision=sa.bindparam("b_revision")),
            [{"b_child_id": k, "b_revision": int(v)} for k, v in stored_touched.items()],
        )
    insert_chunked(connection, tables.members, members.new)
    _update(connection, tables.members, members.changed, MEMBER_KEY)
    insert_chunked(connection, tables.ties, new_ties, revisions)
    _history(
        connection, tables.child_history, pd.concat([children.new, children.changed]), revisions
    )
    _history(
        connection, tables.member_history, pd.concat([members.new, members.changed]), revisions
    )

    insert_chunked(connection, tables.resources, resources.new)
    _update(connection, tables.resources, resources.changed, ["resource_id"])


INSERT_CHUNK = 100_000
"""Rows turned into Python values and written at a time: the whole ties table at once as Python
objects would more than double an import's peak memory."""


def insert_chunked(
    connection: sa.Connection,
    table: sa.Table,
    rows: pd.DataFrame,
    revisions: pd.Series | None = None,
) -> None:
    """Insert ``rows`` chunk by chunk (with each row's child's revision if ``revisions``)."""
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows.iloc[start : start + INSERT_CHUNK]
        if revisions is not None:
            chunk = chunk.assign(revision=_revision_of(chunk, revisions))
        frames.insert_rows(connection, table, frames.chunk_values(chunk))


def _revision_of(rows: pd.DataFrame, revisions: pd.Series) -> np.ndarray:
    return revisions.reindex(rows["child_id"]).to_numpy(dtype=np.int64)


def _update(connection: sa.Connection, table: sa.Table, rows: pd.DataFrame, key: list[str]) -> None:
    if rows.empty:
        return
    values: dict[str, sa.BindParameter] = {
        name: sa.bindparam(f"v_{name}") for name in rows.columns if name not in key
    }
    condition = sa.and_(*(table.c[name] == sa.bindparam(f"k_{name}") for name in key))
    columns = frames.chunk_values(rows)
    parameters = [
        {**{f"k_{k}": columns[k][at] for k in key}, **{f"v_{n}": columns[n][at] for n in values}}
        for at in range(len(rows))
    ]
    connection.execute(table.update().where(condition).values(**values), parameters)


def _history(
    connection: sa.Connection, table: sa.Table, rows: pd.DataFrame, revisions: pd.Series
) -> None:
    """A history row for each new or changed row; an import's versions are undated."""
    if rows.empty:
        return
    versioned = rows.assign(revision=_revision_of(rows, revisions), assessed_on=None)
    names = [name for name in versioned.columns if name in table.c]
    insert_chunked(connection, table, versioned[names])


def record_saves(
    connection: sa.Connection,
    children: Upsert,
    members: Upsert,
    new_ties: pd.DataFrame,
    new_assessments: pd.DataFrame,
    revisions: pd.Series,
    user_name: str,
    now: dt.datetime,
) -> None:
    # An assessment row records the child's needs, risks, wellbeing, placement or stage.
    changed_children = (
        set(children.new["child_id"].unique())
        | set(children.changed["child_id"].unique())
        | set(new_assessments["child_id"].unique())
    )
    member_counts = pd.concat([members.new, members.changed])["child_id"].value_counts()
    tie_counts = new_ties["child_id"].value_counts()
    if revisions.empty:
        return
    ids = revisions.index
    size = len(revisions)
    stamp = frames.bound_value(tables.revisions.c.saved_at, now, connection)
    # Column by column and copied in bulk, not a parameter dictionary per child (a million).
    frames.insert_rows(
        connection,
        tables.revisions,
        {
            "child_id": ids.tolist(),
            "revision": [int(revision) for revision in revisions],
            "saved_by": [user_name] * size,
            "saved_at": [stamp] * size,
            "source": ["import"] * size,
            "assessed_on": [None] * size,
            "child_changed": ids.isin(list(changed_children)).tolist(),
            "members_changed": _counts(member_counts, ids),
            "ties_changed": _counts(tie_counts, ids),
        },
    )


def _counts(counts: pd.Series, ids: pd.Index) -> list[int]:
    """How many rows of each child of ``ids`` ``counts`` (a ``value_counts``) counted."""
    return [int(count) for count in counts.reindex(ids, fill_value=0)]
