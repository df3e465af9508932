"""The child map figure: rings, sectors, ecomap tie styles, gap marks, legend, hover, safety."""

from __future__ import annotations

import itertools
import json
import math

import pytest

from eska_network.child_map.figure import child_map
from eska_network.child_map.geometry import JAG_AMPLITUDE, free_angle, jagged, tie_path
from eska_network.child_map.labels import (
    escape_text,
    label_box,
    overlap,
    place_labels,
    text_size,
    wrap_label,
)
from eska_network.child_map.styles import BASE_STYLES, OKABE_ITO
from eska_network.domain import codes, network
from eska_network.domain.model import Child, ChildSystem, Member
from eska_network.domain.whatif import ProposedTie

from .map_cases import (
    CHILD_ID,
    EARLIER,
    HOSTILE_LABELS,
    LABELS,
    conference_child,
    crowded_child,
    hostile_child,
)

MIN_LABEL_DISTANCE = network.MIN_SPACING
"""Smallest distance between two member label anchors, in map units (outer ring radius 1)."""


def parts(figure, part, **meta):
    return [
        trace
        for trace in figure.data
        if trace.meta["part"] == part and all(trace.meta.get(k) == v for k, v in meta.items())
    ]


def one(figure, part, **meta):
    (trace,) = parts(figure, part, **meta)
    return trace


def annotation(figure, name):
    (found,) = [a for a in figure.layout.annotations if a.name == name]
    return found


@pytest.fixture(scope="module")
def latest_map():
    return child_map(conference_child())


@pytest.fixture(scope="module")
def earlier_map():
    return child_map(conference_child(), EARLIER)


def test_child_at_the_centre_and_members_on_their_rings(latest_map):
    child = one(latest_map, "child")
    assert (child.x, child.y) == ((0.0,), (0.0,))
    assert child.text == ("<b>Child<br>C042</b>",)
    rings = {ring.meta["level"]: ring for ring in parts(latest_map, "ring")}
    assert list(rings) == list(codes.LEVELS)
    for level in codes.LEVELS:
        members = one(latest_map, "member", level=level)
        radii = [math.hypot(x, y) for x, y in zip(members.x, members.y, strict=True)]
        ring_radii = [math.hypot(x, y) for x, y in zip(rings[level].x, rings[level].y, strict=True)]
        assert min(ring_radii) <= min(radii) and max(radii) <= max(ring_radii)
    assert sorted(one(latest_map, "member", level="family").customdata) == [
        "ibu_sari",
        "nenek",
        "pak_budi",
    ]


def test_rings_named_and_sectors_labelled_by_role(latest_map):
    assert annotation(latest_map, "ring:family").text == "<b>FAMILY / CAREGIVER</b>"
    sector_names = {a.name for a in latest_map.layout.annotations if a.name.startswith("sector:")}
    assert {"sector:family:mother", "sector:community:teacher", "sector:institution:police"} <= (
        sector_names
    )
    assert annotation(latest_map, "sector:institution:ngo").text == "<i>NGO</i>"
    assert one(latest_map, "sector_dividers").line.dash == "dot"


def test_an_absent_ring_is_hatched_and_labelled(earlier_map):
    ring = one(earlier_map, "ring", level="institution")
    assert ring.meta["status"] == "absent"
    assert ring.fillpattern.shape == "/"
    assert ring.showlegend and ring.name == "Level absent (hatched)"
    note = annotation(earlier_map, "absent:institution")
    assert note.text == "<b>No institutions involved</b>"
    assert annotation(earlier_map, "ring:institution").text == "<b>INSTITUTIONS</b>"


def test_a_weak_ring_is_dotted_and_labelled_with_its_strength(earlier_map):
    ring = one(earlier_map, "ring", level="family")
    assert (ring.meta["status"], ring.fillpattern.shape) == ("weak", ".")
    assert "weak (strongest tie 2 of 5)" in annotation(earlier_map, "ring:family").text
    ok_ring = one(earlier_map, "ring", level="community")
    assert ok_ring.fillpattern.shape is None and not ok_ring.showlegend


def test_tie_styles_follow_the_ecomap(latest_map):
    ties = {trace.meta["style"]: trace for trace in parts(latest_map, "ties")}
    counts = {style: trace.meta["count"] for style, trace in ties.items()}
    assert counts == {
        "between_levels": 2,
        "strong": 2,
        "moderate": 2,
        "tenuous": 3,
        "ambivalent": 1,
        "stressful": 0,
    }
    assert (ties["strong"].line.width, ties["strong"].line.dash) == (6.0, "solid")
    assert (ties["moderate"].line.width, ties["moderate"].line.dash) == (3.0, "solid")
    assert ties["tenuous"].line.dash == "dash" and ties["tenuous"].line.width < 3
    assert ties["ambivalent"].line.dash == "dot"
    assert ties["ambivalent"].line.color == OKABE_ITO["orange"]
    # Between levels: a wide band under the tie itself.
    assert ties["between_levels"].line.width > ties["strong"].line.width


def test_a_stressful_tie_is_jagged_and_vermillion(earlier_map):
    stressful = one(earlier_map, "ties", style="stressful")
    assert stressful.meta["count"] == 1
    assert stressful.line.color == OKABE_ITO["vermillion"]
    points = [(x, y) for x, y in zip(stressful.x, stressful.y, strict=True) if x is not None]
    assert len(points) > 6  # a zig-zag, not a straight segment
    turns = [
        (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
        for a, b, c in zip(points, points[1:], points[2:], strict=False)
    ]
    assert any(t > 0 for t in turns) and any(t < 0 for t in turns)


def test_an_ended_tie_is_not_drawn(latest_map):
    ends = [tuple(pair) for pair in one(latest_map, "tie_hover").customdata]
    assert ("child", "pak_budi") not in ends
    assert len(ends) == 8


def test_every_style_is_in_the_legend_and_not_by_colour_alone(latest_map):
    shown = [trace for trace in latest_map.data if trace.showlegend]
    styles = [trace.meta.get("style") for trace in shown if trace.meta["part"] == "ties"]
    assert set(BASE_STYLES) <= set(styles)
    names = [trace.name for trace in shown]
    assert len(names) == len(set(names))
    groups = [trace.legendgroup for trace in shown]
    assert len(groups) == len(set(groups))
    looks = {(t.line.width, t.line.dash) for t in shown if t.meta["part"] == "ties"}
    assert len(looks) == len(styles)  # each tie style differs in width or dash, not colour only
    symbols = [t.marker.symbol for t in shown if t.meta["part"] in ("mark", "member")]
    assert len(symbols) == len(set(symbols))
    palette = set(OKABE_ITO.values())
    assert {t.line.color for t in shown if t.meta["part"] == "ties"} <= palette


def test_a_child_with_no_ties_still_gets_the_whole_legend():
    figure = child_map(ChildSystem(Child("C1", "Kota Bandung", 10)))
    styles = {t.meta["style"] for t in parts(figure, "ties") if t.showlegend}
    assert set(BASE_STYLES) <= styles
    assert {ring.meta["status"] for ring in parts(figure, "ring")} == {"absent"}


def test_single_points_of_failure_are_marked_on_their_ties(latest_map):
    spof = one(latest_map, "mark", mark="single_point_of_failure")
    assert spof.meta["count"] == 2
    hover = one(latest_map, "tie_hover")
    midpoints = {
        tuple(pair): (x, y) for pair, x, y in zip(hover.customdata, hover.x, hover.y, strict=True)
    }
    marked = set(zip(spof.x, spof.y, strict=True))
    assert midpoints[("ibu_sari", "patbm")] in marked and midpoints[("patbm", "yayasan")] in marked
    assert spof.hovertext[0].startswith("Only tie between")


def test_the_weakest_link_is_marked_between_its_rings(latest_map):
    mark = one(latest_map, "mark", mark="weakest_link")
    assert (mark.meta["pair"], mark.meta["strength"]) == ("family-institution", 0)
    note = annotation(latest_map, "weakest_link:family-institution")
    assert note.text == "Weakest link: family – institutions (no tie)"
    radius = math.hypot(mark.x[0], mark.y[0])
    family = one(latest_map, "ring", level="family")
    institution = one(latest_map, "ring", level="institution")
    family_outer = max(math.hypot(x, y) for x, y in zip(family.x, family.y, strict=True))
    institution_inner = min(
        math.hypot(x, y) for x, y in zip(institution.x, institution.y, strict=True)
    )
    assert family_outer <= radius <= institution_inner


def test_a_weakest_link_with_a_tie_is_marked_on_that_tie(earlier_map):
    # Earlier, only the mother-PATBM tie (2) joins two levels; the weakest pair has none.
    mark = one(earlier_map, "mark", mark="weakest_link")
    assert mark.meta["pair"] == "community-institution" and mark.meta["strength"] == 0
    strong_enough = child_map(
        conference_child(),
        proposed=[
            ProposedTie("polres", "institution", 2, other_end="ibu_sari"),
            ProposedTie("polres", "institution", 3, other_end="ustadz"),
        ],
    )
    mark = one(strong_enough, "mark", mark="weakest_link")
    assert (mark.meta["pair"], mark.meta["strength"]) == ("family-institution", 2)
    assert mark.meta["tie"] == ["ibu_sari", "polres"]
    tie = one(strong_enough, "ties", style="proposed")
    points = list(zip(tie.x, tie.y, strict=True))
    assert min(math.dist((mark.x[0], mark.y[0]), p) for p in points if p[0] is not None) < 0.02


def test_stale_ties_get_an_hourglass(latest_map):
    stale = one(latest_map, "mark", mark="stale")
    assert stale.meta["count"] == 1 and stale.marker.symbol == "hourglass"
    assert stale.showlegend and stale.name == "No contact for over 90 days"


def test_member_hover_gives_label_level_role_and_ties(latest_map):
    family = one(latest_map, "member", level="family")
    mother = family.hovertext[list(family.customdata).index("ibu_sari")]
    assert mother.startswith("<b>Ibu Sari (Mother)</b>")
    assert "Level: family / caregiver" in mother and "Role: Mother" in mother
    assert "• Child C042: 4/5, supportive" in mother and "• PATBM Cibiru: 3/5, supportive" in mother


def test_tie_hover_gives_every_detail(latest_map):
    hover = one(latest_map, "tie_hover")
    assert hover.marker.opacity == 0
    text = hover.hovertext[[tuple(p) for p in hover.customdata].index(("child", "yayasan"))]
    for part in (
        "<b>Child C042 – Yayasan Pelita Anak</b>",
        "strength 4 of 5, supportive",
        "Kinds of support: emotional, instrumental",
        "Keys: none",
        "Needs met: behavioural / mental health",
        "Assessed: 2026-03-01",
        "Last contact: 2026-02-25",
    ):
        assert part in text


def test_indonesian_words(earlier_map):
    figure = child_map(conference_child(), EARLIER, lang="id")
    assert annotation(figure, "ring:family").text.startswith("<b>KELUARGA / PENGASUH")
    assert annotation(figure, "absent:institution").text == "<b>Tidak ada lembaga yang terlibat</b>"
    names = {trace.name for trace in figure.data if trace.showlegend}
    assert "Ikatan penuh tekanan, bergerigi" in names and "Ikatan lemah (1–2), putus-putus" in names
    assert figure.layout.title.text.startswith("Sistem dukungan Anak C042")


def test_the_same_record_gives_the_same_figure():
    assert child_map(conference_child()).to_json() == child_map(conference_child()).to_json()


def test_layout_meta_carries_the_gaps(latest_map):
    meta = latest_map.layout.meta
    assert (meta["child_id"], meta["as_of"], meta["presentation"]) == (
        CHILD_ID,
        "2026-03-01",
        False,
    )
    assert meta["gaps"]["unmet_needs"] == ["legal"]
    assert meta["gaps"]["stale_ties"] == [["child", "bu_ani"]]


def test_labels_are_text_never_html():
    text = child_map(hostile_child()).to_json()
    assert "<img" not in text and "<b>sepupu" not in text
    figure = child_map(hostile_child())
    labels = [a.text for a in figure.layout.annotations if a.name.startswith("label:")]
    assert escape_text(HOSTILE_LABELS[0]) in labels[0].replace("<br>", " ")
    assert "&lt;b&gt;sepupu&lt;/b&gt;" in labels[1].replace("<br>", " ")
    hovers = one(figure, "member", level="family").hovertext
    assert hovers[0].startswith("<b>&lt;img src=x onerror=alert(1)&gt;</b>")


def test_presentation_mode_shows_no_label_and_no_id():
    figure = child_map(conference_child(), presentation=True, compare_with=EARLIER)
    text = figure.to_json()
    for label in LABELS.values():
        assert json.dumps(label)[1:-1] not in text
        assert escape_text(label) not in text
    for member in conference_child().members:
        if member.member_id != member.role:  # "patbm" is a role name as well
            assert f'"{member.member_id}"' not in text
    assert CHILD_ID not in text and "dewi" not in text
    assert "Child A" in text and figure.layout.meta["presentation"] is True
    assert figure.layout.font.size > child_map(conference_child()).layout.font.size


def test_presentation_mode_covers_proposals():
    proposal = ProposedTie("lbh_siti", "institution", label="LBH Siti Rahma", role="legal_aid")
    figure = child_map(conference_child(), presentation=True, proposed=[proposal])
    assert "Siti" not in figure.to_json() and "lbh_siti" not in figure.to_json()
    assert one(figure, "ties", style="proposed").meta["count"] == 1


def test_proposed_ties_are_drawn_apart_and_counted_in_the_gaps():
    proposal = ProposedTie("lbh", "institution", 3, needs_met=("legal",), label="LBH Bandung")
    figure = child_map(conference_child(), proposed=[proposal])
    proposed = one(figure, "ties", style="proposed")
    assert proposed.meta["count"] == 1 and proposed.line.dash == "longdashdot"
    assert figure.layout.meta["gaps"]["unmet_needs"] == []
    hover = one(figure, "tie_hover")
    text = hover.hovertext[[tuple(p) for p in hover.customdata].index(("child", "lbh"))]
    assert "Proposed, not recorded" in text


def test_comparison_draws_ghosts_halos_and_triangles():
    figure = child_map(conference_child(), compare_with=EARLIER)
    lost = one(figure, "ties", style="lost")
    assert lost.meta["count"] == 1 and lost.opacity < 1 and lost.name == "Lost since 2025-09-01"
    gained = one(figure, "ties", style="gained")
    assert gained.meta["count"] == 3 and gained.name == "New since 2025-09-01 (halo)"
    assert one(figure, "mark", mark="strengthened").meta["count"] == 2
    weaker = one(figure, "mark", mark="weakened")
    assert weaker.meta["count"] == 1 and weaker.hovertext == ("Weaker since 2025-09-01: 3 → 2",)
    assert figure.layout.meta["compare_with"] == "2025-09-01"
    assert "compared with 2025-09-01" in figure.layout.title.text


def test_without_comparison_there_are_no_change_traces(latest_map):
    assert not parts(latest_map, "ties", style="lost")
    assert not parts(latest_map, "mark", mark="weakened")


@pytest.mark.parametrize("count", [12, 25, 40])
def test_label_anchors_keep_their_distance(count):
    figure = child_map(crowded_child(count))
    anchors = [(a.x, a.y) for a in figure.layout.annotations if a.name.startswith("label:")]
    assert len(anchors) == count
    smallest = min(math.dist(a, b) for a, b in itertools.combinations(anchors, 2))
    assert smallest >= MIN_LABEL_DISTANCE


def test_trimmed_snapshot_of_the_legend(latest_map):
    legend = [
        (trace.meta["part"], trace.name, trace.legendgroup)
        for trace in latest_map.data
        if trace.showlegend
    ]
    assert legend == [
        ("ties", "Tie between two levels (green band)", "tie:between_levels"),
        ("ties", "Strong tie (4–5)", "tie:strong"),
        ("ties", "Moderate tie (3)", "tie:moderate"),
        ("ties", "Tenuous tie (1–2), dashed", "tie:tenuous"),
        ("ties", "Ambivalent tie, dotted", "tie:ambivalent"),
        ("ties", "Stressful tie, jagged", "tie:stressful"),
        ("mark", "Only tie between two levels", "mark:single_point_of_failure"),
        ("mark", "No contact for over 90 days", "mark:stale"),
        ("mark", "Weakest link between levels", "mark:weakest_link"),
        ("member", "family / caregiver", "member:family"),
        ("member", "community", "member:community"),
        ("member", "institutions", "member:institution"),
    ]


def test_labels_of_close_members_are_placed_apart():
    members = [Member("C1", f"m{i}", f"Neighbour number {i}", "community") for i in range(4)]
    positions = {f"m{i}": (0.5, 0.02 * i) for i in range(4)}
    places = place_labels(members, positions, 15, 66, 12, 320.0)
    boxes = [
        label_box(
            positions[m.member_id][0] * 320,
            positions[m.member_id][1] * 320,
            places[m.member_id],
            text_size(wrap_label(m.label), 12),
        )
        for m in members
    ]
    assert all(overlap(a, b) == 0 for a, b in itertools.combinations(boxes, 2))
    # The first choice is outward: right of a member on the right half.
    assert places["m0"].xanchor == "left" and places["m0"].xshift > 0


def test_a_jagged_path_keeps_its_ends_and_zigzags_within_its_amplitude():
    path = tie_path((0.1, 0.0), (0.9, 0.0), 0.0)
    teeth = jagged(path)
    assert teeth[0] == (0.1, 0.0) and teeth[-1] == (0.9, 0.0)
    assert max(abs(y) for _, y in teeth) == pytest.approx(JAG_AMPLITUDE)


def test_a_free_angle_keeps_away_from_members_and_the_top():
    taken = [math.radians(angle) for angle in (-90, -80, -100, 0, 180, 90)]
    angle = math.degrees(free_angle(taken, -math.pi / 2)) % 360
    assert min(abs(angle - other) for other in (270, 260, 280, 0, 360, 180, 90)) >= 40
    # Only the candidates offered are chosen from; equally free ones go to the preferred side.
    assert free_angle([0.0], math.pi / 2, [math.pi / 2, -math.pi / 2]) == math.pi / 2
