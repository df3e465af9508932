"""What each later assessment found: placement, stage of the case, wellbeing, needs and risks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from eska_network.domain import codes
from eska_network.domain.synth.children import Children
from eska_network.domain.synth.columns import CELLS, date_column, recorded_codes, str_column

_STAGE_START = np.array([0.3, 0.4, 0.2, 0.1, 0.0])
"""The stage of the case at the first assessment: rescue, recovery, reintegration, follow-up."""
_STAGE_ADVANCE = 0.6
_CLOSE_AT_LAST = 0.3
"""Share of cases in follow-up that the last assessment closes."""
_PLACEMENT_BY_STAGE = np.array(
    [
        # family, kin, foster, shelter, residential, independent, street
        [0.10, 0.15, 0.00, 0.55, 0.10, 0.00, 0.10],  # rescue
        [0.20, 0.20, 0.10, 0.35, 0.15, 0.00, 0.00],  # recovery
        [0.50, 0.25, 0.10, 0.00, 0.10, 0.05, 0.00],  # reintegration
        [0.50, 0.25, 0.10, 0.00, 0.10, 0.05, 0.00],  # follow-up
        [0.55, 0.25, 0.10, 0.00, 0.05, 0.05, 0.00],  # closed
    ]
)
"""Where children live at each stage of the road back (DOMAIN.md, placement)."""
_SENT_HOME_BY_FAMILY = 0.3
"""Share of assessments, before reintegration, that find a child sold by the family at home."""
_KEEP_PLACEMENT = 0.5
_PLACEMENT_UNRECORDED = 0.05
_WELLBEING_STEPS = np.array([-1, 0, 1])
_WELLBEING_UP = np.array([0.15, 0.5, 0.35])
_WELLBEING_DOWN = np.array([0.3, 0.5, 0.2])
_EMPTY_CELL = 0.1
"""Share of later assessment cells left empty (the earlier value then holds)."""
_NEEDS_CHANGE = 0.4
_NEED_DROPPED = 0.25
_NEED_ADDED = 0.05
_RISK_DROPPED = 0.2


def _placements(more: np.random.Generator, stage: np.ndarray, age: np.ndarray) -> np.ndarray:
    cumulative = np.cumsum(_PLACEMENT_BY_STAGE[stage], axis=1)
    pick = (more.random(len(stage))[:, None] > cumulative).sum(axis=1)
    pick = np.minimum(pick, len(codes.PLACEMENTS) - 1)
    independent = codes.PLACEMENTS.position("independent")
    # Only older adolescents live on their own.
    pick[(pick == independent) & (age < 16)] = codes.PLACEMENTS.position("kin")
    return pick


def assessments_table(kids: Children, ids: pa.Array, more: np.random.Generator) -> pd.DataFrame:
    """One assessments.csv row per child per assessment date.

    The first row repeats the intake wellbeing (children.csv) and records placement and stage;
    later ones record where the child lives and how far the case has come, wellbeing moving with
    the support, and needs and risks when they change (``none`` when none is left).
    """
    n, patterns = len(kids), kids.patterns
    rows = int(kids.assessments.sum())
    child = np.repeat(np.arange(n), kids.assessments)
    step = np.arange(rows) - np.repeat(
        np.cumsum(kids.assessments) - kids.assessments, kids.assessments
    )
    first = step == 0

    start = (more.random(n)[:, None] > np.cumsum(_STAGE_START)).sum(axis=1)
    advance = (more.random(rows) < _STAGE_ADVANCE) & ~first
    stage = start[child] + _cumulative_per_child(advance.astype(int), child)
    stage = np.minimum(stage, codes.STAGES.position("follow_up"))
    last = step == kids.assessments[child] - 1
    closing = last & ~first & (stage == codes.STAGES.position("follow_up"))
    stage[closing & (more.random(rows) < _CLOSE_AT_LAST)] = codes.STAGES.position("closed")

    placement = _placements(more, stage, kids.age[child])
    at_home = codes.PLACEMENTS.position("family")
    sold = patterns["exploited_by_family"][child] & (stage < codes.STAGES.position("reintegration"))
    placement[sold & (more.random(rows) < _SENT_HOME_BY_FAMILY)] = at_home
    rejected = patterns["family_rejects"][child] & (placement == at_home)
    placement[rejected] = codes.PLACEMENTS.position("foster")
    keep = ~first & (more.random(rows) < _KEEP_PLACEMENT)
    keep &= np.concatenate([[False], stage[1:] == stage[:-1]])
    for at in np.flatnonzero(keep):
        placement[at] = placement[at - 1]

    # Some caseworkers never record where the child lives, nor the stage of the case.
    unrecorded = (more.random(n) < _PLACEMENT_UNRECORDED)[child]

    wellbeing = kids.wellbeing[child].copy()
    hard = (patterns["family_rejects"] | patterns["exploited_by_family"])[child]
    draws = more.random((rows, len(codes.WELLBEING)))
    up = _WELLBEING_STEPS[(draws[:, :, None] > np.cumsum(_WELLBEING_UP)).sum(axis=2)]
    down = _WELLBEING_STEPS[(draws[:, :, None] > np.cumsum(_WELLBEING_DOWN)).sum(axis=2)]
    moves = np.where(hard[:, None], down, up) * ~first[:, None]
    for i in range(len(codes.WELLBEING)):
        wellbeing[:, i] = np.where(
            wellbeing[:, i] > 0,
            np.clip(wellbeing[:, i] + _cumulative_per_child(moves[:, i], child), 1, 5),
            0,
        )
    empty = (more.random((rows, len(codes.WELLBEING))) < _EMPTY_CELL) & ~first[:, None]
    wellbeing[empty] = 0

    # Needs change at some assessments: some dropped for good, a few added (the cell records the
    # whole list then); risk factors turn around when dropped.
    changes = (more.random(rows) < _NEEDS_CHANGE) & ~first & ~patterns["needs_unassessed"][child]
    dropped = (more.random((rows, len(codes.NEEDS))) < _NEED_DROPPED) & changes[:, None]
    added = (more.random((rows, len(codes.NEEDS))) < _NEED_ADDED) & changes[:, None]
    risk_dropped = (more.random((rows, len(codes.RISK_FACTORS))) < _RISK_DROPPED) & changes[:, None]
    needs_now = _changed_masks(kids.needs[child], added, dropped, child)
    risks_now = _changed_masks(kids.risks[child], np.zeros_like(risk_dropped), risk_dropped, child)
    needs = np.where(changes, needs_now, -1)
    risks_changed = changes & (risks_now != np.concatenate([[0], risks_now[:-1]]))
    risks_changed &= risks_now != kids.risks[child]
    risks = np.where(risks_changed, risks_now, -1)
    table = pd.DataFrame(
        {
            "child_id": str_column(ids, child),
            "assessed_on": date_column(kids.dates[child, step]),
            "needs": _listed_cells(codes.NEEDS, needs),
            "risk_factors": _listed_cells(codes.RISK_FACTORS, risks),
            **{
                f"wellbeing_{dimension}": pd.Series(wellbeing[:, i], dtype="Int64").where(
                    wellbeing[:, i] > 0
                )
                for i, dimension in enumerate(codes.WELLBEING)
            },
            "placement": recorded_codes(codes.PLACEMENTS, placement, unrecorded),
            "reintegration_stage": recorded_codes(codes.STAGES, stage, unrecorded),
        }
    )
    return table


def _changed_masks(
    start: np.ndarray, added: np.ndarray, dropped: np.ndarray, child: np.ndarray
) -> np.ndarray:
    """Each row's bit mask: the child's ``start`` with every bit added so far, less every bit
    dropped so far (a dropped code stays dropped)."""
    result = np.zeros(len(start), dtype=np.int64)
    for bit in range(added.shape[1]):
        ever_added = _cumulative_per_child(added[:, bit].astype(int), child) > 0
        ever_dropped = _cumulative_per_child(dropped[:, bit].astype(int), child) > 0
        on = (((start >> bit) & 1) == 1) | ever_added
        result |= (on & ~ever_dropped).astype(np.int64) << bit
    return result


def _cumulative_per_child(values: np.ndarray, child: np.ndarray) -> np.ndarray:
    """The running sum of ``values`` restarted at each child's first row (rows come by child)."""
    total = np.cumsum(values)
    starts = np.flatnonzero(np.concatenate([[True], child[1:] != child[:-1]]))
    before = np.repeat(total[starts] - values[starts], np.diff(np.append(starts, len(child))))
    return total - before


def _listed_cells(vocabulary: codes.Vocabulary, masks: np.ndarray) -> pd.Series:
    """A list column of assessments.csv: empty for -1 (not recorded), ``none`` for 0."""
    cells = np.array([*CELLS[vocabulary.name]], dtype=object)
    cells[0] = codes.NONE_WORD
    texts = np.where(masks >= 0, cells[np.maximum(masks, 0)], None)
    return pd.Series(texts, dtype="str")
