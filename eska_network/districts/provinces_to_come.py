"""The province table a district publication will stand under, as its check must see it.

A district publication is decided before the province table above it (the provinces add up its
published rows). With the province table of the previous period in a reader's hands, the
district cells of this period can fix the sum of a province's districts, a province cell of
this period, even when no single district cell is fixed: the previous province shown, less its
districts carried over, leaves the rest. So the district check holds the coming province table
as unknowns: its cells below K must not be solvable (hiding them later cannot help, as the
district cells give them away), and its other cells are unknowns only for their lines of sums.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from eska_network.districts import exposure
from eska_network.districts.aggregates import CHILDREN, COUNT_MEASURES, TOTAL
from eska_network.districts.cell_hiding import SHOWN, SMALL
from eska_network.districts.province_names import province_of


def counted(status: pd.DataFrame) -> list[str]:
    """The districts a province adds up: those whose number of children is shown.

    A district of fewer than K children shows nothing; counted in its province, it would force
    the province's own number of children to be hidden (the province minus its other districts
    would give it), and with it every share of the province. Left out, it costs nothing.
    """
    shown = status.loc[[group for group in status.index if group != TOTAL], CHILDREN] == SHOWN
    return [group for group, ok in shown.items() if ok]


def members(districts: Sequence[str]) -> dict[str, list[str]]:
    """The given districts by province."""
    by_province: dict[str, list[str]] = {}
    for district in districts:
        by_province.setdefault(province_of(district), []).append(district)
    return by_province


def coming_provinces(
    period: str, status: pd.DataFrame, counts: pd.DataFrame, k: int
) -> tuple[exposure.Published, dict[str, list[str]]]:
    """The province table to come above district statuses ``status`` (true ``counts``), and
    the districts each of its provinces adds up.

    Its cells of 1 to K - 1 children are ``SMALL`` (protected); the others
    :data:`~eska_network.districts.exposure.UNPUBLISHED`.
    """
    measures = list(COUNT_MEASURES)
    by_province = members(counted(status))
    index = [*sorted(by_province), TOTAL]
    values = np.array(
        [counts.loc[by_province[p], measures].to_numpy().sum(axis=0) for p in index[:-1]]
        or np.zeros((0, len(measures)), dtype=np.int64)
    ).reshape(-1, len(measures))
    values = np.vstack([values, values.sum(axis=0)])
    small = (values >= 1) & (values < k)
    cells = pd.DataFrame(
        np.where(small, SMALL, exposure.UNPUBLISHED), index=index, columns=measures
    )
    return exposure.Published(period, "province", cells), by_province
