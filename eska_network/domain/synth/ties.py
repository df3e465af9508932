"""The ties: child and member ties, their strength, valence and attributes over the assessments."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa

from eska_network.domain import codes
from eska_network.domain.synth.cast import (
    PAIR_NEED_SHARE,
    PAIR_TIE,
    PAIRS,
    ROLES,
    role_index,
    role_of,
)
from eska_network.domain.synth.children import Children
from eska_network.domain.synth.columns import (
    CELLS,
    code_bit,
    date_column,
    probabilities,
    random_masks,
    str_column,
)

_STEP_CHANGES = np.array([-2, -1, 0, 1, 2])
_STEP_WEIGHTS = np.array([0.04, 0.16, 0.5, 0.24, 0.06])
"""How a tie's strength moves from one assessment to the next: mostly steady, rather upwards."""
_END_RATE = 0.07
"""Share of ties that end (strength 0) at a later assessment."""
_STALE_TIE_RATE = 0.35
"""Share of the child ties, in a system with stale contact, not contacted for over 90 days."""

_EXPLOITATION_ENDS = 0.55
"""Share of exploitative ties that a later assessment records as ended (the child was rescued)."""


def _kind_tables() -> dict[str, np.ndarray]:
    """Per kind of tie (one per role for child ties, then one per pair), its tendencies."""
    kinds = [*ROLES] + [
        replace(PAIR_TIE, needs={n: PAIR_NEED_SHARE * p for n, p in role_of(b).needs.items()})
        for _, b, _ in PAIRS
    ]
    return {
        "strength": np.array([kind.strength for kind in kinds]),
        "support": np.array([probabilities(codes.SUPPORT_TYPES, kind.support) for kind in kinds]),
        "functions": np.array([probabilities(codes.FUNCTIONS, kind.functions) for kind in kinds]),
        "needs": np.array([probabilities(codes.NEEDS, kind.needs) for kind in kinds]),
        "ambivalent": np.array([kind.ambivalent for kind in kinds]),
        "stressful": np.array([kind.stressful for kind in kinds]),
        "exploitative": np.array([kind.exploitative for kind in kinds]),
        "contact_days": np.array([kind.contact_days for kind in kinds]),
    }


_KINDS = _kind_tables()
_PAIR_ENDS = np.array([(role_index(a), role_index(b)) for a, b, _ in PAIRS])
_ROLE_LEVEL = np.array([codes.LEVELS.position(role.level) for role in ROLES])
_ENDPOINT_NAMES = [codes.CHILD_NODE] + [role.member_id for role in ROLES]
_IS_PEER = np.array([role.role == "peer" for role in ROLES])
_SUPPORTIVE, _AMBIVALENT, _STRESSFUL, _EXPLOITATIVE = (
    codes.VALENCES.position(v) for v in codes.VALENCES
)


@dataclass(frozen=True)
class Ties:
    """Every tie row of one chunk, in output order."""

    child: np.ndarray
    source: np.ndarray  # role index, -1 for the child
    target: np.ndarray
    strength: np.ndarray
    valence: np.ndarray
    support: np.ndarray  # bit masks
    functions: np.ndarray
    needs: np.ndarray
    assessed_on: np.ndarray  # datetime64[D]
    last_contact: np.ndarray  # datetime64[D], NaT when not recorded

    @classmethod
    def draw(
        cls,
        rng: np.random.Generator,
        kids: Children,
        presence: np.ndarray,
        gained: np.ndarray,
        more: np.random.Generator,
    ) -> Ties:
        patterns = kids.patterns
        # One entry per tie: the child ties, then the member ties, then grouped by child.
        child_of, role = np.nonzero(presence)
        pair_rates = np.array([rate for _, _, rate in PAIRS])
        pair_rates = np.where(patterns["well_supported"][:, None], 2.5 * pair_rates, pair_rates)
        pair_levels = np.sort(_ROLE_LEVEL[_PAIR_ENDS], axis=1)
        community_institution = [codes.LEVELS.position(v) for v in ("community", "institution")]
        broken = (pair_levels == community_institution).all(axis=1)
        pair_rates[np.ix_(patterns["broken_link"], broken)] = 0.0
        has_pair = presence[:, _PAIR_ENDS[:, 0]] & presence[:, _PAIR_ENDS[:, 1]]
        has_pair &= rng.random(has_pair.shape) < pair_rates
        pair_child, pair = np.nonzero(has_pair)
        order = np.argsort(np.concatenate([child_of, pair_child]), kind="stable")
        child = np.concatenate([child_of, pair_child])[order]
        source = np.concatenate([np.full(len(role), -1), _PAIR_ENDS[pair, 0]])[order]
        target = np.concatenate([role, _PAIR_ENDS[pair, 1]])[order]
        kind = np.concatenate([role, len(ROLES) + pair])[order]
        first = np.where(
            source < 0,
            gained[child, target],
            np.maximum(gained[child, np.maximum(source, 0)], gained[child, target]),
        )
        is_child_tie = source < 0
        target_level = _ROLE_LEVEL[target]
        family, community, _ = range(len(codes.LEVELS))
        ties = len(child)

        strength = np.clip(np.rint(rng.normal(_KINDS["strength"][kind], 0.9)), 1, 5).astype(int)
        draw = rng.random(ties)
        ambivalent, stressful = _KINDS["ambivalent"][kind], _KINDS["stressful"][kind]
        risky = (kids.risks[child] & code_bit(codes.RISK_FACTORS, "risky_peers")) > 0
        stressful = stressful + 0.25 * (risky & is_child_tie & _IS_PEER[target])
        valence = np.select(
            [draw < ambivalent, draw < ambivalent + stressful],
            [_AMBIVALENT, _STRESSFUL],
            _SUPPORTIVE,
        )
        # A rejecting family: the father's tie stressful, the mother's stressful or ambivalent.
        parents = np.isin(target, [role_index("mother"), role_index("father")])
        rejected = patterns["family_rejects"][child] & is_child_tie & parents
        valence[rejected] = np.where(
            (target[rejected] == role_index("father")) | (draw[rejected] < 0.6),
            _STRESSFUL,
            _AMBIVALENT,
        )
        strength[rejected] = np.maximum(strength[rejected], 2)
        valence[patterns["well_supported"][child]] = _SUPPORTIVE
        # Exploiters: the recruiter always, the father of a child his family sold.
        sold = patterns["exploited_by_family"][child] & is_child_tie
        sold &= target == role_index("father")
        exploits = (_KINDS["exploitative"][kind] >= 1) | sold
        valence[exploits] = _EXPLOITATIVE
        strength[exploits] = np.maximum(strength[exploits], 2)

        keep_attributes = ~np.isin(valence, [_STRESSFUL, _EXPLOITATIVE])
        support = random_masks(rng, _KINDS["support"][kind]) * keep_attributes
        functions = random_masks(rng, _KINDS["functions"][kind]) * keep_attributes
        functions[patterns["no_empowerment"][child]] &= ~code_bit(codes.FUNCTIONS, "empowerment")
        needs = random_masks(rng, _KINDS["needs"][kind]) & (kids.needs[child] * keep_attributes)

        # Each tie is recorded at every assessment from its first, until one records its end
        # (strength 0); ``ends`` is the number of assessments for a tie that does not end.
        assessments = kids.assessments[child]
        may_end = (rng.random(ties) < _END_RATE) & (first < assessments - 1)
        rescued = exploits & (more.random(ties) < _EXPLOITATION_ENDS)
        may_end |= rescued & (first < assessments - 1)
        ends = np.where(
            may_end,
            first + 1 + (rng.random(ties) * (assessments - 1 - first)).astype(int),
            assessments,
        )
        last = np.minimum(ends, assessments - 1)
        counts = last - first + 1
        row_tie = np.repeat(np.arange(ties), counts)
        step = np.arange(len(row_tie)) - np.repeat(np.cumsum(counts) - counts, counts)
        row_assessment = first[row_tie] + step

        change = rng.choice(_STEP_CHANGES, size=len(row_tie), p=_STEP_WEIGHTS)
        change[step == 0] = 0
        walked = np.cumsum(change)
        walked -= np.repeat(walked[np.cumsum(counts) - counts], counts)
        row_strength = np.clip(strength[row_tie] + walked, 1, 5)
        weak_community = patterns["weak_community"][child] & is_child_tie
        weak_community &= target_level == community
        row_strength[weak_community[row_tie]] = np.minimum(row_strength[weak_community[row_tie]], 2)
        row_strength[row_assessment == ends[row_tie]] = 0

        # Later assessments see some stressful family ties mend and some supportive ones sour.
        turn = rng.random(ties)
        row_valence = valence[row_tie]
        later = row_assessment >= 1
        mends = (valence == _STRESSFUL) & (target_level == family) & (turn < 0.35)
        sours = (valence == _SUPPORTIVE) & (turn < 0.04)
        row_valence[later & mends[row_tie]] = _AMBIVALENT
        row_valence[later & sours[row_tie]] = _AMBIVALENT

        row_child = child[row_tie]
        assessed_on = kids.dates[row_child, row_assessment]
        days = rng.exponential(_KINDS["contact_days"][kind][row_tie]).astype(int)
        stale = patterns["stale"][row_child] & is_child_tie[row_tie]
        stale &= rng.random(len(row_tie)) < _STALE_TIE_RATE
        days = np.where(stale, rng.integers(91, 400, len(row_tie)), days)
        days = np.where(row_strength == 0, rng.integers(30, 200, len(row_tie)), days)
        days[patterns["well_supported"][row_child]] %= 60
        last_contact = assessed_on - days
        last_contact[rng.random(len(row_tie)) < 0.04] = np.datetime64("NaT")

        # Output order: by child, then assessment, then tie.
        order = np.lexsort((row_tie, row_assessment, row_child))
        return cls(
            row_child[order],
            source[row_tie][order],
            target[row_tie][order],
            row_strength[order],
            row_valence[order],
            support[row_tie][order],
            functions[row_tie][order],
            needs[row_tie][order],
            assessed_on[order],
            last_contact[order],
        )

    def table(self, ids: pa.Array) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "child_id": str_column(ids, self.child),
                "source": str_column(_ENDPOINT_NAMES, self.source + 1),
                "target": str_column(_ENDPOINT_NAMES, self.target + 1),
                "strength": self.strength.astype("int64"),
                "valence": str_column(codes.VALENCES.codes, self.valence),
                "support_types": str_column(CELLS[codes.SUPPORT_TYPES.name], self.support),
                "functions": str_column(CELLS[codes.FUNCTIONS.name], self.functions),
                "needs_met": str_column(CELLS[codes.NEEDS.name], self.needs),
                "assessed_on": date_column(self.assessed_on),
                "last_contact": date_column(self.last_contact),
            }
        )
