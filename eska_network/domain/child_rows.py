"""A data set's rows per child, the group-bys of :func:`eska_network.domain.gap_table.gap_table`:
whose each row is, each child's run of tie rows, the rows in force at D, their ends' levels and
the assessed cells as of D.

Every rule of the bulk engine is a reduction per child over the tie rows in force. The rows are
put in child order once so that each reduction is one pass in C (``ufunc.reduceat`` over each
child's run, :meth:`Runs.per_child`): no hash over rows, no fresh table of children times pairs,
no Python per child. Rows already child by child (as ``synth`` writes them) are not moved; any
other order is sorted once, stably, so a child's rows keep their order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from eska_network.domain import table_codes

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
_NO_LEVEL = -1
# A row's date and position packed into one int64 (see in_force): dates are shifted to be
# non-negative below 2**32 (any day from about 9,500 BC) and positions take the low 31 bits.
_DAY_SHIFT, _POSITION_BITS = 1 << 24, 31


@dataclass(frozen=True)
class ByChild:
    """A table's rows in child order (each child's rows one run, in their own order): ``order``,
    their table positions (``None`` when the table has that order already), and ``owner``, each
    row's child in that order (its row in the children table, -1 for a child not in it)."""

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


def levels_at(
    member_table: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    tie_owner: np.ndarray,
    ends: tuple[np.ndarray, ...],
    n_children: int,
    n_ends: int,
) -> list[np.ndarray]:
    """The level of the member at each of ``ends`` of each tie (:data:`_NO_LEVEL` when none).

    ``member_table`` is each member's child, end code, level and whether its child is listed.
    """
    member_owner, member_ends, member_level, listed = member_table
    key_count = max(n_children, 1) * n_ends
    if key_count <= _DENSE_LEVELS:
        # Few enough children times end names (a national data set's share a few dozen): a table
        # of levels by child and end, where numbering the keys would hash tens of millions.
        named = listed & (member_ends >= 0)
        level_of = np.full(key_count, _NO_LEVEL, dtype=np.int8)
        cells = member_owner[named].astype(np.int64) * n_ends + member_ends[named]
        level_of[cells] = member_level[named]
        first = tie_owner.astype(np.int64) * n_ends
        # A missing end (code -1) reads some cell and is then told apart.
        return [
            np.where(end >= 0, level_of[first + end], _NO_LEVEL).astype(np.int8) for end in ends
        ]
    # A member's (child, id) is unique, so a table indexed by key codes finds its level.
    member_keys = (member_owner.astype(np.int64) * n_ends + member_ends)[listed]
    found = []
    for end in ends:
        keys, n_keys = _compact(
            np.concatenate([member_keys, tie_owner.astype(np.int64) * n_ends + end]), key_count
        )
        level_of_key = np.full(n_keys, _NO_LEVEL, dtype=np.int8)
        level_of_key[keys[: len(member_keys)]] = member_level[listed]
        found.append(level_of_key[keys[len(member_keys) :]])
    return found


class AsOf:
    """Each child's assessments.csv cells as of its D: the latest non-empty one not after D.

    The rows are taken in the order of child, then date, then position once (no sort when the
    file already has it), so each column's cell per child is the last usable one of its run.
    """

    def __init__(
        self,
        assessments: pd.DataFrame,
        owner: np.ndarray,
        assessed: np.ndarray,
        day: np.ndarray,
        n_children: int,
    ) -> None:
        self.n_children = n_children
        key = owner.astype(np.int64) * (1 << 32) + np.maximum(assessed, -(1 << 31))
        order = None if bool(np.all(key[1:] >= key[:-1])) else np.argsort(key, kind="stable")
        self.order = order
        owner = owner if order is None else owner[order]
        dates = assessed if order is None else assessed[order]
        in_time = owner >= 0
        in_time[in_time] = dates[in_time] <= day[owner[in_time]]
        self.in_time = in_time
        self.runs = Runs.of(owner, n_children)

    def latest(self, cells: pd.Series, baseline: pd.Series | None = None) -> pd.Series:
        """Per child, the cell of its latest row (not after D) where ``cells`` is not empty.

        Where there is none, the child's ``baseline`` cell (children.csv), or missing. Of two rows
        on one date (an import error) the later one counts, as in ``ChildSystem.state_as_of``.
        """
        filled = cells.notna().to_numpy(dtype=bool)
        if self.order is not None:
            filled = filled[self.order]
        usable = np.where(self.in_time & filled, np.arange(len(filled)), -1)
        pick = self.runs.per_child(np.maximum, usable, -1)
        if self.order is not None:
            pick = np.where(pick >= 0, self.order[pick], -1)
        # One take of the picked cells (and the baselines where none), in the column's own array
        # type, decoded only for the children: no Python object per cell.
        values = table_codes.as_text(pd.Series(cells.array.take(pick, allow_fill=True)))
        if baseline is None:
            return values
        base = table_codes.as_text(baseline.reset_index(drop=True)).astype(values.dtype)
        # The child's own cell, else its baseline: one take from the two side by side.
        both = pd.concat([values, base], ignore_index=True).array
        own = np.arange(self.n_children)
        return pd.Series(both.take(np.where(pick >= 0, own, own + self.n_children)))


def owners(child_ids: pd.Series, *columns: pd.Series) -> list[np.ndarray]:
    """For each of ``columns``, the row in ``child_ids`` of each cell's child (-1 when none).

    A coded column's categories are looked up once and its codes taken through them; in a column
    of texts a child's rows usually come together, so each run of one id is looked up once.
    """
    ids, texts = table_codes.cell_codes(child_ids)
    # int32 rows halve the arrays of 21 million tie rows; products of rows are formed in int64.
    row_of_text = np.full(len(texts) + 1, -1, dtype=np.int32)  # the extra -1: a missing cell
    row_of_text[ids] = np.arange(len(child_ids))
    row_of_text[-1] = -1
    owners = []
    for column in columns:
        if table_codes.is_coded(column):
            categories = column.cat.categories
            # A data set read from CSV shares one list of ids: no lookup by text at all.
            same = categories.equals(texts)
            found = np.arange(len(texts)) if same else texts.get_indexer(categories)
            row_of_code = np.append(row_of_text[found], -1).astype(np.int32)
            owners.append(row_of_code[column.cat.codes.to_numpy()])
            continue
        start = _run_starts(column)
        (head_codes, children), uniques = table_codes.shared_codes(column.iloc[start], child_ids)
        row_of_code = np.full(len(uniques) + 1, -1, dtype=np.int32)
        row_of_code[children] = np.arange(len(child_ids))
        row_of_code[-1] = -1
        owners.append(np.repeat(row_of_code[head_codes], np.diff(start, append=len(column))))
    return owners


def _run_starts(column: pd.Series) -> np.ndarray:
    """The positions where a run of equal consecutive cells of ``column`` starts.

    >>> _run_starts(pd.Series(["a", "a", None, None, "b", "a"]))
    array([0, 2, 3, 4, 5])
    """
    if table_codes.is_coded(column):
        codes = column.cat.codes.to_numpy()
        differs = (codes[1:] != codes[:-1]) | (codes[1:] < 0) | (codes[:-1] < 0)
        return np.flatnonzero(np.concatenate([[len(codes) > 0], differs]))
    values = column.array
    differs = pd.array(values[1:] != values[:-1], dtype="boolean")
    # A missing cell differs from nothing and is never equal: it starts a run of its own.
    return np.flatnonzero(
        np.concatenate([[len(values) > 0], differs.to_numpy(bool, na_value=True)])
    )


_DENSE_KEYS = 1 << 25
"""Up to this many possible keys, :func:`_compact` numbers keys with a table instead of a hash."""
_DENSE_LEVELS = 1 << 27
"""Up to this many children times end names, members' levels are found in a table of int8."""


def _compact(keys: np.ndarray, size: int) -> tuple[np.ndarray, int]:
    """Codes ``0 .. n - 1`` for the ``n`` distinct ``keys`` (each below ``size``), and ``n``.

    Keys are numbered with a table of ``size`` entries instead of a hash; when that table would
    be large, or a key is negative (a missing name), by :func:`pandas.factorize` instead. The
    codes are in no particular order: callers use them as group numbers.

    >>> codes, n = _compact(np.array([7, 2, 7, 5]), 8)
    >>> n, codes[0] == codes[2], len(set(codes.tolist()))
    (3, np.True_, 3)
    """
    if size > _DENSE_KEYS or keys.min(initial=0) < 0:
        codes, uniques = pd.factorize(keys)
        return codes, len(uniques)
    if size <= len(keys):
        # Few possible keys: a running count over the table of those present.
        present = np.zeros(size, dtype=bool)
        present[keys] = True
        # int32 counts halve the memory the running count writes; size is far below 2**31 here.
        code_of_key = np.cumsum(present, dtype=np.int32) - 1
        return code_of_key[keys], int(code_of_key[-1]) + 1 if size else 0
    # More possible keys than rows: one row stands for each key (the table is written only where
    # a key is: never read elsewhere, never cleared), and the rows standing for keys are counted.
    stands_for = np.empty(size, dtype=np.int32)
    stands_for[keys] = np.arange(len(keys), dtype=np.int32)
    row = stands_for[keys]
    del stands_for
    counted = np.cumsum(row == np.arange(len(keys), dtype=np.int32), dtype=np.int32) - 1
    return counted[row], int(counted[-1]) + 1 if len(keys) else 0
