"""Showing user-entered text as text: never as HTML, never as Markdown that could run or load."""

from __future__ import annotations

import re

import streamlit as st

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: object) -> str:
    """``text`` with every ASCII punctuation mark backslash-escaped, to embed data in Markdown.

    Escaped, ``<img src=x onerror=alert(1)>`` or ``[link](http://x)`` or ``:red[x]`` shows
    literally: CommonMark lets any ASCII punctuation be escaped.
    """
    return _PUNCTUATION.sub(r"\\\1", str(text))


def plain(text: object) -> None:
    """Write ``text`` as a paragraph of plain text (no Markdown, no HTML)."""
    st.markdown(escape_markdown(text))
