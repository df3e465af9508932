"""What one assessment may change, and how a save that was refused says why.

:class:`AssessmentChanges` is what a form, the quick record or a case conference hands the store;
:class:`AssessmentError` and :class:`ConcurrentEditError` are how the store refuses it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import KW_ONLY, dataclass
from typing import Any

from eska_network.domain import codes
from eska_network.domain.model import Child, ChildSystem, Tie, TieProvides
from eska_network.i18n import Said


@dataclass(frozen=True)
class ChildChange:
    """What the assessment found about the child, all of it, as it is after the assessment.

    Start from :meth:`of` the current record and replace what changed
    (``dataclasses.replace(ChildChange.of(system), needs=...)``). The fields that differ from
    the child's current state are saved as an assessments.csv row dated by the assessment; an
    empty list is saved as ``none``. A score, placement or stage once recorded cannot be
    emptied (an empty cell never erases an earlier value): record the current one instead.
    """

    needs: tuple[str, ...] = ()
    risk_factors: tuple[str, ...] = ()
    wellbeing_personal: int | None = None
    wellbeing_interpersonal: int | None = None
    wellbeing_skills: int | None = None
    placement: str | None = None
    reintegration_stage: str | None = None

    @classmethod
    def of(cls, record: ChildSystem | Child) -> ChildChange:
        """The child's current values (as of its latest assessment), to edit."""
        system = record if isinstance(record, ChildSystem) else ChildSystem(record)
        state = system.state_as_of()
        return cls(
            needs=state.needs,
            risk_factors=state.risk_factors,
            **{f"wellbeing_{w}": state.wellbeing[w] for w in codes.WELLBEING},
            placement=state.placement,
            reintegration_stage=state.reintegration_stage,
        )


@dataclass(frozen=True)
class MemberChange:
    """A member to add, or the new values of a member to edit."""

    member_id: str
    label: str
    level: str
    role: str | None = None
    resource_id: str | None = None


@dataclass(frozen=True)
class TieUpdate(TieProvides):
    """A tie's state at the assessment: a new tie, or a new row for an existing one."""

    source: str
    target: str
    strength: int
    valence: str
    _: KW_ONLY
    last_contact: dt.date | None = None

    @classmethod
    def of(cls, tie: Tie, **changed: Any) -> TieUpdate:
        """``tie`` recorded anew at the assessment, with the fields named in ``changed``."""
        kept = cls(
            tie.source,
            tie.target,
            tie.strength,
            tie.valence,
            last_contact=tie.last_contact,
            **tie.provided(),
        )
        return dataclasses.replace(kept, **changed)

    @property
    def pair(self) -> tuple[str, str]:
        return (min(self.source, self.target), max(self.source, self.target))


@dataclass(frozen=True)
class AssessmentChanges:
    """Everything one assessment changes; what is left empty stays as it is.

    Removing a member records every tie of that member that has not ended as ended (strength 0)
    at the assessment date, and marks the member ``removed_on`` that date; the member and its
    past rows stay, so earlier maps and the export keep it.
    """

    child: ChildChange | None = None
    members_added: tuple[MemberChange, ...] = ()
    members_edited: tuple[MemberChange, ...] = ()
    members_removed: tuple[str, ...] = ()
    ties: tuple[TieUpdate, ...] = ()


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of the changes, for a form to show next to that field.

    ``part`` is ``assessed_on``, ``child`` or the name of a tuple of :class:`AssessmentChanges`;
    ``index`` the position in that tuple; ``field`` the column name (None: the whole entry).
    """

    part: str
    index: int | None
    field: str | None
    message: str | Said
    said: Said | None = dataclasses.field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # A message the product writes comes as a Said: kept to be said in either language.
        if isinstance(self.message, Said):
            object.__setattr__(self, "said", self.message)
            object.__setattr__(self, "message", self.message("en"))

    def words(self, lang: str = "en") -> str:
        """What is wrong, in ``lang``."""
        return self.said(lang) if self.said is not None else str(self.message)

    @property
    def where(self) -> str:
        index = "" if self.index is None else f"[{self.index}]"
        name = "" if self.field is None else f".{self.field}"
        return f"{self.part}{index}{name}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class AssessmentError(ValueError):
    """The changes break a rule; nothing was saved."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def by_field(self) -> dict[str, list[str]]:
        """The messages keyed by :attr:`Problem.where` (e.g. ``ties[0].strength``)."""
        result: dict[str, list[str]] = {}
        for problem in self.problems:
            result.setdefault(problem.where, []).append(problem.words())
        return result


@dataclass(frozen=True)
class SavedRevision:
    """One save of a child's record: who, when, and how much it changed."""

    child_id: str
    revision: int
    saved_by: str
    saved_at: dt.datetime
    source: str
    assessed_on: dt.date | None
    child_changed: bool
    members_changed: int
    ties_changed: int

    def describe(self) -> str:
        """E.g. ``Saved by cw_0003 at 2026-11-28 10:14 UTC: 3 ties, 1 member``."""
        verb = "Imported" if self.source == "import" else "Saved"
        parts = [
            _count(self.ties_changed, "tie"),
            _count(self.members_changed, "member"),
            "the child's needs, risks or wellbeing" if self.child_changed else "",
        ]
        dated = f" (assessment of {self.assessed_on})" if self.assessed_on else ""
        when = self.saved_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        what = ", ".join(part for part in parts if part) or "no change"
        return f"{verb} by {self.saved_by} at {when}{dated}: {what}"


def _count(number: int, noun: str) -> str:
    return "" if not number else f"{number} {noun}{'s' if number != 1 else ''}"


class ConcurrentEditError(RuntimeError):
    """Someone saved the child since the form was opened; this save was refused.

    The first save stands; ``changes`` are this save's changes, intact, so the form can keep
    them; ``saves`` are the saves made in between, and ``current_revision`` the one to expect
    when the user saves again.
    """

    def __init__(
        self,
        child_id: str,
        expected_revision: int,
        saves: tuple[SavedRevision, ...],
        changes: AssessmentChanges,
        assessed_on: dt.date,
    ):
        self.child_id = child_id
        self.expected_revision = expected_revision
        self.saves = saves
        self.changes = changes
        self.assessed_on = assessed_on
        self.current_revision = max((save.revision for save in saves), default=expected_revision)
        lines = "; ".join(save.describe() for save in saves)
        super().__init__(
            f"Child {child_id} was changed after you opened it. {lines}. "
            "Your changes were not saved; they are kept so you can review and save them again."
        )
