"""Provinces above districts: the published district rows added up per province, protected as one
hierarchy with the district table.

The data format has no province column (a child's ``district`` is the kabupaten/kota name), so the
province of a district comes from :mod:`eska_network.districts.province_names`. A district it
does not know is counted under ``UNKNOWN_PROVINCE``, never guessed.

**Why a province figure needs care.** Adding a row per province adds lines of sums (the districts
of a province add up to it). A hostile planner can then subtract the shown districts from their
province and find a hidden district cell, or subtract provinces from the total and find a hidden
province. So the district table is decided with the provinces to come in its check
(:mod:`eska_network.districts.provinces_to_come`), and the province cells are then suppressed
*together with* the published district cells (complementary suppression across the hierarchy):
the district figures are published and frozen and never change here; only province cells are
hidden, until no hidden cell, district or province, is determined by the lines of sums of the
tables together (:func:`eska_network.districts.exposure.hide_until_safe`, a rank test of the
linear system, so chains of subtractions are caught too). Province rows come from the same
published rows as the district table (:mod:`eska_network.districts.publication`), so they change
only when a district row does.

**Over consecutive publications**, a province made of the same district rows as in the previous
publication (:class:`Previous`) holds the same numbers, so it keeps its statuses there exactly, as
a carried district row does: a cell hidden then stays hidden and is protected, a cell shown then
is never picked to protect another.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eska_network.districts import exposure, provinces_to_come
from eska_network.districts.aggregates import (
    COUNT_MEASURES,
    MEDIAN_MEASURES,
)
from eska_network.districts.cell_hiding import SHOWN, SMALL
from eska_network.districts.disclosure import SuppressedTable, TooFewChildren, from_shown
from eska_network.districts.province_names import UNKNOWN_PROVINCE, province_of
from eska_network.districts.publication import ProvincesAbove, PublishedRow, aggregate_rows

__all__ = ["UNKNOWN_PROVINCE", "Previous", "province_figures", "province_of"]


def province_rows(rows: Mapping[str, PublishedRow]) -> dict[str, PublishedRow]:
    """The published district rows merged per province (each child keeps its district's vector)."""
    merged: dict[str, dict] = {}
    periods: dict[str, str] = {}
    for district, row in sorted(rows.items()):
        province = province_of(district)
        merged.setdefault(province, {}).update(
            {f"{district}\x1f{child}": vector for child, vector in row.basis.items()}
        )
        periods[province] = max(periods.get(province, row.basis_period), row.basis_period)
    return {province: PublishedRow(periods[province], basis) for province, basis in merged.items()}


@dataclass(frozen=True)
class Previous:
    """The previous publication of the hierarchy, as much as carries over to the next."""

    row_periods: Mapping[str, str]
    """The period whose records each published district row showed, by district."""
    districts: SuppressedTable
    provinces: SuppressedTable

    def above(self) -> ProvincesAbove:
        """The provinces as the next district publication must be checked against."""
        made_of = composition(self.row_periods, self.districts)
        return ProvincesAbove(
            self.provinces.count_status[list(COUNT_MEASURES)],
            {province: [d for d, _ in pairs] for province, pairs in made_of.items()},
        )


def composition(row_periods: Mapping[str, str], districts: SuppressedTable) -> dict[str, tuple]:
    """The district rows each province adds up, as (district, period of its records) pairs.

    Two publications give a province the same numbers exactly when its pairs are the same.
    """
    pairs: dict[str, list[tuple[str, str]]] = {}
    for district in counted_districts(districts):
        pairs.setdefault(province_of(district), []).append((district, row_periods[district]))
    return {province: tuple(sorted(rows)) for province, rows in pairs.items()}


def counted_districts(districts: SuppressedTable) -> list[str]:
    """The districts a province adds up: see :func:`.provinces_to_come.counted`."""
    return provinces_to_come.counted(districts.count_status)


def province_figures(
    rows: Mapping[str, PublishedRow],
    districts: SuppressedTable,
    k: int,
    base: int = 1,
    previous: Previous | None = None,
) -> SuppressedTable | TooFewChildren:
    """The province table of published district rows, protected together with ``districts``.

    Parameters
    ----------
    rows
        The published district rows ``districts`` was made from.
    districts
        The published district figures (suppressed and rounded): they are kept as they are.
    k, base
        The smallest count shown and the rounding base, as for the districts.
    previous
        The previous publication: its provinces of the same district rows keep their statuses,
        and when every province is made of the same rows, its table is the one returned.

    Returns
    -------
    SuppressedTable or TooFewChildren
        One row per province of the :func:`counted_districts` and the total row over them,
        ``by`` ``"province"``.
    """
    counted = counted_districts(districts)
    by_province = province_rows({district: rows[district] for district in counted})
    if not by_province:
        return TooFewChildren(k)
    made_of = composition({d: row.basis_period for d, row in rows.items()}, districts)
    kept: set[str] = set()
    if previous is not None:
        before = composition(previous.row_periods, previous.districts)
        if made_of == before:
            return dataclasses.replace(previous.provinces, period=districts.period)
        kept = {p for p, pairs in made_of.items() if before.get(p) == pairs}
        kept &= set(previous.provinces.groups)
    table = aggregate_rows(by_province, "province")
    index = list(table.counts.index)
    values = table.counts.loc[index, list(COUNT_MEASURES)].to_numpy(dtype=np.int64)
    status = np.full(values.shape, SHOWN, dtype=object)
    small_group = values[:, 0] < k
    status[((values >= 1) & (values < k)) | small_group[:, None]] = SMALL
    pinned = np.array([province in kept for province in index])[:, None].repeat(
        values.shape[1], axis=1
    )
    if previous is not None and kept:
        before_status = previous.provinces.count_status
        status[pinned[:, 0]] = before_status.loc[
            [p for p in index if p in kept], list(COUNT_MEASURES)
        ].to_numpy()
    status = _closed(values, status, pinned, index, districts, made_of, rows, previous)

    counts = pd.DataFrame(values, index=index, columns=list(COUNT_MEASURES))
    if base > 1:
        counts = np.floor(counts / base + 0.5).astype("int64") * base
    counts = counts.astype("Int64")
    counts.index.name = "province"
    median_status = pd.DataFrame(
        np.where(small_group[:, None], SMALL, SHOWN).repeat(len(MEDIAN_MEASURES), axis=1),
        index=index,
        columns=list(MEDIAN_MEASURES),
    )
    figures = from_shown(
        "province",
        k,
        counts,
        pd.DataFrame(status, index=index, columns=list(COUNT_MEASURES)),
        table.medians.loc[index, list(MEDIAN_MEASURES)],
        median_status,
        base,
    )
    return dataclasses.replace(figures, period=districts.period)


def _closed(
    values: np.ndarray,
    status: np.ndarray,
    pinned: np.ndarray,
    index: list[str],
    districts: SuppressedTable,
    made_of: Mapping[str, tuple],
    rows: Mapping[str, PublishedRow],
    previous: Previous | None,
) -> np.ndarray:
    """The province statuses with free cells hidden until nothing hidden in this publication or
    the previous one can be solved from both together (an exact check)."""
    measures = list(COUNT_MEASURES)
    tables = [
        exposure.Published("now", "district", districts.count_status[measures]),
        exposure.Published(
            "now",
            "province",
            pd.DataFrame(status, index=index, columns=measures),
            pd.DataFrame(values, index=index, columns=measures),
        ),
    ]
    members = {"now": {p: [d for d, _ in pairs] for p, pairs in made_of.items()}}
    same: list[tuple[exposure.Cell, exposure.Cell]] = []
    if previous is not None:
        before = composition(previous.row_periods, previous.districts)
        tables += [
            exposure.Published("then", "district", previous.districts.count_status[measures]),
            exposure.Published("then", "province", previous.provinces.count_status[measures]),
        ]
        members["then"] = {p: [d for d, _ in pairs] for p, pairs in before.items()}
        carried = [
            d
            for d in districts.groups
            if d in previous.districts.groups
            and previous.row_periods.get(d) == rows[d].basis_period
        ]
        kept = [p for p, keep in zip(index, pinned[:, 0], strict=True) if keep]
        same = [
            (("then", name, group, m), ("now", name, group, m))
            for name, groups in (("district", carried), ("province", kept))
            for group in groups
            for m in measures
        ]
    decided = exposure.hide_until_safe(tables, members, same, {("now", "province"): ~pinned})
    return decided[("now", "province")].to_numpy()
