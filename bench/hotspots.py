"""Where the time goes: ``python -m bench.hotspots WHAT [--children N]`` for the README's findings.

``gap_table`` is timed line by line (it is one long vectorised function, so a function profile
says nothing); the others are shown as a cProfile by cumulative time.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import datetime as dt
import linecache
import pstats
import sys
import time
from collections.abc import Callable

from eska_network.domain import gap_table

from . import data


def line_times(function: Callable, *args) -> tuple[float, list[tuple[float, int, str]]]:
    """Seconds spent on each line of ``function`` (not of what it calls) during one call."""
    code = function.__code__
    spent: collections.Counter[int] = collections.Counter()
    last: list = [None, 0.0]

    def on_line(frame, event, arg):
        now = time.perf_counter()
        if last[0] is not None:
            spent[last[0]] += now - last[1]
        last[0], last[1] = (frame.f_lineno if event == "line" else None), now
        return on_line

    def on_call(frame, event, arg):
        return on_line if frame.f_code is code else None

    sys.settrace(on_call)
    start = time.perf_counter()
    try:
        function(*args)
    finally:
        total = time.perf_counter() - start
        sys.settrace(None)
    lines = [
        (seconds, line, linecache.getline(code.co_filename, line).strip())
        for line, seconds in spent.most_common()
    ]
    return total, lines


def _cprofile(action: Callable[[], object], top: int) -> None:
    profile = cProfile.Profile()
    profile.enable()
    action()
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hotspots", description=__doc__)
    parser.add_argument("what", choices=("gap_table", "read_dataset", "save", "district"))
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)

    from eska_network.domain import io

    folder, _ = data.ensure_synth(args.children)
    if args.what == "read_dataset":
        _cprofile(lambda: io.read_dataset(folder), args.top)
        return 0
    dataset = io.read_dataset(folder)
    if args.what == "gap_table":
        total, lines = line_times(gap_table.gap_table, dataset)
        print(f"gap_table: {total:.2f} s over {len(dataset.ties):,} tie rows")
        for seconds, line, text in lines[: args.top]:
            print(f"{seconds:7.3f} s  {seconds / total:5.1%}  line {line}: {text[:90]}")
    elif args.what == "district":
        from eska_network.districts import aggregates as districts
        from eska_network.districts import disclosure

        summaries = gap_table.gap_table(dataset)
        summaries["district"] = dataset.children["district"].to_numpy()
        _cprofile(
            lambda: disclosure.suppress(districts.district_table(summaries, dataset.resources)),
            args.top,
        )
    else:
        _profile_save(dataset, folder, args.top)
    return 0


def _profile_save(dataset, folder, top: int) -> None:
    """Import into a scratch SQLite store, then profile one re-assessment of the busiest child."""
    from eska_network.store import AssessmentChanges, TieUpdate, open_store

    from .stage import _reassessment, busiest_child

    path = data.OUT_DIR / "work" / f"profile-{folder.name}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    store = open_store(f"sqlite:///{path}")
    store.import_dataset(dataset)
    child_id, _ = busiest_child(dataset)
    system = store.child_system(child_id)
    day = system.latest_assessment() + dt.timedelta(days=1)
    changes = _reassessment(system, day, AssessmentChanges, TieUpdate)
    revision = store.revision(child_id)
    _cprofile(lambda: store.record_assessment(child_id, day, changes, revision, "bench"), top)


if __name__ == "__main__":
    raise SystemExit(main())
