"""Setting up demo mode: its accounts (one per role and sample caseworker) and its store."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from eska_network.services import access
from eska_network.services.access import (
    USER_ROLES,
    utc_now,
)
from eska_network.services.accounts import USER_NAME_PATTERN, add_team, add_user, hash_password
from eska_network.store import Store
from eska_network.store.tables import settings, teams, users

DEMO_VARIABLE = "ESKA_DEMO"
DEMO_PASSWORD = "demo-password"
DEMO_TEAM = "demo_team"
DEMO_PREFIX = "demo_"


@dataclass(frozen=True)
class DemoAccount:
    """One account demo mode offers on its login page."""

    role: str
    user_name: str


def demo_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether demo mode is on (``ESKA_DEMO`` set to ``1``, ``true`` or ``yes``)."""
    return environ.get(DEMO_VARIABLE, "").strip().lower() in {"1", "true", "yes"}


def sample_caseworkers(folder: Path) -> list[str]:
    """The caseworkers of a data folder's ``children.csv``, most children first, then by name."""
    with (folder / "children.csv").open(encoding="utf-8", newline="") as handle:
        names = [row.get("caseworker") or "" for row in csv.DictReader(handle)]
    counts = Counter(name for name in names if USER_NAME_PATTERN.match(name))
    return sorted(counts, key=lambda name: (-counts[name], name))


def demo_accounts(folder: Path) -> tuple[DemoAccount, ...]:
    """The account offered for each role: for the caseworker, the sample's busiest caseworker.

    Every caseworker of the sample gets an account too (see :func:`prepare_demo`), so that the
    demo supervisor's team holds them all.
    """
    caseworkers = sample_caseworkers(folder)
    return tuple(
        DemoAccount(
            role, caseworkers[0] if role == "caseworker" and caseworkers else f"{DEMO_PREFIX}{role}"
        )
        for role in USER_ROLES
    )


class DemoRefused(RuntimeError):
    """Demo mode was pointed at a store it did not create, which holds records: nothing written."""


DEMO_SAVED_AGO = dt.timedelta(days=365)
DEMO_MARKER = "demo"
"""The ``store_settings`` key that says demo mode created the store."""
_NOT_RECORDS = {"alembic_version", "store_settings"}


def demo_store_state(engine: sa.Engine) -> str:
    """``"demo"`` (created by demo mode), ``"empty"`` (no record at all) or ``"records"``.

    Works before the store is migrated, so that a store with records is refused before anything,
    even a migration, is written to it.
    """
    inspector = sa.inspect(engine)
    names = set(inspector.get_table_names())
    with engine.connect() as connection:
        if "store_settings" in names:
            marked = connection.execute(
                sa.text("SELECT 1 FROM store_settings WHERE key = :key"), {"key": DEMO_MARKER}
            ).first()
            if marked:
                return "demo"
        for name in sorted(names - _NOT_RECORDS):
            table = sa.table(name)
            if connection.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
                return "records"
    return "empty"


def open_demo_store(url: str, folder: Path):
    """The store at ``url`` for demo mode: created by demo mode, or empty and then filled.

    Raises
    ------
    DemoRefused
        When the store holds records that demo mode did not create; nothing is written to it.
    """
    from eska_network.store import Store, engine, open_store

    checked = Store(engine.make_engine(url))
    state = demo_store_state(checked.engine)
    checked.engine.dispose()
    if state == "records":
        raise DemoRefused(_demo_refusal(url))
    store = open_store(url)
    prepare_demo(store, folder)
    return store


def _demo_refusal(url: str) -> str:
    shown = sa.make_url(url).render_as_string(hide_password=True)
    return (
        f"demo mode opens only an empty store or one it created itself, and {shown} holds "
        "records it did not create; nothing was written to it"
    )


def prepare_demo(store: Store, folder: Path) -> tuple[DemoAccount, ...]:
    """Fill an empty store with the sample data and create the demo accounts that are missing.

    The store is marked as demo mode's own first; a store that is neither empty nor so marked is
    refused (:class:`DemoRefused`) before anything is written. The demo team holds every
    caseworker of the sample and the demo supervisor; every demo account has the password
    :data:`DEMO_PASSWORD`, which the login page shows.
    """
    from eska_network.store import ensure_sample_loaded

    state = demo_store_state(store.engine)
    if state == "records":
        raise DemoRefused(_demo_refusal(store.url.render_as_string(hide_password=False)))
    if state == "empty":
        with store.writing() as connection:
            connection.execute(
                sa.insert(settings).values(key=DEMO_MARKER, value=f"created {utc_now():%Y-%m-%d}")
            )
    operator = access.operator()
    with store.engine.connect() as connection:
        has_team = connection.execute(sa.select(teams.c.team).where(teams.c.team == DEMO_TEAM))
        if has_team.first() is None:
            add_team(store, operator, DEMO_TEAM, "Demo team")
        existing = set(connection.execute(sa.select(users.c.user_name)).scalars())
    wanted = [(name, "caseworker") for name in sample_caseworkers(folder)]
    wanted += [(account.user_name, account.role) for account in demo_accounts(folder)]
    missing = {name: role for name, role in wanted if name not in existing}
    shared_hash = hash_password(DEMO_PASSWORD) if missing else None
    for user_name, role in missing.items():
        team = DEMO_TEAM if role in ("caseworker", "supervisor") else None
        add_user(store, operator, user_name, role, team=team, password_hash=shared_hash)
    # Recorded as saved a year ago, so that the planners' published figures (as of the end of
    # the last complete period) show the sample at once.
    ensure_sample_loaded(store, folder, saved_at=utc_now() - DEMO_SAVED_AGO)
    return demo_accounts(folder)
