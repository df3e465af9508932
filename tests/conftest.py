"""Shared fixtures, named after what they are."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from eska_network.domain import io
from eska_network.domain.model import Child, Dataset, Member, Resource, Tie
from eska_network.store import open_store, tables

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = REPO_ROOT / "sample_data"


@pytest.fixture(scope="session")
def sample_dataset():
    """The shipped sample data set, read once."""
    return io.read_dataset(SAMPLE_DATA)


# --- Store fixtures: every store test runs on SQLite and on PostgreSQL. ---------------------------

POSTGRES_TEST_URL = os.environ.get(
    "ESKA_TEST_DATABASE_URL", "postgresql+psycopg://eska:eska@localhost:5432/eska_test"
)
STORE_ENGINES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=[pytest.mark.postgres, pytest.mark.xdist_group("postgres")],
    ),
]


@contextmanager
def empty_database(engine: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file in ``folder``, or a fresh PostgreSQL schema.

    The PostgreSQL schema is dropped afterwards; an unreachable server fails the test (the test
    command starts one with .ci/services.sh), it is never skipped.
    """
    if engine == "sqlite":
        yield f"sqlite:///{folder / 'eska.db'}"
        return
    schema_name = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_TEST_URL)
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"CREATE SCHEMA {schema_name}")
    except sa.exc.OperationalError as error:
        admin.dispose()
        pytest.fail(
            f"PostgreSQL is not reachable at {sa.make_url(POSTGRES_TEST_URL)} "
            "(set ESKA_TEST_DATABASE_URL, or "
            f"run .ci/services.sh): {error.orig}",
            pytrace=False,
        )
    url = sa.make_url(POSTGRES_TEST_URL).update_query_dict(
        {"options": f"-csearch_path={schema_name}"}
    )
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema_name} CASCADE")
        admin.dispose()


@pytest.fixture(params=STORE_ENGINES)
def store_url(request, tmp_path):
    """The URL of an empty database, once on SQLite and once on PostgreSQL."""
    with empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url):
    """A migrated, empty store on each engine."""
    opened = open_store(store_url)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def small_dataset():
    """Two children in one district: C1 with a family, a community and an institution member."""
    return Dataset.from_objects(
        children=[
            Child("C1", "Kota Bandung", 15, "F", "cw_ani", ("maltreatment",), ("legal", "housing")),
            Child("C2", "Kota Bandung", 9, caseworker="cw_budi"),
        ],
        members=[
            Member("C1", "mother", "Mother", "family", "mother"),
            Member("C1", "imam", "Imam Cibiru", "community", "religious_leader"),
            Member("C1", "lbh", "LBH Bandung", "institution", "legal_aid", "R1"),
        ],
        ties=[
            Tie(
                "C1",
                "child",
                "mother",
                4,
                "supportive",
                dt.date(2026, 1, 5),
                support_types=("emotional",),
                functions=("acceptance",),
                needs_met=("housing",),
                last_contact=dt.date(2026, 1, 2),
            ),
            Tie("C1", "child", "imam", 2, "ambivalent", dt.date(2026, 1, 5)),
            Tie("C1", "mother", "lbh", 3, "supportive", dt.date(2026, 1, 5), needs_met=("legal",)),
            Tie(
                "C1",
                "child",
                "mother",
                3,
                "supportive",
                dt.date(2026, 3, 1),
                support_types=("emotional",),
            ),
        ],
        resources=[Resource("R1", "Kota Bandung", "LBH Bandung", "institution", ("legal",), "ngo")],
    )


@pytest.fixture
def small_store(store, small_dataset):
    """The store on each engine, holding ``small_dataset``."""
    store.import_dataset(small_dataset)
    return store


def clear_store(store) -> None:
    """Delete every row but the audit's (for property tests that reuse one store per example)."""
    with store.writing() as connection:
        for table in reversed(tables.metadata.sorted_tables):
            if table.name != "audit":
                connection.execute(table.delete())


@pytest.fixture
def downloads(monkeypatch) -> list[tuple[str, bytes]]:
    """The (file name, bytes) of every download button drawn, kept as the app hands them over."""
    kept = []
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):
        kept.append((filename, path_or_data))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return kept


from .map_page_fixtures import bandung_app_store  # noqa: E402, F401 - offered to every module
