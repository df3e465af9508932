"""The planners' published figures in the store: the records as of a time, and the frozen rows.

See :mod:`eska_network.districts.publication` for what is published and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import sqlalchemy as sa

from eska_network.districts import provinces
from eska_network.districts.disclosure import SuppressedTable, TooFewChildren
from eska_network.districts.publication import (
    Basis,
    Period,
    ProvincesAbove,
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


def kinds_published(connection: sa.Connection, period: str) -> set[str]:
    """The kinds of figures published for ``period`` (``district``, ``province``, ...)."""
    header = tables.publications
    query = sa.select(header.c.kind).where(header.c.period == period)
    return set(connection.scalars(query).all())


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


def read_periods(connection: sa.Connection, kind: str, period: str) -> dict[str, str]:
    """The period whose records each published row of ``kind`` in ``period`` shows, by group:
    one short row per group, without the children the rows were computed from."""
    table = tables.published_rows
    rows = connection.execute(
        sa.select(table.c.group_key, table.c.basis_period).where(
            table.c.kind == kind, table.c.period == period
        )
    ).all()
    return {row.group_key: row.basis_period for row in rows}


def ensure(
    store,
    kind: str,
    period: Period,
    k: int,
    base: int,
    compute: Callable[[sa.Connection, Period], Mapping[str, Basis]],
) -> tuple[dict[str, str], Figures]:
    """The figures of ``kind`` published for ``period`` and the period each row shows, by group:
    read, or made once and stored.

    ``compute`` gives each group's basis as of the period's end, read through the connection it
    is given (a read snapshot). Once published, a page reads the stored figures and one short
    row per group; the bases are read again only when K or the rounding changed since. The
    publication is written in one short transaction, and if another process wrote it first,
    theirs is the one (a publication never changes once written).
    """
    with store.reading() as connection:
        if connection.scalar(
            sa.select(tables.publications.c.period).where(
                tables.publications.c.kind == kind, tables.publications.c.period == period.label
            )
        ):
            figures, stored_k, stored_base = read_figures(connection, kind, period.label)
            if (stored_k, stored_base) != (k, base):
                # K or the rounding changed since: the frozen rows, shown under today's rules.
                published = read(connection, kind, period.label) or {}
                previous_rows, previous = _previous(connection, kind, period)
                above = _provinces_above(connection, kind, period)
                figures = publish_figures(published, previous_rows, previous, k, base, kind, above)
            return read_periods(connection, kind, period.label), figures
        previous_rows, previous = _previous(connection, kind, period)
        above = _provinces_above(connection, kind, period)
        bases = compute(connection, period)
    rows = publish_rows(period.label, bases, previous_rows, k + 1)
    figures = publish_figures(rows, previous_rows, previous, k, base, kind, above)
    try:
        with store.writing() as connection:
            _write(connection, kind, period, rows, k, base, figures)
    except sa.exc.IntegrityError:
        return ensure(store, kind, period, k, base, compute)
    return {group: row.basis_period for group, row in rows.items()}, figures


def _previous(
    connection: sa.Connection, kind: str, period: Period
) -> tuple[dict[str, PublishedRow] | None, Figures | None]:
    """The rows and figures of the latest publication of ``kind`` before ``period``."""
    before = latest_before(connection, kind, period)
    if before is None:
        return None, None
    return read(connection, kind, before), read_figures(connection, kind, before)[0]


def _provinces_above(connection: sa.Connection, kind: str, period: Period) -> ProvincesAbove | None:
    """For a district publication, the provinces published above the previous one, if any."""
    before = latest_before(connection, kind, period) if kind == "district" else None
    provinces_then = _provinces_of(connection, before) if before else None
    return provinces_then.above() if provinces_then else None


def ensure_provinces(
    store, period: Period, k: int, base: int, districts: SuppressedTable
) -> Figures:
    """The province figures published for ``period`` above its district figures: read, or made
    once and stored.

    They are made from the period's published district rows and protected together with
    ``districts`` and with the previous province publication
    (:func:`~eska_network.districts.provinces.province_figures`), so that two consecutive
    publications together give away nothing. Once written they never change; when K or the
    rounding changed since, they are made again under today's rules and not stored.
    """
    header = tables.publications
    with store.reading() as connection:
        stored = connection.execute(
            sa.select(header.c.figures, header.c.k, header.c.base).where(
                header.c.kind == "province", header.c.period == period.label
            )
        ).first()
        if stored is not None and (stored.k, stored.base) == (k, base):
            return figures_from_text(stored.figures)
        rows = read(connection, "district", period.label) or {}
        previous = _previous_provinces(connection, period)
    figures = provinces.province_figures(rows, districts, k, base, previous)
    if stored is not None:
        return figures
    try:
        with store.writing() as connection:
            _write(connection, "province", period, {}, k, base, figures)
    except sa.exc.IntegrityError:
        return ensure_provinces(store, period, k, base, districts)
    return figures


def _previous_provinces(connection: sa.Connection, period: Period) -> provinces.Previous | None:
    """The latest province publication before ``period``, with the district one it stood on."""
    before = latest_before(connection, "province", period)
    return None if before is None else _provinces_of(connection, before)


def _provinces_of(connection: sa.Connection, before: str) -> provinces.Previous | None:
    """The province publication of period ``before``, with the district one it stood on (None
    when there is none, or either had too few children)."""
    if not connection.scalar(
        sa.select(tables.publications.c.period).where(
            tables.publications.c.kind == "province", tables.publications.c.period == before
        )
    ):
        return None
    by_province = read_figures(connection, "province", before)[0]
    by_district = read_figures(connection, "district", before)[0]
    if not isinstance(by_province, SuppressedTable) or not isinstance(by_district, SuppressedTable):
        return None
    return provinces.Previous(
        read_periods(connection, "district", before), by_district, by_province
    )


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
