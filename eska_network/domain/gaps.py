"""The gap rules of GAPS.md: for one child, in words, and for every child of a data set at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from eska_network import i18n
from eska_network.domain import gap_items
from eska_network.domain.codes import (
    CHILD_NODE,
    FUNCTIONS,
    LEVEL_PAIRS,
    LEVELS,
    MAX_STRENGTH,
    NEEDS,
    STALE_AFTER_DAYS,
    SUPPORT_TYPES,
    WELLBEING,
    level_pair,
)
from eska_network.domain.gap_kinds import gap_kind
from eska_network.domain.model import ChildSystem, Tie
from eska_network.domain.schema import LIST_SEPARATOR
from eska_network.domain.summary import link_column

MEETS_FROM_STRENGTH = 2
"""An active supportive tie meets needs and gives keys and kinds of support from this strength."""
OK_FROM_STRENGTH = 3
"""A level is ``ok`` (not ``weak``) when its strongest active supportive child tie reaches this."""

TieEnds = tuple[str, str]
"""A tie as ``(source, target)``, the way its row has them."""

_FAMILY_CODE = "family"
HOME_PLACEMENTS = ("family", "kin")
"""Placements with the child's own family (rule 10): unsafe when that family is not."""


@dataclass(frozen=True)
class LevelResult:
    """Rule 1 for one level: ``absent``, ``weak`` or ``ok``, and the strength that decided it."""

    status: str
    max_strength: int


@dataclass(frozen=True)
class ChildGaps:
    """Every result of the ten rules of GAPS.md for one child as of one date.

    ``sole_links`` maps each pair of levels joined by exactly one active supportive member tie to
    that tie (rule 6); :attr:`single_points_of_failure` lists those ties. ``needs_recorded`` is
    false when no needs were ever recorded for the child as of the date (the product's own
    "needs not assessed" gap; the command-line object does not carry it).
    """

    child_id: str
    as_of: dt.date | None
    levels: Mapping[str, LevelResult]
    unmet_needs: tuple[str, ...]
    missing_functions: tuple[str, ...]
    missing_support_types: tuple[str, ...]
    inter_level: Mapping[str, int]
    weakest_link: str
    sole_links: Mapping[str, TieEnds]
    stressful_ties: tuple[TieEnds, ...]
    stale_ties: tuple[TieEnds, ...]
    exploitative_ties: tuple[TieEnds, ...] = ()
    placement: str | None = None
    reintegration_stage: str | None = None
    wellbeing: Mapping[str, int | None] = field(default_factory=lambda: dict.fromkeys(WELLBEING))
    unsafe_placement: bool = False
    needs_recorded: bool = True

    @property
    def single_points_of_failure(self) -> tuple[TieEnds, ...]:
        return tuple(sorted(self.sole_links.values()))

    def facts(self) -> dict:
        """The command-line object and what the product adds to it (``needs_recorded``)."""
        return {**self.to_json_dict(), "needs_recorded": self.needs_recorded}

    def to_json_dict(self) -> dict:
        """The GAPS.md command-line object: same keys, same order, lists sorted."""
        return {
            "child_id": self.child_id,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "levels": {
                level: {"status": result.status, "max_strength": result.max_strength}
                for level, result in self.levels.items()
            },
            "unmet_needs": list(self.unmet_needs),
            "missing_functions": list(self.missing_functions),
            "missing_support_types": list(self.missing_support_types),
            "inter_level": dict(self.inter_level),
            "weakest_link": self.weakest_link,
            "single_points_of_failure": [list(tie) for tie in self.single_points_of_failure],
            "stressful_ties": [list(tie) for tie in self.stressful_ties],
            "stale_ties": [list(tie) for tie in self.stale_ties],
            "exploitative_ties": [list(tie) for tie in self.exploitative_ties],
            "placement": self.placement,
            "reintegration_stage": self.reintegration_stage,
            "wellbeing": {dimension: self.wellbeing[dimension] for dimension in WELLBEING},
            "unsafe_placement": self.unsafe_placement,
        }


def level_status(strength: int) -> str:
    """Rule 1: the status of a level whose strongest active supportive child tie is ``strength``.

    >>> [level_status(s) for s in range(5)]
    ['absent', 'weak', 'weak', 'ok', 'ok']
    """
    if strength < 1:
        return "absent"
    return "weak" if strength < OK_FROM_STRENGTH else "ok"


def child_gaps(system: ChildSystem, as_of: dt.date | None = None) -> ChildGaps:
    """The gaps of one child's support system as of ``as_of`` (default: its latest assessment).

    Examples
    --------
    >>> from eska_network.domain.model import Child, ChildSystem, Member, Tie
    >>> day = dt.date(2026, 3, 1)
    >>> system = ChildSystem(
    ...     Child("C001", "Kota Bandung", 15, needs=("legal",)),
    ...     (Member("C001", "mother", "Mother", "family"),),
    ...     (Tie("C001", "child", "mother", 4, "supportive", day, support_types=("emotional",)),),
    ... )
    >>> result = child_gaps(system)
    >>> result.levels["family"], result.unmet_needs, result.weakest_link
    (LevelResult(status='ok', max_strength=4), ('legal',), 'family-community')
    """
    day = as_of if as_of is not None else system.latest_assessment()
    ties = system.ties_as_of(day) if day is not None else ()
    state = system.state_as_of(day)
    level_of = system.member_levels
    active = [tie for tie in ties if tie.is_active_supportive]
    giving = [tie for tie in active if tie.strength >= MEETS_FROM_STRENGTH]

    level_strength = dict.fromkeys(LEVELS, 0)
    for tie in active:
        if tie.is_child_tie and (level := level_of.get(_other_end(tie))) in level_strength:
            level_strength[level] = max(level_strength[level], tie.strength)

    links = dict.fromkeys(LEVEL_PAIRS, 0)
    ties_per_link: dict[str, list[Tie]] = {pair: [] for pair in LEVEL_PAIRS}
    for tie in active:
        pair = _member_tie_link(tie, level_of)
        if pair is not None:
            links[pair] = max(links[pair], tie.strength)
            ties_per_link[pair].append(tie)

    def given(attribute: str) -> set[str]:
        return {code for tie in giving for code in getattr(tie, attribute)}

    exploitative = [tie for tie in ties if tie.valence == "exploitative" and tie.strength >= 1]
    exploited_at_home = any(
        tie.is_child_tie and level_of.get(_other_end(tie)) == _FAMILY_CODE for tie in exploitative
    )
    family_ok = level_status(level_strength[_FAMILY_CODE]) == "ok"
    return ChildGaps(
        child_id=system.child.child_id,
        as_of=day,
        levels={level: LevelResult(level_status(s), s) for level, s in level_strength.items()},
        unmet_needs=tuple(NEEDS.sort(set(state.needs) - given("needs_met"))),
        missing_functions=tuple(FUNCTIONS.sort(set(FUNCTIONS) - given("functions"))),
        missing_support_types=tuple(
            SUPPORT_TYPES.sort(set(SUPPORT_TYPES) - given("support_types"))
        ),
        inter_level=links,
        weakest_link=min(LEVEL_PAIRS, key=lambda pair: links[pair]),
        sole_links={
            pair: _ends(found[0]) for pair, found in ties_per_link.items() if len(found) == 1
        },
        stressful_ties=tuple(
            sorted(_ends(tie) for tie in ties if tie.valence == "stressful" and tie.strength >= 1)
        ),
        stale_ties=tuple(
            sorted(
                _ends(tie)
                for tie in active
                if tie.is_child_tie and (_days_since_contact(tie, day) or 0) > STALE_AFTER_DAYS
            )
        ),
        exploitative_ties=tuple(sorted(_ends(tie) for tie in exploitative)),
        placement=state.placement,
        reintegration_stage=state.reintegration_stage,
        wellbeing=dict(state.wellbeing),
        unsafe_placement=state.placement in HOME_PLACEMENTS
        and (not family_ok or exploited_at_home),
        needs_recorded=state.needs_recorded,
    )


def _other_end(tie: Tie) -> str:
    return tie.target if tie.source == CHILD_NODE else tie.source


def _ends(tie: Tie) -> TieEnds:
    return (tie.source, tie.target)


def _member_tie_link(tie: Tie, level_of: Mapping[str, str]) -> str | None:
    """The pair of levels a member tie joins; None for child ties and ties within one level."""
    if tie.is_child_tie:
        return None
    source, target = level_of.get(tie.source), level_of.get(tie.target)
    if source is None or target is None:
        return None
    return level_pair(source, target)


def _days_since_contact(tie: Tie, day: dt.date | None) -> int | None:
    """Days from the tie's last contact to ``day`` (None when either is unknown)."""
    return None if tie.last_contact is None or day is None else (day - tie.last_contact).days


# --- In words -----------------------------------------------------------------------------------


def describe(
    result: ChildGaps, lang: str = "en", labels: Mapping[str, str] | None = None
) -> list[str]:
    """Every gap of ``result`` as a sentence in ``lang``, most serious first.

    ``labels`` names members (member id -> label); without it members are named by their id.

    Examples
    --------
    >>> from eska_network.domain.model import Child, ChildSystem, Member, Tie
    >>> day = dt.date(2026, 3, 1)
    >>> system = ChildSystem(
    ...     Child("C001", "Kota Bandung", 15, needs=("legal",)),
    ...     (Member("C001", "mother", "Mother", "family"),),
    ...     (Tie("C001", "child", "mother", 4, "stressful", day),),
    ... )
    >>> describe(child_gaps(system), "id")[:3]
    ['Tidak ada yang mendukung anak di tingkat keluarga / pengasuh', 'Tidak ada yang mendukung \
anak di tingkat komunitas', 'Tidak ada yang mendukung anak di tingkat lembaga']
    >>> describe(child_gaps(system), labels={"mother": "Mother"})[3]
    'The tie between the child and Mother is stressful'
    """
    items = gap_items.gap_items(result)
    if not items:
        return [i18n.text("domain.no_gaps", lang)]
    return [_sentence(item, result, lang, labels or {}) for item in items]


def _sentence(
    item: gap_items.GapItem, result: ChildGaps, lang: str, labels: Mapping[str, str]
) -> str:
    kind = gap_kind(item.kind)
    words: dict[str, object] = {"max": MAX_STRENGTH, "days": STALE_AFTER_DAYS}
    pair = None
    if item.tie is not None:
        source, target = item.tie
        words["a"] = gap_items.member_name(source, labels, lang)
        words["b"] = gap_items.member_name(target, labels, lang)
        pair = next((p for p, tie in result.sole_links.items() if tie == item.tie), None)
    else:
        code = item.code
        assert kind.subject is not None and code is not None  # a kind not about a tie has one
        words["subject"] = kind.subject.label(code, lang)
        if kind.subject is LEVELS:
            words["strength"] = result.levels[code].max_strength
        elif kind.subject is LEVEL_PAIRS:
            pair = code
            words["strength"] = result.inter_level[code]
    if pair is not None:
        level_a, level_b = pair.split("-")
        words["level_a"] = LEVELS.label(level_a, lang)
        words["level_b"] = LEVELS.label(level_b, lang)
    return kind.sentence(lang, **words)


# --- The stored summary row of one child ---------------------------------------------------------


def summary_row(result: ChildGaps, system: ChildSystem) -> dict[str, object]:
    """The :data:`SUMMARY_COLUMNS` of one child, from its per-child result (plain Python values).

    >>> from eska_network.domain.model import Child
    >>> system = ChildSystem(Child("C1", "Kota Bandung", 12))
    >>> row = summary_row(child_gaps(system), system)
    >>> row["as_of"], row["family_status"], row["missing_functions"], row["weakest_link"]
    (None, 'absent', 'acceptance;protection;empowerment', 'family-community')
    """
    ties = system.ties_as_of(result.as_of) if result.as_of is not None else ()
    level_of = system.member_levels
    child_ties = [tie for tie in ties if tie.is_child_tie and tie.strength >= 1]
    contact_gaps = [
        days
        for tie in child_ties
        if tie.valence == "supportive"
        and (days := _days_since_contact(tie, result.as_of)) is not None
    ]
    return {
        "child_id": result.child_id,
        "as_of": result.as_of,
        **{f"{level}_status": result.levels[level].status for level in LEVELS},
        **{f"{level}_strength": result.levels[level].max_strength for level in LEVELS},
        "unmet_needs": LIST_SEPARATOR.join(result.unmet_needs),
        "missing_functions": LIST_SEPARATOR.join(result.missing_functions),
        "missing_support_types": LIST_SEPARATOR.join(result.missing_support_types),
        **{link_column(pair): result.inter_level[pair] for pair in LEVEL_PAIRS},
        "weakest_link": result.weakest_link,
        "single_points_of_failure": len(result.sole_links),
        "stressful_ties": len(result.stressful_ties),
        "stale_ties": len(result.stale_ties),
        "stressful_family": any(
            tie.valence == "stressful" and level_of.get(_other_end(tie)) == _FAMILY_CODE
            for tie in child_ties
        ),
        "longest_no_contact_days": max(contact_gaps, default=None),
        "exploitative_ties": len(result.exploitative_ties),
        "unsafe_placement": result.unsafe_placement,
        "needs_assessed": result.needs_recorded,
        "placement": result.placement,
        "reintegration_stage": result.reintegration_stage,
        **{f"wellbeing_{w}": result.wellbeing[w] for w in WELLBEING},
    }
