"""Conversion between the Dataset's pandas tables and database rows, in bulk."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa

from eska_network.domain import schema
from eska_network.domain.model import column_dtype
from eska_network.domain.schema import FileSpec
from eska_network.store import tables

EXTRA = "extra"
REMOVED_ON = "removed_on"
"""The members.csv column the store adds: the date a member was removed (empty while current)."""
CHUNK = 900
"""Ids per ``IN (...)`` list: below SQLite's oldest limit of 999 bound parameters."""


def python_values(series: pd.Series, kind: str) -> np.ndarray:
    """A column as an object array of plain Python values, missing values ``None``.

    Dates become ISO text.
    """
    if kind == "date":
        # ISO text: both engines take it for a date column, and it is far faster to bind.
        dates = pd.to_datetime(series)
        text = dates.dt.strftime("%Y-%m-%d").to_numpy(dtype=object, copy=True)
        text[dates.isna().to_numpy()] = None
        return text
    if kind == "codes":
        return series.fillna("").to_numpy(dtype=object)
    if kind == "int":
        return series.astype("Int64").to_numpy(dtype=object, na_value=None)
    if kind == "bool":
        return series.astype("boolean").to_numpy(dtype=object, na_value=None)
    return series.to_numpy(dtype=object, na_value=None)


def extra_columns(spec: FileSpec, frame: pd.DataFrame) -> list[str]:
    return [name for name in frame.columns if name not in spec.column_names]


def extra_json(frame: pd.DataFrame, names: Sequence[str]) -> np.ndarray:
    """One JSON object per row holding the ``names`` columns (None when there are none).

    Missing values are kept as ``null`` so that the column order survives the round trip.
    """
    if not names:
        return np.full(len(frame), None, dtype=object)
    values = [python_values(frame[name], "text") for name in names]
    return np.array(
        [
            json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False)
            for row in zip(*values, strict=True)
        ],
        dtype=object,
    )


def db_frame(spec: FileSpec, frame: pd.DataFrame, extras: Sequence[str]) -> pd.DataFrame:
    """The schema columns of ``frame`` as database values, and ``extra`` as JSON text.

    The columns stay compact pandas columns (dates as ISO text, codes with "" for none) rather
    than Python objects: a whole ties table as objects is tens of millions of them. A column held
    as integer codes (a data set read from CSV) stays so, and dates become codes of their ISO
    texts: the ties of 1,000,000 children as text were gigabytes. Turn rows into Python values a
    chunk at a time with :func:`chunk_values`.
    """
    columns = {c.name: _db_series(frame[c.name], c) for c in spec.columns}
    text = column_dtype(_TEXT)
    columns[EXTRA] = pd.Series(extra_json(frame, extras), index=frame.index, dtype=text)
    return pd.DataFrame(columns, index=frame.index)


def _db_series(series: pd.Series, column: schema.Column) -> pd.Series:
    kind = column.kind
    if kind == "date":
        return _iso_days(series)
    if kind == "codes" and not column.none_word:
        if isinstance(series.dtype, pd.CategoricalDtype) and "" not in series.cat.categories:
            series = series.cat.add_categories([""])
        return series.fillna("")
    if kind == "int":
        return series.astype("Int64")
    if kind == "bool":
        return series.astype("boolean")
    return series


def _iso_days(series: pd.Series) -> pd.Series:
    """Dates as a categorical of their ISO texts (each distinct day formatted once)."""
    codes, days = pd.factorize(pd.to_datetime(series).dt.normalize())
    texts = pd.Index(days.strftime("%Y-%m-%d"), dtype=column_dtype(_TEXT))
    return pd.Series(pd.Categorical.from_codes(codes, texts), index=series.index)


def chunk_values(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """The columns of ``frame`` as object arrays of plain Python values, missing values None."""
    return {name: frame[name].to_numpy(dtype=object, na_value=None) for name in frame.columns}


def frame_from_rows(spec: FileSpec, rows: Sequence[tuple], names: Sequence[str]) -> pd.DataFrame:
    """A Dataset table (model conventions) from database rows whose columns are ``names``.

    ``names`` holds every schema column and may hold ``extra`` (JSON) and ``removed_on``;
    both become extra text columns after the schema columns.
    """
    raw = pd.DataFrame.from_records(list(rows), columns=list(names))
    table = pd.DataFrame(
        {c.name: _typed(raw[c.name], c) for c in spec.columns}, index=pd.RangeIndex(len(raw))
    )
    if EXTRA in raw:
        for name, values in _expand_extra(raw[EXTRA]).items():
            table[name] = values
    if REMOVED_ON in raw and raw[REMOVED_ON].notna().any():
        table[REMOVED_ON] = (
            pd.to_datetime(raw[REMOVED_ON]).dt.strftime("%Y-%m-%d").astype(column_dtype(_TEXT))
        )
    return table


_TEXT = schema.Column("text", "text", False)


def _typed(values: pd.Series, column: schema.Column) -> pd.Series:
    dtype = column_dtype(column)
    if column.kind == "date":
        return pd.to_datetime(values, format="ISO8601").astype(dtype)
    if column.kind == "codes" and not column.none_word:
        return values.fillna("").astype(dtype)
    if column.kind == "int":
        return values.astype("Int64").astype(dtype) if len(values) else values.astype(dtype)
    return values.astype(dtype)


def _expand_extra(values: pd.Series) -> dict[str, pd.Series]:
    """The JSON objects of the ``extra`` column as columns, in first-seen order."""
    present = values.notna()
    if not present.any():
        return {}
    records = [json.loads(text) for text in values[present]]
    names: dict[str, None] = {}
    for record in records:
        names.update(dict.fromkeys(record))
    expanded = pd.DataFrame.from_records(records, columns=list(names), index=values.index[present])
    expanded = expanded.reindex(values.index)
    dtype = column_dtype(_TEXT)
    return {name: expanded[name].astype(dtype) for name in names}


def insert_rows(connection: sa.Connection, table: sa.Table, columns: Mapping[str, Iterable]) -> int:
    """Insert many rows fast: COPY on PostgreSQL, executemany with plain tuples elsewhere."""
    names = list(columns)
    rows = list(zip(*columns.values(), strict=True))
    if not rows:
        return 0
    raw = driver_connection(connection)
    if connection.dialect.name == "postgresql":
        quoted = ", ".join(connection.dialect.identifier_preparer.quote(n) for n in names)
        sql = f"COPY {table.name} ({quoted}) FROM STDIN"
    else:
        marks = ", ".join("?" for _ in names)
        sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
    driver_error = connection.dialect.loaded_dbapi.Error
    try:
        if connection.dialect.name == "postgresql":
            with raw.cursor() as cursor, cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            raw.executemany(sql, rows)
    except driver_error as error:
        # The same exception classes as a statement run through SQLAlchemy would raise.
        raise sa.exc.DBAPIError.instance(sql, None, error, driver_error) from error
    return len(rows)


def bound_value(column: sa.Column, value: object, connection: sa.Connection) -> object:
    """``value`` as the driver takes it for ``column`` in :func:`insert_rows` (SQLite stores a
    time as text, in SQLAlchemy's format)."""
    process = column.type.bind_processor(connection.dialect)
    return process(value) if process is not None else value


def fetch_rows(
    connection: sa.Connection,
    table: sa.Table,
    names: Sequence[str],
    child_ids: Sequence[str] | None = None,
    order_by: Sequence[str] = (),
) -> list[tuple]:
    """Rows of ``table`` as plain tuples (of all children, or of ``child_ids``), fast."""
    query = sa.select(*(table.c[name] for name in names)).order_by(
        *(table.c[name] for name in order_by)
    )
    if child_ids is None:
        return _raw(connection, query)
    rows: list[tuple] = []
    ids = list(child_ids)
    for start in range(0, len(ids), CHUNK):
        rows.extend(_raw(connection, query.where(table.c.child_id.in_(ids[start : start + CHUNK]))))
    return rows


def _raw(connection: sa.Connection, query: sa.Select) -> list[tuple]:
    # Plain driver tuples: building a SQLAlchemy Row per tie is the slow part of an export.
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    cursor = driver_connection(connection).cursor()
    try:
        cursor.execute(str(compiled), _positional(compiled))
        return cursor.fetchall()
    finally:
        cursor.close()


def _positional(compiled) -> tuple | dict:
    params = compiled.params
    if compiled.positiontup is not None:
        return tuple(params[name] for name in compiled.positiontup)
    return params


def lock_children(connection: sa.Connection, child_ids: Sequence[str]) -> None:
    """Lock the rows of ``child_ids`` until the transaction ends (SQLite has one writer anyway)."""
    table = tables.children
    ids = list(child_ids)
    for start in range(0, len(ids), CHUNK):
        query = (
            sa.select(table.c.child_id)
            .where(table.c.child_id.in_(ids[start : start + CHUNK]))
            .with_for_update()
        )
        connection.execute(query).fetchall()


def driver_connection(connection: sa.Connection) -> Any:
    """The database driver's own connection under ``connection`` (sqlite3 or psycopg)."""
    raw = connection.connection.driver_connection
    if raw is None:
        raise RuntimeError("the connection is closed")
    return raw
