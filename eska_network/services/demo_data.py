"""The data demo mode loads: the shipped sample, or a larger synthetic set for planners.

``ESKA_DEMO_DATA`` chooses: ``sample`` (the default: ``sample_data/``, 67 children whose stories a
conference can follow) or ``large`` (:data:`LARGE`: 3,000 synthetic children in 30 districts over
2024 to 2026, so that the district pages mean something with small counts suppressed at K = 10).
The large set is generated once, from a fixed seed, into ``data/`` and reused; nothing is fetched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from eska_network.domain import synth
from eska_network.store.engine import REPO_ROOT

__all__ = ["DEMO_DATA_VARIABLE", "LARGE", "SAMPLE_DATA", "DemoSize", "demo_folder"]

DEMO_DATA_VARIABLE = "ESKA_DEMO_DATA"
SAMPLE_DATA = REPO_ROOT / "sample_data"


@dataclass(frozen=True)
class DemoSize:
    """A synthetic demo data set: how many children, in how many districts, from which seed."""

    children: int
    districts: int
    seed: int


LARGE = DemoSize(children=3000, districts=30, seed=13)


def demo_folder(
    environ: Mapping[str, str] = os.environ, data_dir: Path = REPO_ROOT / "data"
) -> Path:
    """The data folder demo mode loads into an empty store (``ESKA_DEMO_DATA``).

    Raises
    ------
    ValueError
        When ``ESKA_DEMO_DATA`` is neither ``sample`` nor ``large``.
    """
    choice = environ.get(DEMO_DATA_VARIABLE, "").strip().lower() or "sample"
    if choice == "sample":
        return SAMPLE_DATA
    if choice == "large":
        return large_demo(data_dir)
    raise ValueError(f"{DEMO_DATA_VARIABLE} must be 'sample' or 'large', not {choice!r}")


def large_demo(data_dir: Path, size: DemoSize = LARGE) -> Path:
    """The large demo set in ``data_dir``, generated first when missing (all files or none).

    The folder's name carries the size and a digest of the generator's source, so a changed
    generator makes a new set.
    """
    digest = synth.source_digest()[:10]
    folder = data_dir / f"demo-{size.children}-d{size.districts}-s{size.seed}-{digest}"
    if folder.is_dir():
        return folder
    data_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".demo-", dir=data_dir))
    try:
        synth.write_synthetic(staging, size.children, size.districts, size.seed)
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder
