"""The district tables as a planner reads them: which districts first, numbers written out.

Everything here works on the suppressed table only (:mod:`eska_network.districts.disclosure`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from eska_network.districts import aggregates as districts
from eska_network.districts import disclosure, provinces, unserved
from eska_network.districts.cell_hiding import SHOWN, SMALL
from eska_network.districts.disclosure import SuppressedTable
from eska_network.i18n import number_text


def default_districts(suppressed: SuppressedTable, how_many: int = 6) -> list[str]:
    """The districts to compare first: the ``how_many`` with most children (hidden counts last).

    >>> import pandas as pd
    >>> from eska_network.districts.aggregates import (
    ...     COUNT_MEASURES, MEDIAN_MEASURES, AggregateTable)
    >>> counts = pd.DataFrame(0, index=["A", "B", "C", ""], columns=list(COUNT_MEASURES))
    >>> counts["children"] = counts["weakest_link:family-community"] = [9, 30, 12, 51]
    >>> medians = pd.DataFrame(2.0, index=counts.index, columns=list(MEDIAN_MEASURES))
    >>> table = disclosure.suppress(AggregateTable("district", counts, medians, pd.DataFrame()), 5)
    >>> default_districts(table, 2)
    ['B', 'C']
    """
    groups = suppressed.groups
    shown = suppressed.count_status.loc[groups, districts.CHILDREN] == SHOWN
    sizes = suppressed.counts.loc[groups, districts.CHILDREN].where(shown)
    order = sizes.astype("Float64").fillna(-1).sort_values(ascending=False, kind="stable")
    return list(order.index[:how_many])


def most_common_gaps(suppressed: SuppressedTable, how_many: int = 3) -> list[str]:
    """The gap measures with the largest shown share over all groups (the total row)."""
    shares = suppressed.shares.loc[districts.TOTAL, list(districts.GAP_MEASURES)]
    shares = shares.astype("Float64").fillna(-1).sort_values(ascending=False, kind="stable")
    return list(shares.index[:how_many])


def some_too_small(suppressed: SuppressedTable) -> bool:
    """Whether some district has fewer than K children (and so is left out of the headline)."""
    return bool((suppressed.count_status.loc[suppressed.groups, districts.CHILDREN] == SMALL).any())


def all_too_small(suppressed: SuppressedTable, groups: Iterable[str]) -> bool:
    """Whether every one of ``groups`` has fewer than K children (so nothing of them is shown)."""
    chosen = [group for group in groups if group != districts.TOTAL]
    status = suppressed.count_status.loc[chosen, districts.CHILDREN]
    return bool(chosen) and bool((status == SMALL).all())


def all_hidden(suppressed: SuppressedTable, groups: Iterable[str], measures: Iterable[str]) -> bool:
    """Whether every share of ``measures`` is hidden or zero for every one of ``groups``, and
    some are hidden: a comparison that would draw nothing but grey (a gap no child has is no
    figure to compare either).

    >>> import pandas as pd
    >>> from eska_network.districts.aggregates import (
    ...     COUNT_MEASURES, MEDIAN_MEASURES, AggregateTable)
    >>> counts = pd.DataFrame(0, index=["A", "B", ""], columns=list(COUNT_MEASURES))
    >>> counts["children"] = counts["weakest_link:family-community"] = [12, 14, 26]
    >>> counts["unmet_need:legal"] = [3, 4, 7]
    >>> medians = pd.DataFrame(2.0, index=counts.index, columns=list(MEDIAN_MEASURES))
    >>> table = disclosure.suppress(AggregateTable("district", counts, medians, pd.DataFrame()), 5)
    >>> all_hidden(table, ["A", "B"], ["unmet_need:legal"])
    True
    >>> all_hidden(table, ["A", "B"], ["unmet_need:legal", "unmet_need:housing"])
    True
    >>> all_hidden(table, ["A", "B"], ["weakest_link:family-community"])
    False
    """
    chosen = [group for group in groups if group != districts.TOTAL]
    if not chosen:
        return False
    columns = [m for m in measures if m != districts.CHILDREN]
    hidden = suppressed.share_status.loc[chosen, columns].to_numpy() != SHOWN
    shares = suppressed.shares.loc[chosen, columns].to_numpy(dtype=float, na_value=0.0)
    return bool(hidden.any() and (hidden | (shares == 0)).all())


def left_out_of_provinces(suppressed: SuppressedTable) -> list[str]:
    """The districts the province view leaves out: those whose number of children is hidden."""
    counted = set(provinces.counted_districts(suppressed))
    return [group for group in suppressed.groups if group not in counted]


def aggregate_display(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A :func:`disclosure.to_export` table written for reading (markers kept as they are).

    Whole numbers get grouped thousands, shares and medians one decimal, in ``lang``'s style.
    """

    def written(value: object) -> object:
        if isinstance(value, int | np.integer):
            return number_text(int(value), lang)
        if isinstance(value, float | np.floating):
            return number_text(float(value), lang, disclosure.SHARE_DECIMALS)
        return value

    return table.map(written)


def unserved_display(suppressed: SuppressedTable, lang: str = "en") -> pd.DataFrame:
    """The planner's headline, as shown: district, need, and the share of children unmet.

    Columns ``district``, ``need``, ``unmet`` (a share such as ``38.5%``, or "suppressed").
    """
    table = unserved.unserved_needs(suppressed, lang)
    marker = suppressed.display_shares(lang)
    shares = [
        f"{number_text(100 * share, lang, disclosure.SHARE_DECIMALS)}%"
        if pd.notna(share)
        else marker.at[district, f"unmet_need:{need}"]
        for district, need, share in zip(
            table["district"], table["need"], table["unmet_share"], strict=True
        )
    ]
    return pd.DataFrame(
        {
            "district": table["district"].tolist(),
            "need": table["need_label"].tolist(),
            "unmet": shares,
        }
    )
