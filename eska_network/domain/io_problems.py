"""Problems with an input data set: where and what, collected while reading and checking it.

Part of :mod:`eska_network.domain.io` (reading, checking and writing the interchange format).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from eska_network.domain import schema
from eska_network.i18n import Said, say

FILE_NAMES = tuple(spec.name for spec in schema.FILES)
_QUOTED_LENGTH = 33
"""A quoted cell longer than this is cut short in a problem message; an id fits whole."""


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


def quoted(cell: str) -> str:
    """A cell as a problem message quotes it, cut short if long.

    >>> quoted("legal"), quoted("x" * 50)
    ("'legal'", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'")
    """
    return f"'{cell}'" if len(cell) <= _QUOTED_LENGTH else f"'{cell[: _QUOTED_LENGTH - 3]}...'"


class Findings:
    """The problems found so far; a column with more than ``limit`` is summed up, not listed."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
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
        room = max(min(self._limit - already, len(rows)), 0)
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
                say("validation.more_problems", count=count - self._limit),
            )
            for (file, column), count in self._per_column.items()
            if count > self._limit
        ]
        ordered = sorted(
            [(_report_order(p), 0, i, p) for i, p in enumerate(self._listed)]
            + [(_report_order(p), 1, i, p) for i, p in enumerate(unlisted)],
            key=lambda item: (item[0][0], item[1], *item[0][1:], item[2]),
        )
        return [problem for *_, problem in ordered]


def _report_order(problem: Problem) -> tuple[int, int, int]:
    file = FILE_NAMES.index(problem.file) if problem.file in FILE_NAMES else -1
    names = schema.FILES[file].column_names if file >= 0 else ()
    column = names.index(problem.column) if problem.column in names else len(names)
    return (file, problem.row or 0, column)
