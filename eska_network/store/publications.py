"""The planners' published figures in the store: the records as of a time, and the frozen rows.

See :mod:`eska_network.districts.publication` for what is published and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import sqlalchemy as sa

from eska_network.districts.disclosure import SuppressedTable, TooFewChildren
from eska_network.districts.publication import (
    Basis,
    Period,
    PublishedRow,
    basis_from_text,
    basis_text,
    figures_from_text,
    figures_text,
    publish_figures,
    publish_rows,
)
from eska_network.domain import schema
from eska_network.domain.model import Dataset
from eska_network.store import frames, tables
from eska_network.store.frames import EXTRA, REMOVED_ON


def records_as_of(connection: sa.Connection, moment: dt.datetime) -> Dataset:
    """Children, members, ties and assessments as the store held them just before ``moment``.

    A child's state at a moment is its last save before it (``revisions.saved_at``): the child's
    and each member's latest version up to that save, and the tie and assessment rows of saves up
    to it. Saves after ``moment``, backdated or not, are left out. Resources and actions are not
    part of it.
    """
    revisions = tables.revisions
    cut = (
        sa.select(revisions.c.child_id, sa.func.max(revisions.c.revision).label("last"))
        .where(revisions.c.saved_at < moment)
        .group_by(revisions.c.child_id)
        .subquery()
    )
    return Dataset(
        children=_versions(connection, tables.child_history, schema.CHILDREN, cut, ["child_id"]),
        members=_versions(
            connection, tables.member_history, schema.MEMBERS, cut, ["child_id", "member_id"]
        ),
        ties=_added(connection, tables.ties, schema.TIES, cut, ["assessed_on", "source", "target"]),
        assessments=_added(
            connection, tables.assessments, schema.ASSESSMENTS, cut, ["assessed_on"]
        ),
    )


def _versions(connection, history: sa.Table, spec, cut, key: list[str]):
    """The latest version of each row of ``history`` saved up to the child's cut."""
    latest = (
        sa.select(*(history.c[name] for name in key), sa.func.max(history.c.revision).label("rev"))
        .join(cut, sa.and_(history.c.child_id == cut.c.child_id, history.c.revision <= cut.c.last))
        .group_by(*(history.c[name] for name in key))
        .subquery()
    )
    names = [*spec.column_names, EXTRA] + ([REMOVED_ON] if REMOVED_ON in history.c else [])
    query = sa.select(*(history.c[name] for name in names)).join(
        latest,
        sa.and_(
            *(history.c[name] == latest.c[name] for name in key),
            history.c.revision == latest.c.rev,
        ),
    )
    rows = frames._raw(connection, query.order_by(*(history.c[name] for name in key)))
    return frames.frame_from_rows(spec, rows, names)


def _added(connection, table: sa.Table, spec, cut, order: list[str]):
    """The rows of an add-only table (ties, assessments) added by saves up to the child's cut."""
    names = [*spec.column_names, EXTRA]
    query = (
        sa.select(*(table.c[name] for name in names))
        .join(cut, sa.and_(table.c.child_id == cut.c.child_id, table.c.revision <= cut.c.last))
        .order_by(table.c.child_id, *(table.c[name] for name in order))
    )
    return frames.frame_from_rows(spec, frames._raw(connection, query), names)


def read(connection: sa.Connection, kind: str, period: str) -> dict[str, PublishedRow] | None:
    """The rows published for ``kind`` in ``period`` (None when there is no such publication)."""
    header = tables.publications
    found = connection.execute(
        sa.select(header.c.period).where(header.c.kind == kind, header.c.period == period)
    ).first()
    if found is None:
        return None
    table = tables.published_rows
    rows = connection.execute(
        sa.select(table.c.group_key, table.c.basis_period, table.c.basis).where(
            table.c.kind == kind, table.c.period == period
        )
    ).all()
    carried = {(row.basis_period, row.group_key) for row in rows if row.basis is None}
    earlier: dict[tuple[str, str], str] = {}
    for basis_period, group in carried:
        basis = connection.scalar(
            sa.select(table.c.basis).where(
                table.c.kind == kind,
                table.c.period == basis_period,
                table.c.group_key == group,
            )
        )
        if basis is None:
            raise ValueError(
                f"the published {kind} figures of {period} for {group} carry those of "
                f"{basis_period}, which were never published"
            )
        earlier[(basis_period, group)] = basis
    return {
        row.group_key: PublishedRow(
            row.basis_period,
            basis_from_text(row.basis or earlier[(row.basis_period, row.group_key)]),
        )
        for row in rows
    }


def latest_before(connection: sa.Connection, kind: str, period: Period) -> str | None:
    """The latest period published for ``kind`` before ``period`` (None before the first)."""
    header = tables.publications
    return connection.scalar(
        sa.select(header.c.period)
        .where(header.c.kind == kind, header.c.ends_at < period.ends_at)
        .order_by(header.c.ends_at.desc())
        .limit(1)
    )


Figures = SuppressedTable | TooFewChildren


def read_figures(connection: sa.Connection, kind: str, period: str) -> tuple[Figures, int, int]:
    """The stored figures of a publication, and the K and rounding base they were made with."""
    header = tables.publications
    row = connection.execute(
        sa.select(header.c.figures, header.c.k, header.c.base).where(
            header.c.kind == kind, header.c.period == period
        )
    ).one()
    return figures_from_text(row.figures), row.k, row.base


def ensure(
    store,
    kind: str,
    period: Period,
    k: int,
    base: int,
    compute: Callable[[Dataset], Mapping[str, Basis]],
) -> tuple[dict[str, PublishedRow], Figures]:
    """The rows and figures of ``kind`` published for ``period``: read, or made once and stored.

    ``compute`` turns the records as of the period's end into each group's basis. The work is
    done in a read snapshot; the publication is written in one short transaction, and if another
    process wrote it first, theirs is the one (a publication never changes once written).
    """
    with store.reading() as connection:
        published = read(connection, kind, period.label)
        previous_period = latest_before(connection, kind, period)
        previous_rows = read(connection, kind, previous_period) if previous_period else None
        previous = read_figures(connection, kind, previous_period)[0] if previous_period else None
        if published is not None:
            figures, stored_k, stored_base = read_figures(connection, kind, period.label)
            if (stored_k, stored_base) != (k, base):
                # K or the rounding changed since: the frozen rows, shown under today's rules.
                figures = publish_figures(published, previous_rows, previous, k, base, kind)
            return published, figures
        records = records_as_of(connection, period.ends_at)
    rows = publish_rows(period.label, compute(records), previous_rows, k + 1)
    figures = publish_figures(rows, previous_rows, previous, k, base, kind)
    try:
        with store.writing() as connection:
            _write(connection, kind, period, rows, k, base, figures)
    except sa.exc.IntegrityError:
        return ensure(store, kind, period, k, base, compute)
    return rows, figures


def _write(connection, kind, period: Period, rows, k: int, base: int, figures: Figures) -> None:
    connection.execute(
        sa.insert(tables.publications).values(
            kind=kind,
            period=period.label,
            ends_at=period.ends_at,
            computed_at=dt.datetime.now(dt.UTC),
            refresh_from=k + 1,
            k=k,
            base=base,
            figures=figures_text(figures),
        )
    )
    if rows:
        connection.execute(
            sa.insert(tables.published_rows),
            [
                {
                    "kind": kind,
                    "period": period.label,
                    "group_key": group,
                    "basis_period": row.basis_period,
                    "basis": basis_text(row.basis) if row.basis_period == period.label else None,
                }
                for group, row in rows.items()
            ],
        )
