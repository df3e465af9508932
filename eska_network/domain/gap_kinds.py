"""Every kind of gap, declared once: its rule, subjects, words, severity points and marks.

A gap kind is what one GAPS.md rule finds, seen as items a person can act on ("the legal need is
unmet", "the tie between the child and Father is stressful"). Everything the product says or
computes about a kind is derived from its :class:`GapKind` here: the gap list and its sentences
(:mod:`eska_network.domain.gap_items`), the severity score and its reasons
(:mod:`eska_network.domain.severity`), the caseload's filters, the district measures and their
groups (:mod:`eska_network.districts.aggregates`), and the mark the child map draws.

``docs/adding_a_gap_rule.md`` says how to add one.

The weakest link of rule 5 is not a kind (every child has one, however strong): the links that
are missing (strength 0) or weak (1 or 2) are, and the map marks the weakest.

Why one module of over 400 lines: most of it is the declarations themselves, one
:class:`GapKind` per kind, most serious first; the point of the module is that they are read,
compared and changed side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eska_network.domain.codes import (
    FUNCTIONS,
    LEVEL_PAIRS,
    LEVELS,
    NEEDS,
    PLACEMENTS,
    SUPPORT_TYPES,
    Code,
    Vocabulary,
    Words,
)
from eska_network.domain.summary import code_flags, link_column

__all__ = [
    "DANGER_POINTS",
    "DISTRICT_GROUPS",
    "GAP_KINDS",
    "HOME_PLACEMENTS",
    "KIND_CODES",
    "MAP_MARKS",
    "THE_CHILD",
    "WEAK_LINK_UP_TO",
    "GapKind",
    "gap_kind",
]

WEAK_LINK_UP_TO = 2
"""A link between two levels of strength 1 or 2 is weak; 0 is missing."""

DISTRICT_GROUPS = ("levels", "needs", "keys", "support", "links", "ties")
"""The groups of measures the district comparison shows together, in the order of the screens."""

MAP_MARKS = (
    "placement_unsafe",
    "tie_exploitative",
    "ring_absent",
    "ring_weak",
    "tie_stressful",
    "tie_only_link",
    "tie_stale",
    "link_missing",
    "link_weak",
    "child_badge",
)
"""The marks the child map draws for gaps: the child's home marked unsafe, a tie drawn as
exploitative (the loudest mark), a ring shaded as absent or weak, a tie drawn as stressful, as the
only link between two levels or as out of contact, a missing or weak link between two levels, and
a badge at the child for what no tie gives (needs, keys, kinds of support) or nobody assessed."""

THE_CHILD = Vocabulary("the_child", "the child", "anak", (Code("child", "the child", "anak"),))
"""The subject of a kind of gap about the child as a whole (one per child, e.g. needs not
assessed): its one component is named after the kind alone."""

HOME_PLACEMENTS = Vocabulary("home_placement", PLACEMENTS.en, PLACEMENTS.id, PLACEMENTS.items[:2])
"""The placements with the child's own family (GAPS.md rule 10): parents and relatives."""

DANGER_POINTS = 1000
"""Severity points of an unsafe placement: more than every other gap of a child can add up to
(docs/severity.md), so that a child in danger outranks every child who is not. Contact through an
exploitative tie, exploitation going on now, weighs twice as much."""

Subject = str | tuple[str, str]
"""A code of the kind's vocabulary, or a tie's two ends as the row has them."""


@dataclass(frozen=True)
class GapKind:
    """One kind of gap.

    Parameters
    ----------
    code
        The kind's code, e.g. ``"unmet_need"``; gap items, severity components
        (``"unmet_need:legal"``) and district measures are named after it.
    rule
        The number of the GAPS.md rule that finds it.
    subject
        The vocabulary of what a gap of this kind is about, or ``None`` when it is about a tie.
    subjects
        The subjects of this kind in one child's result (the GAPS.md JSON object).
    name, sentence, reason, short
        A short name ("Unmet need"); the sentence of the gap list, whose fields are filled by
        :func:`eska_network.domain.gaps.describe` (``{subject}``, ``{strength}``, ``{max}``,
        ``{a}``, ``{b}``, ``{level_a}``, ``{level_b}``, ``{days}``); the caseload's reason, with
        ``{subject}`` or, for a kind counted per tie, ``{n}``; and the two or three words of
        the caseload's chip ("unmet need"), which a supervisor scans down a column.
    counts
        How many gaps of this kind each child of a gap summary table
        (:mod:`eska_network.domain.summary`) has, per severity component (:meth:`components`).
    points
        Severity points: one number, or one per subject code.
    count_cap
        For kinds counted per tie: points are given for at most this many ties.
    reason_one
        For kinds counted per tie, the reason when there is one (English nouns change).
    district_group
        The group of the district comparison that counts this kind, or ``None`` when districts
        do not count it (the links between levels are counted as the weakest link).
    mark
        The mark the child map draws for a gap of this kind.
    worker_role
        The social worker's role that usually answers a gap of this kind (DOMAIN.md): a
        ``facilitator`` brings members together and strengthens ties, a ``broker`` links the
        child to a resource, an ``advocate`` presses an institution or a family to act. An
        action on the gap starts with it; the conference may choose another.
    """

    code: str
    rule: int
    subject: Vocabulary | None
    subjects: Callable[[Mapping], Iterable[Subject]]
    counts: Callable[[pd.DataFrame], dict[str, np.ndarray]]
    name: Words
    sentence: Words
    reason: Words
    points: int | Mapping[str, int]
    mark: str
    worker_role: str
    short: Words
    count_cap: int | None = None
    reason_one: Words | None = None
    district_group: str | None = None

    @property
    def about_tie(self) -> bool:
        return self.subject is None

    @property
    def about_child(self) -> bool:
        """A kind found once per child at most, about the child as a whole (:data:`THE_CHILD`)."""
        return self.subject is THE_CHILD

    def points_for(self, subject: str | None = None) -> int:
        """The points of one gap of this kind (about ``subject`` when they differ by subject)."""
        if isinstance(self.points, Mapping):
            if subject is None:
                raise ValueError(f"the points of {self.code} differ by subject: name one")
            return self.points[subject]
        return self.points

    def components(self) -> tuple[str, ...]:
        """The severity components of this kind: one per subject code, or the kind alone.

        >>> gap_kind("level_weak").components()
        ('level_weak:family', 'level_weak:community', 'level_weak:institution')
        >>> gap_kind("needs_not_assessed").components()
        ('needs_not_assessed',)
        """
        if self.subject is None or self.about_child:
            return (self.code,)
        return tuple(f"{self.code}:{code}" for code in self.subject)


def _levels_with(status: str) -> Callable[[Mapping], list[str]]:
    def subjects(result: Mapping) -> list[str]:
        return [level for level, state in result["levels"].items() if state["status"] == status]

    return subjects


def _listed(key: str) -> Callable[[Mapping], list]:
    def subjects(result: Mapping) -> list:
        return [tuple(item) if isinstance(item, list) else item for item in result[key]]

    return subjects


def _unsafe_home(result: Mapping) -> list[str]:
    return [result["placement"]] if result.get("unsafe_placement") else []


def _needs_unrecorded(result: Mapping) -> list[str]:
    # A command-line object carries no ``needs_recorded``: its needs are taken as recorded.
    return [] if result.get("needs_recorded", True) else ["child"]


def _links(lowest: int, highest: int) -> Callable[[Mapping], list[str]]:
    def subjects(result: Mapping) -> list[str]:
        return [pair for pair, s in result["inter_level"].items() if lowest <= s <= highest]

    return subjects


# --- How many gaps of a kind each child of a summary table has ------------------------------------

Counter = Callable[[pd.DataFrame], dict[str, np.ndarray]]


def _number(summaries: pd.DataFrame, column: str) -> np.ndarray:
    """A count column as integers (0 where missing, and for a table without the column)."""
    if column not in summaries:
        return np.zeros(len(summaries), dtype=np.int64)
    return pd.to_numeric(summaries[column]).fillna(0).to_numpy(dtype=np.int64)


def _flag(summaries: pd.DataFrame, column: str, default: bool) -> np.ndarray:
    """A true/false column (``default`` where missing, and for a table without the column)."""
    if column not in summaries:
        return np.full(len(summaries), default)
    return summaries[column].fillna(default).to_numpy(dtype=bool)


def _count_levels(code: str, status: str) -> Counter:
    def counts(summaries: pd.DataFrame) -> dict[str, np.ndarray]:
        return {
            f"{code}:{level}": summaries[f"{level}_status"].eq(status).to_numpy(dtype=np.int64)
            for level in LEVELS
        }

    return counts


def _count_codes(code: str, column: str, vocabulary: Vocabulary) -> Counter:
    def counts(summaries: pd.DataFrame) -> dict[str, np.ndarray]:
        flags = code_flags(summaries[column], vocabulary)
        return {f"{code}:{item}": flags[item].to_numpy(dtype=np.int64) for item in vocabulary}

    return counts


def _count_links(code: str, lowest: int, highest: int) -> Counter:
    def counts(summaries: pd.DataFrame) -> dict[str, np.ndarray]:
        result = {}
        for pair in LEVEL_PAIRS:
            strength = _number(summaries, link_column(pair))
            result[f"{code}:{pair}"] = ((strength >= lowest) & (strength <= highest)).astype(
                np.int64
            )
        return result

    return counts


def _count_unsafe_homes(code: str) -> Counter:
    def counts(summaries: pd.DataFrame) -> dict[str, np.ndarray]:
        unsafe = _flag(summaries, "unsafe_placement", False)
        placement = summaries.get("placement", pd.Series(pd.NA, index=summaries.index))
        return {
            f"{code}:{home}": (
                unsafe & placement.eq(home).fillna(False).to_numpy(dtype=bool)
            ).astype(np.int64)
            for home in HOME_PLACEMENTS
        }

    return counts


def _count_unrecorded_needs(code: str) -> Counter:
    def counts(summaries: pd.DataFrame) -> dict[str, np.ndarray]:
        return {code: (~_flag(summaries, "needs_assessed", True)).astype(np.int64)}

    return counts


def _count_ties(code: str, column: str) -> Counter:
    def counts(summaries: pd.DataFrame) -> dict[str, np.ndarray]:
        return {code: _number(summaries, column)}

    return counts


NEED_POINTS = {
    "physical_health": 10,
    "behavioral_health": 12,
    "housing": 14,
    "education": 6,
    "employment": 5,
    "legal": 12,
    "life_skills": 5,
}
"""Severity points of each unmet need (docs/severity.md)."""

GAP_KINDS: tuple[GapKind, ...] = (
    GapKind(
        code="unsafe_placement",
        rule=10,
        subject=HOME_PLACEMENTS,
        subjects=_unsafe_home,
        counts=_count_unsafe_homes("unsafe_placement"),
        name=Words("Unsafe placement", "Pengasuhan tidak aman"),
        short=Words("unsafe home", "rumah tidak aman"),
        sentence=Words(
            "Unsafe placement: the child lives {subject}, but the family does not keep the child "
            "safe",
            "Pengasuhan tidak aman: anak tinggal bersama {subject}, tetapi keluarga tidak menjaga "
            "anak tetap aman",
        ),
        reason=Words("lives {subject}: unsafe", "tinggal bersama {subject}: tidak aman"),
        points=dict.fromkeys(HOME_PLACEMENTS, DANGER_POINTS),
        mark="placement_unsafe",
        worker_role="advocate",
        district_group="levels",
    ),
    GapKind(
        code="exploitative_tie",
        rule=9,
        subject=None,
        subjects=_listed("exploitative_ties"),
        counts=_count_ties("exploitative_tie", "exploitative_ties"),
        name=Words("Exploitative tie", "Ikatan eksploitatif"),
        short=Words("exploited now", "masih dieksploitasi"),
        sentence=Words(
            "The tie between {a} and {b} is exploitative, and contact goes on",
            "Ikatan antara {a} dan {b} bersifat eksploitatif, dan kontak masih berlangsung",
        ),
        reason=Words(
            "contact goes on through {n} exploitative ties",
            "kontak masih berlangsung melalui {n} ikatan eksploitatif",
        ),
        reason_one=Words(
            "contact goes on through 1 exploitative tie",
            "kontak masih berlangsung melalui 1 ikatan eksploitatif",
        ),
        points=2 * DANGER_POINTS,
        count_cap=3,
        mark="tie_exploitative",
        worker_role="advocate",
        district_group="ties",
    ),
    GapKind(
        code="level_absent",
        rule=1,
        subject=LEVELS,
        subjects=_levels_with("absent"),
        counts=_count_levels("level_absent", "absent"),
        name=Words("Level absent", "Tingkat tidak ada"),
        short=Words("level absent", "tingkat kosong"),
        sentence=Words(
            "No one at the {subject} level supports the child",
            "Tidak ada yang mendukung anak di tingkat {subject}",
        ),
        reason=Words("no {subject} involved", "tidak ada {subject} yang terlibat"),
        points={"family": 20, "community": 15, "institution": 20},
        mark="ring_absent",
        worker_role="broker",
        district_group="levels",
    ),
    GapKind(
        code="stressful_tie",
        rule=7,
        subject=None,
        subjects=_listed("stressful_ties"),
        counts=_count_ties("stressful_tie", "stressful_ties"),
        name=Words("Stressful tie", "Ikatan penuh tekanan"),
        short=Words("stressful tie", "ikatan penuh tekanan"),
        sentence=Words(
            "The tie between {a} and {b} is stressful",
            "Ikatan antara {a} dan {b} penuh tekanan",
        ),
        reason=Words("{n} stressful ties", "{n} ikatan penuh tekanan"),
        reason_one=Words("1 stressful tie", "1 ikatan penuh tekanan"),
        points=8,
        count_cap=3,
        mark="tie_stressful",
        worker_role="facilitator",
        district_group="ties",
    ),
    GapKind(
        code="needs_not_assessed",
        # An extension of rule 2: with no needs recorded, no need can be found unmet.
        rule=2,
        subject=THE_CHILD,
        subjects=_needs_unrecorded,
        counts=_count_unrecorded_needs("needs_not_assessed"),
        name=Words("Needs not assessed", "Kebutuhan belum diasesmen"),
        short=Words("needs unassessed", "kebutuhan belum diasesmen"),
        sentence=Words(
            "The child's needs have never been assessed, so no unmet need can be seen",
            "Kebutuhan anak belum pernah diasesmen, sehingga kebutuhan yang belum terpenuhi "
            "tidak terlihat",
        ),
        reason=Words("needs never assessed", "kebutuhan belum pernah diasesmen"),
        # Never less than every need unmet: not looking must not lower a child's rank.
        points=sum(NEED_POINTS.values()),
        mark="child_badge",
        worker_role="facilitator",
        district_group="needs",
    ),
    GapKind(
        code="unmet_need",
        rule=2,
        subject=NEEDS,
        subjects=_listed("unmet_needs"),
        counts=_count_codes("unmet_need", "unmet_needs", NEEDS),
        name=Words("Unmet need", "Kebutuhan belum terpenuhi"),
        short=Words("unmet need", "kebutuhan belum terpenuhi"),
        sentence=Words("The {subject} need is unmet", "Kebutuhan {subject} belum terpenuhi"),
        reason=Words("{subject} need unmet", "kebutuhan {subject} belum terpenuhi"),
        points=NEED_POINTS,
        mark="child_badge",
        worker_role="broker",
        district_group="needs",
    ),
    GapKind(
        code="missing_function",
        rule=3,
        subject=FUNCTIONS,
        subjects=_listed("missing_functions"),
        counts=_count_codes("missing_function", "missing_functions", FUNCTIONS),
        name=Words("Missing key", "Kunci belum ada"),
        short=Words("missing key", "kunci belum ada"),
        sentence=Words(
            "No tie gives {subject}, one of the three keys",
            "Tidak ada ikatan yang memberi {subject}, salah satu dari tiga kunci",
        ),
        reason=Words("nobody gives {subject}", "tidak ada yang memberi {subject}"),
        points={"acceptance": 10, "protection": 12, "empowerment": 8},
        mark="child_badge",
        worker_role="advocate",
        district_group="keys",
    ),
    GapKind(
        code="level_weak",
        rule=1,
        subject=LEVELS,
        subjects=_levels_with("weak"),
        counts=_count_levels("level_weak", "weak"),
        name=Words("Weak level", "Tingkat lemah"),
        short=Words("weak level", "tingkat lemah"),
        sentence=Words(
            "Support at the {subject} level is weak (strongest tie {strength} of {max})",
            "Dukungan di tingkat {subject} lemah (ikatan terkuat {strength} dari {max})",
        ),
        reason=Words("{subject} only weakly involved", "keterlibatan {subject} lemah"),
        points=6,
        mark="ring_weak",
        worker_role="facilitator",
        district_group="levels",
    ),
    GapKind(
        code="link_missing",
        rule=5,
        subject=LEVEL_PAIRS,
        subjects=_links(0, 0),
        counts=_count_links("link_missing", 0, 0),
        name=Words("No link between levels", "Tidak ada hubungan antar tingkat"),
        short=Words("no link", "tanpa hubungan"),
        sentence=Words(
            "No tie between members links {level_a} and {level_b}",
            "Tidak ada ikatan antar anggota yang menghubungkan {level_a} dan {level_b}",
        ),
        reason=Words("no link {subject}", "tidak ada hubungan {subject}"),
        points=7,
        mark="link_missing",
        worker_role="facilitator",
    ),
    GapKind(
        code="single_point_of_failure",
        rule=6,
        subject=None,
        subjects=_listed("single_points_of_failure"),
        counts=_count_ties("single_point_of_failure", "single_points_of_failure"),
        name=Words("Single point of failure", "Satu-satunya penghubung"),
        short=Words("one-tie link", "hubungan satu ikatan"),
        sentence=Words(
            "Only one tie links {level_a} and {level_b}: {a} – {b}",
            "Hanya satu ikatan yang menghubungkan {level_a} dan {level_b}: {a} – {b}",
        ),
        reason=Words("{n} links hang on a single tie", "{n} hubungan bergantung pada satu ikatan"),
        reason_one=Words("1 link hangs on a single tie", "1 hubungan bergantung pada satu ikatan"),
        points=3,
        count_cap=3,
        mark="tie_only_link",
        worker_role="facilitator",
        district_group="ties",
    ),
    GapKind(
        code="missing_support_type",
        rule=4,
        subject=SUPPORT_TYPES,
        subjects=_listed("missing_support_types"),
        counts=_count_codes("missing_support_type", "missing_support_types", SUPPORT_TYPES),
        name=Words("Missing kind of support", "Jenis dukungan belum ada"),
        short=Words("support missing", "dukungan kurang"),
        sentence=Words(
            "No tie gives {subject} support", "Tidak ada ikatan yang memberi dukungan {subject}"
        ),
        reason=Words("no {subject} support", "tidak ada dukungan {subject}"),
        points=3,
        mark="child_badge",
        worker_role="broker",
        district_group="support",
    ),
    GapKind(
        code="link_weak",
        rule=5,
        subject=LEVEL_PAIRS,
        subjects=_links(1, WEAK_LINK_UP_TO),
        counts=_count_links("link_weak", 1, WEAK_LINK_UP_TO),
        name=Words("Weak link between levels", "Hubungan antar tingkat lemah"),
        short=Words("weak link", "hubungan lemah"),
        sentence=Words(
            "The link between {level_a} and {level_b} is weak (strongest tie {strength} of {max})",
            "Hubungan antara {level_a} dan {level_b} lemah (ikatan terkuat {strength} dari {max})",
        ),
        reason=Words("weak link {subject}", "hubungan {subject} lemah"),
        points=2,
        mark="link_weak",
        worker_role="facilitator",
    ),
    GapKind(
        code="stale_tie",
        rule=8,
        subject=None,
        subjects=_listed("stale_ties"),
        counts=_count_ties("stale_tie", "stale_ties"),
        name=Words("No recent contact", "Tidak ada kontak baru-baru ini"),
        short=Words("no contact", "tanpa kontak"),
        sentence=Words(
            "No contact between {a} and {b} for more than {days} days",
            "Tidak ada kontak antara {a} dan {b} selama lebih dari {days} hari",
        ),
        reason=Words("no contact for {n} days", "tidak ada kontak selama {n} hari"),
        points=2,
        count_cap=3,
        mark="tie_stale",
        worker_role="facilitator",
        district_group="ties",
    ),
)
"""Every kind of gap, most serious first: the order of every gap list."""

KIND_CODES = tuple(kind.code for kind in GAP_KINDS)
_BY_CODE = {kind.code: kind for kind in GAP_KINDS}


def gap_kind(code: str) -> GapKind:
    """The kind with this code (KeyError when there is none).

    >>> gap_kind("unmet_need").name("id")
    'Kebutuhan belum terpenuhi'
    """
    return _BY_CODE[code]
