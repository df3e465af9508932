"""Provinces above districts: the published district rows added up per province, protected as one
hierarchy with the district table.

The data format has no province column (a child's ``district`` is the kabupaten/kota name), so the
province of a district comes from :data:`PROVINCE_OF`, a table of the kabupaten/kota the product
knows (those of the sample and of the synthetic data sets, from the Kemendagri list). A district
the table does not know is counted under :data:`UNKNOWN_PROVINCE`, never guessed.

**Why a province figure needs care.** The district table is suppressed on its own; adding a row per
province adds lines of sums (the districts of a province add up to it). A hostile planner can then
subtract the shown districts from their province and find a hidden district cell, or subtract
provinces from the total and find a hidden province. So the province cells are suppressed
*together with* the published district cells (complementary suppression across the hierarchy):
the district figures are published and frozen and never change here; only province cells are
hidden, until no hidden cell, district or province, is determined by the lines of sums of both
tables together (:func:`determined_cells`, a rank test of the linear system, so chains of
subtractions are caught too). Province rows come from the same published rows as the district
table (:mod:`eska_network.districts.publication`), so they change only when a district row does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np
import pandas as pd

from eska_network.districts.aggregates import (
    COUNT_MEASURES,
    MEDIAN_MEASURES,
    PARTITIONS,
    TOTAL,
)
from eska_network.districts.disclosure import (
    SECONDARY,
    SHOWN,
    SMALL,
    SuppressedTable,
    TooFewChildren,
    from_shown,
)
from eska_network.districts.publication import PublishedRow, aggregate_rows

UNKNOWN_PROVINCE = "?"
"""The province of a district :data:`PROVINCE_OF` does not know (shown in words on the page)."""

PROVINCE_OF: Mapping[str, str] = {
    "Kota Bandung": "Jawa Barat",
    "Kabupaten Indramayu": "Jawa Barat",
    "Kabupaten Cianjur": "Jawa Barat",
    "Kabupaten Sukabumi": "Jawa Barat",
    "Kabupaten Karawang": "Jawa Barat",
    "Kabupaten Subang": "Jawa Barat",
    "Kota Bekasi": "Jawa Barat",
    "Kabupaten Cirebon": "Jawa Barat",
    "Kabupaten Garut": "Jawa Barat",
    "Kota Surabaya": "Jawa Timur",
    "Kabupaten Banyuwangi": "Jawa Timur",
    "Kabupaten Malang": "Jawa Timur",
    "Kabupaten Jember": "Jawa Timur",
    "Kabupaten Tulungagung": "Jawa Timur",
    "Kota Semarang": "Jawa Tengah",
    "Kota Yogyakarta": "DI Yogyakarta",
    "Kota Tangerang": "Banten",
    "Kota Batam": "Kepulauan Riau",
    "Kabupaten Bintan": "Kepulauan Riau",
    "Kabupaten Karimun": "Kepulauan Riau",
    "Kota Tanjungpinang": "Kepulauan Riau",
    "Kota Medan": "Sumatera Utara",
    "Kota Padang": "Sumatera Barat",
    "Kota Pekanbaru": "Riau",
    "Kota Palembang": "Sumatera Selatan",
    "Kota Bandar Lampung": "Lampung",
    "Kabupaten Karangasem": "Bali",
    "Kota Denpasar": "Bali",
    "Kabupaten Lombok Barat": "Nusa Tenggara Barat",
    "Kota Mataram": "Nusa Tenggara Barat",
    "Kota Kupang": "Nusa Tenggara Timur",
    "Kabupaten Sikka": "Nusa Tenggara Timur",
    "Kota Pontianak": "Kalimantan Barat",
    "Kota Samarinda": "Kalimantan Timur",
    "Kota Balikpapan": "Kalimantan Timur",
    "Kabupaten Nunukan": "Kalimantan Utara",
    "Kota Makassar": "Sulawesi Selatan",
    "Kota Manado": "Sulawesi Utara",
    "Kota Ambon": "Maluku",
    "Kota Jayapura": "Papua",
}
"""The province of each kabupaten/kota the product knows, by the name the data uses."""


def province_of(district: str) -> str:
    """The province of a district, or :data:`UNKNOWN_PROVINCE`.

    >>> province_of("Kota Batam"), province_of("Kabupaten Sintetis 1")
    ('Kepulauan Riau', '?')
    """
    return PROVINCE_OF.get(district, UNKNOWN_PROVINCE)


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


def province_figures(
    rows: Mapping[str, PublishedRow],
    districts: SuppressedTable,
    k: int,
    base: int = 1,
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

    Returns
    -------
    SuppressedTable or TooFewChildren
        One row per province and the total row (the districts' own, as published), ``by``
        ``"province"``.
    """
    if not isinstance(districts, SuppressedTable):
        return districts
    by_province = province_rows(rows)
    table = aggregate_rows(by_province, "province")
    provinces = [group for group in table.counts.index if group != TOTAL]
    values = table.counts.loc[provinces, list(COUNT_MEASURES)].to_numpy(dtype=np.int64)
    status = np.full(values.shape, SHOWN, dtype=object)
    small_group = values[:, 0] < k
    status[((values >= 1) & (values < k)) | small_group[:, None]] = SMALL
    district_groups = districts.groups
    members = [
        [district_groups.index(d) for d in district_groups if province_of(d) == province]
        for province in provinces
    ]
    district_hidden = (
        districts.count_status.loc[[*district_groups, TOTAL], list(COUNT_MEASURES)].to_numpy()
        != SHOWN
    )
    protect(values, status, district_hidden, members)

    counts = pd.DataFrame(values, index=provinces, columns=list(COUNT_MEASURES))
    rounded = counts if base == 1 else np.floor(counts / base + 0.5).astype("int64") * base
    total = districts.counts.loc[[TOTAL], list(COUNT_MEASURES)]
    all_counts = pd.concat([rounded.astype("Int64"), total.astype("Int64")])
    all_counts.index.name = "province"
    all_status = pd.DataFrame(
        np.vstack([status, districts.count_status.loc[[TOTAL], list(COUNT_MEASURES)].to_numpy()]),
        index=all_counts.index,
        columns=list(COUNT_MEASURES),
    )
    median_status = pd.DataFrame(
        np.where(np.append(small_group, False)[:, None], SMALL, SHOWN).repeat(
            len(MEDIAN_MEASURES), axis=1
        ),
        index=all_counts.index,
        columns=list(MEDIAN_MEASURES),
    )
    medians = pd.concat(
        [
            table.medians.loc[provinces, list(MEDIAN_MEASURES)],
            districts.medians.loc[[TOTAL], list(MEDIAN_MEASURES)],
        ]
    )
    medians.index = all_counts.index
    figures = from_shown("province", k, all_counts, all_status, medians, median_status, base)
    return dataclasses.replace(figures, period=districts.period)


def protect(
    values: np.ndarray,
    status: np.ndarray,
    district_hidden: np.ndarray,
    members: list[list[int]],
) -> None:
    """Hide province cells (in place, in ``status``) until no hidden district cell and no small
    province cell is determined.

    ``values`` and ``status`` are the province cells (provinces x :data:`COUNT_MEASURES`);
    ``district_hidden`` says which cells of the district table (districts, then the total row)
    are hidden; ``members[p]`` are the district rows of province ``p``. For each determined cell,
    the province cell that cuts its line is hidden first (its own province's for a district
    cell, else the smallest non-zero shown province of the column); when none is left in its
    column, the province cells of the whole column are hidden (which, as proven in the module's
    tests, adds no information to the district table).
    """
    while True:
        found = [
            (kind, row, column)
            for kind, row, column in determined_cells(district_hidden, status != SHOWN, members)
            if kind == "district" or status[row, column] == SMALL
        ]
        if not found:
            break
        changed = False
        for kind, row, column in found:
            for cell in _cutting_cells(values, status, kind, row, column, members):
                if status[cell] == SHOWN:
                    status[cell] = SECONDARY
                    changed = True
                    break
        if not changed:
            # Nothing cuts the lines any more: hide every province cell that is still shown.
            if not (status == SHOWN).any():
                break
            status[status == SHOWN] = SECONDARY
    # A hidden province cell the lines fix anyway (a province of one shown district) hides
    # nothing: it is shown, which tells a reader nothing the lines did not.
    for kind, row, column in determined_cells(district_hidden, status != SHOWN, members):
        if kind == "province" and status[row, column] == SECONDARY:
            status[row, column] = SHOWN


def _cutting_cells(values, status, kind: str, row: int, column: int, members):
    """Province cells whose hiding could cut the lines through a determined cell, best first."""
    columns = [column, *_partners(column)]
    if kind == "district":
        own = next(p for p, rows in enumerate(members) if row in rows)
        yield own, column
    elif kind == "province":
        yield from ((row, j) for j in _partners(column))
    for j in columns:
        shown = [p for p in range(len(values)) if status[p, j] == SHOWN]
        # Smallest non-zero first, a zero only when nothing else is left.
        for p in sorted(shown, key=lambda p: (values[p, j] == 0, values[p, j])):
            yield p, j


def _partners(column: int) -> list[int]:
    """The other columns of a row's line of sums (the partitioned total and its parts)."""
    ((total, parts),) = PARTITIONS.items()
    block = [COUNT_MEASURES.index(total), *(COUNT_MEASURES.index(part) for part in parts)]
    return [j for j in block if j != column] if column in block else []


def determined_cells(
    district_hidden: np.ndarray, province_hidden: np.ndarray, members: list[list[int]]
) -> list[tuple[str, int, int]]:
    """The hidden cells a hostile reader can solve from every line of sums of both tables.

    The lines: each column of districts adds up to the total row; each column of a province's
    districts adds up to the province; in every row (districts, provinces, total) the
    ``weakest_link`` counts add up to ``children``. A hidden cell is determined exactly when its
    unit vector lies in the row space of those equations restricted to the hidden cells (shown
    cells are constants), i.e. when every solution of the homogeneous system is zero there.

    Returns
    -------
    list of (kind, row, column)
        ``kind`` is ``"district"`` (row of the district table, the total row last) or
        ``"province"``.
    """
    n_district_rows, n_columns = district_hidden.shape
    cells: dict[tuple[str, int, int], int] = {}
    for i, j in zip(*np.nonzero(district_hidden), strict=True):
        cells[("district", int(i), int(j))] = len(cells)
    for i, j in zip(*np.nonzero(province_hidden), strict=True):
        cells[("province", int(i), int(j))] = len(cells)
    if not cells:
        return []
    total_row = n_district_rows - 1
    lines: list[list[tuple[tuple[str, int, int], int]]] = []
    for j in range(n_columns):
        lines.append(
            [(("district", i, j), 1) for i in range(total_row)] + [(("district", total_row, j), -1)]
        )
        for p, rows in enumerate(members):
            lines.append([(("district", i, j), 1) for i in rows] + [(("province", p, j), -1)])
    ((total, parts),) = PARTITIONS.items()
    whole = COUNT_MEASURES.index(total)
    part_columns = [COUNT_MEASURES.index(part) for part in parts]
    for kind, n_rows in (("district", n_district_rows), ("province", len(members))):
        for i in range(n_rows):
            lines.append([((kind, i, whole), 1)] + [((kind, i, j), -1) for j in part_columns])
    matrix = np.zeros((len(lines), len(cells)))
    for number, line in enumerate(lines):
        for cell, sign in line:
            if cell in cells:
                matrix[number, cells[cell]] += sign
    matrix = matrix[np.abs(matrix).sum(axis=1) > 0]
    if not len(matrix):
        return []
    _, singular, right = np.linalg.svd(matrix, full_matrices=True)
    rank = int((singular > 1e-9 * max(singular.max(), 1.0)).sum())
    null_space = right[rank:]
    free = (np.abs(null_space) > 1e-9).any(axis=0) if len(null_space) else np.zeros(len(cells))
    return [cell for cell, index in cells.items() if not free[index]]
