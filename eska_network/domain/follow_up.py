"""What a case conference agreed and nobody followed up: overdue actions and referrals.

An action is a task (``open``, ``done``, ``dropped``) or a referral (*rujukan*: ``proposed`` ->
``sent`` -> ``accepted`` -> ``active`` -> ``closed``, or ``declined``), each carrying the social
worker's role (facilitator, broker, advocate; DOMAIN.md). Two things are overdue:

- an **action** still to be done (a task ``open``, a referral still ``proposed``) after its
  ``due_on`` date;
- a **referral** ``sent`` and not accepted within :data:`REFERRAL_ANSWER_DAYS` days of being sent
  (its ``status_on``, or ``created_on`` when the date it was sent is not recorded).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

import numpy as np
import pandas as pd

from eska_network.domain import codes

__all__ = [
    "REFERRAL_ANSWER_DAYS",
    "STILL_TO_DO",
    "is_overdue",
    "is_referral",
    "next_statuses",
    "overdue_counts",
    "referral_days",
]

REFERRAL_ANSWER_DAYS = 14
"""Days a service has to accept a referral before the caseload flags it (configurable:
``ESKA_REFERRAL_DAYS``)."""

REFERRAL_DAYS_VARIABLE = "ESKA_REFERRAL_DAYS"


def referral_days(environ: Mapping[str, str] = os.environ) -> int:
    """Days a sent referral may wait to be accepted: ``ESKA_REFERRAL_DAYS`` or 14.

    >>> referral_days({}), referral_days({"ESKA_REFERRAL_DAYS": "21"})
    (14, 21)
    """
    value = environ.get(REFERRAL_DAYS_VARIABLE, "").strip()
    if not value:
        return REFERRAL_ANSWER_DAYS
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{REFERRAL_DAYS_VARIABLE} must be a whole number of days, not {value!r}")
    return int(value)


STILL_TO_DO = ("open", "proposed")
"""The statuses of an action not yet done or sent: overdue after its due date."""

_NEXT = {
    "open": ("done", "dropped"),
    "done": ("open",),
    "dropped": ("open",),
    "proposed": ("sent", "declined"),
    "sent": ("accepted", "declined"),
    "accepted": ("active", "declined"),
    "active": ("closed",),
    "closed": (),
    "declined": (),
}
"""Where each status may go next: a referral only moves forward, or ends declined; a task may be
reopened."""


def is_referral(status: str) -> bool:
    """Whether ``status`` is a referral's (the broker's action) rather than a task's.

    >>> is_referral("sent"), is_referral("open")
    (True, False)
    """
    return status in codes.REFERRAL_STATUSES


def next_statuses(status: str) -> tuple[str, ...]:
    """The statuses an action in ``status`` may move to.

    >>> next_statuses("proposed")
    ('sent', 'declined')
    >>> next_statuses("closed")
    ()
    """
    return _NEXT[status]


def is_overdue(
    status: str,
    due_on: dt.date | None,
    status_on: dt.date | None,
    created_on: dt.date | None,
    today: dt.date,
    referral_days: int = REFERRAL_ANSWER_DAYS,
) -> bool:
    """Whether one action is overdue on ``today`` (see the module docstring).

    >>> day = dt.date(2026, 3, 1)
    >>> is_overdue("open", dt.date(2026, 2, 28), None, None, day)
    True
    >>> is_overdue("sent", None, dt.date(2026, 2, 15), None, day), is_overdue(
    ...     "sent", None, dt.date(2026, 2, 14), None, day)
    (False, True)
    """
    if status in STILL_TO_DO and due_on is not None and due_on < today:
        return True
    sent_on = status_on or created_on
    return (
        status == "sent" and sent_on is not None and sent_on + dt.timedelta(referral_days) < today
    )


def overdue_counts(
    actions: pd.DataFrame, today: dt.date, referral_days: int = REFERRAL_ANSWER_DAYS
) -> pd.DataFrame:
    """Per child, how many actions and referrals are overdue on ``today``.

    Parameters
    ----------
    actions
        One row per action with ``child_id``, ``status`` and ``due_on``, and for referrals
        ``status_on`` and ``created_on`` (absent columns count as not recorded).
    today
        The day against which dates are late.
    referral_days
        Days a sent referral may wait to be accepted.

    Returns
    -------
    pandas.DataFrame
        Indexed by child id (only children with something overdue), columns
        ``overdue_actions`` and ``overdue_referrals``.

    Examples
    --------
    >>> actions = pd.DataFrame({"child_id": ["C1", "C1", "C2", "C2"],
    ...     "status": ["open", "done", "sent", "sent"],
    ...     "due_on": pd.to_datetime(["2026-01-01", "2026-01-01", None, None]),
    ...     "status_on": pd.to_datetime([None, None, "2026-02-01", "2026-02-20"])})
    >>> overdue_counts(actions, dt.date(2026, 3, 1)).to_dict("index")
    {'C1': {'overdue_actions': 1, 'overdue_referrals': 0}, 'C2': {'overdue_actions': 0, \
'overdue_referrals': 1}}
    """
    empty = pd.Series(pd.NaT, index=actions.index, dtype="datetime64[s]")
    day = pd.Timestamp(today)
    status = actions["status"].astype(object)
    due = pd.to_datetime(actions["due_on"]) if "due_on" in actions else empty
    sent_on = pd.to_datetime(actions["status_on"]) if "status_on" in actions else empty
    if "created_on" in actions:
        sent_on = sent_on.fillna(pd.to_datetime(actions["created_on"]))
    late = (status.isin(STILL_TO_DO) & (due < day)).to_numpy(dtype=bool)
    waiting = (status.eq("sent") & (sent_on + pd.Timedelta(days=referral_days) < day)).to_numpy(
        dtype=bool
    )
    table = pd.DataFrame(
        {
            "child_id": actions["child_id"].to_numpy(dtype=object),
            "overdue_actions": late.astype(np.int64),
            "overdue_referrals": waiting.astype(np.int64),
        }
    )
    table = table[late | waiting]
    return table.groupby("child_id", sort=True)[["overdue_actions", "overdue_referrals"]].sum()
