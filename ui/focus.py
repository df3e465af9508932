"""Put the cursor back in a text box after the page reran (quick entry: ready for the next one).

A tiny component (Streamlit components v2, trusted static code): it receives one text box's
label, from the catalogue, and focuses the box of that label. Nothing comes back.
"""

from __future__ import annotations

import streamlit as st

_JS = """
export default function (component) {
  const { data } = component;
  if (!data || !data.label) return;
  const selector = 'input[aria-label="' + CSS.escape(data.label) + '"]';
  const timer = setTimeout(() => {
    const box = document.querySelector(selector);
    if (box) box.focus();
  }, 150);
  return () => clearTimeout(timer);
}
"""

_focus = st.components.v2.component("eska_focus", js=_JS)


def focus(label: str, key: str) -> None:
    """Focus the text box labelled ``label``; a new ``key`` focuses it again."""
    _focus(key=key, data={"label": label}, height=0)
