"""The child map as tables, for readers who cannot use the picture: one row per gap, per tie.

Both tables are built from a :class:`~eska_network.child_map.figure.MapView`, so they name members
exactly as the map does (role pseudonyms in presentation mode).
"""

from __future__ import annotations

from collections.abc import Mapping

from eska_network.child_map.figure import MapView, map_gaps
from eska_network.domain import codes, gaps
from eska_network.domain.gap_items import gap_items, kind_name, member_name, subject_text

GAP_COLUMNS = {
    "order": ("#", "#"),
    "kind": ("Kind of gap", "Jenis kesenjangan"),
    "detail": ("About", "Tentang"),
    "sentence": ("In words", "Penjelasan"),
}

TIE_COLUMNS = {
    "from": ("From", "Dari"),
    "to": ("To", "Ke"),
    "levels": ("Levels", "Tingkat"),
    "strength": ("Strength (0–5)", "Kekuatan (0–5)"),
    "valence": ("Nature", "Sifat"),
    "support_types": ("Kinds of support", "Jenis dukungan"),
    "functions": ("Keys", "Kunci"),
    "needs_met": ("Needs met", "Kebutuhan terpenuhi"),
    "assessed_on": ("Assessed", "Dinilai"),
    "last_contact": ("Last contact", "Kontak terakhir"),
    "flags": ("Flags", "Tanda"),
}

FLAGS = {
    "ended": ("ended", "berakhir"),
    "stressful": ("stressful", "penuh tekanan"),
    "exploitative": ("exploitative", "eksploitatif"),
    "stale": ("no contact > 90 days", "tanpa kontak > 90 hari"),
    "single_point_of_failure": ("only tie between its levels", "satu-satunya ikatan antar tingkat"),
    "weakest_link": ("weakest link between levels", "hubungan antar tingkat terlemah"),
    "between_levels": ("between levels", "antar tingkat"),
    "proposed": ("proposed, not recorded", "usulan, belum dicatat"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "id" else pair[0]


def column_names(columns: Mapping[str, tuple[str, str]], lang: str = "en") -> dict[str, str]:
    """Column headers of :data:`GAP_COLUMNS` or :data:`TIE_COLUMNS` in ``lang``."""
    return {key: _pick(names, lang) for key, names in columns.items()}


def gap_rows(view: MapView) -> list[dict[str, object]]:
    """One row per gap, most serious first: order, kind, what it is about, the sentence.

    The rows are the gap list beside the map (:func:`~eska_network.child_map.figure.gap_sentences`),
    one sentence each; a child with no gap gets no row.
    """
    result = map_gaps(view)
    items = gap_items(result)
    sentences = gaps.describe(result, view.lang, view.labels) if items else []
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
    result = map_gaps(view)
    level_of = view.system.member_levels
    stale = {tuple(ends) for ends in result.stale_ties}
    sole = {tuple(ends) for ends in result.sole_links.values()}
    weakest_pair = result.weakest_link
    weakest_strength = result.inter_level[weakest_pair]
    rows = []
    ties = view.system.ties_as_of(view.as_of) if view.as_of else ()
    for tie in ties:
        ends = (tie.source, tie.target)
        levels = [level_of.get(end) for end in ends if end != codes.CHILD_NODE]
        pair = codes.level_pair(*levels) if len(levels) == 2 and None not in levels else None
        flags = []
        if tie.strength == 0:
            flags.append("ended")
        if tie.valence in ("stressful", "exploitative") and tie.strength >= 1:
            flags.append(tie.valence)
        if ends in stale:
            flags.append("stale")
        if pair is not None and tie.is_active_supportive:
            flags.append("between_levels")
            if ends in sole:
                flags.append("single_point_of_failure")
            if pair == weakest_pair and tie.strength == weakest_strength:
                flags.append("weakest_link")
        if tie.pair in view.proposed_pairs:
            flags.append("proposed")
        rows.append(
            {
                "from": member_name(tie.source, view.labels, view.lang),
                "to": member_name(tie.target, view.labels, view.lang),
                "levels": " – ".join(
                    codes.LEVELS.label(level, view.lang) for level in levels if level
                ),
                "strength": tie.strength,
                "valence": codes.VALENCES.label(tie.valence, view.lang),
                "support_types": _labels(tie.support_types, codes.SUPPORT_TYPES, view.lang),
                "functions": _labels(tie.functions, codes.FUNCTIONS, view.lang),
                "needs_met": _labels(tie.needs_met, codes.NEEDS, view.lang),
                "assessed_on": tie.assessed_on.isoformat(),
                "last_contact": tie.last_contact.isoformat() if tie.last_contact else "",
                "flags": ", ".join(_pick(FLAGS[flag], view.lang) for flag in flags),
            }
        )
    return rows


def _labels(listed: tuple[str, ...], vocabulary: codes.Vocabulary, lang: str) -> str:
    return ", ".join(vocabulary.label(code, lang) for code in vocabulary.sort(listed))
