"""The stored gap summary: one row per child with what each rule found, and its columns' types.

The summary is what the store keeps for every child (table ``gap_summaries``) and what the
caseload, the districts and ``report`` read; :func:`eska_network.domain.gaps.summary_row` makes
one child's row, :func:`eska_network.domain.gap_table.gap_table` every child's at once.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from eska_network.domain.codes import LEVEL_PAIRS, LEVELS, WELLBEING, Vocabulary
from eska_network.domain.schema import LIST_SEPARATOR


def link_column(pair: str) -> str:
    """The summary column of the link between a pair of levels (rule 5).

    >>> link_column("family-community")
    'link_family_community'
    """
    return "link_" + pair.replace("-", "_")


SUMMARY_COLUMNS: dict[str, str] = {
    "child_id": "id",
    "as_of": "date",
    **{f"{level}_status": "text" for level in LEVELS},
    **{f"{level}_strength": "int" for level in LEVELS},
    "unmet_needs": "text",
    "missing_functions": "text",
    "missing_support_types": "text",
    **{link_column(pair): "int" for pair in LEVEL_PAIRS},
    "weakest_link": "text",
    "single_points_of_failure": "int",
    "stressful_ties": "int",
    "stale_ties": "int",
    "stressful_family": "bool",
    "longest_no_contact_days": "int",
    "exploitative_ties": "int",
    "unsafe_placement": "bool",
    "needs_assessed": "bool",
    "placement": "text",
    "reintegration_stage": "text",
    **{f"wellbeing_{dimension}": "int" for dimension in WELLBEING},
}
"""The gap summary of one child: column name -> kind (``id``, ``date``, ``text``, ``int`` or
``bool``).

Lists of codes are ``;``-joined in vocabulary order (``""`` when none);
``single_points_of_failure``, ``stressful_ties``, ``stale_ties`` and ``exploitative_ties`` are
counts; ``needs_assessed`` is false when no needs were ever recorded as of the date; ``placement``,
``reintegration_stage`` and the wellbeing scores are the child's as of the date. Only the columns
in :data:`SUMMARY_NULLABLE` can be missing.
"""

SUMMARY_NULLABLE = frozenset(
    {
        "as_of",
        "longest_no_contact_days",
        "placement",
        "reintegration_stage",
        *(f"wellbeing_{dimension}" for dimension in WELLBEING),
    }
)
"""``as_of`` is missing for a child with no tie rows, no assessment rows and no given date;
``longest_no_contact_days`` when no active supportive child tie has a recorded ``last_contact``;
placement, stage and wellbeing when not recorded as of the date."""

_DTYPES = {"id": "str", "text": "str", "date": "datetime64[s]", "int": "int64", "bool": "bool"}


def summary_table(columns: Mapping[str, object]) -> pd.DataFrame:
    """A gap summary table with the dtypes of :data:`SUMMARY_COLUMNS`, from its columns.

    ``columns`` maps each column name to its values (:func:`summary_rows_table` takes rows).
    """
    table = pd.DataFrame({name: columns[name] for name in SUMMARY_COLUMNS})
    return table.astype(
        {
            name: "Int64" if name in SUMMARY_NULLABLE and kind == "int" else _DTYPES[kind]
            for name, kind in SUMMARY_COLUMNS.items()
        }
    )


def summary_rows_table(rows: list[Mapping[str, object]]) -> pd.DataFrame:
    """The gap summary table of several :func:`summary_row` results, one row each."""
    return summary_table({name: [row[name] for row in rows] for name in SUMMARY_COLUMNS})


def code_flags(column: pd.Series, vocabulary: Vocabulary) -> pd.DataFrame:
    """One boolean column per code: whether the ``;``-joined list of each row holds the code.

    Examples
    --------
    >>> from eska_network.domain.codes import NEEDS
    >>> code_flags(pd.Series(["legal", "", "housing;legal"]), NEEDS)[["housing", "legal"]]
       housing  legal
    0    False   True
    1    False  False
    2     True   True
    """
    # A list column holds few distinct values (at most 2**7 for needs), so parse each once.
    positions, distinct = pd.factorize(column.fillna("").astype(str))
    masks = np.array(
        [
            vocabulary.mask(c.strip() for c in text.split(LIST_SEPARATOR) if c.strip())
            for text in distinct
        ],
        dtype=np.int64,
    )
    row_masks = masks[positions] if len(distinct) else np.zeros(len(column), dtype=np.int64)
    bits = np.int64(1) << np.arange(len(vocabulary), dtype=np.int64)
    return pd.DataFrame(
        (row_masks[:, None] & bits) != 0, columns=list(vocabulary), index=column.index
    )
