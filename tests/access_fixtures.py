"""Stores for the access, accounts and audit tests: a small agency on SQLite or PostgreSQL.

The agency: team ``north`` (caseworkers cw_ani with C1 and C2, cw_budi with C3, supervisor
sup_north), team ``south`` (cw_citra with C4, supervisor sup_south), and one planner, auditor
and admin.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import argon2
import sqlalchemy as sa
from argon2 import PasswordHasher
from streamlit.runtime.pages_manager import PagesManager

from eska_network.domain.model import Child, Dataset
from eska_network.services import access, accounts
from eska_network.services.access import Principal
from eska_network.store import open_store
from eska_network.store.tables import audit

from .conftest import STORE_ENGINES, empty_database

ENGINES = STORE_ENGINES
PEOPLE = {
    "cw_ani": ("caseworker", "north"),
    "cw_budi": ("caseworker", "north"),
    "cw_citra": ("caseworker", "south"),
    "sup_north": ("supervisor", "north"),
    "sup_south": ("supervisor", "south"),
    "planner": ("planner", None),
    "auditor": ("auditor", None),
    "admin": ("admin", None),
}
ASSIGNMENTS = {"C1": "cw_ani", "C2": "cw_ani", "C3": "cw_budi", "C4": "cw_citra"}
FIRST_OF_ROLE = {"caseworker": "cw_ani", "supervisor": "sup_north"}


@contextmanager
def empty_store(engine: str, folder: Path) -> Iterator:
    """A migrated, empty store on ``engine`` (``sqlite`` or ``postgresql``, see conftest)."""
    with empty_database(engine, folder) as url:
        store = open_store(url)
        try:
            yield store
        finally:
            store.engine.dispose()


def fill_agency(store) -> None:
    """Add the agency's teams, users (without passwords: fast) and four children."""
    operator = access.operator()
    for team in ("north", "south"):
        accounts.add_team(store, operator, team, team.title())
    for user_name, (role, team) in PEOPLE.items():
        accounts.add_user(store, operator, user_name, role, team=team)
    children = [
        Child(child_id, "Kota Contoh", 14, caseworker=caseworker)
        for child_id, caseworker in ASSIGNMENTS.items()
    ]
    store.import_dataset(Dataset.from_objects(children=children))


def principal(store, role: str) -> Principal:
    """The agency's first user with ``role``."""
    user_name = FIRST_OF_ROLE.get(role, role)
    return accounts.get_user(store, user_name).principal()


def audit_rows(store) -> list[dict]:
    """Every audit row, oldest first."""
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(audit).order_by(audit.c.id)).mappings().all()
    return [dict(row) for row in rows]


def fast_hashing(monkeypatch) -> None:
    """Argon2 at its cheapest for the tests that hash many passwords (the format is the same)."""
    cheap = PasswordHasher.from_parameters(argon2.profiles.CHEAPEST)
    monkeypatch.setattr(accounts, "_HASHER", cheap)


def navigation_only(monkeypatch) -> None:
    """Make AppTest run app.py's ``st.navigation`` on every run, as a running server does.

    Streamlit runs an app with a ``pages/`` folder the old way (each page on its own) until the
    first ``st.navigation`` call in the process; AppTest resets that state before every run.
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
