"""How the child map draws things: tie styles after Hartman's ecomap, colours, words of the figure.

Colours are the Okabe-Ito palette, safe for colour-blind readers, and no meaning rests on colour
alone: every style also differs in dash, width or marker symbol.
"""

from __future__ import annotations

from dataclasses import dataclass

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

STRONG_FROM = 4
"""Strength 4 and 5 are strong, 3 moderate, 1 and 2 tenuous (0: the tie has ended)."""
MODERATE = 3


@dataclass(frozen=True)
class TieStyle:
    """One way of drawing a tie: its line, and its name in the legend."""

    key: str
    color: str
    width: float
    dash: str
    en: str
    id: str
    jagged: bool = False
    opacity: float = 1.0

    def name(self, lang: str) -> str:
        return self.id if lang == "id" else self.en


TIE_STYLES = {
    style.key: style
    for style in (
        TieStyle(
            "strong", OKABE_ITO["blue"], 6.0, "solid", "Strong tie (4–5)", "Ikatan kuat (4–5)"
        ),
        TieStyle(
            "moderate", OKABE_ITO["blue"], 3.0, "solid", "Moderate tie (3)", "Ikatan sedang (3)"
        ),
        TieStyle(
            "tenuous",
            OKABE_ITO["blue"],
            1.8,
            "dash",
            "Tenuous tie (1–2), dashed",
            "Ikatan lemah (1–2), putus-putus",
        ),
        TieStyle(
            "ambivalent",
            OKABE_ITO["orange"],
            3.0,
            "dot",
            "Ambivalent tie, dotted",
            "Ikatan ambivalen, titik-titik",
        ),
        TieStyle(
            "stressful",
            OKABE_ITO["vermillion"],
            2.2,
            "solid",
            "Stressful tie, jagged",
            "Ikatan penuh tekanan, bergerigi",
            jagged=True,
        ),
        # Until the redrawn map gives it its own mark (gap_kinds.MAP_MARKS "tie_exploitative").
        TieStyle(
            "exploitative",
            OKABE_ITO["black"],
            3.5,
            "dashdot",
            "Exploitative tie, black and jagged",
            "Ikatan eksploitatif, hitam bergerigi",
            jagged=True,
        ),
        TieStyle(
            "proposed",
            OKABE_ITO["reddish_purple"],
            3.5,
            "longdashdot",
            "Proposed tie (not recorded)",
            "Ikatan usulan (belum dicatat)",
        ),
        TieStyle(
            "lost",
            "#8C8C8C",
            2.0,
            "longdash",
            "Lost since {date}",
            "Hilang sejak {date}",
            opacity=0.45,
        ),
        TieStyle(
            "gained",
            OKABE_ITO["sky_blue"],
            13.0,
            "solid",
            "New since {date} (halo)",
            "Baru sejak {date} (lingkar)",
            opacity=0.55,
        ),
        TieStyle(
            "between_levels",
            OKABE_ITO["bluish_green"],
            11.0,
            "solid",
            "Tie between two levels (green band)",
            "Ikatan antar tingkat (pita hijau)",
            opacity=0.35,
        ),
    )
}
"""Every tie style, in the order the legend lists them."""

BASE_STYLES = ("strong", "moderate", "tenuous", "ambivalent", "stressful")
"""The styles the legend always explains, whether or not the child has such a tie."""


def strength_style(strength: int) -> str:
    """The style of an active supportive tie of ``strength`` (1 to 5).

    >>> [strength_style(s) for s in range(1, 6)]
    ['tenuous', 'tenuous', 'moderate', 'strong', 'strong']
    """
    if strength >= STRONG_FROM:
        return "strong"
    return "moderate" if strength == MODERATE else "tenuous"


def tie_style(strength: int, valence: str) -> str | None:
    """The style of a recorded tie; None for an ended one (strength 0), which is not drawn."""
    if strength < 1:
        return None
    if valence == "supportive":
        return strength_style(strength)
    return valence


@dataclass(frozen=True)
class MarkStyle:
    """A marker drawn on a tie or between rings to point at a gap or a change."""

    key: str
    symbol: str
    color: str
    size: int
    en: str
    id: str

    def name(self, lang: str) -> str:
        return self.id if lang == "id" else self.en


MARK_STYLES = {
    mark.key: mark
    for mark in (
        MarkStyle(
            "single_point_of_failure",
            "hexagon2-open",
            OKABE_ITO["black"],
            26,
            "Only tie between two levels",
            "Satu-satunya ikatan antar dua tingkat",
        ),
        MarkStyle(
            "weakest_link",
            "x-thin-open",
            OKABE_ITO["vermillion"],
            18,
            "Weakest link between levels",
            "Hubungan antar tingkat terlemah",
        ),
        MarkStyle(
            "stale",
            "hourglass",
            OKABE_ITO["black"],
            13,
            "No contact for over 90 days",
            "Tidak ada kontak lebih dari 90 hari",
        ),
        MarkStyle(
            "strengthened",
            "triangle-up",
            OKABE_ITO["bluish_green"],
            14,
            "Stronger since {date}",
            "Lebih kuat sejak {date}",
        ),
        MarkStyle(
            "weakened",
            "triangle-down",
            OKABE_ITO["vermillion"],
            14,
            "Weaker since {date}",
            "Lebih lemah sejak {date}",
        ),
    )
}

LEVEL_SYMBOLS = {"family": "circle", "community": "square", "institution": "diamond"}
"""Member markers differ by level in shape as well as by the ring they sit in."""

RING_FILL = {"ok": "rgba(0, 114, 178, 0.06)", "weak": "rgba(0, 0, 0, 0.04)", "absent": "#FFFFFF"}
RING_PATTERN = {"ok": None, "weak": ".", "absent": "/"}
"""Weak rings are dotted, absent rings hatched: the status shows without colour."""

WORDS = {
    "child": ("Child", "Anak"),
    "level": ("Level", "Tingkat"),
    "role": ("Role", "Peran"),
    "ties": ("Ties", "Ikatan"),
    "no_ties": ("no ties", "tidak ada ikatan"),
    "strength": ("strength {value} of 5", "kekuatan {value} dari 5"),
    "support_types": ("Kinds of support", "Jenis dukungan"),
    "functions": ("Keys", "Kunci"),
    "needs_met": ("Needs met", "Kebutuhan terpenuhi"),
    "assessed_on": ("Assessed", "Dinilai"),
    "last_contact": ("Last contact", "Kontak terakhir"),
    "none": ("none", "tidak ada"),
    "not_recorded": ("not recorded", "tidak dicatat"),
    "ring_weak": ("weak (strongest tie {value} of 5)", "lemah (ikatan terkuat {value} dari 5)"),
    "absent_note": ("No {level} involved", "Tidak ada {level} yang terlibat"),
    "ring_absent_legend": ("Level absent (hatched)", "Tingkat tidak ada (arsir)"),
    "ring_weak_legend": ("Level weak (dotted)", "Tingkat lemah (bertitik)"),
    "weakest_link": ("Weakest link: {pair}", "Hubungan terlemah: {pair}"),
    "link_strength": ("strongest tie {value} of 5", "ikatan terkuat {value} dari 5"),
    "no_link": ("no tie", "tidak ada ikatan"),
    "spof": ("Only tie between {pair}", "Satu-satunya ikatan {pair}"),
    "stale": ("No contact for over 90 days", "Tidak ada kontak lebih dari 90 hari"),
    "proposed": ("Proposed, not recorded", "Usulan, belum dicatat"),
    "gained": ("New since {date}", "Baru sejak {date}"),
    "lost": ("Lost since {date}", "Hilang sejak {date}"),
    "strengthened": (
        "Stronger since {date}: {old} → {new}",
        "Lebih kuat sejak {date}: {old} → {new}",
    ),
    "weakened": ("Weaker since {date}: {old} → {new}", "Lebih lemah sejak {date}: {old} → {new}"),
    "as_of": ("as of {date}", "per {date}"),
    "title": ("Support system of {child}", "Sistem dukungan {child}"),
    "compare": ("compared with {date}", "dibandingkan dengan {date}"),
    "members": ("Members: {level}", "Anggota: {level}"),
}


def word(key: str, lang: str = "en", **fields: object) -> str:
    """A word or phrase of the figure in ``lang``, with ``fields`` filled in."""
    en, id_ = WORDS[key]
    return (id_ if lang == "id" else en).format(**fields)
