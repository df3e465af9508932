"""Synthetic data sets of any size in the interchange format, for demos, tests and benchmarks.

:func:`generate` and :func:`write_synthetic` draw a :class:`~.world.World` (the districts, their
services and caseworkers: :mod:`.districts`, :mod:`.world`), then the children chunk by chunk:
who they are (:mod:`.children`), the members of their systems (:mod:`.cast`, :mod:`.members`),
the ties (:mod:`.ties`), what later assessments found (:mod:`.assessments`) and what conferences
agreed (:mod:`.actions`). The same arguments always give byte-identical files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from eska_network.domain import schema
from eska_network.domain.model import Dataset
from eska_network.domain.synth.actions import actions_table
from eska_network.domain.synth.assessments import assessments_table
from eska_network.domain.synth.children import (
    SCHOOL_AGE,
    YOUNGEST_WITH_EARLY_SEXUAL_EXPERIENCE,
    Children,
)
from eska_network.domain.synth.csv_files import CsvAppender
from eska_network.domain.synth.districts import REAL_DISTRICTS, district_names, faiths, local_head
from eska_network.domain.synth.members import draw_presence, members_table
from eska_network.domain.synth.ties import Ties
from eska_network.domain.synth.world import World

__all__ = [
    "CHUNK_CHILDREN",
    "REAL_DISTRICTS",
    "SCHOOL_AGE",
    "YOUNGEST_WITH_EARLY_SEXUAL_EXPERIENCE",
    "district_names",
    "faiths",
    "generate",
    "local_head",
    "source_digest",
    "write_synthetic",
]

CHUNK_CHILDREN = 20_000
"""Children generated at once: bounds memory, and fixes how the random streams are split."""


def generate(
    children: int, districts: int = 10, seed: int = 0, names: Sequence[str] | None = None
) -> Dataset:
    """A synthetic data set with a realistic mix of support systems and gaps.

    Parameters
    ----------
    children : int
        Number of children (0 or more).
    districts : int
        Number of districts (1 or more): the real names of :data:`REAL_DISTRICTS` first, then
        generated names such as ``Kabupaten Sintetis 12``.
    seed : int
        The same seed gives the same data set.
    names : sequence of str, optional
        The districts' names, instead of :func:`district_names` (``districts`` of them).

    Returns
    -------
    Dataset
        About 9 members and 20 tie rows per child, over 1 to 3 assessments in 2024-2026.

    Examples
    --------
    >>> dataset = generate(50, districts=3, seed=1)
    >>> len(dataset.children), dataset.children["district"].nunique()
    (50, 3)
    """
    world = World.build(children, districts, seed, names)
    chunks = [_chunk(world, start, stop) for start, stop in _chunk_bounds(children)]
    if not chunks:
        return Dataset(resources=world.resources)
    tables = {
        spec.name.removesuffix(".csv"): pd.concat(
            [chunk.table(spec) for chunk in chunks], ignore_index=True
        )
        for spec in _PER_CHILD
    }
    return Dataset(**tables, resources=world.resources)


_PER_CHILD = (
    schema.CHILDREN,
    schema.MEMBERS,
    schema.TIES,
    schema.ASSESSMENTS,
    schema.ACTIONS,
)
"""The files with rows per child, written chunk by chunk."""


def write_synthetic(out: Path, children: int, districts: int = 10, seed: int = 0) -> None:
    """Write ``generate(children, districts, seed)`` as a data folder, chunk by chunk.

    The files are byte-identical for the same arguments. Each file is written under a temporary
    name and renamed when complete, so an interrupted run leaves no half-written file behind.
    """
    world = World.build(children, districts, seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    writers = {spec.name: CsvAppender(out / spec.name, spec) for spec in schema.FILES}
    try:
        writers[schema.RESOURCES.name].append(world.resources)
        for start, stop in _chunk_bounds(children):
            chunk = _chunk(world, start, stop)
            for spec in _PER_CHILD:
                writers[spec.name].append(chunk.table(spec))
        for writer in writers.values():
            writer.finish()
    finally:
        for writer in writers.values():
            writer.discard()


def _chunk_bounds(children: int) -> list[tuple[int, int]]:
    if children < 0:
        raise ValueError(f"children must be 0 or more, not {children}")
    return [
        (start, min(start + CHUNK_CHILDREN, children))
        for start in range(0, children, CHUNK_CHILDREN)
    ]


def _chunk(world: World, start: int, stop: int) -> Dataset:
    """The children numbered ``start`` to ``stop - 1``, with their members and ties."""
    rng = np.random.default_rng([world.seed, 1, start])
    # What the second format version added comes from a stream of its own.
    more = np.random.default_rng([world.seed, 2, start])
    kids = Children.draw(world, rng, start, stop, more)
    ids = pa.array(kids.ids(world), pa.large_string())
    presence, gained = draw_presence(world, rng, kids)
    ties = Ties.draw(rng, kids, presence, gained, more)
    return Dataset(
        kids.table(world, ids),
        members_table(world, kids, ids, presence),
        ties.table(ids),
        assessments=assessments_table(kids, ids, more),
        actions=actions_table(world, kids, ids, more),
    )


def source_digest() -> str:
    """A digest of the generator's source: every module of this package, by name.

    Caches of generated data (the large demo set, the benchmarks' data sets) carry it in their
    folder's name, so that a changed generator makes new data.
    """
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
