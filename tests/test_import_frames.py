"""The import's frames of a data set read from CSV (ids and codes kept as integer codes) hold the
same values, row by row, as those of the same data set held as texts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from eska_network.domain import synth, table_codes
from eska_network.store import frames
from eska_network.store.import_compare import _pair, member_columns, tie_columns


def _values(frame: pd.DataFrame) -> dict[str, list[object]]:
    return {name: list(column) for name, column in frames.chunk_values(frame).items()}


def test_coded_and_text_frames_hold_the_same_values(sample_dataset):
    assert any(isinstance(dtype, pd.CategoricalDtype) for dtype in sample_dataset.ties.dtypes)
    text = table_codes.decoded_dataset(sample_dataset)
    for make, table in ((tie_columns, "ties"), (member_columns, "members")):
        coded_problems: list = []
        text_problems: list = []
        coded = make(getattr(sample_dataset, table), coded_problems)
        plain = make(getattr(text, table), text_problems)
        assert coded_problems == text_problems == []
        assert list(coded.columns) == list(plain.columns)
        assert _values(coded) == _values(plain)


def test_the_pair_of_coded_ends_is_the_lower_and_the_higher_id():
    dataset = synth.generate(30, districts=2, seed=8)
    ties = dataset.ties.astype({"source": "category", "target": "category"})
    low, high = _pair(ties["source"], ties["target"])
    source, target = ties["source"].astype(str), ties["target"].astype(str)
    assert (source > target).any() and (source < target).any()
    assert np.array_equal(low.astype(str), np.minimum(source, target))
    assert np.array_equal(high.astype(str), np.maximum(source, target))
