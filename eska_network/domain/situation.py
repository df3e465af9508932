"""The child's situation for a case conference: where the child lives, how far the road back has
come, wellbeing over the assessments, and the risk factors with the ties that answer them.

Plain data for the child map to draw (the centre, a small chart beside the map, a list); no
figures here. The gap list itself, unsafe placement first, is
:func:`eska_network.domain.gap_items.gap_items`.

Which ties answer which risk factor
-----------------------------------
DOMAIN.md: "A support system exists to turn these [risk factors] around into protective factors."
A risk factor is **answered** by an active supportive tie from the child (valence ``supportive``,
strength at least 2, the strength at which a tie gives what it records: GAPS.md rules 2 to 4)
that gives what the review sets against that risk:

========================== ====================================================================
risk factor                answered by a child tie that ...
========================== ====================================================================
``maltreatment``           gives **protection** (the key: "safety from further exploitation,
                           safe housing, reporting, legal protection")
``school_dropout``         meets the **education** need ("formal or non-formal")
``risky_peers``            joins the child to the **community** with **acceptance** or
                           **emotional** support (belonging somewhere other than with the peers
                           who put the child at risk); never a peer or friend: they are the
                           risk itself
``no_adult_support``       joins the child to an **adult** (any member but a peer, friend,
                           sibling or cousin) with **strength 3 or more** and emotional or
                           instrumental support (a supportive adult figure)
``weak_attachment``        joins the child to the **family** with **strength 3 or more** and
                           **emotional** support (attachment to a caregiver)
``early_sexual_experience`` meets the **behavioural health** or **life skills** need (recovery
                           from trauma, and "mentoring so as not to be exploited again")
========================== ====================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from eska_network.domain import codes
from eska_network.domain.gaps import MEETS_FROM_STRENGTH, OK_FROM_STRENGTH, child_gaps
from eska_network.domain.model import ChildSystem, Tie

__all__ = [
    "ANSWERS",
    "Answer",
    "RiskAnswer",
    "Situation",
    "WellbeingPoint",
    "risks_and_answers",
    "situation",
    "wellbeing_over_time",
]

TieEnds = tuple[str, str]


@dataclass(frozen=True)
class Situation:
    """Where the child lives and the stage of the case as of ``as_of``, for the map's centre.

    ``placement_since`` and ``stage_since`` are the dates of the assessments that recorded
    them; ``unsafe`` is GAPS.md rule 10.
    """

    as_of: dt.date | None
    placement: str | None
    placement_since: dt.date | None
    stage: str | None
    stage_since: dt.date | None
    unsafe: bool

    def words(self, lang: str = "en") -> dict[str, str | None]:
        """The placement and the stage in ``lang`` (``None`` when not recorded).

        >>> Situation(None, "kin", None, "recovery", None, False).words("id")
        {'placement': 'kerabat', 'stage': 'pemulihan'}
        """
        return {
            "placement": codes.PLACEMENTS.label(self.placement, lang) if self.placement else None,
            "stage": codes.STAGES.label(self.stage, lang) if self.stage else None,
        }


def situation(system: ChildSystem, as_of: dt.date | None = None) -> Situation:
    """The child's placement and stage as of ``as_of`` (default: the latest assessment).

    Examples
    --------
    >>> from eska_network.domain.model import Assessment, Child
    >>> day = dt.date(2026, 3, 1)
    >>> rows = (Assessment("C1", day, placement="kin", reintegration_stage="reintegration"),)
    >>> found = situation(ChildSystem(Child("C1", "Kota Medan", 15), assessments=rows))
    >>> found.placement, found.stage, found.unsafe, found.placement_since
    ('kin', 'reintegration', True, datetime.date(2026, 3, 1))
    """
    day = as_of if as_of is not None else system.latest_assessment()
    state = system.state_as_of(day)
    recorded = [row for row in system.assessments if day is None or row.assessed_on <= day]

    def since(field: str) -> dt.date | None:
        return max((row.assessed_on for row in recorded if getattr(row, field)), default=None)

    return Situation(
        as_of=day,
        placement=state.placement,
        placement_since=since("placement"),
        stage=state.reintegration_stage,
        stage_since=since("reintegration_stage"),
        unsafe=child_gaps(system, day).unsafe_placement,
    )


@dataclass(frozen=True)
class WellbeingPoint:
    """The three wellbeing scores (1 to 5, ``None`` when not recorded) as of one assessment.

    ``recorded`` names the dimensions that assessment itself scored; the others carry an
    earlier score (or the children.csv baseline) forward.
    """

    assessed_on: dt.date
    scores: Mapping[str, int | None]
    recorded: frozenset[str]


def wellbeing_over_time(system: ChildSystem) -> tuple[WellbeingPoint, ...]:
    """Wellbeing as of each assessment date of the child, oldest first: the conference sees it
    move as the support system changes.

    Examples
    --------
    >>> from eska_network.domain.model import Assessment, Child
    >>> rows = (Assessment("C1", dt.date(2026, 1, 5), wellbeing_personal=2),
    ...         Assessment("C1", dt.date(2026, 4, 5), wellbeing_personal=4))
    >>> child = Child("C1", "Kota Medan", 15, wellbeing_skills=3)
    >>> [(p.scores["personal"], p.scores["skills"]) for p in wellbeing_over_time(
    ...     ChildSystem(child, assessments=rows))]
    [(2, 3), (4, 3)]
    """
    scored = {
        row.assessed_on: frozenset(
            dimension
            for dimension in codes.WELLBEING
            if getattr(row, f"wellbeing_{dimension}") is not None
        )
        for row in system.assessments
    }
    return tuple(
        WellbeingPoint(day, dict(system.state_as_of(day).wellbeing), scored.get(day, frozenset()))
        for day in system.assessment_dates()
    )


@dataclass(frozen=True)
class Answer:
    """What a child tie must give to answer one risk factor (any of the things listed)."""

    functions: frozenset[str] = frozenset()
    support_types: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    levels: frozenset[str] | None = None
    min_strength: int = MEETS_FROM_STRENGTH
    adult: bool = False

    def answered_by(self, tie: Tie, level: str | None, role: str | None) -> bool:
        """Whether ``tie`` (a child tie to a member of ``level`` with ``role``) answers it."""
        if tie.valence != "supportive" or tie.strength < self.min_strength:
            return False
        if self.levels is not None and level not in self.levels:
            return False
        if self.adult and role in _NOT_ADULTS:
            return False
        return bool(
            self.functions & set(tie.functions)
            or self.support_types & set(tie.support_types)
            or self.needs & set(tie.needs_met)
        )


_NOT_ADULTS = frozenset({"peer", "friend", "sibling", "sister", "brother", "cousin"})
"""Member roles that are usually children or young people themselves."""

ANSWERS: Mapping[str, Answer] = {
    "maltreatment": Answer(functions=frozenset({"protection"})),
    "school_dropout": Answer(needs=frozenset({"education"})),
    "risky_peers": Answer(
        functions=frozenset({"acceptance"}),
        support_types=frozenset({"emotional"}),
        levels=frozenset({"community"}),
        adult=True,
    ),
    "no_adult_support": Answer(
        support_types=frozenset({"emotional", "instrumental"}),
        min_strength=OK_FROM_STRENGTH,
        adult=True,
    ),
    "weak_attachment": Answer(
        support_types=frozenset({"emotional"}),
        levels=frozenset({"family"}),
        min_strength=OK_FROM_STRENGTH,
    ),
    "early_sexual_experience": Answer(needs=frozenset({"behavioral_health", "life_skills"})),
}
"""For each risk factor, the tie that answers it (see the module docstring)."""


@dataclass(frozen=True)
class RiskAnswer:
    """One of the child's risk factors and the child ties that answer it (none: unanswered)."""

    risk: str
    ties: tuple[TieEnds, ...]

    @property
    def answered(self) -> bool:
        return bool(self.ties)

    def label(self, lang: str = "en") -> str:
        return codes.RISK_FACTORS.label(self.risk, lang)


def risks_and_answers(system: ChildSystem, as_of: dt.date | None = None) -> tuple[RiskAnswer, ...]:
    """The child's risk factors as of ``as_of`` (DOMAIN.md order), each with the ties answering it.

    Examples
    --------
    >>> from eska_network.domain.model import Child, Member, Tie
    >>> day = dt.date(2026, 3, 1)
    >>> system = ChildSystem(
    ...     Child("C1", "Kota Medan", 15, risk_factors=("maltreatment", "school_dropout")),
    ...     (Member("C1", "ppa", "UPTD PPA", "institution", "child_protection_unit"),),
    ...     (Tie("C1", "child", "ppa", 3, "supportive", day, functions=("protection",)),),
    ... )
    >>> [(r.risk, r.ties) for r in risks_and_answers(system)]
    [('maltreatment', (('child', 'ppa'),)), ('school_dropout', ())]
    """
    day = as_of if as_of is not None else system.latest_assessment()
    state = system.state_as_of(day)
    ties = system.ties_as_of(day) if day is not None else ()
    members = {member.member_id: member for member in system.members}
    child_ties = [tie for tie in ties if tie.is_child_tie]

    def answers(risk: str) -> tuple[TieEnds, ...]:
        found = []
        for tie in child_ties:
            other = members.get(tie.target if tie.source == codes.CHILD_NODE else tie.source)
            level, role = (other.level, other.role) if other else (None, None)
            if ANSWERS[risk].answered_by(tie, level, role):
                found.append((tie.source, tie.target))
        return tuple(sorted(found))

    return tuple(
        RiskAnswer(risk, answers(risk)) for risk in codes.RISK_FACTORS.sort(state.risk_factors)
    )
