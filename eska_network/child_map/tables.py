"""The child map as tables, for readers who cannot use the picture: one row per gap, per tie.

Both tables are built from a :class:`~eska_network.child_map.view.MapView`, so they name members
exactly as the map does (role pseudonyms in presentation mode). Headers and flags are words of
the catalogue (``map.table.*``, ``map.flag.*``).
"""

from __future__ import annotations

from eska_network.child_map.hover import valence_name
from eska_network.child_map.view import MapView
from eska_network.domain import codes, gaps
from eska_network.domain.gap_items import kind_name, member_name, subject_text
from eska_network.i18n import text as t

__all__ = ["GAP_COLUMNS", "TIE_COLUMNS", "column_names", "gap_rows", "tie_rows"]

GAP_COLUMNS = ("order", "kind", "detail", "sentence")
TIE_COLUMNS = (
    "from",
    "to",
    "levels",
    "strength",
    "valence",
    "support_types",
    "functions",
    "needs_met",
    "assessed_on",
    "last_contact",
    "flags",
)
FLAGS = (
    "ended",
    "exploitative",
    "stressful",
    "stale",
    "between_levels",
    "single_point_of_failure",
    "weakest_link",
    "proposed",
)
"""A tie's flags, in the order the table writes them."""


def column_names(columns: tuple[str, ...], lang: str = "en") -> dict[str, str]:
    """Column headers of :data:`GAP_COLUMNS` or :data:`TIE_COLUMNS` in ``lang``.

    >>> column_names(TIE_COLUMNS, "id")["strength"]
    'Kekuatan (0–5)'
    """
    return {key: t(f"map.table.{key}", lang, max=codes.MAX_STRENGTH) for key in columns}


def flag_name(flag: str, lang: str = "en") -> str:
    return t(f"map.flag.{flag}", lang, days=codes.STALE_AFTER_DAYS)


def gap_rows(view: MapView) -> list[dict[str, object]]:
    """One row per gap, most serious first: order, kind, what it is about, the sentence.

    The rows are the gap list beside the map, one sentence each; a child with no gap gets no row.
    """
    items = view.items
    sentences = gaps.describe(view.gaps, view.lang, view.labels) if items else []
    return [
        {
            "order": number,
            "kind": kind_name(item.kind, view.lang),
            "detail": subject_text(item, view.lang, view.labels),
            "sentence": sentence,
        }
        for number, (item, sentence) in enumerate(zip(items, sentences, strict=True), start=1)
    ]


def tie_rows(view: MapView) -> list[dict[str, object]]:
    """One row per tie as of the view's date (ended ties included, flagged ``ended``)."""
    result = view.gaps
    level_of = view.system.member_levels
    stale = {tuple(ends) for ends in result.stale_ties}
    sole = {tuple(ends) for ends in result.sole_links.values()}
    weakest_pair = result.weakest_link
    weakest_strength = result.inter_level[weakest_pair]
    rows = []
    ties = view.system.ties_as_of(view.as_of) if view.as_of else ()
    for tie in ties:
        ends = (tie.source, tie.target)
        levels = [level_of[end] for end in ends if end in level_of]
        member_tie = codes.CHILD_NODE not in ends and len(levels) == 2
        pair = codes.level_pair(levels[0], levels[1]) if member_tie else None
        flags = set()
        if tie.strength == 0:
            flags.add("ended")
        elif tie.valence in ("stressful", "exploitative"):
            flags.add(tie.valence)
        if ends in stale:
            flags.add("stale")
        if pair is not None and tie.is_active_supportive:
            flags.add("between_levels")
            if ends in sole:
                flags.add("single_point_of_failure")
            if pair == weakest_pair and tie.strength == weakest_strength:
                flags.add("weakest_link")
        if tie.pair in view.proposed_pairs:
            flags.add("proposed")
        rows.append(
            {
                "from": member_name(tie.source, view.labels, view.lang),
                "to": member_name(tie.target, view.labels, view.lang),
                "levels": " – ".join(codes.LEVELS.label(level, view.lang) for level in levels),
                "strength": tie.strength,
                "valence": valence_name(tie.valence, view.lang),
                "support_types": _labels(tie.support_types, codes.SUPPORT_TYPES, view.lang),
                "functions": _labels(tie.functions, codes.FUNCTIONS, view.lang),
                "needs_met": _labels(tie.needs_met, codes.NEEDS, view.lang),
                "assessed_on": tie.assessed_on.isoformat(),
                "last_contact": tie.last_contact.isoformat() if tie.last_contact else "",
                "flags": ", ".join(flag_name(flag, view.lang) for flag in FLAGS if flag in flags),
            }
        )
    return rows


def _labels(listed: tuple[str, ...], vocabulary: codes.Vocabulary, lang: str) -> str:
    return ", ".join(vocabulary.label(code, lang) for code in vocabulary.sort(listed))
