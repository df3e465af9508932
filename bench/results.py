"""The benchmark results as markdown: a table per size with ratios, the browser, the targets."""

from __future__ import annotations

from dataclasses import dataclass

MB_PER_GB = 1024


@dataclass(frozen=True)
class Row:
    """One line of a size's table.

    ``scope`` says what the time is compared with: ``memory`` (a whole data set already in
    memory: the networkx loop and the in-memory floor), ``disk`` (from the CSV folder: reading plus
    the loop, and the floor that reads ties.csv) or ``child`` (one child: both per child).
    """

    label: str
    key: str
    scope: str


ROWS = (
    Row("floor: read ties.csv + group by child (pyarrow)", "floor_disk", "disk"),
    Row("floor: group tie rows by child in memory (pandas)", "floor_memory", "memory"),
    Row("networkx loop: every child's gaps, one graph each", "baseline", "memory"),
    Row("read + validate the CSV folder (`io.read_dataset`)", "read", "disk"),
    Row("gap summaries, all children, in memory (`gap_table`)", "gaps", "memory"),
    Row("gap summaries from the CSV folder (read + `gap_table`)", "gaps_from_disk", "disk"),
    Row("`python -m eska_network report` end to end", "report", "disk"),
    Row("import into the store, SQLite", "import:sqlite", "memory"),
    Row("import into the store, PostgreSQL", "import:postgresql", "memory"),
    Row("district table + suppression", "district", "memory"),
    Row("one child's figure (`child_map`)", "figure", "child"),
    Row("load one child from the store, SQLite", "store_child:sqlite", "child"),
    Row("load one child from the store, PostgreSQL", "store_child:postgresql", "child"),
    Row("one child's save + summary update, SQLite", "save:sqlite", "child"),
    Row("one child's save + summary update, PostgreSQL", "save:postgresql", "child"),
)


def _ok(stages: dict, key: str) -> bool:
    return (stages.get(key) or {}).get("status") == "ok"


def _median(stages: dict, key: str) -> float | None:
    stage = stages.get(key) or {}
    return stage.get("median") if stage.get("status") == "ok" else None


def with_derived(stages: dict) -> dict:
    """``stages`` plus ``gaps_from_disk``: reading and the gap table, the sum of their medians."""
    read, gaps = _median(stages, "read"), _median(stages, "gaps")
    if read is None or gaps is None:
        return {**stages, "gaps_from_disk": {"status": "not available", "reason": "needs both"}}
    peak = max(stages["read"]["peak_mb"], stages["gaps"]["peak_mb"])
    derived = {"status": "ok", "median": read + gaps, "times": [], "peak_mb": peak}
    return {**stages, "gaps_from_disk": derived}


def references(stages: dict, children: int) -> dict[str, tuple[float | None, float | None]]:
    """For each scope, the networkx-loop time and the floor time to compare with."""
    loop, read = _median(stages, "baseline"), _median(stages, "read")
    floor_memory, floor_disk = _median(stages, "floor_memory"), _median(stages, "floor_disk")
    return {
        "memory": (loop, floor_memory),
        "disk": (loop + read if loop is not None and read is not None else None, floor_disk),
        "child": (
            loop / children if loop is not None else None,
            floor_memory / children if floor_memory is not None else None,
        ),
    }


def seconds(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def faster(reference: float | None, ours: float | None) -> str:
    if reference is None or ours is None or ours == 0:
        return "–"
    ratio = reference / ours
    return f"{ratio:.1f}× faster" if ratio >= 1 else f"{1 / ratio:.1f}× slower"


def times_floor(ours: float | None, floor: float | None) -> str:
    if ours is None or floor is None or floor == 0:
        return "–"
    return f"{ours / floor:.1f}× floor"


def size_table(children: int, stages: dict) -> list[str]:
    """The markdown table of one size."""
    stages = with_derived(stages)
    refs = references(stages, children)
    lines = [
        "| measurement | median | runs | vs networkx loop | vs floor | peak memory | notes |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in ROWS:
        stage = stages.get(row.key)
        if stage is None:
            continue
        if stage.get("status") != "ok":
            reason = stage.get("reason", "")
            lines.append(f"| {row.label} | not available | | | | | {reason} |")
            continue
        ours = stage["median"]
        loop, floor = refs[row.scope]
        is_reference = row.key in ("baseline", "floor_disk", "floor_memory")
        lines.append(
            "| "
            + " | ".join(
                [
                    row.label,
                    seconds(ours),
                    str(len(stage["times"])) if stage.get("times") else "–",
                    "reference" if is_reference else faster(loop, ours),
                    "reference" if is_reference else times_floor(ours, floor),
                    f"{stage['peak_mb']:.0f} MB" if stage.get("peak_mb") else "",
                    _notes(stage.get("notes", {})),
                ]
            )
            + " |"
        )
    return lines


def interleaved(stages: dict) -> list[str]:
    """The sentence on the ratios timed back to back in rounds, when they were measured."""
    stage = stages.get("ratios") or {}
    if stage.get("status") != "ok":
        return []
    notes = stage["notes"]
    return [
        f"Timed back to back in {len(notes['rounds'])} rounds (median of each round's ratio): "
        f"networkx loop / `gap_table` = {notes['loop_over_gaps']:.1f}×; "
        f"(read + `gap_table`) / floor from disk = {notes['from_disk_over_floor']:.1f}×; "
        f"`gap_table` / floor in memory = {notes['gaps_over_floor']:.1f}×."
    ]


def _notes(notes: dict) -> str:
    parts = []
    if notes.get("extrapolated"):
        parts.append(
            f"timed on a random {notes['children_timed']:,} of {notes['children']:,} children, "
            "scaled per child"
        )
    if "per_child" in notes:
        parts.append(
            f"sorting rows per child {seconds(notes['grouping'])} + "
            f"{notes['per_child'] * 1000:.2f} ms per child"
        )
    if "child_tie_rows" in notes:
        parts.append(f"busiest child, {notes['child_tie_rows']} tie rows")
    if "first_call" in notes:
        parts.append(f"first call {seconds(notes['first_call'])}")
    if "districts" in notes:
        parts.append(f"{notes['districts']} districts")
    if "tie_rows" in notes:
        parts.append(f"{notes['tie_rows']:,} tie rows")
    return "; ".join(parts)


def browser_table(browser: dict) -> list[str]:
    if browser.get("status") != "ok":
        return [f"Browser: {browser.get('status')} ({browser.get('reason', '')})."]
    lines = [
        "| page | median open → chart drawn | loads | vs bare page |",
        "|---|---:|---:|---:|",
    ]
    bare = browser["bare"]["median"]
    for key, label in (
        ("bare", "bare app, one empty plotly chart, opened from its menu"),
        ("bare_direct", "bare app, one empty plotly chart, URL loaded in a new tab"),
        ("child_map", "child map page, opened from the app's menu"),
    ):
        page = browser[key]
        ratio = "reference" if key == "bare" else f"{page['median'] / bare:.2f}× bare"
        lines.append(f"| {label} | {seconds(page['median'])} | {len(page['times'])} | {ratio} |")
    return lines


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    met: bool | None


def targets(all_sizes: dict, browser: dict) -> list[Target]:
    """The targets of the performance issue, judged at the largest size measured."""
    largest = max(all_sizes)
    stages = with_derived(all_sizes[largest])
    refs = references(stages, largest)
    found = []

    ratios = (stages.get("ratios") or {}).get("notes") if _ok(stages, "ratios") else None
    gaps, loop = _median(stages, "gaps"), refs["memory"][0]
    ratio = ratios["loop_over_gaps"] if ratios else (loop / gaps if gaps and loop else None)
    found.append(
        Target(
            "gap summaries ≥ 20× faster than the networkx loop",
            f"{ratio:.1f}×" if ratio else "–",
            ratio >= 20 if ratio else None,
        )
    )
    for key, scope, interleaved_key, name in (
        (
            "gaps_from_disk",
            "disk",
            "from_disk_over_floor",
            "gap summaries ≤ 5× the floor (from CSV)",
        ),
        ("gaps", "memory", "gaps_over_floor", "gap summaries ≤ 5× the floor (in memory)"),
    ):
        ours, floor = _median(stages, key), refs[scope][1]
        ratio = ratios[interleaved_key] if ratios else (ours / floor if ours and floor else None)
        found.append(Target(name, f"{ratio:.1f}×" if ratio else "–", ratio <= 5 if ratio else None))
    for key, limit, name in (
        ("district", 1.0, "district table < 1 s"),
        ("figure", 0.1, "one child's figure < 100 ms"),
    ):
        ours = _median(stages, key)
        found.append(Target(name, seconds(ours), ours < limit if ours is not None else None))
    for backend in ("sqlite", "postgresql"):
        saves = [_median(with_derived(s), f"save:{backend}") for s in all_sizes.values()]
        saves = [s for s in saves if s is not None]
        found.append(
            Target(
                f"one save < 200 ms at every size ({backend})",
                " / ".join(seconds(s) for s in saves) or "–",
                all(s < 0.2 for s in saves) if saves else None,
            )
        )
    product_peaks = [
        stage["peak_mb"]
        for key, stage in stages.items()
        if stage.get("status") == "ok"
        and stage.get("peak_mb")
        and key not in ("baseline", "floor_disk", "floor_memory", "ratios")
    ]
    peak = max(product_peaks, default=None)
    found.append(
        Target(
            "peak memory < 2 GB",
            f"{peak / MB_PER_GB:.2f} GB" if peak else "–",
            peak < 2 * MB_PER_GB if peak else None,
        )
    )
    if browser.get("status") == "ok":
        ratio = browser["child_map"]["median"] / browser["bare"]["median"]
        found.append(
            Target("child map in the browser ≤ 1.5× the bare page", f"{ratio:.2f}×", ratio <= 1.5)
        )
    else:
        found.append(Target("child map in the browser ≤ 1.5× the bare page", "–", None))
    return found


def markdown(all_sizes: dict, browser: dict, machine: dict) -> str:
    """The whole results page."""
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine['cores']} cores (`os.cpu_count()`), Python {machine['python']}, "
        f"{machine['platform']}. Run {machine['when']}, {machine['repeats']} repeats per timing "
        f"(median shown), at niceness {machine.get('priority', 0)}.",
        "",
        "Ratios compare like with like: a whole data set in memory with the networkx loop and the "
        "in-memory floor; a run from the CSV folder with reading plus the loop and the floor that "
        "reads ties.csv; one child with the per-child share of each.",
    ]
    for children, stages in sorted(all_sizes.items()):
        generated = machine.get("generated", {}).get(children)
        lines += ["", f"## {children:,} children", ""]
        if generated:
            lines += [f"Synthetic data generated in {generated:.1f} s.", ""]
        loads = [stage["load"] for stage in stages.values() if "load" in stage]
        if loads:
            lines += [
                f"Load average (1 min) around the stages: {min(loads):.1f} to {max(loads):.1f} "
                f"on {machine['cores']} cores.",
                "",
            ]
        lines += size_table(children, stages)
        lines += [""] + interleaved(stages) if _ok(stages, "ratios") else []
    lines += ["", "## Browser", ""] + browser_table(browser)
    lines += [
        "",
        f"## Targets (at {max(all_sizes):,} children)",
        "",
        "| target | measured | met |",
        "|---|---:|---|",
    ]
    for target in targets(all_sizes, browser):
        met = "–" if target.met is None else ("yes" if target.met else "**no**")
        lines.append(f"| {target.name} | {target.measured} | {met} |")
    return "\n".join(lines) + "\n"
