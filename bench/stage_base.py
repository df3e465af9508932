"""What every benchmark stage shares: its context, the registry of stages, timing, the product's
modules (or a clear "not available"), and the store's database made afresh."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

STAGES: dict[str, Callable[[Context], dict]] = {}


@dataclass(frozen=True)
class Context:
    """What every stage is given: the data folder, how many repeats, where to work."""

    data: Path
    repeats: int
    sample: int
    work: Path
    database: str | None
    profile: Path | None = None


class NotAvailable(Exception):
    """A part of the product this stage measures does not exist (yet)."""


def stage(function: Callable[[Context], dict]) -> Callable[[Context], dict]:
    """Register ``stage_NAME`` as the stage ``NAME`` of ``python -m bench.stage``."""
    STAGES[function.__name__.removeprefix("stage_")] = function
    return function


def timed(action: Callable[[], object], repeats: int, *, warm_up: bool = False) -> list[float]:
    """Seconds each of ``repeats`` calls of ``action`` took (after one untimed call if asked)."""
    if warm_up:
        action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def wall_and_cpu(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (every thread of this process) of one call of ``action``."""
    start, start_cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - start, time.process_time() - start_cpu


def cpu_timed(action: Callable[[], object]) -> float:
    """CPU seconds (every thread of this process) one call of ``action`` took."""
    start = time.process_time()
    action()
    return time.process_time() - start


def importlib_module(name: str):
    """A product module, or :class:`NotAvailable`."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise NotAvailable(f"{name} cannot be imported: {error}") from None


def product(module: str, *names: str):
    """Attributes of a product module, or :class:`NotAvailable` naming what is missing."""
    found = importlib_module(f"eska_network.{module}")
    missing = [name for name in names if not hasattr(found, name)]
    if missing:
        raise NotAvailable(f"eska_network.{module} has no {', '.join(missing)}")
    values = tuple(getattr(found, name) for name in names)
    return values[0] if len(values) == 1 else values


def read(context: Context):
    """The data set of the context's folder, read and checked as the product reads it."""
    return product("domain.io", "read_dataset")(context.data)


def busiest_child(dataset) -> tuple[str, int]:
    """The child with the most tie rows (the worst case for one child's figure and save)."""
    counts = dataset.ties["child_id"].value_counts()
    return str(counts.index[0]), int(counts.iloc[0])


def reset_database(url: str) -> None:
    """An empty database at ``url``: the SQLite file removed, or the PostgreSQL database remade."""
    import sqlalchemy as sa

    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(parsed.database + suffix).unlink(missing_ok=True)
        return
    import psycopg

    # The role owns a maintenance database (the test one) to connect to while it remakes this.
    admin = parsed.set(drivername="postgresql", database="eska_test")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{parsed.database}"')


def close(store) -> None:
    """Release a store's connections."""
    closing = getattr(store, "close", None) or getattr(
        getattr(store, "engine", None), "dispose", None
    )
    if closing is not None:
        closing()
