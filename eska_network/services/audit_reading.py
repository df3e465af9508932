"""Reading the audit log, for an auditor: the rows a filter asks for, and the names in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from eska_network.services.access import (
    READ_AUDIT,
    AccessDenied,
    Principal,
    as_utc,
    may,
    require,
    write_audit,
)
from eska_network.store import Store
from eska_network.store.tables import audit


@dataclass(frozen=True)
class AuditFilter:
    """What the auditor asks for; ``None`` means any. Dates are days in ``zone``, both included."""

    start: dt.date | None = None
    end: dt.date | None = None
    user_names: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    child_id: str | None = None
    outcomes: tuple[str, ...] = ()
    zone: dt.tzinfo = dt.UTC


AUDIT_COLUMNS = ("at", "user_name", "role", "action", "child_id", "outcome", "detail")


def read_audit(
    store: Store, principal: Principal, where: AuditFilter = AuditFilter(), *, limit: int = 5000
) -> pd.DataFrame:
    """The audit rows matching ``where``, newest first, at most ``limit`` of them.

    Raises
    ------
    AccessDenied
        Unless ``principal`` may read the audit.
    """
    require(store, principal, READ_AUDIT)
    query = sa.select(*(audit.c[name] for name in AUDIT_COLUMNS))
    if where.start is not None:
        start = dt.datetime.combine(where.start, dt.time(), where.zone).astimezone(dt.UTC)
        query = query.where(audit.c.at >= start)
    if where.end is not None:
        end = dt.datetime.combine(where.end + dt.timedelta(days=1), dt.time(), where.zone)
        query = query.where(audit.c.at < end.astimezone(dt.UTC))
    for name, values in (
        ("user_name", where.user_names),
        ("action", where.actions),
        ("outcome", where.outcomes),
    ):
        if values:
            query = query.where(audit.c[name].in_(values))
    if where.child_id:
        query = query.where(audit.c.child_id == where.child_id)
    query = query.order_by(audit.c.id.desc()).limit(limit)
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
    table = pd.DataFrame.from_records(rows, columns=list(AUDIT_COLUMNS))
    table["at"] = pd.to_datetime([as_utc(moment) for moment in table["at"]], utc=True)
    return table


def audit_user_names(store: Store, principal: Principal) -> list[str]:
    """Every user name that appears in the audit (for the auditor's filter), sorted."""
    if not may(store, principal, READ_AUDIT):
        write_audit(store, principal, "refusal", "refused", detail=READ_AUDIT)
        raise AccessDenied(f"{principal.user_name} ({principal.role}) may not {READ_AUDIT}")
    query = sa.select(audit.c.user_name).distinct().order_by(audit.c.user_name)
    with store.engine.connect() as connection:
        return list(connection.execute(query).scalars())
