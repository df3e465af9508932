"""The space a chart gets on screen: a column's width and the height left below its top.

A chart whose labels are placed in Python must know the size it will be drawn at. This tiny
component (Streamlit components v2, trusted static code, no data in or out but two numbers)
measures the column it sits in and the viewport, and reports them when they change by more than
a few pixels, which reruns the page once; window resizes and the sidebar opening are followed.
Before the browser has reported (and in AppTest), :func:`space` returns ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

MARGIN = 12
"""Pixels kept free under the chart, above the bottom of the window."""

_JS = """
export default function (component) {
  const { setStateValue, parentElement } = component;
  const host = parentElement.host || parentElement;
  const scroller = document.querySelector('[data-testid="stMain"]');
  let last = null;
  let timer = null;
  const measure = () => {
    const column = host.closest('[data-testid="stColumn"]') || host.parentElement;
    const box = column.getBoundingClientRect();
    const top = box.top + (scroller ? scroller.scrollTop : window.scrollY);
    const size = {
      width: Math.floor(box.width),
      height: Math.floor(window.innerHeight - top - MARGIN),
    };
    if (!last || Math.abs(last.width - size.width) > 4 || Math.abs(last.height - size.height) > 4) {
      last = size;
      setStateValue("size", size);
    }
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(measure, 150); };
  const observer = new ResizeObserver(later);
  observer.observe(host);
  window.addEventListener("resize", later);
  measure();
  return () => {
    observer.disconnect();
    window.removeEventListener("resize", later);
    clearTimeout(timer);
  };
}
""".replace("MARGIN", str(MARGIN))

_probe = st.components.v2.component("eska_space_probe", js=_JS)


@dataclass(frozen=True)
class Space:
    """The width of a column and the height from its top to the bottom of the window, in pixels."""

    width: int
    height: int


def space(key: str) -> Space | None:
    """Measure the column this is called in (None until the browser has reported)."""
    result = _probe(key=key, height=0, on_size_change=lambda: None)
    size = getattr(result, "size", None)
    if not size:
        return None
    return Space(int(size["width"]), int(size["height"]))
