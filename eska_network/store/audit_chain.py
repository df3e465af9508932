"""The audit table's hash chain: how a row is appended, and how the chain is checked.

Each audit row carries ``prev_hash``, the ``hash`` of the row before it (64 zeros for the first),
and its own ``hash``: SHA-256 of the JSON array ``[prev_hash, id, at, user_name, role, action,
child_id, outcome, detail]`` (``at`` in UTC, ISO 8601 with microseconds; no spaces; non-ASCII
kept). Ids are given here, one more than the last, so they are contiguous.

What it proves: a row changed in place no longer matches its hash; a row removed from the middle
breaks the next row's ``prev_hash``. Removing the *last* rows leaves a valid, shorter chain: keep
the latest hash elsewhere (``audit head``) and give it to :func:`verify` to catch that too.

Rows are appended under a lock (SQLite's write transaction; on PostgreSQL a transaction-scoped
advisory lock), so two writers never chain onto the same row. Appending needs only INSERT and
SELECT on ``audit``: the app's database role gets nothing more.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from eska_network.store.tables import audit

GENESIS = "0" * 64
"""The ``prev_hash`` of the first row."""
CHAINED = ("id", "at", "user_name", "role", "action", "child_id", "outcome", "detail")
"""The fields of a row that its hash covers, in order, after ``prev_hash``."""


def canonical_time(moment: dt.datetime) -> str:
    """A time as the hash sees it: UTC, microseconds (SQLite gives times back naive, in UTC).

    >>> canonical_time(dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    '2026-01-02T03:04:05.000000+00:00'
    """
    aware = moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment
    return aware.astimezone(dt.UTC).isoformat(timespec="microseconds")


def row_hash(prev_hash: str, row: Mapping[str, Any] | sa.RowMapping) -> str:
    """The hash of one row chained onto ``prev_hash``.

    >>> row = dict(id=1, at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), user_name="ani",
    ...            role="caseworker", action="login", child_id=None, outcome="success", detail=None)
    >>> row_hash(GENESIS, row)[:16]
    '381275d1e7617b8e'
    """
    values = [prev_hash, *(row[name] for name in CHAINED)]
    values[2] = canonical_time(row["at"])
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _lock(connection: sa.Connection) -> None:
    """Serialise appenders (SQLite's write transaction already does)."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            sa.text("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.eska_audit'))")
        )


def head(connection: sa.Connection, table: sa.Table = audit) -> tuple[int, str] | None:
    """The id and hash of the last row, or None when the audit is empty."""
    row = connection.execute(
        sa.select(table.c.id, table.c.hash).order_by(table.c.id.desc()).limit(1)
    ).first()
    return (row.id, row.hash or GENESIS) if row else None


def append(connection: sa.Connection, rows: Sequence[Mapping[str, object]]) -> None:
    """Append ``rows`` (:data:`CHAINED` but ``id``) inside the caller's transaction."""
    if not rows:
        return
    _lock(connection)
    last = head(connection)
    number, previous = last if last else (0, GENESIS)
    chained = []
    for row in rows:
        number += 1
        values = {**row, "id": number}
        digest = row_hash(previous, values)
        chained.append({**values, "prev_hash": previous, "hash": digest})
        previous = digest
    connection.execute(sa.insert(audit), chained)


@dataclass(frozen=True)
class Verification:
    """What checking the chain found: rows checked, and the first break (None when intact)."""

    rows: int
    head: str
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


def verify_rows(
    rows: Iterable[Mapping[str, Any] | sa.RowMapping], kept_head: str | None = None
) -> Verification:
    """Check rows given in id order; ``kept_head`` is a hash kept from earlier (``audit head``).

    Examples
    --------
    >>> at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    >>> first = dict(id=1, at=at, user_name="a", role="cli", action="backup", child_id=None,
    ...              outcome="success", detail=None, prev_hash=GENESIS)
    >>> first["hash"] = row_hash(GENESIS, first)
    >>> verify_rows([first]).intact
    True
    >>> verify_rows([{**first, "user_name": "b"}]).problem
    'row 1 was changed: its hash does not match its fields'
    """
    previous = GENESIS
    count = 0
    seen_kept = kept_head is None
    last_id = 0
    for row in rows:
        count += 1
        if row["prev_hash"] != previous:
            return Verification(
                count - 1,
                previous,
                f"row {row['id']} does not follow row {last_id}: "
                "a row between them was removed or changed",
            )
        if row_hash(previous, row) != row["hash"]:
            return Verification(
                count - 1,
                previous,
                f"row {row['id']} was changed: its hash does not match its fields",
            )
        previous = row["hash"]
        last_id = row["id"]
        seen_kept = seen_kept or previous == kept_head
    if not seen_kept:
        return Verification(
            count,
            previous,
            f"no row has the kept head hash {kept_head}: rows after row {last_id} were removed "
            "(or the hash is of another store)",
        )
    return Verification(count, previous)


def verify(connection: sa.Connection, kept_head: str | None = None, table: sa.Table = audit):
    """Check the whole chain of ``table`` (default: the audit) on ``connection``."""
    columns = [table.c[name] for name in (*CHAINED, "prev_hash", "hash")]
    query = sa.select(*columns).order_by(table.c.id).execution_options(yield_per=5000)
    result = connection.execute(query)
    return verify_rows((row._mapping for row in result), kept_head)
