"""Checking a data set's tables: each column's cells, duplicates, and references between files;
converting the checked columns to the model's conventions.

Part of :mod:`eska_network.domain.io`. Every cell is checked on the column's distinct values, and
ids and codes stay integer codes (:mod:`~eska_network.domain.table_codes`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from eska_network.domain import codes, schema, table_codes
from eska_network.domain.codes import Vocabulary
from eska_network.domain.io_problems import Findings, quoted
from eska_network.domain.model import column_dtype
from eska_network.domain.schema import LIST_SEPARATOR, Column, FileSpec
from eska_network.i18n import Said, say

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_file(spec: FileSpec, frame: pd.DataFrame, findings: Findings) -> pd.DataFrame | None:
    """The file as a model table, or None when a required column is missing."""
    missing = [column for column in spec.columns if column.name not in frame]
    for column in missing:
        if column.required:
            findings.add(
                spec.name, say("validation.column_missing", column=column.name), column=column.name
            )
    typed = {
        column.name: _check_column(spec.name, column, frame[column.name], findings)
        for column in spec.columns
        if column.name in frame
    }
    _check_duplicates(spec, frame, typed, findings)
    if any(column.required for column in missing):
        return None
    for column in missing:
        typed[column.name] = _absent(column, frame.index)
    table = pd.DataFrame({name: typed[name] for name in spec.column_names}, index=frame.index)
    for name in frame.columns:
        if name not in typed:
            table[name] = table_codes.as_text(frame[name]).where(frame[name] != "")
    return table.reset_index(drop=True)


def _absent(column: Column, index: pd.Index) -> pd.Series:
    """An optional column the file does not have: every cell missing."""
    if column.kind == "codes" and not column.none_word:
        return pd.Series("", index=index, dtype="str")
    return pd.Series(
        pd.NA if column.kind == "int" else None, index=index, dtype=column_dtype(column)
    )


def _check_column(file: str, column: Column, cells: pd.Series, findings: Findings) -> pd.Series:
    """The column converted to its model type, after reporting every cell that is wrong.

    ``cells`` holds integer codes (see :func:`~eska_network.domain.io_parsing.parse_csv`): each
    distinct cell is checked once, and its problem is reported at every row holding it.
    """
    empty = (cells == "").to_numpy(dtype=bool)
    if column.required:
        findings.rows(file, column.name, cells.index[empty], say("validation.required"))
    positions, distinct = table_codes.cell_codes(cells)
    if column.kind == "text":
        if table_codes.is_coded(cells):
            # Decoded once with the empty cell as missing: a copy less of millions of labels.
            return table_codes.as_text(table_codes.without_empty(cells))
        return table_codes.as_text(cells).where(~empty)
    if column.kind == "id":
        wrong = ~pd.Series(distinct, dtype="str").str.match(schema.ID_PATTERN).to_numpy(bool)
        bad = ~empty & wrong[positions]
        messages = (say("validation.bad_id", cell=quoted(cell)) for cell in cells[bad])
        findings.rows(file, column.name, cells.index[bad], messages)
        return table_codes.without_empty(cells)
    parse = _PARSERS[column.kind](column)
    results = [parse(cell) for cell in distinct]
    wrong = np.array([message is not None for _, message in results], dtype=bool)
    bad = wrong[positions] if len(results) else np.zeros(len(cells), dtype=bool)
    messages = (results[position][1] for position in positions[bad])
    findings.rows(file, column.name, cells.index[bad], messages)
    values = [value for value, _ in results]
    return _typed_column(column, values, positions, cells.index)


def _typed_column(
    column: Column, values: list, positions: np.ndarray, index: pd.Index
) -> pd.Series:
    """Cells rebuilt from their distinct values; values that failed to parse become missing."""
    if column.kind == "int":
        missing = np.array([value is None for value in values], dtype=bool)[positions]
        numbers = np.array([value or 0 for value in values], dtype="int64")[positions]
        if column.required:
            return pd.Series(numbers, index=index, dtype="int64")
        return pd.Series(pd.arrays.IntegerArray(numbers, missing), index=index)
    if column.kind == "date":
        dates = np.array(values, dtype="datetime64[s]")[positions] if values else []
        return pd.Series(dates, index=index, dtype="datetime64[s]")
    return table_codes.coded(values, positions).set_axis(index)


def _int_parser(column: Column) -> Callable[[str], tuple[int | None, Said | None]]:
    def parse(cell: str) -> tuple[int | None, Said | None]:
        if cell == "":
            return None, None
        if not _WHOLE_NUMBER.fullmatch(cell):
            return None, say("validation.not_whole", cell=quoted(cell))
        number = int(cell)
        low, high = column.minimum, column.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            return None, say("validation.out_of_range", number=number, low=low, high=high)
        return number, None

    return parse


def _date_parser(column: Column) -> Callable[[str], tuple[dt.date | None, Said | None]]:
    def parse(cell: str) -> tuple[dt.date | None, Said | None]:
        if cell == "":
            return None, None
        try:
            if ISO_DATE.fullmatch(cell):
                return dt.date.fromisoformat(cell), None
        except ValueError:
            pass
        return None, say("validation.bad_date", cell=quoted(cell))

    return parse


def _vocabulary(column: Column) -> Vocabulary:
    if column.vocabulary is None:
        raise ValueError(f"column {column.name} of kind {column.kind} has no vocabulary")
    return column.vocabulary


def _code_parser(column: Column) -> Callable[[str], tuple[str | None, Said | None]]:
    vocabulary = _vocabulary(column)
    expected = ", ".join(vocabulary.codes)

    def parse(cell: str) -> tuple[str | None, Said | None]:
        if cell == "" or cell in vocabulary:
            return cell or None, None
        return None, say("validation.unknown_code", cell=quoted(cell), expected=expected)

    return parse


def _codes_parser(column: Column) -> Callable[[str], tuple[str | None, Said | None]]:
    vocabulary = _vocabulary(column)
    expected = ", ".join(vocabulary.codes)

    def parse(cell: str) -> tuple[str | None, Said | None]:
        items = [item.strip() for item in cell.split(LIST_SEPARATOR)]
        items = [item for item in items if item]
        if column.required and cell and not items:
            return "", say("validation.required")
        if column.none_word:
            if not items:
                return None, None
            if codes.NONE_WORD in items:
                if set(items) != {codes.NONE_WORD}:
                    return None, say("validation.none_alone")
                return codes.NONE_WORD, None
        unknown = [item for item in dict.fromkeys(items) if item not in vocabulary]
        if unknown:
            listed = ", ".join(quoted(item) for item in unknown)
            which = "unknown_codes" if len(unknown) > 1 else "unknown_code_in_list"
            return "", say(f"validation.{which}", cells=listed, expected=expected)
        return LIST_SEPARATOR.join(vocabulary.sort(items)), None

    return parse


_PARSERS = {"int": _int_parser, "date": _date_parser, "code": _code_parser, "codes": _codes_parser}


def cell_problem(column: Column, cell: str) -> Said | None:
    """What is wrong with one non-empty cell of an int, date, code or codes column, or None.

    The forms of the app use it so that they refuse what an import refuses, in the same words.

    Examples
    --------
    >>> str(cell_problem(schema.TIES.column("strength"), "7"))
    '7 is out of range 0 to 5'
    >>> cell_problem(schema.TIES.column("needs_met"), "legal; housing") is None
    True
    """
    return _PARSERS[column.kind](column)(cell)[1]


def _check_duplicates(
    spec: FileSpec, frame: pd.DataFrame, typed: dict[str, pd.Series], findings: Findings
) -> None:
    """Report every row whose key (see each file's rules) an earlier row already has."""
    if not set(spec.key) <= set(frame.columns):
        return
    if spec is schema.TIES:
        _check_duplicate_ties(frame, typed["assessed_on"], findings)
        return
    cells = frame[list(spec.key)]
    cells = cells[(cells != "").all(axis=1)]
    codes = [table_codes.cell_codes(cells[name]) for name in spec.key]
    key = _combined(*((positions, len(distinct)) for positions, distinct in codes))
    rows, firsts = _repeats(key, cells.index)
    column = spec.key[-1]
    if spec in (schema.MEMBERS, schema.ACTIONS):
        messages = (
            say(
                "validation.duplicate_for_child",
                column=column,
                value=quoted(value),
                child=quoted(child),
                first=first,
            )
            for child, value, first in zip(
                cells.loc[rows, "child_id"], cells.loc[rows, column], firsts, strict=True
            )
        )
    elif spec is schema.ASSESSMENTS:
        messages = (
            say("validation.second_assessment", child=quoted(child), day=day, first=first)
            for child, day, first in zip(
                cells.loc[rows, "child_id"], cells.loc[rows, column], firsts, strict=True
            )
        )
    else:
        messages = (
            say("validation.duplicate", column=column, value=quoted(value), first=first)
            for value, first in zip(cells.loc[rows, column], firsts, strict=True)
        )
    findings.rows(spec.name, column, rows, messages)


def _check_duplicate_ties(frame: pd.DataFrame, dates: pd.Series, findings: Findings) -> None:
    named = ["child_id", "source", "target"]
    usable = ((frame[named] != "").all(axis=1) & dates.notna()).to_numpy(dtype=bool)
    # Ties are undirected, so (a, b) and (b, a) share one key: the ends as numbers, low first.
    # Every array here has one cell per row (21 million at national scale): made in place.
    (low, high), ends = table_codes.shared_codes(frame["source"], frame["target"])
    swapped = low > high
    low[swapped], high[swapped] = high[swapped], low[swapped]
    del swapped
    children, child_ids = table_codes.cell_codes(frame["child_id"])
    days, distinct_days = pd.factorize(dates)
    key = _combined(
        (children, len(child_ids)), (low, len(ends)), (high, len(ends)), (days, len(distinct_days))
    )
    del low, high, days
    index = frame.index
    if not usable.all():
        key, index = key[usable], index[usable]
    rows, firsts = _repeats(key, index)
    del key
    messages = (
        say(
            "validation.second_tie_row",
            a=quoted(a),
            b=quoted(b),
            child=quoted(child),
            day=date,
            first=first,
        )
        for child, a, b, date, first in zip(
            frame.loc[rows, "child_id"],
            *np.sort(frame.loc[rows, ["source", "target"]].to_numpy(), axis=1).T,
            frame.loc[rows, "assessed_on"],
            firsts,
            strict=True,
        )
    )
    findings.rows(schema.TIES.name, "assessed_on", rows, messages)


def _combined(*parts: tuple[np.ndarray, int]) -> np.ndarray:
    """One integer per row that is equal exactly where every part's code is (codes below bounds).

    A single int64 column is hashed in a fraction of the memory and time of several (a national
    ties.csv has tens of millions of rows); keys are made in place, and renumbered before they
    could overflow.

    >>> _combined((np.array([0, 1, 0]), 2), (np.array([5, 5, 5]), 9)).tolist()
    [5, 14, 5]
    """
    key = np.zeros(len(parts[0][0]), dtype=np.int64)
    size = 1
    for part, bound in parts:
        if size * bound >= 2**62:
            key, distinct = pd.factorize(key)
            size = len(distinct)
        key *= bound
        key += part
        size *= max(bound, 1)
    return key


def _repeats(key: np.ndarray, index: pd.Index) -> tuple[pd.Index, np.ndarray]:
    """The rows (of ``index``) whose key an earlier row has, and for each the row where the key
    came first.

    Whether any key repeats is found by sorting (a copy of the keys; hashing them would take
    several times that memory and time); the rows are found only when one does.
    """
    ordered = np.sort(key)
    repeats = bool((ordered[1:] == ordered[:-1]).any())
    del ordered
    if not repeats:
        return index[:0], np.array([], dtype=int)
    keys = pd.Series(key, index=index, copy=False)
    repeated = keys.duplicated(keep="first")
    first = pd.Series(index, index=index).groupby(keys.to_numpy(), sort=False).transform("first")
    return index[repeated.to_numpy()], first[repeated].to_numpy()


def present_files(raw: dict[str, pd.DataFrame]) -> list[FileSpec]:
    return [spec for spec in schema.FILES if spec.name in raw]


def table_field(spec: FileSpec) -> str:
    return spec.name.removesuffix(".csv")
