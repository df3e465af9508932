"""Reading one CSV file into a table of stripped strings, indexed by spreadsheet row number.

Each column is read as integer codes (a pandas Categorical): each distinct cell is held, stripped
and unescaped once, so the checks that follow work on the distinct cells too.

Part of :mod:`eska_network.domain.io`.
"""

from __future__ import annotations

import codecs
import csv
import io

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv

from eska_network.domain import csvsafe, table_codes
from eska_network.domain.io_problems import Findings
from eska_network.i18n import Said, say

_THREADS_FROM_BYTES = 2**20
"""Files smaller than this are parsed on one thread: starting threads costs more than it saves."""


def parse_csv(name: str, data: bytes, findings: Findings) -> pd.DataFrame | None:
    data = data.removeprefix(codecs.BOM_UTF8)
    problem = _not_csv_text(data)
    if problem is not None:
        findings.add(name, *problem)
        return None
    if not data or data.isspace():  # not data.strip(): that copies the whole file
        findings.add(name, say("validation.empty_file"))
        return None
    if not data.endswith((b"\n", b"\r")):
        data += b"\n"
    try:
        header = next(csv.reader(io.TextIOWrapper(io.BytesIO(data), "utf-8", newline="")))
        parsed = [_parse_rows(name, data, len(header), findings)]
    except (csv.Error, pa.ArrowInvalid) as error:
        findings.add(name, say("validation.not_csv", error=str(error)))
        return None
    # A national ties.csv is gigabytes: its bytes go before its table is converted, and each
    # column of the table goes as soon as it is (``parsed`` holds the one reference to it).
    del data
    frame = _frame(parsed)
    header = [csvsafe.unescape_cell(cell.strip()) for cell in header]
    return _named_columns(name, frame, header, findings)


def _cleaned(cells: pd.Series) -> pd.Series:
    """The cells stripped of spaces and unescaped, done once per distinct cell.

    A cell the product wrote escaped for spreadsheets (csvsafe) is read back as it was.
    """
    distinct = pd.Series(cells.cat.categories, dtype="str")
    texts = csvsafe.unescape_column(distinct.str.strip())
    return table_codes.coded(texts.to_numpy(), cells.cat.codes.to_numpy())


def _not_csv_text(data: bytes) -> tuple[Said, int | None] | None:
    """What makes ``data`` unreadable as UTF-8 CSV text (message and row), or None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return say("validation.utf16"), None
    if data.startswith(b"PK\x03\x04"):
        return say("validation.workbook"), None
    if b"\x00" in data:
        return say("validation.binary"), None
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            row = data.count(b"\n", 0, error.start) + 1
            return say("validation.not_utf8"), row
    if data.count(b'"') % 2:
        return say("validation.odd_quotes"), None
    return None


def _parse_rows(
    name: str, data: bytes, width: int, findings: Findings
) -> tuple[pa.Table, np.ndarray]:
    """Every row as coded strings, and each row's number; rows of the wrong length are reported."""
    table, skipped = _arrow_rows(data, width, threads=len(data) > _THREADS_FROM_BYTES)
    if any(number is None for number, _, _ in skipped):
        # Only a parse on one thread knows the number of each row it skips.
        table, skipped = _arrow_rows(data, width, threads=False)
    kept = np.ones(table.num_rows + len(skipped) + 1, dtype=bool)
    kept[[0, *(number for number, _, _ in skipped if number is not None)]] = False
    numbers = np.flatnonzero(kept)
    wrong = [(number, cells) for number, cells, text in skipped if text.strip(" ,\t\r\n")]
    findings.rows(
        name,
        None,
        pd.Index([number for number, _ in wrong]),
        (say("validation.cells", cells=cells, width=width) for _, cells in wrong),
    )
    return table, numbers


def _frame(parsed: list[tuple[pa.Table, np.ndarray]]) -> pd.DataFrame:
    """The data rows (the header row left out) as a table of cleaned coded columns, indexed by row
    number; the one table in ``parsed`` is taken from it and let go column by column."""
    table, numbers = parsed.pop()
    columns = {}
    for i in range(table.num_columns):
        cells = table.column(0).slice(1).to_pandas()
        table = table.remove_column(0)
        columns[i] = _cleaned(cells)
    frame = pd.DataFrame(columns)
    frame.index = numbers[1:]
    # Arrow's allocator keeps freed blocks for reuse; the next file is read with pandas and numpy.
    pa.default_memory_pool().release_unused()
    return frame


def _arrow_rows(
    data: bytes, width: int, threads: bool
) -> tuple[pa.Table, list[tuple[int | None, int, str]]]:
    """Every row (header included) as coded strings, and the rows skipped for their length."""
    skipped = []

    def skip(row: pyarrow.csv.InvalidRow) -> str:
        skipped.append((row.number, row.actual_columns, row.text))
        return "skip"

    names = [f"f{i}" for i in range(width)]
    table = pyarrow.csv.read_csv(
        io.BytesIO(data),
        read_options=pyarrow.csv.ReadOptions(autogenerate_column_names=True, use_threads=threads),
        parse_options=pyarrow.csv.ParseOptions(
            newlines_in_values=True,
            # Empty lines are kept as (blank) rows so that row numbers stay a spreadsheet's.
            ignore_empty_lines=False,
            invalid_row_handler=skip,
        ),
        convert_options=pyarrow.csv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.dictionary(pa.int32(), pa.string())),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    if table.num_columns != width:
        raise pa.ArrowInvalid("its first row cannot be read as a header")
    return table, skipped


def _named_columns(
    name: str, frame: pd.DataFrame, header: list[str], findings: Findings
) -> pd.DataFrame | None:
    """The frame with its header's names; blank rows and unnamed blank columns dropped."""
    unnamed = [i for i, column in enumerate(header) if column == ""]
    for i in unnamed:
        if (frame[i] != "").any():
            findings.add(name, say("validation.unnamed_column", number=i + 1), row=1)
    frame = frame.drop(columns=unnamed)
    header = [column for column in header if column != ""]
    repeated = sorted({column for column in header if header.count(column) > 1})
    for column in repeated:
        findings.add(name, say("validation.repeated_column"), 1, column)
    if repeated:
        return None
    frame.columns = header
    filled = (frame != "").any(axis=1)
    # Copied only when there are blank rows to drop: a national ties.csv is gigabytes of codes.
    return frame if filled.all() else frame[filled]
