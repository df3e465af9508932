"""Export of the child map: PNG and PDF through kaleido and Debian's Chromium, standalone HTML."""

from __future__ import annotations

import struct

import pytest

from eska_network.child_map.export import (
    browser_path,
    figure_with_gap_list,
    map_html,
    map_pdf,
    map_png,
)
from eska_network.child_map.figure import gap_sentences, map_view

from .map_cases import CHILD_ID, EARLIER, HOSTILE_LABELS, LABELS, conference_child, hostile_child


@pytest.fixture(scope="module")
def english_view():
    return map_view(conference_child())


@pytest.fixture(scope="module")
def presentation_view():
    return map_view(conference_child(), lang="id", presentation=True, compare_with=EARLIER)


def test_kaleido_drives_debians_chromium(monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    assert browser_path() == "/usr/bin/chromium"
    monkeypatch.setenv("BROWSER_PATH", "/opt/other/chrome")
    assert browser_path() == "/opt/other/chrome"


def test_png(english_view):
    image = map_png(english_view)
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", image[16:24])
    figure = figure_with_gap_list(english_view)
    assert (width, height) == (2 * figure.layout.width, 2 * figure.layout.height)
    assert height > 2 * 840  # the gap list adds room under the map


def test_pdf(presentation_view):
    document = map_pdf(presentation_view)
    assert document.startswith(b"%PDF")
    assert b"%%EOF" in document[-1024:]


def test_images_carry_the_gap_list(english_view):
    figure = figure_with_gap_list(english_view)
    (gap_list,) = [a for a in figure.layout.annotations if a.name == "gap_list"]
    for sentence in gap_sentences(english_view):
        assert sentence in gap_list.text
    assert gap_list.text.startswith("<b>Gaps, most serious first</b>")


def test_html_is_standalone_with_the_gap_list(english_view):
    page = map_html(english_view)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<script src=" not in page
    assert "Plotly.newPlot" in page
    for sentence in gap_sentences(english_view):
        assert f"<li>{sentence}</li>" in page
    assert "<th>Kind of gap</th>" in page and "<th>Last contact</th>" in page


def test_html_in_indonesian_and_presentation_mode_has_no_names(presentation_view):
    page = map_html(presentation_view)
    assert '<html lang="id">' in page and "Kesenjangan, yang paling serius lebih dulu" in page
    for label in LABELS.values():
        assert label not in page
    assert CHILD_ID not in page and "Anak A" in page
    assert "Lebih lemah sejak 2025-09-01" in page  # the comparison is kept


def test_html_escapes_labels():
    page = map_html(map_view(hostile_child()))
    assert HOSTILE_LABELS[0] not in page and "<b>sepupu</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
