"""Streamlit helpers shared by app.py and the pages: session, login gate, language, safe text.

Pages start with ``context = ui.page_context("page_key")``: it stops the page unless a user is
logged in and the role matrix lets them open it (a refusal is audited), and gives the store, the
principal and the language. Children are chosen with :func:`ui.child_picker` and kept in the
session, never in the URL.
"""

from .children import child_picker, select_child, selected_child
from .lang import language, language_switch, t
from .safe import escape_markdown, plain
from .session import (
    PageContext,
    current_principal,
    demo_mode,
    get_store,
    page_context,
    sign_in,
    sign_out,
)

__all__ = [
    "PageContext",
    "child_picker",
    "current_principal",
    "demo_mode",
    "escape_markdown",
    "get_store",
    "language",
    "language_switch",
    "page_context",
    "plain",
    "select_child",
    "selected_child",
    "sign_in",
    "sign_out",
    "t",
]
