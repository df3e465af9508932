"""The words a child map writes, and what each mark is about.

A weak link or a single point of failure must read without the legend, so the tie itself says
it ("only link", "no contact 120 d"); the gaps no tie or ring can show (an unmet need, a missing
key, two levels with no link) are listed in a box beside the rings, each line with its mark.
"""

from __future__ import annotations

from collections.abc import Sequence

from eska_network.child_map.scene import Dots, gap_topic, member_topic, tie_topic
from eska_network.child_map.side import Row
from eska_network.child_map.styles import INK, MARK_LOOKS
from eska_network.child_map.text import Box
from eska_network.child_map.ties import DrawnTie
from eska_network.child_map.view import Focus, MapView
from eska_network.domain import codes
from eska_network.domain.gap_items import GapItem, kind_name, subject_text
from eska_network.domain.gap_kinds import gap_kind
from eska_network.i18n import text as t
from eska_network.palette import OKABE_ITO

__all__ = ["focus_topics", "gap_box_rows", "situation_lines", "tie_words", "title_words"]

DRAWN_MARKS = ("tie_", "ring_")
"""Marks of :data:`~eska_network.domain.gap_kinds.MAP_MARKS` drawn on a tie or a ring; every other
mark (an unsafe placement, a missing or weak link, the child's badge, any new one) is a line in
the box beside the rings."""
LOUD_MARKS = ("placement_unsafe",)
"""Box lines written bold and red: a danger to the child now."""
WORD_COLOURS = {
    "exploitative": (OKABE_ITO["black"], True),
    "stressful": (OKABE_ITO["vermillion"], True),
    "other": ("#333333", False),
}


def title_words(view: MapView) -> str:
    """The map's title: whose support system, as of when, compared with when."""
    parts = [t("map.figure.title", view.lang, child=view.child_label)]
    if view.as_of:
        parts.append(t("map.figure.as_of", view.lang, date=view.as_of.isoformat()))
    if view.comparison:
        date = view.comparison.earlier.isoformat()
        parts.append(t("map.figure.compared", view.lang, date=date))
    return ", ".join(parts)


def situation_lines(view: MapView) -> tuple[str, ...]:
    """Where the child lives and the stage of the case, for the map's centre (one line each).

    >>> import datetime as dt
    >>> from eska_network.child_map.view import MapRequest, map_view
    >>> from eska_network.domain.model import Assessment, Child, ChildSystem
    >>> rows = (Assessment("C1", dt.date(2026, 3, 1), placement="kin",
    ...     reintegration_stage="recovery"),)
    >>> view = map_view(MapRequest(ChildSystem(Child("C1", "X", 15), assessments=rows), lang="id"))
    >>> situation_lines(view)
    ('Tinggal: kerabat (tidak aman)', 'Tahap: pemulihan')
    """
    words = view.situation.words(view.lang)
    lines = []
    if words["placement"] is None:
        lines.append(t("map.situation.no_placement", view.lang))
    else:
        key = "map.situation.unsafe" if view.situation.unsafe else "map.situation.lives"
        lines.append(t(key, view.lang, placement=words["placement"]))
    if words["stage"] is not None:
        lines.append(t("map.situation.stage", view.lang, stage=words["stage"]))
    return tuple(lines)


def tie_words(view: MapView, ties: Sequence[DrawnTie]) -> list[tuple]:
    """The words written beside ties, loudest first: ``(tie, words, colour, bold, topics)``."""
    by_ends = {(d.tie.source, d.tie.target): d for d in ties}
    said: dict[tuple[str, str], list[tuple[str, set[str]]]] = {}

    def say(drawn: DrawnTie | None, words: str, item: GapItem | None = None) -> None:
        if drawn is not None:
            topics = {gap_topic(item)} if item else set()
            said.setdefault(drawn.tie.pair, []).append((words, topics))

    for drawn in ties:
        if drawn.serious:
            say(drawn, t(f"map.word.{drawn.look}", view.lang))
    result = view.gaps
    for _pair, (source, target) in sorted(result.sole_links.items()):
        say(
            by_ends.get((source, target)),
            t("map.word.only_link", view.lang),
            GapItem("single_point_of_failure", (source, target)),
        )
    levels = view.system.member_levels
    for pair, strength in result.inter_level.items():
        if not 1 <= strength <= 2:
            continue
        for drawn in ties:
            joined = {levels.get(drawn.tie.source), levels.get(drawn.tie.target)}
            if (
                drawn.between_levels
                and drawn.tie.is_active_supportive
                and drawn.tie.strength == strength
                and joined == set(pair.split("-"))
            ):
                say(drawn, t("map.word.weak_link", view.lang), GapItem("link_weak", pair))
    for source, target in result.stale_ties:
        stale = by_ends.get((source, target))
        if stale is not None and stale.tie.last_contact and view.as_of:
            days = (view.as_of - stale.tie.last_contact).days
            say(
                stale,
                t("map.word.no_contact", view.lang, days=days),
                GapItem("stale_tie", (source, target)),
            )
    found = []
    for drawn in sorted(ties, key=lambda d: (not d.serious, d.look != "exploitative", d.tie.pair)):
        if drawn.tie.pair not in said:
            continue
        entries = said[drawn.tie.pair]
        color, bold = WORD_COLOURS.get(drawn.look, WORD_COLOURS["other"])
        topics = set(drawn.topics).union(*(topics for _, topics in entries))
        found.append(
            (drawn, ", ".join(words for words, _ in entries), color, bold, frozenset(topics))
        )
    return found


def _gap_swatch(box: Box) -> list:
    look = MARK_LOOKS["gap"]
    return [Dots("gap_mark", "gap", (box.centre,), look, look.size)]


def gap_box_rows(view: MapView) -> list[Row]:
    """One line per kind of gap that no tie or ring shows: needs, keys, kinds, links."""
    rows = []
    grouped: dict[str, list[GapItem]] = {}
    for item in view.items:
        if not gap_kind(item.kind).mark.startswith(DRAWN_MARKS):
            grouped.setdefault(item.kind, []).append(item)
    for kind, items in grouped.items():
        topics = frozenset(gap_topic(item) for item in items)
        loud = gap_kind(kind).mark in LOUD_MARKS
        if kind in ("link_missing", "link_weak"):
            for item in items:
                pair = str(item.subject)
                words = t(
                    f"map.box.{kind}",
                    view.lang,
                    pair=codes.LEVEL_PAIRS.label(pair, view.lang),
                    strength=view.gaps.inter_level[pair],
                    max=codes.MAX_STRENGTH,
                )
                rows.append(
                    Row(
                        f"gap_box:{kind}:{item.subject}",
                        words,
                        _gap_swatch,
                        topics=frozenset({gap_topic(item)}),
                    )
                )
            continue
        subjects = ", ".join(subject_text(item, view.lang, view.labels) for item in items)
        if f"map.box.{kind}" in _BOX_WORDS:
            words = t(f"map.box.{kind}", view.lang, items=subjects)
        else:
            words = f"{kind_name(kind, view.lang)}: {subjects}"
        rows.append(
            Row(
                f"gap_box:{kind}",
                words,
                _gap_swatch,
                bold=loud,
                color=OKABE_ITO["vermillion"] if loud else INK,
                topics=topics,
            )
        )
    return rows


_BOX_WORDS = {
    "map.box.unmet_need",
    "map.box.missing_function",
    "map.box.missing_support_type",
}


def focus_topics(
    view: MapView, focus: Focus | None, ties: Sequence[DrawnTie]
) -> frozenset[str] | None:
    """The topics that stay when the conference picks ``focus`` (None: nothing picked)."""
    if focus is None or (focus.gap is None and focus.member is None):
        return None
    topics: set[str] = set()
    if focus.gap is not None:
        item = focus.gap
        topics.add(gap_topic(item))
        if item.tie:
            topics |= {tie_topic(*item.tie), *(member_topic(end) for end in item.tie)}
        elif gap_kind(item.kind).mark.startswith("ring_"):
            topics.add(f"level:{item.subject}")
            topics |= {
                member_topic(m) for m, place in view.places.items() if place.level == item.subject
            }
        elif item.kind.startswith("link_"):
            wanted = set(str(item.subject).split("-"))
            levels = view.system.member_levels
            for drawn in ties:
                if (
                    drawn.between_levels
                    and {
                        levels[drawn.tie.source],
                        levels[drawn.tie.target],
                    }
                    == wanted
                ):
                    topics |= drawn.topics
        return frozenset(topics)
    member = focus.member or codes.CHILD_NODE
    topics.add(member_topic(member))
    for drawn in ties:
        if member in (drawn.tie.source, drawn.tie.target):
            topics |= drawn.topics
    for item in view.items:
        if item.tie and member in item.tie:
            topics.add(gap_topic(item))
    return frozenset(topics)
