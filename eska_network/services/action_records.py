"""An agreed action as read from the store, its versions, and the errors a change to one meets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from eska_network import i18n
from eska_network.domain import codes, follow_up
from eska_network.domain.gap_items import GapItem
from eska_network.services import access

STATUSES = codes.ACTION_STATUSES.codes
"""Every status: a task's, then a referral's."""
TIE_SEPARATOR = "|"
"""Joins a tie's two ends in ``gap_detail`` (member ids never hold it)."""
MAX_TEXT = 500
"""The longest ``what`` or ``who`` accepted: a short line, not a case note."""


@dataclass(frozen=True)
class Action:
    """One stored action of a child: a task, or a referral to ``resource_id``.

    ``gap`` is the gap it answers (``None`` for an action imported without one); ``key`` its
    actions.csv ``action_id``; ``created_on`` the day it was agreed and ``status_on`` the day its
    status last changed.
    """

    action_id: int
    child_id: str
    gap: GapItem | None
    what: str
    who: str
    due_on: dt.date | None
    status: str
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    revision: int
    key: str = ""
    worker_role: str = "facilitator"
    resource_id: str | None = None
    created_on: dt.date | None = None
    status_on: dt.date | None = None

    @property
    def is_referral(self) -> bool:
        return follow_up.is_referral(self.status)

    def next_statuses(self) -> tuple[str, ...]:
        """The statuses this action may move to."""
        return follow_up.next_statuses(self.status)

    def is_overdue(
        self, today: dt.date, referral_days: int = follow_up.REFERRAL_ANSWER_DAYS
    ) -> bool:
        """Still to be done after its date, or sent and not accepted in ``referral_days``.

        >>> day = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        >>> action = Action(1, "C1", GapItem("unmet_need", "legal"), "Refer", "Ani",
        ...     dt.date(2026, 3, 1), "open", "ani", day, day, 1)
        >>> action.is_overdue(dt.date(2026, 3, 1)), action.is_overdue(dt.date(2026, 3, 2))
        (False, True)
        """
        return follow_up.is_overdue(
            self.status, self.due_on, self.status_on, self.created_on, today, referral_days
        )


@dataclass(frozen=True)
class ActionVersion:
    """One version of an action in its history: what its status was from when, and who."""

    revision: int
    status: str
    status_on: dt.date | None
    changed_by: str
    changed_at: dt.datetime


class ActionError(ValueError):
    """An action or a change of one the conference cannot make; ``said`` says why in words."""

    def __init__(self, said: i18n.Said) -> None:
        self.said = said
        super().__init__(f"action: {said('en')}")


class ActionConflictError(RuntimeError):
    """The action was changed by someone else since it was read; this change was not saved."""

    def __init__(self, action_id: int) -> None:
        self.said = i18n.say("conference.error.conflict", action=action_id)
        super().__init__(self.said("en"))


def gap_of(kind: str | None, detail: str) -> GapItem | None:
    """The gap item an action row names (``gap_kind``, ``gap_detail``).

    >>> gap_of("stale_tie", "child|teacher")
    GapItem(kind='stale_tie', subject=('child', 'teacher'))
    """
    if kind is None:
        return None
    if TIE_SEPARATOR in detail:
        source, target = detail.split(TIE_SEPARATOR, 1)
        return GapItem(kind, (source, target))
    return GapItem(kind, detail)


def gap_detail(gap: GapItem | None) -> str:
    """The ``gap_detail`` an action row stores for ``gap`` (the inverse of :func:`gap_of`)."""
    if gap is None:
        return ""
    return TIE_SEPARATOR.join(gap.tie) if gap.tie else str(gap.subject)


def action_of_row(row: Mapping) -> Action:
    """An ``actions`` row as an :class:`Action` (times in UTC)."""
    return Action(
        action_id=row["action_id"],
        child_id=row["child_id"],
        gap=gap_of(row["gap_kind"], row["gap_detail"]),
        what=row["what"],
        who=row["who"],
        due_on=row["due_on"],
        status=row["status"],
        created_by=row["created_by"],
        created_at=access.as_utc(row["created_at"]),
        updated_at=access.as_utc(row["updated_at"]),
        revision=row["revision"],
        key=row["action_key"],
        worker_role=row["worker_role"],
        resource_id=row["resource_id"],
        created_on=row["created_on"],
        status_on=row["status_on"],
    )
