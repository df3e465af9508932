"""Reading, validating and writing a data set: the folder of CSV files of the interchange format."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute
import pyarrow.csv

from eska_network.domain import codes, csvsafe, schema
from eska_network.domain.model import Dataset, column_dtype
from eska_network.domain.schema import LIST_SEPARATOR, Column, FileSpec
from eska_network.i18n import Joined, Said, say

Source = str | os.PathLike | bytes | Mapping[str, bytes]
"""What :func:`read_dataset` reads: a folder, a zip file or its bytes, or ``{file name: bytes}``."""

MAX_LISTED_PER_COLUMN = 1000
"""Problems in one column of one file listed one by one; any more are counted in one line."""

MAX_UNPACKED_VARIABLE = "ESKA_MAX_UNPACKED_MB"
DEFAULT_MAX_UNPACKED_MB = 200
"""Largest total size of the data files inside a zip, unless ``ESKA_MAX_UNPACKED_MB`` says."""
MAX_ZIP_RATIO = 100
"""Unpacked size over packed size above which a zip is refused: CSV data sets pack 5 to 20 times
(repetitive ones about 20), while zip bombs pack hundreds of times."""
_RATIO_FROM_BYTES = 2**20
"""A zip unpacking to less than this is too small to be a bomb, whatever its ratio."""

_FILE_NAMES = tuple(spec.name for spec in schema.FILES)
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_THREADS_FROM_BYTES = 2**20
"""Files smaller than this are parsed on one thread: starting threads costs more than it saves."""
_QUOTED_LENGTH = 33
"""A quoted cell longer than this is cut short in a problem message; an id fits whole."""
_KEY_SEPARATOR = "\x00"
"""Joins the parts of a compound key; a file holding NUL is refused before keys are built."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, placed as a spreadsheet shows it (header = row 1).

    Examples
    --------
    >>> str(Problem("ties.csv", 14, "strength", "7 is out of range 0 to 5"))
    'ties.csv, row 14, column strength: 7 is out of range 0 to 5'
    >>> str(Problem("members.csv", None, None, "required file is missing"))
    'members.csv: required file is missing'
    """

    file: str
    row: int | None
    column: str | None
    message: str
    said: Said | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, file: str, row: int | None, column: str | None, said: Said) -> Problem:
        """A problem the product says in the catalogue's words (``message`` in English).

        >>> Problem.of("ties.csv", 14, "strength", say("validation.required")).text("id")
        'ties.csv, baris 14, kolom strength: wajib diisi'
        """
        return cls(file, row, column, said("en"), said)

    def words(self, lang: str = "en") -> str:
        """What is wrong, in ``lang`` (as written when the product did not write it)."""
        return self.said(lang) if self.said is not None else self.message

    def text(self, lang: str = "en") -> str:
        """Where and what, in ``lang``."""
        place = [self.file]
        if self.row is not None:
            place.append(say("validation.place.row", row=self.row)(lang))
        if self.column is not None:
            place.append(say("validation.place.column", column=self.column)(lang))
        return f"{', '.join(place)}: {self.words(lang)}"

    def __str__(self) -> str:
        return self.text("en")


class DatasetError(Exception):
    """The input is not a valid data set; ``problems`` lists everything found wrong with it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self, lang: str = "en") -> str:
        """Every problem, one a line, by file and then by row, in ``lang``."""
        return "\n".join(problem.text(lang) for problem in self.problems)


def read_dataset(source: Source) -> Dataset:
    """Read and validate a data set: all of it, or a :class:`DatasetError` listing every problem.

    Parameters
    ----------
    source
        A folder holding the CSV files; a ``.zip`` file (path or bytes) holding them at its root or
        in one folder; or a mapping ``{file name: bytes}`` such as the files of an upload (a
        mapping of one ``.zip`` file is unpacked).

    Returns
    -------
    Dataset
        Six tables following the conventions of :mod:`eska_network.domain.model`; ``resources``,
        ``assessments`` and ``actions`` are empty when their file is absent.

    Raises
    ------
    DatasetError
        When anything is wrong; nothing is returned then.

    Examples
    --------
    >>> files = {
    ...     "children.csv": b"child_id,district,age,needs\\nA1,Bandung,15, legal ; housing\\n",
    ...     "members.csv": b"child_id,member_id,label,level\\nA1,mum,Mother,family\\n",
    ...     "ties.csv": b"child_id,source,target,strength,valence,assessed_on\\n"
    ...     b"A1,child,mum,7,supportive,2025-01-10\\n",
    ... }
    >>> read_dataset(files)
    Traceback (most recent call last):
    ...
    eska_network.domain.io.DatasetError: ties.csv, row 2, column strength: 7 is out of range 0 to 5
    >>> files["ties.csv"] = files["ties.csv"].replace(b",7,", b",4,")
    >>> dataset = read_dataset(files)
    >>> dataset.children.loc[0, "needs"]
    'housing;legal'
    >>> summary(dataset)
    '1 child in 1 district, 1 member, 1 tie row (rows dated 2025-01-10), 0 resources'
    """
    findings = _Findings()
    files = _source_files(source, findings)
    raw: dict[str, pd.DataFrame] = {}
    if not findings:
        for spec in schema.FILES:
            if spec.name in files:
                frame = _parse_csv(spec.name, files[spec.name], findings)
                if frame is not None:
                    raw[spec.name] = frame
            elif spec.required:
                findings.add(spec.name, say("validation.file_missing"))
    tables = {_field(spec): _check_file(spec, raw[spec.name], findings) for spec in _present(raw)}
    _check_references(raw, findings)
    if findings:
        raise DatasetError(findings.problems())
    return Dataset(**tables)


def summary(dataset: Dataset) -> str:
    """One line saying how much the data set holds.

    Examples
    --------
    >>> summary(Dataset())
    '0 children in 0 districts, 0 members, 0 tie rows, 0 resources'
    """
    ties = _count(len(dataset.ties), "tie row", "tie rows")
    dates = dataset.ties["assessed_on"].dropna()
    if not dates.empty:
        first, last = (f"{date:%Y-%m-%d}" for date in (dates.min(), dates.max()))
        ties += f" (rows dated {first})" if first == last else f" (rows dated {first} to {last})"
    parts = [
        _count(len(dataset.children), "child", "children")
        + " in "
        + _count(dataset.children["district"].nunique(), "district", "districts"),
        _count(len(dataset.members), "member", "members"),
        ties,
        _count(len(dataset.resources), "resource", "resources"),
    ]
    if len(dataset.assessments):
        parts.append(_count(len(dataset.assessments), "assessment row", "assessment rows"))
    if len(dataset.actions):
        parts.append(_count(len(dataset.actions), "action", "actions"))
    return ", ".join(parts)


def max_unpacked_bytes(environ: Mapping[str, str] | None = None) -> int:
    """The largest unpacked size of a zip: ``ESKA_MAX_UNPACKED_MB`` megabytes, or 200.

    >>> max_unpacked_bytes({}) // 2**20, max_unpacked_bytes({"ESKA_MAX_UNPACKED_MB": "50"}) // 2**20
    (200, 50)
    """
    text = (os.environ if environ is None else environ).get(MAX_UNPACKED_VARIABLE, "").strip()
    if not text:
        return DEFAULT_MAX_UNPACKED_MB * 2**20
    if not text.isdigit() or int(text) < 1:
        raise ValueError(
            f"{MAX_UNPACKED_VARIABLE} must be a whole number of megabytes, not {text!r}"
        )
    return int(text) * 2**20


def write_dataset(dataset: Dataset, folder: str | os.PathLike) -> Path:
    """Write the six CSV files into ``folder`` (created if needed), all or none of them.

    Every text cell a spreadsheet would run as a formula is written with a leading ``'``, which
    :func:`read_dataset` removes again. The files are written to a temporary folder beside
    ``folder`` and moved in place only when all are complete, so a failure while writing leaves
    ``folder`` as it was. A new or empty ``folder`` is replaced by the temporary one in a single
    rename; in a folder holding other files, those are left alone and the files are renamed into
    it one by one.

    Returns
    -------
    Path
        ``folder``, so that ``read_dataset(write_dataset(dataset, folder))`` reads it back.
    """
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".partial", dir=folder.parent)
    )
    try:
        for spec in schema.FILES:
            text = _csv_text(dataset, spec)
            (staging / spec.name).write_text(text, encoding="utf-8", newline="")
        if folder.is_dir() and any(folder.iterdir()):
            for spec in schema.FILES:
                os.replace(staging / spec.name, folder / spec.name)
        else:
            # Renaming a folder onto a missing or empty one is atomic: all files or none.
            os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def write_dataset_zip(dataset: Dataset) -> bytes:
    """The CSV files of :func:`write_dataset` as a zip archive, for a download button.

    Examples
    --------
    >>> import zipfile
    >>> zipfile.ZipFile(io.BytesIO(write_dataset_zip(Dataset()))).namelist()
    ['children.csv', 'members.csv', 'ties.csv', 'resources.csv', 'assessments.csv', 'actions.csv']
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for spec in schema.FILES:
            # A fixed timestamp makes the same data set give the same bytes.
            entry = zipfile.ZipInfo(spec.name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, _csv_text(dataset, spec).encode("utf-8"))
    return buffer.getvalue()


# Writing


def _csv_text(dataset: Dataset, spec: FileSpec) -> str:
    """One file's CSV text; a text cell a spreadsheet would run is escaped (see csvsafe)."""
    table = dataset.table(spec)
    extra = [name for name in table.columns if name not in spec.column_names]
    table = csvsafe.escape_table(table.reindex(columns=[*spec.column_names, *extra]))
    return table.to_csv(index=False, na_rep="", date_format="%Y-%m-%d", lineterminator="\n")


def _quoted(cell: str) -> str:
    """A cell as a problem message quotes it, cut short if long.

    >>> _quoted("legal"), _quoted("x" * 50)
    ("'legal'", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'")
    """
    return f"'{cell}'" if len(cell) <= _QUOTED_LENGTH else f"'{cell[: _QUOTED_LENGTH - 3]}...'"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


# Collecting problems


class _Findings:
    """The problems found so far; a column with very many is summed up rather than listed."""

    def __init__(self) -> None:
        self._listed: list[Problem] = []
        self._per_column: dict[tuple[str, str | None], int] = {}

    def __bool__(self) -> bool:
        return bool(self._listed)

    def add(
        self, file: str, message: Said, row: int | None = None, column: str | None = None
    ) -> None:
        self._listed.append(Problem.of(file, row, column, message))

    def rows(
        self, file: str, column: str | None, rows: pd.Index, messages: Said | Iterable[Said]
    ) -> None:
        """One problem per row in ``rows``; ``messages`` is one message or one per row."""
        key = (file, column)
        already = self._per_column.get(key, 0)
        self._per_column[key] = already + len(rows)
        room = max(min(MAX_LISTED_PER_COLUMN - already, len(rows)), 0)
        texts = itertools.repeat(messages) if isinstance(messages, Said) else iter(messages)
        for row, message in zip(rows[:room], itertools.islice(texts, room), strict=True):
            self._listed.append(Problem.of(file, int(row), column, message))

    def problems(self) -> list[Problem]:
        """Every problem by file (in format order), then by row and column."""
        unlisted = [
            Problem.of(
                file,
                None,
                column,
                say("validation.more_problems", count=count - MAX_LISTED_PER_COLUMN),
            )
            for (file, column), count in self._per_column.items()
            if count > MAX_LISTED_PER_COLUMN
        ]
        ordered = sorted(
            [(_report_order(p), 0, i, p) for i, p in enumerate(self._listed)]
            + [(_report_order(p), 1, i, p) for i, p in enumerate(unlisted)],
            key=lambda item: (item[0][0], item[1], *item[0][1:], item[2]),
        )
        return [problem for *_, problem in ordered]


def _report_order(problem: Problem) -> tuple[int, int, int]:
    file = _FILE_NAMES.index(problem.file) if problem.file in _FILE_NAMES else -1
    names = schema.FILES[file].column_names if file >= 0 else ()
    column = names.index(problem.column) if problem.column in names else len(names)
    return (file, problem.row or 0, column)


# Finding the files


def _source_files(source: Source, findings: _Findings) -> dict[str, bytes]:
    if isinstance(source, Mapping):
        files = {PurePosixPath(name).name: bytes(data) for name, data in source.items()}
        if len(files) == 1:
            ((name, data),) = files.items()
            if name.lower().endswith(".zip"):
                return _zip_files(name, data, findings)
        return files
    if isinstance(source, bytes | bytearray | memoryview):
        return _zip_files("zip file", bytes(source), findings)
    path = Path(source)
    if path.is_dir():
        return {name: (path / name).read_bytes() for name in _FILE_NAMES if (path / name).is_file()}
    if path.is_file():
        return _zip_files(path.name, path.read_bytes(), findings)
    findings.add(str(path), say("validation.no_source"))
    return {}


def _zip_files(label: str, data: bytes, findings: _Findings) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        findings.add(label, say("validation.not_zip"))
        return {}
    with archive:
        entries = [
            entry
            for entry in archive.infolist()
            if not entry.is_dir()
            and not entry.filename.startswith("__MACOSX/")
            and PurePosixPath(entry.filename).name in _FILE_NAMES
        ]
        folders = sorted({str(PurePosixPath(entry.filename).parent) for entry in entries})
        if len(folders) > 1:
            top = say("validation.zip_top_level")
            names = [top if folder == "." else folder for folder in folders]
            findings.add(label, say("validation.zip_folders", names=Joined(tuple(names))))
            return {}
        refusal = _bomb_refusal(entries)
        if refusal:
            findings.add(label, refusal)
            return {}
        try:
            return {PurePosixPath(entry.filename).name: archive.read(entry) for entry in entries}
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error) as error:
            findings.add(label, say("validation.zip_broken", error=str(error)))
            return {}


def _bomb_refusal(entries: list[zipfile.ZipInfo]) -> Said | None:
    """Why a zip is refused before anything is unpacked (its declared sizes), or None.

    The sizes a zip declares are what unpacking gives at most: Python's reader stops at the
    declared size and refuses an entry whose data does not match it.
    """
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    limit = max_unpacked_bytes()
    if unpacked > limit:
        return say(
            "validation.zip_too_big",
            size=f"{unpacked / 2**20:,.0f}",
            limit=limit // 2**20,
            variable=MAX_UNPACKED_VARIABLE,
        )
    if unpacked >= _RATIO_FROM_BYTES and unpacked > MAX_ZIP_RATIO * max(packed, 1):
        return say(
            "validation.zip_bomb",
            size=f"{unpacked / 2**20:,.0f}",
            packed=f"{packed / 2**20:,.1f}",
            ratio=f"{unpacked / max(packed, 1):,.0f}",
            most=MAX_ZIP_RATIO,
        )
    return None


# Reading one file into a table of stripped strings, indexed by spreadsheet row number


def _parse_csv(name: str, data: bytes, findings: _Findings) -> pd.DataFrame | None:
    data = data.removeprefix(codecs.BOM_UTF8)
    problem = _not_csv_text(data)
    if problem is not None:
        findings.add(name, *problem)
        return None
    if not data.strip():
        findings.add(name, say("validation.empty_file"))
        return None
    if not data.endswith((b"\n", b"\r")):
        data += b"\n"
    try:
        header = next(csv.reader(io.TextIOWrapper(io.BytesIO(data), "utf-8", newline="")))
        frame = _parse_rows(name, data, len(header), findings)
    except (csv.Error, pa.ArrowInvalid) as error:
        findings.add(name, say("validation.not_csv", error=str(error)))
        return None
    # A cell the product wrote escaped for spreadsheets (csvsafe) is read back as it was.
    frame = frame.apply(lambda cells: csvsafe.unescape_column(cells.str.strip()))
    header = [csvsafe.unescape_cell(cell.strip()) for cell in header]
    return _named_columns(name, frame, header, findings)


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


def _parse_rows(name: str, data: bytes, width: int, findings: _Findings) -> pd.DataFrame:
    """The data rows as strings, indexed by row number; rows of the wrong length are reported."""
    table, skipped = _arrow_rows(data, width, threads=len(data) > _THREADS_FROM_BYTES)
    if any(number is None for number, _, _ in skipped):
        # Only a parse on one thread knows the number of each row it skips.
        table, skipped = _arrow_rows(data, width, threads=False)
    kept = np.ones(table.num_rows + len(skipped) + 1, dtype=bool)
    kept[[0, *(number for number, _, _ in skipped)]] = False
    numbers = np.flatnonzero(kept)
    wrong = [(number, cells) for number, cells, text in skipped if text.strip(" ,\t\r\n")]
    findings.rows(
        name,
        None,
        pd.Index([number for number, _ in wrong]),
        (say("validation.cells", cells=cells, width=width) for _, cells in wrong),
    )
    frame = table.slice(1).to_pandas()
    frame.index = numbers[1:]
    frame.columns = range(width)
    return frame


def _arrow_rows(
    data: bytes, width: int, threads: bool
) -> tuple[pa.Table, list[tuple[int | None, int, str]]]:
    """Every row (header included) as strings, and the rows skipped for their length."""
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
            column_types=dict.fromkeys(names, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    if table.num_columns != width:
        raise pa.ArrowInvalid("its first row cannot be read as a header")
    return table, skipped


def _named_columns(
    name: str, frame: pd.DataFrame, header: list[str], findings: _Findings
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
    return frame[(frame != "").any(axis=1)]


# Checking one file and converting it to the model's conventions


def _check_file(spec: FileSpec, frame: pd.DataFrame, findings: _Findings) -> pd.DataFrame | None:
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
            table[name] = frame[name].where(frame[name] != "")
    return table.reset_index(drop=True)


def _absent(column: Column, index: pd.Index) -> pd.Series:
    """An optional column the file does not have: every cell missing."""
    if column.kind == "codes" and not column.none_word:
        return pd.Series("", index=index, dtype="str")
    return pd.Series(
        pd.NA if column.kind == "int" else None, index=index, dtype=column_dtype(column)
    )


def _check_column(file: str, column: Column, cells: pd.Series, findings: _Findings) -> pd.Series:
    """The column converted to its model type, after reporting every cell that is wrong."""
    empty = cells == ""
    if column.required:
        findings.rows(file, column.name, cells.index[empty], say("validation.required"))
    if column.kind == "text":
        return cells.where(~empty)
    if column.kind == "id":
        bad = ~empty & ~cells.str.match(schema.ID_PATTERN)
        messages = (say("validation.bad_id", cell=_quoted(cell)) for cell in cells[bad])
        findings.rows(file, column.name, cells.index[bad], messages)
        return cells.where(~empty)
    parse = _PARSERS[column.kind](column)
    positions, distinct = pd.factorize(cells)
    results = [parse(cell) for cell in distinct]
    messages = np.array([message for _, message in results], dtype=object)[positions]
    bad = pd.notna(messages)
    findings.rows(file, column.name, cells.index[bad], messages[bad])
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
    return pd.Series(np.array(values, dtype=object)[positions], index=index, dtype="str")


def _int_parser(column: Column) -> Callable[[str], tuple[int | None, Said | None]]:
    def parse(cell: str) -> tuple[int | None, Said | None]:
        if cell == "":
            return None, None
        if not _WHOLE_NUMBER.fullmatch(cell):
            return None, say("validation.not_whole", cell=_quoted(cell))
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
            if _ISO_DATE.fullmatch(cell):
                return dt.date.fromisoformat(cell), None
        except ValueError:
            pass
        return None, say("validation.bad_date", cell=_quoted(cell))

    return parse


def _code_parser(column: Column) -> Callable[[str], tuple[str | None, Said | None]]:
    expected = ", ".join(column.vocabulary.codes)

    def parse(cell: str) -> tuple[str | None, Said | None]:
        if cell == "" or cell in column.vocabulary:
            return cell or None, None
        return None, say("validation.unknown_code", cell=_quoted(cell), expected=expected)

    return parse


def _codes_parser(column: Column) -> Callable[[str], tuple[str | None, Said | None]]:
    expected = ", ".join(column.vocabulary.codes)

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
        unknown = [item for item in dict.fromkeys(items) if item not in column.vocabulary]
        if unknown:
            listed = ", ".join(_quoted(item) for item in unknown)
            which = "unknown_codes" if len(unknown) > 1 else "unknown_code_in_list"
            return "", say(f"validation.{which}", cells=listed, expected=expected)
        return LIST_SEPARATOR.join(column.vocabulary.sort(items)), None

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
    spec: FileSpec, frame: pd.DataFrame, typed: dict[str, pd.Series], findings: _Findings
) -> None:
    """Report every row whose key (see each file's rules) an earlier row already has."""
    if not set(spec.key) <= set(frame.columns):
        return
    if spec is schema.TIES:
        _check_duplicate_ties(frame, typed["assessed_on"], findings)
        return
    cells = frame[list(spec.key)]
    cells = cells[(cells != "").all(axis=1)]
    rows, firsts = _repeats(cells)
    column = spec.key[-1]
    if spec in (schema.MEMBERS, schema.ACTIONS):
        messages = (
            say(
                "validation.duplicate_for_child",
                column=column,
                value=_quoted(value),
                child=_quoted(child),
                first=first,
            )
            for child, value, first in zip(
                cells.loc[rows, "child_id"], cells.loc[rows, column], firsts, strict=True
            )
        )
    elif spec is schema.ASSESSMENTS:
        messages = (
            say("validation.second_assessment", child=_quoted(child), day=day, first=first)
            for child, day, first in zip(
                cells.loc[rows, "child_id"], cells.loc[rows, column], firsts, strict=True
            )
        )
    else:
        messages = (
            say("validation.duplicate", column=column, value=_quoted(value), first=first)
            for value, first in zip(cells.loc[rows, column], firsts, strict=True)
        )
    findings.rows(spec.name, column, rows, messages)


def _check_duplicate_ties(frame: pd.DataFrame, dates: pd.Series, findings: _Findings) -> None:
    usable = (frame[["child_id", "source", "target"]] != "").all(axis=1) & dates.notna()
    cells = frame[usable]
    # Ties are undirected, so (a, b) and (b, a) share one key: the ends as numbers, low first.
    ends, _ = pd.factorize(pd.concat([cells["source"], cells["target"]], ignore_index=True))
    source, target = ends[: len(cells)], ends[len(cells) :]
    keys = pd.DataFrame(
        {
            "child": pd.factorize(cells["child_id"])[0],
            "low": np.minimum(source, target),
            "high": np.maximum(source, target),
            "date": dates[usable].to_numpy(),
        },
        index=cells.index,
    )
    rows, firsts = _repeats(keys)
    messages = (
        say(
            "validation.second_tie_row",
            a=_quoted(a),
            b=_quoted(b),
            child=_quoted(child),
            day=date,
            first=first,
        )
        for child, a, b, date, first in zip(
            cells.loc[rows, "child_id"],
            *np.sort(cells.loc[rows, ["source", "target"]].to_numpy(), axis=1).T,
            cells.loc[rows, "assessed_on"],
            firsts,
            strict=True,
        )
    )
    findings.rows(schema.TIES.name, "assessed_on", rows, messages)


def _joined(*parts: pd.Series) -> pd.Series:
    key = parts[0]
    for part in parts[1:]:
        key = key + _KEY_SEPARATOR + part
    return key


def _repeats(keys: pd.DataFrame) -> tuple[pd.Index, np.ndarray]:
    """The rows whose key an earlier row has, and for each the row where the key came first."""
    repeated = keys.duplicated(keep="first")
    if not repeated.any():
        return keys.index[:0], np.array([], dtype=int)
    group = keys.groupby(list(keys.columns), sort=False).ngroup()
    first = pd.Series(keys.index, index=keys.index).groupby(group).transform("first")
    return keys.index[repeated], first[repeated].to_numpy()


# Checking the references between files


def _check_references(raw: dict[str, pd.DataFrame], findings: _Findings) -> None:
    """Members and ties must name a child that exists; tie ends and resources must exist too."""
    children = _keys(raw, schema.CHILDREN, "child_id")
    members = _keys(raw, schema.MEMBERS, "child_id", "member_id")
    resources = _keys(raw, schema.RESOURCES, "resource_id")
    member_rows = raw.get(schema.MEMBERS.name)
    if member_rows is not None:
        _check_member_references(member_rows, children, resources, findings)
    tie_rows = raw.get(schema.TIES.name)
    if tie_rows is not None:
        _check_tie_references(tie_rows, children, members, findings)
    assessment_rows = raw.get(schema.ASSESSMENTS.name)
    if assessment_rows is not None and "child_id" in assessment_rows:
        _check_known(
            schema.ASSESSMENTS.name,
            assessment_rows,
            "child_id",
            children,
            "validation.no_child",
            findings,
        )
    action_rows = raw.get(schema.ACTIONS.name)
    if action_rows is not None:
        _check_action_references(action_rows, raw, children, resources, findings)


def _keys(raw: dict[str, pd.DataFrame], spec: FileSpec, *names: str) -> pa.Array | None:
    """The keys present in one file, or None when the file or a key column is unusable."""
    frame = raw.get(spec.name)
    if frame is None or not set(names) <= set(frame.columns):
        return None
    return pa.compute.unique(pa.array(_joined(*(frame[name] for name in names))))


def _is_in(cells: pd.Series, known: pa.Array) -> pd.Series:
    # pandas' isin walks a large value set in Python; arrow's hashes it natively.
    found = pa.compute.is_in(pa.array(cells), value_set=known)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=cells.index)


def _check_member_references(
    frame: pd.DataFrame, children: pa.Array | None, resources: pa.Array | None, findings: _Findings
) -> None:
    file = schema.MEMBERS.name
    if "member_id" in frame:
        reserved = frame.index[frame["member_id"] == codes.CHILD_NODE]
        findings.rows(file, "member_id", reserved, say("validation.child_reserved"))
    if "child_id" in frame:
        _check_known(file, frame, "child_id", children, "validation.no_child", findings)
    if "resource_id" in frame:
        _check_known(file, frame, "resource_id", resources, "validation.no_resource", findings)


def _check_tie_references(
    frame: pd.DataFrame, children: pa.Array | None, members: pa.Array | None, findings: _Findings
) -> None:
    file = schema.TIES.name
    if "child_id" not in frame:
        return
    known_child = _check_known(file, frame, "child_id", children, "validation.no_child", findings)
    if {"source", "target"} <= set(frame.columns):
        source, target = frame["source"], frame["target"]
        same = frame.index[(source != "") & (source == target)]
        messages = (say("validation.same_ends", cell=_quoted(cell)) for cell in source[same])
        findings.rows(file, "target", same, messages)
        at_child = frame.index[target == codes.CHILD_NODE]
        findings.rows(file, "target", at_child, say("validation.child_as_target"))
    for end in ("source", "target"):
        if members is None or end not in frame:
            continue
        ends = frame[end]
        checked = known_child & (ends != "") & (ends != codes.CHILD_NODE)
        key = _joined(frame["child_id"], ends)
        bad = frame.index[checked & ~_is_in(key, members)]
        messages = (
            say("validation.not_a_member", member=_quoted(member), child=_quoted(child))
            for child, member in zip(frame.loc[bad, "child_id"], ends[bad], strict=True)
        )
        findings.rows(file, end, bad, messages)


def _check_action_references(
    frame: pd.DataFrame,
    raw: dict[str, pd.DataFrame],
    children: pa.Array | None,
    resources: pa.Array | None,
    findings: _Findings,
) -> None:
    """An action names a known child; a referral a service of the child's district, as broker.

    Dates: a status cannot change before the action was agreed.
    """
    file = schema.ACTIONS.name
    if "child_id" in frame:
        _check_known(file, frame, "child_id", children, "validation.no_child", findings)
    if "resource_id" in frame:
        _check_known(file, frame, "resource_id", resources, "validation.no_resource", findings)
    if "gap" in frame:
        from eska_network.domain.gap_kinds import KIND_CODES

        kinds = frame["gap"].str.split(":", n=1).str[0]
        bad = frame.index[(frame["gap"] != "") & ~kinds.isin(list(KIND_CODES))]
        expected = ", ".join(KIND_CODES)
        messages = (
            say("validation.unknown_gap", cell=_quoted(cell), expected=expected)
            for cell in frame.loc[bad, "gap"]
        )
        findings.rows(file, "gap", bad, messages)
    if "status" not in frame:
        return
    referral = frame["status"].isin(list(codes.REFERRAL_STATUSES))
    service = frame["resource_id"] if "resource_id" in frame else pd.Series("", frame.index)
    missing = frame.index[referral & (service == "")]
    findings.rows(file, "resource_id", missing, say("validation.referral_service"))
    if "worker_role" in frame:
        not_broker = frame.index[referral & ~frame["worker_role"].isin(["", "broker"])]
        findings.rows(file, "worker_role", not_broker, say("validation.referral_broker"))
    _check_referral_districts(frame, raw, referral & (service != ""), findings)
    if {"created_on", "status_on"} <= set(frame.columns):
        created, changed = frame["created_on"], frame["status_on"]
        dated = (created != "") & (changed != "")
        early = dated & (changed < created) & changed.str.fullmatch(_ISO_DATE.pattern)
        messages = (
            say("validation.status_before_agreed", day=day, start=start)
            for day, start in zip(changed[early], created[early], strict=True)
        )
        findings.rows(file, "status_on", frame.index[early], messages)


def _check_referral_districts(
    frame: pd.DataFrame, raw: dict[str, pd.DataFrame], referral: pd.Series, findings: _Findings
) -> None:
    """A referral goes to a service of the child's own district."""
    children, services = raw.get(schema.CHILDREN.name), raw.get(schema.RESOURCES.name)
    if children is None or services is None or "child_id" not in frame:
        return
    if not {"child_id", "district"} <= set(children) or not {"resource_id", "district"} <= set(
        services
    ):
        return
    home = dict(zip(children["child_id"], children["district"], strict=True))
    where = dict(zip(services["resource_id"], services["district"], strict=True))
    rows = frame[referral]
    wrong = [
        (row, child, service)
        for row, child, service in zip(
            rows.index, rows["child_id"], rows["resource_id"], strict=True
        )
        if child in home and service in where and home[child] != where[service]
    ]
    findings.rows(
        schema.ACTIONS.name,
        "resource_id",
        pd.Index([row for row, _, _ in wrong]),
        (
            say(
                "validation.other_district",
                cell=_quoted(service),
                where=where[service],
                home=home[child],
            )
            for _, child, service in wrong
        ),
    )


def _check_known(
    file: str,
    frame: pd.DataFrame,
    column: str,
    known: pa.Array | None,
    message: str,
    findings: _Findings,
) -> pd.Series:
    """Report the cells of ``column`` not in ``known``; True for the rows that are fine."""
    cells = frame[column]
    if known is None:
        return cells != ""
    found = _is_in(cells, known)
    bad = frame.index[(cells != "") & ~found]
    findings.rows(file, column, bad, (say(message, cell=_quoted(cell)) for cell in cells[bad]))
    return found


def _present(raw: dict[str, pd.DataFrame]) -> list[FileSpec]:
    return [spec for spec in schema.FILES if spec.name in raw]


def _field(spec: FileSpec) -> str:
    return spec.name.removesuffix(".csv")
