"""Reading one CSV file into a table of stripped strings, indexed by spreadsheet row number.

Each column is read as integer codes (a pandas Categorical): each distinct cell is held, stripped
and unescaped once, so the checks that follow work on the distinct cells too.

Part of :mod:`eska_network.domain.io`.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv

from eska_network.domain import csvsafe, table_codes
from eska_network.domain.io_problems import Findings
from eska_network.i18n import Said, say

_THREADS_FROM_BYTES = 2**20
"""Files smaller than this are parsed on one thread: starting threads costs more than it saves."""


def parse_csv(name: str, data: bytes | Path, findings: Findings) -> pd.DataFrame | None:
    """The file's rows as a table of cleaned coded columns, or None after reporting why not.

    ``data`` is the file's bytes, or the path of a file in a folder: a national ties.csv is
    gigabytes, so a file on disk is checked block by block and parsed from the path, never held
    whole in memory.
    """
    problem, blank, ended = _text_check(_blocks(data))
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


_BLOCK_BYTES = 64 * 2**20
"""The size of the blocks a file on disk is checked in."""


def _blocks(data: bytes | Path) -> Iterator[bytes]:
    """The file's bytes without a UTF-8 byte order mark, in blocks that each end with a line end
    (the last wherever the file ends), so that a character is never split between two blocks."""
    if isinstance(data, bytes):
        yield data.removeprefix(codecs.BOM_UTF8)
        return
    with open(data, "rb") as file:
        carry = file.read(_BLOCK_BYTES).removeprefix(codecs.BOM_UTF8)
        while True:
            more = file.read(_BLOCK_BYTES)
            if not more:
                break
            block = carry + more
            cut = block.rfind(b"\n") + 1
            if cut:
                yield block[:cut]
            carry = block[cut:]
        yield carry


def _text_check(blocks: Iterator[bytes]) -> tuple[tuple[Said, int | None] | None, bool, bool]:
    """What makes the text unreadable as UTF-8 CSV (message and row, or None), whether it is all
    blank, and whether it ends with a line end.

    The checks run in this order, as if on the whole file: a UTF-16 or zip start, a NUL byte
    anywhere, the first byte that is not UTF-8, an odd number of quotes.
    """
    lines = quotes = 0
    not_utf8: int | None = None
    blank, first, last = True, True, b""
    for block in blocks:
        if first and block.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return (say("validation.utf16"), None), False, False
        if first and block.startswith(b"PK\x03\x04"):
            return (say("validation.workbook"), None), False, False
        first = first and not block
        if b"\x00" in block:
            return (say("validation.binary"), None), False, False
        if not_utf8 is None and not block.isascii():
            try:
                block.decode("utf-8")
            except UnicodeDecodeError as error:
                not_utf8 = lines + block.count(b"\n", 0, error.start) + 1
        lines += block.count(b"\n")
        quotes += block.count(b'"')
        blank = blank and (not block or block.isspace())
        last = block[-1:] or last
    if not_utf8 is not None:
        return (say("validation.not_utf8"), not_utf8), False, False
    if quotes % 2:
        return (say("validation.odd_quotes"), None), False, False
    return None, blank, last in (b"\n", b"\r")


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


def _cleaned(cells: pd.Series) -> pd.Series:
    """The cells stripped of spaces and unescaped, done once per distinct cell.

    A cell the product wrote escaped for spreadsheets (csvsafe) is read back as it was.
    """
    distinct = pd.Series(cells.cat.categories, dtype="str")
    texts = csvsafe.unescape_column(distinct.str.strip())
    return table_codes.coded(texts.array, cells.cat.codes.to_numpy())


def _parse_rows(
    name: str, data: bytes | Path, ended: bool, width: int, findings: Findings
) -> tuple[pa.Table, np.ndarray]:
    """Every row as coded strings, and each row's number; rows of the wrong length are reported."""
    size = len(data) if isinstance(data, bytes) else data.stat().st_size
    table, skipped = _arrow_rows(data, ended, width, threads=size > _THREADS_FROM_BYTES)
    if any(number is None for number, _, _ in skipped):
        # Only a parse on one thread knows the number of each row it skips.
        table, skipped = _arrow_rows(data, ended, width, threads=False)
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
    data: bytes | Path, ended: bool, width: int, threads: bool
) -> tuple[pa.Table, list[tuple[int | None, int, str]]]:
    """Every row (header included) as coded strings, and the rows skipped for their length."""
    skipped = []

    def skip(row: pyarrow.csv.InvalidRow) -> str:
        skipped.append((row.number, row.actual_columns, row.text))
        return "skip"

    names = [f"f{i}" for i in range(width)]
    source = _csv_input(data, ended)
    try:
        table = pyarrow.csv.read_csv(
            source,
            read_options=pyarrow.csv.ReadOptions(
                autogenerate_column_names=True, use_threads=threads
            ),
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
