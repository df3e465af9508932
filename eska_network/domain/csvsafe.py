"""CSV files that a spreadsheet opens as text, never as a formula, and read back unchanged.

A cell whose text starts with ``= + - @``, a tab or a carriage return, after any number of
single quotes, is written with one more single quote in front; reading removes one quote from a
cell that starts with quotes and then such a character. So ``=SUM(A1)`` is written ``'=SUM(A1)``
and ``'=x`` (a quote the user typed) is written ``''=x``: export -> import -> export gives the
same files.
"""

from __future__ import annotations

import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets."""
ESCAPED_PATTERN = r"^'*[=+\-@\t\r]"
"""A cell :func:`escape_cell` escapes (Python's and pyarrow's regular expressions read it alike)."""
_ESCAPED = re.compile(ESCAPED_PATTERN)
_ESCAPE_MARK = re.compile(r"^'(?='*[=+\-@\t\r])")


def escape_cell(value: object) -> object:
    """A cell made safe for a spreadsheet: text starting like a formula gets a leading quote.

    Only text is changed; numbers (including negative ones) are data, not formulas.

    Examples
    --------
    >>> escape_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> escape_cell("-1+1"), escape_cell(-1), escape_cell("plain"), escape_cell("'@x")
    ("'-1+1", -1, 'plain', "''@x")
    """
    if isinstance(value, str) and _ESCAPED.match(value):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    """The text :func:`escape_cell` was given (other text is returned as it is).

    >>> [unescape_cell(escape_cell(t)) for t in ("=1+1", "'=x", "it's", "'quoted'")]
    ['=1+1', "'=x", "it's", "'quoted'"]
    """
    return _ESCAPE_MARK.sub("", text)


def unescape_column(cells: pd.Series) -> pd.Series:
    """:func:`unescape_cell` over a column of strings, at pandas speed.

    Only a cell starting with a quote can change: those few are found in one vectorised pass (the
    pattern's look-ahead would make pandas run it cell by cell in Python over the whole column).

    >>> unescape_column(pd.Series(["'=1", "a", "''@x", "it's"], dtype="str")).tolist()
    ['=1', 'a', "'@x", "it's"]
    """
    quoted = cells.str.startswith("'").fillna(False).to_numpy(dtype=bool)
    if not quoted.any():
        return cells
    result = cells.copy()
    result[quoted] = [unescape_cell(cell) for cell in cells[quoted]]
    return result


def escape_table(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell and column name escaped by :func:`escape_cell`."""
    safe = table.rename(columns=lambda name: escape_cell(str(name)))
    return safe.apply(lambda column: column.map(escape_cell) if _holds_text(column) else column)


def to_safe_csv(table: pd.DataFrame, *, index: bool = False, lineterminator: str = "\r\n") -> str:
    """The table as CSV text with every text cell and column name escaped by :func:`escape_cell`.

    Lines end in CRLF (RFC 4180), so that a cell holding a carriage return is quoted too.

    Examples
    --------
    >>> to_safe_csv(pd.DataFrame({"label": ["@SUM(A1)", "ok"], "n": [-2, 3]})).splitlines()
    ['label,n', "'@SUM(A1),-2", 'ok,3']
    """
    return escape_table(table).to_csv(index=index, lineterminator=lineterminator)


def _holds_text(column: pd.Series) -> bool:
    # A column read from CSV holds its texts as categories (escaped once per distinct text).
    if isinstance(column.dtype, pd.CategoricalDtype):
        return _holds_text(pd.Series(column.cat.categories))
    return column.dtype == object or pd.api.types.is_string_dtype(column.dtype)
