"""Which child a page shows: chosen from the children the user may see, kept in the session."""

from __future__ import annotations

import streamlit as st

from eska_network.services import access, child_search
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

    Up to :data:`~eska_network.services.child_search.PICKER_LIMIT` children are all offered.
    Beyond that (a supervisor may see a whole country's) a search box for the start of an id
    comes first and the select box offers the first matches: each run reads at most a page of
    ids, never the whole list. An id none of the user's children starts with is refused and
    audited, as one named in the address bar is.

    Returns ``None`` when the user may see no child (a planner never gets a child id here).
    """
    store, principal = context.store, context.principal
    limit = child_search.PICKER_LIMIT
    choices = child_search.visible_ids_starting(store, principal, "", limit + 1)
    if not choices:
        return None
    current = selected_child()
    search = ""
    if len(choices) > limit:
        search = st.text_input(
            t("app.child_search"),
            key=f"{key}_search",
            help=t("app.child_search_help", limit=limit),
            placeholder=t("app.child_search_placeholder"),
        ).strip()
        choices = choices[:limit]
        found = child_search.visible_ids_starting(store, principal, search, limit) if search else []
        if found:
            choices = found
        elif search:
            # No child of the user's has an id like this: refused and audited, as a child named
            # in the address bar is (nothing tells whether such a child exists).
            if not select_child(context, search):
                st.error(t("app.refused"))
            search = ""
        if not search and current is not None and current not in choices:
            # A child chosen elsewhere (the caseload's click-through) stays chosen.
            if access.may_see_child(store, principal, current):
                choices = [current, *choices]
    if search in choices:
        current = search
    chosen = st.selectbox(
        t("app.child"),
        choices,
        index=choices.index(current) if current in choices else 0,
        # A new search is a new list: the box starts from its own first match.
        key=f"{key}_{search}" if search else key,
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
