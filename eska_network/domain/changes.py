"""Change between two assessments of one child: ties gained, lost, strengthened, weakened; gaps.

A tie is *active* at a date when its state then (DATA_FORMAT.md) has strength 1 or more. It is
gained when it is active at the later date and was not at the earlier one, lost in the opposite
case (ended with strength 0, or no longer recorded), strengthened or weakened when it is active at
both dates with another strength; its valence can change as well. Gaps closed and opened compare
the gap items (:mod:`eska_network.domain.gap_items`) of the two dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from eska_network import i18n
from eska_network.domain import codes, gaps
from eska_network.domain.gap_items import GapItem, kind_name, member_name, subject_text
from eska_network.domain.model import ChildSystem, Tie
from eska_network.domain.whatif import gap_difference

CHANGE_KINDS = ("gained", "lost", "strengthened", "weakened", "valence_changed")


def _word(key: str, lang: str) -> str:
    return i18n.text(f"domain.change.{key}", lang)


@dataclass(frozen=True)
class TieChange:
    """How one tie changed: its kind (one of :data:`CHANGE_KINDS`) and its two states."""

    kind: str
    before: Tie | None
    after: Tie | None

    @property
    def latest(self) -> Tie:
        """The tie as its latest row has it (``after``, or ``before`` when it has no row now)."""
        tie = self.after or self.before
        if tie is None:
            raise ValueError("a tie change has a state before or after it, or both")
        return tie

    @property
    def ends(self) -> tuple[str, str]:
        """The tie's two ends as its latest row has them."""
        return self.latest.source, self.latest.target

    @property
    def pair(self) -> tuple[str, str]:
        return self.latest.pair

    @property
    def from_strength(self) -> int:
        return self.before.strength if self.before else 0

    @property
    def to_strength(self) -> int:
        return self.after.strength if self.after else 0


@dataclass(frozen=True)
class Comparison:
    """What changed in one child's record between two dates."""

    earlier: dt.date
    later: dt.date
    ties: tuple[TieChange, ...]
    gaps_before: gaps.ChildGaps
    gaps_after: gaps.ChildGaps
    gaps_closed: tuple[GapItem, ...]
    gaps_opened: tuple[GapItem, ...]

    def of_kind(self, kind: str) -> tuple[TieChange, ...]:
        return tuple(change for change in self.ties if change.kind == kind)

    @property
    def gained(self) -> tuple[TieChange, ...]:
        return self.of_kind("gained")

    @property
    def lost(self) -> tuple[TieChange, ...]:
        return self.of_kind("lost")

    @property
    def strengthened(self) -> tuple[TieChange, ...]:
        return self.of_kind("strengthened")

    @property
    def weakened(self) -> tuple[TieChange, ...]:
        return self.of_kind("weakened")

    @property
    def valence_changed(self) -> tuple[TieChange, ...]:
        return self.of_kind("valence_changed")


def compare(system: ChildSystem, earlier: dt.date, later: dt.date) -> Comparison:
    """Compare one child's record at two dates (``earlier`` must not be after ``later``).

    Examples
    --------
    >>> from eska_network.domain.model import Child, Member
    >>> d1, d2 = dt.date(2025, 9, 1), dt.date(2026, 3, 1)
    >>> mother = Member("C1", "m", "Mother", "family")
    >>> rows = tuple(Tie("C1", "child", "m", s, "supportive", d) for s, d in ((2, d1), (4, d2)))
    >>> system = ChildSystem(Child("C1", "Garut", 15), (mother,), rows)
    >>> [(c.kind, c.from_strength, c.to_strength) for c in compare(system, d1, d2).ties]
    [('strengthened', 2, 4)]
    >>> [(item.kind, item.subject) for item in compare(system, d1, d2).gaps_closed]
    [('level_weak', 'family')]
    """
    if earlier > later:
        raise ValueError(f"compare: {earlier} is after {later}")
    before = {tie.pair: tie for tie in system.ties_as_of(earlier)}
    after = {tie.pair: tie for tie in system.ties_as_of(later)}
    changes = []
    for pair in sorted(set(before) | set(after)):
        changes += _tie_changes(before.get(pair), after.get(pair))
    gaps_before = gaps.child_gaps(system, earlier)
    gaps_after = gaps.child_gaps(system, later)
    closed, opened = gap_difference(gaps_before, gaps_after)
    return Comparison(earlier, later, tuple(changes), gaps_before, gaps_after, closed, opened)


def _tie_changes(old: Tie | None, new: Tie | None) -> list[TieChange]:
    was = old is not None and old.strength >= 1
    is_ = new is not None and new.strength >= 1
    if is_ and not was:
        return [TieChange("gained", old, new)]
    if was and not is_:
        return [TieChange("lost", old, new)]
    if not (was and is_) or old is None or new is None:
        return []
    changes = []
    if new.strength != old.strength:
        changes.append(
            TieChange("strengthened" if new.strength > old.strength else "weakened", old, new)
        )
    if new.valence != old.valence:
        changes.append(TieChange("valence_changed", old, new))
    return changes


def change_lines(
    comparison: Comparison, lang: str = "en", labels: Mapping[str, str] | None = None
) -> list[str]:
    """The comparison in plain lines: new gaps first, then closed gaps, then the ties.

    ``labels`` maps member ids to what to call them (see :mod:`eska_network.domain.pseudonyms`).
    """
    labels = labels or {}
    lines = [
        f"{_word('gap_opened', lang)}: {kind_name(item.kind, lang)}: "
        f"{subject_text(item, lang, labels)}"
        for item in comparison.gaps_opened
    ]
    lines += [
        f"{_word('gap_closed', lang)}: {kind_name(item.kind, lang)}: "
        f"{subject_text(item, lang, labels)}"
        for item in comparison.gaps_closed
    ]
    for kind in CHANGE_KINDS:
        for change in comparison.of_kind(kind):
            lines.append(f"{_word(kind, lang)}: {_tie_text(change, lang, labels)}")
    return lines


def _tie_text(change: TieChange, lang: str, labels: Mapping[str, str]) -> str:
    source, target = change.ends
    ends = f"{member_name(source, labels, lang)} – {member_name(target, labels, lang)}"
    if change.kind == "valence_changed" and change.before and change.after:
        old = codes.VALENCES.label(change.before.valence, lang)
        new = codes.VALENCES.label(change.after.valence, lang)
        return f"{ends} ({old} → {new})"
    return f"{ends} ({_word('strength', lang)} {change.from_strength} → {change.to_strength})"
