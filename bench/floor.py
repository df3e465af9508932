"""The floor: read the tie rows and group them by child, with pyarrow or pandas and nothing else.

No gap engine can summarise every child faster than the machine can read the same rows and make
one pass over them per child, so these two functions are the yardstick from below.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
from pyarrow import csv


def floor_from_disk(folder: Path) -> pa.Table:
    """Read every column of ``ties.csv`` with pyarrow and group the rows by child.

    Returns
    -------
    pyarrow.Table
        One row per child: ``child_id``, ``strength_count``, ``strength_max``.
    """
    ties = csv.read_csv(Path(folder) / "ties.csv")
    return ties.group_by("child_id").aggregate([("strength", "count"), ("strength", "max")])


FOUR_FILES = {
    "children.csv": "district",
    "members.csv": "child_id",
    "ties.csv": "child_id",
    "resources.csv": "district",
}
"""The four files of the format's first version, and the column each is grouped by."""


def floor_four_files(folder: Path) -> list[pa.Table]:
    """Read the four files of :data:`FOUR_FILES` with pyarrow and group each once (row count).

    The floor of ``report``: no program can read and summarise the data set with less work than
    reading its files and making one pass over each.
    """
    return [
        csv.read_csv(Path(folder) / name).group_by(key).aggregate([(key, "count")])
        for name, key in FOUR_FILES.items()
    ]


def floor_in_memory(ties: pd.DataFrame) -> pd.DataFrame:
    """Group tie rows already in memory by child: the count and the highest strength."""
    return ties.groupby("child_id", sort=False)["strength"].agg(["count", "max"])
