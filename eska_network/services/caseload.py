"""The caseload a page shows: read from the store, access-checked, ready to show and export.

The caseload is a row of :func:`eska_network.caseload.ranking.caseload_table` per child the
principal may see, read from the scores kept at save time once per version of the data
(:func:`scored_caseload`, for a server-side cache) and checked again on every run against the
children the principal may see now (:func:`caseload_view`). The reasons in words are long: they
are read for the rows a page shows (:func:`with_texts`), not for every child.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import sqlalchemy as sa

from eska_network import i18n
from eska_network.caseload import ranking
from eska_network.domain import follow_up, severity
from eska_network.domain.csvsafe import to_safe_csv
from eska_network.services import access, accounts
from eska_network.store import Store, frames, overdue, scores
from eska_network.store.tables import children

CASELOAD_SHOWN = (
    "rank",
    "child_id",
    "severity",
    "chips",
    "longest_no_contact_days",
    "overdue_actions",
    "overdue_referrals",
    "caseworker",
    "district",
    "stale_ties",
    "as_of",
)
"""The caseload columns a page shows, in order: who and why first (the severity as its band and
score, the most serious reasons as chips), then what to follow up, then the rest (``gaps``, a bit
mask, is not for show)."""
CASELOAD_EXPORTED = (
    "rank",
    "child_id",
    "severity",
    "severity_band",
    "reasons",
    "longest_no_contact_days",
    "overdue_actions",
    "overdue_referrals",
    "caseworker",
    "district",
    "stale_ties",
    "as_of",
)
"""The columns of the CSV export: the score as a number beside its band, every reason in full."""
CASELOAD_NUMBERS = (
    "rank",
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


def scored_caseload(store: Store, principal: access.Principal, today: dt.date) -> pd.DataFrame:
    """The caseload rows of the children ``principal`` may see, most serious first: for a
    server-side cache, never for show (:func:`caseload_view` checks it on every run).

    The scores stored at save time (:mod:`eska_network.store.scores`) with the points of what
    is overdue on ``today`` added, both read in one transaction and only for the children of
    :func:`~eska_network.services.access.visible_condition`: a caseworker's first view reads
    their children, not the country's. No child is scored again and no reason is read
    (:func:`with_texts` does it for the rows shown).
    """
    condition = access.visible_condition(principal)
    if condition is None:
        condition = sa.false()
    with store.reading() as connection:
        stored = scores.read(connection, condition)
        late = overdue.counts(connection, today, follow_up.referral_days(), condition)
    return ranking.with_stored_scores(stored, late)


def caseload_view(
    store: Store,
    principal: access.Principal,
    today: dt.date,
    scored: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The caseload of the children ``principal`` may see, most serious first, ranked from 1.

    ``reasons`` and ``chips`` are ``None`` on most rows: :func:`with_texts` reads them for the
    rows shown. Checked on the server (``view_caseload``, then the children of
    :func:`~eska_network.services.access.visible_condition`, read with their caseworker and
    district in one query), so a reassignment shows at once even when ``scored`` comes from a
    cache: a child moved away is dropped, a child moved in has the scoring read again.

    Parameters
    ----------
    scored
        :func:`scored_caseload` of the same store, principal and day, when the caller keeps one.

    Raises
    ------
    AccessDenied
        When the principal may not see a caseload (the refusal is audited).
    """
    access.require(store, principal, access.VIEW_CASELOAD)
    if scored is None:
        return scored_caseload(store, principal, today)
    current = _visible_rows(store, principal).set_index("child_id")
    if not current.index.isin(scored["child_id"]).all():
        return scored_caseload(store, principal, today)
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
        rows = frames._raw(connection, query)  # driver tuples: no Row object per child
    return pd.DataFrame.from_records(rows, columns=names)


def with_texts(store: Store, rows: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """``rows`` of a caseload (those a page shows) with every child's reasons and chips, in
    ``lang``, for the rows without them.

    A child with nothing overdue has them as stored at save time, read by primary key; a child
    with something overdue has them said again from its gap summary and the overdue counts of
    ``rows`` (the overdue reasons take their place among the others). ``chips`` becomes a list
    per row, ``reasons`` one ``;``-joined text, as
    :func:`~eska_network.caseload.ranking.caseload_table` gives them.
    """
    missing = rows["reasons"].isna().to_numpy()
    if not missing.any():
        return rows
    late = (rows[severity.OVERDUE] + rows[severity.OVERDUE_REFERRALS]).to_numpy() > 0
    texts = _stored_texts(store, rows.loc[missing & ~late, "child_id"].tolist(), lang)
    texts.update(_texts_with_overdue(store, rows.loc[missing & late], lang))
    reasons = rows["reasons"].to_numpy(dtype=object).copy()
    chips = rows["chips"].to_numpy(dtype=object).copy()
    for position in np.flatnonzero(missing):
        reasons[position], chips[position] = texts.get(rows["child_id"].iat[position], ("", []))
    return rows.assign(reasons=reasons, chips=chips)


def _stored_texts(store: Store, child_ids: list[str], lang: str) -> dict[str, tuple[str, list]]:
    """The reasons and chips stored at save time of ``child_ids``, by child id."""
    if not child_ids:
        return {}
    with store.reading() as connection:
        texts = scores.read_texts(connection, child_ids, lang)
    return {
        row.child_id: (row.reasons, ranking.listed(row.chips))
        for row in texts.itertuples(index=False)
    }


def _texts_with_overdue(store: Store, rows: pd.DataFrame, lang: str) -> dict[str, tuple[str, list]]:
    """The reasons and chips of caseload ``rows`` with something overdue, by child id: said from
    their gap summaries and the rows' overdue counts."""
    if rows.empty:
        return {}
    counted = rows.loc[:, ["child_id", severity.OVERDUE, severity.OVERDUE_REFERRALS]]
    frame = store.gap_summaries(counted["child_id"].tolist()).merge(counted, on="child_id")
    reasons, chips = ranking.reasons_and_chips(frame, lang)
    return dict(zip(frame["child_id"], zip(reasons, chips, strict=True), strict=True))


def caseload_display(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The caseload rows as a page shows them, headings in ``lang``: the severity as its band and
    score (``"high · 89"``), the most serious reasons as a list of chips."""
    shown = table.loc[:, list(CASELOAD_SHOWN)].copy()
    shown["as_of"] = pd.to_datetime(shown["as_of"]).dt.date
    shown["severity"] = [band_text(int(score), lang) for score in shown["severity"]]
    return shown.rename(columns={c: ranking.heading(c, lang) for c in CASELOAD_SHOWN})


def band_text(score: int, lang: str = "en") -> str:
    """A score as the caseload shows it: its band in words, then the number.

    >>> band_text(2045), band_text(12, "id")
    ('danger · 2,045', 'rendah · 12')
    """
    return f"{severity.BAND_WORDS[severity.band(score)](lang)} · {i18n.number_text(score, lang)}"


def caseload_csv(table: pd.DataFrame, lang: str = "en") -> str:
    """The CSV export of the caseload rows on screen (every reason in full, the score as a
    number beside its band), with formula characters escaped."""
    exported = table.assign(
        severity_band=[severity.BAND_WORDS[severity.band(int(s))](lang) for s in table["severity"]]
    ).loc[:, list(CASELOAD_EXPORTED)]
    exported["as_of"] = pd.to_datetime(exported["as_of"]).dt.date
    return to_safe_csv(
        exported.rename(columns={c: ranking.heading(c, lang) for c in CASELOAD_EXPORTED})
    )


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


def referral_days() -> int:
    """Days a sent referral may wait to be accepted before it is overdue (ESKA_REFERRAL_DAYS)."""
    return follow_up.referral_days()


def reasons_of(table: pd.DataFrame, child_id: str) -> list[str]:
    """Every reason of one child of a caseload table, in words, most serious first."""
    text = table.loc[table["child_id"] == child_id, "reasons"]
    return [reason for reason in text.iloc[0].split(ranking.REASON_SEPARATOR) if reason]


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


TEAM_COLUMNS = (
    "caseworker",
    "children",
    "in_danger",
    "with_gaps",
    "gaps",
    "overdue_actions",
    "overdue_referrals",
)
"""The team summary's columns: per caseworker, children, children in danger now and with any
gap, kinds of gap over all their children, overdue actions and referrals."""


def team_summary(table: pd.DataFrame) -> pd.DataFrame:
    """The workload of each caseworker of a caseload table (:func:`caseload_view`), heaviest
    first (most children in danger, then most kinds of gap); columns :data:`TEAM_COLUMNS`.

    ``gaps`` adds up, over a caseworker's children, the kinds of gap each has (a child with an
    unmet need and a stale tie counts 2).
    """
    masks = table["gaps"].to_numpy(dtype=np.int64)
    kinds = sum(((masks >> bit) & 1) for bit in range(len(ranking.GAP_KINDS)))
    frame = pd.DataFrame(
        {
            "caseworker": table["caseworker"].fillna("-").to_numpy(),
            "children": 1,
            "in_danger": (table["severity"].to_numpy() >= severity.DANGER_POINTS).astype(int),
            "with_gaps": (table["severity"].to_numpy() > 0).astype(int),
            "gaps": np.asarray(kinds, dtype=np.int64),
            "overdue_actions": table["overdue_actions"].to_numpy(),
            "overdue_referrals": table["overdue_referrals"].to_numpy(),
        }
    )
    summary = frame.groupby("caseworker", as_index=False).sum()
    summary = summary.sort_values(
        ["in_danger", "gaps", "caseworker"], ascending=[False, False, True], kind="stable"
    )
    return summary.loc[:, list(TEAM_COLUMNS)].reset_index(drop=True)


def team_caseworkers(store: Store, principal: access.Principal) -> list[str]:
    """The active caseworkers a child may be reassigned to by ``principal``: those of the
    supervisor's own team (none for a role that may not reassign)."""
    if not access.may(store, principal, access.REASSIGN) or principal.role != "supervisor":
        return []
    return sorted(
        user.user_name
        for user in accounts.list_users(store)
        if user.role == "caseworker" and user.active and user.team == principal.team
    )


def reassign_child(
    store: Store, principal: access.Principal, child_id: str, caseworker: str
) -> None:
    """Move a child to another caseworker of the supervisor's team, from a page (audited).

    The check is :func:`eska_network.services.access.reassign`'s (the command line's): the
    child must be one of the team's, the caseworker an active caseworker of the same team. A
    caseworker of another team is refused and the refusal audited, as any refusal is.

    Raises
    ------
    AccessDenied
        When ``principal`` may not reassign this child, or not to ``caseworker``.
    """
    if caseworker not in team_caseworkers(store, principal):
        access.write_audit(
            store, principal, "refusal", "refused", child_id=child_id, detail=access.REASSIGN
        )
        raise access.AccessDenied(f"{caseworker!r} is not a caseworker of your team")
    access.reassign(store, principal, child_id, caseworker)
