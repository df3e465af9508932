"""Saving a quick entry of the map page: at once, or after the ties it makes stale are answered.

Every quick save (:mod:`ui.quick_add`, :mod:`ui.tie_contacts`) goes through :func:`attempt`:
when the save would make ties stale (:func:`eska_network.services.quick_record.made_stale`) it
is held as a :class:`Pending` save until the worker has answered about each tie.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from eska_network import i18n
from eska_network.domain.model import Tie
from eska_network.services import access, conference, quick_record
from eska_network.services.assessment_forms import Record
from eska_network.store import AssessmentChanges, AssessmentError, ConcurrentEditError

from .map_page import MESSAGE_KEY, MapPage
from .stale_ties import Answers

PENDING_KEY = "quick_pending"
ERROR_KEY = "quick_error"
DONE_KEY = "quick_done"
FOCUS_KEY = "quick_focus"
"""How many entries of the quick-add rows were saved: after each, the cursor goes back to the
name."""


@dataclass(frozen=True)
class Pending:
    """A quick save held back until the worker has answered about the ties it makes stale."""

    record: Record
    changes: AssessmentChanges
    said: i18n.Said
    stale: tuple[Tie, ...]
    on: dt.date
    refocus: bool = False


def today() -> dt.date:
    """The day a quick entry is dated (the store's clock is UTC)."""
    return dt.datetime.now(dt.UTC).date()


def key(page: MapPage, name: str) -> str:
    return f"quick.{page.child_id}.{name}"


# --- Saving --------------------------------------------------------------------------------------


def attempt(
    page: MapPage,
    record: Record,
    changes: AssessmentChanges,
    said: i18n.Said,
    *,
    refocus: bool = False,
) -> bool:
    """Save ``changes`` now, or hold them while the ties they make stale are asked about.

    ``refocus``: once saved, the cursor goes back to the quick-add name (an entry of the row,
    not a click in the member's panel, which would scroll the page away). Returns whether the
    entry was taken (saved or held); a refusal is kept to be shown.
    """
    on = today()
    stale = quick_record.made_stale(record.system, on, changes)
    if stale:
        st.session_state[PENDING_KEY] = Pending(record, changes, said, stale, on, refocus)
        return True
    return _save(page, record, changes, said, on, refocus)


def _save(
    page: MapPage,
    record: Record,
    changes: AssessmentChanges,
    said: i18n.Said,
    on: dt.date,
    refocus: bool,
) -> bool:
    context = page.context
    try:
        quick_record.save(context.store, context.principal, record, changes, on)
    except (AssessmentError, ConcurrentEditError, access.AccessDenied) as error:
        st.session_state[ERROR_KEY] = conference.error_words(error, page.view.lang)
        return False
    st.session_state[MESSAGE_KEY] = st.session_state[DONE_KEY] = said(page.view.lang)
    if refocus:
        st.session_state[FOCUS_KEY] = st.session_state.get(FOCUS_KEY, 0) + 1
    # The save is dated later than the date shown: show the new latest map.
    st.session_state.pop(f"child_map_date_{page.child_id}", None)
    return True


def answered(page: MapPage, answers: Answers) -> None:
    pending: Pending = st.session_state[PENDING_KEY]
    try:
        confirmed = quick_record.contact_answers(pending.stale, answers, pending.on)
    except quick_record.QuickRecordError as error:
        st.session_state[ERROR_KEY] = error.said(page.view.lang)
        return
    changes = quick_record.merged(pending.changes, confirmed)
    st.session_state.pop(PENDING_KEY)
    _save(page, pending.record, changes, pending.said, pending.on, pending.refocus)


def cancel() -> None:
    st.session_state.pop(PENDING_KEY, None)


def refused(page: MapPage, error: quick_record.QuickRecordError) -> None:
    st.session_state[ERROR_KEY] = error.said(page.view.lang)
