"""The children: who they are, what they need, their risks, patterns of gaps, assessment dates."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from eska_network.domain import codes
from eska_network.domain.synth.columns import (
    CELLS,
    code_bit,
    numbered,
    probabilities,
    random_masks,
    str_column,
)
from eska_network.domain.synth.world import World

_FIRST_DAY = np.datetime64("2024-01-08", "D")
LAST_DAY = np.datetime64("2026-10-30", "D")
"""The data set's assessments fall between these two days."""
_MAX_GAP_DAYS = 300

_AGE_WEIGHTS = np.array([1, 1, 1, 1, 1, 1, 2, 3, 5, 10, 20, 40, 70, 110, 150, 180, 200, 180], float)
_SEX_WEIGHTS = {"F": 0.8, "M": 0.18, "X": 0.02}
_RISK_RATES = {
    "maltreatment": 0.55,
    "school_dropout": 0.45,
    "risky_peers": 0.5,
    "no_adult_support": 0.3,
    "weak_attachment": 0.4,
    "early_sexual_experience": 0.35,
}
_NEED_RATES = {
    "physical_health": 0.55,
    "behavioral_health": 0.8,
    "housing": 0.3,
    "education": 0.6,
    "employment": 0.4,  # only for children aged 15 and over
    "legal": 0.6,
    "life_skills": 0.55,
}
_ASSESSMENT_COUNT_WEIGHTS = (0.35, 0.4, 0.25)

# Gap patterns: the share of children whose system is shaped by each one (they combine freely).
_PATTERN_RATES = {
    "family_rejects": 0.12,  # plus _REJECTION_IF_MALTREATED: family ties turn stressful
    "no_institution": 0.08,
    "weak_community": 0.18,
    "broken_link": 0.2,  # no community-institution member tie
    "stale": 0.2,
    "no_empowerment": 0.12,
    "well_supported": 0.06,
}
_DANGER_RATES = {
    "exploited_by_family": 0.05,  # the father sold or controlled the child
    "exploiter_in_contact": 0.1,  # a recruiter, pimp or "boyfriend" is still around
    "needs_unassessed": 0.04,  # nobody recorded the child's needs yet
}
"""Patterns of the second format version, drawn from a stream of their own so that the first
version's tables keep their values."""
YOUNGEST_WITH_EARLY_SEXUAL_EXPERIENCE = 13
"""Below this age, sexual contact is recorded as ``maltreatment`` (abuse), never as the risk factor
``early_sexual_experience``."""
SCHOOL_AGE = 7
"""Indonesian children start primary school (SD) at 7: a younger child has no school to drop out
of, so ``school_dropout`` is never drawn below this age."""

_ABUSE_CODES = ("early_sexual_experience", "maltreatment")
_REJECTION_IF_MALTREATED = 0.15


@dataclass(frozen=True)
class Children:
    """The children of one chunk, as arrays (one entry per child)."""

    number: np.ndarray  # global index
    district: np.ndarray
    age: np.ndarray
    sex: np.ndarray
    caseworker: np.ndarray
    risks: np.ndarray  # bit mask
    needs: np.ndarray  # bit mask
    wellbeing: np.ndarray  # [child, dimension], 0 when not assessed
    assessments: np.ndarray  # 1 to 3
    dates: np.ndarray  # [child, assessment] datetime64[D]
    patterns: dict[str, np.ndarray]
    faith: np.ndarray  # the label of the child's religious leader, should there be one

    @classmethod
    def draw(
        cls,
        world: World,
        rng: np.random.Generator,
        start: int,
        stop: int,
        more: np.random.Generator,
    ) -> Children:
        """The children of one chunk; ``more`` draws what the second format version added."""
        n = stop - start
        district = rng.choice(len(world.names), size=n, p=world.weights)
        age = rng.choice(len(_AGE_WEIGHTS), size=n, p=_AGE_WEIGHTS / _AGE_WEIGHTS.sum())
        sex = rng.choice(len(_SEX_WEIGHTS), size=n, p=list(_SEX_WEIGHTS.values()))
        caseworker = world.caseworker_first[district] + (
            rng.random(n) * world.caseworker_count[district]
        ).astype(int)

        risk_rates = probabilities(codes.RISK_FACTORS, _RISK_RATES)
        risks = random_masks(rng, np.broadcast_to(risk_rates, (n, len(risk_rates))))
        need_rates = np.tile(probabilities(codes.NEEDS, _NEED_RATES), (n, 1))
        need_rates[age < 15, codes.NEEDS.position("employment")] = 0.02
        needs = random_masks(rng, need_rates)
        needs[needs == 0] = code_bit(codes.NEEDS, "behavioral_health")

        maltreated = (risks & code_bit(codes.RISK_FACTORS, "maltreatment")) > 0
        draws = rng.random((n, len(_PATTERN_RATES)))
        patterns = {
            name: draws[:, i] < rate for i, (name, rate) in enumerate(_PATTERN_RATES.items())
        }
        # Families reject maltreated children more often (the top of the same draw).
        rejects = list(_PATTERN_RATES).index("family_rejects")
        patterns["family_rejects"] |= maltreated & (
            draws[:, rejects] > 1 - _REJECTION_IF_MALTREATED
        )
        for name in ("family_rejects", "stale", "no_institution"):
            patterns[name] &= ~patterns["well_supported"]
        danger = more.random((n, len(_DANGER_RATES)))
        patterns.update(
            {name: danger[:, i] < rate for i, (name, rate) in enumerate(_DANGER_RATES.items())}
        )
        exploited = patterns["exploited_by_family"] | patterns["exploiter_in_contact"]
        patterns["well_supported"] &= ~exploited
        # Sexual contact with a young child is abuse (maltreatment), not "early experience".
        early, abuse = (code_bit(codes.RISK_FACTORS, code) for code in _ABUSE_CODES)
        young = age < YOUNGEST_WITH_EARLY_SEXUAL_EXPERIENCE
        risks = np.where(young & (risks & early > 0), (risks & ~early) | abuse, risks)
        risks[patterns["exploited_by_family"]] |= abuse
        risks[age < SCHOOL_AGE] &= ~code_bit(codes.RISK_FACTORS, "school_dropout")

        mood = (
            3.0
            - 0.6 * patterns["family_rejects"]
            - 0.4 * patterns["no_institution"]
            + 0.5 * patterns["well_supported"]
        )
        noise = rng.normal(0, 0.9, (n, len(codes.WELLBEING)))
        wellbeing = np.clip(np.rint(mood[:, None] + noise), 1, 5).astype(int)
        wellbeing[rng.random(n) < 0.08] = 0

        assessments = 1 + rng.choice(3, size=n, p=_ASSESSMENT_COUNT_WEIGHTS)
        window = (LAST_DAY - _FIRST_DAY).astype(int) - (assessments - 1) * _MAX_GAP_DAYS
        first = _FIRST_DAY + (rng.random(n) * window).astype(int)
        intervals = rng.integers(90, _MAX_GAP_DAYS + 1, size=(n, 2))
        offsets = np.concatenate([np.zeros((n, 1), int), np.cumsum(intervals, axis=1)], axis=1)
        dates = first[:, None] + offsets
        return cls(
            np.arange(start, stop),
            district,
            age,
            sex,
            caseworker,
            risks,
            needs,
            wellbeing,
            assessments,
            dates,
            patterns,
            world.faith_labels(district, more.random(n)),
        )

    def __len__(self) -> int:
        return len(self.number)

    def ids(self, world: World) -> np.ndarray:
        return numbered("SYN-", self.number + 1, max(5, len(str(world.children))))

    def table(self, world: World, ids: pa.Array) -> pd.DataFrame:
        total_caseworkers = int(world.caseworker_count.sum())
        wellbeing = {
            f"wellbeing_{dimension}": pd.Series(self.wellbeing[:, i], dtype="Int64").where(
                self.wellbeing[:, i] > 0
            )
            for i, dimension in enumerate(codes.WELLBEING)
        }
        return pd.DataFrame(
            {
                "child_id": str_column(ids),
                "district": str_column(world.names, self.district),
                "age": self.age.astype("int64"),
                "sex": str_column(list(_SEX_WEIGHTS), self.sex),
                "caseworker": str_column(
                    numbered("cw_", self.caseworker, max(4, len(str(total_caseworkers))))
                ),
                "risk_factors": str_column(CELLS[codes.RISK_FACTORS.name], self.risks),
                # Children whose needs nobody has assessed yet have the cell empty.
                "needs": str_column(
                    CELLS[codes.NEEDS.name],
                    np.where(self.patterns["needs_unassessed"], 0, self.needs),
                ),
                **wellbeing,
            }
        )
