"""Needs left unmet where a district lists no service for them: the planner's headline.

Built on the suppressed table only (:mod:`eska_network.districts.disclosure`), so nothing here
sees a hidden count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from eska_network.districts.aggregates import CHILDREN
from eska_network.districts.cell_hiding import SHOWN, SMALL
from eska_network.districts.disclosure import SuppressedTable
from eska_network.domain.codes import NEEDS


def needs_and_services(suppressed: SuppressedTable, lang: str = "en") -> pd.DataFrame:
    """Per district and need: children with the need unmet (as shown) next to the services listed.

    Only what the suppressed table shows is used: ``unmet`` is the shown count or its marker
    (``<5``, ``x``), ``unmet_share`` the shown share (NaN when hidden).

    Columns: ``district``, ``need``, ``need_label``, ``unmet``, ``unmet_share``, ``services``,
    ``names``, ``unserved`` (True when some children have the need unmet and the district lists
    no service for it: the planner's headline).
    """
    services = suppressed.services
    rows = services[services["district"].isin(suppressed.counts.index)].copy()
    at_row = suppressed.counts.index.get_indexer(rows["district"])
    at_column = suppressed.counts.columns.get_indexer("unmet_need:" + rows["need"])
    status = suppressed.count_status.to_numpy()[at_row, at_column]
    counts = suppressed.counts.to_numpy(dtype=object)[at_row, at_column]
    rows["unmet"] = suppressed.display_counts().to_numpy()[at_row, at_column]
    share_column = suppressed.shares.columns.get_indexer("unmet_need:" + rows["need"])
    rows["unmet_share"] = suppressed.shares.to_numpy()[at_row, share_column]
    # A hidden count is known to be positive unless the whole district is too small to say.
    district_shown = suppressed.count_status[CHILDREN].to_numpy()[at_row] != SMALL
    some_unmet = np.array([s != SHOWN or c > 0 for s, c in zip(status, counts, strict=True)])
    rows["unserved"] = some_unmet & district_shown & (rows["services"] == 0).to_numpy()
    rows.insert(2, "need_label", [NEEDS.label(need, lang) for need in rows["need"]])
    return rows.reset_index(drop=True)


def unserved_needs(suppressed: SuppressedTable, lang: str = "en") -> pd.DataFrame:
    """The planner's headline: needs some children have unmet in a district with no service for it.

    The rows of :func:`needs_and_services` marked ``unserved``, most children first (by shown
    share; hidden shares last).
    """
    table = needs_and_services(suppressed, lang)
    table = table[table["unserved"]]
    return table.sort_values("unmet_share", ascending=False, na_position="last", kind="stable")
