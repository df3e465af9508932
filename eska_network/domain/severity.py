"""How serious a child's gaps are: a documented score per child, and its reasons in words.

The score adds points for every gap of the child's stored gap summary (the columns of
:data:`eska_network.domain.gaps.SUMMARY_COLUMNS`) and for the child's overdue actions. The weights
are explained one by one in ``docs/severity.md``; in short, a stressful family tie and a level with
nobody in it weigh most, then the unmet needs that keep a child unsafe (safe housing, legal
services, mental health), then missing keys, weak levels, missing links between levels, single
points of failure, missing kinds of support, weak links, contact gone stale (scaled by days) and
overdue actions.

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
85
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eska_network.domain.codes import (
    FUNCTIONS,
    LEVEL_PAIRS,
    LEVELS,
    NEEDS,
    STALE_AFTER_DAYS,
    SUPPORT_TYPES,
    Vocabulary,
)
from eska_network.domain.gaps import link_column
from eska_network.domain.schema import LIST_SEPARATOR

OVERDUE = "overdue_actions"
"""The optional column holding each child's number of overdue actions."""

WEAK_LINK_UP_TO = 2
"""A link between two levels of strength 1 or 2 is weak (as in
:mod:`eska_network.domain.gap_items`)."""

# --- Weights (docs/severity.md explains each) -----------------------------------------------------

LEVEL_ABSENT_POINTS = {"family": 20, "community": 15, "institution": 20}
LEVEL_WEAK_POINTS = 6
STRESSFUL_FAMILY_POINTS = 25
STRESSFUL_TIE_POINTS = 8
"""Per stressful tie besides the family one that ``stressful_family`` already counts."""
NEED_POINTS = {
    "physical_health": 10,
    "behavioral_health": 12,
    "housing": 14,
    "education": 6,
    "employment": 5,
    "legal": 12,
    "life_skills": 5,
}
FUNCTION_POINTS = {"acceptance": 8, "protection": 10, "empowerment": 5}
SUPPORT_TYPE_POINTS = 3
LINK_MISSING_POINTS = 5
LINK_WEAK_POINTS = 2
SINGLE_POINT_POINTS = 3
STALE_TIE_POINTS = 2
STALE_DAYS_PER_POINT = 15
"""One more point for every full 15 days without contact beyond the 90 that make a tie stale."""
STALE_DAYS_CAP = 12
OVERDUE_ACTION_POINTS = 4
COUNT_CAP = 3
"""Counted gaps (stressful and stale ties, single points of failure) score at most 3 times."""
OVERDUE_CAP = 5


@dataclass(frozen=True)
class Component:
    """One part of the score: a gap kind of :mod:`eska_network.domain.gap_items` about one subject.

    ``key`` names the component's column (``"unmet_need:legal"``); ``subject`` is a code of
    ``vocabulary`` or ``None`` for the counted gaps.
    """

    key: str
    kind: str
    subject: str | None = None
    vocabulary: Vocabulary | None = None


def _components() -> tuple[Component, ...]:
    def about(kind: str, vocabulary: Vocabulary) -> list[Component]:
        return [Component(f"{kind}:{code}", kind, code, vocabulary) for code in vocabulary]

    return (
        Component("stressful_family", "stressful_tie"),
        *about("level_absent", LEVELS),
        Component("stressful_tie", "stressful_tie"),
        *about("unmet_need", NEEDS),
        *about("missing_function", FUNCTIONS),
        *about("level_weak", LEVELS),
        *about("link_missing", LEVEL_PAIRS),
        Component("single_point_of_failure", "single_point_of_failure"),
        *about("missing_support_type", SUPPORT_TYPES),
        *about("link_weak", LEVEL_PAIRS),
        Component("stale_tie", "stale_tie"),
        Component(OVERDUE, OVERDUE),
    )


COMPONENTS = _components()
"""Every part of the score; when two reasons weigh the same, the one listed first comes first."""
COMPONENT_KEYS = tuple(component.key for component in COMPONENTS)

_REASONS = {
    "level_absent": ("no {subject} involved", "tidak ada {subject} yang terlibat"),
    "level_weak": ("{subject} only weakly involved", "keterlibatan {subject} lemah"),
    "stressful_family": ("family tie stressful", "ikatan keluarga menekan"),
    "stressful_tie": ("{n} stressful ties", "{n} ikatan menekan"),
    "unmet_need": ("{subject} need unmet", "kebutuhan {subject} belum terpenuhi"),
    "missing_function": ("nobody gives {subject}", "tidak ada yang memberi {subject}"),
    "missing_support_type": ("no {subject} support", "tidak ada dukungan {subject}"),
    "link_missing": ("no link {subject}", "tidak ada hubungan {subject}"),
    "link_weak": ("weak link {subject}", "hubungan {subject} lemah"),
    "single_point_of_failure": (
        "{n} links hang on a single tie",
        "{n} hubungan bergantung pada satu ikatan",
    ),
    "stale_tie": ("no contact for {n} days", "tidak ada kontak selama {n} hari"),
    OVERDUE: ("{n} overdue actions", "{n} tindakan lewat tenggat"),
}
"""Reasons in words; ``{subject}`` is a label from :mod:`eska_network.domain.codes`."""
_STALE_UNKNOWN_DAYS = ("no contact for over {n} days", "tidak ada kontak lebih dari {n} hari")
_SINGULAR = {
    "stressful_tie": "1 stressful tie",
    "single_point_of_failure": "1 link hangs on a single tie",
    OVERDUE: "1 overdue action",
}
"""English reasons for a count of one (Indonesian nouns do not change)."""


def code_flags(column: pd.Series, vocabulary: Vocabulary) -> pd.DataFrame:
    """One boolean column per code: whether the ``;``-joined list of each row holds the code.

    Examples
    --------
    >>> code_flags(pd.Series(["legal", "", "housing;legal"]), NEEDS)[["housing", "legal"]]
       housing  legal
    0    False   True
    1    False  False
    2     True   True
    """
    # A list column holds few distinct values (at most 2**7 for needs), so parse each once.
    positions, distinct = pd.factorize(column.fillna("").astype(str))
    masks = np.array(
        [
            vocabulary.mask(c.strip() for c in text.split(LIST_SEPARATOR) if c.strip())
            for text in distinct
        ],
        dtype=np.int64,
    )
    row_masks = masks[positions] if len(distinct) else np.zeros(len(column), dtype=np.int64)
    bits = np.int64(1) << np.arange(len(vocabulary), dtype=np.int64)
    return pd.DataFrame(
        (row_masks[:, None] & bits) != 0, columns=list(vocabulary), index=column.index
    )


def _counts(summaries: pd.DataFrame, name: str) -> np.ndarray:
    if name not in summaries:
        return np.zeros(len(summaries), dtype=np.int64)
    return pd.to_numeric(summaries[name]).fillna(0).to_numpy(dtype=np.int64)


def _link(summaries: pd.DataFrame, pair: str) -> np.ndarray:
    return _counts(summaries, link_column(pair))


def gap_counts(summaries: pd.DataFrame) -> pd.DataFrame:
    """How many of each gap each child has: one integer column per :data:`COMPONENT_KEYS`.

    Per-subject components are 0 or 1; ``stressful_tie`` counts the stressful ties other than the
    family one that ``stressful_family`` stands for; ``stale_tie`` counts stale ties and
    ``overdue_actions`` overdue actions (0 when the column is absent).
    """
    columns: dict[str, np.ndarray] = {}
    family = summaries["stressful_family"].fillna(False).to_numpy(dtype=bool)
    columns["stressful_family"] = family.astype(np.int64)
    columns["stressful_tie"] = np.maximum(_counts(summaries, "stressful_ties") - family, 0)
    for level in LEVELS:
        status = summaries[f"{level}_status"]
        columns[f"level_absent:{level}"] = status.eq("absent").to_numpy(dtype=np.int64)
        columns[f"level_weak:{level}"] = status.eq("weak").to_numpy(dtype=np.int64)
    for kind, column, vocabulary in (
        ("unmet_need", "unmet_needs", NEEDS),
        ("missing_function", "missing_functions", FUNCTIONS),
        ("missing_support_type", "missing_support_types", SUPPORT_TYPES),
    ):
        flags = code_flags(summaries[column], vocabulary)
        for code in vocabulary:
            columns[f"{kind}:{code}"] = flags[code].to_numpy(dtype=np.int64)
    for pair in LEVEL_PAIRS:
        strength = _link(summaries, pair)
        columns[f"link_missing:{pair}"] = (strength == 0).astype(np.int64)
        columns[f"link_weak:{pair}"] = ((strength >= 1) & (strength <= WEAK_LINK_UP_TO)).astype(
            np.int64
        )
    columns["single_point_of_failure"] = _counts(summaries, "single_points_of_failure")
    columns["stale_tie"] = _counts(summaries, "stale_ties")
    columns[OVERDUE] = _counts(summaries, OVERDUE)
    return pd.DataFrame({key: columns[key] for key in COMPONENT_KEYS}, index=summaries.index)


def _weight(component: Component) -> int:
    if component.kind == "level_absent":
        return LEVEL_ABSENT_POINTS[component.subject]
    if component.kind == "unmet_need":
        return NEED_POINTS[component.subject]
    if component.kind == "missing_function":
        return FUNCTION_POINTS[component.subject]
    return {
        "level_weak": LEVEL_WEAK_POINTS,
        "missing_support_type": SUPPORT_TYPE_POINTS,
        "link_missing": LINK_MISSING_POINTS,
        "link_weak": LINK_WEAK_POINTS,
    }[component.kind]


def points(summaries: pd.DataFrame, counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """The points of every component for every child (columns :data:`COMPONENT_KEYS`).

    ``summaries`` holds gap summary columns and, optionally, ``overdue_actions``; ``counts`` is
    their :func:`gap_counts` when the caller has it already.
    """
    counts = gap_counts(summaries) if counts is None else counts
    result = {}
    for component in COMPONENTS:
        count = counts[component.key].to_numpy()
        if component.key == "stressful_family":
            result[component.key] = count * STRESSFUL_FAMILY_POINTS
        elif component.key == "stressful_tie":
            result[component.key] = np.minimum(count, COUNT_CAP) * STRESSFUL_TIE_POINTS
        elif component.key == "single_point_of_failure":
            result[component.key] = np.minimum(count, COUNT_CAP) * SINGLE_POINT_POINTS
        elif component.key == "stale_tie":
            result[component.key] = _stale_points(
                count, _counts(summaries, "longest_no_contact_days")
            )
        elif component.key == OVERDUE:
            result[component.key] = np.minimum(count, OVERDUE_CAP) * OVERDUE_ACTION_POINTS
        else:
            result[component.key] = count * _weight(component)
    return pd.DataFrame(result, index=summaries.index)


def _stale_points(stale_ties: np.ndarray, longest_days: np.ndarray) -> np.ndarray:
    beyond = np.maximum(longest_days - STALE_AFTER_DAYS, 0) // STALE_DAYS_PER_POINT
    scaled = np.minimum(beyond, STALE_DAYS_CAP)
    return np.where(
        stale_ties > 0, np.minimum(stale_ties, COUNT_CAP) * STALE_TIE_POINTS + scaled, 0
    )


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
    en, id_ = _REASONS[component.key if component.key in _REASONS else component.kind]
    if component.subject is not None:
        label = component.vocabulary.label(component.subject, lang)
        return (id_ if lang == "id" else en).format(subject=label)
    if component.key == "stale_tie" and n <= STALE_AFTER_DAYS:
        # The days are unknown when no stale tie's last contact made it into the summary.
        en, id_ = _STALE_UNKNOWN_DAYS
        return (id_ if lang == "id" else en).format(n=STALE_AFTER_DAYS)
    if lang != "id" and n == 1 and component.key in _SINGULAR:
        return _SINGULAR[component.key]
    return (id_ if lang == "id" else en).format(n=n)


def reason_lists(
    summaries: pd.DataFrame, lang: str = "en", scores: pd.DataFrame | None = None
) -> pd.Series:
    """Every child's reasons in words, most serious first (a list per child).

    Only components that score appear; components with equal points keep the order of
    :data:`COMPONENTS`. ``scores`` is the :func:`points` of ``summaries`` when the caller has it.
    """
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
    texts = np.empty(len(rows), dtype=object)
    for index, component in enumerate(COMPONENTS):
        at = np.flatnonzero(components == index)
        if component.subject is not None:
            texts[at] = _text(component, 0, lang)
        else:
            texts[at] = [_text(component, int(n), lang) for n in said[rows[at], index]]
    per_child = np.bincount(rows, minlength=len(summaries))
    ends = np.cumsum(per_child)
    flat = texts.tolist()
    starts = ends - per_child
    lists = [flat[start:end] for start, end in zip(starts.tolist(), ends.tolist(), strict=True)]
    return pd.Series(lists, index=summaries.index, dtype=object, name="reasons")


def reasons(row: Mapping[str, object], lang: str = "en") -> list[str]:
    """One child's reasons in words, most serious first.

    ``row`` is a mapping (a dict or a table row) with the gap summary columns and, optionally,
    ``overdue_actions``.
    """
    return reason_lists(pd.DataFrame([dict(row)]), lang).iloc[0]
