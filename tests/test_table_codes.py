"""Ids and codes held as integer codes (issue 15): the reader keeps them so, and every helper that
compares or decodes them gives what the texts would."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from eska_network.domain import io, schema, table_codes
from eska_network.domain.io_checks import _combined

from .conftest import SAMPLE_DATA

TEXTS = st.lists(st.one_of(st.none(), st.text(max_size=4)), min_size=1, max_size=8)


def test_the_reader_keeps_ids_and_codes_as_sorted_codes_and_text_as_str():
    dataset = io.read_dataset(SAMPLE_DATA)
    for spec in schema.FILES:
        table = dataset.table(spec)
        for column in spec.columns:
            cells = table[column.name]
            if column.kind in ("id", "code", "codes"):
                assert table_codes.is_coded(cells), (spec.name, column.name)
                categories = cells.cat.categories.tolist()
                assert categories == sorted(categories), (spec.name, column.name)
            elif column.kind == "text":
                assert cells.dtype == "str", (spec.name, column.name)
    decoded = table_codes.decoded_dataset(dataset)
    assert not any(
        table_codes.is_coded(decoded.table(spec)[name])
        for spec in schema.FILES
        for name in decoded.table(spec).columns
    )
    assert decoded.ties["child_id"].tolist() == dataset.ties["child_id"].tolist()


@given(TEXTS, st.lists(st.integers(min_value=0, max_value=7), max_size=20))
def test_coded_cells_decode_to_their_texts(values, picks):
    positions = np.array([pick % len(values) for pick in picks], dtype=np.int64)
    column = table_codes.coded(values, positions)
    expected = [values[p] for p in positions]
    assert [None if pd.isna(cell) else cell for cell in table_codes.as_text(column)] == expected


@given(TEXTS, TEXTS)
def test_shared_codes_are_equal_exactly_where_the_texts_are(left, right):
    a = table_codes.coded(left, np.arange(len(left)))
    b = pd.Series(right, dtype="str")
    (codes_a, codes_b), texts = table_codes.shared_codes(a, b)
    for i, x in enumerate(left):
        assert (codes_a[i] == -1) == (x is None)
        for j, y in enumerate(right):
            if x is not None and y is not None:
                assert (codes_a[i] == codes_b[j]) == (x == y)
    assert [texts[c] for c in codes_a if c >= 0] == [x for x in left if x is not None]


def test_combined_keys_are_renumbered_before_they_overflow():
    big = 2**40
    first = np.array([0, big - 1, 0, big - 1])
    second = np.array([5, 5, 5, 6])
    key = _combined((first, big), (second, big), (np.array([1, 1, 1, 1]), 3))
    assert key[0] == key[2] and len(set(key.tolist())) == 3
