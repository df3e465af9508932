"""The scene of one child map: the view drawn into a frame, loudest marks on top, no text on text.

Drawing order, bottom to top: bands, ring edges and sector lines, halos of new ties, ordinary
ties, ghosts of lost ties, leader lines, serious ties (stressful, then exploitative) on white
casings, marks of change, members, the child. Texts are placed in order of importance on a
:class:`~eska_network.child_map.canvas.Canvas`: ring names, level notes, the child's
situation (where the child lives, the stage of the case) beside its disc, the words on ties,
member labels (or a number and a line in the key), sector names.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from eska_network.child_map import labels as label_places
from eska_network.child_map.canvas import Canvas
from eska_network.child_map.frame import Frame
from eska_network.child_map.legend import legend_block
from eska_network.child_map.marks import change_marks, child_dots, member_dots, tie_hover
from eska_network.child_map.placement import CHILD_RADIUS, SECTORS
from eska_network.child_map.rings import (
    bands,
    note_options,
    ring_lines,
    sector_name_options,
    title_options,
)
from eska_network.child_map.scene import Dots, Scene, Stroke, Text, gap_topic, member_topic
from eska_network.child_map.side import Block, Row, side_column
from eska_network.child_map.styles import QUIET, SERIOUS, TIE_LOOKS, Line
from eska_network.child_map.text import Box, block_size, wrap_to_width
from eska_network.child_map.ties import DrawnTie, drawn_ties, ghost_paths, node_points, tie_strokes
from eska_network.child_map.view import Focus, MapView, gap_sentences
from eska_network.child_map.words import (
    focus_topics,
    gap_box_rows,
    situation_lines,
    tie_words,
    title_words,
)
from eska_network.domain import codes
from eska_network.i18n import text as t
from eska_network.palette import OKABE_ITO

__all__ = ["Focus", "compose"]

MEMBER_SIZE = {False: 16, True: 19}
"""The diameter of a member's marker in pixels, on screen and in presentation mode."""
NUMBER_SHRINK = 4
"""A member's number in its marker is this much smaller than the base type."""
LEADER = Line("#3A3A3A", 1.2)


def compose(view: MapView, frame: Frame, focus: Focus | None = None) -> Scene:
    """The scene of ``view`` in ``frame``; with ``focus``, what it is about stays, the rest fades.

    A frame with a title and a footer (an export) gets the title, the date and the
    confidentiality note, and lists the gaps in words in its side column.
    """
    marker = MEMBER_SIZE[view.presentation and not frame.title]
    points = node_points(view, frame)
    radii = {member: marker / 2 for member in view.places}
    radii[codes.CHILD_NODE] = CHILD_RADIUS * frame.scale
    ties = drawn_ties(view, points, radii)
    number_size = max(8, frame.font - NUMBER_SHRINK)
    canvas = _canvas(view, frame, points, radii, ties, number_size)
    _reserve_labels(view, frame, canvas, points, radii)

    texts: list[Text] = [*_frame_texts(view, frame), _child_text(view, frame)]
    canvas.add(texts[-1])
    for level in codes.LEVELS:
        canvas.place(title_options(level, frame, view.lang), spare_labels=True)
        canvas.place(note_options(view, level, frame), spare_labels=True)
    beside_child = canvas.place(
        _situation_options(view, frame, radii[codes.CHILD_NODE]), spare_labels=True
    )
    for drawn, words, color, bold, topics in tie_words(view, ties):
        look = TIE_LOOKS[drawn.look]
        clearance = (look.line.width + look.casing) / 2 + 2
        canvas.place(
            label_places.word_options(
                f"word:{drawn.tie.source}|{drawn.tie.target}",
                words,
                drawn.path,
                clearance,
                frame.font - 2,
                color,
                bold,
                topics,
            ),
            spare_labels=True,
        )
    numbered = _member_labels(view, frame, canvas, points, radii, ties)
    for level, sectors in SECTORS.items():
        present = {place.sector.key for place in view.places.values() if place.level == level}
        for sector in sectors:
            if sector.key in present:
                canvas.place(sector_name_options(sector, frame, view.lang))
    texts += canvas.texts[1:]
    texts += _numbers(numbered, points, number_size)

    layers = _layers(view, frame, ties, points, radii, canvas.leaders, marker, numbered)
    blocks = _side_blocks(view, frame, ties, layers, numbered)
    if beside_child is None:
        # No room beside the child's disc (a crowded centre): the situation heads the side column.
        blocks.insert(0, _situation_block(view))
    side_layers, side_texts = side_column(blocks, frame)
    topics = focus_topics(view, focus, ties)
    return Scene(
        frame=frame,
        layers=(*layers, *side_layers),
        texts=(*texts, *side_texts),
        meta=_meta(view, frame, numbered),
        focus=topics,
    )


def _canvas(view, frame, points, radii, ties: Sequence[DrawnTie], number_size) -> Canvas:
    canvas = Canvas(frame.map_box)
    for member, (x, y) in points.items():
        if member == codes.CHILD_NODE:
            continue
        width, height = block_size(["88"], number_size)
        half = max(radii[member], (width + 4) / 2, (height + 4) / 2) + 1
        canvas.block(Box(x - half, y - half, x + half, y + half), f"label:{member}")
    canvas.block_disc(points[codes.CHILD_NODE], radii[codes.CHILD_NODE] + 1)
    for drawn in ties:
        look = TIE_LOOKS[drawn.look]
        if drawn.serious:
            canvas.block_path(drawn.path, look.line.width + look.casing)
        else:
            canvas.soften_path(drawn.path)
    return canvas


RESERVED_PLACES = 2
"""How many of a member's favourite label places the texts placed before labels keep clear of."""


def _reserve_labels(view, frame, canvas, points, radii) -> None:
    """Keep each member's favourite label places (beside its marker) free of the texts placed
    before the labels, where those texts have a choice."""
    for member in view.places:
        kept = 0
        for option in _label_options(view, frame, member, points, radii):
            if kept == RESERVED_PLACES:
                break
            if option.leader is None and option.text.box.within(canvas.bounds):
                canvas.reserve(option.text.box)
                kept += 1


def _label_options(view, frame, member, points, radii):
    x, y = points[member]
    centre = frame.centre
    return label_places.label_options(
        f"label:{member}",
        view.labels[member],
        (x, y),
        radii[member],
        math.atan2(y - centre[1], x - centre[0]),
        frame.font,
        frozenset({member_topic(member)}),
    )


def _frame_texts(view: MapView, frame: Frame) -> list[Text]:
    texts = []
    if frame.title:
        texts.append(
            Text(
                "title",
                (title_words(view),),
                8,
                frame.height - 8,
                frame.font + 4,
                xanchor="left",
                yanchor="top",
                bold=True,
                align="left",
            )
        )
    if frame.footer:
        words = t("map.figure.footer", view.lang)
        lines = tuple(wrap_to_width(words, frame.width - 24, frame.font - 1))
        texts.append(
            Text("footer", lines, 8, 4, frame.font - 1, "left", "bottom", color=QUIET, align="left")
        )
    return texts


def _child_text(view: MapView, frame: Frame) -> Text:
    """The child's name in its disc, as large as fits (down to 8 pixels), else just the word."""
    x, y = frame.centre
    inside = 2 * CHILD_RADIUS * frame.scale * 0.78
    word, _, code = view.child_label.partition(" ")
    for lines in ((word, code), (word,)):
        for size in range(frame.font, 7, -1):
            text = Text("child", tuple(lines), x, y, size, bold=True)
            if text.box.width <= inside and text.box.height <= inside:
                return text
    return Text("child", (word,), x, y, 8, bold=True)


def _situation_options(view: MapView, frame: Frame, radius: float):
    """Where the child lives and the stage, beside the child's disc; red when unsafe."""
    unsafe = view.situation.unsafe
    color = OKABE_ITO["vermillion"] if unsafe else QUIET
    topics = {member_topic(codes.CHILD_NODE)}
    topics |= {gap_topic(item) for item in view.items if item.kind == "unsafe_placement"}
    return label_places.centre_options(
        "situation",
        situation_lines(view),
        frame.centre,
        radius,
        frame.font - 1,
        color,
        frozenset(topics),
    )


def _situation_block(view: MapView) -> Block:
    unsafe = view.situation.unsafe
    row = Row(
        "situation_box:situation",
        " · ".join(situation_lines(view)),
        bold=True,
        color=OKABE_ITO["vermillion"] if unsafe else QUIET,
        topics=frozenset({member_topic(codes.CHILD_NODE)}),
    )
    return Block("situation_box", None, (row,))


def _member_labels(view, frame, canvas, points, radii, ties) -> list[str]:
    """Place each member's label; return the members left without one (to be numbered)."""
    involved = {
        end for drawn in ties if drawn.serious for end in (drawn.tie.source, drawn.tie.target)
    }
    involved |= {end for item in view.items if item.tie for end in item.tie}

    def order(member: str) -> tuple:
        place = view.places[member]
        return (member not in involved, codes.LEVELS.position(place.level), _clockwise(place.angle))

    left_out = []
    for member in sorted(view.places, key=order):
        if canvas.place(_label_options(view, frame, member, points, radii)) is None:
            left_out.append(member)
    return sorted(
        left_out,
        key=lambda m: (
            codes.LEVELS.position(view.places[m].level),
            _clockwise(view.places[m].angle),
        ),
    )


def _clockwise(angle: float) -> float:
    """Order round a ring: from the top, clockwise."""
    return (math.pi / 2 - angle) % (2 * math.pi)


def _numbers(numbered: Sequence[str], points, size: float) -> list[Text]:
    return [
        Text(
            f"number:{member}",
            (str(number),),
            points[member][0],
            points[member][1],
            size,
            bold=True,
            topics=frozenset({member_topic(member)}),
        )
        for number, member in enumerate(numbered, start=1)
    ]


def _layers(view, frame, ties, points, radii, leaders, marker, numbered) -> list[Stroke | Dots]:
    layers: list[Stroke | Dots] = [*bands(view, frame), *ring_lines(frame)]
    gained = {change.pair for change in view.comparison.gained} if view.comparison else set()
    for drawn in ties:
        if drawn.tie.pair in gained:
            layers += tie_strokes("gained", drawn.path, topics=drawn.topics)
    item_topics = _tie_gap_topics(view)
    order = list(TIE_LOOKS)
    for drawn in sorted(ties, key=lambda d: (d.serious, order.index(d.look), d.tie.pair)):
        if drawn.serious:
            continue
        layers += _tie_layers(drawn, item_topics)
    for path, tie in ghost_paths(view, points, radii):
        topics = frozenset({member_topic(tie.source), member_topic(tie.target)})
        layers += tie_strokes("lost", path, topics=topics, meta={"ends": [tie.source, tie.target]})
    if leaders:
        layers.append(
            Stroke("leaders", "leader", tuple(tuple(leader) for leader in leaders), LEADER)
        )
    for key in SERIOUS:
        for drawn in ties:
            if drawn.look == key:
                layers += _tie_layers(drawn, item_topics)
    layers += change_marks(view, ties)
    layers += member_dots(view, points, marker, numbered)
    layers += child_dots(view, ties, points, radii)
    layers.append(tie_hover(view, ties))
    return layers


def _tie_gap_topics(view: MapView) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for item in view.items:
        if item.tie:
            a, b = item.tie
            found.setdefault((a, b) if a <= b else (b, a), set()).add(gap_topic(item))
    return found


def _tie_layers(drawn: DrawnTie, item_topics) -> list[Stroke]:
    topics = drawn.topics | item_topics.get(drawn.tie.pair, set())
    meta = {"ends": [drawn.tie.source, drawn.tie.target], "strength": drawn.tie.strength}
    return tie_strokes(
        drawn.look, drawn.path, strength=drawn.tie.strength, topics=topics, meta=meta
    )


def _side_blocks(view, frame, ties, layers, numbered) -> list[Block]:
    blocks = []
    if frame.title:
        sentences = gap_sentences(view)
        rows = [Row(f"gap_list:{n}", f"{n}. {s}") for n, s in enumerate(sentences, start=1)]
        if not view.items:
            rows = [Row("gap_list:0", sentences[0])]
        blocks.append(Block("gap_list", t("map.gaps", view.lang), tuple(rows)))
    else:
        blocks.append(Block("gap_box", None, tuple(gap_box_rows(view))))
    drawn = _legend_entries(view, layers)
    date = view.comparison.earlier.isoformat() if view.comparison else ""
    blocks.append(legend_block(drawn, view.lang, date))
    key_rows = tuple(
        Row(
            f"key:{member}",
            f"{number}  {view.labels[member]}",
            topics=frozenset({member_topic(member)}),
        )
        for number, member in enumerate(numbered, start=1)
    )
    blocks.append(Block("key", t("map.key.title", view.lang), key_rows, flows=True))
    return blocks


def _legend_entries(view: MapView, layers: Sequence[Stroke | Dots]) -> set[str]:
    entries = set()
    for layer in layers:
        if layer.part == "ties":
            entries.add(f"tie:{layer.key}")
        elif layer.part == "ring" and layer.key != "ok":
            entries.add(f"band:{layer.key}")
        elif layer.part == "mark":
            entries.add(f"mark:{layer.key}")
        elif layer.part == "member" and layer.key == "proposed_member":
            entries.add("mark:proposed_member")
    return entries


def _meta(view: MapView, frame: Frame, numbered: Sequence[str]) -> dict:
    return {
        "child_id": view.system.child.child_id,
        "as_of": view.as_of.isoformat() if view.as_of else None,
        "lang": view.lang,
        "presentation": view.presentation,
        "compare_with": view.comparison.earlier.isoformat() if view.comparison else None,
        "gaps": view.gaps.to_json_dict(),
        "numbered": list(numbered),
        "centre": [round(c, 2) for c in frame.centre],
        "diameter": round(frame.diameter, 2),
    }
