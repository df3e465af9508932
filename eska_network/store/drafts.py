"""Unsaved entries kept per user, child and kind (``whatif``, ``assessment``): one row each.

The store keeps the text it is given (JSON made by :mod:`eska_network.services.drafts`); who may
read or write a draft is decided there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from eska_network.store import tables
from eska_network.store.core import Store


@dataclass(frozen=True)
class StoredDraft:
    """One user's unsaved entries of one kind for one child, and when they were kept."""

    user_name: str
    child_id: str
    kind: str
    content: str
    saved_at: dt.datetime


def _where(user_name: str, child_id: str, kind: str):
    table = tables.drafts
    return sa.and_(
        table.c.user_name == user_name, table.c.child_id == child_id, table.c.kind == kind
    )


def keep(
    store: Store, user_name: str, child_id: str, kind: str, content: str, now: dt.datetime
) -> None:
    """Keep ``content`` as the draft of ``kind`` (replacing the one kept before)."""
    with store.writing() as connection:
        connection.execute(tables.drafts.delete().where(_where(user_name, child_id, kind)))
        connection.execute(
            tables.drafts.insert().values(
                user_name=user_name, child_id=child_id, kind=kind, content=content, saved_at=now
            )
        )


def read(store: Store, user_name: str, child_id: str, kind: str) -> StoredDraft | None:
    """The draft kept, or None."""
    with store.reading() as connection:
        row = connection.execute(
            sa.select(tables.drafts).where(_where(user_name, child_id, kind))
        ).first()
    if row is None:
        return None
    saved_at = row.saved_at if row.saved_at.tzinfo else row.saved_at.replace(tzinfo=dt.UTC)
    return StoredDraft(row.user_name, row.child_id, row.kind, row.content, saved_at)


def drop(store: Store, user_name: str, child_id: str, kind: str) -> bool:
    """Remove the draft; whether there was one."""
    with store.writing() as connection:
        result = connection.execute(tables.drafts.delete().where(_where(user_name, child_id, kind)))
    return bool(result.rowcount)
