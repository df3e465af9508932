"""Published figures: what planners see is computed as of the end of a period, then frozen.

Comparing two views of live aggregates gives away the records that changed between them: import
one child and every cell that moves by one spells out its gaps, ``<5`` becoming ``5`` says the
hidden count was 4, ``0`` becoming ``<5`` says it is now 1 (SECURITY.md, "Aggregates"). So:

1. **Periods.** Planners see the figures of the last complete period (a calendar month by
   default; ``ESKA_PUBLICATION_PERIOD=quarter`` for quarters), computed from the records as the
   store held them at the period's end (saves after it are not in them) and stored once. Saves
   and imports in the current period change nothing a planner sees.
2. **Rows change only with many children.** Each row (a district, or a quarter of the trend) keeps
   the children it was computed from, its *basis*. The next period recomputes a row only when at
   least ``K + 1`` of its children were added, removed or changed since its basis; otherwise the
   row is carried over as it was. So a row never moves because of one child, and when it moves,
   the difference mixes the changes of at least ``K`` children besides any one person's.
3. **Totals are the rows'.** The total row sums the published rows (not the live total), so
   subtracting totals gives nothing the rows do not.
4. **Rounding.** After suppression below K, every shown count is rounded to the nearest multiple
   of ``ESKA_ROUNDING`` (5 by default); shares are computed from rounded counts.

What is proven (tests/test_publication.py): for random data, one child added or changed between
two consecutive publications changes no published value; a row that does change aggregates at
least K + 1 children; totals equal the sum of the published rows.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eska_network.districts import exposure, provinces_to_come
from eska_network.districts.aggregates import (
    CHILDREN,
    COUNT_MEASURES,
    MEDIAN_MEASURES,
    TOTAL,
    AggregateTable,
    child_measures,
)
from eska_network.districts.cell_hiding import SHOWN
from eska_network.districts.disclosure import (
    SuppressedTable,
    TooFewChildren,
    from_shown,
    round_counts,
    suppress,
)
from eska_network.domain.codes import LEVEL_PAIRS
from eska_network.domain.summary import link_column

PERIOD_VARIABLE = "ESKA_PUBLICATION_PERIOD"
ROUNDING_VARIABLE = "ESKA_ROUNDING"
DEFAULT_ROUNDING = 5
UNITS = ("month", "quarter")
Vector = tuple[int, ...]
"""One child's contribution to a row: the bits of :data:`COUNT_MEASURES`, then link strengths."""
Basis = dict[str, Vector]
"""A row's children and their vectors, by child id."""


@dataclass(frozen=True)
class Period:
    """A publication period: its label (``2026-10``, ``2026-Q4``) and its bounds in UTC."""

    unit: str
    label: str
    starts_at: dt.datetime
    ends_at: dt.datetime

    @property
    def last_day(self) -> dt.date:
        return (self.ends_at - dt.timedelta(days=1)).date()


def publication_unit(environ: Mapping[str, str] | None = None) -> str:
    """``month`` (default) or ``quarter``, from ``ESKA_PUBLICATION_PERIOD``.

    >>> publication_unit({}), publication_unit({"ESKA_PUBLICATION_PERIOD": "quarter"})
    ('month', 'quarter')
    """
    text = (os.environ if environ is None else environ).get(PERIOD_VARIABLE, "").strip().lower()
    if not text:
        return "month"
    if text not in UNITS:
        raise ValueError(f"{PERIOD_VARIABLE} must be one of {', '.join(UNITS)}, not {text!r}")
    return text


def rounding_base(environ: Mapping[str, str] | None = None) -> int:
    """The base shown counts are rounded to: ``ESKA_ROUNDING`` or 5 (1: no rounding).

    >>> rounding_base({}), rounding_base({"ESKA_ROUNDING": "10"})
    (5, 10)
    """
    text = (os.environ if environ is None else environ).get(ROUNDING_VARIABLE, "").strip()
    if not text:
        return DEFAULT_ROUNDING
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{ROUNDING_VARIABLE} must be a whole number of at least 1, not {text!r}")
    return int(text)


def last_complete_period(now: dt.datetime, unit: str = "month") -> Period:
    """The last period that ended before ``now`` (UTC).

    >>> last_complete_period(dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)).label
    '2026-10'
    >>> last_complete_period(dt.datetime(2026, 1, 3, tzinfo=dt.UTC), "quarter").label
    '2025-Q4'
    """
    now = now.astimezone(dt.UTC)
    months = 1 if unit == "month" else 3
    index = now.year * 12 + now.month - 1
    current_start_index = index - (index % months)
    start_index = current_start_index - months
    starts_at = _month_start(start_index)
    ends_at = _month_start(current_start_index)
    if unit == "month":
        label = f"{starts_at.year}-{starts_at.month:02d}"
    else:
        label = f"{starts_at.year}-Q{(starts_at.month - 1) // 3 + 1}"
    return Period(unit, label, starts_at, ends_at)


def _month_start(index: int) -> dt.datetime:
    return dt.datetime(index // 12, index % 12 + 1, 1, tzinfo=dt.UTC)


def row_bases(summaries: pd.DataFrame, groups: pd.Series | list) -> dict[str, Basis]:
    """The children of each group with their vectors, from gap summaries (one row per child and
    group: ``child_id`` and the summary columns) and the group of each row."""
    bases: dict[str, Basis] = {}
    for child_id, group, vector in zip(
        summaries["child_id"], list(groups), vectors(summaries), strict=True
    ):
        bases.setdefault(str(group), {})[str(child_id)] = vector
    return bases


def vectors(summaries: pd.DataFrame) -> list[Vector]:
    """Each child's :data:`Vector` (the bits of its count measures, then its link strengths)."""
    measures = child_measures(summaries).to_numpy(dtype=np.int64)
    weights = np.left_shift(np.int64(1), np.arange(measures.shape[1], dtype=np.int64))
    masks = measures @ weights if len(measures) else np.zeros(0, dtype=np.int64)
    strengths = np.column_stack(
        [
            pd.to_numeric(summaries[link_column(pair)]).to_numpy(dtype=np.int64)
            for pair in LEVEL_PAIRS
        ]
    )
    return [
        (int(mask), *(int(s) for s in row))
        for mask, row in zip(masks.tolist(), strengths.tolist(), strict=True)
    ]


def changed_children(before: Basis, after: Basis) -> int:
    """How many children were added, removed or changed between two bases of a row.

    >>> changed_children({"a": (1,), "b": (2,)}, {"b": (3,), "c": (1,)})
    3
    """
    keys = before.keys() | after.keys()
    return sum(1 for key in keys if before.get(key) != after.get(key))


@dataclass(frozen=True)
class PublishedRow:
    """A row as published in a period: the period whose records it shows, and its basis."""

    basis_period: str
    basis: Basis


def publish_rows(
    period: str,
    current: Mapping[str, Basis],
    previous: Mapping[str, PublishedRow] | None,
    refresh_from: int,
) -> dict[str, PublishedRow]:
    """The rows of a new publication: each recomputed, carried over, or left out.

    The first publication computes every group from ``current``. After it, a group's row is
    recomputed when at least ``refresh_from`` of its children differ from its previous basis (a
    group new since then: when it has that many children), else the previous row is kept, or
    the group stays out. A recomputed row with no child is left out.
    """
    if previous is None:
        return {group: PublishedRow(period, dict(now)) for group, now in current.items() if now}
    rows: dict[str, PublishedRow] = {}
    for group in sorted(set(current) | set(previous)):
        now = current.get(group, {})
        before = previous.get(group)
        if changed_children(before.basis if before else {}, now) < refresh_from:
            if before is not None:
                rows[group] = before
        elif now:
            rows[group] = PublishedRow(period, dict(now))
    return rows


def aggregate_rows(rows: Mapping[str, PublishedRow], by: str) -> AggregateTable:
    """Counts and medians of the published rows, with the total row summing them."""
    groups = sorted(rows)
    n_measures = len(COUNT_MEASURES)
    counts = []
    strengths_of: list[np.ndarray] = []
    for group in groups:
        vectors = np.array(list(rows[group].basis.values()), dtype=np.int64)
        bits = (vectors[:, :1] >> np.arange(n_measures, dtype=np.int64)) & 1
        counts.append(bits.sum(axis=0))
        strengths_of.append(vectors[:, 1:].astype("float64"))
    count_frame = pd.DataFrame(
        counts or np.zeros((0, n_measures), dtype=np.int64),
        index=groups,
        columns=list(COUNT_MEASURES),
        dtype="int64",
    )
    count_frame.loc[TOTAL] = count_frame.sum()
    medians = [np.median(values, axis=0) for values in strengths_of]
    every = np.concatenate(strengths_of) if strengths_of else np.zeros((0, len(LEVEL_PAIRS)))
    medians.append(np.median(every, axis=0) if len(every) else np.full(len(LEVEL_PAIRS), np.nan))
    median_frame = pd.DataFrame(medians, index=[*groups, TOTAL], columns=list(MEDIAN_MEASURES))
    count_frame.index.name = median_frame.index.name = by
    empty_services = pd.DataFrame(columns=["district", "need", "services", "names"])
    return AggregateTable(by, count_frame.astype("int64"), median_frame, empty_services)


@dataclass(frozen=True)
class ProvincesAbove:
    """The province table published above the previous district publication, as a reader holds
    it: which of its cells are hidden, and the districts each province adds up."""

    status: pd.DataFrame
    members: Mapping[str, Sequence[str]]


def publish_figures(
    rows: Mapping[str, PublishedRow],
    previous_rows: Mapping[str, PublishedRow] | None,
    previous: SuppressedTable | TooFewChildren | None,
    k: int,
    base: int,
    by: str,
    previous_provinces: ProvincesAbove | None = None,
) -> SuppressedTable | TooFewChildren:
    """The figures of a publication, from its rows and the previous publication's.

    Unchanged rows give the previous figures unchanged. Otherwise the table is suppressed anew,
    except that a carried-over row keeps the statuses it had (:func:`carried_statuses`); then
    further cells are hidden until no hidden cell of either table, nor of the provinces
    published above the previous one (``previous_provinces``, districts only), can be solved
    from them together (:func:`~eska_network.districts.exposure.hide_until_safe`); then rounded.
    A province shown then adds up districts carried over now: without it in the check, it
    would stand for their sum in this table's columns.
    """
    if previous is not None and previous_rows is not None and dict(rows) == dict(previous_rows):
        return previous
    table = aggregate_rows(rows, by)
    pinned = None
    if isinstance(previous, SuppressedTable) and previous_rows is not None:
        pinned = carried_statuses(rows, previous_rows, previous)
    suppressed = suppress(table, k, pinned)
    if isinstance(suppressed, TooFewChildren):
        return suppressed
    closed = _close_over_time(suppressed, table, pinned, previous, previous_provinces)
    # Every status decided: suppress again with all of them kept, to build the table from them.
    final = suppress(table, k, closed)
    assert isinstance(final, SuppressedTable)  # the same table had enough children above
    return round_counts(final, base)


def _close_over_time(
    suppressed: SuppressedTable,
    table: AggregateTable,
    pinned: pd.DataFrame | None,
    previous: SuppressedTable | TooFewChildren | None,
    previous_provinces: ProvincesAbove | None,
) -> pd.DataFrame:
    """The count statuses of ``suppressed`` with cells hidden until nothing hidden in it, or in
    the previous publication (with its provinces), can be solved from them together.

    The provinces to come above district figures are in the check too
    (:mod:`~eska_network.districts.provinces_to_come`). They add up the districts whose number of
    children is shown, which the check itself may hide: then it runs again with the provinces
    those that are left add up.
    """
    measures = list(COUNT_MEASURES)
    status = suppressed.count_status[measures]
    counts = table.counts.loc[status.index, measures]
    then: list[exposure.Published] = []
    same: list[tuple[exposure.Cell, exposure.Cell]] = []
    members: dict[str, Mapping[str, Sequence[str]]] = {}
    if isinstance(previous, SuppressedTable) and pinned is not None:
        then.append(exposure.Published("then", table.by, previous.count_status[measures]))
        same = [
            (("then", table.by, group, m), ("now", table.by, group, m))
            for group in pinned.index
            for m in measures
        ]
        if previous_provinces is not None:
            then.append(exposure.Published("then", "province", previous_provinces.status))
            members["then"] = previous_provinces.members
    free = np.ones(status.shape, dtype=bool)
    if pinned is not None:
        free = pinned.reindex(index=status.index, columns=measures).isna().to_numpy()
    children = measures.index(CHILDREN)
    while True:
        tables = [exposure.Published("now", table.by, status, counts), *then]
        if table.by == "district":
            coming, members["now"] = provinces_to_come.coming_provinces(
                "now", status, counts, suppressed.k
            )
            tables.append(coming)
        decided = exposure.hide_until_safe(tables, members, same, {("now", table.by): free})
        closed = decided[("now", table.by)]
        if table.by != "district":
            return closed
        if provinces_to_come.counted(closed) == provinces_to_come.counted(status):
            return closed
        # A district dropped from the provinces stays out: its number of children stays hidden.
        status = closed
        free[:, children] &= (closed[CHILDREN] == SHOWN).to_numpy()


def carried_statuses(
    rows: Mapping[str, PublishedRow],
    previous_rows: Mapping[str, PublishedRow],
    previous: SuppressedTable,
) -> pd.DataFrame:
    """The count statuses the previous publication gave the rows it shares with this one.

    A row carried over holds the same numbers in both, so a reader holding both tables sees one
    row twice: a cell hidden then and shown now would undo the earlier protection, and a cell
    shown then protects nothing by being hidden now. One row per carried row.
    """
    carried = [
        group
        for group, row in rows.items()
        if previous_rows.get(group) == row and group in previous.count_status.index
    ]
    return previous.count_status.loc[carried, list(COUNT_MEASURES)]


def figures_text(figures: SuppressedTable | TooFewChildren) -> str:
    """Published figures as stored: JSON of what is shown (hidden cells are null)."""
    if isinstance(figures, TooFewChildren):
        return json.dumps({"too_few": figures.k})
    frames = {
        name: json.loads(getattr(figures, name).astype(object).to_json(orient="split"))
        for name in ("counts", "count_status", "medians", "median_status")
    }
    return json.dumps({"by": figures.by, "k": figures.k, "base": figures.base, **frames})


def figures_from_text(text: str) -> SuppressedTable | TooFewChildren:
    """The figures :func:`figures_text` stored."""
    stored = json.loads(text)
    if "too_few" in stored:
        return TooFewChildren(stored["too_few"])

    def frame(name: str) -> pd.DataFrame:
        part = stored[name]
        return pd.DataFrame(part["data"], index=part["index"], columns=part["columns"])

    counts = frame("counts").astype("Float64").astype("Int64")
    counts.index.name = stored["by"]
    return from_shown(
        stored["by"],
        stored["k"],
        counts,
        frame("count_status"),
        frame("medians").astype("float64"),
        frame("median_status"),
        stored["base"],
    )


def basis_text(basis: Basis) -> str:
    """A basis as stored: JSON, children sorted."""
    return json.dumps({key: list(basis[key]) for key in sorted(basis)}, separators=(",", ":"))


def basis_from_text(text: str) -> Basis:
    return {key: tuple(value) for key, value in json.loads(text).items()}
