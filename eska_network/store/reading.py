"""Reading data sets and child records back out of the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd
import sqlalchemy as sa

from eska_network.domain import schema
from eska_network.domain.model import Child, ChildSystem, Dataset, Member
from eska_network.domain.schema import FileSpec
from eska_network.store import frames, tables
from eska_network.store.frames import EXTRA, REMOVED_ON

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_ORDER = {
    "children.csv": ("child_id",),
    "members.csv": ("child_id", "member_id"),
    "ties.csv": ("child_id", "assessed_on", "source", "target"),
    "resources.csv": ("resource_id",),
    "assessments.csv": ("child_id", "assessed_on"),
}
"""The order of an export's rows (a CSV file's own row order is not kept)."""


def load_dataset(connection: sa.Connection, child_ids: Sequence[str] | None = None) -> Dataset:
    """The children ``child_ids`` (default: all) with their members and ties, and all resources."""
    ids = None if child_ids is None else sorted(set(child_ids))
    return Dataset(
        children=_table(connection, schema.CHILDREN, ids),
        members=_table(connection, schema.MEMBERS, ids),
        ties=_table(connection, schema.TIES, ids),
        resources=_table(connection, schema.RESOURCES, None),
        assessments=_table(connection, schema.ASSESSMENTS, ids),
        actions=actions_table(connection, ids),
    )


_ACTION_COLUMNS = {
    "child_id": "child_id",
    "action_id": "action_key",
    "created_on": "created_on",
    "text": "what",
    "worker_role": "worker_role",
    "responsible": "who",
    "due_on": "due_on",
    "resource_id": "resource_id",
    "status": "status",
    "status_on": "status_on",
}
"""actions.csv columns and the ``actions`` columns that hold them (``gap`` is made of two)."""


def actions_table(connection: sa.Connection, child_ids: Sequence[str] | None) -> pd.DataFrame:
    """The stored actions of ``child_ids`` (default: all) as an actions.csv table."""
    table = tables.actions
    names = [*_ACTION_COLUMNS.values(), "gap_kind", "gap_detail", EXTRA]
    rows = frames.fetch_rows(
        connection, table, names, child_ids, order_by=("child_id", "action_key")
    )
    raw = pd.DataFrame.from_records(rows, columns=names)
    raw["who"] = raw["who"].where(raw["who"] != "")
    raw["gap"] = [
        None if pd.isna(kind) else f"{kind}:{detail}"
        for kind, detail in zip(raw["gap_kind"], raw["gap_detail"], strict=True)
    ]
    source = raw.rename(columns={stored: name for name, stored in _ACTION_COLUMNS.items()})
    return frames.frame_from_rows(schema.ACTIONS, source.itertuples(index=False), source.columns)


def children_table(connection: sa.Connection, child_ids: Sequence[str] | None) -> pd.DataFrame:
    """The children of ``child_ids`` (default: all) as a Dataset children table."""
    ids = None if child_ids is None else sorted(set(child_ids))
    return _table(connection, schema.CHILDREN, ids)


def _table(connection: sa.Connection, spec: FileSpec, ids: list[str] | None) -> pd.DataFrame:
    table = tables.INTERCHANGE[spec.name]
    names = [*spec.column_names, EXTRA] + ([REMOVED_ON] if REMOVED_ON in table.c else [])
    rows = frames.fetch_rows(connection, table, names, ids, order_by=_ORDER[spec.name])
    return frames.frame_from_rows(spec, rows, names)


def child_system(
    connection: sa.Connection, child_id: str, as_of: dt.date | None = None
) -> ChildSystem:
    """One child's record; with ``as_of``, as it stood on that date.

    As of a date, the ties and assessments are the rows assessed on or before it, and the child
    (the baseline of its assessments) and each member
    are the latest version recorded on or before it (a version from an import is undated and
    counts at every date; a child with no such version shows its first one; a member first
    recorded after the date is left out).
    """
    dataset = load_dataset(connection, [child_id])
    system = dataset.child_system(child_id)
    if as_of is None:
        return system
    assessments = tuple(row for row in system.assessments if row.assessed_on <= as_of)
    child = _version_as_of(connection, tables.child_history, child_id, as_of)
    versions = _member_versions(connection, child_id, as_of)
    return ChildSystem(
        child=Child(child_id, **_fields(Child, child)) if child else system.child,
        members=tuple(
            Member(child_id, member_id, **_fields(Member, version))
            for member_id, version in sorted(versions.items())
        ),
        ties=tuple(tie for tie in system.ties if tie.assessed_on <= as_of),
        assessments=assessments,
    )


def _dated(table: sa.Table, as_of: dt.date) -> sa.ColumnElement[bool]:
    return sa.or_(table.c.assessed_on.is_(None), table.c.assessed_on <= as_of)


def _version_as_of(
    connection: sa.Connection, table: sa.Table, child_id: str, as_of: dt.date
) -> dict | None:
    query = sa.select(table).where(table.c.child_id == child_id)
    row = connection.execute(
        query.where(_dated(table, as_of)).order_by(table.c.revision.desc()).limit(1)
    ).first()
    if row is None:
        row = connection.execute(query.order_by(table.c.revision).limit(1)).first()
    return row._asdict() if row else None


def _member_versions(connection: sa.Connection, child_id: str, as_of: dt.date) -> dict[str, dict]:
    table = tables.member_history
    query = (
        sa.select(table)
        .where(table.c.child_id == child_id, _dated(table, as_of))
        .order_by(table.c.member_id, table.c.revision)
    )
    return {row.member_id: row._asdict() for row in connection.execute(query)}


def _fields(cls: type[DataclassInstance], row: dict) -> dict:
    """The dataclass fields of a history row, lists split, beyond the key fields."""
    values = {}
    for name in cls.__dataclass_fields__:
        if name in ("child_id", "member_id"):
            continue
        value = row[name]
        if isinstance(value, str) and name in _LIST_FIELDS:
            value = tuple(value.split(schema.LIST_SEPARATOR)) if value else ()
        values[name] = value
    return values


_LIST_FIELDS = {c.name for spec in schema.FILES for c in spec.columns if c.kind == "codes"}
