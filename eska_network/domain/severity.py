"""How serious a child's gaps are: a documented score per child, and its reasons in words.

The score adds points for every gap of the child's stored gap summary (the columns of
:data:`eska_network.domain.summary.SUMMARY_COLUMNS`) and for the child's overdue actions and
referrals. ``docs/severity.md`` explains every weight from the literature review (DOMAIN.md);
in short, a danger now (contact through an exploitative tie, an unsafe placement) outranks
everything else together, then a stressful family, nobody at a level, needs never assessed, the
unmet needs that keep a child unsafe, missing keys, missing links between levels, weak levels, and
contact gone silent, which keeps growing with every doubling of the silence.

Everything here works on whole tables at once (numpy over columns), so that a caseload of 100,000
children is scored in well under a second.

Examples
--------
>>> import pandas as pd
>>> row = {"family_status": "ok", "community_status": "weak", "institution_status": "absent",
...        "unmet_needs": "legal", "missing_functions": "", "missing_support_types": "",
...        "link_family_community": 3, "link_community_institution": 0,
...        "link_family_institution": 0, "single_points_of_failure": 0, "stressful_ties": 1,
...        "stressful_family": True, "stale_ties": 1, "longest_no_contact_days": 120,
...        "overdue_actions": 2}
>>> reasons(row)[:3]
['family tie stressful', 'no institutions involved', 'legal services need unmet']
>>> reasons(row, "id")[1]
'tidak ada lembaga yang terlibat'
>>> int(severity(pd.DataFrame([row])).iloc[0])
89
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from eska_network.domain.codes import (
    STALE_AFTER_DAYS,
    Words,
)
from eska_network.domain.gap_kinds import DANGER_POINTS, GAP_KINDS, GapKind

OVERDUE = "overdue_actions"
"""The optional column holding each child's number of overdue actions (open past their date)."""
OVERDUE_REFERRALS = "overdue_referrals"
"""The optional column holding each child's number of referrals sent and not accepted in time."""

STRESSFUL_FAMILY = "stressful_family"
"""The component for a stressful tie between the child and a family member, on top of the
stressful tie's own points (docs/severity.md)."""

# --- Weights beyond each gap kind's own points (docs/severity.md explains each) ------------------

STRESSFUL_FAMILY_POINTS = 25
STALE_POINTS_PER_DOUBLING = 5
"""On top of the stale ties' own points: 5 more for every doubling of the longest silence beyond
the 90 days that make a tie stale (180 days: 5, a year: 10, two years: 15), with no cap."""
OVERDUE_ACTION_POINTS = 4
OVERDUE_REFERRAL_POINTS = 4
OVERDUE_CAP = 5
"""Overdue actions, and overdue referrals, count for at most this many each."""
_OVERDUE_POINTS = {OVERDUE: OVERDUE_ACTION_POINTS, OVERDUE_REFERRALS: OVERDUE_REFERRAL_POINTS}

STRESSFUL_FAMILY_REASON = Words("family tie stressful", "ikatan keluarga penuh tekanan")
STALE_UNKNOWN_DAYS_REASON = Words(
    "no contact for over {n} days", "tidak ada kontak lebih dari {n} hari"
)
OVERDUE_REASON = Words("{n} overdue actions", "{n} rencana tindak lanjut lewat tenggat")
OVERDUE_REASON_ONE = Words("1 overdue action", "1 rencana tindak lanjut lewat tenggat")
OVERDUE_REFERRAL_REASON = Words(
    "{n} referrals sent and not accepted in time",
    "{n} rujukan terkirim belum diterima tepat waktu",
)
OVERDUE_REFERRAL_REASON_ONE = Words(
    "1 referral sent and not accepted in time",
    "1 rujukan terkirim belum diterima tepat waktu",
)
SHORT_WORDS = {
    # The caseload's chips for the parts of the score that are not gap kinds.
    STRESSFUL_FAMILY: Words("stressful family", "keluarga penuh tekanan"),
    OVERDUE: Words("overdue action", "rencana tindak lanjut terlambat"),
    OVERDUE_REFERRALS: Words("referral waiting", "rujukan tertunda"),
}
CHIPS = 3
"""The most serious reasons a caseload row shows as chips (the rest are in the row's detail)."""

BANDS = (("danger", DANGER_POINTS), ("high", 60), ("medium", 25), ("low", 1), ("none", 0))
"""Severity bands, most serious first, each with the lowest score in it (docs/severity.md):
a danger now scores 1000 or more, so the bands keep ordinary children comparable beside it."""
BAND_WORDS = {
    "danger": Words("danger", "bahaya"),
    "high": Words("high", "tinggi"),
    "medium": Words("medium", "sedang"),
    "low": Words("low", "rendah"),
    "none": Words("no gap", "tanpa kesenjangan"),
}


@dataclass(frozen=True)
class Component:
    """One part of the score: a gap kind (about one subject, when it has subjects), or one of the
    parts that are not gap kinds (:data:`STRESSFUL_FAMILY`, :data:`OVERDUE`,
    :data:`OVERDUE_REFERRALS`).

    ``key`` names the component's column (``"unmet_need:legal"``).
    """

    key: str
    kind: GapKind | None = None
    subject: str | None = None

    @property
    def counted(self) -> bool:
        """Whether the component counts ties or actions (and its reason says how many)."""
        return self.subject is None

    @property
    def gap_kind(self) -> GapKind:
        """The gap kind of a component that is one (all but the three parts that are not)."""
        if self.kind is None:
            raise ValueError(f"the component {self.key} is not a gap kind")
        return self.kind


def _components() -> tuple[Component, ...]:
    parts = []
    for kind in GAP_KINDS:
        if kind.code == "level_absent":
            # A stressful family is listed before the levels: it weighs more than any of them.
            parts.append(Component(STRESSFUL_FAMILY))
        if kind.subject is None or kind.about_child:
            parts.append(Component(kind.code, kind))
        else:
            parts += [Component(f"{kind.code}:{code}", kind, code) for code in kind.subject]
    return (*parts, Component(OVERDUE), Component(OVERDUE_REFERRALS))


COMPONENTS = _components()
"""Every part of the score; when two reasons weigh the same, the one listed first comes first."""
COMPONENT_KEYS = tuple(component.key for component in COMPONENTS)


def _counts(summaries: pd.DataFrame, name: str) -> np.ndarray:
    if name not in summaries:
        return np.zeros(len(summaries), dtype=np.int64)
    return pd.to_numeric(summaries[name]).fillna(0).to_numpy(dtype=np.int64)


def gap_counts(summaries: pd.DataFrame) -> pd.DataFrame:
    """How many of each gap each child has: one integer column per :data:`COMPONENT_KEYS`.

    Each gap kind counts its own (:attr:`~eska_network.domain.gap_kinds.GapKind.counts`);
    per-subject components are 0 or 1. ``stressful_tie`` here counts the stressful ties other than
    the family one that ``stressful_family`` stands for; ``overdue_actions`` and
    ``overdue_referrals`` count overdue actions and referrals (0 when the column is absent).
    """
    columns: dict[str, np.ndarray] = {}
    for kind in GAP_KINDS:
        columns.update(kind.counts(summaries))
    family = summaries[STRESSFUL_FAMILY].fillna(False).to_numpy(dtype=bool)
    columns[STRESSFUL_FAMILY] = family.astype(np.int64)
    columns["stressful_tie"] = np.maximum(columns["stressful_tie"] - family, 0)
    columns[OVERDUE] = _counts(summaries, OVERDUE)
    columns[OVERDUE_REFERRALS] = _counts(summaries, OVERDUE_REFERRALS)
    return pd.DataFrame({key: columns[key] for key in COMPONENT_KEYS}, index=summaries.index)


def points(summaries: pd.DataFrame, counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """The points of every component for every child (columns :data:`COMPONENT_KEYS`).

    ``summaries`` holds gap summary columns and, optionally, ``overdue_actions``; ``counts`` is
    their :func:`gap_counts` when the caller has it already.
    """
    counts = gap_counts(summaries) if counts is None else counts
    result = {}
    for component in COMPONENTS:
        count = counts[component.key].to_numpy()
        if component.key == STRESSFUL_FAMILY:
            result[component.key] = count * STRESSFUL_FAMILY_POINTS
            continue
        if component.key in _OVERDUE_POINTS:
            result[component.key] = np.minimum(count, OVERDUE_CAP) * _OVERDUE_POINTS[component.key]
            continue
        kind = component.gap_kind
        if kind.code == "stale_tie":
            result[component.key] = _stale_points(
                count, kind, _counts(summaries, "longest_no_contact_days")
            )
        elif kind.count_cap is not None:
            result[component.key] = np.minimum(count, kind.count_cap) * kind.points_for()
        else:
            result[component.key] = count * kind.points_for(component.subject)
    return pd.DataFrame(result, index=summaries.index)


def overdue_points(overdue_actions: np.ndarray, overdue_referrals: np.ndarray) -> np.ndarray:
    """The points of overdue actions and referrals together: all a score lacks when it was
    computed from the gap summary alone (their components add to the rest, nothing else).

    >>> overdue_points(np.array([0, 2, 9]), np.array([1, 0, 9])).tolist()
    [4, 8, 40]
    """
    actions = np.minimum(np.asarray(overdue_actions, dtype=np.int64), OVERDUE_CAP)
    referrals = np.minimum(np.asarray(overdue_referrals, dtype=np.int64), OVERDUE_CAP)
    return actions * _OVERDUE_POINTS[OVERDUE] + referrals * _OVERDUE_POINTS[OVERDUE_REFERRALS]


def silence_points(longest_days: np.ndarray) -> np.ndarray:
    """The points a silence adds on top of its stale ties: 5 per doubling beyond 90 days.

    >>> silence_points(np.array([91, 120, 180, 365, 730, 10**6])).tolist()
    [0, 2, 5, 10, 15, 67]
    """
    days = np.maximum(np.asarray(longest_days, dtype=np.float64), STALE_AFTER_DAYS)
    # The small margin keeps an exact doubling (180 days) from rounding down to 4.99.
    doublings = np.log2(days / STALE_AFTER_DAYS) + 1e-9
    return np.floor(STALE_POINTS_PER_DOUBLING * doublings).astype(np.int64)


def _stale_points(stale_ties: np.ndarray, kind: GapKind, longest_days: np.ndarray) -> np.ndarray:
    counted = stale_ties if kind.count_cap is None else np.minimum(stale_ties, kind.count_cap)
    per_tie = counted * kind.points_for()
    return np.where(stale_ties > 0, per_tie + silence_points(longest_days), 0)


def severity(summaries: pd.DataFrame) -> pd.Series:
    """The severity score of every child: the sum of its :func:`points` (0 when no gap).

    Examples
    --------
    >>> summary = {"family_status": "ok", "community_status": "ok", "institution_status": "ok",
    ...     "unmet_needs": "housing", "missing_functions": "", "missing_support_types": "",
    ...     "link_family_community": 4, "link_community_institution": 3,
    ...     "link_family_institution": 3, "single_points_of_failure": 0, "stressful_ties": 0,
    ...     "stressful_family": False, "stale_ties": 0, "longest_no_contact_days": 10}
    >>> severity(pd.DataFrame([summary])).tolist()
    [14]
    """
    return points(summaries).sum(axis=1).rename("severity")


def _text(component: Component, n: int, lang: str) -> str:
    """The reason of one component; ``n`` is the number it says (days for stale contact)."""
    if component.key == STRESSFUL_FAMILY:
        return STRESSFUL_FAMILY_REASON(lang)
    if component.key == OVERDUE:
        return (OVERDUE_REASON_ONE if n == 1 else OVERDUE_REASON)(lang, n=n)
    if component.key == OVERDUE_REFERRALS:
        return (OVERDUE_REFERRAL_REASON_ONE if n == 1 else OVERDUE_REFERRAL_REASON)(lang, n=n)
    kind = component.gap_kind
    if component.subject is not None:
        assert kind.subject is not None  # a component has a subject only when its kind has
        return kind.reason(lang, subject=kind.subject.label(component.subject, lang))
    if kind.about_child:
        return kind.reason(lang)
    if kind.code == "stale_tie" and n <= STALE_AFTER_DAYS:
        # The days are unknown when no stale tie's last contact made it into the summary.
        return STALE_UNKNOWN_DAYS_REASON(lang, n=STALE_AFTER_DAYS)
    if n == 1 and kind.reason_one is not None:
        return kind.reason_one(lang)
    return kind.reason(lang, n=n)


def reason_lists(
    summaries: pd.DataFrame, lang: str = "en", scores: pd.DataFrame | None = None
) -> pd.Series:
    """Every child's reasons in words, most serious first (a list per child).

    Only components that score appear; components with equal points keep the order of
    :data:`COMPONENTS`. ``scores`` is the :func:`points` of ``summaries`` when the caller has it.
    """
    words, said, per_child = _ranked_reasons(summaries, lang, scores)
    flat = np.array(words, dtype=object)[said].tolist()
    ends = np.cumsum(per_child)
    starts = ends - per_child
    lists = [flat[start:end] for start, end in zip(starts.tolist(), ends.tolist(), strict=True)]
    return pd.Series(lists, index=summaries.index, dtype=object, name="reasons")


def reason_texts(
    summaries: pd.DataFrame,
    lang: str = "en",
    scores: pd.DataFrame | None = None,
    separator: str = "; ",
) -> pd.Series:
    """Every child's :func:`reason_lists` as one text, the reasons joined by ``separator``.

    Put together in pyarrow from the few distinct reasons, without a Python string per reason or
    a list per child (a national report has a million children).

    >>> calm = {"family_status": "ok", "community_status": "ok", "institution_status": "ok",
    ...     "unmet_needs": "", "missing_functions": "", "missing_support_types": "",
    ...     "link_family_community": 3, "link_community_institution": 3,
    ...     "link_family_institution": 3, "single_points_of_failure": 0, "stressful_ties": 0,
    ...     "stressful_family": False, "stale_ties": 0, "longest_no_contact_days": 10}
    >>> table = pd.DataFrame([{**calm, "unmet_needs": "legal", "stressful_ties": 2}, calm])
    >>> reason_texts(table).tolist()
    ['2 stressful ties; legal services need unmet', '']
    """
    words, said, per_child = _ranked_reasons(summaries, lang, scores)
    texts = pa.array(words, type=pa.large_string()).take(pa.array(said))
    offsets = np.concatenate([[0], np.cumsum(per_child)])
    lists = pa.LargeListArray.from_arrays(offsets, texts)
    joined = pc.binary_join(lists, pa.scalar(separator, pa.large_string()))
    return pd.Series(pd.array(joined, dtype="str"), index=summaries.index, name="reasons")


def _ranked_reasons(
    summaries: pd.DataFrame, lang: str, scores: pd.DataFrame | None
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The distinct reasons said; for every reason of every child (children in order, each
    child's ranked) the position of its words among them; and how many reasons each child has."""
    said = gap_counts(summaries)
    values = (points(summaries, said) if scores is None else scores).to_numpy()
    said = said.copy()
    # The reasons name every stressful tie (the family one too) and the longest silence in days.
    said["stressful_tie"] = _counts(summaries, "stressful_ties")
    said["stale_tie"] = _counts(summaries, "longest_no_contact_days")
    said = said.to_numpy()
    order = np.argsort(-values, axis=1, kind="stable")
    # Every scoring (child, component), children in order and each child's reasons ranked.
    rows, ranks = np.nonzero(np.take_along_axis(values, order, axis=1) > 0)
    components = order[rows, ranks]
    words: list[str] = []
    word_of = np.empty(len(rows), dtype=np.int64)
    for index, component in enumerate(COMPONENTS):
        at = np.flatnonzero(components == index)
        if component.subject is not None:
            word_of[at] = len(words)
            words.append(_text(component, 0, lang))
        else:
            # Said once per distinct number: many children share a count of days or ties.
            numbers, which = np.unique(said[rows[at], index], return_inverse=True)
            word_of[at] = len(words) + which
            words.extend(_text(component, int(n), lang) for n in numbers)
    return words, word_of, np.bincount(rows, minlength=len(summaries))


def reasons(row: Mapping[str, object], lang: str = "en") -> list[str]:
    """One child's reasons in words, most serious first.

    ``row`` is a mapping (a dict or a table row) with the gap summary columns and, optionally,
    ``overdue_actions`` and ``overdue_referrals``.
    """
    return reason_lists(pd.DataFrame([dict(row)]), lang).iloc[0]


def chip_lists(
    summaries: pd.DataFrame, lang: str = "en", scores: pd.DataFrame | None = None
) -> pd.Series:
    """Every child's :data:`CHIPS` most serious reasons in a few words each (a list per child).

    A chip names the kind of gap (``"unmet need"``), not its subject: two unmet needs make one
    chip, and the next kind gets the place. Ordered as :func:`reason_lists`.

    >>> row = {"family_status": "ok", "community_status": "weak", "institution_status": "absent",
    ...        "unmet_needs": "legal;housing", "missing_functions": "",
    ...        "missing_support_types": "", "link_family_community": 3,
    ...        "link_community_institution": 0, "link_family_institution": 0,
    ...        "single_points_of_failure": 0, "stressful_ties": 0, "stressful_family": False,
    ...        "stale_ties": 0, "longest_no_contact_days": 10}
    >>> chip_lists(pd.DataFrame([row])).iloc[0]
    ['level absent', 'unmet need', 'no link']
    """
    values = (points(summaries) if scores is None else scores).to_numpy()
    texts = [(SHORT_WORDS[c.key] if c.kind is None else c.kind.short)(lang) for c in COMPONENTS]
    words = list(dict.fromkeys(texts))
    word_of = np.array([words.index(text) for text in texts])
    order = np.argsort(-values, axis=1, kind="stable")
    scoring = np.take_along_axis(values, order, axis=1) > 0
    # Where each word first appears in a child's ranked reasons (past the end when it does not).
    ranked_words = np.where(scoring, word_of[order], -1)
    first = np.full((len(values), len(words)), values.shape[1])
    for word in range(len(words)):
        hits = ranked_words == word
        first[:, word] = np.where(hits.any(axis=1), hits.argmax(axis=1), values.shape[1])
    chosen = np.argsort(first, axis=1, kind="stable")[:, :CHIPS]
    present = np.take_along_axis(first, chosen, axis=1) < values.shape[1]
    lists = [
        [words[word] for word, shown in zip(row, kept, strict=True) if shown]
        for row, kept in zip(chosen.tolist(), present.tolist(), strict=True)
    ]
    return pd.Series(lists, index=summaries.index, dtype=object, name="chips")


def band(score: int) -> str:
    """The severity band of a score (:data:`BANDS`).

    >>> band(2045), band(1000), band(89), band(25), band(3), band(0)
    ('danger', 'danger', 'high', 'medium', 'low', 'none')
    """
    return next(name for name, lowest in BANDS if score >= lowest)
