"""The gap rules of GAPS.md for every child of a data set at once, and the ``report`` table.

:func:`gap_table` runs the rules on whole columns (numpy over the ties table, each rule a
reduction per child over the rows grouped by :mod:`eska_network.domain.child_rows`) and gives each
child's gap summary (:data:`eska_network.domain.summary.SUMMARY_COLUMNS`); it equals, row by row,
:func:`eska_network.domain.gaps.summary_row` of :func:`eska_network.domain.gaps.child_gaps`
(``tests/test_gaps_bulk.py`` proves it with hypothesis). Each rule here mirrors its per-child twin
in :mod:`eska_network.domain.gaps`, in the same order (rules 5 and 6 share rule 1's group-by), so
that a change to a rule is made and reviewed in one place for both engines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from eska_network.domain import child_rows, severity, table_codes
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
    owner, member_owner, assessment_owner = child_rows.owners(
        children["child_id"], ties["child_id"], members["child_id"], assessments["child_id"]
    )
    # Every rule is a reduction per child over tie rows: the rows are taken in child order once
    # (no copy when the file already has it) and each reduction is one pass over runs of rows.
    by_child = child_rows.ByChild.of(owner)
    del owner
    # One integer per end name lets a tie's unordered pair and its members' levels be looked up
    # with integer arrays instead of strings.
    (source, target, member_ends), end_uniques = table_codes.shared_codes(
        ties["source"], ties["target"], members["member_id"]
    )
    n_ends = max(len(end_uniques), 1)
    child_code = end_uniques.get_indexer([CHILD_NODE])[0]
    source, target = by_child.arrange(source), by_child.arrange(target)
    assessed = by_child.arrange(_day_numbers(ties["assessed_on"]))
    assessment_day = _day_numbers(assessments["assessed_on"])
    if as_of is None:
        runs = child_rows.Runs.of(by_child.owner, n_children)
        day = runs.per_child(np.maximum, assessed, _NO_DAY)
        listed = assessment_owner >= 0
        np.maximum.at(day, assessment_owner[listed], assessment_day[listed])
    else:
        day = np.full(n_children, (as_of - _EPOCH).days, dtype=np.int64)
    has_day = day != _NO_DAY

    pair, n_pairs = child_rows.pair_codes(source, target, n_ends)
    picked = np.flatnonzero(child_rows.in_force(by_child.owner, pair, n_pairs, assessed, day))
    # At national scale a tie row array is 21 million cells: only the rows in force are kept from
    # here on, and the arrays of every row are let go.
    del pair, assessed
    tie_owner, source, target = by_child.owner[picked], source[picked], target[picked]
    rows = by_child.positions(picked)
    del picked, by_child
    runs = child_rows.Runs.of(tie_owner, n_children)

    # Members (like ties) of children outside the children table are left out.
    listed = member_owner >= 0
    member_level = _positions(members["level"], LEVELS)
    source_level, target_level = child_rows.levels_at(
        (member_owner, member_ends, member_level, listed),
        tie_owner,
        (source, target),
        n_children,
        n_ends,
    )
    del member_level
    # Strengths are 0 to 5: int8 per row in force (millions nationally).
    strength = ties["strength"].to_numpy(dtype=np.int64)[rows].astype(np.int8)
    valence = _codes_at(ties["valence"], rows)
    supportive = _is(valence, "supportive") & (strength >= 1)
    stressful = _is(valence, "stressful") & (strength >= 1)
    exploitative = _is(valence, "exploitative") & (strength >= 1)
    del valence
    giving = supportive & (strength >= MEETS_FROM_STRENGTH)
    child_tie = (source == child_code) | (target == child_code)
    other_level = np.where(source == child_code, target_level, source_level)
    del source, target

    def count(selected: np.ndarray) -> np.ndarray:
        return runs.per_child(np.add, selected, 0, np.int64)

    # Rules 1, 5 and 6 in one group-by: an active supportive child tie counts for the level of
    # its other end (kinds 0 to 2), one between members of two levels for that pair (3 to 5).
    pair_of_levels = _pair_table()
    both = (source_level != _NO_LEVEL) & (target_level != _NO_LEVEL)
    pair = np.where(both, pair_of_levels[source_level, target_level], _NO_LEVEL)
    kind = np.where(child_tie, other_level, np.where(pair >= 0, len(LEVELS) + pair, _NO_LEVEL))
    kind[~supportive] = _NO_LEVEL
    strongest, kind_ties = runs.per_child_and_kind(strength, kind, len(LEVELS) + len(LEVEL_PAIRS))
    del kind, pair
    level_strength = strongest[:, : len(LEVELS)]
    link_strength = strongest[:, len(LEVELS) :]
    link_ties = kind_ties[:, len(LEVELS) :]

    # Rules 2 to 4: the codes each giving row lists, one bit each, the three lists side by side
    # in one integer so that one union per child serves the three rules.
    lists = ((NEEDS, "needs_met"), (FUNCTIONS, "functions"), (SUPPORT_TYPES, "support_types"))
    shifts = np.cumsum([0, *(len(vocabulary) for vocabulary, _ in lists)])
    row_masks = np.zeros(len(rows), dtype=np.int64)
    for (vocabulary, column), shift in zip(lists, shifts[:-1], strict=True):
        row_masks |= _masks_at(ties[column], rows, vocabulary) << shift
    row_masks[~giving] = 0
    given = runs.per_child(np.bitwise_or, row_masks, 0)
    del row_masks

    def given_in(position: int) -> np.ndarray:
        vocabulary = lists[position][0]
        return (given >> shifts[position]) & _full_mask(vocabulary)

    state = child_rows.AsOf(assessments, assessment_owner, assessment_day, day, n_children)
    needs_cells = state.latest(
        assessments["needs"], children["needs"].where(children["needs"] != "")
    )
    needs_recorded = needs_cells.notna().to_numpy(dtype=bool)
    unmet = _masks(needs_cells, NEEDS) & ~given_in(0)
    no_function = _full_mask(FUNCTIONS) & ~given_in(1)
    no_support = _full_mask(SUPPORT_TYPES) & ~given_in(2)

    # Rules 7 and 8, and the days since the last contact.
    contact = _day_numbers(ties["last_contact"], rows)
    recorded = supportive & child_tie & (contact != _NO_DAY)
    since = day[tie_owner]
    since -= np.where(recorded, contact, since)
    del contact
    stale = recorded & (since > STALE_AFTER_DAYS)
    since[~recorded] = _NO_DAY
    longest = runs.per_child(np.maximum, since, _NO_DAY)
    stressful_family = stressful & child_tie & (other_level == _FAMILY)

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


def _codes_at(column: pd.Series, rows: np.ndarray) -> tuple[np.ndarray, pd.Index]:
    """The codes of ``column``'s cells at ``rows`` and the texts they stand for (-1: missing).

    A coded column (read from CSV) gives its own codes: no text is compared or hashed per cell.
    """
    if table_codes.is_coded(column):
        return column.cat.codes.to_numpy()[rows], column.cat.categories
    return table_codes.cell_codes(column.iloc[rows])


def _is(cells: tuple[np.ndarray, pd.Index], code: str) -> np.ndarray:
    """Whether each of the cells (:func:`_codes_at`) is ``code``."""
    codes, texts = cells
    position = texts.get_indexer([code])[0]
    return codes == position if position >= 0 else np.zeros(len(codes), dtype=bool)


def _day_numbers(column: pd.Series, rows: np.ndarray | None = None) -> np.ndarray:
    """Days since 1970-01-01 as int64, :data:`_NO_DAY` where the date is missing.

    Only the cells at ``rows`` when given; a missing date (NaT) is the smallest int64 already.
    """
    values = column.to_numpy() if column.dtype.kind == "M" else column.to_numpy("datetime64[D]")
    if rows is not None:
        values = values[rows]
    return values.astype("datetime64[D]").view(np.int64)


def _positions(column: pd.Series, vocabulary: Vocabulary) -> np.ndarray:
    """Each code's position in ``vocabulary``, :data:`_NO_LEVEL` when missing or unknown."""
    found, uniques = table_codes.cell_codes(column)
    lookup = [vocabulary.position(code) if code in vocabulary else _NO_LEVEL for code in uniques]
    return np.array([*lookup, _NO_LEVEL], dtype=np.int64)[found]


def _masks(column: pd.Series, vocabulary: Vocabulary) -> np.ndarray:
    """The bit mask of each ``;``-joined list, computed once per distinct list."""
    return _mask_lookup(*table_codes.cell_codes(column), vocabulary)


def _masks_at(column: pd.Series, rows: np.ndarray, vocabulary: Vocabulary) -> np.ndarray:
    """:func:`_masks` of ``column``'s cells at ``rows``."""
    return _mask_lookup(*_codes_at(column, rows), vocabulary)


def _mask_lookup(codes: np.ndarray, texts: pd.Index, vocabulary: Vocabulary) -> np.ndarray:
    lookup = [0 if text == NONE_WORD else vocabulary.mask(_split(text)) for text in texts]
    # A missing cell (code -1) picks the trailing 0: nothing listed.
    return np.array([*lookup, 0], dtype=np.int64)[codes]


def _split(text: str) -> list[str]:
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


def _full_mask(vocabulary: Vocabulary) -> int:
    return vocabulary.mask(vocabulary)


def _joined(masks: np.ndarray, vocabulary: Vocabulary) -> pd.api.extensions.ExtensionArray:
    """Each bit mask as its codes ``;``-joined in vocabulary order, computed once per mask.

    Masks are small (a few bits): the distinct ones are found by counting, not by a sort.
    """
    present = np.flatnonzero(np.bincount(masks, minlength=1))
    position = np.zeros(int(present[-1]) + 1 if len(present) else 1, dtype=np.intp)
    position[present] = np.arange(len(present))
    texts = [LIST_SEPARATOR.join(vocabulary.unmask(int(mask))) for mask in present]
    return _texts(texts, position[masks])


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
