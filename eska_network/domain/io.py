"""Reading, validating and writing a data set: the folder of CSV files of the interchange format.

By concept: finding the files (:mod:`~eska_network.domain.io_sources`), parsing each CSV file
(:mod:`~eska_network.domain.io_parsing`), checking and converting its columns
(:mod:`~eska_network.domain.io_checks`), the references between files
(:mod:`~eska_network.domain.io_references`), the problems found
(:mod:`~eska_network.domain.io_problems`), and writing (:mod:`~eska_network.domain.io_writing`).
This module reads a data set with them and is the one to import.
"""

from __future__ import annotations

import pandas as pd

from eska_network.domain import schema
from eska_network.domain.freed_memory import release_freed_memory
from eska_network.domain.io_checks import (
    cell_problem,
    check_file,
    present_files,
    table_field,
)
from eska_network.domain.io_parsing import parse_csv
from eska_network.domain.io_problems import DatasetError, Findings, Problem
from eska_network.domain.io_references import REFERENCE_COLUMNS, check_references
from eska_network.domain.io_sources import (
    DEFAULT_MAX_UNPACKED_MB,
    MAX_UNPACKED_VARIABLE,
    MAX_ZIP_RATIO,
    Source,
    max_unpacked_bytes,
    source_files,
)
from eska_network.domain.io_writing import write_dataset, write_dataset_zip
from eska_network.domain.model import Dataset
from eska_network.i18n import say

__all__ = [
    "DEFAULT_MAX_UNPACKED_MB",
    "MAX_LISTED_PER_COLUMN",
    "MAX_UNPACKED_VARIABLE",
    "MAX_ZIP_RATIO",
    "DatasetError",
    "Problem",
    "Source",
    "cell_problem",
    "max_unpacked_bytes",
    "read_dataset",
    "summary",
    "write_dataset",
    "write_dataset_zip",
]

MAX_LISTED_PER_COLUMN = 1000
"""Problems in one column of one file listed one by one; any more are counted in one line."""


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
    >>> try:
    ...     read_dataset(files)
    ... except DatasetError as error:
    ...     print(error)
    ties.csv, row 2, column strength: 7 is out of range 0 to 5
    >>> files["ties.csv"] = files["ties.csv"].replace(b",7,", b",4,")
    >>> dataset = read_dataset(files)
    >>> dataset.children.loc[0, "needs"]
    'housing;legal'
    >>> summary(dataset)
    '1 child in 1 district, 1 member, 1 tie row (rows dated 2025-01-10), 0 resources'
    """
    findings = Findings(MAX_LISTED_PER_COLUMN)
    files = source_files(source, findings)
    raw: dict[str, pd.DataFrame] = {}
    if not findings:
        for spec in schema.FILES:
            if spec.name in files:
                frame = parse_csv(spec.name, files[spec.name], findings)
                if frame is not None:
                    raw[spec.name] = frame
            elif spec.required:
                findings.add(spec.name, say("validation.file_missing"))
    tables = {}
    for spec in present_files(raw):
        tables[table_field(spec)] = check_file(spec, raw[spec.name], findings)
        # Only the columns the references are checked on are kept for it: at national scale
        # every column of every file twice (as read and as checked) is gigabytes.
        kept = [name for name in REFERENCE_COLUMNS[spec.name] if name in raw[spec.name]]
        raw[spec.name] = raw[spec.name][kept]
        release_freed_memory()
    check_references(raw, findings)
    del raw
    release_freed_memory()
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


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
