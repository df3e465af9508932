"""Beside the map: the risk factors with the ties that answer them (DOMAIN.md: support exists to
turn risk factors into protective ones).

It reads the map's own :class:`~eska_network.child_map.view.MapView`, so it names people as the
map does (role pseudonyms in presentation mode) and stops at the date drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from eska_network.child_map.view import MapView
from eska_network.domain import codes
from eska_network.domain.gap_items import member_name
from eska_network.domain.situation import risks_and_answers
from eska_network.i18n import text as t

__all__ = ["RiskLine", "risk_lines", "risk_summary"]


@dataclass(frozen=True)
class RiskLine:
    """One risk factor in words and the ties that answer it (named as the map names them)."""

    risk: str
    words: str
    answered_by: tuple[str, ...]

    @property
    def answered(self) -> bool:
        return bool(self.answered_by)


def risk_lines(view: MapView) -> list[RiskLine]:
    """The child's risk factors as of the date drawn, each with the ties that answer it.

    >>> import datetime as dt
    >>> from eska_network.child_map.view import MapRequest, map_view
    >>> from eska_network.domain.model import Child, ChildSystem, Member, Tie
    >>> day = dt.date(2026, 3, 1)
    >>> record = ChildSystem(
    ...     Child("C1", "X", 15, risk_factors=("maltreatment", "school_dropout")),
    ...     (Member("C1", "ppa", "UPTD PPA", "institution", "child_protection_unit"),),
    ...     (Tie("C1", "child", "ppa", 3, "supportive", day, functions=("protection",)),))
    >>> [(line.words, line.answered_by) for line in risk_lines(map_view(MapRequest(record)))]
    [('maltreatment', ('UPTD PPA',)), ('school dropout', ())]
    """
    lines = []
    for found in risks_and_answers(view.system, view.as_of):
        others = tuple(
            member_name(b if a == codes.CHILD_NODE else a, view.labels, view.lang)
            for a, b in found.ties
        )
        lines.append(RiskLine(found.risk, found.label(view.lang), others))
    return lines


def risk_summary(line: RiskLine, lang: str) -> str:
    """One risk factor in a sentence: answered by whom, or by no one yet."""
    if line.answered:
        return t("map.risk.answered", lang, risk=line.words, ties=", ".join(line.answered_by))
    return t("map.risk.unanswered", lang, risk=line.words)
