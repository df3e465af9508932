"""Rows grouped per child, and the tie rows in force at each child's D: the group-bys of
:func:`eska_network.domain.gap_table.gap_table`.

Every rule of the bulk engine is a reduction per child (a highest strength, a union of codes, a
count) over the tie rows in force. The rows are put in child order once, :class:`ByChild`, so
that each such reduction is one pass in C (:meth:`ByChild.per_child`, ``ufunc.reduceat`` over
each child's run of rows): no hash table, no table as large as children times anything, no
Python per child. A file written child by child, as the CSV export, the store and ``synth`` write
it, already is in that order and is not sorted at all; any other order is sorted once (stably, so
a child's rows keep their order).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

_BLOCK_KEYS = 1 << 17
"""Keys (children times pairs of ends) numbered at a time by :func:`in_force`: a table of this
many int64 (1 MB) stays in the processor's cache and is reused from one block to the next,
where one table for every child would be hundreds of megabytes of fresh memory per call."""
_DENSE_PAIRS = 1 << 25
"""Up to this many possible pairs of end codes, pairs are numbered with a table, not a hash
(the table's keys fit in int32)."""
_CHUNK_ROWS = 1 << 20
"""Rows handled at a time where a step needs temporaries of its own (21 million rows
nationally): their memory stays a few megabytes."""

_NO_DAY = np.iinfo(np.int64).min
# A row's date and position packed into one int64 (see in_force): dates are shifted to be
# non-negative below 2**32 (any day from about 9,500 BC) and positions take the low 31 bits.
_DAY_SHIFT = 1 << 24
_POSITION_BITS = 31


@dataclass(frozen=True)
class ByChild:
    """A table's rows in child order: each child's rows one run, in their own order.

    ``order`` gives the table positions in that order (``None`` when the table already has it);
    ``owner`` is each row's child (its row in the children table, -1 for a child not in it), in
    that order.
    """

    order: np.ndarray | None
    owner: np.ndarray

    @classmethod
    def of(cls, owner: np.ndarray) -> ByChild:
        """The child order of rows whose children are ``owner`` (in table order).

        >>> ByChild.of(np.array([2, 2, 0, -1, 1])).order is None
        True
        >>> ByChild.of(np.array([1, 0, 1])).order
        array([1, 0, 2])
        """
        if _grouped(owner):
            return cls(None, owner)
        order = np.argsort(owner, kind="stable")
        return cls(order, owner[order])

    def arrange(self, values: np.ndarray) -> np.ndarray:
        """``values`` (one per row, in table order) in child order."""
        return values if self.order is None else values[self.order]

    def positions(self, picked: np.ndarray) -> np.ndarray:
        """The table positions of the rows at ``picked`` (positions in child order)."""
        return picked if self.order is None else self.order[picked]


@dataclass(frozen=True)
class Runs:
    """The runs of rows of one child each (rows in child order), for reductions per child."""

    starts: np.ndarray
    owner: np.ndarray
    n_children: int
    n_rows: int

    @classmethod
    def of(cls, owner: np.ndarray, n_children: int) -> Runs:
        """The runs of ``owner`` (grouped: each child's rows together)."""
        if len(owner) == 0:
            return cls(np.zeros(0, dtype=np.intp), np.zeros(0, dtype=owner.dtype), n_children, 0)
        starts = np.flatnonzero(np.concatenate([[True], owner[1:] != owner[:-1]]))
        return cls(starts, owner[starts], n_children, len(owner))

    def per_child_and_kind(
        self, values: np.ndarray, kind: np.ndarray, n_kinds: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """The highest of ``values`` (0 when none) and the number of rows, per child and kind.

        ``kind`` is each row's kind ``0 .. n_kinds - 1``, or -1 for a row left out: one pass
        for several group-bys, instead of one selection and one reduction per kind.

        >>> runs = Runs.of(np.array([0, 0, 2, 2]), 3)
        >>> values, kinds = np.array([3, 5, 1, 4]), np.array([1, 1, 0, -1])
        >>> highest, rows = runs.per_child_and_kind(values, kinds, 2)
        >>> highest.tolist(), rows.tolist()
        ([[0, 5], [0, 0], [1, 0]], [[0, 2], [0, 0], [1, 0]])
        """
        size = len(self.starts) * n_kinds
        run = np.repeat(np.arange(len(self.starts)), np.diff(self.starts, append=self.n_rows))
        kept = np.flatnonzero(kind >= 0)
        key = run[kept] * n_kinds + kind[kept]
        highest = np.zeros(size, dtype=values.dtype)
        np.maximum.at(highest, key, values[kept])
        rows = np.bincount(key, minlength=size)
        known = self.owner >= 0
        by_child = []
        for per_run in (highest, rows):
            result = np.zeros((self.n_children, n_kinds), dtype=np.int64)
            result[self.owner[known]] = per_run.reshape(-1, n_kinds)[known]
            by_child.append(result)
        return by_child[0], by_child[1]

    def per_child(
        self, ufunc: np.ufunc, values: np.ndarray, empty: int, dtype: type | None = None
    ) -> np.ndarray:
        """``ufunc`` reduced over each child's run of ``values``; ``empty`` for a child without.

        Runs of children outside the children table (owner -1) are left out.

        >>> runs = Runs.of(np.array([1, 1, 2, -1]), 4)
        >>> runs.per_child(np.maximum, np.array([3, 5, 1, 9]), 0)
        array([0, 5, 1, 0])
        >>> runs.per_child(np.add, np.array([True, True, False, True]), 0, np.int64)
        array([0, 2, 0, 0])
        """
        result = np.full(self.n_children, empty, dtype=dtype or values.dtype)
        if len(self.starts):
            reduced = ufunc.reduceat(values, self.starts, dtype=dtype or values.dtype)
            known = self.owner >= 0
            result[self.owner[known]] = reduced[known]
        return result


def _grouped(owner: np.ndarray) -> bool:
    """Whether each child's rows (owner -1 aside) come together in one run."""
    if len(owner) < 2:
        return True
    heads = owner[np.flatnonzero(np.concatenate([[True], owner[1:] != owner[:-1]]))]
    heads = heads[heads >= 0]
    return len(heads) == 0 or int(np.bincount(heads).max()) <= 1


def pair_codes(source: np.ndarray, target: np.ndarray, n_ends: int) -> tuple[np.ndarray, int]:
    """A code ``0 .. n - 1`` for each row's unordered pair of end codes, and ``n``.

    >>> codes, n = pair_codes(np.array([0, 3, 1]), np.array([3, 0, 2]), 4)
    >>> n, codes[0] == codes[1], codes[0] != codes[2]
    (2, np.True_, np.True_)
    """
    size = n_ends * n_ends
    if size > _DENSE_PAIRS or min(source.min(initial=0), target.min(initial=0)) < 0:
        # Many end names, or a missing one (code -1): a hash of the pairs instead of a table.
        low = np.minimum(source, target).astype(np.int64)
        codes, uniques = pd.factorize(low * (n_ends + 1) + np.maximum(source, target))
        return codes.astype(np.int32), len(uniques)
    chunks = [slice(start, start + _CHUNK_ROWS) for start in range(0, len(source), _CHUNK_ROWS)]

    def keys(part: slice) -> np.ndarray:
        key = np.minimum(source[part], target[part]).astype(np.int32)
        key *= n_ends
        key += np.maximum(source[part], target[part])
        return key

    present = np.zeros(size, dtype=bool)
    for part in chunks:
        present[keys(part)] = True
    code_of_key = np.cumsum(present, dtype=np.int32) - 1
    codes = np.empty(len(source), dtype=np.int32)
    for part in chunks:
        codes[part] = code_of_key[keys(part)]
    return codes, int(code_of_key[-1]) + 1 if size else 0


def in_force(
    owner: np.ndarray,
    pair: np.ndarray,
    n_pairs: int,
    assessed: np.ndarray,
    day: np.ndarray,
) -> np.ndarray:
    """Whether each tie row (in child order) is in force at its child's D.

    A tie is its child and its unordered pair of ends (``pair``); its row in force is the one of
    its latest date not after D (``day[owner]``) and, of two on that date (an import error), the
    first, as the model keeps it. ``assessed`` holds day numbers; a child outside the children
    table (owner -1) has no row in force.

    Each row's date and position are packed into one int64 so that one ``maximum`` per tie finds
    its row; ties are numbered a block of children at a time in a small table reused by every
    block (children's rows are runs, so a block is a slice of rows).

    >>> owner = np.array([0, 0, 0, 1, 1])
    >>> pair = np.array([0, 0, 1, 0, 0])
    >>> assessed = np.array([10, 20, 10, 10, 10])
    >>> in_force(owner, pair, 2, assessed, np.array([15, 30])).tolist()
    [True, False, True, True, False]
    """
    result = np.zeros(len(owner), dtype=bool)
    if len(owner) == 0:
        return result
    runs = np.flatnonzero(np.concatenate([[True], owner[1:] != owner[:-1]]))
    per_block = max(_BLOCK_KEYS // max(n_pairs, 1), 1)
    table = np.empty(min(per_block, len(runs)) * max(n_pairs, 1), dtype=np.int64)
    day_of = np.append(day, _NO_DAY)  # owner -1 reads the last cell
    for first_run in range(0, len(runs), per_block):
        start = runs[first_run]
        end = runs[first_run + per_block] if first_run + per_block < len(runs) else len(owner)
        owners, dates = owner[start:end], assessed[start:end]
        candidate = (owners >= 0) & (dates <= day_of[owners])
        # The run of each row within the block (0, 1, ...), from where its child's run starts.
        run = np.cumsum(np.concatenate([[0], owners[1:] != owners[:-1]]))
        key = run * n_pairs + pair[start:end]
        # Latest date first, then the first position: the day shifted up, the position reversed.
        packed = np.maximum(dates, -_DAY_SHIFT) + _DAY_SHIFT
        packed <<= _POSITION_BITS
        packed += (1 << _POSITION_BITS) - 1 - np.arange(end - start)
        packed[~candidate] = _NO_DAY
        used = table[: (int(run[-1]) + 1) * n_pairs]
        used.fill(_NO_DAY)
        np.maximum.at(used, key, packed)
        result[start:end] = candidate & (used[key] == packed)
    return result
