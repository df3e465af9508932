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
from pathlib import Path

import numpy as np

from . import baseline_networkx, floor, stage_pages
from .stage_base import (
    STAGES,
    Context,
    NotAvailable,
    busiest_child,
    close,
    cpu_timed,
    product,
    read,
    reset_database,
    stage,
    timed,
    wall_and_cpu,
)

__all__ = ["main", "stage_pages"]  # stage_pages registers the page-call stages of issue 15

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
def stage_floor_four(context: Context) -> dict:
    """The floor of ``report`` alone: CPU seconds of reading its four files and grouping each."""
    return {
        "times": [
            cpu_timed(lambda: floor.floor_four_files(context.data)) for _ in range(context.repeats)
        ],
        "notes": {"clock": "cpu"},
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


def _loop_round(dataset, chosen: list[str], scale: float) -> tuple[float, float, float, float]:
    """One timing of the networkx loop: (total, sorting pass, loop seconds per child, total CPU).

    The loop makes millions of small objects and no reference cycles: the cyclic garbage
    collector would only scan them again and again (two thirds of the sorting pass at 100,000
    children), so it is off, to give the yardstick its best time. The CPU seconds (this
    process's, ``time.process_time``) are scaled like the wall clock.
    """
    gc.disable()
    try:
        start, start_cpu = time.perf_counter(), time.process_time()
        grouped = baseline_networkx.by_child(dataset)
        middle, middle_cpu = time.perf_counter(), time.process_time()
        baseline_networkx.gaps_of(grouped, chosen)
        end, end_cpu = time.perf_counter(), time.process_time()
    finally:
        gc.enable()
    return (
        middle - start + (end - middle) * scale,
        middle - start,
        (end - middle) / len(chosen),
        middle_cpu - start_cpu + (end_cpu - middle_cpu) * scale,
    )


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
        "times": [total for total, *_ in rounds],
        "notes": {
            "children_timed": len(chosen),
            "children": len(dataset.child_ids),
            "extrapolated": scale != 1,
            "grouping": float(np.median([grouping for _, grouping, *_ in rounds])),
            "per_child": float(np.median([per_child for _, _, per_child, _ in rounds])),
        },
    }


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
    ratio; here each round gives its own ratios and the median of each is reported. The loop and
    ``gap_table`` are also timed in CPU seconds of this process (``*_cpu``): on a shared machine
    the wall clock of a call of a few tenths of a second depends on what else runs during it,
    its CPU time much less.
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
        gaps, gaps_cpu = wall_and_cpu(lambda: gap_table(dataset))
        floor_memory = timed(lambda: floor.floor_in_memory(dataset.ties), 1)[0]
        loop, *_, loop_cpu = _loop_round(dataset, chosen, scale)
        rounds.append(
            {
                "report_cpu_over_floor": report_cpu / floor_four,
                "report_cpu": report_cpu,
                "floor_four_cpu": floor_four,
                "gaps": gaps,
                "loop": loop,
                "loop_over_gaps": loop / gaps,
                "gaps_cpu": gaps_cpu,
                "loop_cpu": loop_cpu,
                "loop_over_gaps_cpu": loop_cpu / gaps_cpu,
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


@stage
def stage_import(context: Context) -> dict:
    open_store = product("store", "open_store")
    dataset = read(context)
    times = []
    for _ in range(context.repeats):
        reset_database(context.database)
        store = open_store(context.database)
        start = time.perf_counter()
        store.import_dataset(dataset)
        times.append(time.perf_counter() - start)
        close(store)
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
    close(store)
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


@stage
def stage_store_child(context: Context) -> dict:
    """Load one child's record from the imported store (what the map page does first)."""
    open_store = product("store", "open_store")
    dataset = read(context)
    child_id, rows = busiest_child(dataset)
    store = open_store(context.database)
    times = timed(lambda: store.child_system(child_id), context.repeats, warm_up=True)
    close(store)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stage")
    parser.add_argument("name", choices=sorted(STAGES))
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=Path("bench/out/work"))
    parser.add_argument("--database", default=None)
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        help="cProfile statistics (populate; map_page: the supervisor's page runs)",
    )
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    context = Context(args.data, args.repeats, args.sample, args.work, args.database, args.profile)
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
