"""What the district pages read from the store: access-checked and suppressed on the server.

No child id and no unsuppressed count ever leaves this module for a planner.
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from eska_network.districts import aggregates as districts
from eska_network.districts import disclosure
from eska_network.districts.disclosure import SuppressedTable, TooFewChildren
from eska_network.services import access
from eska_network.services.caseload import with_children
from eska_network.store.tables import resources


def _resources(store) -> pd.DataFrame:
    query = sa.select(resources.c.district, resources.c.name, resources.c.needs_served)
    with store.reading() as connection:
        rows = connection.execute(query.order_by(resources.c.resource_id)).all()
    return pd.DataFrame.from_records(rows, columns=["district", "name", "needs_served"])


def district_aggregates(
    store, principal: access.Principal, k: int | None = None
) -> SuppressedTable | TooFewChildren:
    """Every district's measures over all stored children, suppressed (K from the environment).

    Checked on the server (``view_districts``). The result holds district names, suppressed
    counts, shares and medians, and the services of ``resources``: no child id, no small count.

    Raises
    ------
    AccessDenied
        When the principal may not see district aggregates (the refusal is audited).
    """
    access.require(store, principal, access.VIEW_DISTRICTS)
    summaries = with_children(store).drop(columns=["child_id", "caseworker"])
    return disclosure.suppress(districts.district_table(summaries, _resources(store)), k)


def quarterly_aggregates(
    store, principal: access.Principal, k: int | None = None
) -> SuppressedTable | TooFewChildren:
    """Every measure per quarter of assessment over all districts, suppressed.

    It summarises every child at each quarter's latest assessment from the whole record
    (:func:`~eska_network.districts.aggregates.summary_history`), so it is far slower than
    :func:`district_aggregates` on a large store: compute it once per data version.

    Raises
    ------
    AccessDenied
        When the principal may not see district aggregates (the refusal is audited).
    """
    access.require(store, principal, access.VIEW_DISTRICTS)
    history = districts.summary_history(store.load_dataset())
    return disclosure.suppress(districts.quarterly_trend(history), k)


def record_aggregate_export(store, principal: access.Principal) -> None:
    """Check that ``principal`` may export aggregates, and audit the export.

    Raises
    ------
    AccessDenied
        When the role may not export aggregates (the refusal is audited).
    """
    access.require(store, principal, access.EXPORT_AGGREGATE)
