"""The members of each child's system: who is there, and from which assessment."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from eska_network.domain import codes
from eska_network.domain.synth.cast import ROLES, role_index
from eska_network.domain.synth.children import Children
from eska_network.domain.synth.columns import code_bit, str_column
from eska_network.domain.synth.world import World

_SCARCE_SERVICE_FACTOR = 0.35
"""How much rarer a member is when the district lists no service of its kind."""


def draw_presence(world: World, rng: np.random.Generator, kids: Children):
    """Which members each child has, and at which assessment each first appears.

    Returns
    -------
    presence : ndarray of bool, [child, role]
    gained : ndarray of int, [child, role]: index of the first assessment with the member's tie
    """
    n = len(kids)
    rates = np.tile([role.rate for role in ROLES], (n, 1))
    for r, role in enumerate(ROLES):
        if role.trigger_need:
            has_need = (kids.needs & code_bit(codes.NEEDS, role.trigger_need)) > 0
            rates[has_need, r] = role.rate_if_need
    rates[world.scarce[kids.district]] *= _SCARCE_SERVICE_FACTOR
    level = np.array([role.level for role in ROLES])
    patterns = kids.patterns
    alone = (kids.risks & code_bit(codes.RISK_FACTORS, "no_adult_support")) > 0
    rates[np.ix_(alone, level == "family")] *= 0.6
    rates[patterns["no_institution"][:, None] & (level == "institution")] = 0.0
    for substitute in ("foster_carer", "grandmother", "shelter"):
        rates[patterns["family_rejects"], role_index(substitute)] += 0.3
    rates[np.ix_(patterns["well_supported"], level != "family")] += 0.15
    presence = rng.random(rates.shape) < np.minimum(rates, 0.97)
    presence[~presence.any(axis=1), role_index("peer")] = True

    later = rng.random(rates.shape) < [role.gain_rate for role in ROLES]
    later &= (kids.assessments > 1)[:, None]
    gained = np.where(later, 1 + (rng.random(rates.shape) * (kids.assessments - 1)[:, None]), 0)
    # The exploiter is there from the first assessment.
    for pattern, member in (
        ("exploited_by_family", "father"),
        ("exploiter_in_contact", "recruiter"),
    ):
        presence[patterns[pattern], role_index(member)] = True
        gained[patterns[pattern], role_index(member)] = 0
    return presence, gained.astype(int)


def members_table(
    world: World, kids: Children, ids: pa.Array, presence: np.ndarray
) -> pd.DataFrame:
    child, role = np.nonzero(presence)
    cell = kids.district[child] * len(ROLES) + role  # in the [district, role] lookups
    labels = world.labels.ravel()[cell]
    leader = role == role_index("religious_leader")
    labels[leader] = kids.faith[child[leader]]
    return pd.DataFrame(
        {
            "child_id": str_column(ids, child),
            "member_id": str_column([r.member_id for r in ROLES], role),
            "label": str_column(labels.tolist()),
            "level": str_column([r.level for r in ROLES], role),
            "role": str_column([r.role for r in ROLES], role),
            "resource_id": str_column(world.resource_ids.ravel(), cell),
        }
    )
