"""Export of the child map: one A4 landscape page (PNG, PDF) with title, date and a confidentiality
note, laid out like the screen; a standalone HTML page."""

from __future__ import annotations

import itertools
import re
import struct
from pathlib import Path

import pytest

from eska_network import i18n
from eska_network.child_map import export
from eska_network.child_map.export import (
    browser_path,
    export_figure,
    image_export_problem,
    map_html,
    map_pdf,
    map_png,
)
from eska_network.child_map.frame import A4_LANDSCAPE
from eska_network.child_map.text import intersects
from eska_network.child_map.view import MapRequest, gap_sentences, map_view

from .map_cases import CHILD_ID, EARLIER, HOSTILE_LABELS, LABELS, conference_child, hostile_child


@pytest.fixture(scope="module")
def english_view():
    return map_view(MapRequest(conference_child()))


@pytest.fixture(scope="module")
def presentation_view():
    return map_view(
        MapRequest(conference_child(), compare_with=EARLIER, lang="id", presentation=True)
    )


def _annotations(figure, prefix):
    return [a for a in figure.layout.annotations if a.name.startswith(prefix)]


def test_kaleido_drives_debians_chromium(monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    assert browser_path() == "/usr/bin/chromium"
    monkeypatch.setenv("BROWSER_PATH", "/opt/other/chrome")
    assert browser_path() == "/opt/other/chrome"


def test_png_is_an_a4_landscape_page_at_twice_the_pixels(english_view):
    image = map_png(english_view)
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", image[16:24])
    assert (width, height) == (2 * A4_LANDSCAPE[0], 2 * A4_LANDSCAPE[1])


def test_pdf_is_one_a4_landscape_page(presentation_view):
    document = map_pdf(presentation_view)
    assert document.startswith(b"%PDF")
    assert b"%%EOF" in document[-1024:]
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", document)
    assert boxes, "no page size in the PDF"
    width, height = (float(value) for value in boxes[0])
    # A4 is 297 x 210 mm, 841.9 x 595.3 points.
    assert width == pytest.approx(841.9, abs=2) and height == pytest.approx(595.3, abs=2)


def test_the_page_has_title_date_gap_list_legend_and_confidentiality_note(english_view):
    figure = export_figure(english_view)
    (title,) = _annotations(figure, "title")
    assert title.text == "<b>Support system of Child C042, as of 2026-03-01</b>"
    (footer,) = _annotations(figure, "footer")
    assert "Confidential" in footer.text.replace("<br>", " ")
    gap_list = " ".join(a.text.replace("<br>", " ") for a in _annotations(figure, "gap_list:"))
    for number, sentence in enumerate(gap_sentences(english_view), start=1):
        assert f"{number}. {sentence}" in gap_list
    assert _annotations(figure, "legend:tie:")
    boxes = [
        (a.name, a) for a in figure.layout.annotations
    ]  # names only: the boxes are checked on the scene in test_map_text
    assert len({name for name, _ in boxes}) == len(boxes)


def test_nothing_on_the_page_is_written_over_anything_else(english_view, presentation_view):
    from eska_network.child_map.compose import compose
    from eska_network.child_map.frame import export_frame

    for view in (english_view, presentation_view):
        scene = compose(view, export_frame())
        boxes = [text.box for text in scene.texts]
        assert not [(a, b) for a, b in itertools.combinations(boxes, 2) if intersects(a, b)]
        page = export_frame()
        assert all(0 <= b.left and b.right <= page.width for b in boxes)
        assert all(0 <= b.bottom and b.top <= page.height for b in boxes)


def test_html_is_standalone_with_the_gap_list(english_view):
    page = map_html(english_view)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<script src=" not in page
    assert "Plotly.newPlot" in page
    for sentence in gap_sentences(english_view):
        assert f"<li>{sentence}</li>" in page
    assert "<th>Kind of gap</th>" in page and "<th>Last contact</th>" in page
    assert i18n.text("map.figure.footer") in page


def test_html_in_indonesian_and_presentation_mode_has_no_names(presentation_view):
    page = map_html(presentation_view)
    assert '<html lang="id">' in page and i18n.text("map.gaps", "id") in page
    for label in LABELS.values():
        assert label not in page
    assert CHILD_ID not in page and "Anak A" in page
    assert "Lebih lemah sejak 2025-09-01" in page  # the comparison is kept


def test_html_escapes_labels():
    page = map_html(map_view(MapRequest(hostile_child())))
    assert HOSTILE_LABELS[0] not in page and "<b>sepupu</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_without_a_browser_the_image_exports_say_why(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nowhere/chromium")
    assert image_export_problem() == "bad_browser_path"
    monkeypatch.delenv("BROWSER_PATH")
    monkeypatch.setattr(export, "DEBIAN_CHROMIUM", Path("/nowhere/chromium"))
    assert image_export_problem() == "no_browser"
    monkeypatch.setenv("BROWSER_PATH", "/usr/bin/chromium")
    assert image_export_problem() is None
