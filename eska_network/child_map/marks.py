"""The markers of a child map: members (a number inside when their label is in the key), the
child's disc, the triangles of change, and the invisible points that give each tie its hover text.

Each marker's ``customdata`` is its topic (``member:<id>``, ``tie:<a>|<b>``): a click on it
comes back to the page as the thing to highlight.
"""

from __future__ import annotations

from collections.abc import Sequence

from eska_network.child_map.geometry import point_along
from eska_network.child_map.hover import member_hover_text, tie_hover_text, tie_lines
from eska_network.child_map.scene import Dots, member_topic
from eska_network.child_map.styles import MARK_LOOKS
from eska_network.child_map.text import escape_text
from eska_network.child_map.ties import DrawnTie
from eska_network.child_map.view import MapView
from eska_network.child_map.words import situation_lines
from eska_network.domain import codes
from eska_network.i18n import text as t

__all__ = ["change_marks", "child_dots", "member_dots", "tie_hover"]

HIDDEN_HOVER = 14
"""The size of the invisible marker at a tie's middle that shows its hover text."""


def change_marks(view: MapView, ties: Sequence[DrawnTie]) -> list[Dots]:
    if view.comparison is None:
        return []
    by_pair = {drawn.tie.pair: drawn for drawn in ties}
    date = view.comparison.earlier.isoformat()
    marks = []
    for kind in ("strengthened", "weakened"):
        found = [
            (change, by_pair[change.pair])
            for change in view.comparison.of_kind(kind)
            if change.pair in by_pair
        ]
        if not found:
            continue
        look = MARK_LOOKS[kind]
        marks.append(
            Dots(
                "mark",
                kind,
                tuple(point_along(drawn.path, 0.3) for _, drawn in found),
                look,
                look.size,
                hover=tuple(
                    t(
                        f"map.hover.{kind}",
                        view.lang,
                        date=date,
                        old=change.from_strength,
                        new=change.to_strength,
                    )
                    for change, _ in found
                ),
                topics=tuple(drawn.topics for _, drawn in found),
                meta={"count": len(found)},
            )
        )
    return marks


def member_dots(view, points, marker, numbered) -> list[Dots]:
    ties = [tie for tie in view.system.ties_as_of(view.as_of) if tie.strength >= 1]
    lines = tie_lines(ties, view.labels, view.lang)
    proposed = view.proposed_members
    members = {member.member_id: member for member in view.system.members}
    dots = []
    for key, chosen in (
        ("member", [m for m in view.places if m not in proposed]),
        ("proposed_member", [m for m in view.places if m in proposed]),
    ):
        if not chosen:
            continue
        chosen.sort()
        dots.append(
            Dots(
                "member",
                key,
                tuple(points[m] for m in chosen),
                MARK_LOOKS[key],
                marker,
                hover=tuple(
                    member_hover_text(members[m], lines.get(m, []), view.lang) for m in chosen
                ),
                ids=tuple(member_topic(m) for m in chosen),
                topics=tuple(frozenset({member_topic(m)}) for m in chosen),
                meta={"members": chosen, "numbered": [m for m in chosen if m in numbered]},
            )
        )
    return dots


def child_dots(view, ties, points, radii) -> list[Dots]:
    lines = tie_lines([d.tie for d in ties if d.tie.is_child_tie], view.labels, view.lang)
    look = MARK_LOOKS["member"]
    situation = [escape_text(line) for line in situation_lines(view)]
    said = [*situation, *lines.get(codes.CHILD_NODE, [])]
    hover = f"<b>{view.child_label}</b><br>" + "<br>".join(said)
    return [
        Dots(
            "child",
            "child",
            (points[codes.CHILD_NODE],),
            look,
            2 * radii[codes.CHILD_NODE],
            hover=(hover,),
            ids=(member_topic(codes.CHILD_NODE),),
            topics=(frozenset({member_topic(codes.CHILD_NODE)}),),
        )
    ]


def tie_hover(view: MapView, ties: Sequence[DrawnTie]) -> Dots:
    return Dots(
        "tie_hover",
        "hover",
        tuple(point_along(drawn.path, 0.5) for drawn in ties),
        MARK_LOOKS["member"],
        HIDDEN_HOVER,
        hover=tuple(
            tie_hover_text(drawn.tie, view.labels, view.lang, drawn.proposed) for drawn in ties
        ),
        ids=tuple(
            next(iter(sorted(t for t in drawn.topics if t.startswith("tie:")))) for drawn in ties
        ),
        topics=tuple(drawn.topics for drawn in ties),
        visible=False,
        meta={"ends": [[drawn.tie.source, drawn.tie.target] for drawn in ties]},
    )
