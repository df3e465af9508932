"""Importing a data set into the store: all or nothing, idempotent, every conflict named."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from eska_network.domain import io, schema, table_codes
from eska_network.domain.model import Dataset
from eska_network.store import audit_chain, bulk_load, summaries, tables
from eska_network.store.import_actions import upsert_actions
from eska_network.store.import_compare import (
    MEMBER_KEY,
    incoming_rows,
    member_columns,
    new_assessments_of,
    new_ties_of,
    stored_rows,
    tie_columns,
    upsert_rows,
)
from eska_network.store.import_writing import (
    insert_chunked,
    next_revisions,
    record_saves,
    write_rows,
)


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


def import_dataset(
    connection: sa.Connection,
    dataset: Dataset,
    user_name: str,
    now: dt.datetime,
    role: str = "cli",
) -> ImportReport:
    """Upsert ``dataset`` on ``connection`` (inside the caller's transaction).

    Each stored child whose caseworker the import changes gets its own ``reassign`` audit row,
    by ``user_name`` in ``role``, in the same transaction. A large data set going into an empty
    PostgreSQL store is loaded with the tables' keys built after the rows (:mod:`.bulk_load`).
    """
    with bulk_load.keys_deferred(connection, bulk_load.applies(connection, len(dataset.ties))):
        written = _write_records(connection, dataset, user_name, now, role)
        # Children the store did not hold are stored exactly as given: no need to read them
        # back, nor to remove their summaries, scores and vectors (they have none).
        summaries.recompute(
            connection,
            written.touched,
            dataset if written.all_new else None,
            fresh=written.all_new,
        )
    return written.report


@dataclass(frozen=True)
class _Written:
    """What :func:`_write_records` did: its report, the children it changed, whether all are new."""

    report: ImportReport
    touched: list[str]
    all_new: bool


def _write_records(
    connection: sa.Connection,
    dataset: Dataset,
    user_name: str,
    now: dt.datetime,
    role: str,
) -> _Written:
    """Everything of an import but the summaries; the store's frames of the data set are freed on
    return, before the summaries are computed."""
    problems: list[io.Problem] = []
    # Members and ties (most of the rows) keep the codes of a data set read from CSV; the other
    # tables are compared and written as texts.
    member_rows = member_columns(dataset.members, problems)
    tie_rows = tie_columns(dataset.ties, problems)
    if problems:
        raise ImportConflictError(problems)

    child_rows = incoming_rows(schema.CHILDREN, table_codes.decoded(dataset.children))
    child_ids = child_rows["child_id"].tolist()
    stored_children = stored_rows(
        connection, tables.children, child_rows.columns, child_ids, lock=True
    )
    children = upsert_rows(child_rows, stored_children, ["child_id"])
    del child_rows, child_ids
    # Members and ties of a child the store does not hold cannot be stored (foreign keys).
    held = stored_children["child_id"].tolist()
    members = upsert_rows(
        member_rows, stored_rows(connection, tables.members, member_rows.columns, held), MEMBER_KEY
    )
    del member_rows
    new_ties, already = new_ties_of(connection, tie_rows, held, problems)
    del tie_rows
    new_assessments, assessed_already = new_assessments_of(
        connection,
        incoming_rows(schema.ASSESSMENTS, table_codes.decoded(dataset.assessments)),
        held,
        problems,
    )
    if problems:
        raise ImportConflictError(problems)
    resource_rows = incoming_rows(schema.RESOURCES, table_codes.decoded(dataset.resources))
    resources = upsert_rows(
        resource_rows,
        stored_rows(connection, tables.resources, resource_rows.columns, None),
        ["resource_id"],
    )

    revisions = next_revisions(children, members, new_ties, new_assessments, stored_children)
    write_rows(connection, children, members, new_ties, resources, revisions)
    _audit_reassignments(connection, children.changed, stored_children, user_name, role)
    insert_chunked(connection, tables.assessments, new_assessments, revisions)
    record_saves(
        connection, children, members, new_ties, new_assessments, revisions, user_name, now
    )
    actions = upsert_actions(connection, table_codes.decoded(dataset.actions), held, user_name, now)
    touched = revisions.index.tolist()
    report = ImportReport(
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
    return _Written(report, touched, all_new=len(children.new) == len(touched))


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
