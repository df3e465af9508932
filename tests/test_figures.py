"""The child map figure: rings, sectors, ecomap ties, the loudest marks for the worst gaps, a legend
that matches the drawing, hover text, focus, safety. Read from the scene and from the figure."""

from __future__ import annotations

import json
import math

import pytest

from eska_network.child_map.compose import compose
from eska_network.child_map.figure import FADED, child_map, child_map_figure
from eska_network.child_map.geometry import path_length
from eska_network.child_map.placement import CHILD_RADIUS, RING_RADIUS
from eska_network.child_map.styles import MARK_LOOKS, QUIET, TIE_LOOKS
from eska_network.child_map.tables import tie_rows
from eska_network.child_map.text import escape_text, intersects
from eska_network.child_map.view import Focus
from eska_network.domain import codes
from eska_network.domain.gap_items import GapItem
from eska_network.domain.model import Child, ChildSystem, Member, Tie
from eska_network.domain.whatif import ProposedTie
from eska_network.palette import OKABE_ITO

from .map_cases import (
    CHILD_ID,
    EARLIER,
    HOSTILE_LABELS,
    LABELS,
    LATER,
    conference_child,
    exploitative_child,
    hostile_child,
    screen,
    view_of,
)

FRAME = screen("1440x900")


def scene_of(system, **fields):
    return compose(view_of(system, **fields), FRAME)


@pytest.fixture(scope="module")
def latest():
    return scene_of(conference_child())


@pytest.fixture(scope="module")
def earlier():
    return scene_of(conference_child(), as_of=EARLIER)


def strokes(scene, part, key=None, legend=False):
    return [
        layer
        for layer in scene.layers
        if layer.part == part
        and (key is None or layer.key == key)
        and ("legend" in layer.meta) == legend
    ]


def tie_stroke(scene, a, b, part="ties"):
    (found,) = [s for s in strokes(scene, part) if sorted(s.meta.get("ends", ())) == sorted((a, b))]
    return found


def test_one_data_unit_is_one_pixel_of_a_figure_of_the_frames_size():
    figure = child_map(conference_child(), frame=FRAME)
    layout = figure.layout
    assert (layout.width, layout.height) == (FRAME.width, FRAME.height)
    assert tuple(layout.xaxis.range) == (0, FRAME.width)
    assert tuple(layout.yaxis.range) == (0, FRAME.height)
    assert (layout.margin.l, layout.margin.r, layout.margin.t, layout.margin.b) == (0, 0, 0, 0)
    assert layout.showlegend is False  # the legend is drawn, swatches by the marks' own code
    assert layout.meta["diameter"] >= 600


def test_child_at_the_centre_and_members_on_their_rings(latest):
    (child,) = latest.parts("child")
    assert child.points == (FRAME.centre,)
    assert child.size == pytest.approx(2 * CHILD_RADIUS * FRAME.scale)
    assert latest.text("child").lines == ("Child", CHILD_ID)
    view = view_of(conference_child())
    (members,) = [d for d in latest.parts("member") if d.key == "member"]
    for topic, point in zip(members.ids, members.points, strict=True):
        member = topic.removeprefix("member:")
        radius = math.dist(point, FRAME.centre) / FRAME.scale
        assert radius == pytest.approx(RING_RADIUS[view.places[member].level])


def test_rings_named_once_and_sectors_named_quietly_at_their_rim(latest):
    assert latest.text("ring:family").lines == ("FAMILY / CAREGIVER",)
    assert latest.text("ring:family").bold
    sectors = latest.texts_starting("sector:")
    view = view_of(conference_child())
    present = {f"sector:{p.level}:{p.sector.key}" for p in view.places.values()}
    named = {s.key for s in sectors}
    # Member labels come first: a sector's name gives way when no free place is left for it.
    assert named <= present and len(named) >= len(present) - 2
    assert "sector:institution:protection" in named
    assert len(named) == len(sectors)
    assert all(s.color == QUIET and s.size < FRAME.font for s in sectors)
    assert latest.text("sector:institution:protection").lines == ("PROTECTION & JUSTICE",)


def test_an_absent_level_is_hatched_and_says_so_exactly(earlier):
    (band,) = [b for b in earlier.parts("ring") if b.meta.get("level") == "institution"]
    assert (band.meta["status"], band.pattern) == ("absent", "/")
    assert earlier.text("note:institution").lines == ("No supportive tie at institutions level",)
    assert earlier.text("note:institution").bold and earlier.text("note:institution").border


def test_a_level_with_members_but_no_supportive_tie_is_absent_not_empty():
    system = ChildSystem(
        Child("C1", "X", 14),
        (Member("C1", "guru", "Guru", "community", "teacher"),),
        (Tie("C1", "child", "guru", 3, "ambivalent", LATER),),
    )
    scene = scene_of(system, lang="id")
    words = " ".join(scene.text("note:community").lines)
    assert words == "Tidak ada ikatan yang mendukung di tingkat komunitas"
    assert "label:guru" in {t.key for t in scene.texts}


def test_a_weak_level_is_dotted_and_gives_its_strength(earlier):
    (band,) = [b for b in earlier.parts("ring") if b.meta.get("level") == "family"]
    assert (band.meta["status"], band.pattern) == ("weak", ".")
    assert " ".join(earlier.text("note:family").lines) == (
        "Weak support at family / caregiver level (2 of 5)"
    )


def test_supportive_ties_follow_the_ecomap_quietly(latest):
    looks = {s.key: s for s in strokes(latest, "ties")}
    assert looks["strong"].line.width > looks["moderate"].line.width > looks["tenuous"].line.width
    assert looks["tenuous"].line.dash == "dash" and looks["strong"].line.dash == "solid"
    assert looks["ambivalent"].line.dash == "dot"
    assert looks["ambivalent"].line.color == OKABE_ITO["orange"]
    between = tie_stroke(latest, "ibu_sari", "patbm")
    assert between.key == "between_levels" and between.line.color == OKABE_ITO["bluish_green"]
    assert between.line.width == TIE_LOOKS["moderate"].line.width  # strength 3 keeps its width


def test_an_ended_tie_is_not_drawn(latest):
    ends = [sorted(e) for e in latest.parts("tie_hover")[0].meta["ends"]]
    assert ["child", "pak_budi"] not in ends
    assert len(ends) == 8


def _on_top(scene, index_of):
    ordinary = [
        i
        for i, layer in enumerate(scene.layers)
        if layer.part in ("ties", "casing")
        and "legend" not in layer.meta
        and layer.key not in ("stressful", "exploitative")
    ]
    return index_of > max(ordinary)


def test_a_stressful_tie_is_loud_whole_and_on_top(earlier):
    tie = tie_stroke(earlier, "child", "pak_budi")
    assert tie.key == "stressful" and tie.line.color == OKABE_ITO["vermillion"]
    casing = tie_stroke(earlier, "child", "pak_budi", "casing")
    assert casing.line.width > tie.line.width + 5
    assert _on_top(earlier, earlier.layers.index(casing))
    # The whole line shows: from the rim of the child's disc to the rim of the father's marker.
    (path,) = tie.paths
    start, end = path[0], path[-1]
    child_rim = CHILD_RADIUS * FRAME.scale
    assert math.dist(start, FRAME.centre) == pytest.approx(child_rim + 1, abs=1.5)
    father = view_of(conference_child(), as_of=EARLIER).places["pak_budi"]
    assert math.dist(end, FRAME.to_px(father.point)) == pytest.approx(16 / 2 + 1, abs=1.5)
    assert path_length(path) >= FRAME.scale / 4
    # Its word is beside it, never on it, and no text covers the line.
    word = earlier.text("word:child|pak_budi")
    assert word.lines == ("stressful",) and word.bold
    for text in earlier.texts:
        assert not any(text.box.contains(x, y) for x, y in path[1:-1:2]), text.key


def test_an_exploitative_tie_is_the_loudest_mark_and_has_its_legend_row():
    scene = scene_of(exploitative_child())
    tie = tie_stroke(scene, "child", "ayah")
    assert tie.key == "exploitative" and tie.line.color == OKABE_ITO["black"]
    bars = tie_stroke(scene, "child", "ayah", "tie_bars")
    assert len(bars.paths) >= 3 and bars.line.color == OKABE_ITO["vermillion"]
    stressful = tie_stroke(scene, "child", "bibi")
    # Not by colour alone: barred and straight against jagged, and wider.
    assert stressful.paths[0] != tie.paths[0] and len(tie.paths[0]) < len(stressful.paths[0])
    assert TIE_LOOKS["exploitative"].casing > TIE_LOOKS["stressful"].casing
    assert tie.line.width > stressful.line.width
    assert scene.layers.index(bars) > scene.layers.index(stressful)
    assert scene.text("word:child|ayah").lines == ("exploitative",)
    assert scene.text("legend:tie:exploitative").lines == ("Exploitative tie, barred",)
    assert scene.texts_starting("legend:tie:")[0].key == "legend:tie:exploitative"
    (row,) = [r for r in tie_rows(view_of(exploitative_child())) if r["to"] == "Ayah (Father)"]
    assert row["flags"] == "exploitative"


def test_weak_links_and_single_points_of_failure_read_without_the_legend(latest, earlier):
    assert latest.text("word:ibu_sari|patbm").lines == ("only link",)
    assert latest.text("word:patbm|yayasan").lines == ("only link, weak link",)
    # The teacher's last contact is 2025-10-01, 151 days before the map's date.
    assert latest.text("word:child|bu_ani").lines == ("no contact 151 d",)
    scene = scene_of(conference_child(), lang="id")
    assert scene.text("word:child|bu_ani").lines == ("tanpa kontak 151 hr",)


def test_every_gap_in_the_list_has_a_visible_mark(sample_dataset):
    from eska_network.child_map.scene import gap_topic

    for child_id in sample_dataset.child_ids[::3]:
        view = view_of(sample_dataset.child_system(child_id))
        scene = compose(view, FRAME)
        marked = set()
        for layer in scene.layers:
            marked |= set(layer.topics) if isinstance(layer.topics, frozenset) else set()
        marked |= {topic for text in scene.texts for topic in text.topics}
        for item in view.items:
            assert gap_topic(item) in marked, (child_id, item)


def test_the_legend_lists_what_is_drawn_with_the_same_strokes(latest, earlier):
    for scene in (latest, earlier, scene_of(exploitative_child())):
        drawn = {layer.key: layer for layer in strokes(scene, "ties")}
        rows = {t.key.removeprefix("legend:tie:") for t in scene.texts_starting("legend:tie:")}
        assert rows == set(drawn)
        for key in rows:
            (swatch,) = [s for s in strokes(scene, "ties", legend=True) if s.key == key]
            assert swatch.line.color == drawn[key].line.color
            if key != "between_levels":  # whose width and dash are those of its strength
                assert (swatch.line.width, swatch.line.dash) == (
                    drawn[key].line.width,
                    drawn[key].line.dash,
                )
    (swatch,) = [s for s in strokes(earlier, "ties", legend=True) if s.key == "stressful"]
    assert len(swatch.paths[0]) > 2  # the swatch zig-zags like the tie it explains
    bands = {t.key for t in earlier.texts_starting("legend:band:")}
    assert bands == {"legend:band:absent", "legend:band:weak"}


def test_gaps_beyond_ties_and_rings_are_listed_beside_the_rings(latest):
    assert latest.text("gap_box:unmet_need").lines == ("Unmet need: legal services",)
    link = latest.text("gap_box:link_missing:family-institution")
    assert " ".join(link.lines) == "No tie links family – institutions"
    (squares,) = [d for d in latest.parts("gap_mark")][:1]
    assert squares.look == MARK_LOOKS["gap"]


def test_member_and_tie_hover(latest):
    (members,) = [d for d in latest.parts("member") if d.key == "member"]
    mother = members.hover[members.ids.index("member:ibu_sari")]
    assert mother.startswith("<b>Ibu Sari (Mother)</b>")
    assert "Level: family / caregiver" in mother and "Role: Mother" in mother
    assert "• Child C042: 4/5, supportive" in mother and "• PATBM Cibiru: 3/5, supportive" in mother
    (hover,) = latest.parts("tie_hover")
    text = hover.hover[hover.ids.index("tie:child|yayasan")]
    for part in (
        "<b>Child C042 – Yayasan Pelita Anak</b>",
        "strength 4 of 5, supportive",
        "Kinds of support: emotional, instrumental",
        "Needs met: behavioural / mental health",
        "Last contact: 2026-02-25",
    ):
        assert part in text


def test_a_picked_gap_stays_and_the_rest_fades():
    view = view_of(conference_child())
    item = GapItem("single_point_of_failure", ("ibu_sari", "patbm"))
    figure = child_map_figure(view, FRAME, Focus(gap=item))
    notes = {a.name: a.opacity for a in figure.layout.annotations}
    assert notes["word:ibu_sari|patbm"] == 1 and notes["label:ibu_sari"] == 1
    assert notes["label:yayasan"] == FADED and notes["ring:family"] == 1
    member = child_map_figure(view, FRAME, Focus(member="yayasan"))
    focus = set(member.layout.meta["focus"])
    assert {"tie:child|yayasan", "tie:patbm|yayasan", "member:patbm"} <= focus
    assert "gap:single_point_of_failure:patbm|yayasan" in focus


def test_indonesian_words():
    scene = scene_of(conference_child(), as_of=EARLIER, lang="id")
    assert scene.text("ring:family").lines == ("KELUARGA / PENGASUH",)
    assert scene.text("legend:tie:stressful").lines == ("Ikatan penuh tekanan, bergerigi",)
    assert scene.text("word:child|pak_budi").lines == ("penuh tekanan",)
    assert scene.text("legend:title").lines == ("Keterangan",)


def test_the_same_record_gives_the_same_figure():
    assert child_map(conference_child()).to_json() == child_map(conference_child()).to_json()


def test_layout_meta_carries_the_gaps():
    meta = child_map(conference_child()).layout.meta
    assert (meta["child_id"], meta["as_of"], meta["presentation"]) == (
        CHILD_ID,
        "2026-03-01",
        False,
    )
    assert meta["gaps"]["unmet_needs"] == ["legal"]
    assert meta["gaps"]["stale_ties"] == [["child", "bu_ani"]]


def test_labels_are_text_never_html():
    figure = child_map(hostile_child())
    text = figure.to_json()
    assert "<img" not in text and "<b>sepupu" not in text
    labels = " ".join(a.text for a in figure.layout.annotations if a.name.startswith("label:"))
    assert escape_text(HOSTILE_LABELS[0]) in labels.replace("<br>", " ")
    assert "&lt;b&gt;sepupu&lt;/b&gt;" in labels.replace("<br>", " ")


def test_presentation_mode_shows_no_label_and_no_id():
    figure = child_map(conference_child(), presentation=True, compare_with=EARLIER)
    text = figure.to_json()
    for label in LABELS.values():
        assert json.dumps(label)[1:-1] not in text
        assert escape_text(label) not in text
    for member in conference_child().members:
        if member.member_id != member.role:  # "patbm" is a role name as well
            assert f'"{member.member_id}' not in text and f":{member.member_id}" not in text
    assert CHILD_ID not in text and "dewi" not in text
    assert figure.layout.meta["presentation"] is True
    assert figure.layout.font.size > child_map(conference_child()).layout.font.size


def test_presentation_mode_covers_proposals():
    proposal = ProposedTie("lbh_siti", "institution", label="LBH Siti Rahma", role="legal_aid")
    figure = child_map(conference_child(), presentation=True, proposed=[proposal])
    assert "Siti" not in figure.to_json() and "lbh_siti" not in figure.to_json()


def test_proposed_ties_are_drawn_apart_and_counted_in_the_gaps():
    proposal = ProposedTie("lbh", "institution", 3, needs_met=("legal",), label="LBH Bandung")
    scene = scene_of(conference_child(), proposals=(proposal,))
    tie = tie_stroke(scene, "child", "lbh")
    assert tie.key == "proposed" and tie.line.dash == "longdashdot"
    assert scene.meta["gaps"]["unmet_needs"] == []
    (new,) = [d for d in scene.parts("member") if d.key == "proposed_member"]
    assert new.ids == ("member:lbh",)
    assert {"legend:tie:proposed", "legend:mark:proposed_member"} <= {t.key for t in scene.texts}


def test_comparison_draws_ghosts_halos_and_triangles():
    scene = scene_of(conference_child(), compare_with=EARLIER)
    (lost,) = strokes(scene, "ties", "lost")
    assert lost.meta["ends"] == ["child", "pak_budi"] and lost.line.opacity < 1
    assert len(strokes(scene, "ties", "gained")) == 3
    marks = {d.key: d for d in scene.parts("mark")}
    assert marks["strengthened"].meta["count"] == 2
    assert marks["weakened"].hover == ("Weaker since 2025-09-01: 3 → 2",)
    assert scene.text("legend:tie:lost").lines == ("Lost since 2025-09-01",)
    assert scene.meta["compare_with"] == "2025-09-01"


def test_texts_never_meet_in_the_scenes_above(latest, earlier):
    for scene in (latest, earlier, scene_of(exploitative_child())):
        boxes = [t.box for t in scene.texts]
        assert not any(intersects(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert codes.MAX_STRENGTH == 5


def test_only_the_figures_and_the_export_import_plotly():
    """The view model, places, labels and scene are plain Python: plotly comes in at the end
    (the map's figure, the wellbeing chart beside it, and the export)."""
    import ast
    from pathlib import Path

    folder = Path(__file__).parents[1] / "eska_network" / "child_map"
    importers = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in ("plotly", "kaleido") for name in names):
                importers.add(path.name)
    assert importers == {"figure.py", "wellbeing_chart.py", "export.py"}
