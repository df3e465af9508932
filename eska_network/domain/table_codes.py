"""Text columns as integer codes: what the CSV reader keeps ids and codes as, and how the checks
and the gap rules compare such columns without turning them back into strings.

A column read from a CSV file is a pandas ``Categorical`` (one small integer per cell and each
distinct text once); a column made by the store or by :meth:`Dataset.from_objects` holds ``str``.
Both hold the same values, so every function here accepts either.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from eska_network.domain import schema
from eska_network.domain.model import Dataset


def is_coded(column: pd.Series) -> bool:
    """Whether ``column`` holds integer codes (a pandas Categorical).

    >>> is_coded(pd.Series(["a"], dtype="category")), is_coded(pd.Series(["a"], dtype="str"))
    (True, False)
    """
    return isinstance(column.dtype, pd.CategoricalDtype)


def coded(
    values: pd.Index | np.ndarray | list | pd.api.extensions.ExtensionArray, positions: np.ndarray
) -> pd.Series:
    """The column ``values[positions]`` as sorted integer codes; a None value is missing.

    ``values`` holds one text (or None) per distinct cell, possibly repeated: two distinct
    cells can have one value (``legal;housing`` and ``housing;legal``). Categories are sorted, so
    sorting the column sorts it as text.

    >>> column = coded(["b", None, "a", "b"], np.array([0, 1, 2, 3, 0]))
    >>> column.tolist(), column.cat.categories.tolist()
    (['b', nan, 'a', 'b', 'b'], ['a', 'b'])
    """
    if len(positions) == 0:
        return pd.Series(pd.Categorical([], categories=pd.Index([], dtype="str")))
    # Factorized as arrow strings (in C); a None becomes code -1, a missing cell. An array of
    # strings already is one, without a Python object per text (millions of labels nationally).
    texts = values if isinstance(values, pd.arrays.ArrowStringArray) else list(values)
    codes, uniques = pd.factorize(pd.array(texts, dtype="str"), sort=True)
    return pd.Series(
        pd.Categorical.from_codes(
            codes.astype(np.int32)[positions],
            categories=pd.Index(uniques, dtype="str"),
            validate=False,  # every code is one of factorize's, or -1
        )
    )


def cell_codes(column: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """The column's distinct texts and each cell's position among them (-1 when missing)."""
    if is_coded(column):
        return column.cat.codes.to_numpy(), column.cat.categories
    codes, uniques = pd.factorize(column)
    return codes, pd.Index(uniques)


def shared_codes(*columns: pd.Series) -> tuple[list[np.ndarray], pd.Index]:
    """Codes for the cells of several columns over one set of distinct texts (-1 when missing).

    Equal texts get equal codes whatever column they are in, so the codes compare and join like
    the texts, computed on the distinct texts only when the columns hold codes.

    >>> a = pd.Series(["x", "y", None], dtype="category")
    >>> b = pd.Series(["y", "z"], dtype="str")
    >>> (codes_a, codes_b), texts = shared_codes(a, b)
    >>> texts[codes_a[:2]].tolist(), codes_a[2], texts[codes_b].tolist()
    (['x', 'y'], np.int32(-1), ['y', 'z'])

    Codes are int32 (a national ties.csv has 21 million cells per column): a caller multiplying
    codes to form a key casts to int64 first.
    """
    parts = [cell_codes(column) for column in columns]
    texts = parts[0][1]
    for _, distinct in parts[1:]:
        if not distinct.equals(texts):
            texts = texts.union(distinct)
    shared = []
    for codes, distinct in parts:
        # The appended -1 is what a missing cell (code -1) picks.
        lookup = np.append(texts.get_indexer(distinct), -1).astype(np.int32)
        shared.append(lookup[codes])
    return shared, texts


def without_empty(column: pd.Series) -> pd.Series:
    """A coded column with its empty cells missing (its other codes and categories kept).

    >>> column = without_empty(pd.Series(["b", "", "a", ""], dtype="category"))
    >>> column.tolist(), column.cat.categories.tolist()
    (['b', nan, 'a', nan], ['a', 'b'])
    """
    categories = column.cat.categories
    empty = np.flatnonzero(categories == "")
    return column.cat.remove_categories(categories[empty]) if len(empty) else column


def present(column: pd.Series) -> pd.Index:
    """The distinct texts the column's cells hold (a coded column may list unused ones too)."""
    codes, distinct = cell_codes(column)
    return distinct[np.unique(codes[codes >= 0])]


def as_text(column: pd.Series) -> pd.Series:
    """The column as ``str`` (a coded one decoded), for code that needs the texts themselves."""
    if not is_coded(column):
        return column
    # One take of the distinct texts (in C); pandas' own conversion builds every cell in Python.
    texts = pd.array(column.cat.categories, dtype="str")
    cells = texts.take(column.cat.codes.to_numpy(), allow_fill=True)
    return pd.Series(cells, index=column.index, name=column.name)


def decoded(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every coded column as ``str`` (the table itself when none is coded)."""
    coded = [name for name in table.columns if is_coded(table[name])]
    if not coded:
        return table
    return table.assign(**{name: as_text(table[name]) for name in coded})


def decoded_dataset(dataset: Dataset) -> Dataset:
    """The same data set with every column held as integer codes turned into ``str``.

    >>> coded = Dataset(children=Dataset().children.astype({"child_id": "category"}))
    >>> decoded_dataset(coded).children["child_id"].dtype
    <StringDtype(na_value=nan)>
    """
    tables = {spec.name.removesuffix(".csv"): decoded(dataset.table(spec)) for spec in schema.FILES}
    return Dataset(**tables)
