"""Export of the child map: PNG and PDF pages through kaleido, one standalone HTML file.

Kaleido drives a Chromium browser; Debian's ``/usr/bin/chromium`` is used (or the one named by the
``BROWSER_PATH`` environment variable), never a downloaded one. The HTML file embeds plotly.js and
needs no network. Every export is one A4 landscape page laid out like the screen (the rings, then
a column with the gaps in words, the legend and the key) under a title naming the child and the
date, with a confidentiality note at the foot. Exports are built from a
:class:`~eska_network.child_map.view.MapView`, so in presentation mode they hold role pseudonyms
and "Child A" only.
"""

from __future__ import annotations

import html
import importlib.util
import os
from pathlib import Path

import plotly.graph_objects as go

from eska_network.child_map.compose import compose
from eska_network.child_map.figure import figure_of
from eska_network.child_map.frame import export_frame
from eska_network.child_map.tables import GAP_COLUMNS, TIE_COLUMNS, column_names, gap_rows, tie_rows
from eska_network.child_map.view import MapView, gap_sentences
from eska_network.child_map.words import title_words
from eska_network.i18n import text as t

__all__ = [
    "IMAGE_FORMATS",
    "browser_path",
    "export_figure",
    "image_export_problem",
    "map_html",
    "map_pdf",
    "map_png",
]

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
IMAGE_SCALE = 2
"""PNG pixels per figure pixel: sharp on a projector and in print."""


def browser_path() -> str | None:
    """The Chromium kaleido should drive: ``BROWSER_PATH`` if set, else Debian's if present."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None


IMAGE_FORMATS = ("png", "pdf")
"""The exports drawn by Chromium through kaleido (HTML and CSV need no browser)."""


def image_export_problem() -> str | None:
    """Why PNG and PDF exports cannot be made here, or ``None`` when they can.

    Checked before a page offers them, so that a machine without Chromium says so instead of
    failing when the button is clicked. The reasons (``map.export_no_images.<reason>`` in the
    catalogue): ``no_browser`` (no Chromium installed and ``BROWSER_PATH`` unset),
    ``bad_browser_path`` (``BROWSER_PATH`` names no runnable file), ``no_kaleido``.
    """
    path = browser_path()
    if path is None:
        return "no_browser"
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        return "bad_browser_path"
    if importlib.util.find_spec("kaleido") is None:
        return "no_kaleido"
    return None


def export_figure(view: MapView) -> go.Figure:
    """The map on one A4 landscape page: title and date, the rings, the gaps in words, the
    legend and the key, and the confidentiality note at the foot."""
    return figure_of(compose(view, export_frame()))


def _image(view: MapView, fmt: str) -> bytes:
    import kaleido  # heavy: loaded only when an image is asked for

    figure = export_figure(view)
    options = {
        "format": fmt,
        "width": figure.layout.width,
        "height": figure.layout.height,
        "scale": IMAGE_SCALE if fmt == "png" else 1,
    }
    settings: dict[str, object] = {"mathjax": False}
    path = browser_path()
    if path:
        settings["path"] = path
    return kaleido.calc_fig_sync(figure, opts=options, kopts=settings)


def map_png(view: MapView) -> bytes:
    """The map page as a PNG image (A4 landscape, twice the pixels)."""
    return _image(view, "png")


def map_pdf(view: MapView) -> bytes:
    """The map page as a one-page A4 landscape PDF."""
    return _image(view, "pdf")


def map_html(view: MapView) -> str:
    """One standalone HTML page: the interactive map (plotly.js inside), the gaps, the ties.

    Everything from the data is escaped; the page loads nothing from the network.
    """
    figure = export_figure(view)
    chart = figure.to_html(full_html=False, include_plotlyjs=True, include_mathjax=False)
    title = title_words(view)
    sentences = gap_sentences(view)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"id" if view.lang == "id" else "en"}">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:Arial,Helvetica,sans-serif;margin:1.5em;max-width:1200px}"
        "table{border-collapse:collapse;margin-bottom:2em}"
        "th,td{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}"
        "li{margin:0.3em 0}</style>",
        "</head><body>",
        chart,
        f"<h2>{html.escape(t('map.gaps', view.lang))}</h2>",
    ]
    rows = gap_rows(view)
    if rows:
        parts.append("<ol>" + "".join(f"<li>{html.escape(s)}</li>" for s in sentences) + "</ol>")
        parts.append(_table(rows, column_names(GAP_COLUMNS, view.lang)))
    else:
        parts.append(f"<p>{html.escape(sentences[0])}</p>")
    parts.append(f"<h2>{html.escape(t('map.ties', view.lang))}</h2>")
    parts.append(_table(tie_rows(view), column_names(TIE_COLUMNS, view.lang)))
    parts.append(f"<p><small>{html.escape(t('map.figure.footer', view.lang))}</small></p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _table(rows: list[dict[str, object]], headers: dict[str, str]) -> str:
    head = "".join(f"<th>{html.escape(name)}</th>" for name in headers.values())
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(row[key]))}</td>" for key in headers) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
