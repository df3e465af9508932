"""Importing actions.csv: new actions added, changed ones updated, each version in its history."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from eska_network.domain import schema
from eska_network.store import tables
from eska_network.store.frames import EXTRA
from eska_network.store.import_compare import Upsert, incoming_rows, stored_rows, upsert_rows

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
    """An actions.csv table as ``actions`` columns (``text`` -> ``what``, ``gap`` split...)."""
    rows = incoming_rows(schema.ACTIONS, table)
    kinds, details = [], []
    for cell in rows["gap"].to_numpy(dtype=object, na_value=None):
        kind, _, detail = (cell or "").partition(":")
        kinds.append(kind or None)
        details.append(detail)
    return pd.DataFrame(
        {
            "child_id": rows["child_id"].to_numpy(dtype=object),
            "action_key": rows["action_id"].to_numpy(dtype=object),
            "what": rows["text"].to_numpy(dtype=object),
            "who": rows["responsible"].fillna("").to_numpy(dtype=object),
            "worker_role": rows["worker_role"].to_numpy(dtype=object),
            "resource_id": rows["resource_id"].to_numpy(dtype=object, na_value=None),
            "created_on": rows["created_on"].to_numpy(dtype=object),
            "due_on": rows["due_on"].to_numpy(dtype=object, na_value=None),
            "status": rows["status"].to_numpy(dtype=object),
            "status_on": rows["status_on"].to_numpy(dtype=object, na_value=None),
            "gap_kind": kinds,
            "gap_detail": details,
            EXTRA: rows[EXTRA].to_numpy(dtype=object, na_value=None),
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
    records = []
    for _, row in upsert.new.iterrows():
        values = {name: _plain(name, row[name]) for name in [*key, *_ACTION_STORED]}
        inserted = connection.execute(
            tables.actions.insert().values(
                **values, created_by=user_name, created_at=now, updated_at=now, revision=1
            )
        ).inserted_primary_key
        assert inserted is not None  # an INSERT of one row gives its key
        action_id = inserted[0]
        records.append((action_id, 1, values))
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
        connection.execute(
            tables.action_history.insert(),
            [
                {
                    "action_id": action_id,
                    "revision": revision,
                    **{name: values[name] for name in _HISTORY},
                    "changed_by": user_name,
                    "changed_at": now,
                }
                for action_id, revision, values in records
            ],
        )
    return upsert


def _plain(name: str, value: object) -> object:
    """A cell of column ``name`` as a value for the driver (missing -> None, dates as dates)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if name in _ACTION_DATES:
        return dt.date.fromisoformat(str(value))
    return value


_ACTION_DATES = {"created_on", "due_on", "status_on"}
