"""The store: one object over one database, with every operation the app and command line need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from eska_network.domain.model import ChildSystem, Dataset
from eska_network.store import assessment, engine, importing, reading, summaries, tables
from eska_network.store.assessment_changes import AssessmentChanges, SavedRevision
from eska_network.store.importing import ImportReport

IMPORT_USER = "import"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Store:
    """A migrated database holding data sets, their history and the gap summaries.

    Build one with :func:`open_store`. Every method runs in its own transaction.
    """

    engine: sa.Engine

    @property
    def url(self) -> sa.URL:
        return self.engine.url

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        """A read transaction (one consistent snapshot)."""
        with self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def writing(self) -> Iterator[sa.Connection]:
        """A write transaction: committed at the end of the block, rolled back on any error."""
        with self.engine.connect().execution_options(eska_write=True) as connection:
            with connection.begin():
                yield connection

    def is_empty(self) -> bool:
        """True when the store holds no child."""
        with self.reading() as connection:
            return connection.scalar(sa.select(tables.children.c.child_id).limit(1)) is None

    def import_dataset(
        self,
        dataset: Dataset,
        user_name: str = IMPORT_USER,
        role: str = "cli",
        saved_at: dt.datetime | None = None,
    ) -> ImportReport:
        """Add or update everything in ``dataset``, all or nothing.

        Children, members and resources are upserted; tie rows already stored for the same tie
        and date are skipped; a stored row for the same tie and date with other values is an
        :class:`ImportConflictError` naming it, and nothing is imported. The gap summaries of the
        changed children are recomputed in the same transaction, and each child whose caseworker
        changes gets a ``reassign`` audit row by ``user_name`` in ``role``. ``saved_at`` (default:
        now) is the time the revisions record; only demo mode sets it, to an earlier time.
        """
        with self.writing() as connection:
            return importing.import_dataset(
                connection, dataset, user_name, saved_at or utc_now(), role
            )

    def load_dataset(self, child_ids: Sequence[str] | None = None) -> Dataset:
        """The children ``child_ids`` (default: all) with their members and ties, all resources."""
        with self.reading() as connection:
            return reading.load_dataset(connection, child_ids)

    def export_dataset(self) -> Dataset:
        """Everything, ready for ``io.write_dataset``; members removed carry ``removed_on``."""
        return self.load_dataset()

    def child_system(self, child_id: str, as_of: dt.date | None = None) -> ChildSystem:
        """One child's record (KeyError when there is no such child); see reading.child_system."""
        with self.reading() as connection:
            return reading.child_system(connection, child_id, as_of)

    def revision(self, child_id: str) -> int:
        """The child's current revision: pass it back as ``expected_revision`` when saving."""
        with self.reading() as connection:
            value = connection.scalar(
                sa.select(tables.children.c.revision).where(tables.children.c.child_id == child_id)
            )
        if value is None:
            raise KeyError(f"no child {child_id!r}")
        return value

    def record_assessment(
        self,
        child_id: str,
        assessed_on: dt.date,
        changes: AssessmentChanges,
        expected_revision: int,
        user_name: str,
    ) -> int:
        """Save an assessment atomically and return the child's new revision.

        Raises :class:`AssessmentError` (per-field problems) when a change breaks a rule,
        :class:`ConcurrentEditError` when the child was saved since ``expected_revision``, and
        KeyError for an unknown child; in each case nothing is saved. Changes that change
        nothing return ``expected_revision``.
        """
        with self.writing() as connection:
            return assessment.record(
                connection, child_id, assessed_on, changes, expected_revision, user_name, utc_now()
            )

    def saves(self, child_id: str, since_revision: int = 0) -> tuple[SavedRevision, ...]:
        """Who saved the child's record and when, oldest first."""
        with self.reading() as connection:
            return assessment.saves_since(connection, child_id, since_revision)

    def child_history(self, child_id: str) -> pd.DataFrame:
        """Every recorded version of the child's row (needs, risks, wellbeing...) by revision."""
        table = tables.child_history
        query = sa.select(table).where(table.c.child_id == child_id).order_by(table.c.revision)
        with self.reading() as connection:
            return pd.DataFrame(connection.execute(query).mappings().all(), columns=table.c.keys())

    def children(self, child_ids: Sequence[str] | None = None) -> pd.DataFrame:
        """The children table alone (no members or ties): for caseload and district views."""
        with self.reading() as connection:
            return reading.children_table(connection, child_ids)

    def gap_summaries(self, child_ids: Sequence[str] | None = None) -> pd.DataFrame:
        """The stored gap summaries (columns of summary.SUMMARY_COLUMNS), sorted by child id."""
        with self.reading() as connection:
            return summaries.read(connection, child_ids)

    def recompute_summaries(self) -> int:
        """Recompute every stored summary (after a change of the gap rules); returns the count."""
        with self.writing() as connection:
            ids = list(connection.scalars(sa.select(tables.children.c.child_id)))
            return summaries.recompute(connection, ids)

    def table_counts(self) -> dict[str, int]:
        """The number of rows of every table."""
        with self.reading() as connection:
            return {
                name: connection.scalar(sa.select(sa.func.count()).select_from(table)) or 0
                for name, table in tables.metadata.tables.items()
            }


def open_store(url: str | None = None) -> Store:
    """The store at ``url`` (default: ``$ESKA_DATABASE_URL``, else ``data/eska.db``), migrated."""
    store = Store(engine.make_engine(engine.database_url(url)))
    engine.upgrade(store.engine)
    return store


def ensure_sample_loaded(store: Store, folder: Path, saved_at: dt.datetime | None = None) -> bool:
    """Import the data set in ``folder`` when the store is empty; True when it did."""
    from eska_network.domain import io

    if not store.is_empty():
        return False
    store.import_dataset(io.read_dataset(folder), saved_at=saved_at)
    return True
