"""The caseload a page shows: read from the store, access-checked, ready to show and export.

The caseload is every child's row of :func:`eska_network.caseload.ranking.caseload_table`, scored
once per version of the data (:func:`scored_caseload`, for a server-side cache) and cut down on
every run to the children the principal may see (:func:`caseload_view`).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import sqlalchemy as sa

from eska_network.caseload import ranking
from eska_network.domain import follow_up
from eska_network.domain.csvsafe import to_safe_csv
from eska_network.services import access
from eska_network.store import Store, frames, scores
from eska_network.store.tables import actions, children

CASELOAD_SHOWN = (
    "rank",
    "child_id",
    "severity",
    "reasons",
    "caseworker",
    "overdue_actions",
    "overdue_referrals",
    "longest_no_contact_days",
    "stale_ties",
    "district",
    "as_of",
)
"""The caseload columns a page shows and exports, in order: who and why first, then what to
follow up (``gaps``, a bit mask, is not for show)."""
CASELOAD_NUMBERS = (
    "rank",
    "severity",
    "stale_ties",
    "longest_no_contact_days",
    "overdue_actions",
    "overdue_referrals",
)


def _child_rows(store: Store, child_ids: list[str] | None = None) -> pd.DataFrame:
    """The id, caseworker and district of every child or of ``child_ids`` (nothing else)."""
    names = ["child_id", "caseworker", "district"]
    with store.reading() as connection:
        rows = frames.fetch_rows(connection, children, names, child_ids, order_by=["child_id"])
    return pd.DataFrame.from_records(rows, columns=names)


def with_children(store: Store, child_ids: list[str] | None = None) -> pd.DataFrame:
    """The stored gap summaries (of every child, or of ``child_ids``) with each child's
    caseworker and district."""
    return store.gap_summaries(child_ids).merge(
        _child_rows(store, child_ids), on="child_id", how="inner"
    )


_CANDIDATE_COLUMNS = ["child_id", "status", "due_on", "status_on", "created_on"]


def _overdue_candidates(store: Store, today: dt.date) -> pd.DataFrame:
    """The actions that can be overdue: still to do and due before ``today``, or sent."""
    still_to_do = actions.c.status.in_(follow_up.STILL_TO_DO) & (actions.c.due_on < today)
    query = sa.select(*(actions.c[name] for name in _CANDIDATE_COLUMNS)).where(
        still_to_do | (actions.c.status == "sent")
    )
    with store.reading() as connection:
        rows = connection.execute(query).all()
    return pd.DataFrame.from_records(rows, columns=_CANDIDATE_COLUMNS)


def scored_caseload(store: Store, today: dt.date, lang: str = "en") -> pd.DataFrame:
    """Every child's caseload row, most serious first: for a server-side cache, never for show.

    The scores and reasons stored at save time (:mod:`eska_network.store.scores`) are read as
    they are; only the children with an action or referral overdue on ``today`` are scored again,
    from their stored summaries. Not access-checked: pass it to :func:`caseload_view`, which keeps
    the principal's children.
    """
    candidates = _overdue_candidates(store, today)
    days = follow_up.referral_days()
    late_ids: list[str] = []
    if len(candidates):
        late_ids = follow_up.overdue_counts(candidates, today, days).index.astype(str).tolist()
    with store.reading() as connection:
        stored = scores.read(connection, lang)
    late = with_children(store, late_ids)
    late_actions = candidates[candidates["child_id"].isin(set(late_ids))]
    return ranking.with_stored_scores(stored, (late, late_actions), today, lang, days)


def caseload_view(
    store: Store,
    principal: access.Principal,
    today: dt.date,
    lang: str = "en",
    scored: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The caseload of the children ``principal`` may see, most serious first, ranked from 1.

    Checked on the server (``view_caseload``, then the children of
    :func:`~eska_network.services.access.visible_condition`, read in one query with their
    caseworker and district, never every child of the store), so a reassignment shows at once
    even when ``scored`` comes from a cache.

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
    if scored is None:
        scored = scored_caseload(store, today, lang)
    current = _visible_rows(store, principal).set_index("child_id")
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


def _visible_rows(store: Store, principal: access.Principal) -> pd.DataFrame:
    """The id, caseworker and district of the children ``principal`` may see: one query."""
    names = ["child_id", "caseworker", "district"]
    condition = access.visible_condition(principal)
    if condition is None:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in names})
    query = sa.select(*(children.c[name] for name in names)).where(condition)
    with store.reading() as connection:
        rows = connection.execute(query).all()
    return pd.DataFrame.from_records(rows, columns=names)


def caseload_display(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The caseload rows as a page shows them and the CSV holds them: headings in ``lang``."""
    shown = table.loc[:, list(CASELOAD_SHOWN)].copy()
    shown["as_of"] = pd.to_datetime(shown["as_of"]).dt.date
    return shown.rename(columns={c: ranking.heading(c, lang) for c in CASELOAD_SHOWN})


def caseload_csv(table: pd.DataFrame, lang: str = "en") -> str:
    """The CSV export of the caseload rows on screen, with formula characters escaped."""
    return to_safe_csv(caseload_display(table, lang))


def record_caseload_export(
    store: Store, principal: access.Principal, children_exported: int
) -> None:
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
    """How many children of ``table`` have each gap kind (index :data:`ranking.GAP_KINDS`)."""
    masks = table["gaps"].to_numpy(dtype=np.int64)
    return pd.Series(
        [int(((masks >> bit) & 1).sum()) for bit in range(len(ranking.GAP_KINDS))],
        index=list(ranking.GAP_KINDS),
        dtype="int64",
    )


def children_with_overdue(table: pd.DataFrame) -> int:
    """How many children of a caseload table have an overdue action or referral."""
    late = table["overdue_actions"].to_numpy() + table["overdue_referrals"].to_numpy()
    return int((late > 0).sum())
