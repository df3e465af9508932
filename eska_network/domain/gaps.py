"""The gap rules of GAPS.md: for one child, in words, and for every child of a data set at once."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

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
    Vocabulary,
    Words,
    level_pair,
)
from eska_network.domain.gap_kinds import gap_kind
from eska_network.domain.model import ChildSystem, Dataset, Tie
from eska_network.domain.schema import LIST_SEPARATOR

MEETS_FROM_STRENGTH = 2
"""An active supportive tie meets needs and gives keys and kinds of support from this strength."""
OK_FROM_STRENGTH = 3
"""A level is ``ok`` (not ``weak``) when its strongest active supportive child tie reaches this."""

TieEnds = tuple[str, str]
"""A tie as ``(source, target)``, the way its row has them."""

_FAMILY_CODE = "family"
_FAMILY = LEVELS.position(_FAMILY_CODE)


@dataclass(frozen=True)
class LevelResult:
    """Rule 1 for one level: ``absent``, ``weak`` or ``ok``, and the strength that decided it."""

    status: str
    max_strength: int


@dataclass(frozen=True)
class ChildGaps:
    """Every result of the eight rules of GAPS.md for one child as of one date.

    ``sole_links`` maps each pair of levels joined by exactly one active supportive member tie to
    that tie (rule 6); :attr:`single_points_of_failure` lists those ties.
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

    @property
    def single_points_of_failure(self) -> tuple[TieEnds, ...]:
        return tuple(sorted(self.sole_links.values()))

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
    ...     (Tie("C001", "child", "mother", 4, "supportive", day, ("emotional",)),),
    ... )
    >>> result = child_gaps(system)
    >>> result.levels["family"], result.unmet_needs, result.weakest_link
    (LevelResult(status='ok', max_strength=4), ('legal',), 'family-community')
    """
    day = as_of if as_of is not None else system.latest_assessment()
    ties = system.ties_as_of(day) if day is not None else ()
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

    return ChildGaps(
        child_id=system.child.child_id,
        as_of=day,
        levels={level: LevelResult(level_status(s), s) for level, s in level_strength.items()},
        unmet_needs=tuple(NEEDS.sort(set(system.child.needs) - given("needs_met"))),
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


def _days_since_contact(tie: Tie, day: dt.date) -> int | None:
    return None if tie.last_contact is None else (day - tie.last_contact).days


# --- In words -----------------------------------------------------------------------------------

NO_GAPS = Words("No gaps: every rule is met", "Tidak ada kesenjangan: semua aturan terpenuhi")


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
        return [NO_GAPS(lang)]
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
        words["subject"] = kind.subject.label(item.subject, lang)
        if kind.subject is LEVELS:
            words["strength"] = result.levels[item.subject].max_strength
        elif kind.subject is LEVEL_PAIRS:
            pair = item.subject
            words["strength"] = result.inter_level[pair]
    if pair is not None:
        level_a, level_b = pair.split("-")
        words["level_a"] = LEVELS.label(level_a, lang)
        words["level_b"] = LEVELS.label(level_b, lang)
    return kind.sentence(lang, **words)


# --- The stored summary, one row per child ------------------------------------------------------


def _link_column(pair: str) -> str:
    return "link_" + pair.replace("-", "_")


SUMMARY_COLUMNS: dict[str, str] = {
    "child_id": "id",
    "as_of": "date",
    **{f"{level}_status": "text" for level in LEVELS},
    **{f"{level}_strength": "int" for level in LEVELS},
    "unmet_needs": "text",
    "missing_functions": "text",
    "missing_support_types": "text",
    **{_link_column(pair): "int" for pair in LEVEL_PAIRS},
    "weakest_link": "text",
    "single_points_of_failure": "int",
    "stressful_ties": "int",
    "stale_ties": "int",
    "stressful_family": "bool",
    "longest_no_contact_days": "int",
}
"""The gap summary of one child: column name -> kind (``id``, ``date``, ``text``, ``int`` or
``bool``).

Lists of codes are ``;``-joined in vocabulary order (``""`` when none);
``single_points_of_failure``, ``stressful_ties`` and ``stale_ties`` are counts. Only the columns in
:data:`SUMMARY_NULLABLE` can be missing.
"""

SUMMARY_NULLABLE = frozenset({"as_of", "longest_no_contact_days"})
"""``as_of`` is missing for a child with no tie rows and no given date;
``longest_no_contact_days`` when no active supportive child tie has a recorded ``last_contact``."""

_DTYPES = {"id": "str", "text": "str", "date": "datetime64[s]", "int": "int64", "bool": "bool"}


def summary_table(columns: Mapping[str, object]) -> pd.DataFrame:
    """A gap summary table with the dtypes of :data:`SUMMARY_COLUMNS`, from its columns.

    ``columns`` maps each column name to its values (:func:`summary_rows_table` takes rows).
    """
    table = pd.DataFrame({name: columns[name] for name in SUMMARY_COLUMNS})
    return table.astype(
        {
            name: "Int64" if name in SUMMARY_NULLABLE and kind == "int" else _DTYPES[kind]
            for name, kind in SUMMARY_COLUMNS.items()
        }
    )


def summary_rows_table(rows: list[Mapping[str, object]]) -> pd.DataFrame:
    """The gap summary table of several :func:`summary_row` results, one row each."""
    return summary_table({name: [row[name] for row in rows] for name in SUMMARY_COLUMNS})


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
        _days_since_contact(tie, result.as_of)
        for tie in child_ties
        if tie.valence == "supportive" and tie.last_contact is not None
    ]
    return {
        "child_id": result.child_id,
        "as_of": result.as_of,
        **{f"{level}_status": result.levels[level].status for level in LEVELS},
        **{f"{level}_strength": result.levels[level].max_strength for level in LEVELS},
        "unmet_needs": LIST_SEPARATOR.join(result.unmet_needs),
        "missing_functions": LIST_SEPARATOR.join(result.missing_functions),
        "missing_support_types": LIST_SEPARATOR.join(result.missing_support_types),
        **{_link_column(pair): result.inter_level[pair] for pair in LEVEL_PAIRS},
        "weakest_link": result.weakest_link,
        "single_points_of_failure": len(result.sole_links),
        "stressful_ties": len(result.stressful_ties),
        "stale_ties": len(result.stale_ties),
        "stressful_family": any(
            tie.valence == "stressful" and level_of.get(_other_end(tie)) == _FAMILY_CODE
            for tie in child_ties
        ),
        "longest_no_contact_days": max(contact_gaps, default=None),
    }


# --- Every child at once ------------------------------------------------------------------------

_NO_DAY = np.iinfo(np.int64).min
_EPOCH = dt.date(1970, 1, 1)
_NO_LEVEL = -1


def gap_table(dataset: Dataset, as_of: dt.date | None = None) -> pd.DataFrame:
    """The gap summary (:data:`SUMMARY_COLUMNS`) of every child of ``dataset``, one row each.

    The rules run on the whole ties table at once; a child's D is ``as_of`` or, by default, its
    own latest assessment. Rows follow ``dataset.children``, children without ties included.
    The result equals, row by row, :func:`summary_row` of :func:`child_gaps`.

    Examples
    --------
    >>> from eska_network.domain.model import Child, Member, Tie
    >>> dataset = Dataset.from_objects(
    ...     [Child("C1", "Kota Bandung", 15), Child("C2", "Kota Bandung", 9)],
    ...     [Member("C1", "mother", "Mother", "family")],
    ...     [Tie("C1", "mother", "child", 2, "supportive", dt.date(2026, 3, 1))],
    ... )
    >>> gap_table(dataset)[["child_id", "family_status", "community_status"]]
      child_id family_status community_status
    0       C1          weak           absent
    1       C2        absent           absent
    """
    children, members, ties = dataset.children, dataset.members, dataset.ties
    n_children = len(children)
    owner, member_owner = _owners(children["child_id"], ties["child_id"], members["child_id"])
    assessed = _day_numbers(ties["assessed_on"])
    known = owner >= 0
    if as_of is None:
        day = np.full(n_children, _NO_DAY)
        np.maximum.at(day, owner[known], assessed[known])
    else:
        day = np.full(n_children, (as_of - _EPOCH).days, dtype=np.int64)
    has_day = day != _NO_DAY

    # One integer per end name lets a tie's unordered pair and its members' levels be looked up
    # with integer arrays instead of strings.
    end_names = pd.concat([ties["source"], ties["target"], members["member_id"]], ignore_index=True)
    end_codes, end_uniques = pd.factorize(end_names)
    n_ties, n_ends = len(ties), max(len(end_uniques), 1)
    source, target = end_codes[:n_ties], end_codes[n_ties : 2 * n_ties]
    child_code = end_uniques.get_indexer([CHILD_NODE])[0]

    day_of_row = np.full(n_ties, _NO_DAY)
    day_of_row[known] = day[owner[known]]
    rows = _rows_in_force(owner, source, target, assessed, day_of_row, n_ends)
    tie_owner = owner[rows]

    # Members (like ties) of children outside the children table are left out.
    listed = member_owner >= 0
    member_keys = (member_owner * n_ends + end_codes[2 * n_ties :])[listed]
    member_level = _positions(members["level"], LEVELS)[listed]
    key_count = max(n_children, 1) * n_ends

    def level_at(ends: np.ndarray) -> np.ndarray:
        # A member's (child, id) is unique, so a table indexed by key codes finds its level.
        keys, n_keys = _compact(
            np.concatenate([member_keys, tie_owner * n_ends + ends[rows]]), key_count
        )
        level_of_key = np.full(n_keys, _NO_LEVEL)
        level_of_key[keys[: len(member_keys)]] = member_level
        return level_of_key[keys[len(member_keys) :]]

    source_level, target_level = level_at(source), level_at(target)
    strength = ties["strength"].to_numpy(dtype=np.int64)[rows]
    supportive = _is(ties["valence"], "supportive")[rows] & (strength >= 1)
    stressful = _is(ties["valence"], "stressful")[rows] & (strength >= 1)
    giving = supportive & (strength >= MEETS_FROM_STRENGTH)
    child_tie = (source[rows] == child_code) | (target[rows] == child_code)
    other_level = np.where(source[rows] == child_code, target_level, source_level)

    # Rule 1.
    level_strength = np.zeros((n_children, len(LEVELS)), dtype=np.int64)
    counted = supportive & child_tie & (other_level != _NO_LEVEL)
    np.maximum.at(level_strength, (tie_owner[counted], other_level[counted]), strength[counted])

    # Rules 2 to 4.
    def given(column: str, vocabulary: Vocabulary) -> np.ndarray:
        found = np.zeros(n_children, dtype=np.int64)
        np.bitwise_or.at(found, tie_owner[giving], _masks(ties[column], vocabulary)[rows[giving]])
        return found

    unmet = _masks(children["needs"], NEEDS) & ~given("needs_met", NEEDS)
    no_function = _full_mask(FUNCTIONS) & ~given("functions", FUNCTIONS)
    no_support = _full_mask(SUPPORT_TYPES) & ~given("support_types", SUPPORT_TYPES)

    # Rules 5 and 6.
    pair_of_levels = _pair_table()
    both = (source_level != _NO_LEVEL) & (target_level != _NO_LEVEL)
    pair = np.where(both, pair_of_levels[source_level, target_level], _NO_LEVEL)
    linking = supportive & ~child_tie & (pair != _NO_LEVEL)
    link_strength = np.zeros((n_children, len(LEVEL_PAIRS)), dtype=np.int64)
    np.maximum.at(link_strength, (tie_owner[linking], pair[linking]), strength[linking])
    link_ties = np.zeros((n_children, len(LEVEL_PAIRS)), dtype=np.int64)
    np.add.at(link_ties, (tie_owner[linking], pair[linking]), 1)

    # Rules 7 and 8, and the days since the last contact.
    contact = _day_numbers(ties["last_contact"])[rows]
    recorded = supportive & child_tie & (contact != _NO_DAY)
    since = day[tie_owner] - np.where(recorded, contact, day[tie_owner])
    stale = recorded & (since > STALE_AFTER_DAYS)
    longest = np.full(n_children, _NO_DAY)
    np.maximum.at(longest, tie_owner[recorded], since[recorded])
    stressful_family = stressful & child_tie & (other_level == _FAMILY)

    def count(selected: np.ndarray) -> np.ndarray:
        return np.bincount(tie_owner[selected], minlength=n_children)

    statuses = [level_status(s) for s in range(MAX_STRENGTH + 1)]
    as_of_column = np.where(has_day, day, 0).astype("datetime64[D]").astype("datetime64[s]")
    as_of_column[~has_day] = np.datetime64("NaT")
    return summary_table(
        {
            "child_id": children["child_id"].array,
            "as_of": as_of_column,
            **{
                f"{level}_status": _texts(statuses, np.minimum(level_strength[:, i], MAX_STRENGTH))
                for i, level in enumerate(LEVELS)
            },
            **{f"{level}_strength": level_strength[:, i] for i, level in enumerate(LEVELS)},
            "unmet_needs": _joined(unmet, NEEDS),
            "missing_functions": _joined(no_function, FUNCTIONS),
            "missing_support_types": _joined(no_support, SUPPORT_TYPES),
            **{_link_column(p): link_strength[:, i] for i, p in enumerate(LEVEL_PAIRS)},
            "weakest_link": _texts(LEVEL_PAIRS.codes, np.argmin(link_strength, axis=1)),
            "single_points_of_failure": (link_ties == 1).sum(axis=1),
            "stressful_ties": count(stressful),
            "stale_ties": count(stale),
            "stressful_family": count(stressful_family) > 0,
            "longest_no_contact_days": pd.arrays.IntegerArray(longest, longest == _NO_DAY),
        }
    )


def _owners(child_ids: pd.Series, *columns: pd.Series) -> list[np.ndarray]:
    """For each of ``columns``, the row in ``child_ids`` of each cell's child (-1 when none).

    A child's rows usually come together, so each run of one id is looked up once.
    """
    starts = [_run_starts(column) for column in columns]
    heads = [column.iloc[start] for column, start in zip(columns, starts, strict=True)]
    codes, uniques = pd.factorize(pd.concat([child_ids, *heads], ignore_index=True))
    row_of_code = np.full(len(uniques) + 1, -1)  # the extra -1 is for a missing cell (code -1)
    row_of_code[codes[: len(child_ids)]] = np.arange(len(child_ids))
    row_of_code[-1] = -1
    bounds = np.cumsum([len(child_ids), *(len(start) for start in starts)])
    return [
        np.repeat(row_of_code[codes[begin:end]], np.diff(start, append=len(column)))
        for (begin, end), start, column in zip(
            itertools.pairwise(bounds), starts, columns, strict=True
        )
    ]


def _run_starts(column: pd.Series) -> np.ndarray:
    """The positions where a run of equal consecutive cells of ``column`` starts.

    >>> _run_starts(pd.Series(["a", "a", None, None, "b", "a"]))
    array([0, 2, 3, 4, 5])
    """
    values = column.array
    differs = pd.array(values[1:] != values[:-1], dtype="boolean")
    # A missing cell differs from nothing and is never equal: it starts a run of its own.
    return np.flatnonzero(
        np.concatenate([[len(values) > 0], differs.to_numpy(bool, na_value=True)])
    )


def _rows_in_force(
    owner: np.ndarray,
    source: np.ndarray,
    target: np.ndarray,
    assessed: np.ndarray,
    day_of_row: np.ndarray,
    n_ends: int,
) -> np.ndarray:
    """The tie rows in force at their child's D: per tie, its row with the latest date not after D.

    A tie is its child and its unordered pair of end codes, numbered by :func:`_compact` (no sort,
    no string keys).
    """
    candidates = np.flatnonzero((owner >= 0) & (assessed <= day_of_row))
    first_end, second_end = source[candidates], target[candidates]
    low, high = np.minimum(first_end, second_end), np.maximum(first_end, second_end)
    pair, n_pairs = _compact(low * n_ends + high, n_ends * n_ends)
    tie, n_ties = _compact(owner[candidates] * n_pairs + pair, (owner.max(initial=0) + 1) * n_pairs)
    latest = np.full(n_ties, _NO_DAY)
    np.maximum.at(latest, tie, assessed[candidates])
    last = np.flatnonzero(assessed[candidates] == latest[tie])
    # Two rows of one tie on one date are an import error; keep the first, as the model does.
    first = np.full(n_ties, len(candidates))
    np.minimum.at(first, tie[last], last)
    in_force = np.zeros(len(candidates), dtype=bool)
    in_force[first] = True
    return candidates[in_force]


_DENSE_KEYS = 1 << 25
"""Up to this many possible keys, :func:`_compact` numbers keys with a table instead of a hash."""


def _compact(keys: np.ndarray, size: int) -> tuple[np.ndarray, int]:
    """Codes ``0 .. n - 1`` for the ``n`` distinct ``keys`` (each below ``size``), and ``n``.

    Keys are numbered in increasing order by a table of ``size`` flags; when that table would be
    large, or a key is negative (a missing name), by :func:`pandas.factorize` instead.

    >>> _compact(np.array([7, 2, 7, 5]), 8)
    (array([2, 0, 2, 1], dtype=int32), 3)
    """
    if size > _DENSE_KEYS or keys.min(initial=0) < 0:
        codes, uniques = pd.factorize(keys)
        return codes, len(uniques)
    present = np.zeros(size, dtype=bool)
    present[keys] = True
    # int32 counts halve the memory the running count writes; size is far below 2**31 here.
    code_of_key = np.cumsum(present, dtype=np.int32) - 1
    return code_of_key[keys], int(code_of_key[-1]) + 1 if size else 0


def _is(column: pd.Series, code: str) -> np.ndarray:
    return (column == code).to_numpy(dtype=bool, na_value=False)


def _day_numbers(column: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 as int64, :data:`_NO_DAY` where the date is missing."""
    days = column.to_numpy(dtype="datetime64[D]")
    return np.where(np.isnat(days), _NO_DAY, days.astype(np.int64))


def _positions(column: pd.Series, vocabulary: Vocabulary) -> np.ndarray:
    """Each code's position in ``vocabulary``, :data:`_NO_LEVEL` when missing or unknown."""
    found, uniques = pd.factorize(column)
    lookup = [vocabulary.position(code) if code in vocabulary else _NO_LEVEL for code in uniques]
    return np.array([*lookup, _NO_LEVEL], dtype=np.int64)[found]


def _masks(column: pd.Series, vocabulary: Vocabulary) -> np.ndarray:
    """The bit mask of each ``;``-joined list, computed once per distinct list."""
    found, uniques = pd.factorize(column)
    lookup = [vocabulary.mask(_split(text)) for text in uniques]
    # A missing cell (factorize code -1) picks the trailing 0: nothing listed.
    return np.array([*lookup, 0], dtype=np.int64)[found]


def _split(text: str) -> list[str]:
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


def _full_mask(vocabulary: Vocabulary) -> int:
    return vocabulary.mask(vocabulary)


def _joined(masks: np.ndarray, vocabulary: Vocabulary) -> pd.api.extensions.ExtensionArray:
    """Each bit mask as its codes ``;``-joined in vocabulary order, computed once per mask."""
    distinct, where = np.unique(masks, return_inverse=True)
    texts = [LIST_SEPARATOR.join(vocabulary.unmask(int(mask))) for mask in distinct]
    return _texts(texts, where.reshape(-1))


def _texts(texts: list[str], codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``texts[code]`` for each of ``codes``, built as a ``str`` array by one take, not per text.

    >>> list(_texts(["absent", "weak"], np.array([1, 0, 1])))
    ['weak', 'absent', 'weak']
    """
    return pd.array(texts, dtype="str").take(codes)


def _pair_table() -> np.ndarray:
    """``table[i, j]``: the LEVEL_PAIRS position joining levels i and j, -1 within one level."""
    table = np.full((len(LEVELS), len(LEVELS)), _NO_LEVEL, dtype=np.int64)
    for i, level_a in enumerate(LEVELS):
        for j, level_b in enumerate(LEVELS):
            pair = level_pair(level_a, level_b)
            if pair is not None:
                table[i, j] = LEVEL_PAIRS.position(pair)
    return table


# --- The report command -------------------------------------------------------------------------

REPORT_COLUMNS = (
    "child_id",
    "as_of",
    *(f"{level}_status" for level in LEVELS),
    "unmet_needs",
    "missing_functions",
    "missing_support_types",
    "weakest_link",
    "single_points_of_failure",
    "stressful_ties",
    "stressful_family",
    "stale_ties",
    "longest_no_contact_days",
    *(f"{level}_strength" for level in LEVELS),
    *(_link_column(pair) for pair in LEVEL_PAIRS),
)
"""The order of the report's columns: the gaps a reader looks for first, the numbers after."""


def report_table(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`gap_table` ready to print: columns in :data:`REPORT_COLUMNS` order, dates ISO.

    A missing date or number is ``None`` (an empty CSV cell, a JSON ``null``).
    """
    report = table[list(REPORT_COLUMNS)].copy()
    report["as_of"] = pd.Series(
        [None if pd.isna(day) else day.date().isoformat() for day in table["as_of"]],
        index=table.index,
        dtype=object,
    )
    return report
