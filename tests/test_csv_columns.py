"""The report written a column at a time is, byte for byte, what pandas' to_csv writes of the
spreadsheet-escaped table."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.domain import csvsafe
from eska_network.domain.csv_columns import ROWS_PER_WRITE, write_safe_csv

CELLS = st.text(
    alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "\n", ",", '"', "a", " ", "é"])
)
MAYBE_CELLS = st.one_of(st.none(), CELLS)
NUMBERS = st.integers(min_value=-(2**62), max_value=2**62)
TERMINATORS = st.sampled_from(["\n", "\r\n"])


def _by_pandas(table: pd.DataFrame, terminator: str) -> str:
    return csvsafe.escape_table(table).to_csv(index=False, lineterminator=terminator)


def _by_columns(table: pd.DataFrame, terminator: str) -> str:
    out = io.StringIO()
    write_safe_csv(table, out, terminator)
    return out.getvalue()


@st.composite
def tables(draw) -> pd.DataFrame:
    rows = draw(st.integers(min_value=0, max_value=8))
    kinds = draw(
        st.lists(
            st.sampled_from(["str", "object", "category", "int", "Int64", "bool", "boolean"]),
            max_size=4,
        )
    )
    columns = {}
    for i, kind in enumerate(kinds):
        name = draw(CELLS) + str(i)  # names unique, escaped and quoted like cells
        if kind in ("str", "object", "category"):
            cells = draw(st.lists(MAYBE_CELLS, min_size=rows, max_size=rows))
            columns[name] = pd.Series(cells, dtype=kind)
        elif kind == "int":
            columns[name] = pd.Series(draw(st.lists(NUMBERS, min_size=rows, max_size=rows)))
        elif kind == "Int64":
            values = draw(st.lists(st.one_of(st.none(), NUMBERS), min_size=rows, max_size=rows))
            columns[name] = pd.Series(values, dtype="Int64")
        elif kind == "bool":
            values = draw(st.lists(st.booleans(), min_size=rows, max_size=rows))
            columns[name] = pd.Series(values, dtype=bool)
        else:
            values = draw(
                st.lists(st.one_of(st.none(), st.booleans()), min_size=rows, max_size=rows)
            )
            columns[name] = pd.Series(values, dtype="boolean")
    return pd.DataFrame(columns, index=range(rows))


@settings(max_examples=300)
@given(tables(), TERMINATORS)
def test_the_columns_write_what_pandas_writes(table, terminator):
    assert _by_columns(table, terminator) == _by_pandas(table, terminator)


def test_a_row_of_one_empty_cell_is_quoted_as_pandas_does():
    table = pd.DataFrame({"a": ["", None, "x"]})
    assert _by_columns(table, "\n") == _by_pandas(table, "\n") == 'a\n""\n""\nx\n'


def test_tables_longer_than_one_write_are_written_whole():
    rows = ROWS_PER_WRITE + 3
    table = pd.DataFrame({"id": [f"=c{i}" for i in range(rows)], "n": np.arange(rows)})
    assert _by_columns(table, "\n") == _by_pandas(table, "\n")


def test_a_column_of_another_type_is_refused_not_written_differently():
    with pytest.raises(TypeError, match="'share'"):
        _by_columns(pd.DataFrame({"share": [0.5]}), "\n")
    with pytest.raises(TypeError, match="'mixed'"):
        _by_columns(pd.DataFrame({"mixed": ["-1", -1]}), "\n")
