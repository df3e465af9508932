"""Array helpers shared by the tables: bit masks of codes, and arrow-built text and date columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from eska_network.domain import codes, schema


def probabilities(vocabulary: codes.Vocabulary, rates: dict[str, float]) -> np.ndarray:
    """The rate of each code of ``vocabulary``, in its order (0 for a code not in ``rates``)."""
    result = np.zeros(len(vocabulary))
    for code, rate in rates.items():
        result[vocabulary.position(code)] = rate
    return result


def code_bit(vocabulary: codes.Vocabulary, code: str) -> int:
    """The bit that stands for ``code`` in a bit mask of ``vocabulary``."""
    return 1 << vocabulary.position(code)


def _joined(vocabulary: codes.Vocabulary) -> np.ndarray:
    """The ``;``-joined codes of every bit mask: a lookup that turns masks into cells."""
    return np.array(
        [
            schema.LIST_SEPARATOR.join(vocabulary.unmask(mask))
            for mask in range(1 << len(vocabulary))
        ],
        dtype=object,
    )


def random_masks(rng: np.random.Generator, probabilities: np.ndarray) -> np.ndarray:
    """One bit mask per row of ``probabilities``: bit i set with probability [row, i]."""
    draws = rng.random(probabilities.shape) < probabilities
    return (draws * (1 << np.arange(probabilities.shape[1]))).sum(axis=1)


_STR = pd.StringDtype("pyarrow", na_value=np.nan)
"""The dtype pandas calls ``str``."""


def str_column(values, indices: np.ndarray | pa.Array | None = None) -> pd.Series:
    """A ``str`` column of ``values``, or of ``values[indices]``, built in arrow.

    Turning millions of Python strings into a pandas column one by one would be the slowest step
    of the generator; arrow takes from a small array of distinct values in C instead.
    """
    array = values if isinstance(values, pa.Array) else pa.array(values, pa.large_string())
    if indices is not None:
        array = array.take(indices)
    return array.to_pandas(types_mapper={array.type: _STR}.get)


def recorded_codes(
    vocabulary: codes.Vocabulary, index: np.ndarray, unrecorded: np.ndarray
) -> pd.Series:
    """The codes at ``index`` as a ``str`` column, empty where ``unrecorded``."""
    return str_column(list(vocabulary.codes), pa.array(index, mask=unrecorded))


def numbered(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    """Identifiers such as ``cw_0042``: ``prefix`` and each number zero-padded to ``width``."""
    return np.strings.add(prefix, np.strings.zfill(numbers.astype("U"), width))


def date_column(days: np.ndarray) -> pd.Series:
    """A date column of the data model (datetime64[s]) from ``datetime64[D]`` days."""
    return pd.Series(days.astype("datetime64[s]"))


CELLS = {
    vocabulary.name: _joined(vocabulary)
    for vocabulary in (codes.RISK_FACTORS, codes.NEEDS, codes.SUPPORT_TYPES, codes.FUNCTIONS)
}
"""Per list vocabulary, the cell text of every bit mask (index the array with the masks)."""
