"""Export of the child map with its gap list: PNG and PDF through kaleido, one standalone HTML file.

Kaleido drives a Chromium browser; Debian's ``/usr/bin/chromium`` is used (or the one named by the
``BROWSER_PATH`` environment variable), never a downloaded one. The HTML file embeds plotly.js and
needs no network. Exports are built from a :class:`~eska_network.child_map.figure.MapView`, so in
presentation mode they hold role pseudonyms only.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import plotly.graph_objects as go

from eska_network.child_map.figure import MapView, child_map_from_view, gap_sentences
from eska_network.child_map.labels import escape_text
from eska_network.child_map.tables import GAP_COLUMNS, TIE_COLUMNS, column_names, gap_rows, tie_rows

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
IMAGE_SCALE = 2
"""PNG pixels per figure pixel: sharp on a projector and in print."""
LINE_HEIGHT = 22

HEADINGS = {
    "gaps": ("Gaps, most serious first", "Kesenjangan, yang paling serius lebih dulu"),
    "ties": ("Ties", "Ikatan"),
    "no_gaps": ("No gaps.", "Tidak ada kesenjangan."),
}


def _heading(key: str, lang: str) -> str:
    en, id_ = HEADINGS[key]
    return id_ if lang == "id" else en


def browser_path() -> str | None:
    """The Chromium kaleido should drive: ``BROWSER_PATH`` if set, else Debian's if present."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None


def figure_with_gap_list(view: MapView) -> go.Figure:
    """The map with its gap sentences written under it (for PNG and PDF, which have no page).

    The figure grows downwards by one line per sentence; the map keeps its size.
    """
    figure = child_map_from_view(view)
    sentences = gap_sentences(view)
    font = figure.layout.font.size
    lines = [f"<b>{escape_text(_heading('gaps', view.lang))}</b>"]
    lines += [f"{number}. {escape_text(s)}" for number, s in enumerate(sentences, start=1)]
    extra = (len(lines) + 1) * int(LINE_HEIGHT * font / 12)
    figure.update_layout(
        height=figure.layout.height + extra,
        margin={"b": figure.layout.margin.b + extra},
    )
    figure.add_annotation(
        x=0,
        y=0,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        yshift=-8,
        align="left",
        showarrow=False,
        text="<br>".join(lines),
        font={"size": font},
        name="gap_list",
    )
    return figure


def _image(view: MapView, fmt: str) -> bytes:
    import kaleido  # heavy: loaded only when an image is asked for

    figure = figure_with_gap_list(view)
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
    """The map and its gap list as a PNG image."""
    return _image(view, "png")


def map_pdf(view: MapView) -> bytes:
    """The map and its gap list as a one-page PDF."""
    return _image(view, "pdf")


def map_html(view: MapView) -> str:
    """One standalone HTML page: the interactive map (plotly.js inside), the gaps, the ties.

    Everything from the data is escaped; the page loads nothing from the network.
    """
    figure = child_map_from_view(view)
    chart = figure.to_html(full_html=False, include_plotlyjs=True, include_mathjax=False)
    title = figure.layout.title.text
    sentences = gap_sentences(view)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"id" if view.lang == "id" else "en"}">',
        '<head><meta charset="utf-8">',
        f"<title>{_plain(title)}</title>",
        "<style>body{font-family:Arial,Helvetica,sans-serif;margin:1.5em;max-width:1200px}"
        "table{border-collapse:collapse;margin-bottom:2em}"
        "th,td{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}"
        "li{margin:0.3em 0}</style>",
        "</head><body>",
        chart,
        f"<h2>{html.escape(_heading('gaps', view.lang))}</h2>",
    ]
    rows = gap_rows(view)
    if rows:
        parts.append("<ol>" + "".join(f"<li>{html.escape(s)}</li>" for s in sentences) + "</ol>")
        parts.append(_table(rows, column_names(GAP_COLUMNS, view.lang)))
    else:
        parts.append(f"<p>{html.escape(sentences[0])}</p>")
    parts.append(f"<h2>{html.escape(_heading('ties', view.lang))}</h2>")
    parts.append(_table(tie_rows(view), column_names(TIE_COLUMNS, view.lang)))
    parts.append("</body></html>")
    return "\n".join(parts)


def _plain(title: str) -> str:
    """A figure title (already escaped for plotly) as HTML title text."""
    return title.replace("<b>", "").replace("</b>", "")


def _table(rows: list[dict[str, object]], headers: dict[str, str]) -> str:
    head = "".join(f"<th>{html.escape(name)}</th>" for name in headers.values())
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(row[key]))}</td>" for key in headers) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
