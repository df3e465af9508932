"""No text on other text: the boxes every text of the map takes, estimated from the font's metrics,
never meet, for every sample child and every member count up to 40, at the screens a conference
uses. (The browser test checks the same on the drawn page, with the browser's own text extents.)
"""

from __future__ import annotations

import itertools

import pytest

from eska_network.child_map.compose import compose
from eska_network.child_map.frame import export_frame
from eska_network.child_map.text import block_size, intersects, text_width, wrap_to_width
from eska_network.child_map.words import situation_lines
from eska_network.domain import codes
from eska_network.palette import OKABE_ITO

from .map_cases import SCREENS, conference_child, crowded_child, screen, view_of

MAIN_SCREENS = ("1440x900", "1280x720 presentation")


def _clashes(scene) -> list[tuple[str, str]]:
    return [
        (a.key, b.key)
        for a, b in itertools.combinations(scene.texts, 2)
        if intersects(a.box, b.box)
    ]


def _check(scene, view) -> None:
    assert _clashes(scene) == []
    frame = scene.frame
    for text in scene.texts:
        area = frame.side_box if text.key.split(":")[0] in SIDE else frame.map_box
        if text.key in ("title", "footer"):
            area = frame.side_box.grown(frame.width)
        assert text.box.within(area.grown(0.5)), text.key
    names = {text.key for text in scene.texts}
    assert {f"ring:{level}" for level in codes.LEVELS} <= names
    numbered = set(scene.meta["numbered"])
    for member in view.places:
        labelled = f"label:{member}" in names
        assert labelled != (member in numbered), member
        if member in numbered:
            assert f"number:{member}" in names and f"key:{member}" in names


SIDE = {"legend", "key", "gap_box", "gap_list", "situation_box"}


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", MAIN_SCREENS)
def test_no_text_of_any_sample_child_covers_another(sample_dataset, name, lang):
    frame = screen(name)
    for child_id in sample_dataset.child_ids:
        system = sample_dataset.child_system(child_id)
        for presentation in (False, True) if name == "1440x900" else (True,):
            view = view_of(system, lang=lang, presentation=presentation)
            _check(compose(view, frame), view)


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_no_text_covers_another_for_every_member_count_up_to_forty(name):
    frame, presentation = screen(name), SCREENS[name][2]
    for count in range(1, 41):
        lang = "id" if count % 2 else "en"
        view = view_of(crowded_child(count), lang=lang, presentation=presentation)
        _check(compose(view, frame), view)


def test_earlier_dates_comparisons_and_exports_keep_texts_apart(sample_dataset):
    for child_id in sample_dataset.child_ids[::5]:
        system = sample_dataset.child_system(child_id)
        dates = system.assessment_dates()
        view = view_of(system, as_of=dates[-1], compare_with=dates[0])
        _check(compose(view, screen("1440x900")), view)
        _check(compose(view, export_frame()), view)


def test_most_labels_find_a_place_beside_their_member(sample_dataset):
    """Numbers and a key are for crowded maps: a map of ten or so people has all its names."""
    frame = screen("1440x900")
    for child_id in sample_dataset.child_ids:
        view = view_of(sample_dataset.child_system(child_id))
        if len(view.places) <= 14:
            assert compose(view, frame).meta["numbered"] == [], child_id
    assert len(compose(view_of(conference_child()), frame).meta["numbered"]) == 0


def test_metrics_are_those_of_arial():
    # Liberation Sans (Arial's metrics): "Ibu" is I 278 + b 556 + u 556 thousandths of an em.
    assert text_width("Ibu", 10) == pytest.approx(13.9)
    assert text_width("Ibu", 10, bold=True) == pytest.approx(278 * 0.01 + 611 * 0.02)
    assert text_width("Ü", 10) == text_width("U", 10)
    width, height = block_size(["a", "b"], 10)
    assert height == pytest.approx(10 * (1.3 + 1.2))
    lines = wrap_to_width("Bibi di Jatibarang (Aunt)", 80, 12)
    assert all(text_width(line, 12) <= 80 for line in lines) and len(lines) > 1
    assert " ".join(lines) == "Bibi di Jatibarang (Aunt)"


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_where_the_child_lives_is_always_written(sample_dataset, name):
    """Beside the child's disc when there is room, else heading the side column (issue 13)."""
    frame, presentation = screen(name), SCREENS[name][2]
    views = [
        view_of(sample_dataset.child_system(child_id), lang=lang, presentation=presentation)
        for child_id in sample_dataset.child_ids
        for lang in ("en", "id")
    ]
    views += [view_of(crowded_child(count), presentation=presentation) for count in (1, 20, 40)]
    for view in views:
        situation = [
            text
            for text in compose(view, frame).texts
            if text.key in ("situation", "situation_box:situation")
        ]
        assert len(situation) == 1, view.system.child.child_id
        words = " ".join(situation[0].lines).replace(" · ", " ")
        for line in situation_lines(view):
            assert line in words
        if view.situation.unsafe:
            assert situation[0].color == OKABE_ITO["vermillion"]
