"""A corpus of bad data sets, made reproducibly from the sample data by seeded edits.

Each case changes a few cells of the sample's files: a cell replaced by a wrong value of another
kind (a bad number, date, code, list of codes, id, a formula-escaped cell, spaces around a value,
an empty required cell), a row repeated, a row cut short or made too long, a reference to
something that does not exist. ``tests/test_io_corpus.py`` checks that reading each case gives
exactly the problem messages recorded in ``tests/data/io_corpus_messages.json``, which were made
with the reading code before it was rewritten to check distinct values (issue 15).
"""

from __future__ import annotations

import random
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
CASES = 60
VALUES = [
    "",
    " ",
    "7",
    "-1",
    "3.5",
    "abc",
    "2025-13-01",
    "2025-02-30",
    "01/02/2025",
    "unknown_code",
    "legal;nonsense",
    "none;legal",
    " legal ; housing ",
    "'=SUM(A1)",
    "''@x",
    "BAD ID!",
    "NOPE-999",
    "mother",
    "child",
    "x" * 60,
    "2024-01-01",
    "supportive",
    "family",
    "0",
    "5",
]


def _files() -> dict[str, list[str]]:
    return {
        path.name: path.read_text(encoding="utf-8").splitlines()
        for path in sorted(SAMPLE.glob("*.csv"))
    }


def case(number: int) -> dict[str, bytes]:
    """The files of case ``number`` (0 to CASES - 1): the sample with a few seeded edits."""
    rng = random.Random(number)
    files = _files()
    for _ in range(rng.randint(1, 4)):
        name = rng.choice(sorted(files))
        lines = files[name]
        if len(lines) < 2:
            continue
        row = rng.randrange(1, len(lines))
        edit = rng.random()
        if edit < 0.7:
            cells = lines[row].split(",")
            cells[rng.randrange(len(cells))] = rng.choice(VALUES)
            lines[row] = ",".join(cells)
        elif edit < 0.8:
            lines.insert(row, lines[row])
        elif edit < 0.9:
            lines[row] = lines[row].rsplit(",", 1)[0] if rng.random() < 0.5 else lines[row] + ",x"
        else:
            header = lines[0].split(",")
            column = rng.randrange(len(header))
            header[column] = rng.choice(["", header[(column + 1) % len(header)], " extra "])
            lines[0] = ",".join(header)
    return {name: ("\n".join(lines) + "\n").encode("utf-8") for name, lines in files.items()}


def messages(read_dataset, dataset_error, number: int) -> list[str]:
    """Every problem of case ``number`` in English then Indonesian ([] when it reads cleanly)."""
    try:
        read_dataset(case(number))
    except dataset_error as error:
        return [problem.text(lang) for lang in ("en", "id") for problem in error.problems]
    return []
