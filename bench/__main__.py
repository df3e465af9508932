"""``python -m bench``: every benchmark of bench/README.md in one run; results in bench/out/."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys

from . import data, national, national_results, results
from .runner import run_command, run_stage

DEFAULT_SIZES = (1_000, 10_000, 100_000)
POSTGRES_URL = "postgresql+psycopg://eska:eska@localhost:5432/eska_bench"
"""A database of its own, made afresh by the import stage, beside the tests' ``eska_test``."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--sizes",
        default=None,
        help="numbers of children, comma-separated (default: "
        f"{','.join(str(size) for size in DEFAULT_SIZES)})",
    )
    parser.add_argument(
        "--repeats", type=int, default=None, help="timings per measurement (default: 5)"
    )
    parser.add_argument(
        "--sample", type=int, default=2000, help="children the networkx loop is timed on"
    )
    parser.add_argument(
        "--quick", action="store_true", help="1,000 children, 2 repeats: a smoke run of every stage"
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the browser timings")
    parser.add_argument(
        "--national",
        action="store_true",
        help="issue 15's table at national scale (default sizes "
        f"{','.join(str(size) for size in national.NATIONAL_SIZES)}, 3 repeats)",
    )
    args = parser.parse_args(argv)
    default_sizes = national.NATIONAL_SIZES if args.national else DEFAULT_SIZES
    chosen = args.sizes or ",".join(str(size) for size in default_sizes)
    sizes = [1_000] if args.quick else [int(size) for size in chosen.split(",")]
    repeats = 2 if args.quick else (args.repeats or (3 if args.national else 5))

    priority = _raise_priority()
    data.OUT_DIR.mkdir(parents=True, exist_ok=True)
    log = data.OUT_DIR / "bench.log"
    log.write_text("", encoding="utf-8")
    postgres = _postgres_reachable()
    machine = {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "repeats": repeats,
        "priority": priority,
        "generated": {},
    }
    print(f"bench: {machine['cores']} cores, sizes {sizes}, {repeats} repeats; log in {log}")
    if args.national:
        return _national(sizes, repeats, args.sample, postgres, log, machine)

    all_sizes = {}
    for children in sizes:
        try:
            folder, generated = data.ensure_synth(children)
        except Exception as error:  # noqa: BLE001 - without data this size is not available
            print(f"bench: {children:,} children: synthetic data not available ({error})")
            continue
        if generated is not None:
            machine["generated"][children] = generated
        all_sizes[children] = _measure_size(children, folder, repeats, args.sample, postgres, log)

    browser = {"status": "not available", "reason": "skipped (--no-browser)"}
    if not args.no_browser:
        print("bench: browser")
        from . import browser as browser_bench

        browser = browser_bench.measure(loads=max(repeats, 3), log=log)

    if not all_sizes:
        print("bench: no size could be measured")
        return 1
    page = results.markdown(all_sizes, browser, machine)
    (data.OUT_DIR / "results.md").write_text(page, encoding="utf-8")
    raw = {"machine": machine, "sizes": all_sizes, "browser": browser}
    (data.OUT_DIR / "results.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    print(page)
    return 0


def _national(
    sizes: list[int], repeats: int, sample: int, postgres: str | None, log, machine: dict
) -> int:
    """The national run: issue 15's table in bench/out/results.md (and every timing in
    results.json)."""
    machine["load_start"] = os.getloadavg()[0]
    measured = national.measure(sizes, repeats, sample, postgres, log, _print_stage)
    machine["load_end"] = os.getloadavg()[0]
    machine["ended"] = dt.datetime.now(dt.UTC).strftime("%H:%M UTC")
    page = national_results.markdown(measured, machine)
    (data.OUT_DIR / "results.md").write_text(page, encoding="utf-8")
    raw = {"machine": machine, "national": measured}
    (data.OUT_DIR / "results.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    print(page)
    return 0


def _measure_size(
    children: int, folder, repeats: int, sample: int, postgres: str | None, log
) -> dict:
    """Every stage of one size, each in a process of its own."""
    stores = {"sqlite": f"sqlite:///{data.OUT_DIR / 'work' / f'store-{children}.sqlite'}"}
    stores["postgresql"] = postgres
    # The networkx loop and the end-to-end command are slow at large sizes: fewer runs there.
    slow_repeats = repeats if children <= 10_000 else min(repeats, 3)
    plan = [
        ("floor_disk", "floor_disk", {}),
        ("floor_memory", "floor_memory", {}),
        ("read", "read", {"repeats": slow_repeats}),
        ("gaps", "gaps", {}),
        ("baseline", "baseline", {"repeats": slow_repeats, "sample": sample}),
        ("ratios", "ratios", {"repeats": slow_repeats, "sample": sample}),
        ("district", "district", {}),
        ("figure", "figure", {}),
    ]
    for backend, url in stores.items():
        plan += [
            (f"import:{backend}", "import", {"database": url, "repeats": slow_repeats}),
            (f"store_child:{backend}", "store_child", {"database": url}),
            (f"save:{backend}", "save", {"database": url}),
        ]
    stages = {}
    for key, name, options in plan:
        if options.get("database", "") is None:
            stages[key] = {"status": "not available", "reason": "PostgreSQL not reachable"}
        else:
            options = {"repeats": repeats, **options}
            stages[key] = run_stage(name, folder, log, **options)
        _print_stage(children, key, stages[key])
    stages["report"] = run_command(
        [sys.executable, "-m", "eska_network", "report", str(folder)], slow_repeats, log
    )
    _print_stage(children, "report", stages["report"])
    return stages


def _print_stage(children: int, key: str, stage: dict) -> None:
    if stage.get("status") == "ok" and "median" in stage:
        peak = f", peak {stage['peak_mb']:.0f} MB" if "peak_mb" in stage else ""
        shown = f"{results.seconds(stage['median'])}{peak}"
    elif stage.get("status") == "ok":
        shown = ", ".join(
            f"{name} {value:.1f}×" for name, value in stage["notes"].items() if "_over_" in name
        )
    else:
        shown = f"{stage['status']}: {stage.get('reason', '')}"
    print(f"bench: {children:>7,} {key:<24} {shown}", flush=True)


def _raise_priority(niceness: int = -10) -> int:
    """Run this process and every stage it starts ahead of other jobs on the machine, if allowed.

    Other jobs (a test suite, say) would otherwise take CPU from a stage at random and blur the
    comparison; only root may raise a priority, so elsewhere the run goes on at the usual one.
    """
    try:
        return os.nice(niceness - os.nice(0))
    except PermissionError:
        return os.nice(0)


def _postgres_reachable() -> str | None:
    """The benchmark database URL when the PostgreSQL server answers, else None."""
    try:
        import psycopg

        admin = POSTGRES_URL.replace("+psycopg", "").replace("/eska_bench", "/eska_test")
        with psycopg.connect(admin, connect_timeout=3):
            return POSTGRES_URL
    except Exception:  # noqa: BLE001 - any failure means the PostgreSQL figures are not available
        return None


if __name__ == "__main__":
    raise SystemExit(main())
