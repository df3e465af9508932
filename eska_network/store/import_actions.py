"""Importing actions.csv: new actions added, changed ones updated, each version in its history."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

import pandas as pd
import sqlalchemy as sa

from eska_network.domain import schema
from eska_network.store import frames, tables
from eska_network.store.frames import EXTRA
from eska_network.store.import_compare import Upsert, incoming_rows, stored_rows, upsert_rows

INSERT_CHUNK = 100_000
"""Rows turned into Python values and written at a time (as for the other tables)."""

_ACTION_STORED = (
    "what",
    "who",
    "worker_role",
    "resource_id",
    "created_on",
    "due_on",
    "status",
    "status_on",
    "gap_kind",
    "gap_detail",
    EXTRA,
)
"""The ``actions`` columns an actions.csv row sets (beside ``child_id`` and ``action_key``)."""
_HISTORY = ("what", "who", "worker_role", "resource_id", "due_on", "status", "status_on")


def action_values(table: pd.DataFrame) -> pd.DataFrame:
    """An actions.csv table as ``actions`` columns (``text`` -> ``what``, ``gap`` split...).

    Compact pandas columns (missing values NaN), turned into Python values a chunk at a time when
    written: the 2 million actions of 1,000,000 children as Python objects were gigabytes.
    """
    rows = incoming_rows(schema.ACTIONS, table)
    gap = rows["gap"].astype("str").fillna("")
    # The part before the first ":" and the part after it ("" without one), as str.partition.
    kind = gap.str.replace(r":.*", "", regex=True, flags=re.DOTALL)
    detail = gap.str.replace(r"^[^:]*:?", "", regex=True)
    return pd.DataFrame(
        {
            "child_id": rows["child_id"],
            "action_key": rows["action_id"],
            "what": rows["text"],
            "who": rows["responsible"].fillna(""),
            "worker_role": rows["worker_role"],
            "resource_id": rows["resource_id"],
            "created_on": rows["created_on"],
            "due_on": rows["due_on"],
            "status": rows["status"],
            "status_on": rows["status_on"],
            "gap_kind": kind.where(kind != ""),
            "gap_detail": detail,
            EXTRA: rows[EXTRA],
        },
        index=rows.index,
    )


def upsert_actions(
    connection: sa.Connection,
    table: pd.DataFrame,
    held: list[str],
    user_name: str,
    now: dt.datetime,
) -> Upsert:
    """Add new actions and update changed ones (each change a new version in its history)."""
    incoming = action_values(table)
    if incoming.empty:
        return Upsert(new=incoming, changed=incoming)
    key = ["child_id", "action_key"]
    names = [*key, *_ACTION_STORED, "action_id", "revision"]
    stored = stored_rows(connection, tables.actions, names, held)
    stored_revisions = {
        (child_id, action_key): (action_id, revision)
        for child_id, action_key, action_id, revision in zip(
            stored["child_id"],
            stored["action_key"],
            stored["action_id"],
            stored["revision"],
            strict=True,
        )
    }
    upsert = upsert_rows(incoming, stored, key)
    _insert_new(connection, upsert.new, user_name, now)
    records = []
    for _, row in upsert.changed.iterrows():
        values = {name: _plain(name, row[name]) for name in _ACTION_STORED}
        action_id, revision = stored_revisions[(row["child_id"], row["action_key"])]
        connection.execute(
            tables.actions.update()
            .where(tables.actions.c.action_id == action_id)
            .values(**values, updated_at=now, revision=revision + 1)
        )
        records.append((action_id, revision + 1, values))
    if records:
        _history(
            connection,
            [action_id for action_id, _, _ in records],
            [revision for _, revision, _ in records],
            {name: [_driver(values[name]) for _, _, values in records] for name in _HISTORY},
            user_name,
            now,
        )
    return upsert


def _insert_new(
    connection: sa.Connection, new: pd.DataFrame, user_name: str, now: dt.datetime
) -> None:
    """Insert the ``new`` actions in bulk (COPY on PostgreSQL), a chunk at a time, then their
    first history rows.

    The ids the database gave are read back in one query, as the ids above the largest one
    before, by (child, action key), which is unique: one statement per row (to get its id) took
    most of a national import's time, and one query per 900 children a tenth of it.
    """
    if new.empty:
        return
    before = connection.scalar(sa.select(sa.func.max(tables.actions.c.action_id))) or 0
    stamp = frames.bound_value(tables.actions.c.created_at, now, connection)
    names = ["child_id", "action_key", *_ACTION_STORED]
    for start in range(0, len(new), INSERT_CHUNK):
        chunk = new.iloc[start : start + INSERT_CHUNK]
        values: dict[str, Iterable[object]] = dict(frames.chunk_values(chunk[names]))
        size = len(chunk)
        values |= {
            "created_by": [user_name] * size,
            "created_at": [stamp] * size,
            "updated_at": [stamp] * size,
            "revision": [1] * size,
        }
        frames.insert_rows(connection, tables.actions, values)
    actions = tables.actions
    query = sa.select(actions.c.child_id, actions.c.action_key, actions.c.action_id).where(
        actions.c.action_id > before
    )
    stored = frames._raw(connection, query)
    ids = {(child_id, key): action_id for child_id, key, action_id in stored}
    for start in range(0, len(new), INSERT_CHUNK):
        chunk = new.iloc[start : start + INSERT_CHUNK]
        keys = zip(chunk["child_id"], chunk["action_key"], strict=True)
        history = frames.chunk_values(chunk[list(_HISTORY)])
        _history(
            connection,
            [ids[key] for key in keys],
            [1] * len(chunk),
            history,
            user_name,
            now,
        )


def _history(
    connection: sa.Connection,
    action_ids: list[int],
    revisions: list[int],
    values: Mapping[str, Iterable[object]],
    user_name: str,
    now: dt.datetime,
) -> None:
    """A history row for each new version of an action (``values`` by column), in bulk."""
    stamp = frames.bound_value(tables.action_history.c.changed_at, now, connection)
    columns: dict[str, Iterable[object]] = {
        "action_id": action_ids,
        "revision": revisions,
        **{name: values[name] for name in _HISTORY},
        "changed_by": [user_name] * len(action_ids),
        "changed_at": [stamp] * len(action_ids),
    }
    frames.insert_rows(connection, tables.action_history, columns)


def _driver(value: object) -> object:
    """A value of a history row for a raw insert: dates as ISO text, as both engines take it
    (a new action's values are that text already; a changed one's were made dates)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _plain(name: str, value: object) -> object:
    """A cell of column ``name`` as a value for the driver (missing -> None, dates as dates)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if name in _ACTION_DATES:
        return dt.date.fromisoformat(str(value))
    return value


_ACTION_DATES = {"created_on", "due_on", "status_on"}
