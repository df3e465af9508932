"""The gap rules of GAPS.md for every child of a data set at once, and the ``report`` table.

:func:`gap_table` runs the rules on whole columns (numpy over the ties table) and gives each
child's gap summary (:data:`eska_network.domain.summary.SUMMARY_COLUMNS`); it equals, row by row,
:func:`eska_network.domain.gaps.summary_row` of :func:`eska_network.domain.gaps.child_gaps`
(``tests/test_gaps_bulk.py`` proves it with hypothesis).

Why one module of over 400 lines: each rule here mirrors its per-child twin in
:mod:`eska_network.domain.gaps`, in the same order; kept together, a change to a rule is made and
reviewed in one place for both engines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from eska_network.domain import severity, table_codes
from eska_network.domain.codes import (
    CHILD_NODE,
    FUNCTIONS,
    LEVEL_PAIRS,
    LEVELS,
    MAX_STRENGTH,
    NEEDS,
    NONE_WORD,
    STALE_AFTER_DAYS,
    SUPPORT_TYPES,
    WELLBEING,
    Vocabulary,
    level_pair,
)
from eska_network.domain.gaps import (
    HOME_PLACEMENTS,
    MEETS_FROM_STRENGTH,
    OK_FROM_STRENGTH,
    level_status,
)
from eska_network.domain.model import Dataset
from eska_network.domain.schema import LIST_SEPARATOR
from eska_network.domain.summary import link_column, summary_table

_FAMILY = LEVELS.position("family")
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
    assessments = dataset.assessments
    n_children = len(children)
    owner, member_owner, assessment_owner = _owners(
        children["child_id"], ties["child_id"], members["child_id"], assessments["child_id"]
    )
    assessed = _day_numbers(ties["assessed_on"])
    assessment_day = _day_numbers(assessments["assessed_on"])
    known = owner >= 0
    if as_of is None:
        day = np.full(n_children, _NO_DAY)
        np.maximum.at(day, owner[known], assessed[known])
        listed = assessment_owner >= 0
        np.maximum.at(day, assessment_owner[listed], assessment_day[listed])
    else:
        day = np.full(n_children, (as_of - _EPOCH).days, dtype=np.int64)
    has_day = day != _NO_DAY

    # One integer per end name lets a tie's unordered pair and its members' levels be looked up
    # with integer arrays instead of strings.
    (source, target, member_ends), end_uniques = table_codes.shared_codes(
        ties["source"], ties["target"], members["member_id"]
    )
    n_ends = max(len(end_uniques), 1)
    child_code = end_uniques.get_indexer([CHILD_NODE])[0]

    rows = _rows_in_force(owner, source, target, assessed, day, n_ends)
    # At national scale a tie row array is 21 million cells: only the rows in force are kept from
    # here on, and the arrays of every row are let go.
    tie_owner, source, target = owner[rows], source[rows], target[rows]
    del owner, assessed, known

    # Members (like ties) of children outside the children table are left out.
    listed = member_owner >= 0
    member_keys = (member_owner.astype(np.int64) * n_ends + member_ends)[listed]
    member_level = _positions(members["level"], LEVELS)[listed]
    key_count = max(n_children, 1) * n_ends

    def level_at(ends: np.ndarray) -> np.ndarray:
        # A member's (child, id) is unique, so a table indexed by key codes finds its level.
        keys, n_keys = _compact(
            np.concatenate([member_keys, tie_owner.astype(np.int64) * n_ends + ends]), key_count
        )
        level_of_key = np.full(n_keys, _NO_LEVEL, dtype=np.int8)
        level_of_key[keys[: len(member_keys)]] = member_level
        return level_of_key[keys[len(member_keys) :]]

    if key_count <= _DENSE_LEVELS:
        # Few enough children times end names (a national data set's share a few dozen): a table
        # of levels by child and end, where numbering the keys would hash tens of millions.
        named = listed & (member_ends >= 0)
        level_of = np.full((max(n_children, 1), n_ends), _NO_LEVEL, dtype=np.int8)
        level_of[member_owner[named], member_ends[named]] = _positions(members["level"], LEVELS)[
            named
        ]

        def level_at(ends: np.ndarray) -> np.ndarray:
            return np.where(ends >= 0, level_of[tie_owner, ends], _NO_LEVEL).astype(np.int8)

    source_level, target_level = level_at(source), level_at(target)
    # Strengths are 0 to 5: int8 per row in force (millions nationally).
    strength = ties["strength"].to_numpy(dtype=np.int64)[rows].astype(np.int8)
    valence = ties["valence"].iloc[rows]
    supportive = _is(valence, "supportive") & (strength >= 1)
    stressful = _is(valence, "stressful") & (strength >= 1)
    exploitative = _is(valence, "exploitative") & (strength >= 1)
    del valence
    giving = supportive & (strength >= MEETS_FROM_STRENGTH)
    child_tie = (source == child_code) | (target == child_code)
    other_level = np.where(source == child_code, target_level, source_level)
    del source, target

    # Rule 1.
    level_strength = np.zeros((n_children, len(LEVELS)), dtype=np.int64)
    counted = supportive & child_tie & (other_level != _NO_LEVEL)
    np.maximum.at(level_strength, (tie_owner[counted], other_level[counted]), strength[counted])

    # Rules 2 to 4.
    def given(column: str, vocabulary: Vocabulary) -> np.ndarray:
        found = np.zeros(n_children, dtype=np.int64)
        np.bitwise_or.at(
            found, tie_owner[giving], _masks(ties[column].iloc[rows[giving]], vocabulary)
        )
        return found

    state = _AsOf(assessments, assessment_owner, assessment_day, day, n_children)
    needs_cells = state.latest(
        assessments["needs"], children["needs"].where(children["needs"] != "")
    )
    needs_recorded = needs_cells.notna().to_numpy(dtype=bool)
    unmet = _masks(needs_cells, NEEDS) & ~given("needs_met", NEEDS)
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
    contact = _day_numbers(ties["last_contact"].iloc[rows])
    recorded = supportive & child_tie & (contact != _NO_DAY)
    since = day[tie_owner]
    since -= np.where(recorded, contact, since)
    del contact
    stale = recorded & (since > STALE_AFTER_DAYS)
    longest = np.full(n_children, _NO_DAY)
    np.maximum.at(longest, tie_owner[recorded], since[recorded])
    stressful_family = stressful & child_tie & (other_level == _FAMILY)

    def count(selected: np.ndarray) -> np.ndarray:
        return np.bincount(tie_owner[selected], minlength=n_children)

    # Rules 9 and 10.
    placement = state.latest(assessments["placement"])
    at_home = placement.isin(HOME_PLACEMENTS).to_numpy(dtype=bool)
    family_ok = level_strength[:, _FAMILY] >= OK_FROM_STRENGTH
    exploited_at_home = count(exploitative & child_tie & (other_level == _FAMILY)) > 0

    statuses = [level_status(s) for s in range(MAX_STRENGTH + 1)]
    as_of_column = np.where(has_day, day, 0).astype("datetime64[D]").astype("datetime64[s]")
    as_of_column[~has_day] = np.datetime64("NaT")
    return summary_table(
        {
            "child_id": table_codes.as_text(children["child_id"]).array,
            "as_of": as_of_column,
            **{
                f"{level}_status": _texts(statuses, np.minimum(level_strength[:, i], MAX_STRENGTH))
                for i, level in enumerate(LEVELS)
            },
            **{f"{level}_strength": level_strength[:, i] for i, level in enumerate(LEVELS)},
            "unmet_needs": _joined(unmet, NEEDS),
            "missing_functions": _joined(no_function, FUNCTIONS),
            "missing_support_types": _joined(no_support, SUPPORT_TYPES),
            **{link_column(p): link_strength[:, i] for i, p in enumerate(LEVEL_PAIRS)},
            "weakest_link": _texts(LEVEL_PAIRS.codes, np.argmin(link_strength, axis=1)),
            "single_points_of_failure": (link_ties == 1).sum(axis=1),
            "stressful_ties": count(stressful),
            "stale_ties": count(stale),
            "stressful_family": count(stressful_family) > 0,
            "longest_no_contact_days": pd.arrays.IntegerArray(longest, longest == _NO_DAY),
            "exploitative_ties": count(exploitative),
            "unsafe_placement": at_home & (~family_ok | exploited_at_home),
            "needs_assessed": needs_recorded,
            "placement": placement.array,
            "reintegration_stage": state.latest(assessments["reintegration_stage"]).array,
            **{
                f"wellbeing_{w}": state.latest(
                    assessments[f"wellbeing_{w}"], children[f"wellbeing_{w}"]
                ).array
                for w in WELLBEING
            },
        }
    )


class _AsOf:
    """Each child's assessments.csv cells as of its D: the latest non-empty one not after D."""

    def __init__(
        self,
        assessments: pd.DataFrame,
        owner: np.ndarray,
        assessed: np.ndarray,
        day: np.ndarray,
        n_children: int,
    ) -> None:
        self.owner = owner
        self.assessed = assessed
        self.n_children = n_children
        in_time = np.zeros(len(owner), dtype=bool)
        listed = owner >= 0
        in_time[listed] = assessed[listed] <= day[owner[listed]]
        self.in_time = in_time

    def latest(self, cells: pd.Series, baseline: pd.Series | None = None) -> pd.Series:
        """Per child, the cell of its latest row (not after D) where ``cells`` is not empty.

        Where there is none, the child's ``baseline`` cell (children.csv), or missing. Of two rows
        on one date (an import error) the later one counts, as in ``ChildSystem.state_as_of``.
        """
        cells = table_codes.as_text(cells)
        if baseline is not None:
            baseline = table_codes.as_text(baseline)
        usable = self.in_time & cells.notna().to_numpy(dtype=bool)
        latest = np.full(self.n_children, _NO_DAY)
        np.maximum.at(latest, self.owner[usable], self.assessed[usable])
        chosen = usable.copy()
        chosen[usable] = self.assessed[usable] == latest[self.owner[usable]]
        pick = np.full(self.n_children, -1)
        np.maximum.at(pick, self.owner[chosen], np.flatnonzero(chosen))
        # One take of the picked cells (and of the baselines after them), in the column's own
        # array type: no Python object per cell.
        if baseline is None:
            values = cells.array.take(pick, allow_fill=True)
        else:
            both = pd.concat([cells, baseline.astype(cells.dtype)], ignore_index=True).array
            own = len(cells) + np.arange(self.n_children)
            values = both.take(np.where(pick >= 0, pick, own))
        return pd.Series(values, index=range(self.n_children))


def _owners(child_ids: pd.Series, *columns: pd.Series) -> list[np.ndarray]:
    """For each of ``columns``, the row in ``child_ids`` of each cell's child (-1 when none).

    A child's rows usually come together, so each run of one id is looked up once.
    """
    starts = [_run_starts(column) for column in columns]
    heads = [column.iloc[start] for column, start in zip(columns, starts, strict=True)]
    (children, *head_codes), uniques = table_codes.shared_codes(child_ids, *heads)
    # int32 rows halve the arrays of 21 million tie rows; products of rows are formed in int64.
    row_of_code = np.full(len(uniques) + 1, -1, dtype=np.int32)  # the extra -1: a missing cell
    row_of_code[children] = np.arange(len(child_ids))
    row_of_code[-1] = -1
    return [
        np.repeat(row_of_code[codes], np.diff(start, append=len(column)))
        for codes, start, column in zip(head_codes, starts, columns, strict=True)
    ]


def _run_starts(column: pd.Series) -> np.ndarray:
    """The positions where a run of equal consecutive cells of ``column`` starts.

    >>> _run_starts(pd.Series(["a", "a", None, None, "b", "a"]))
    array([0, 2, 3, 4, 5])
    """
    if table_codes.is_coded(column):
        codes = column.cat.codes.to_numpy()
        differs = (codes[1:] != codes[:-1]) | (codes[1:] < 0) | (codes[:-1] < 0)
        return np.flatnonzero(np.concatenate([[len(codes) > 0], differs]))
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
    day: np.ndarray,
    n_ends: int,
) -> np.ndarray:
    """The tie rows in force at their child's D: per tie, its row with the latest date not after D.

    A tie is its child and its unordered pair of end codes, numbered by :func:`_compact` (no sort,
    no string keys), for a block of children at a time: a block's ties are few enough to be
    numbered by a table of flags, where hashing all ties at once (21 million rows nationally)
    would take gigabytes.
    """
    candidates = np.flatnonzero(owner >= 0)
    candidates = candidates[assessed[candidates] <= day[owner[candidates]]]
    first_end, second_end = source[candidates], target[candidates]
    # int64 keys: a product of two codes can pass 2**31.
    low = np.minimum(first_end, second_end).astype(np.int64)
    high = np.maximum(first_end, second_end)
    del first_end, second_end
    pair, n_pairs = _compact(low * n_ends + high, n_ends * n_ends)
    del low, high
    owners, dates = owner[candidates], assessed[candidates]
    in_force = np.zeros(len(candidates), dtype=bool)
    per_block = max(_DENSE_KEYS // max(n_pairs, 1), 1)
    n_owners = int(owner.max(initial=0)) + 1
    for start in range(0, n_owners, per_block):
        # Candidates keep their order within a block, and a tie's rows are all in one block.
        part = np.flatnonzero((owners >= start) & (owners < start + per_block))
        if len(part):
            tie, n_ties = _compact(
                (owners[part] - start).astype(np.int64) * n_pairs + pair[part],
                min(per_block, n_owners - start) * n_pairs,
            )
            in_force[part[_first_latest(tie, n_ties, dates[part])]] = True
    return candidates[in_force]


def _first_latest(tie: np.ndarray, n_ties: int, dates: np.ndarray) -> np.ndarray:
    """Per tie, the position of its first row of its latest date."""
    latest = np.full(n_ties, _NO_DAY)
    np.maximum.at(latest, tie, dates)
    last = np.flatnonzero(dates == latest[tie])
    # Two rows of one tie on one date are an import error; keep the first, as the model does.
    first = np.full(n_ties, len(dates))
    np.minimum.at(first, tie[last], last)
    return first


_DENSE_KEYS = 1 << 25
"""Up to this many possible keys, :func:`_compact` numbers keys with a table instead of a hash."""
_DENSE_LEVELS = 1 << 27
"""Up to this many children times end names, members' levels are found in a table of int8."""


def _compact(keys: np.ndarray, size: int) -> tuple[np.ndarray, int]:
    """Codes ``0 .. n - 1`` for the ``n`` distinct ``keys`` (each below ``size``), and ``n``.

    Keys are numbered with a table of ``size`` entries instead of a hash; when that table would
    be large, or a key is negative (a missing name), by :func:`pandas.factorize` instead. The
    codes are in no particular order: callers use them as group numbers.

    >>> codes, n = _compact(np.array([7, 2, 7, 5]), 8)
    >>> n, codes[0] == codes[2], len(set(codes.tolist()))
    (3, np.True_, 3)
    """
    if size > _DENSE_KEYS or keys.min(initial=0) < 0:
        codes, uniques = pd.factorize(keys)
        return codes, len(uniques)
    if size <= len(keys):
        # Few possible keys: a running count over the table of those present.
        present = np.zeros(size, dtype=bool)
        present[keys] = True
        # int32 counts halve the memory the running count writes; size is far below 2**31 here.
        code_of_key = np.cumsum(present, dtype=np.int32) - 1
        return code_of_key[keys], int(code_of_key[-1]) + 1 if size else 0
    # More possible keys than rows: one row stands for each key (the table is written only where
    # a key is: never read elsewhere, never cleared), and the rows standing for keys are counted.
    stands_for = np.empty(size, dtype=np.int32)
    stands_for[keys] = np.arange(len(keys), dtype=np.int32)
    row = stands_for[keys]
    del stands_for
    counted = np.cumsum(row == np.arange(len(keys), dtype=np.int32), dtype=np.int32) - 1
    return counted[row], int(counted[-1]) + 1 if len(keys) else 0


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
    lookup = [0 if text == NONE_WORD else vocabulary.mask(_split(text)) for text in uniques]
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


def _texts(texts: Sequence[str], codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``texts[code]`` for each of ``codes``, built as a ``str`` array by one take, not per text.

    >>> list(_texts(["absent", "weak"], np.array([1, 0, 1])))
    ['weak', 'absent', 'weak']
    """
    return pd.array(texts, dtype="str").take(codes)


def _pair_table() -> np.ndarray:
    """``table[i, j]``: the LEVEL_PAIRS position joining levels i and j, -1 within one level."""
    table = np.full((len(LEVELS), len(LEVELS)), _NO_LEVEL, dtype=np.int8)
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
    "severity",
    "severity_reasons",
    "unsafe_placement",
    "exploitative_ties",
    "placement",
    "reintegration_stage",
    *(f"{level}_status" for level in LEVELS),
    "needs_assessed",
    "unmet_needs",
    "missing_functions",
    "missing_support_types",
    "weakest_link",
    "single_points_of_failure",
    "stressful_ties",
    "stressful_family",
    "stale_ties",
    "longest_no_contact_days",
    *(f"wellbeing_{dimension}" for dimension in WELLBEING),
    severity.OVERDUE,
    severity.OVERDUE_REFERRALS,
    *(f"{level}_strength" for level in LEVELS),
    *(link_column(pair) for pair in LEVEL_PAIRS),
)
"""The order of the report's columns: the score and its reasons, the dangers and the gaps a reader
looks for first, the numbers after."""

REASON_SEPARATOR = "; "


def report_table(
    table: pd.DataFrame, overdue: pd.DataFrame | None = None, lang: str = "en"
) -> pd.DataFrame:
    """:func:`gap_table` ready to print, with the severity the caseload ranks by and its reasons.

    ``overdue`` is :func:`eska_network.domain.follow_up.overdue_counts` of the children's actions
    (none when ``None``). Columns come in :data:`REPORT_COLUMNS` order; dates are ISO text, and a
    missing date or number is ``None`` (an empty CSV cell, a JSON ``null``); the reasons, in
    ``lang``, are joined by ``"; "``.
    """
    report = table.copy()
    # Each child's row of ``overdue`` found once for both counts (-1: nothing overdue).
    found = (
        overdue.index.get_indexer(report["child_id"])
        if overdue is not None
        else np.full(len(report), -1)
    )
    for name in (severity.OVERDUE, severity.OVERDUE_REFERRALS):
        counts = overdue[name] if overdue is not None and name in overdue else None
        report[name] = (
            np.where(found >= 0, counts.to_numpy(dtype=np.int64)[found], 0)
            if counts is not None and len(counts)
            else np.zeros(len(report), dtype=np.int64)
        )
    scores = severity.points(report)
    report["severity"] = scores.sum(axis=1).astype("int64")
    report["severity_reasons"] = severity.reason_texts(report, lang, scores, REASON_SEPARATOR)
    report = report[list(REPORT_COLUMNS)]
    days = table["as_of"].to_numpy(dtype="datetime64[D]")
    texts = np.datetime_as_string(days, unit="D").astype(object)
    texts[np.isnat(days)] = None
    report["as_of"] = pd.Series(texts, index=table.index, dtype=object)
    return report
