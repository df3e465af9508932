"""The language of the screens (English or Bahasa Indonesia), kept in the session."""

from __future__ import annotations

import streamlit as st

from eska_network import i18n
from eska_network.i18n import LANGUAGES

LANGUAGE_KEY = "eska_language"


def language() -> str:
    """The session's language code, ``en`` until the user switches."""
    return st.session_state.get(LANGUAGE_KEY, "en")


def t(message_id: str, **fields: object) -> str:
    """The message ``message_id`` of :mod:`eska_network.i18n` in the session's language."""
    return i18n.text(message_id, language(), **fields)


def language_switch() -> None:
    """The language radio in the sidebar (drawn on every run, so its choice persists)."""
    st.session_state.setdefault(LANGUAGE_KEY, "en")
    st.sidebar.radio(
        i18n.text("app.language", language()),
        LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.__getitem__,
        key=LANGUAGE_KEY,
        horizontal=True,
    )
