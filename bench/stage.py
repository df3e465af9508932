"""One benchmark stage, run in a process of its own so that its peak memory is its own.

``python -m bench.stage NAME --data DIR --result FILE [...]`` times one stage a few times and writes
``{"status": "ok", "times": [...], "notes": {...}}`` to FILE; a part of the product that does not
exist yet gives ``{"status": "not available", "reason": ...}`` instead of a crash.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import io
import json
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import baseline_networkx, floor

STAGES: dict[str, Callable[[Context], dict]] = {}


@dataclass(frozen=True)
class Context:
    """What every stage is given: the data folder, how many repeats, where to work."""

    data: Path
    repeats: int
    sample: int
    work: Path
    database: str | None


class NotAvailable(Exception):
    """A part of the product this stage measures does not exist (yet)."""


def stage(function: Callable[[Context], dict]) -> Callable[[Context], dict]:
    STAGES[function.__name__.removeprefix("stage_")] = function
    return function


def timed(action: Callable[[], object], repeats: int, *, warm_up: bool = False) -> list[float]:
    """Seconds each of ``repeats`` calls of ``action`` took (after one untimed call if asked)."""
    if warm_up:
        action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def product(module: str, *names: str):
    """Attributes of a product module, or :class:`NotAvailable` naming what is missing."""
    import importlib

    try:
        found = importlib.import_module(f"eska_network.{module}")
    except ImportError as error:
        raise NotAvailable(f"eska_network.{module} cannot be imported: {error}") from None
    missing = [name for name in names if not hasattr(found, name)]
    if missing:
        raise NotAvailable(f"eska_network.{module} has no {', '.join(missing)}")
    values = tuple(getattr(found, name) for name in names)
    return values[0] if len(values) == 1 else values


def read(context: Context):
    return product("domain.io", "read_dataset")(context.data)


def busiest_child(dataset) -> tuple[str, int]:
    """The child with the most tie rows (the worst case for one child's figure and save)."""
    counts = dataset.ties["child_id"].value_counts()
    return str(counts.index[0]), int(counts.iloc[0])


# --- Gap summaries and their yardsticks ---------------------------------------------------------


@stage
def stage_floor_disk(context: Context) -> dict:
    rows = floor.floor_from_disk(context.data).num_rows
    return {
        "times": timed(lambda: floor.floor_from_disk(context.data), context.repeats),
        "notes": {"children_with_ties": rows},
    }


@stage
def stage_floor_memory(context: Context) -> dict:
    ties = read(context).ties
    return {
        "times": timed(lambda: floor.floor_in_memory(ties), context.repeats),
        "notes": {"tie_rows": len(ties)},
    }


@stage
def stage_read(context: Context) -> dict:
    read_dataset = product("domain.io", "read_dataset")
    return {"times": timed(lambda: read_dataset(context.data), context.repeats)}


@stage
def stage_gaps(context: Context) -> dict:
    gap_table = product("domain.gap_table", "gap_table")
    dataset = read(context)
    return {
        "times": timed(lambda: gap_table(dataset), context.repeats),
        "notes": {"children": len(dataset.children), "tie_rows": len(dataset.ties)},
    }


def _sample(dataset, size: int) -> tuple[list[str], float]:
    """The children the networkx loop is timed on, and by how much to scale its time."""
    everyone = dataset.child_ids
    if len(everyone) <= size:
        return everyone, 1.0
    rng = np.random.default_rng(0)
    chosen = sorted(rng.choice(everyone, size=size, replace=False).tolist())
    return chosen, len(everyone) / size


def _loop_round(dataset, chosen: list[str], scale: float) -> tuple[float, float, float]:
    """One timing of the networkx loop: (total, sorting pass, loop seconds per child).

    The loop makes millions of small objects and no reference cycles: the cyclic garbage
    collector would only scan them again and again (two thirds of the sorting pass at 100,000
    children), so it is off, to give the yardstick its best time.
    """
    gc.disable()
    try:
        start = time.perf_counter()
        grouped = baseline_networkx.by_child(dataset)
        middle = time.perf_counter()
        baseline_networkx.gaps_of(grouped, chosen)
        end = time.perf_counter()
    finally:
        gc.enable()
    return middle - start + (end - middle) * scale, middle - start, (end - middle) / len(chosen)


@stage
def stage_baseline(context: Context) -> dict:
    """The networkx loop: one pass sorting rows out per child, then one graph per child.

    At large sizes the loop runs on a random sample of children and its time per child is scaled
    to every child (the loop does the same work for each); the sorting pass always runs whole.
    """
    dataset = read(context)
    chosen, scale = _sample(dataset, context.sample)
    rounds = [_loop_round(dataset, chosen, scale) for _ in range(context.repeats)]
    return {
        "times": [total for total, _, _ in rounds],
        "notes": {
            "children_timed": len(chosen),
            "children": len(dataset.child_ids),
            "extrapolated": scale != 1,
            "grouping": float(np.median([grouping for _, grouping, _ in rounds])),
            "per_child": float(np.median([per_child for _, _, per_child in rounds])),
        },
    }


def cpu_timed(action: Callable[[], object]) -> float:
    """CPU seconds (every thread of this process) one call of ``action`` took."""
    start = time.process_time()
    action()
    return time.process_time() - start


def _report(folder: Path) -> Callable[[], object]:
    """What ``python -m eska_network report FOLDER`` does, without starting Python: the command's
    own function (read and check the folder, every child's gaps and overdue actions, the report
    written as CSV), its output kept in memory."""
    run_report = product("cli.data_commands", "run_report")
    args = argparse.Namespace(data_dir=folder, as_of=None, lang="en", format="csv")

    def run() -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            run_report(args)
        return out.getvalue()

    return run


@stage
def stage_ratios(context: Context) -> dict:
    """The gap-summary ratios of the targets, each round timing every part back to back.

    Timed in separate stages, a change in the machine's load between two stages would tilt a
    ratio; here each round gives its own ratios and the median of each is reported.
    """
    read_dataset = product("domain.io", "read_dataset")
    gap_table = product("domain.gap_table", "gap_table")
    dataset = read_dataset(context.data)
    chosen, scale = _sample(dataset, context.sample)
    report = _report(context.data)
    rounds = []
    for _ in range(context.repeats):
        floor_four = cpu_timed(lambda: floor.floor_four_files(context.data))
        report_cpu = cpu_timed(report)
        floor_disk = timed(lambda: floor.floor_from_disk(context.data), 1)[0]
        reading = timed(lambda: read_dataset(context.data), 1)[0]
        gaps = timed(lambda: gap_table(dataset), 1)[0]
        floor_memory = timed(lambda: floor.floor_in_memory(dataset.ties), 1)[0]
        loop = _loop_round(dataset, chosen, scale)[0]
        rounds.append(
            {
                "report_cpu_over_floor": report_cpu / floor_four,
                "report_cpu": report_cpu,
                "floor_four_cpu": floor_four,
                "gaps": gaps,
                "loop": loop,
                "loop_over_gaps": loop / gaps,
                "from_disk_over_floor": (reading + gaps) / floor_disk,
                "gaps_over_floor": gaps / floor_memory,
            }
        )
    return {
        "times": [],
        "notes": {
            "rounds": rounds,
            **{key: float(np.median([r[key] for r in rounds])) for key in rounds[0]},
        },
    }


# --- The store ----------------------------------------------------------------------------------


def _reset_database(url: str) -> None:
    """An empty database at ``url``: the SQLite file removed, or the PostgreSQL database remade."""
    import sqlalchemy as sa

    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(parsed.database + suffix).unlink(missing_ok=True)
        return
    import psycopg

    # The role owns a maintenance database (the test one) to connect to while it remakes this.
    admin = parsed.set(drivername="postgresql", database="eska_test")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{parsed.database}"')


@stage
def stage_import(context: Context) -> dict:
    open_store = product("store", "open_store")
    dataset = read(context)
    times = []
    for _ in range(context.repeats):
        _reset_database(context.database)
        store = open_store(context.database)
        start = time.perf_counter()
        store.import_dataset(dataset)
        times.append(time.perf_counter() - start)
        _close(store)
    return {"times": times, "notes": {"backend": context.database.split(":")[0]}}


@stage
def stage_save(context: Context) -> dict:
    """One child's re-assessment saved, with its gap summary update, into the imported store.

    Every current tie of the busiest child gets a new row (its strength changed), as at a full
    re-assessment: the largest save a case conference makes. Each save is dated a day after the
    previous one, since a tie has at most one row per date.
    """
    open_store = product("store", "open_store")
    changes_module = product("store", "AssessmentChanges", "TieUpdate")
    dataset = read(context)
    child_id, rows = busiest_child(dataset)
    store = open_store(context.database)
    saved = []

    def save() -> None:
        system = store.child_system(child_id)
        day = system.latest_assessment() + dt.timedelta(days=1)
        changes = _reassessment(system, day, *changes_module)
        revision = store.revision(child_id)
        start = time.perf_counter()
        store.record_assessment(child_id, day, changes, revision, "bench")
        saved.append(time.perf_counter() - start)

    save()  # warm-up
    for _ in range(context.repeats):
        save()
    _close(store)
    return {"times": saved[1:], "notes": {"child_tie_rows": rows}}


def _reassessment(system, day: dt.date, assessment_changes, tie_change):
    """A new row for every current tie of ``system``, each with a different strength (1 to 5)."""
    ties = tuple(
        tie_change(
            tie.source,
            tie.target,
            tie.strength % 5 + 1,
            tie.valence,
            support_types=tie.support_types,
            functions=tie.functions,
            needs_met=tie.needs_met,
            last_contact=day,
        )
        for tie in system.ties_as_of()
        if tie.strength > 0
    )
    return assessment_changes(ties=ties)


def _close(store) -> None:
    close = getattr(store, "close", None) or getattr(
        getattr(store, "engine", None), "dispose", None
    )
    if close is not None:
        close()


@stage
def stage_store_child(context: Context) -> dict:
    """Load one child's record from the imported store (what the map page does first)."""
    open_store = product("store", "open_store")
    dataset = read(context)
    child_id, rows = busiest_child(dataset)
    store = open_store(context.database)
    times = timed(lambda: store.child_system(child_id), context.repeats, warm_up=True)
    _close(store)
    return {"times": times, "notes": {"child_tie_rows": rows}}


# --- Views --------------------------------------------------------------------------------------


@stage
def stage_district(context: Context) -> dict:
    """The planner's district table from the gap summaries, then suppressed for display."""
    district_table = product("districts.aggregates", "district_table")
    suppress = product("districts.disclosure", "suppress")
    gap_table = product("domain.gap_table", "gap_table")
    dataset = read(context)
    summaries = gap_table(dataset)
    districts = dataset.children.set_index("child_id")["district"]

    def build() -> None:
        with_children = summaries.assign(district=summaries["child_id"].map(districts).to_numpy())
        suppress(district_table(with_children, dataset.resources))

    return {
        "times": timed(build, context.repeats, warm_up=True),
        "notes": {"districts": int(dataset.children["district"].nunique())},
    }


@stage
def stage_figure(context: Context) -> dict:
    """One child's map figure, built from the child's record already in memory."""
    child_map = product("child_map.figure", "child_map")
    dataset = read(context)
    child_id, rows = busiest_child(dataset)
    system = dataset.child_system(child_id)
    cold = timed(lambda: child_map(system), 1)
    times = timed(lambda: child_map(system), context.repeats)
    return {"times": times, "notes": {"child_tie_rows": rows, "first_call": cold[0]}}


@stage
def stage_views(context: Context) -> dict:
    """The page calls of issue 15, old way and new side by side in each round, on a store holding
    every child of the size (imported by the stage, dated two months back so that the last
    complete month holds them all).

    - one access check on a child: the full list of a supervisor's children, or one EXISTS query;
    - the child picker's list (a supervisor's, every child);
    - the caseload's first view after a change: every child scored anew, or the stored scores;
    - the district page's first publication: every record read and recomputed, or the stored
      vectors; and the district page uncached once published (what every page run after a save
      pays without a cache).

    A supervisor whose team holds every caseworker of the data set sees every child: the worst
    case for the old check.
    """
    open_store = product("store", "open_store")
    access = importlib_module("eska_network.services.access")
    accounts = importlib_module("eska_network.services.accounts")
    caseload = importlib_module("eska_network.services.caseload")
    district_views = importlib_module("eska_network.services.district_views")
    ranking = importlib_module("eska_network.caseload.ranking")
    follow_up = importlib_module("eska_network.domain.follow_up")
    gap_table = importlib_module("eska_network.domain.gap_table")
    publication = importlib_module("eska_network.districts.publication")
    publications = importlib_module("eska_network.store.publications")
    vectors = importlib_module("eska_network.store.vectors")
    tables = importlib_module("eska_network.store.tables")
    import sqlalchemy as sa

    operator = access.operator()
    dataset = read(context)
    _reset_database(context.database)
    store = open_store(context.database)
    accounts.add_team(store, operator, "all", "All")
    for name in sorted(dataset.children["caseworker"].dropna().unique()):
        accounts.add_user(store, operator, name, "caseworker", team="all")
    accounts.add_user(store, operator, "bench_sup", "supervisor", team="all")
    accounts.add_user(store, operator, "bench_planner", "planner")
    now = dt.datetime.now(dt.UTC)
    start = time.perf_counter()
    store.import_dataset(dataset, saved_at=now - dt.timedelta(days=62))
    imported = time.perf_counter() - start
    supervisor = access.Principal("bench_sup", "supervisor", "all")
    planner = access.Principal("bench_planner", "planner")
    child_id = busiest_child(dataset)[0]
    today = now.date()
    period = publication.last_complete_period(now, "month")

    def from_scratch() -> None:
        ranking.caseload_table(
            caseload.with_children(store),
            caseload._overdue_candidates(store, today),
            today,
            "en",
            follow_up.referral_days(),
        )

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
        "caseload_from_scratch": from_scratch,
        "caseload_stored_scores": lambda: caseload.scored_caseload(store, today, "en"),
        "publish_from_records": publish_from_records,
        "publish_from_vectors": publish_from_vectors,
    }
    rounds = []
    for _ in range(context.repeats):
        timings = {name: timed(part, 1)[0] for name, part in parts.items()}
        unpublished()
        timings["district_page_first_publication"] = timed(district_page, 1)[0]
        timings["district_page_uncached"] = timed(district_page, 1)[0]
        rounds.append(timings)
    _close(store)
    return {
        "times": [r["caseload_stored_scores"] for r in rounds],
        "notes": {
            "import": imported,
            "rounds": rounds,
            **{key: float(np.median([r[key] for r in rounds])) for key in rounds[0]},
        },
    }


@stage
def stage_map_page(context: Context) -> dict:
    """The child map page's server time (Streamlit's AppTest: the script run, no browser) for a
    supervisor who sees every child and for the child's caseworker, alternately, on the store
    the ``views`` stage made (run it first with the same ``--database``).
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    access = importlib_module("eska_network.services.access")
    accounts = importlib_module("eska_network.services.accounts")
    open_store = product("store", "open_store")
    import os

    os.environ["ESKA_DATABASE_URL"] = context.database
    os.environ.pop("ESKA_DEMO", None)
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # as a running server: app.py's navigation on every run
    dataset = read(context)
    child_id = busiest_child(dataset)[0]
    store = open_store(context.database)
    caseworker = str(store.children([child_id])["caseworker"].iloc[0])
    _close(store)
    app_file = str(Path(__file__).resolve().parents[1] / "app.py")
    principals = {
        "supervisor": access.Principal("bench_sup", "supervisor", "all"),
        "caseworker": access.Principal(caseworker, "caseworker", "all"),
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
        rounds.append({role: timed(app.run, 1)[0] for role, app in apps.items()})
    ratio = [r["supervisor"] / r["caseworker"] for r in rounds]
    return {
        "times": [r["supervisor"] for r in rounds],
        "notes": {
            "rounds": rounds,
            "supervisor": float(np.median([r["supervisor"] for r in rounds])),
            "caseworker": float(np.median([r["caseworker"] for r in rounds])),
            "supervisor_over_caseworker": float(np.median(ratio)),
        },
    }


def importlib_module(name: str):
    """A product module, or :class:`NotAvailable`."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise NotAvailable(f"{name} cannot be imported: {error}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stage")
    parser.add_argument("name", choices=sorted(STAGES))
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=Path("bench/out/work"))
    parser.add_argument("--database", default=None)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    context = Context(args.data, args.repeats, args.sample, args.work, args.database)
    try:
        result = {"status": "ok", **STAGES[args.name](context)}
    except NotAvailable as error:
        result = {"status": "not available", "reason": str(error)}
    except Exception as error:  # noqa: BLE001 - a failing stage is reported, the run goes on
        traceback.print_exc()
        result = {"status": "failed", "reason": f"{type(error).__name__}: {error}"}
    args.result.write_text(json.dumps(result, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
