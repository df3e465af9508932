"""Importing a data set into the store: all or nothing, idempotent, every conflict named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import sqlalchemy as sa

from eska_network.domain import io, schema
from eska_network.domain.model import Dataset
from eska_network.domain.schema import FileSpec
from eska_network.i18n import Joined, Said, say
from eska_network.store import audit_chain, frames, summaries, tables
from eska_network.store.frames import EXTRA, REMOVED_ON


class ImportConflictError(io.DatasetError):
    """The data set disagrees with what the store holds; nothing was imported."""


@dataclass(frozen=True)
class ImportReport:
    """What an import changed (all zero for a second import of the same data)."""

    children_added: int = 0
    children_updated: int = 0
    members_added: int = 0
    members_updated: int = 0
    ties_added: int = 0
    ties_already_stored: int = 0
    resources_added: int = 0
    resources_updated: int = 0
    summaries_recomputed: int = 0
    assessments_added: int = 0
    assessments_already_stored: int = 0
    actions_added: int = 0
    actions_updated: int = 0

    def describe(self) -> str:
        return (
            f"children: {self.children_added} added, {self.children_updated} updated; "
            f"members: {self.members_added} added, {self.members_updated} updated; "
            f"ties: {self.ties_added} rows added, {self.ties_already_stored} already stored; "
            f"assessments: {self.assessments_added} rows added, "
            f"{self.assessments_already_stored} already stored; "
            f"actions: {self.actions_added} added, {self.actions_updated} updated; "
            f"resources: {self.resources_added} added, {self.resources_updated} updated"
        )


@dataclass(frozen=True)
class _Upsert:
    """Incoming rows of one table split into new and changed (unchanged ones are dropped)."""

    new: pd.DataFrame
    changed: pd.DataFrame


def import_dataset(
    connection: sa.Connection,
    dataset: Dataset,
    user_name: str,
    now: dt.datetime,
    role: str = "cli",
) -> ImportReport:
    """Upsert ``dataset`` on ``connection`` (inside the caller's transaction).

    Each stored child whose caseworker the import changes gets its own ``reassign`` audit row,
    by ``user_name`` in ``role``, in the same transaction.
    """
    # The store's frames compare and write texts: a data set read from CSV holds codes.
    dataset = dataset.decoded()
    problems: list[io.Problem] = []
    member_rows = _member_columns(dataset.members, problems)
    tie_rows = _tie_columns(dataset.ties, problems)
    if problems:
        raise ImportConflictError(problems)

    child_rows = _incoming(schema.CHILDREN, dataset.children)
    child_ids = child_rows["child_id"].tolist()
    stored_children = _stored(connection, tables.children, child_rows.columns, child_ids, lock=True)
    children = _upsert(child_rows, stored_children, ["child_id"])
    # Members and ties of a child the store does not hold cannot be stored (foreign keys).
    held = stored_children["child_id"].tolist()
    members = _upsert(
        member_rows, _stored(connection, tables.members, member_rows.columns, held), _MEMBER_KEY
    )
    new_ties, already = _new_ties(connection, tie_rows, held, problems)
    new_assessments, assessed_already = _new_assessments(
        connection, _incoming(schema.ASSESSMENTS, dataset.assessments), held, problems
    )
    if problems:
        raise ImportConflictError(problems)
    resource_rows = _incoming(schema.RESOURCES, dataset.resources)
    resources = _upsert(
        resource_rows,
        _stored(connection, tables.resources, resource_rows.columns, None),
        ["resource_id"],
    )

    revisions = _next_revisions(children, members, new_ties, new_assessments, stored_children)
    _write(connection, children, members, new_ties, resources, revisions)
    _audit_reassignments(connection, children.changed, stored_children, user_name, role)
    _insert(connection, tables.assessments, new_assessments, revisions)
    _record_saves(
        connection, children, members, new_ties, new_assessments, revisions, user_name, now
    )
    actions = _upsert_actions(connection, dataset.actions, held, user_name, now)
    touched = revisions.index.tolist()
    # Children the store did not hold are stored exactly as given: no need to read them back.
    all_new = len(children.new) == len(touched)
    summaries.recompute(connection, touched, dataset if all_new else None)
    return ImportReport(
        children_added=len(children.new),
        children_updated=len(children.changed),
        members_added=len(members.new),
        members_updated=len(members.changed),
        ties_added=len(new_ties),
        ties_already_stored=already,
        resources_added=len(resources.new),
        resources_updated=len(resources.changed),
        summaries_recomputed=len(touched),
        assessments_added=len(new_assessments),
        assessments_already_stored=assessed_already,
        actions_added=len(actions.new),
        actions_updated=len(actions.changed),
    )


def _audit_reassignments(
    connection: sa.Connection,
    changed: pd.DataFrame,
    stored: pd.DataFrame,
    user_name: str,
    role: str,
) -> None:
    if not len(changed):
        return
    now = dt.datetime.now(dt.UTC)
    before = stored.set_index("child_id")["caseworker"]
    rows = []
    for child_id, caseworker in zip(changed["child_id"], changed["caseworker"], strict=True):
        old = before.get(child_id)
        old = None if pd.isna(old) else old
        new = None if pd.isna(caseworker) else caseworker
        if old != new:
            rows.append(
                {
                    "at": now,
                    "user_name": user_name[:64],
                    "role": role,
                    "action": "reassign",
                    "child_id": child_id,
                    "outcome": "success",
                    "detail": f"import: {old or '-'} -> {new or '-'}"[:200],
                }
            )
    audit_chain.append(connection, rows)


_MEMBER_KEY = ["child_id", "member_id"]
_TIE_KEY = ["child_id", "pair_low", "pair_high", "assessed_on"]


def _incoming(spec: FileSpec, table: pd.DataFrame, skip: Sequence[str] = ()) -> pd.DataFrame:
    """A Dataset table as database values (compact columns) with ``extra`` as JSON."""
    extras = [name for name in frames.extra_columns(spec, table) if name not in skip]
    return frames.db_frame(spec, table, extras)


def _member_columns(table: pd.DataFrame, problems: list[io.Problem]) -> pd.DataFrame:
    rows = _incoming(schema.MEMBERS, table, skip=(REMOVED_ON,))
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
        rows[REMOVED_ON] = dates.dt.strftime("%Y-%m-%d").astype(rows["member_id"].dtype)
    return rows


def _tie_columns(table: pd.DataFrame, problems: list[io.Problem]) -> pd.DataFrame:
    rows = _incoming(schema.TIES, table)
    source, target = rows["source"], rows["target"]
    in_order = (source <= target).to_numpy()
    low = source.where(in_order, target)
    high = target.where(in_order, source)
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


def _stored(
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


def _upsert(incoming: pd.DataFrame, stored: pd.DataFrame, key: list[str]) -> _Upsert:
    compared = [name for name in incoming.columns if name not in key]
    left = _canonical(incoming, incoming.columns)
    right = _canonical(stored, [*key, *compared]) if len(stored) else None
    if right is None:
        return _Upsert(new=incoming, changed=incoming.iloc[:0])
    merged = left.merge(right, on=key, how="left", suffixes=("", "_stored"), indicator=True)
    merged.index = incoming.index
    is_new = (merged["_merge"] == "left_only").to_numpy()
    differs = np.zeros(len(merged), dtype=bool)
    for name in compared:
        differs |= (merged[name] != merged[f"{name}_stored"]).to_numpy()
    return _Upsert(new=incoming[is_new], changed=incoming[~is_new & differs])


def _new_ties(
    connection: sa.Connection,
    incoming: pd.DataFrame,
    child_ids: list[str],
    problems: list[io.Problem],
) -> tuple[pd.DataFrame, int]:
    """The tie rows not stored yet, and how many were; a different stored row is a problem."""
    compared = [c.name for c in schema.TIES.columns if c.name not in ("child_id", "assessed_on")]
    compared = [name for name in compared if name not in ("source", "target")] + [EXTRA]
    stored = _stored(connection, tables.ties, [*_TIE_KEY, *compared], child_ids)
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


def _new_assessments(
    connection: sa.Connection,
    incoming: pd.DataFrame,
    child_ids: list[str],
    problems: list[io.Problem],
) -> tuple[pd.DataFrame, int]:
    """The assessment rows not stored yet, and how many were; a different stored row is a
    problem (an assessment's record is never overwritten: a change is a later assessment)."""
    compared = [c.name for c in schema.ASSESSMENTS.columns if c.name not in _ASSESSMENT_KEY]
    compared.append(EXTRA)
    stored = _stored(connection, tables.assessments, [*_ASSESSMENT_KEY, *compared], child_ids)
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
    rows = _incoming(schema.ACTIONS, table)
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


def _upsert_actions(
    connection: sa.Connection,
    table: pd.DataFrame,
    held: list[str],
    user_name: str,
    now: dt.datetime,
) -> _Upsert:
    """Add new actions and update changed ones (each change a new version in its history)."""
    incoming = action_values(table)
    if incoming.empty:
        return _Upsert(new=incoming, changed=incoming)
    key = ["child_id", "action_key"]
    names = [*key, *_ACTION_STORED, "action_id", "revision"]
    stored = _stored(connection, tables.actions, names, held)
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
    upsert = _upsert(incoming, stored, key)
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


def _shown(text: str) -> str | Said:
    return say("validation.empty_value") if text in ("\0", "") else repr(text)


def _difference(column: str, here: str, stored: str) -> Said:
    return say("validation.difference", column=column, here=_shown(here), stored=_shown(stored))


def _next_revisions(
    children: _Upsert,
    members: _Upsert,
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


def _write(
    connection: sa.Connection,
    children: _Upsert,
    members: _Upsert,
    new_ties: pd.DataFrame,
    resources: _Upsert,
    revisions: pd.Series,
) -> None:
    new_children = children.new.assign(revision=_revision_of(children.new, revisions))
    _insert(connection, tables.children, new_children)
    _update(connection, tables.children, children.changed, ["child_id"])
    stored_touched = revisions.drop(index=children.new["child_id"], errors="ignore")
    if len(stored_touched):
        connection.execute(
            tables.children.update()
            .where(tables.children.c.child_id == sa.bindparam("b_child_id"))
            .values(revision=sa.bindparam("b_revision")),
            [{"b_child_id": k, "b_revision": int(v)} for k, v in stored_touched.items()],
        )
    _insert(connection, tables.members, members.new)
    _update(connection, tables.members, members.changed, _MEMBER_KEY)
    _insert(connection, tables.ties, new_ties, revisions)
    _history(
        connection, tables.child_history, pd.concat([children.new, children.changed]), revisions
    )
    _history(
        connection, tables.member_history, pd.concat([members.new, members.changed]), revisions
    )

    _insert(connection, tables.resources, resources.new)
    _update(connection, tables.resources, resources.changed, ["resource_id"])


INSERT_CHUNK = 100_000
"""Rows turned into Python values and written at a time: the whole ties table at once as Python
objects would more than double an import's peak memory."""


def _insert(
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
    _insert(connection, table, versioned[names])


def _record_saves(
    connection: sa.Connection,
    children: _Upsert,
    members: _Upsert,
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
    rows = [
        {
            "child_id": child_id,
            "revision": int(revision),
            "saved_by": user_name,
            "saved_at": now,
            "source": "import",
            "assessed_on": None,
            "child_changed": child_id in changed_children,
            "members_changed": int(member_counts.get(child_id, 0)),
            "ties_changed": int(tie_counts.get(child_id, 0)),
        }
        for child_id, revision in revisions.items()
    ]
    if rows:
        connection.execute(tables.revisions.insert(), rows)
