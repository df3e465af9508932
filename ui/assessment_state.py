"""What the assessment page keeps between runs: the open form and the outcome of its last save.

Frozen dataclasses, one per outcome, so the page reads ``outcome.problems`` rather than a
tuple's positions; a change of the open form is a new :class:`OpenForm`
(``dataclasses.replace``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eska_network.domain.model import Tie
from eska_network.services.assessment_forms import FieldProblem, Record
from eska_network.services.drafts import FormDraft


@dataclass(frozen=True)
class Problems:
    """The save was refused: what is wrong, placed at its entry and field."""

    problems: tuple[FieldProblem, ...]


@dataclass(frozen=True)
class Saved:
    """The save was made: its date and one sentence per change."""

    assessed_on: dt.date
    lines: tuple[str, ...]


@dataclass(frozen=True)
class NothingChanged:
    """The form held no change."""


@dataclass(frozen=True)
class Conflict:
    """Someone saved the child since the form was opened: who and what, in words."""

    saves: tuple[str, ...]


@dataclass(frozen=True)
class Refused:
    """The user may no longer edit the child (reassigned while the form was open)."""


@dataclass(frozen=True)
class AskContact:
    """The save waits: these ties would turn stale as of ``assessed_on`` unless answered."""

    stale: tuple[Tie, ...]
    assessed_on: dt.date
    error: str | None = None


@dataclass(frozen=True)
class DraftKept:
    """The entries were kept as the user's draft, not saved."""


Outcome = Problems | Saved | NothingChanged | Conflict | Refused | AskContact | DraftKept


@dataclass(frozen=True)
class OpenForm:
    """The form open on one child: the record it showed, the record now, its widgets' generation
    (a new one empties the widgets), the number of blank slots, the last outcome."""

    child_id: str
    baseline: Record
    current: Record
    generation: int
    slots: tuple[int, int]
    outcome: Outcome | None = None
    draft: FormDraft | None = None
    """The user's entries kept from an earlier session, shown in place of the record's."""
