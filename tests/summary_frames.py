"""Gap summary tables built by hand or at random, for the caseload and district tests."""

from __future__ import annotations

import numpy as np
import pandas as pd

from eska_network.domain.codes import (
    FUNCTIONS,
    LEVEL_PAIRS,
    LEVEL_STATUSES,
    NEEDS,
    PLACEMENTS,
    STAGES,
    SUPPORT_TYPES,
    WELLBEING,
)
from eska_network.domain.schema import LIST_SEPARATOR
from eska_network.domain.summary import link_column, summary_rows_table, summary_table

NO_GAPS = {
    "child_id": "C001",
    "as_of": pd.Timestamp("2026-03-01"),
    "family_status": "ok",
    "community_status": "ok",
    "institution_status": "ok",
    "family_strength": 4,
    "community_strength": 4,
    "institution_strength": 4,
    "unmet_needs": "",
    "missing_functions": "",
    "missing_support_types": "",
    "link_family_community": 3,
    "link_community_institution": 3,
    "link_family_institution": 3,
    "weakest_link": "family-community",
    "single_points_of_failure": 0,
    "stressful_ties": 0,
    "stale_ties": 0,
    "stressful_family": False,
    "longest_no_contact_days": 10,
    "exploitative_ties": 0,
    "unsafe_placement": False,
    "needs_assessed": True,
    "placement": "kin",
    "reintegration_stage": "reintegration",
    "wellbeing_personal": 4,
    "wellbeing_interpersonal": 4,
    "wellbeing_skills": 3,
}
"""The summary of a child with no gap at all."""


def summary(**changes) -> dict:
    """The summary of a child with no gap but for ``changes``."""
    return {**NO_GAPS, **changes}


def summaries_table(rows: list[dict], **children_columns) -> pd.DataFrame:
    """A typed gap summary table of ``rows`` with children's columns (district, ...) added."""
    table = summary_rows_table(rows)
    for name, values in children_columns.items():
        table[name] = values
    return table


def _joined(rng: np.random.Generator, vocabulary, n: int, rate: float) -> list[str]:
    picks = rng.random((n, len(vocabulary))) < rate
    return [
        LIST_SEPARATOR.join(c for c, on in zip(vocabulary, row, strict=True) if on) for row in picks
    ]


def random_summaries(seed: int, children: int, districts: int, rate: float = 0.3) -> pd.DataFrame:
    """``children`` random summaries spread over ``districts`` districts, with caseworkers."""
    rng = np.random.default_rng(seed)
    statuses = np.array(list(LEVEL_STATUSES))
    links = rng.integers(0, 6, (children, 3))
    stressful = rng.integers(0, 3, children) * (rng.random(children) < rate)
    stale = rng.integers(0, 3, children) * (rng.random(children) < rate)
    placements = np.array(list(PLACEMENTS))[rng.integers(0, len(PLACEMENTS), children)]
    unsafe = np.isin(placements, ["family", "kin"]) & (rng.random(children) < rate)
    rows = {
        "child_id": [f"C{i:05d}" for i in range(children)],
        "as_of": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 540, children), "D"),
        **{
            f"{level}_status": statuses[rng.integers(0, 3, children)]
            for level in ("family", "community", "institution")
        },
        **{
            f"{level}_strength": rng.integers(0, 6, children)
            for level in ("family", "community", "institution")
        },
        "unmet_needs": _joined(rng, NEEDS, children, rate),
        "missing_functions": _joined(rng, FUNCTIONS, children, rate),
        "missing_support_types": _joined(rng, SUPPORT_TYPES, children, rate),
        **{link_column(pair): links[:, i] for i, pair in enumerate(LEVEL_PAIRS)},
        "weakest_link": np.array(list(LEVEL_PAIRS))[np.argmin(links, axis=1)],
        "single_points_of_failure": rng.integers(0, 3, children) * (rng.random(children) < rate),
        "stressful_ties": stressful,
        "stale_ties": stale,
        "stressful_family": (stressful > 0) & (rng.random(children) < 0.5),
        "longest_no_contact_days": np.where(stale > 0, 91 + rng.integers(0, 300, children), 30),
        "exploitative_ties": rng.integers(0, 2, children) * (rng.random(children) < rate / 3),
        "unsafe_placement": unsafe,
        "needs_assessed": rng.random(children) > rate / 3,
        "placement": placements,
        "reintegration_stage": np.array(list(STAGES))[rng.integers(0, len(STAGES), children)],
        **{
            f"wellbeing_{w}": pd.array(rng.integers(1, 6, children), dtype="Int64")
            for w in WELLBEING
        },
    }
    table = summary_table(rows)
    table["district"] = [f"District {d}" for d in rng.integers(0, districts, children)]
    table["caseworker"] = [f"cw{c}" for c in rng.integers(0, max(1, children // 20), children)]
    return table
