"""The column form of unescaping gives, cell by cell, what the one-cell form gives."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from eska_network.domain import csvsafe

CELLS = st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "a", " ", "é"]))


@given(st.lists(CELLS, max_size=30))
def test_unescape_column_is_unescape_cell_on_every_cell(cells):
    column = pd.Series(cells, dtype="str")
    assert csvsafe.unescape_column(column).tolist() == [csvsafe.unescape_cell(c) for c in cells]
