"""The store: SQLAlchemy over SQLite (default) or PostgreSQL, with history and gap summaries.

Every page and command goes through :class:`Store`; open one with :func:`open_store`, which
applies the Alembic migrations of ``eska_network/migrations`` first.

What the store promises, and how:

- **Nothing recorded is lost.** Tie rows are only ever added (one per tie per ``assessed_on``);
  every version of a child's and a member's row is kept in ``child_history`` and
  ``member_history`` with its revision and date, the ``children`` and ``members`` rows holding the
  latest; ``revisions`` says who saved what and when.
- **Earlier maps do not change.** An assessment may not be dated before the child's latest one,
  and a tie that already has a row on the assessment date is refused rather than replaced (a
  correction is recorded at a later date). A removed member stays, marked ``removed_on`` (an
  extra ``members.csv`` column in the export), its ties recorded as ended (strength 0).
- **Concurrent edits are refused, not merged.** Each child has a ``revision``; a save names the
  revision its form was opened at and :class:`ConcurrentEditError` refuses it if another save
  came first, keeping the refused changes for the form.
- **Imports are all or nothing and idempotent.** One transaction; rows equal to stored ones are
  skipped; a stored tie row with other values for the same date is an error naming it. Columns
  the format does not know are kept as JSON and exported back (an extra column empty in every
  row is not). An export is sorted by key; a CSV file's own row order is not kept.
- **Gap summaries are current.** Each save or import recomputes the summaries of the children it
  changed in the same transaction.
"""

from eska_network.store.assessment_changes import (
    AssessmentChanges,
    AssessmentError,
    ChildChange,
    ConcurrentEditError,
    MemberChange,
    Problem,
    SavedRevision,
    TieUpdate,
)
from eska_network.store.backup import backup, restore
from eska_network.store.core import Store, ensure_sample_loaded, open_store
from eska_network.store.engine import database_url
from eska_network.store.importing import ImportConflictError, ImportReport

__all__ = [
    "AssessmentChanges",
    "AssessmentError",
    "ChildChange",
    "ConcurrentEditError",
    "ImportConflictError",
    "ImportReport",
    "MemberChange",
    "Problem",
    "SavedRevision",
    "Store",
    "TieUpdate",
    "backup",
    "database_url",
    "ensure_sample_loaded",
    "open_store",
    "restore",
]
