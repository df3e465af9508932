"""Run a benchmark stage or a command in a child process and collect its times and peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def _wait(
    command: list[str], log: Path, stdout: Path | None = None
) -> tuple[int, float, float, float]:
    """Run ``command``; its exit status, wall seconds, peak resident memory in MB and CPU seconds
    (user + system)."""
    with open(log, "ab") as errors, open(stdout or log, "ab") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=output, stderr=errors)
        # wait4 gives this one child's own peak memory (getrusage would mix every child).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def run_stage(name: str, data: Path, log: Path, **options: object) -> dict:
    """Run ``python -m bench.stage name`` and return its result with ``median`` and ``peak_mb``."""
    with tempfile.TemporaryDirectory() as folder:
        result_file = Path(folder) / "result.json"
        command = [sys.executable, "-m", "bench.stage", name, "--data", str(data)]
        command += ["--result", str(result_file)]
        for option, value in options.items():
            if value is not None:
                command += [f"--{option}", str(value)]
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"\n$ {' '.join(command)}\n")
        load = os.getloadavg()[0]
        code, _, peak, _ = _wait(command, log)
        if not result_file.exists():
            return {"status": "failed", "reason": f"exit status {code}, see {log.name}"}
        result = json.loads(result_file.read_text(encoding="utf-8"))
    result["peak_mb"] = peak
    result["load"] = max(load, os.getloadavg()[0])
    if result.get("times"):
        result["median"] = statistics.median(result["times"])
    return result


def run_command(command: list[str], repeats: int, log: Path) -> dict:
    """Time a whole command (standard output thrown away) ``repeats`` times, as a stage result
    (with the CPU seconds of each run in ``cpu``)."""
    times, peaks, cpu = [], [], []
    load = os.getloadavg()[0]
    for _ in range(repeats):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"\n$ {' '.join(command)}\n")
        code, seconds, peak, used = _wait(command, log, stdout=Path(os.devnull))
        if code != 0:
            return {"status": "failed", "reason": f"exit status {code}, see {log.name}"}
        times.append(seconds)
        peaks.append(peak)
        cpu.append(used)
    return {
        "status": "ok",
        "times": times,
        "median": statistics.median(times),
        "peak_mb": max(peaks),
        "cpu": cpu,
        "load": max(load, os.getloadavg()[0]),
    }
