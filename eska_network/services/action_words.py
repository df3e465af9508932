"""Agreed actions in words and tables, in either language (typed text hidden when presenting)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from eska_network import i18n
from eska_network.domain import codes, follow_up
from eska_network.domain.gap_items import GapItem, gap_title
from eska_network.services.action_records import Action

HIDDEN_TEXT = "…"
"""What stands for typed text (``what``, ``who``) in presentation mode: it may name anyone."""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def status_name(status: str, lang: str = "en") -> str:
    """A status in words.

    >>> status_name("dropped", "id"), status_name("sent")
    ('Dibatalkan', 'Sent')
    """
    return _capitalised(codes.ACTION_STATUSES.label(status, lang))


def role_name(role: str, lang: str = "en") -> str:
    """A social worker's role in words.

    >>> role_name("broker", "id")
    'Perantara'
    """
    return _capitalised(codes.WORKER_ROLES.label(role, lang))


# --- In words and tables ------------------------------------------------------------------------

ACTION_COLUMNS = ("gap", "what", "who", "role", "service", "due_on", "status", "overdue")
"""The columns of :func:`action_rows`, named by :func:`action_headers`."""


def action_headers(lang: str = "en") -> dict[str, str]:
    """The column headers of :func:`action_rows` in ``lang``."""
    return {key: i18n.text(f"conference.action.column.{key}", lang) for key in ACTION_COLUMNS}


def _gap_words(gap: GapItem | None, lang: str, names: Mapping[str, str] | None) -> str:
    return gap_title(gap, lang, names or {}) if gap is not None else "–"


def action_title(
    action: Action,
    lang: str = "en",
    names: Mapping[str, str] | None = None,
    presentation: bool = False,
) -> str:
    """One line naming an action in a list: its gap, role and status, and what unless hidden."""
    parts = [
        _gap_words(action.gap, lang, names),
        role_name(action.worker_role, lang),
        status_name(action.status, lang),
    ]
    if not presentation:
        parts.insert(0, action.what)
    if action.due_on:
        parts.append(action.due_on.isoformat())
    return " · ".join(parts)


def action_rows(
    found: Sequence[Action],
    today: dt.date,
    lang: str = "en",
    names: Mapping[str, str] | None = None,
    presentation: bool = False,
    services: Mapping[str, str] | None = None,
    referral_days: int | None = None,
) -> list[dict[str, object]]:
    """One row per action, for a table: the gap in words, what, who, role, the service of a
    referral, due date, status (with the date it changed) and overdue.

    ``names`` are the member names the map shows; ``services`` the district's service names by
    id. In presentation mode the typed text is replaced by :data:`HIDDEN_TEXT`: free text may
    hold a name.
    """
    days = follow_up.referral_days() if referral_days is None else referral_days
    services = services or {}
    rows: list[dict[str, object]] = []
    for action in found:
        status = status_name(action.status, lang)
        if action.status_on and action.is_referral:
            status = i18n.text("conference.action.status_since", lang, status=status,
                               date=action.status_on.isoformat())  # fmt: skip
        rows.append(
            {
                "gap": _gap_words(action.gap, lang, names),
                "what": HIDDEN_TEXT if presentation else action.what,
                "who": HIDDEN_TEXT if presentation else action.who,
                "role": role_name(action.worker_role, lang),
                "service": HIDDEN_TEXT
                if presentation and action.resource_id
                else services.get(action.resource_id or "", action.resource_id or ""),
                "due_on": action.due_on,
                "status": status,
                "overdue": i18n.text("conference.action.overdue", lang)
                if action.is_overdue(today, days)
                else "",
            }
        )
    return rows
