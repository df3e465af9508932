"""What the district pages read from the store: published figures, access-checked, suppressed
and rounded on the server.

The figures are those of :mod:`eska_network.districts.publication`: as of the end of the last
complete period, frozen. No child id and no unsuppressed count ever leaves this module for a
planner.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import sqlalchemy as sa

from eska_network import i18n
from eska_network.districts import aggregates as districts
from eska_network.districts import disclosure, publication
from eska_network.districts.disclosure import SuppressedTable, TooFewChildren
from eska_network.domain import gap_table
from eska_network.services import access
from eska_network.store import Store, frames, publications, vectors
from eska_network.store.tables import resources


def _resources(store: Store) -> pd.DataFrame:
    query = sa.select(resources.c.district, resources.c.name, resources.c.needs_served)
    with store.reading() as connection:
        # Plain tuples: pandas inspects every SQLAlchemy row object it is given (10x slower).
        rows = frames._raw(connection, query.order_by(resources.c.resource_id))
    return pd.DataFrame.from_records(rows, columns=["district", "name", "needs_served"])


def district_aggregates(
    store: Store, principal: access.Principal, k: int | None = None, now: dt.datetime | None = None
) -> SuppressedTable | TooFewChildren:
    """The published district figures of the last complete period, suppressed and rounded.

    Checked on the server (``view_districts``). The figures are those of
    :mod:`eska_network.districts.publication`: as of the end of the last complete period
    (``ESKA_PUBLICATION_PERIOD``), frozen once computed, rows refreshed only when K + 1 of their
    children changed, counts rounded to ``ESKA_ROUNDING`` after suppression. The result holds
    district names, suppressed counts, shares and medians, and the services of ``resources``: no
    child id, no small count.

    Raises
    ------
    AccessDenied
        When the principal may not see district aggregates (the refusal is audited).
    """
    figures, _ = _checked_districts(store, principal, k, now)
    if isinstance(figures, TooFewChildren):
        return figures
    services = districts.service_table(_resources(store), figures.groups)
    return dataclasses.replace(figures, services=services)


def province_aggregates(
    store: Store, principal: access.Principal, k: int | None = None, now: dt.datetime | None = None
) -> SuppressedTable | TooFewChildren:
    """The published district figures added up per province, protected with the districts.

    The province rows sum the same published rows as :func:`district_aggregates`; their cells are
    suppressed so that no hidden district or province cell can be worked out from both tables
    together, nor from two consecutive publications (:mod:`eska_network.districts.provinces`).
    Published once per period, like the districts.

    Raises
    ------
    AccessDenied
        When the principal may not see district aggregates (the refusal is audited).
    """
    figures, k = _checked_districts(store, principal, k, now)
    if isinstance(figures, TooFewChildren):
        return figures
    by_province = publications.ensure_provinces(store, _last_period(now), k, figures.base, figures)
    if isinstance(by_province, TooFewChildren):
        return by_province
    return dataclasses.replace(by_province, period=figures.period)


PUBLISHED_KINDS = ("district", "province", "quarter")
"""The planners' figures published once per period, in the order :func:`publish_last_period`
makes them (the provinces stand on the districts)."""


def publish_last_period(store: Store, now: dt.datetime | None = None) -> tuple[str, list[str]]:
    """Publish the planners' figures of the last complete period that are not published yet:
    the districts, the provinces above them, the trend by quarter, under today's K and rounding.

    For a job scheduled just after each period ends (``python -m eska_network publish``), so
    that no planner waits for them on the first view of the period; a page publishes them
    itself when the job has not run. Publishing is idempotent and safe beside app servers: a
    publication is written once, and whoever writes it first is the one kept.

    Returns
    -------
    tuple
        The period's label, and the kinds of :data:`PUBLISHED_KINDS` this call wrote (none when
        every one was published already).
    """
    period = _last_period(now)
    with store.reading() as connection:
        before = publications.kinds_published(connection, period.label)
    k = disclosure.suppression_k()
    by_district = _published_districts(store, k, now)
    if isinstance(by_district, SuppressedTable):
        publications.ensure_provinces(store, period, k, by_district.base, by_district)
    _published_quarters(store, k, now)
    with store.reading() as connection:
        written = publications.kinds_published(connection, period.label) - before
    return period.label, [kind for kind in PUBLISHED_KINDS if kind in written]


def _allowed_k(store: Store, principal: access.Principal, k: int | None) -> int:
    """K for a planner's figures, once ``principal`` may see them (``view_districts``, audited)."""
    access.require(store, principal, access.VIEW_DISTRICTS)
    return disclosure.suppression_k() if k is None else k


def _last_period(now: dt.datetime | None) -> publication.Period:
    """The last complete publication period at ``now`` (default: now)."""
    return publication.last_complete_period(now or access.utc_now(), publication.publication_unit())


def _checked_districts(
    store: Store, principal: access.Principal, k: int | None, now: dt.datetime | None
) -> tuple[SuppressedTable | TooFewChildren, int]:
    """The published district figures, dated, and their K, for a principal who may see them."""
    k = _allowed_k(store, principal, k)
    return _published_districts(store, k, now), k


def _published_districts(
    store: Store, k: int, now: dt.datetime | None
) -> SuppressedTable | TooFewChildren:
    """The published district figures of the last complete period, dated."""
    period = _last_period(now)

    def by_district(connection, period) -> dict:
        # The vectors each save stored; the records only for a store upgraded from before.
        stored = vectors.bases_as_of(connection, period.ends_at)
        if stored is not None:
            return stored
        records = publications.records_as_of(connection, period.ends_at)
        summaries = gap_table.gap_table(records)
        return publication.row_bases(summaries, records.children["district"].tolist())

    row_periods, figures = publications.ensure(
        store, "district", period, k, publication.rounding_base(), by_district
    )
    return _dated(figures, row_periods, period)


def quarterly_aggregates(
    store: Store, principal: access.Principal, k: int | None = None, now: dt.datetime | None = None
) -> SuppressedTable | TooFewChildren:
    """The published trend by quarter of assessment (all districts), as :func:`district_aggregates`.

    Each quarter's row counts the children assessed in it, as they were at their latest
    assessment of the quarter, from the records as of the end of the last complete period.

    Raises
    ------
    AccessDenied
        When the principal may not see district aggregates (the refusal is audited).
    """
    return _published_quarters(store, _allowed_k(store, principal, k), now)


def _published_quarters(
    store: Store, k: int, now: dt.datetime | None
) -> SuppressedTable | TooFewChildren:
    """The published trend by quarter of the last complete period, dated."""
    period = _last_period(now)

    def by_quarter(connection, period) -> dict:
        records = publications.records_as_of(connection, period.ends_at)
        latest, labels = districts.latest_per_quarter(districts.summary_history(records))
        last_quarter = f"{period.last_day.year}-Q{(period.last_day.month - 1) // 3 + 1}"
        kept = (labels <= last_quarter).to_numpy()
        return publication.row_bases(latest[kept], labels[kept].tolist())

    rows, figures = publications.ensure(
        store, "quarter", period, k, publication.rounding_base(), by_quarter
    )
    return _dated(figures, rows, period)


def period_words(label: str, lang: str = "en") -> str:
    """A period label in words.

    >>> period_words("2026-10"), period_words("2026-10", "id"), period_words("2026-Q4")
    ('October 2026', 'Oktober 2026', 'quarter 4 of 2026')
    """
    year, _, rest = label.partition("-")
    if rest.startswith("Q"):
        return i18n.text("districts.quarter_name", lang, q=rest[1:], year=year)
    month = i18n.text("districts.month_names", lang).split(",")[int(rest) - 1]
    return f"{month} {year}"


def publication_note(suppressed: SuppressedTable, lang: str = "en") -> str:
    """What the page says about published figures: period, rounding, when a row changes."""
    if suppressed.period is None:
        raise ValueError("these figures are not published figures")
    unit = publication.publication_unit()
    note = i18n.text(
        "districts.published",
        lang,
        period=period_words(suppressed.period, lang),
        unit=i18n.text(f"districts.unit.{unit}", lang),
        rounding=i18n.text("districts.rounded", lang, base=suppressed.base)
        if suppressed.base > 1
        else i18n.text("districts.unrounded", lang),
        refresh=suppressed.k + 1,
    )
    earlier = [
        f"{group} ({period_words(basis, lang)})"
        for group, basis in suppressed.row_periods
        if basis != suppressed.period and group in suppressed.groups
    ]
    if earlier:
        note += " " + i18n.text("districts.earlier_rows", lang, rows="; ".join(earlier))
    return note


def store_name(store: Store) -> str:
    """The store's URL without its password: part of a cache key."""
    return store.url.render_as_string(hide_password=True)


def publication_key(now: dt.datetime | None = None) -> tuple[str, int]:
    """What the published figures depend on besides K: the period and the rounding base."""
    return _last_period(now).label, publication.rounding_base()


def _dated(figures, row_periods: dict[str, str], period) -> SuppressedTable | TooFewChildren:
    """Published figures with their period, and the period whose records each row shows."""
    if isinstance(figures, TooFewChildren):
        return figures
    return dataclasses.replace(
        figures, period=period.label, row_periods=tuple(sorted(row_periods.items()))
    )


def record_aggregate_export(store: Store, principal: access.Principal) -> None:
    """Check that ``principal`` may export aggregates, and audit the export.

    Raises
    ------
    AccessDenied
        When the role may not export aggregates (the refusal is audited).
    """
    access.require(store, principal, access.EXPORT_AGGREGATE)
