"""A table written as spreadsheet-safe CSV text a column at a time, in pyarrow.

It writes exactly the bytes of ``csvsafe.escape_table(table).to_csv(index=False)``: pandas formats
and escapes every cell in Python (a second per 100,000 rows of the report), this formats each
column once in C. Only the column types of the ``report`` table are written (text, integers,
booleans, missing cells in each); another type is refused rather than written differently.
"""

from __future__ import annotations

import re
from typing import TextIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from eska_network.domain import csvsafe

ROWS_PER_WRITE = 65_536
"""Rows formatted and written at a time: a national report is hundreds of megabytes of text."""


def write_safe_csv(table: pd.DataFrame, stream: TextIO, lineterminator: str = "\r\n") -> None:
    """Write ``table`` (without its index) as CSV text to ``stream``, escaped for spreadsheets.

    Quoting is the csv module's minimal one, as pandas': a cell holding a comma, a double quote or
    a character of ``lineterminator`` is quoted, its quotes doubled; a missing cell is empty.

    Raises
    ------
    TypeError
        When a column holds something other than text, integers or booleans.

    Examples
    --------
    >>> import io
    >>> table = pd.DataFrame({"label": ["@SUM(A1)", 'say "hi", then', None], "n": [-2, 3, 4]})
    >>> out = io.StringIO()
    >>> write_safe_csv(table, out, "\\n")
    >>> out.getvalue() == csvsafe.escape_table(table).to_csv(index=False, lineterminator="\\n")
    True
    >>> out.getvalue().splitlines()
    ['label,n', "'@SUM(A1),-2", '"say ""hi"", then",3', ',4']
    """
    special = "[" + re.escape(',"' + lineterminator) + "]"
    header = [_escaped_cell(str(name), special) for name in table.columns]
    stream.write(_line(header) + lineterminator)
    columns = [_formatted(table[name], special) for name in table.columns]
    if len(columns) == 1:
        columns = [pc.if_else(pc.equal(columns[0], ""), _text(_LONE_EMPTY), columns[0])]
    for start in range(0, len(table), ROWS_PER_WRITE):
        if not columns:
            stream.write(lineterminator * len(table.index[start : start + ROWS_PER_WRITE]))
            continue
        block = [column.slice(start, ROWS_PER_WRITE) for column in columns]
        lines = pc.binary_join_element_wise(*block, _text(","))
        ended = pc.binary_join_element_wise(lines, _text(lineterminator), _text(""))
        stream.write(_joined(ended))


_LONE_EMPTY = '""'
"""How the csv module writes a row of one empty cell (a blank line would be no row at all)."""


def _text(text: str) -> pa.Scalar:
    """One text as pyarrow holds every column here (64-bit offsets: a column of a national report
    can pass 2 GB of text)."""
    return pa.scalar(text, pa.large_string())


def _joined(texts: pa.Array) -> str:
    """The texts one after the other, read from the array's one buffer of characters."""
    offsets = np.frombuffer(texts.buffers()[1], dtype=np.int64)
    first, last = offsets[texts.offset], offsets[texts.offset + len(texts)]
    return texts.buffers()[2][first:last].to_pybytes().decode("utf-8")


def _line(cells: list[str]) -> str:
    return _LONE_EMPTY if cells == [""] else ",".join(cells)


def _escaped_cell(text: str, special: str) -> str:
    """One text cell as written: escaped for spreadsheets, then quoted if it must be."""
    text = str(csvsafe.escape_cell(text))
    return '"' + text.replace('"', '""') + '"' if re.search(special, text) else text


def _formatted(column: pd.Series, special: str) -> pa.Array:
    """Every cell of the column as the text written for it (a missing cell empty)."""
    cells, is_text = _texts(column)
    if is_text:
        escaped = pc.match_substring_regex(cells, csvsafe.ESCAPED_PATTERN)
        if pc.any(escaped).as_py():
            cells = pc.if_else(
                escaped, pc.binary_join_element_wise(_text("'"), cells, _text("")), cells
            )
        quoted = pc.match_substring_regex(cells, special)
        if pc.any(quoted).as_py():
            doubled = pc.replace_substring(cells, '"', '""')
            cells = pc.if_else(
                quoted,
                pc.binary_join_element_wise(_text('"'), doubled, _text('"'), _text("")),
                cells,
            )
    return pc.fill_null(cells.cast(pa.large_string()), _text(""))


def _texts(column: pd.Series) -> tuple[pa.Array, bool]:
    """The column's cells as arrow strings (missing ones null) and whether they are text (the
    cells :func:`csvsafe.escape_table` escapes), numbers and booleans written as pandas does."""
    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        if len(dtype.categories) == 0:  # every cell missing (pandas types no category as float)
            return pa.nulls(len(column), pa.large_string()), False
        categories, is_text = _texts(pd.Series(dtype.categories))
        codes = column.cat.codes.to_numpy()
        return categories.take(pa.array(codes, mask=codes < 0)), is_text
    if dtype.kind == "b":  # numpy's and pandas' nullable booleans
        return pc.if_else(pa.array(column.array, type=pa.bool_()), "True", "False"), False
    if pd.api.types.is_integer_dtype(dtype):
        return pc.cast(pa.array(column.array, type=pa.int64()), pa.string()), False
    if isinstance(dtype, pd.StringDtype) or (
        dtype.kind == "O" and pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty")
    ):
        return pa.array(column, type=pa.large_string(), from_pandas=True), True
    raise TypeError(f"column {column.name!r} of type {dtype} is not written by write_safe_csv")
