"""``python -m bench --national``: issue 15's table at national scale, from one run.

Per size (default 400, 100,000 and 1,000,000 children), each step in a process of its own:
the synthetic data generated anew (timed); ``python -m eska_network report`` (wall clock, CPU,
peak memory); the floor of ``report`` (pyarrow reading its four files); the ratios of the
targets timed back to back (only up to :data:`RATIO_LIMIT` children: the networkx loop holds
every tie row as Python objects, about 27 GB at 1,000,000 children); then into PostgreSQL
(``populate``: the import in one transaction with COPY, and the tables' sizes), the page calls
(``views``) and the child map page's server time (``map_page``) on that store.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from . import data
from .runner import run_command, run_stage

NATIONAL_SIZES = (400, 100_000, 1_000_000)
RATIO_LIMIT = 100_000
"""Sizes above this skip the ``ratios`` stage (the networkx loop's memory); the issue's two
ratio targets are judged at the largest size that ran it."""


def measure(
    sizes: list[int], repeats: int, sample: int, postgres: str | None, log: Path, report
) -> dict[int, dict]:
    """Every step of the national plan at each of ``sizes``; ``report(children, key, result)``
    is told each result as it comes (for the console)."""
    measured: dict[int, dict] = {}
    for children in sizes:
        steps: dict[str, dict] = {}
        measured[children] = steps
        for key, step in _plan(children, repeats, sample, postgres, log):
            load = os.getloadavg()[0]
            started = time.strftime("%H:%M:%S", time.gmtime())
            result = step()
            result.setdefault("load", max(load, os.getloadavg()[0]))
            result["started"] = started
            steps[key] = result
            report(children, key, result)
            if key == "synth" and result.get("status") != "ok":
                break  # without data nothing else of this size can run
    return measured


def _plan(children: int, repeats: int, sample: int, postgres: str | None, log: Path):
    """The steps of one size, in order: (key, a call giving its result)."""
    folder = data.synth_folder(children)
    report = [sys.executable, "-m", "eska_network", "report", str(folder)]
    yield "synth", lambda: _synth(children)
    yield "report", lambda: run_command(report, 1, log)
    yield "floor_four", lambda: run_stage("floor_four", folder, log, repeats=repeats)
    if children <= RATIO_LIMIT:
        yield (
            "ratios",
            lambda: run_stage("ratios", folder, log, repeats=repeats, sample=sample),
        )
    else:
        yield "ratios", lambda: _skipped(f"above {RATIO_LIMIT:,} children: the networkx loop")
    for key, options in (
        ("populate", {"repeats": 1}),
        ("views", {"repeats": repeats}),
        ("map_page", {"repeats": max(repeats, 5)}),
    ):
        if postgres is None:
            yield key, lambda: {"status": "not available", "reason": "PostgreSQL not reachable"}
        else:
            yield (
                key,
                lambda key=key, options=options: run_stage(
                    key, folder, log, database=postgres, **options
                ),
            )


def _synth(children: int) -> dict:
    try:
        _, seconds = data.ensure_synth(children, fresh=True)
    except Exception as error:  # noqa: BLE001 - without data this size is not available
        return {"status": "failed", "reason": f"synthetic data not available ({error})"}
    folder = data.synth_folder(children)
    size = sum(path.stat().st_size for path in folder.iterdir())
    return {
        "status": "ok",
        "times": [seconds],
        "median": seconds,
        "notes": {"bytes": size, "ties_bytes": (folder / "ties.csv").stat().st_size},
    }


def _skipped(reason: str) -> dict:
    return {"status": "skipped", "reason": reason}
