"""Synthetic data sets for the benchmarks, generated once per size and cached under bench/data/."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = BENCH_DIR / "data"
OUT_DIR = BENCH_DIR / "out"
DISTRICTS = 500
SEED = 0


def synth_folder(children: int) -> Path:
    """Where the data set of ``children`` children is cached.

    The name carries a digest of the generator's source (every module of the package), so a
    changed generator makes new data.
    """
    from eska_network.domain import synth

    return DATA_DIR / f"synth-{children}-d{DISTRICTS}-s{SEED}-{synth.source_digest()[:10]}"


def ensure_synth(children: int, fresh: bool = False) -> tuple[Path, float | None]:
    """The cached data set of ``children`` children, generated first if missing (or ``fresh``:
    always generated anew, so that its generation is timed).

    Returns
    -------
    tuple
        The folder, and the seconds generation took (None when it was already cached).
    """
    folder = synth_folder(children)
    if (folder / "ties.csv").exists() and not fresh:
        return folder, None
    from eska_network.domain import synth

    for stale in DATA_DIR.glob(f"synth-{children}-d{DISTRICTS}-s{SEED}*"):
        shutil.rmtree(stale)  # made by an older generator, or an interrupted run
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    start = time.perf_counter()
    synth.write_synthetic(partial, children=children, districts=DISTRICTS, seed=SEED)
    seconds = time.perf_counter() - start
    # Renamed only when complete, so an interrupted run never leaves a half data set in the cache.
    partial.rename(folder)
    return folder, seconds
