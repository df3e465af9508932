"""The planner's aggregates: the gaps of many children counted per district or per quarter.

The tables here are *not* for show: they hold every count, however small. Pass them to
:func:`eska_network.districts.disclosure.suppress` and show only what it returns (SECURITY.md,
"Aggregates"). Every measure is a count of children, so that one suppression step protects all of
them; shares are derived from the suppressed counts.

Measures (the ``counts`` columns):

- ``children``: the children in the group;
- ``level_absent:<level>``, ``level_weak:<level>``: children with nobody, or only weak ties, at
  that level;
- ``unmet_need:<need>``, ``missing_function:<key>``, ``missing_support_type:<kind>``: children
  with that need unmet, that key or that kind of support missing;
- ``weakest_link:<pair>``: children whose weakest link between levels is that pair (every child has
  exactly one, so these three add up to ``children``);
- ``stressful_family``, ``stressful_tie``, ``single_point_of_failure``, ``stale_tie``: children
  with a stressful family tie, with any stressful tie, with at least one link hanging on a single
  tie, with at least one stale tie.

The ``medians`` columns ``link_strength:<pair>`` hold the median link strength between two levels
(0 to 5) over the group's children.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eska_network import i18n
from eska_network.domain import gap_table, severity, summary
from eska_network.domain.codes import LEVEL_PAIRS, NEEDS
from eska_network.domain.gap_kinds import DISTRICT_GROUPS, GAP_KINDS, gap_kind
from eska_network.domain.model import Dataset
from eska_network.domain.schema import LIST_SEPARATOR

TOTAL = ""
"""The label of the last row of every table: all groups together (no district name is empty)."""
CHILDREN = "children"
SERVICE_SEPARATOR = "; "

WEAKEST_LINK_MEASURES = tuple(f"weakest_link:{pair}" for pair in LEVEL_PAIRS)
"""Children whose weakest link between levels (GAPS.md rule 5) is each pair: the links group."""


def _group_measures(group: str) -> tuple[str, ...]:
    if group == "links":
        return WEAKEST_LINK_MEASURES
    counted = [kind for kind in GAP_KINDS if kind.district_group == group]
    extra = (severity.STRESSFUL_FAMILY,) if group == "ties" else ()
    return (*extra, *(measure for kind in counted for measure in kind.components()))


MEASURE_GROUPS: dict[str, tuple[str, ...]] = {
    group: _group_measures(group) for group in DISTRICT_GROUPS
}
"""The measures the district comparison shows together, one group at a time (from each gap
kind's ``district_group``; the stressful family tie leads the ties)."""
COUNT_MEASURES: tuple[str, ...] = (CHILDREN, *(m for g in MEASURE_GROUPS.values() for m in g))
"""Every count of a district table, in the order of the screens."""
GAP_MEASURES = tuple(m for m in COUNT_MEASURES if m != CHILDREN and not m.startswith("weakest_"))
"""The counts that are gaps (the columns of the heatmap of districts x gap types)."""
PARTITIONS: dict[str, tuple[str, ...]] = {CHILDREN: WEAKEST_LINK_MEASURES}
"""Counts that add up, in every row, to another count: they constrain what suppression hides."""
MEDIAN_MEASURES = tuple(f"link_strength:{pair}" for pair in LEVEL_PAIRS)

_OWN_LABELS = frozenset({CHILDREN, "weakest_link", "link_strength", "stressful_family"})
"""Measures that are not a gap kind, named by ``districts.measure.<name>`` in the catalogue."""
_SUBJECTS = {
    **{kind.code: kind.subject for kind in GAP_KINDS if kind.subject is not None},
    "weakest_link": LEVEL_PAIRS,
    "link_strength": LEVEL_PAIRS,
}


def measure_label(measure: str, lang: str = "en") -> str:
    """A measure's name in words, from the labels of :mod:`eska_network.domain.codes`.

    >>> measure_label("unmet_need:legal"), measure_label("level_absent:institution", "id")
    ('Unmet need: legal services', 'Tingkat tidak ada: lembaga')
    """
    kind, _, subject = measure.partition(":")
    if kind in _OWN_LABELS:
        name = i18n.text(f"districts.measure.{kind}", lang)
    else:
        name = gap_kind(kind).name(lang)
    return f"{name}: {_SUBJECTS[kind].label(subject, lang)}" if subject else name


def group_heading(by: str, lang: str = "en") -> str:
    """The heading of the group column: ``by`` is ``"district"`` or ``"quarter"``."""
    return i18n.text(f"districts.by.{by}.heading", lang)


def total_label(by: str, lang: str = "en") -> str:
    """The label of the total row over all groups."""
    return i18n.text(f"districts.by.{by}.total", lang)


@dataclass(frozen=True)
class AggregateTable:
    """Unsuppressed counts and medians per group, the last row (:data:`TOTAL`) for all groups.

    ``by`` is ``"district"`` or ``"quarter"``. ``services`` lists, per district and need, the
    services of ``resources.csv`` that serve it (``district``, ``need``, ``services``, ``names``);
    it holds no child data and needs no suppression.
    """

    by: str
    counts: pd.DataFrame
    medians: pd.DataFrame
    services: pd.DataFrame


def child_measures(summaries: pd.DataFrame) -> pd.DataFrame:
    """Per child, 0 or 1 for every count measure (the district counts are sums of these)."""
    present = severity.gap_counts(summaries) > 0
    columns: dict[str, np.ndarray] = {CHILDREN: np.ones(len(summaries), dtype=np.int64)}
    for measure in COUNT_MEASURES[1:]:
        if measure.startswith("weakest_link:"):
            pair = measure.partition(":")[2]
            columns[measure] = (summaries["weakest_link"] == pair).to_numpy(dtype=np.int64)
        else:
            columns[measure] = present[measure].to_numpy(dtype=np.int64)
    return pd.DataFrame(columns, index=summaries.index)


def _link_strengths(summaries: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            f"link_strength:{pair}": pd.to_numeric(summaries[summary.link_column(pair)])
            for pair in LEVEL_PAIRS
        },
        index=summaries.index,
    ).astype("float64")


def aggregate(summaries: pd.DataFrame, groups: pd.Series, by: str) -> AggregateTable:
    """Counts and medians of ``summaries`` (one row per child) per value of ``groups``."""
    keys = groups.to_numpy()
    measures = child_measures(summaries)
    counts = measures.groupby(keys, sort=True).sum()
    counts.loc[TOTAL] = measures.sum()
    strengths = _link_strengths(summaries)
    medians = strengths.groupby(keys, sort=True).median()
    medians.loc[TOTAL] = strengths.median()
    counts.index.name = medians.index.name = by
    empty_services = pd.DataFrame(columns=["district", "need", "services", "names"])
    return AggregateTable(by, counts.astype("int64"), medians, empty_services)


def district_table(
    summaries_with_children: pd.DataFrame, resources: pd.DataFrame | None = None
) -> AggregateTable:
    """Every measure per district, with the services each district lists for each need.

    Parameters
    ----------
    summaries_with_children
        One row per child: the gap summary columns and the child's ``district``.
    resources
        The ``resources.csv`` table (``district``, ``name``, ``needs_served``), or ``None``.

    Examples
    --------
    >>> from eska_network.domain.gaps import summary_row, child_gaps
    >>> from eska_network.domain.summary import summary_rows_table
    >>> from eska_network.domain.model import Child, ChildSystem
    >>> systems = [ChildSystem(Child(f"C{i}", "Garut" if i < 6 else "Bogor", 12)) for i in range(8)]
    >>> summaries = summary_rows_table([summary_row(child_gaps(s), s) for s in systems])
    >>> summaries["district"] = [s.child.district for s in systems]
    >>> table = district_table(summaries)
    >>> table.counts[["children", "level_absent:family"]].to_dict("index")
    {'Bogor': {'children': 2, 'level_absent:family': 2}, 'Garut': {'children': 6, \
'level_absent:family': 6}, '': {'children': 8, 'level_absent:family': 8}}
    """
    table = aggregate(summaries_with_children, summaries_with_children["district"], "district")
    services = service_table(resources, table.counts.index[:-1])
    return AggregateTable(table.by, table.counts, table.medians, services)


def service_table(resources: pd.DataFrame | None, districts: Iterable[str]) -> pd.DataFrame:
    """Per district and need (vocabulary order), how many listed services serve it, and their names.

    Every pair of a district in ``districts`` and a need appears, with 0 services when none.
    """
    districts = list(districts)
    listed: dict[tuple[str, str], set[str]] = {}
    if resources is not None and len(resources):
        for district, name, needs in zip(
            resources["district"],
            resources["name"],
            resources["needs_served"].fillna(""),
            strict=True,
        ):
            for need in str(needs).split(LIST_SEPARATOR):
                listed.setdefault((district, need.strip()), set()).add(name)
    keys = [(district, need) for district in districts for need in NEEDS]
    return pd.DataFrame(
        {
            "district": [district for district, _ in keys],
            "need": [need for _, need in keys],
            "services": [len(listed.get(key, ())) for key in keys],
            "names": [SERVICE_SEPARATOR.join(sorted(listed.get(key, ()))) for key in keys],
        }
    )


def summary_history(dataset: Dataset) -> pd.DataFrame:
    """Each child's gap summary at its latest assessment of every quarter it was assessed in.

    The input :func:`quarterly_trend` needs, from a whole data set (the store keeps only each
    child's latest summary). For each quarter, the children with a tie row or an assessments.csv
    row dated in it are summarised on their rows up to the quarter's end, so that each child's
    date D is its latest assessment of that quarter, as GAPS.md defines it. Adds the child's
    ``district``.
    """
    ties, rows = dataset.ties, dataset.assessments
    assessed = pd.to_datetime(ties["assessed_on"])
    row_dates = pd.to_datetime(rows["assessed_on"])
    quarters = assessed.dt.to_period("Q")
    row_quarters = row_dates.dt.to_period("Q")
    parts = []
    for quarter in sorted(set(quarters.dropna()) | set(row_quarters.dropna())):
        seen = set(ties.loc[(quarters == quarter).to_numpy(), "child_id"])
        seen |= set(rows.loc[(row_quarters == quarter).to_numpy(), "child_id"])
        end = quarter.end_time.normalize()
        in_quarter = Dataset(
            children=dataset.children[dataset.children["child_id"].isin(seen)],
            members=dataset.members[dataset.members["child_id"].isin(seen)],
            ties=ties[ties["child_id"].isin(seen).to_numpy() & (assessed <= end).to_numpy()],
            assessments=rows[
                rows["child_id"].isin(seen).to_numpy() & (row_dates <= end).to_numpy()
            ],
        )
        parts.append(gap_table.gap_table(in_quarter))
    if not parts:
        return summary.summary_rows_table([]).assign(district=pd.Series(dtype="str"))
    history = pd.concat(parts, ignore_index=True)
    district = dataset.children.set_index("child_id")["district"]
    return history.assign(district=history["child_id"].map(district).to_numpy())


def quarterly_trend(
    summaries_history: pd.DataFrame, districts: Iterable[str] | None = None
) -> AggregateTable:
    """Every measure per quarter of assessment (``"2026-Q1"``), optionally within some districts.

    Each child counts once in each quarter in which it was assessed, with its latest summary of
    that quarter (its ``as_of`` date decides the quarter); a child not assessed in a quarter is not
    counted there, and summaries with no ``as_of`` are left out. So each quarter's row describes
    the children seen that quarter, as they were when seen.

    Parameters
    ----------
    summaries_history
        Gap summaries, any number per child (``child_id``, ``as_of``, the summary columns, and
        ``district`` when ``districts`` is given).
    districts
        Only the children of these districts; ``None`` for all.
    """
    latest, labels = latest_per_quarter(summaries_history, districts)
    return aggregate(latest, labels, "quarter")


def latest_per_quarter(
    summaries_history: pd.DataFrame, districts: Iterable[str] | None = None
) -> tuple[pd.DataFrame, pd.Series]:
    """The latest summary of each child in each quarter it was assessed in, and its quarter.

    The rows :func:`quarterly_trend` counts (summaries without ``as_of`` are left out), with the
    quarter of each as ``"2026-Q1"``.
    """
    history = summaries_history[summaries_history["as_of"].notna()]
    if districts is not None:
        history = history[history["district"].isin(list(districts))]
    dates = pd.to_datetime(history["as_of"])
    quarter = (dates.dt.year * 4 + dates.dt.quarter - 1).to_numpy()
    child = pd.factorize(history["child_id"])[0]
    # The latest summary of each child in each quarter: sort by date, keep the last per pair.
    order = np.lexsort((dates.to_numpy(), quarter, child))
    last = np.ones(len(order), dtype=bool)
    last[:-1] = (child[order][1:] != child[order][:-1]) | (
        quarter[order][1:] != quarter[order][:-1]
    )
    latest = history.iloc[order[last]]
    keys = quarter[order[last]]
    labels = pd.Series(keys // 4).astype(str) + "-Q" + pd.Series(keys % 4 + 1).astype(str)
    labels.index = latest.index
    return latest, labels
