"""CSV exports that a spreadsheet never runs as a formula."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.domain.csvsafe import FORMULA_STARTS, escape_cell, to_safe_csv


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_each_formula_start_is_escaped(start):
    assert escape_cell(f"{start}SUM(A1)") == f"'{start}SUM(A1)"


@pytest.mark.parametrize("value", ["plain", "", "a=b", 3, -3, 2.5, None])
def test_other_cells_are_unchanged(value):
    assert escape_cell(value) == value


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_no_cell_of_an_export_starts_like_a_formula_and_nothing_else_changes(cells):
    table = pd.DataFrame({"label": cells, "count": range(len(cells))})
    rows = list(csv.reader(io.StringIO(to_safe_csv(table), newline="")))
    labels = [row[0] for row in rows[1:]]
    assert not any(label.startswith(FORMULA_STARTS) for label in labels)
    assert labels == [escape_cell(cell) for cell in cells]


def test_column_names_are_escaped_too():
    assert to_safe_csv(pd.DataFrame({"=cmd": ["x"]})).splitlines()[0] == "'=cmd"
