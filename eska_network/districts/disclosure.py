"""Disclosure control for the planner's aggregates: small counts hidden, and all that reveals them.

The rules of SECURITY.md ("Aggregates"), for a table of counts of children per group (district or
quarter) whose last row is the total over all groups:

1. **Primary suppression.** A count from 1 to K-1 is hidden and shown as ``<K``. In a group of
   fewer than K children every count, share and median is hidden (``<K``): they are statistics of
   fewer than K children.
2. **Secondary suppression.** A hidden count must not be worked out by subtraction. Each column
   adds up to its total row, and the three ``weakest_link`` counts of each row add up to the row's
   ``children``. In each such line (totals included), when exactly one cell is hidden, the smallest
   other cell that is not zero is hidden too (shown as ``x``); this repeats until nothing changes.
   The ``children`` and ``weakest_link`` columns form a two-way table, where a hidden cell can
   still be found by chaining lines: a hidden cell is found exactly when no cycle of hidden cells
   runs through it (it is a *bridge* of the graph of rows and columns joined by hidden cells), so
   bridges get a further hidden cell until there are none.
3. **Shares and medians.** A share is shown only when both its count and the group's number of
   children are shown (a share times a shown total gives back the count, a shown count divided by
   a share gives back the total). Medians are hidden for groups of fewer than K children.
4. **Too few children.** When the whole table holds fewer than K children, :func:`suppress`
   returns :class:`TooFewChildren`, which says only that.

K comes from the ``ESKA_SUPPRESSION_K`` environment variable (default 5). For this population a K
of 10 is advisable.

Limits: the guarantee is that no hidden count can be *solved* from the lines of one table. Bounds
are another matter (a hidden ``x`` is known to be 0 or at least K), and two tables of different
filters (all children, then only girls) are suppressed each on its own, so subtracting one from
the other can still reveal a small group. Compare districts with :meth:`SuppressedTable.select`
of one suppressed table, and keep the page's filters coarse.

What the page shows and what the CSV export holds are both :func:`to_export` of one
:class:`SuppressedTable`. Which cells rules 1 and 2 hide is worked out in
:mod:`eska_network.districts.cell_hiding`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eska_network import i18n
from eska_network.districts.aggregates import (
    CHILDREN,
    COUNT_MEASURES,
    MEDIAN_MEASURES,
    TOTAL,
    AggregateTable,
    group_heading,
    measure_label,
    total_label,
)
from eska_network.districts.cell_hiding import SHOWN, SMALL, hide_cells
from eska_network.domain.csvsafe import to_safe_csv

K_VARIABLE = "ESKA_SUPPRESSION_K"
DEFAULT_K = 5
SECONDARY_MARKER = "x"
SHARE_DECIMALS = 1
MEDIAN_DECIMALS = 1


def suppression_k(environ: Mapping[str, str] | None = None) -> int:
    """K, the smallest count shown: ``ESKA_SUPPRESSION_K`` or 5 (10 is advisable).

    >>> suppression_k({}), suppression_k({"ESKA_SUPPRESSION_K": "10"})
    (5, 10)
    """
    text = (os.environ if environ is None else environ).get(K_VARIABLE, "").strip()
    if not text:
        return DEFAULT_K
    try:
        k = int(text)
    except ValueError:
        raise ValueError(
            f"{K_VARIABLE} must be a whole number of at least 2, not {text!r}"
        ) from None
    if k < 2:
        raise ValueError(f"{K_VARIABLE} must be a whole number of at least 2, not {text!r}")
    return k


def marker(status: str, k: int) -> str:
    """What a hidden cell shows: ``<K`` for fewer than K children, ``x`` for secondary."""
    return f"<{k}" if status == SMALL else SECONDARY_MARKER


def suppressed_word(lang: str = "en") -> str:
    """What a hidden percentage shows: "suppressed" in ``lang``."""
    return i18n.text("districts.figure.suppressed", lang)


def hover_text(status: str, k: int, lang: str = "en") -> str:
    """The words a chart shows over a hidden cell."""
    return i18n.text(f"districts.hidden.{status}", lang, k=k)


@dataclass(frozen=True)
class TooFewChildren:
    """The only result of a choice that leaves fewer than K children."""

    k: int

    def message(self, lang: str = "en") -> str:
        return i18n.text("districts.too_few", lang, k=self.k)


@dataclass(frozen=True)
class SuppressedTable:
    """What a planner may see: counts, shares and medians with hidden cells as missing values.

    Every frame has one row per group and the
    :data:`~eska_network.districts.aggregates.TOTAL` row last.
    ``counts`` is ``Int64`` and ``shares`` (0 to 1) and ``medians`` are floats, each with ``NA``
    where hidden; the ``*_status`` frames say why (:data:`SHOWN`, :data:`SMALL`,
    :data:`SECONDARY` of :mod:`~eska_network.districts.cell_hiding`). ``shares`` has every count
    column but ``children``.

    Published figures (:mod:`eska_network.districts.publication`) also say their ``period``, the
    ``base`` their counts are rounded to (1: not rounded), and per group the period whose records
    the row shows (``row_periods``, empty when not published).
    """

    by: str
    k: int
    counts: pd.DataFrame
    count_status: pd.DataFrame
    shares: pd.DataFrame
    share_status: pd.DataFrame
    medians: pd.DataFrame
    median_status: pd.DataFrame
    services: pd.DataFrame
    base: int = 1
    period: str | None = None
    row_periods: tuple[tuple[str, str], ...] = ()

    @property
    def groups(self) -> list[str]:
        """The groups (districts or quarters), without the total row."""
        return [group for group in self.counts.index if group != TOTAL]

    def select(self, groups: Iterable[str]) -> SuppressedTable:
        """Some groups (in the order given) and the total row, suppressed as in the whole table.

        Choosing districts to compare never suppresses again: a new pattern of hidden cells for
        each choice would let two choices be subtracted from each other.
        """
        chosen = [group for group in dict.fromkeys(groups) if group != TOTAL]
        unknown = [group for group in chosen if group not in self.counts.index]
        if unknown:
            raise KeyError(f"not in the table: {', '.join(map(str, unknown))}")
        rows = [*chosen, TOTAL]
        services = (
            self.services[self.services["district"].isin(chosen)]
            if len(self.services)
            else self.services
        )
        return dataclasses.replace(
            self,
            counts=self.counts.loc[rows],
            count_status=self.count_status.loc[rows],
            shares=self.shares.loc[rows],
            share_status=self.share_status.loc[rows],
            medians=self.medians.loc[rows],
            median_status=self.median_status.loc[rows],
            services=services,
        )

    def display_counts(self) -> pd.DataFrame:
        """The counts as shown: numbers, ``<K`` or ``x``."""
        return _display(self.counts, self.count_status, self.k, lambda value: int(value))

    def display_shares(self, lang: str | None = None) -> pd.DataFrame:
        """The shares as shown: percentages rounded to one decimal; a hidden one as ``<K`` or
        ``x``, or, given ``lang``, as the word "suppressed" in it (``<5`` beside percentages
        reads as "under 5 %")."""
        shown = _display(
            self.shares, self.share_status, self.k, lambda v: round(100 * v, SHARE_DECIMALS)
        )
        if lang is None:
            return shown
        return shown.mask(self.share_status.to_numpy() != SHOWN, suppressed_word(lang))

    def display_medians(self) -> pd.DataFrame:
        return _display(
            self.medians, self.median_status, self.k, lambda v: round(v, MEDIAN_DECIMALS)
        )


def round_counts(suppressed: SuppressedTable, base: int) -> SuppressedTable:
    """Every shown count rounded to the nearest multiple of ``base`` (halves up); shares anew.

    Rounding comes after suppression: hidden cells stay hidden, and a share is a rounded count
    over the rounded number of children, so that no share gives an exact count back.

    >>> import pandas as pd
    >>> from eska_network.districts.aggregates import (
    ...     COUNT_MEASURES, MEDIAN_MEASURES, AggregateTable)
    >>> counts = pd.DataFrame(0, index=["A", "B", ""], columns=list(COUNT_MEASURES))
    >>> counts["children"] = counts["weakest_link:family-community"] = [23, 37, 60]
    >>> counts["unmet_need:legal"] = [12, 8, 20]
    >>> medians = pd.DataFrame(2.0, index=counts.index, columns=list(MEDIAN_MEASURES))
    >>> table = suppress(AggregateTable("district", counts, medians, pd.DataFrame()), k=5)
    >>> rounded = round_counts(table, 5)
    >>> rounded.display_counts()[["children", "unmet_need:legal"]].values.tolist()
    [[25, 10], [35, 10], [60, 20]]
    >>> rounded.display_shares().at["A", "unmet_need:legal"]
    40.0
    """
    if base == 1:
        return suppressed
    values = suppressed.counts.astype("Float64")
    rounded = (np.floor(values / base + 0.5) * base).astype("Int64")
    return dataclasses.replace(
        from_shown(
            suppressed.by,
            suppressed.k,
            rounded,
            suppressed.count_status,
            suppressed.medians,
            suppressed.median_status,
            base,
        ),
        services=suppressed.services,
    )


def from_shown(
    by: str,
    k: int,
    counts: pd.DataFrame,
    count_status: pd.DataFrame,
    medians: pd.DataFrame,
    median_status: pd.DataFrame,
    base: int = 1,
) -> SuppressedTable:
    """A table from what it shows (counts and medians, NA where hidden) and why; shares derived.

    A share is a shown count over the group's shown number of children; where either is hidden
    it takes that cell's status.
    """
    status = count_status.to_numpy(dtype=object)
    hidden = status != SHOWN
    share_status = np.where(
        hidden[:, 1:],
        status[:, 1:],
        np.broadcast_to(status[:, :1], (len(status), len(status[0]) - 1)),
    )
    children = counts[CHILDREN].astype("Float64")
    share_columns = list(COUNT_MEASURES[1:])
    shares = counts[share_columns].astype("Float64").div(children.where(children > 0), axis=0)
    shares = shares.astype("float64").mask(share_status != SHOWN)
    empty_services = pd.DataFrame(columns=["district", "need", "services", "names"])
    return SuppressedTable(
        by=by,
        k=k,
        counts=counts.astype("Int64").mask(hidden),
        count_status=pd.DataFrame(status, index=counts.index, columns=list(COUNT_MEASURES)),
        shares=shares,
        share_status=pd.DataFrame(share_status, index=counts.index, columns=share_columns),
        medians=medians.mask(median_status.to_numpy() != SHOWN),
        median_status=median_status,
        services=empty_services,
        base=base,
    )


def _display(values: pd.DataFrame, status: pd.DataFrame, k: int, shown) -> pd.DataFrame:
    hidden = status.to_numpy() != SHOWN
    raw = values.to_numpy(dtype=object)
    cells = [
        [marker(s, k) if h else shown(v) for v, s, h in zip(row_v, row_s, row_h, strict=True)]
        for row_v, row_s, row_h in zip(raw, status.to_numpy(), hidden, strict=True)
    ]
    return pd.DataFrame(cells, index=values.index, columns=values.columns, dtype=object)


def suppress(
    table: AggregateTable, k: int | None = None, pinned: pd.DataFrame | None = None
) -> SuppressedTable | TooFewChildren:
    """The table with every small count, and every value that would reveal one, hidden.

    Parameters
    ----------
    table
        A :func:`~eska_network.districts.aggregates.district_table` or
        :func:`~eska_network.districts.aggregates.quarterly_trend`.
    k
        Smallest count shown; default :func:`suppression_k`.
    pinned
        The statuses the rows carried over from an earlier publication had there (rows not
        carried: missing or NaN). A carried row holds the same numbers, so it keeps its statuses
        exactly: a cell hidden before stays hidden (showing it would undo that publication's
        protection), and a cell shown before is never picked to protect another (hiding a number
        already published protects nothing). The secondary suppression works around them.

    Returns
    -------
    SuppressedTable or TooFewChildren
        :class:`TooFewChildren` when the table holds fewer than K children in all.

    Examples
    --------
    >>> import pandas as pd
    >>> from eska_network.districts.aggregates import (
    ...     COUNT_MEASURES, MEDIAN_MEASURES, AggregateTable)
    >>> counts = pd.DataFrame(0, index=["A", "B", "C", ""], columns=list(COUNT_MEASURES))
    >>> counts["children"] = [20, 30, 40, 90]
    >>> counts["weakest_link:family-community"] = [20, 30, 40, 90]
    >>> counts["unmet_need:legal"] = [2, 9, 12, 23]
    >>> medians = pd.DataFrame(2.0, index=counts.index, columns=list(MEDIAN_MEASURES))
    >>> shown = suppress(AggregateTable("district", counts, medians, pd.DataFrame()), k=5)
    >>> shown.display_counts()["unmet_need:legal"].tolist()
    ['<5', 'x', 12, 23]
    >>> suppress(AggregateTable("district", counts.iloc[:0], medians, pd.DataFrame()), k=5)
    TooFewChildren(k=5)
    """
    k = suppression_k() if k is None else k
    counts = table.counts
    if counts.empty or counts.at[TOTAL, CHILDREN] < k:
        return TooFewChildren(k)
    values = counts[list(COUNT_MEASURES)].to_numpy(dtype=np.int64)
    kept = None
    if pinned is not None:
        kept = pinned.reindex(index=counts.index, columns=list(COUNT_MEASURES)).to_numpy(object)
    status = hide_cells(values, k, kept)
    hidden = status != SHOWN
    count_frame = pd.DataFrame(values, index=counts.index, columns=list(COUNT_MEASURES))
    count_frame = count_frame.astype("Int64").mask(hidden)
    count_status = pd.DataFrame(status, index=counts.index, columns=list(COUNT_MEASURES))

    share_columns = list(COUNT_MEASURES[1:])
    children = values[:, :1]
    share_values = values[:, 1:] / children
    # A share needs both its count and the group's children shown; else it takes their reason.
    share_status = np.where(
        hidden[:, 1:], status[:, 1:], np.broadcast_to(status[:, :1], share_values.shape)
    )
    shares = pd.DataFrame(share_values, index=counts.index, columns=share_columns)
    shares = shares.mask(share_status != SHOWN)

    small_group = values[:, 0] < k
    median_status = np.where(small_group[:, None], SMALL, SHOWN)
    median_status = np.broadcast_to(median_status, (len(counts), len(MEDIAN_MEASURES)))
    medians = table.medians.loc[counts.index, list(MEDIAN_MEASURES)].mask(median_status != SHOWN)
    return SuppressedTable(
        by=table.by,
        k=k,
        counts=count_frame,
        count_status=count_status,
        shares=shares,
        share_status=pd.DataFrame(share_status, index=counts.index, columns=share_columns),
        medians=medians,
        median_status=pd.DataFrame(
            median_status, index=counts.index, columns=list(MEDIAN_MEASURES)
        ),
        services=table.services,
    )


def to_export(suppressed: SuppressedTable, lang: str = "en") -> pd.DataFrame:
    """The table the page shows and the CSV export holds: one row per group, then the total row.

    Columns: the group, the number of children, then for each measure its count ``(n)`` and share
    ``(%)``, then the medians. Hidden counts and medians hold ``<K`` or ``x``, hidden shares the
    word "suppressed"; nothing else is ever in it.
    :func:`to_csv` writes it as CSV.
    """
    counts = suppressed.display_counts()
    shares = suppressed.display_shares(lang)
    medians = suppressed.display_medians()
    labels = [
        total_label(suppressed.by, lang) if group == TOTAL else group for group in counts.index
    ]
    columns: dict[str, list] = {group_heading(suppressed.by, lang): labels}
    columns[measure_label(CHILDREN, lang)] = counts[CHILDREN].tolist()
    for measure in COUNT_MEASURES[1:]:
        label = measure_label(measure, lang)
        columns[f"{label} (n)"] = counts[measure].tolist()
        columns[f"{label} (%)"] = shares[measure].tolist()
    for measure in MEDIAN_MEASURES:
        columns[measure_label(measure, lang)] = medians[measure].tolist()
    return pd.DataFrame(columns, dtype=object)


def to_csv(suppressed: SuppressedTable, lang: str = "en") -> str:
    """The CSV export: exactly :func:`to_export`, with cells a spreadsheet would run escaped."""
    return to_safe_csv(to_export(suppressed, lang))
