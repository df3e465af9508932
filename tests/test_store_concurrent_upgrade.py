"""Several app servers started at once on one empty PostgreSQL database: one migrates, the others
wait for it, and every one opens the store at the latest migration."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from eska_network.store import engine, open_store

from .conftest import empty_database

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]


def test_servers_starting_together_migrate_once(tmp_path):
    with empty_database("postgresql", tmp_path) as url:

        def start(_: int) -> str | None:
            store = open_store(url)
            try:
                return engine.current_revision(store.engine)
            finally:
                store.engine.dispose()

        with ThreadPoolExecutor(max_workers=4) as pool:
            revisions = list(pool.map(start, range(4)))
        assert revisions == [engine.head_revision()] * 4
