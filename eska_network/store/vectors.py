"""Each save's figures for the planners: the child's district and vector, kept per revision.

A publication (:mod:`eska_network.districts.publication`) needs every child as the store held it
at the end of a period: its district and its :data:`~eska_network.districts.publication.Vector`
(the count measures and link strengths of its gap summary). Both are known when the summary is
computed, in the transaction of the save, import or restore that made the revision, so they are
written then (``child_vectors``, one row per child and revision); a publication then reads one
small row per child instead of loading and recomputing every record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from eska_network.districts.publication import Basis, Vector, vectors
from eska_network.store import frames, tables


def vector_text(vector: Vector) -> str:
    """A vector as stored.

    >>> vector_text((5, 3, 0, 4))
    '5,3,0,4'
    """
    return ",".join(str(number) for number in vector)


def vector_from_text(text: str) -> Vector:
    """The vector of :func:`vector_text`."""
    return tuple(int(number) for number in text.split(","))


def replace_current(
    connection: sa.Connection, summaries: pd.DataFrame, *, fresh: bool = False
) -> None:
    """Write the vectors of the children of ``summaries`` for their current revision (replacing
    what was stored for it, unless ``fresh``: the children are new to the store)."""
    if summaries.empty:
        return
    ids = summaries["child_id"].astype(str).tolist()
    current = _current(connection, ids)
    table = tables.child_vectors
    for start in range(0, 0 if fresh else len(ids), frames.CHUNK):
        chunk = ids[start : start + frames.CHUNK]
        connection.execute(
            table.delete().where(
                table.c.child_id.in_(chunk),
                table.c.revision
                == sa.select(tables.children.c.revision)
                .where(tables.children.c.child_id == table.c.child_id)
                .scalar_subquery(),
            )
        )
    texts = [vector_text(vector) for vector in vectors(summaries)]
    frames.insert_rows(
        connection,
        table,
        {
            "child_id": ids,
            "revision": [current[child][0] for child in ids],
            "district": [current[child][1] for child in ids],
            "vector": texts,
        },
    )


def _current(connection: sa.Connection, ids: Sequence[str]) -> dict[str, tuple[int, str]]:
    """The current revision and district of each child of ``ids``."""
    found: dict[str, tuple[int, str]] = {}
    kids = tables.children
    for start in range(0, len(ids), frames.CHUNK):
        query = sa.select(kids.c.child_id, kids.c.revision, kids.c.district).where(
            kids.c.child_id.in_(ids[start : start + frames.CHUNK])
        )
        found.update(
            {row.child_id: (row.revision, row.district) for row in connection.execute(query)}
        )
    return found


def bases_as_of(connection: sa.Connection, moment: dt.datetime) -> dict[str, Basis] | None:
    """Each district's children and their vectors as of ``moment`` (a period's end).

    A child as of a moment is its last save before it (``revisions.saved_at``), as in
    :func:`eska_network.store.publications.records_as_of`. ``None`` when a save before the moment
    has no stored vector (a store upgraded from before vectors were kept): then the records must
    be read and recomputed.
    """
    revisions, table = tables.revisions, tables.child_vectors
    cut = (
        sa.select(revisions.c.child_id, sa.func.max(revisions.c.revision).label("last"))
        .where(revisions.c.saved_at < moment)
        .group_by(revisions.c.child_id)
        .subquery()
    )
    query = sa.select(cut.c.child_id, table.c.district, table.c.vector).outerjoin(
        table, sa.and_(table.c.child_id == cut.c.child_id, table.c.revision == cut.c.last)
    )
    bases: dict[str, Basis] = {}
    for child_id, district, text in frames._raw(connection, query):
        if text is None:
            return None
        bases.setdefault(str(district), {})[str(child_id)] = vector_from_text(text)
    return bases


def read_current(connection: sa.Connection, child_ids: Sequence[str]) -> pd.DataFrame:
    """The stored vector of each child of ``child_ids`` at its current revision (for db check):
    columns ``child_id``, ``district``, ``vector``."""
    table, kids = tables.child_vectors, tables.children
    rows: list[sa.Row] = []
    for start in range(0, len(child_ids), frames.CHUNK):
        query = (
            sa.select(table.c.child_id, table.c.district, table.c.vector)
            .join(
                kids,
                sa.and_(kids.c.child_id == table.c.child_id, kids.c.revision == table.c.revision),
            )
            .where(table.c.child_id.in_(child_ids[start : start + frames.CHUNK]))
        )
        rows += connection.execute(query).all()
    return pd.DataFrame.from_records(rows, columns=["child_id", "district", "vector"])
