"""The store: SQLAlchemy over SQLite (default) or PostgreSQL, with history and gap summaries.

Every page and command goes through :class:`Store`; open one with :func:`open_store`.
"""

from eska_network.store.assessment import (
    AssessmentChanges,
    AssessmentError,
    ChildChange,
    ConcurrentEditError,
    MemberChange,
    Problem,
    SavedRevision,
    TieChange,
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
    "TieChange",
    "backup",
    "database_url",
    "ensure_sample_loaded",
    "open_store",
    "restore",
]
