"""The stages of issue 15's page calls, on a store holding every child of the size.

``populate`` makes the store (accounts, then every child imported in one transaction: COPY on
PostgreSQL) and gives the import's time and the tables' sizes; ``views`` and ``map_page`` then
time the page calls on it, the old way and the new side by side in each round. They read the
busiest child and its caseworker from the store, not the CSV folder, so that at 1,000,000
children they do not carry the data set in memory.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import os
import time
from pathlib import Path

import numpy as np

from .stage_base import Context, close, importlib_module, product, read, reset_database, stage

SUPERVISOR = "bench_sup"
PLANNER = "bench_planner"
TEAM = "all"
IMPORT_AGE = dt.timedelta(days=62)
"""The import is dated this far back, so that the last complete month holds every child."""
CASELOAD_ROWS_SHOWN = 1000
"""The rows the caseload page shows at most (``MAX_ROWS`` of pages/caseload.py)."""
OLD_WAY_LIMIT = 200_000
"""Above this many children, ``views`` skips the old way of the first publication (every tie
row of the store read back into memory: minutes and gigabytes at 1,000,000 children)."""


@stage
def stage_populate(context: Context) -> dict:
    """The store of the page calls, made afresh: a team holding every caseworker of the data set,
    a supervisor of that team (who sees every child: the worst case for access checks), a
    planner; then every child imported, dated :data:`IMPORT_AGE` back.

    Times the import (one transaction; COPY on PostgreSQL) and, with ``--profile FILE``, writes
    its cProfile statistics there. Notes the rows and bytes of every table.
    """
    open_store = product("store", "open_store")
    access = importlib_module("eska_network.services.access")
    accounts = importlib_module("eska_network.services.accounts")
    dataset = read(context)
    reset_database(context.database)
    store = open_store(context.database)
    operator = access.operator()
    accounts.add_team(store, operator, TEAM, "All")
    caseworkers = sorted(dataset.children["caseworker"].dropna().astype(str).unique())
    _add_caseworkers(store, caseworkers)
    accounts.add_user(store, operator, SUPERVISOR, "supervisor", team=TEAM)
    accounts.add_user(store, operator, PLANNER, "planner")
    saved_at = dt.datetime.now(dt.UTC) - IMPORT_AGE
    profiler = cProfile.Profile() if context.profile else None
    start, cpu = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.runcall(store.import_dataset, dataset, saved_at=saved_at)
        profiler.dump_stats(context.profile)
    else:
        store.import_dataset(dataset, saved_at=saved_at)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    sizes = table_sizes(store)
    close(store)
    return {
        "times": [seconds],
        "notes": {
            "import_cpu": cpu,
            "children": len(dataset.children),
            "tie_rows": len(dataset.ties),
            "caseworkers": len(caseworkers),
            "tables": sizes,
            "total_bytes": sum(table["bytes"] for table in sizes.values()),
        },
    }


def _add_caseworkers(store, names: list[str]) -> None:
    """An account in the team for every caseworker of the data set, in one statement.

    ``accounts.add_user`` one by one (a transaction and an audit row each) took minutes for the
    tens of thousands of caseworkers of 1,000,000 children; the rows are the ones it writes.
    """
    import sqlalchemy as sa

    tables = importlib_module("eska_network.store.tables")
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "user_name": name,
            "display_name": name,
            "role": "caseworker",
            "team": TEAM,
            "password_hash": None,
            "failed_logins": 0,
            "active": True,
            "created_at": now,
        }
        for name in names
    ]
    with store.writing() as connection:
        connection.execute(sa.insert(tables.users), rows)


def table_sizes(store) -> dict[str, dict[str, int]]:
    """Rows and bytes of every table of the store, largest first.

    Bytes are ``pg_total_relation_size`` on PostgreSQL (the table, its indexes and TOAST); on
    SQLite the file's size is given for the whole under ``"(file)"``.
    """
    import sqlalchemy as sa

    sizes: dict[str, dict[str, int]] = {}
    with store.reading() as connection:
        names = sa.inspect(connection).get_table_names()
        postgres = connection.dialect.name == "postgresql"
        for name in names:
            quoted = connection.dialect.identifier_preparer.quote(name)
            rows = int(connection.scalar(sa.text(f"SELECT count(*) FROM {quoted}")) or 0)
            size = 0
            if postgres:
                query = sa.text("SELECT pg_total_relation_size(CAST(:name AS regclass))")
                size = int(connection.scalar(query, {"name": quoted}) or 0)
            sizes[name] = {"rows": rows, "bytes": size}
        if not postgres:
            path = store.engine.url.database
            sizes["(file)"] = {"rows": 0, "bytes": os.path.getsize(path) if path else 0}
    return dict(sorted(sizes.items(), key=lambda item: -item[1]["bytes"]))


def busiest_stored_child(store) -> tuple[str, str, int, int]:
    """The stored child with the most tie rows: its id, caseworker and tie rows; and how many
    children the store holds."""
    import sqlalchemy as sa

    tables = importlib_module("eska_network.store.tables")
    ties, children = tables.ties, tables.children
    count = sa.func.count().label("rows")
    query = (
        sa.select(ties.c.child_id, count)
        .group_by(ties.c.child_id)
        .order_by(count.desc(), ties.c.child_id)
        .limit(1)
    )
    with store.reading() as connection:
        child_id, rows = connection.execute(query).one()
        caseworker = connection.scalar(
            sa.select(children.c.caseworker).where(children.c.child_id == child_id)
        )
        total = int(connection.scalar(sa.select(sa.func.count()).select_from(children)) or 0)
    return str(child_id), str(caseworker), int(rows), total


@stage
def stage_views(context: Context) -> dict:
    """The page calls of issue 15, old way and new side by side in each round, on the store
    ``populate`` made (run it first with the same ``--database``).

    - one access check on a child: the full list of a supervisor's children, or one EXISTS query;
    - the child picker's list: a supervisor's every child (old), or its first page of ids (new);
    - the caseload's first view after a change: every child scored anew, or the stored scores;
      and the whole first view of the page (stored scores, then the principal's rows, then the
      reasons of the rows the page shows) for the supervisor and for the busiest child's
      caseworker;
    - the district page's first publication: every record read and recomputed (skipped above
      :data:`OLD_WAY_LIMIT` children), or the stored vectors; and the district page uncached
      once published (what every page run after a save pays without a cache).
    """
    open_store = product("store", "open_store")
    access = importlib_module("eska_network.services.access")
    caseload = importlib_module("eska_network.services.caseload")
    child_search = importlib_module("eska_network.services.child_search")
    district_views = importlib_module("eska_network.services.district_views")
    ranking = importlib_module("eska_network.caseload.ranking")
    follow_up = importlib_module("eska_network.domain.follow_up")
    gap_table = importlib_module("eska_network.domain.gap_table")
    publication = importlib_module("eska_network.districts.publication")
    publications = importlib_module("eska_network.store.publications")
    vectors = importlib_module("eska_network.store.vectors")
    tables = importlib_module("eska_network.store.tables")
    import pandas as pd
    import sqlalchemy as sa

    store = open_store(context.database)
    child_id, caseworker_name, rows, children = busiest_stored_child(store)
    supervisor = access.Principal(SUPERVISOR, "supervisor", TEAM)
    caseworker = access.Principal(caseworker_name, "caseworker", TEAM)
    planner = access.Principal(PLANNER, "planner")
    now = dt.datetime.now(dt.UTC)
    today = now.date()
    period = publication.last_complete_period(now, "month")

    def from_scratch() -> None:
        names = ["child_id", "status", "due_on", "status_on", "created_on"]
        with store.reading() as connection:
            query = sa.select(*(tables.actions.c[name] for name in names))
            actions = connection.execute(query).all()
        ranking.caseload_table(
            caseload.with_children(store),
            pd.DataFrame.from_records(actions, columns=names),
            today,
            "en",
            follow_up.referral_days(),
        )

    def first_view(principal) -> None:
        table = caseload.caseload_view(store, principal, today)
        caseload.with_texts(store, table.head(CASELOAD_ROWS_SHOWN), "en")

    def publish_from_records() -> None:
        with store.reading() as connection:
            records = publications.records_as_of(connection, period.ends_at)
        publication.row_bases(gap_table.gap_table(records), records.children["district"].tolist())

    def publish_from_vectors() -> None:
        with store.reading() as connection:
            vectors.bases_as_of(connection, period.ends_at)

    def district_page() -> None:
        district_views.district_aggregates(store, planner, 5, now)

    def unpublished() -> None:
        with store.writing() as connection:
            connection.execute(sa.delete(tables.published_rows))
            connection.execute(sa.delete(tables.publications))

    parts = {
        "access_full_list": lambda: child_id in access.visible_child_ids(store, supervisor),
        "access_one_query": lambda: access.may_see_child(store, supervisor, child_id),
        "picker_list": lambda: access.visible_child_ids(store, supervisor),
        "picker_page": lambda: child_search.visible_ids_starting(
            store, supervisor, "", child_search.PICKER_LIMIT + 1
        ),
        "caseload_from_scratch": from_scratch,
        "caseload_stored_scores": lambda: caseload.scored_caseload(store, supervisor, today),
        "caseload_first_view_supervisor": lambda: first_view(supervisor),
        "caseload_first_view_caseworker": lambda: first_view(caseworker),
        "publish_from_vectors": publish_from_vectors,
    }
    skipped = []
    if children <= OLD_WAY_LIMIT:
        parts["publish_from_records"] = publish_from_records
    else:
        skipped.append("publish_from_records")
    rounds = []
    for _ in range(context.repeats):
        timings = {name: _seconds(part) for name, part in parts.items()}
        unpublished()
        timings["district_page_first_publication"] = _seconds(district_page)
        timings["district_page_uncached"] = _seconds(district_page)
        rounds.append(timings)
    caseworker_children = len(access.visible_child_ids(store, caseworker))
    close(store)
    return {
        "times": [r["caseload_stored_scores"] for r in rounds],
        "notes": {
            "children": children,
            "child_tie_rows": rows,
            "caseworker_children": caseworker_children,
            "skipped": skipped,
            "rounds": rounds,
            **{key: float(np.median([r[key] for r in rounds])) for key in rounds[0]},
        },
    }


def _seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@stage
def stage_map_page(context: Context) -> dict:
    """The child map page's server time (Streamlit's AppTest: the script run, no browser) for a
    supervisor who sees every child and for the child's caseworker, alternately, on the store
    ``populate`` made (run it first with the same ``--database``).
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    access = importlib_module("eska_network.services.access")
    accounts = importlib_module("eska_network.services.accounts")
    open_store = product("store", "open_store")
    os.environ["ESKA_DATABASE_URL"] = str(context.database)
    os.environ.pop("ESKA_DEMO", None)
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # as a running server: app.py's navigation on every run
    store = open_store(context.database)
    child_id, caseworker, rows, children = busiest_stored_child(store)
    close(store)
    app_file = str(Path(__file__).resolve().parents[1] / "app.py")
    principals = {
        "supervisor": access.Principal(SUPERVISOR, "supervisor", TEAM),
        "caseworker": access.Principal(caseworker, "caseworker", TEAM),
    }

    def page(principal):
        app = AppTest.from_file(app_file, default_timeout=600)
        app.session_state["eska_principal"] = principal
        app.session_state["eska_last_activity"] = accounts.utc_now()
        app.session_state["eska_child"] = child_id
        app.run()
        app.switch_page("pages/child_map.py").run()
        if app.exception:
            raise RuntimeError(str(app.exception))
        return app

    apps = {role: page(principal) for role, principal in principals.items()}
    rounds = []
    for _ in range(context.repeats):
        rounds.append({role: _seconds(app.run) for role, app in apps.items()})
    ratio = [r["supervisor"] / r["caseworker"] for r in rounds]
    return {
        "times": [r["supervisor"] for r in rounds],
        "notes": {
            "children": children,
            "child_tie_rows": rows,
            "rounds": rounds,
            "supervisor": float(np.median([r["supervisor"] for r in rounds])),
            "caseworker": float(np.median([r["caseworker"] for r in rounds])),
            "supervisor_over_caseworker": float(np.median(ratio)),
        },
    }
