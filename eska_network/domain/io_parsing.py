"""Reading one CSV file into a table of stripped strings, indexed by spreadsheet row number.

Each column is read as integer codes (a pandas Categorical): each distinct cell is held, stripped
and unescaped once, so the checks that follow work on the distinct cells too.

Part of :mod:`eska_network.domain.io`.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv

from eska_network.domain import csvsafe
from eska_network.domain.io_problems import Findings
from eska_network.domain.io_text import check_text
from eska_network.i18n import say


def parse_csv(name: str, data: bytes | Path, findings: Findings) -> pd.DataFrame | None:
    """The file's rows as a table of cleaned coded columns, or None after reporting why not.

    ``data`` is the file's bytes, or the path of a file in a folder: a national ties.csv is
    gigabytes, so a file on disk is checked block by block and parsed from the path, never held
    whole in memory.
    """
    problem, blank, ended = check_text(data)
    if problem is not None:
        findings.add(name, *problem)
        return None
    if blank:
        findings.add(name, say("validation.empty_file"))
        return None
    if isinstance(data, bytes):
        data = data.removeprefix(codecs.BOM_UTF8)
        if not ended:
            data += b"\n"
    try:
        with _text_lines(data) as lines:
            header = next(csv.reader(lines))
        parsed = [_parse_rows(name, data, ended, len(header), findings)]
    except (csv.Error, pa.ArrowInvalid) as error:
        findings.add(name, say("validation.not_csv", error=str(error)))
        return None
    # The bytes go before the table is converted, and each column of the table goes as soon as it
    # is (``parsed`` holds the one reference to it).
    del data
    frame = _frame(parsed)
    header = [csvsafe.unescape_cell(cell.strip()) for cell in header]
    return _named_columns(name, frame, header, findings)


def _text_lines(data: bytes | Path) -> IO[str]:
    """The file as text (for its header row)."""
    if isinstance(data, bytes):
        return io.TextIOWrapper(io.BytesIO(data), "utf-8", newline="")
    return open(data, encoding="utf-8-sig", newline="")


class _LineEnded(io.RawIOBase):
    """A file read as if it ended with a line end, as the bytes of a file given in memory are."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 (closed with this stream)
        self._tail = b"\n"

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._file.readinto(buffer)
        if count:
            return count
        tail, self._tail = self._tail, b""
        buffer[: len(tail)] = tail
        return len(tail)

    def close(self) -> None:
        self._file.close()
        super().close()


def _csv_input(data: bytes | Path, ended: bool) -> Any:
    """What pyarrow reads: the bytes, the file's path, or the file with a line end added."""
    if isinstance(data, bytes):
        return io.BytesIO(data)
    # Buffered: pyarrow takes a short read for a block of its own, and a last line split from
    # its line end is not read as ended.
    return str(data) if ended else io.BufferedReader(_LineEnded(data))


def _cleaned(cells: pa.ChunkedArray) -> pd.Series:
    """The cells (dictionary-encoded strings) stripped of spaces and unescaped, as sorted integer
    codes; done once per distinct cell, in pyarrow.

    A cell the product wrote escaped for spreadsheets (csvsafe) is read back as it was.
    """
    # pyarrow gives each block of rows a dictionary of its own: all of them are cleaned together,
    # and each block's codes are looked up in one pass into the column's codes.
    chunks = [chunk for chunk in cells.chunks if len(chunk)]
    dictionaries = pa.chunked_array([chunk.dictionary for chunk in chunks], type=pa.string())
    stripped = pc.utf8_trim_whitespace(dictionaries.combine_chunks())
    texts = csvsafe.unescape_column(pd.Series(pd.array(stripped, dtype="str")))
    code_of_text, distinct = pd.factorize(texts.array, sort=True)
    code_of_text = code_of_text.astype(np.int32)
    codes = np.empty(len(cells), dtype=np.int32)
    row = first_text = 0
    for chunk in chunks:
        texts_here = code_of_text[first_text : first_text + len(chunk.dictionary)]
        indices = chunk.indices.to_numpy(zero_copy_only=False)
        np.take(texts_here, indices, out=codes[row : row + len(chunk)])
        row, first_text = row + len(chunk), first_text + len(chunk.dictionary)
    categories = pd.Index(distinct, dtype="str")
    return pd.Series(pd.Categorical.from_codes(codes, categories=categories, validate=False))


def _parse_rows(
    name: str, data: bytes | Path, ended: bool, width: int, findings: Findings
) -> tuple[pa.Table, np.ndarray]:
    """Every row as coded strings, and each row's number; rows of the wrong length are reported."""
    table, skipped = _arrow_rows(data, ended, width)
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
        cells = table.column(0).slice(1)
        table = table.remove_column(0)
        columns[i] = _cleaned(cells)
    frame = pd.DataFrame(columns)
    frame.index = numbers[1:]
    # Arrow's allocator keeps freed blocks for reuse; the next file is read with pandas and numpy.
    pa.default_memory_pool().release_unused()
    return frame


_PARSE_BLOCK_BYTES = 4 * 2**20
"""The blocks pyarrow parses (1 MB by default): fewer blocks, fewer dictionaries to merge."""


def _arrow_rows(
    data: bytes | Path, ended: bool, width: int
) -> tuple[pa.Table, list[tuple[int | None, int, str]]]:
    """Every row (header included) as coded strings, and the rows skipped for their length.

    On one thread: only then does pyarrow number every row it skips, and threads cost more CPU
    than they save here (each block's dictionaries are merged after; measured at 100,000
    children, 0.6 s of CPU on one thread against 0.8 to 1.4 s on two, in about the same time).
    """
    skipped = []

    def skip(row: pyarrow.csv.InvalidRow) -> str:
        skipped.append((row.number, row.actual_columns, row.text))
        return "skip"

    names = [f"f{i}" for i in range(width)]
    source = _csv_input(data, ended)
    try:
        table = pyarrow.csv.read_csv(
            source,
            read_options=pyarrow.csv.ReadOptions(autogenerate_column_names=True, use_threads=False),
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
    finally:
        if isinstance(source, io.IOBase):
            source.close()
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
