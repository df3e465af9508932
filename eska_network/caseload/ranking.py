"""The supervisor's caseload: children ranked by the severity of their gaps, with filters.

:func:`caseload_table` is built once from the stored gap summaries; :func:`filter_caseload` then
answers every filter change with a few vectorised comparisons (the gap kinds of each child are one
bit mask), so that a caseload of 100,000 children is filtered in milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from eska_network import i18n
from eska_network.domain import follow_up, gap_kinds, severity

GAP_KINDS = gap_kinds.KIND_CODES
"""The gap kinds a user can filter by, most serious first; name them with :func:`gap_kind_label`."""

COLUMNS = (
    "rank",
    "child_id",
    "severity",
    "reasons",
    "chips",
    "caseworker",
    "district",
    "as_of",
    "stale_ties",
    "longest_no_contact_days",
    "overdue_actions",
    "overdue_referrals",
    "gaps",
)
"""The caseload table's columns; ``reasons`` are the reasons in words, ``chips`` the few most
serious in a few words each (a list); ``gaps`` is the bit mask of :data:`GAP_KINDS` (not for
show)."""

REASON_SEPARATOR = "; "

_KIND_COMPONENTS = {kind.code: list(kind.components()) for kind in gap_kinds.GAP_KINDS}


def heading(column: str, lang: str = "en") -> str:
    """The heading of a shown column in ``lang`` (catalogue ``caseload.column.<column>``)."""
    return i18n.text(f"caseload.column.{column}", lang)


def gap_kind_label(kind: str, lang: str = "en") -> str:
    """The name of a gap kind a user can pick, in ``lang``.

    >>> gap_kind_label("unmet_need", "id")
    'Kebutuhan belum terpenuhi'
    """
    return gap_kinds.gap_kind(kind).name(lang)


def kind_masks(counts: pd.DataFrame) -> np.ndarray:
    """The bit mask of :data:`GAP_KINDS` of every child, from :func:`severity.gap_counts`."""
    masks = np.zeros(len(counts), dtype=np.int64)
    for bit, kind in enumerate(GAP_KINDS):
        present = counts[_KIND_COMPONENTS[kind]].to_numpy().sum(axis=1) > 0
        masks |= present.astype(np.int64) << bit
    return masks


def kinds_mask(kinds: Iterable[str]) -> int:
    """The bit mask of some gap kinds (ValueError for a kind not in :data:`GAP_KINDS`)."""
    return sum(1 << GAP_KINDS.index(kind) for kind in set(kinds))


def kinds_of(mask: int) -> list[str]:
    """The gap kinds of a mask, most serious first."""
    return [kind for bit, kind in enumerate(GAP_KINDS) if mask >> bit & 1]


def caseload_table(
    summaries_with_children: pd.DataFrame,
    actions: pd.DataFrame | None,
    today: dt.date,
    lang: str = "en",
    referral_days: int = follow_up.REFERRAL_ANSWER_DAYS,
) -> pd.DataFrame:
    """Every child, most serious first, with the reasons in words and what to follow up.

    Parameters
    ----------
    summaries_with_children
        One row per child: the gap summary columns and the child's ``district`` and
        ``caseworker``.
    actions
        The agreed actions (``child_id``, ``status``, ``due_on``, ``status_on``,
        ``created_on``); may be empty or ``None``.
    today
        The day against which actions and referrals are overdue.
    lang
        ``"en"`` or ``"id"``, the language of the reasons.
    referral_days
        Days a sent referral may wait to be accepted before it is overdue.

    Returns
    -------
    pandas.DataFrame
        The :data:`COLUMNS`, ranked by severity, then longest time without contact, then child
        id; ``rank`` starts at 1.
    """
    frame = summaries_with_children.reset_index(drop=True)
    has_actions = actions is not None and len(actions) > 0
    overdue = follow_up.overdue_counts(actions, today, referral_days) if has_actions else None
    frame = frame.assign(
        **{
            name: frame["child_id"].map(overdue[name]).fillna(0).astype("int64")
            if overdue is not None
            else np.zeros(len(frame), dtype=np.int64)
            for name in (severity.OVERDUE, severity.OVERDUE_REFERRALS)
        }
    )
    counts = severity.gap_counts(frame)
    scored = severity.points(frame, counts)
    reasons, chips = reasons_and_chips(frame, lang, scored)
    table = pd.DataFrame(
        {
            "child_id": frame["child_id"],
            "severity": scored.sum(axis=1).astype("int64"),
            "reasons": reasons,
            "chips": chips,
            "caseworker": frame["caseworker"] if "caseworker" in frame else pd.NA,
            "district": frame["district"],
            "as_of": frame["as_of"],
            "stale_ties": frame["stale_ties"].astype("int64"),
            "longest_no_contact_days": frame["longest_no_contact_days"].astype("Int64"),
            "overdue_actions": frame[severity.OVERDUE],
            "overdue_referrals": frame[severity.OVERDUE_REFERRALS],
            "gaps": kind_masks(counts),
        }
    )
    return ranked(table)


def reasons_and_chips(
    frame: pd.DataFrame, lang: str = "en", scored: pd.DataFrame | None = None
) -> tuple[pd.Series, pd.Series]:
    """The ``reasons`` (one text per row) and ``chips`` (a list per row) of a caseload's rows.

    ``frame`` holds gap summaries with ``overdue_actions`` and ``overdue_referrals``; ``scored``
    is its :func:`~eska_network.domain.severity.points` when the caller has it.
    """
    scored = severity.points(frame) if scored is None else scored
    reasons = severity.reason_lists(frame, lang, scored).map(REASON_SEPARATOR.join)
    return reasons, severity.chip_lists(frame, lang, scored)


def ranked(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a caseload (the :data:`COLUMNS` but ``rank``) in caseload order, ranked from 1.

    By severity, then longest time without contact, then child id.
    """
    no_contact = table["longest_no_contact_days"].fillna(-1).astype("int64")
    order = np.lexsort(
        (
            table["child_id"].to_numpy(dtype=str),
            -no_contact.to_numpy(),
            -table["severity"].to_numpy(dtype=np.int64),
        )
    )
    table = table.iloc[order].reset_index(drop=True)
    table.insert(0, "rank", np.arange(1, len(table) + 1))
    return table


def with_stored_scores(stored: pd.DataFrame, overdue: pd.DataFrame) -> pd.DataFrame:
    """The :func:`caseload_table` of children whose score was stored at save time, without the
    reasons and chips: read them for the rows shown
    (:func:`eska_network.services.caseload.with_texts`), never for every child.

    Parameters
    ----------
    stored
        One row per child: ``child_id``, ``severity`` as stored (without overdue actions),
        ``gaps``, ``as_of``, ``stale_ties``, ``longest_no_contact_days``, ``caseworker``,
        ``district`` (:func:`eska_network.store.scores.read`).
    overdue
        Indexed by child id, ``overdue_actions`` and ``overdue_referrals`` of the children with
        something overdue (:func:`eska_network.store.overdue.counts`, the database's count of
        :func:`eska_network.domain.follow_up.overdue_counts`). Their points add to the stored
        score: nothing else in the score depends on them.
    """
    at = overdue.index.get_indexer(stored["child_id"])
    found = at >= 0

    def overdue_of(name: str) -> np.ndarray:
        values = np.zeros(len(stored), dtype=np.int64)
        values[found] = overdue[name].to_numpy(dtype=np.int64)[at[found]]
        return values

    late_actions = overdue_of(severity.OVERDUE)
    late_referrals = overdue_of(severity.OVERDUE_REFERRALS)
    scores = stored["severity"].to_numpy(dtype=np.int64)
    table = pd.DataFrame(
        {
            "child_id": stored["child_id"].astype(str).to_numpy(),
            "severity": scores + severity.overdue_points(late_actions, late_referrals),
            "reasons": np.full(len(stored), None, dtype=object),
            "chips": np.full(len(stored), None, dtype=object),
            "caseworker": stored["caseworker"].to_numpy(),
            "district": stored["district"].to_numpy(),
            "as_of": pd.to_datetime(stored["as_of"]).to_numpy(),
            "stale_ties": stored["stale_ties"].to_numpy(dtype=np.int64),
            "longest_no_contact_days": stored["longest_no_contact_days"].astype("Int64").array,
            "overdue_actions": late_actions,
            "overdue_referrals": late_referrals,
            "gaps": stored["gaps"].to_numpy(dtype=np.int64),
        }
    )
    return ranked(table)


def listed(text: str) -> list[str]:
    """A stored list of chips (``;``-joined) as a list."""
    return text.split(REASON_SEPARATOR) if text else []


def filter_caseload(
    table: pd.DataFrame,
    caseworkers: Iterable[str] | None = None,
    districts: Iterable[str] | None = None,
    gap_kinds: Iterable[str] | None = None,
    overdue_only: bool = False,
    stale_only: bool = False,
) -> pd.DataFrame:
    """The rows of a :func:`caseload_table` that pass every filter given, in the same order.

    ``None`` (or an empty list) means no filter. A child passes ``gap_kinds`` when it has any of
    them; ``overdue_only`` keeps children with an overdue action, ``stale_only`` those with a stale
    tie. The ``rank`` column keeps each child's place in the whole caseload.

    Examples
    --------
    >>> table = pd.DataFrame({"caseworker": ["ani", "budi"], "district": ["A", "A"],
    ...     "gaps": [kinds_mask(["unmet_need"]), kinds_mask(["stale_tie"])],
    ...     "overdue_actions": [0, 2], "overdue_referrals": [0, 0], "stale_ties": [0, 1]})
    >>> len(filter_caseload(table, gap_kinds=["stale_tie"])), len(filter_caseload(table))
    (1, 2)
    """
    keep = np.ones(len(table), dtype=bool)
    if caseworkers:
        keep &= table["caseworker"].isin(list(caseworkers)).to_numpy()
    if districts:
        keep &= table["district"].isin(list(districts)).to_numpy()
    if gap_kinds:
        keep &= (table["gaps"].to_numpy() & kinds_mask(gap_kinds)) != 0
    if overdue_only:
        late = table["overdue_actions"].to_numpy() + table["overdue_referrals"].to_numpy()
        keep &= late > 0
    if stale_only:
        keep &= table["stale_ties"].to_numpy() > 0
    return table[keep]
