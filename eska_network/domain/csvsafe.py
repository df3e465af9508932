"""CSV exports that a spreadsheet opens as text, never as a formula."""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets."""


def escape_cell(value: object) -> object:
    """A cell made safe for a spreadsheet: text starting like a formula gets a leading quote.

    Only text is changed; numbers (including negative ones) are data, not formulas.

    Examples
    --------
    >>> escape_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> escape_cell("-1+1"), escape_cell(-1), escape_cell("plain")
    ("'-1+1", -1, 'plain')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_safe_csv(table: pd.DataFrame, *, index: bool = False) -> str:
    """The table as CSV text with every text cell and column name escaped by :func:`escape_cell`.

    Lines end in CRLF (RFC 4180), so that a cell holding a carriage return is quoted too.

    Examples
    --------
    >>> to_safe_csv(pd.DataFrame({"label": ["@SUM(A1)", "ok"], "n": [-2, 3]})).splitlines()
    ['label,n', "'@SUM(A1),-2", 'ok,3']
    """
    safe = table.rename(columns=lambda name: escape_cell(str(name)))
    safe = safe.apply(lambda column: column.map(escape_cell) if _holds_text(column) else column)
    return safe.to_csv(index=index, lineterminator="\r\n")


def _holds_text(column: pd.Series) -> bool:
    return column.dtype == object or pd.api.types.is_string_dtype(column.dtype)
