"""Which child a page shows: chosen from the children the user may see, kept in the session."""

from __future__ import annotations

import streamlit as st

from eska_network.services import access
from eska_network.services.access import AccessDenied

from .lang import t
from .session import PageContext

CHILD_KEY = "eska_child"
CHILD_PARAMETERS = ("child", "child_id", "id")
"""Query parameters that someone might use to name a child: refused or moved into the session."""


def selected_child() -> str | None:
    """The child chosen in this session, if any.

    Read its record with ``access.open_child``, which checks again: an assignment can change
    while the session lasts.
    """
    return st.session_state.get(CHILD_KEY)


def select_child(context: PageContext, child_id: str) -> bool:
    """Choose ``child_id`` for the session if the user may see it; else audit the refusal.

    Use it for a click-through (from the caseload to the map, say), then ``st.switch_page``.
    """
    try:
        access.require(
            context.store, context.principal, access.VIEW_CHILD, child_id, audit_use=False
        )
    except AccessDenied:
        return False
    st.session_state[CHILD_KEY] = child_id
    return True


def child_picker(context: PageContext, *, key: str = "child_picker") -> str | None:
    """A select box over the children the user may see; the choice is kept in the session.

    Returns ``None`` when the user may see no child (a planner never gets a child id here).
    """
    choices = access.visible_child_ids(context.store, context.principal)
    if not choices:
        return None
    current = selected_child()
    chosen = st.selectbox(
        t("app.child"),
        choices,
        index=choices.index(current) if current in choices else 0,
        key=key,
        placeholder=t("app.choose_one"),
    )
    st.session_state[CHILD_KEY] = chosen
    return chosen


def absorb_query_parameters(context: PageContext) -> None:
    """Take a child named in the URL out of it: refused and audited unless the user may see it.

    Children are never chosen through the URL, so even an allowed one is only moved into the
    session and the address bar is cleaned.
    """
    named = [name for name in CHILD_PARAMETERS if name in st.query_params]
    if not named:
        return
    for name in named:
        if not select_child(context, st.query_params[name]):
            st.error(t("app.refused"))
        del st.query_params[name]
    st.info(t("app.no_child_in_url"))
