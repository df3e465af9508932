"""What the caseload and district pages read from the store: access-checked, ready to show.

The caseload is every child's row of :func:`eska_network.services.caseload.caseload_table`, scored
once per version of the data (:func:`scored_caseload`, for a server-side cache) and cut down on
every run to the children the principal may see (:func:`caseload_view`). The district views are
published figures (frozen per period), suppressed and rounded here, on the server, before
anything reaches a page (:func:`district_aggregates`): no child id and no unsuppressed count ever
leaves this module for a planner.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import sqlalchemy as sa

from eska_network import i18n
from eska_network.districts import aggregates as districts
from eska_network.districts import disclosure, publication, unserved
from eska_network.districts.disclosure import (
    SHOWN,
    SMALL,
    SuppressedTable,
    TooFewChildren,
)
from eska_network.districts.figures import OKABE_ITO, TEMPLATE
from eska_network.domain import gaps
from eska_network.domain.codes import LEVELS
from eska_network.domain.csvsafe import to_safe_csv
from eska_network.services import access, caseload
from eska_network.store import frames, publications
from eska_network.store.tables import actions, children, resources, revisions

CASELOAD_SHOWN = (
    "rank",
    "child_id",
    "severity",
    "reasons",
    "caseworker",
    "overdue_actions",
    "longest_no_contact_days",
    "stale_ties",
    "district",
    "as_of",
)
"""The caseload columns a page shows and exports, in order: who and why first, then what to
follow up (``gaps``, a bit mask, is not for show)."""
CASELOAD_NUMBERS = ("rank", "severity", "stale_ties", "longest_no_contact_days", "overdue_actions")

MEASURE_GROUPS: Mapping[str, tuple[str, ...]] = {
    "levels": tuple(f"level_{state}:{level}" for state in ("absent", "weak") for level in LEVELS),
    "needs": tuple(m for m in districts.GAP_MEASURES if m.startswith("unmet_need:")),
    "keys": tuple(m for m in districts.GAP_MEASURES if m.startswith("missing_function:")),
    "support": tuple(m for m in districts.GAP_MEASURES if m.startswith("missing_support_type:")),
    "links": districts.WEAKEST_LINK_MEASURES,
    "ties": ("stressful_family", "stressful_tie", "single_point_of_failure", "stale_tie"),
}
"""The measures the district comparison shows together, one group at a time."""

GEOJSON_MAX_BYTES = 10_000_000
"""The largest district outline file accepted (a province's kabupaten/kota at fine detail)."""
_GEOMETRIES = frozenset({"Polygon", "MultiPolygon"})


def data_version(store) -> tuple:
    """A fingerprint of the data the caseload and district pages show, cheap to read.

    Every import and saved assessment adds ``revisions`` rows (with the time of the save), every
    change of an action sets its ``updated_at``, and the services are few enough to hash whole.
    A reassignment changes none of these: :func:`caseload_view` reads assignments afresh.
    """
    counted = sa.select(sa.func.count(), sa.func.max(revisions.c.saved_at))
    acted = sa.select(sa.func.count(), sa.func.max(actions.c.updated_at))
    services = sa.select(
        resources.c.resource_id, resources.c.district, resources.c.name, resources.c.needs_served
    ).order_by(resources.c.resource_id)
    with store.reading() as connection:
        saves = tuple(connection.execute(counted).one())
        changes = tuple(connection.execute(acted).one())
        digest = hashlib.sha256(repr(connection.execute(services).all()).encode()).hexdigest()
    return (str(store.url), *map(str, saves), *map(str, changes), digest)


def _child_rows(store) -> pd.DataFrame:
    """Every child's id, caseworker and district (nothing else of the record)."""
    names = ["child_id", "caseworker", "district"]
    with store.reading() as connection:
        rows = frames.fetch_rows(connection, children, names, order_by=["child_id"])
    return pd.DataFrame.from_records(rows, columns=names)


def _with_children(store) -> pd.DataFrame:
    """The stored gap summaries with each child's caseworker and district."""
    return store.gap_summaries().merge(_child_rows(store), on="child_id", how="inner")


def _overdue_candidates(store, today: dt.date) -> pd.DataFrame:
    """The open actions due before ``today``: the only ones that can be overdue."""
    query = sa.select(actions.c.child_id, actions.c.status, actions.c.due_on).where(
        actions.c.status == "open", actions.c.due_on < today
    )
    with store.reading() as connection:
        rows = connection.execute(query).all()
    return pd.DataFrame.from_records(rows, columns=["child_id", "status", "due_on"])


def scored_caseload(store, today: dt.date, lang: str = "en") -> pd.DataFrame:
    """Every child's caseload row, most serious first: for a server-side cache, never for show.

    Not access-checked: pass it to :func:`caseload_view`, which keeps the principal's children.
    """
    return caseload.caseload_table(
        _with_children(store), _overdue_candidates(store, today), today, lang
    )


def caseload_view(
    store,
    principal: access.Principal,
    today: dt.date,
    lang: str = "en",
    scored: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The caseload of the children ``principal`` may see, most serious first, ranked from 1.

    Checked on the server (``view_caseload``, then the children of
    :func:`~eska_network.services.access.visible_child_ids`); caseworker and district are read
    afresh, so
    a reassignment shows at once even when ``scored`` comes from a cache.

    Parameters
    ----------
    scored
        :func:`scored_caseload` of the same store, day and language, when the caller keeps one.

    Raises
    ------
    AccessDenied
        When the principal may not see a caseload (the refusal is audited).
    """
    access.require(store, principal, access.VIEW_CASELOAD)
    visible = pd.Index(access.visible_child_ids(store, principal))
    if scored is None:
        scored = scored_caseload(store, today, lang)
    current = _child_rows(store)
    # Hash lookups of whole columns: ``isin`` on Arrow strings loops in Python.
    current = current[visible.get_indexer(current["child_id"]) >= 0].set_index("child_id")
    at = current.index.get_indexer(scored["child_id"])
    kept = at >= 0
    return (
        scored[kept]
        .reset_index(drop=True)
        .assign(
            caseworker=current["caseworker"].to_numpy()[at[kept]],
            district=current["district"].to_numpy()[at[kept]],
            rank=np.arange(1, int(kept.sum()) + 1),
        )
    )


def caseload_display(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The caseload rows as a page shows them and the CSV holds them: headings in ``lang``."""
    shown = table.loc[:, list(CASELOAD_SHOWN)].copy()
    shown["as_of"] = pd.to_datetime(shown["as_of"]).dt.date
    return shown.rename(columns={c: caseload.heading(c, lang) for c in CASELOAD_SHOWN})


def caseload_csv(table: pd.DataFrame, lang: str = "en") -> str:
    """The CSV export of the caseload rows on screen, with formula characters escaped."""
    return to_safe_csv(caseload_display(table, lang))


def record_caseload_export(store, principal: access.Principal, children_exported: int) -> None:
    """Check that ``principal`` may export child records and audit the caseload export.

    Raises
    ------
    AccessDenied
        When the role may not export child records (the refusal is audited).
    """
    access.require(store, principal, access.EXPORT_CHILD, audit_use=False)
    access.write_audit(
        store,
        principal,
        "export",
        "success",
        detail=f"{access.EXPORT_CHILD}: caseload CSV, {children_exported} children",
    )


def caseload_gap_counts(table: pd.DataFrame) -> pd.Series:
    """How many children of ``table`` have each gap kind (index :data:`caseload.GAP_KINDS`)."""
    masks = table["gaps"].to_numpy(dtype=np.int64)
    return pd.Series(
        [int(((masks >> bit) & 1).sum()) for bit in range(len(caseload.GAP_KINDS))],
        index=list(caseload.GAP_KINDS),
        dtype="int64",
    )


def caseload_gap_chart(gap_counts: pd.Series, lang: str = "en") -> go.Figure:
    """A bar per gap kind: how many children of a caseload have it (:func:`caseload_gap_counts`)."""
    labels = [caseload.gap_kind_label(kind, lang) for kind in gap_counts.index]
    figure = go.Figure(
        go.Bar(
            x=gap_counts.to_numpy(),
            y=labels,
            orientation="h",
            text=[number_text(n, lang) for n in gap_counts],
            textposition="outside",
            cliponaxis=False,
            marker_color=OKABE_ITO[0],
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        template=TEMPLATE,
        yaxis={"autorange": "reversed"},
        xaxis={"title": i18n.text("caseload.children", lang)},
        height=60 + 32 * len(labels),
        margin={"t": 10, "r": 60},
    )
    return figure


def _resources(store) -> pd.DataFrame:
    query = sa.select(resources.c.district, resources.c.name, resources.c.needs_served)
    with store.reading() as connection:
        rows = connection.execute(query.order_by(resources.c.resource_id)).all()
    return pd.DataFrame.from_records(rows, columns=["district", "name", "needs_served"])


def district_aggregates(
    store, principal: access.Principal, k: int | None = None, now: dt.datetime | None = None
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
    access.require(store, principal, access.VIEW_DISTRICTS)
    k = disclosure.suppression_k() if k is None else k
    period = publication.last_complete_period(
        now or access.utc_now(), publication.publication_unit()
    )

    def by_district(records) -> dict:
        summaries = gaps.gap_table(records)
        return publication.row_bases(summaries, records.children["district"].tolist())

    rows, figures = publications.ensure(
        store, "district", period, k, publication.rounding_base(), by_district
    )
    figures = _dated(figures, rows, period)
    if isinstance(figures, TooFewChildren):
        return figures
    services = districts.service_table(_resources(store), figures.groups)
    return dataclasses.replace(figures, services=services)


def quarterly_aggregates(
    store, principal: access.Principal, k: int | None = None, now: dt.datetime | None = None
) -> SuppressedTable | TooFewChildren:
    """The published trend by quarter of assessment (all districts), as :func:`district_aggregates`.

    Each quarter's row counts the children assessed in it, as they were at their latest
    assessment of the quarter, from the records as of the end of the last complete period.

    Raises
    ------
    AccessDenied
        When the principal may not see district aggregates (the refusal is audited).
    """
    access.require(store, principal, access.VIEW_DISTRICTS)
    k = disclosure.suppression_k() if k is None else k
    period = publication.last_complete_period(
        now or access.utc_now(), publication.publication_unit()
    )

    def by_quarter(records) -> dict:
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


def publication_key(now: dt.datetime | None = None) -> tuple[str, int]:
    """What the published figures depend on besides K: the period and the rounding base."""
    period = publication.last_complete_period(
        now or access.utc_now(), publication.publication_unit()
    )
    return period.label, publication.rounding_base()


def _dated(figures, rows, period) -> SuppressedTable | TooFewChildren:
    """Published figures with their period, and the period whose records each row shows."""
    if isinstance(figures, TooFewChildren):
        return figures
    return dataclasses.replace(
        figures,
        period=period.label,
        row_periods=tuple((group, row.basis_period) for group, row in sorted(rows.items())),
    )


def record_aggregate_export(store, principal: access.Principal) -> None:
    """Check that ``principal`` may export aggregates, and audit the export.

    Raises
    ------
    AccessDenied
        When the role may not export aggregates (the refusal is audited).
    """
    access.require(store, principal, access.EXPORT_AGGREGATE)


def default_districts(suppressed: SuppressedTable, how_many: int = 6) -> list[str]:
    """The districts to compare first: the ``how_many`` with most children (hidden counts last).

    >>> import pandas as pd
    >>> from eska_network.districts.aggregates import (
    ...     COUNT_MEASURES, MEDIAN_MEASURES, AggregateTable)
    >>> counts = pd.DataFrame(0, index=["A", "B", "C", ""], columns=list(COUNT_MEASURES))
    >>> counts["children"] = counts["weakest_link:family-community"] = [9, 30, 12, 51]
    >>> medians = pd.DataFrame(2.0, index=counts.index, columns=list(MEDIAN_MEASURES))
    >>> table = disclosure.suppress(AggregateTable("district", counts, medians, pd.DataFrame()), 5)
    >>> default_districts(table, 2)
    ['B', 'C']
    """
    groups = suppressed.groups
    shown = suppressed.count_status.loc[groups, districts.CHILDREN] == SHOWN
    sizes = suppressed.counts.loc[groups, districts.CHILDREN].where(shown)
    order = sizes.astype("Float64").fillna(-1).sort_values(ascending=False, kind="stable")
    return list(order.index[:how_many])


def most_common_gaps(suppressed: SuppressedTable, how_many: int = 3) -> list[str]:
    """The gap measures with the largest shown share over all groups (the total row)."""
    shares = suppressed.shares.loc[districts.TOTAL, list(districts.GAP_MEASURES)]
    shares = shares.astype("Float64").fillna(-1).sort_values(ascending=False, kind="stable")
    return list(shares.index[:how_many])


def some_too_small(suppressed: SuppressedTable) -> bool:
    """Whether some district has fewer than K children (and so is left out of the headline)."""
    return bool((suppressed.count_status.loc[suppressed.groups, districts.CHILDREN] == SMALL).any())


def all_too_small(suppressed: SuppressedTable, groups: Iterable[str]) -> bool:
    """Whether every one of ``groups`` has fewer than K children (so nothing of them is shown)."""
    chosen = [group for group in groups if group != districts.TOTAL]
    status = suppressed.count_status.loc[chosen, districts.CHILDREN]
    return bool(chosen) and bool((status == SMALL).all())


def number_text(value: float, lang: str = "en", decimals: int = 0) -> str:
    """A number written for reading: thousands grouped, the decimal mark of ``lang``.

    >>> number_text(123456), number_text(123456, "id"), number_text(12.25, "id", 1)
    ('123,456', '123.456', '12,2')
    """
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


def aggregate_display(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A :func:`disclosure.to_export` table written for reading (markers kept as they are).

    Whole numbers get grouped thousands, shares and medians one decimal, in ``lang``'s style.
    """

    def written(value: object) -> object:
        if isinstance(value, int | np.integer):
            return number_text(value, lang)
        if isinstance(value, float | np.floating):
            return number_text(value, lang, disclosure.SHARE_DECIMALS)
        return value

    return table.map(written)


def unserved_display(suppressed: SuppressedTable, lang: str = "en") -> pd.DataFrame:
    """The planner's headline, as shown: district, need, and the share of children unmet.

    Columns ``district``, ``need``, ``unmet`` (a share such as ``38.5%``, or the marker of a
    hidden one).
    """
    table = unserved.unserved_needs(suppressed, lang)
    marker = suppressed.display_shares()
    shares = [
        f"{number_text(100 * share, lang, disclosure.SHARE_DECIMALS)}%"
        if pd.notna(share)
        else marker.at[district, f"unmet_need:{need}"]
        for district, need, share in zip(
            table["district"], table["need"], table["unmet_share"], strict=True
        )
    ]
    return pd.DataFrame(
        {
            "district": table["district"].tolist(),
            "need": table["need_label"].tolist(),
            "unmet": shares,
        }
    )


def read_geojson(data: bytes, max_bytes: int = GEOJSON_MAX_BYTES) -> dict:
    """An uploaded file of district outlines, checked by size and content (not by its name).

    Raises
    ------
    ValueError
        Naming what is wrong: too large, not JSON, not a FeatureCollection, or a feature that is
        no polygon.
    """
    if len(data) > max_bytes:
        raise ValueError(
            f"the file is {len(data) / 1e6:.1f} MB; at most {max_bytes / 1e6:.0f} MB is accepted"
        )
    try:
        geojson = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"the file is not GeoJSON text: {error}") from None
    if not isinstance(geojson, dict) or geojson.get("type") != "FeatureCollection":
        raise ValueError("the file is not a GeoJSON FeatureCollection")
    features = geojson.get("features")
    if not isinstance(features, list) or not features:
        raise ValueError("the FeatureCollection holds no features")
    for number, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") not in _GEOMETRIES:
            raise ValueError(f"feature {number} is not a Polygon or MultiPolygon")
        if not isinstance(feature.get("properties"), dict):
            raise ValueError(f"feature {number} has no properties")
    return geojson


def name_properties(geojson: Mapping) -> list[str]:
    """The properties every feature has, that could name its district (``name`` first).

    >>> name_properties({"features": [{"properties": {"id": 1, "name": "A"}},
    ...                               {"properties": {"name": "B", "id": 2}}]})
    ['name', 'id']
    """
    features: Sequence[Mapping] = geojson["features"]
    common = [
        key for key in features[0]["properties"] if all(key in f["properties"] for f in features)
    ]
    return sorted(common, key=lambda key: (key != "name", common.index(key)))
