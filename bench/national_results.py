"""The national run's results as markdown: issue 15's table (measured, target, met), then what
each size measured, with the time and the load average of each step."""

from __future__ import annotations

from dataclasses import dataclass

from .results import seconds

GB = 1024  # MB per GB (MB are 2^20 bytes, as ru_maxrss gives them)


@dataclass(frozen=True)
class Verdict:
    """One row of the issue's table."""

    what: str
    measured: str
    target: str
    met: bool | None  # None: could not be measured in this run


def _ok(step: dict | None) -> bool:
    return bool(step) and step.get("status") == "ok"


def _note(step: dict | None, key: str) -> float | None:
    return step["notes"].get(key) if _ok(step) and "notes" in step else None


def _why(step: dict | None) -> str:
    if not step:
        return "not run"
    return f"{step.get('status')}: {step.get('reason', '')}"


def _range(step: dict, key: str) -> str:
    values = [r[key] for r in step["notes"]["rounds"]]
    return f"{min(values):.2f}-{max(values):.2f}"


def verdicts(sizes: dict[int, dict]) -> list[Verdict]:
    """Issue 15's six rows, each judged where the issue defines it."""
    rows = []
    ratio_size = max((n for n, s in sizes.items() if _ok(s.get("ratios"))), default=None)
    largest = max(sizes)
    ratios = sizes[ratio_size]["ratios"] if ratio_size else None

    if ratios:
        value = ratios["notes"]["report_cpu_over_floor"]
        spread = _range(ratios, "report_cpu_over_floor")
        measured = (
            f"{value:.2f}x at {ratio_size:,} children (rounds {spread}; "
            f"`report` CPU {ratios['notes']['report_cpu']:.1f} s)"
        )
        report, floor_four = sizes[largest].get("report"), sizes[largest].get("floor_four")
        if largest != ratio_size and _ok(report) and _ok(floor_four):
            separate = report["cpu"][0] / floor_four["median"]
            measured += (
                f"; at {largest:,} in separate processes {separate:.2f}x "
                f"({report['cpu'][0]:.0f} s / {floor_four['median']:.1f} s)"
            )
        rows.append(
            Verdict("`report` CPU vs a floor reading the four CSVs", measured, "<= 3x", value <= 3)
        )
        value = ratios["notes"]["loop_over_gaps"]
        low = min(r["loop_over_gaps"] for r in ratios["notes"]["rounds"])
        cpu = (
            f"; in CPU seconds {ratios['notes']['loop_over_gaps_cpu']:.1f}x "
            f"(rounds {_range(ratios, 'loop_over_gaps_cpu')})"
            if "loop_over_gaps_cpu" in ratios["notes"]
            else ""
        )
        rows.append(
            Verdict(
                "`gap_table` vs the networkx loop, in memory",
                f"median {value:.1f}x at {ratio_size:,} children (rounds "
                f"{_range(ratios, 'loop_over_gaps')}){cpu}",
                ">= 25x, stable",
                value >= 25 and low >= 25,
            )
        )
    else:
        for what, target in (
            ("`report` CPU vs a floor reading the four CSVs", "<= 3x"),
            ("`gap_table` vs the networkx loop, in memory", ">= 25x, stable"),
        ):
            rows.append(Verdict(what, "not measured (no size ran `ratios`)", target, None))

    report = sizes[largest].get("report")
    if _ok(report):
        cpu = report["cpu"][0]
        rows.append(
            Verdict(
                f"peak memory, `report`, {largest:,} children",
                f"{report['peak_mb']:,.0f} MB ({report['median']:.0f} s wall, {cpu:.0f} s CPU)",
                "<= 4 GB (4,096 MB) at 1,000,000",
                report["peak_mb"] <= 4 * GB if largest >= 1_000_000 else None,
            )
        )
    else:
        rows.append(Verdict("peak memory, `report`", _why(report), "<= 4 GB", None))

    page = sizes[largest].get("map_page")
    if _ok(page):
        notes = page["notes"]
        rows.append(
            Verdict(
                f"child map page, server time, supervisor over {notes['children']:,} children",
                f"{seconds(notes['supervisor'])} (caseworker {seconds(notes['caseworker'])}); "
                f"{notes['supervisor_over_caseworker']:.2f}x (rounds "
                f"{_range_ratio(notes)})",
                "<= 1.25x the caseworker's",
                notes["supervisor_over_caseworker"] <= 1.25,
            )
        )
    else:
        rows.append(
            Verdict(
                "child map page, supervisor vs caseworker",
                _why(page),
                "<= 1.25x the caseworker's",
                None,
            )
        )

    views = {n: s["views"] for n, s in sizes.items() if _ok(s.get("views"))}
    uncached = {n: v["notes"]["district_page_uncached"] for n, v in views.items()}
    rows.append(
        Verdict(
            "district page, uncached (after every save)",
            _by_size(uncached) or "not measured",
            "<= 100 ms, flat in the number of children",
            all(t <= 0.1 for t in uncached.values()) if uncached else None,
        )
    )
    first = {n: v["notes"]["caseload_first_view_supervisor"] for n, v in views.items()}
    judged = {n: t for n, t in first.items() if n <= 400 or n == 100_000}
    rows.append(
        Verdict(
            "caseload, first view after a change (supervisor seeing every child)",
            _by_size(first) or "not measured",
            "<= 300 ms for 400 children, <= 1 s for 100k",
            all(t <= (0.3 if n <= 400 else 1.0) for n, t in judged.items()) if judged else None,
        )
    )
    return rows


def _range_ratio(notes: dict) -> str:
    values = [r["supervisor"] / r["caseworker"] for r in notes["rounds"]]
    return f"{min(values):.2f}-{max(values):.2f}"


def _by_size(values: dict[int, float]) -> str:
    return "; ".join(f"{seconds(t)} at {n:,}" for n, t in sorted(values.items()))


def _met(value: bool | None) -> str:
    return "not measured" if value is None else ("met" if value else "**not met**")


VIEW_PARTS = (
    ("access_full_list", "access check, old: the supervisor's full list of children"),
    ("access_one_query", "access check, new: one EXISTS query"),
    ("picker_list", "the child picker's list, old: every child of the supervisor"),
    ("picker_page", "the child picker's list, new: its first page of ids"),
    ("caseload_from_scratch", "caseload, old: every child scored anew"),
    ("caseload_stored_scores", "caseload, new: the scores kept at save time"),
    ("caseload_first_view_supervisor", "caseload page's first view after a change, supervisor"),
    ("caseload_first_view_caseworker", "caseload page's first view after a change, caseworker"),
    ("publish_from_records", "first publication, old: every record read and recomputed"),
    ("publish_from_vectors", "first publication, new: the vectors kept at save time"),
    ("district_page_first_publication", "district page, first publication of the month"),
    ("district_page_uncached", "district page, uncached once published"),
)


def size_lines(children: int, steps: dict) -> list[str]:
    """What one size measured: each step with its time, peak memory and load average."""
    lines = [
        f"### {children:,} children",
        "",
        "| step | started (UTC) | result | peak memory | load average (1 min) |",
        "|---|---|---|---:|---:|",
    ]
    for key, step in steps.items():
        peak = f"{step['peak_mb']:,.0f} MB" if "peak_mb" in step else "–"
        load = f"{step['load']:.1f}" if "load" in step else "–"
        lines.append(
            f"| {key} | {step.get('started', '–')} | {_summary(key, step)} | {peak} | {load} |"
        )
    views = steps.get("views")
    if _ok(views):
        notes = views["notes"]
        lines += [
            "",
            f"Page calls (`views`, median of {len(notes['rounds'])} rounds; busiest "
            f"child {notes['child_tie_rows']} tie rows; its caseworker sees "
            f"{notes['caseworker_children']:,} children):",
            "",
            "| call | median | rounds |",
            "|---|---:|---|",
        ]
        for key, label in VIEW_PARTS:
            if key in notes:
                lines.append(f"| {label} | {seconds(notes[key])} | {_range_seconds(notes, key)} |")
            elif key in notes.get("skipped", []):
                lines.append(f"| {label} | skipped above 200,000 children | |")
    populate = steps.get("populate")
    if _ok(populate):
        lines += [
            "",
            "Tables after the import (`pg_total_relation_size`: table, indexes, TOAST):",
            "",
            "| table | rows | size |",
            "|---|---:|---:|",
        ]
        for name, table in populate["notes"]["tables"].items():
            if table["bytes"] >= 1 << 20 or table["rows"] >= 1000:
                lines.append(
                    f"| {name} | {table['rows']:,} | {table['bytes'] / (1 << 20):,.0f} MB |"
                )
        total = populate["notes"]["total_bytes"] / (1 << 30)
        lines.append(f"| all tables | | {total:,.2f} GB |")
    return lines + [""]


def _range_seconds(notes: dict, key: str) -> str:
    return ", ".join(seconds(r[key]) for r in notes["rounds"])


def _summary(key: str, step: dict) -> str:
    if not _ok(step):
        return _why(step)
    notes = step.get("notes", {})
    if key == "synth":
        return f"{seconds(step['median'])}; {notes['bytes'] / (1 << 20):,.0f} MB of CSV"
    if key == "report":
        return f"{seconds(step['median'])} wall, {step['cpu'][0]:.1f} s CPU"
    if key == "floor_four":
        return f"{seconds(step['median'])} CPU (median of {len(step['times'])})"
    if key == "ratios":
        return (
            f"report CPU / floor {notes['report_cpu_over_floor']:.2f}x; loop / `gap_table` "
            f"{notes['loop_over_gaps']:.1f}x ({len(notes['rounds'])} rounds back to back)"
        )
    if key == "populate":
        return (
            f"import {seconds(step['median'])} ({notes['import_cpu']:.0f} s CPU in Python), "
            f"{notes['tie_rows']:,} tie rows, {notes['caseworkers']:,} caseworkers; "
            f"{notes['total_bytes'] / (1 << 30):.2f} GB in PostgreSQL"
        )
    if key == "views":
        return f"{len(notes['rounds'])} rounds, below"
    if key == "map_page":
        return (
            f"supervisor {seconds(notes['supervisor'])}, caseworker "
            f"{seconds(notes['caseworker'])} ({len(notes['rounds'])} rounds)"
        )
    return seconds(step.get("median"))


def markdown(sizes: dict[int, dict], machine: dict) -> str:
    """The whole page: the issue's table first, then each size."""
    lines = [
        "# Issue 15 at national scale",
        "",
        f"Machine: {machine['cores']} cores, Python {machine['python']}, {machine['platform']}. "
        f"Run {machine['when']} to {machine['ended']}, {machine['repeats']} repeats per timing "
        f"(median shown), at niceness {machine['priority']}; load average (1 min) "
        f"{machine['load_start']:.1f} at the start, {machine['load_end']:.1f} at the end.",
        "",
        "| what | measured | target | met |",
        "|---|---|---|---|",
    ]
    for row in verdicts(sizes):
        lines.append(f"| {row.what} | {row.measured} | {row.target} | {_met(row.met)} |")
    lines.append("")
    for children, steps in sizes.items():
        lines += size_lines(children, steps)
    return "\n".join(lines)
