"""How the child map draws: line styles after Hartman's ecomap, ordered by how serious they are.

The worst gaps are the loudest marks: an exploitative tie is a heavy black line crossed by red
bars, a stressful tie a red zig-zag, both on a white casing above everything else; supportive
ties are calm blue lines whose width and dash give their strength. Colours are the Okabe-Ito
palette (safe for colour-blind readers) and no meaning rests on colour alone: every style also
differs in width, dash, zig-zag or bars. The words of the legend are in
:mod:`eska_network.i18n.child_map` under ``map.legend.<key>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from eska_network.palette import OKABE_ITO

__all__ = [
    "BAND_LOOKS",
    "MARK_LOOKS",
    "SERIOUS",
    "TIE_LOOKS",
    "BandLook",
    "Line",
    "MarkLook",
    "TieLook",
    "strength_style",
    "tie_style",
]

WHITE = "#FFFFFF"
INK = "#1A1A1A"
QUIET = "#5A5A5A"

STRONG_FROM = 4
"""Strength 4 and 5 are strong, 3 moderate, 1 and 2 tenuous (0: the tie has ended)."""
MODERATE = 3


@dataclass(frozen=True)
class Line:
    """One stroke of a mark: colour, width in pixels, plotly dash, opacity."""

    color: str
    width: float
    dash: str = "solid"
    opacity: float = 1.0


@dataclass(frozen=True)
class TieLook:
    """How one kind of tie is drawn: its strokes bottom to top, and the shape of its path.

    ``shape`` is ``"straight"`` (the path as it is), ``"jagged"`` (a zig-zag along it) or
    ``"barred"`` (the path crossed by short bars). ``casing`` is a white stroke under the
    mark that keeps it readable over bands and other ties.
    """

    key: str
    line: Line
    shape: str = "straight"
    casing: float = 0.0
    bars: Line | None = None


TIE_LOOKS = {
    look.key: look
    for look in (
        TieLook("strong", Line(OKABE_ITO["blue"], 5.0)),
        TieLook("moderate", Line(OKABE_ITO["blue"], 2.6)),
        TieLook("tenuous", Line(OKABE_ITO["blue"], 1.6, "dash")),
        TieLook("between_levels", Line(OKABE_ITO["bluish_green"], 2.6)),
        TieLook("ambivalent", Line(OKABE_ITO["orange"], 2.6, "dot")),
        TieLook("proposed", Line(OKABE_ITO["reddish_purple"], 3.2, "longdashdot"), casing=6.0),
        TieLook("lost", Line("#8C8C8C", 2.0, "longdash", 0.6)),
        TieLook("gained", Line(OKABE_ITO["sky_blue"], 12.0, opacity=0.45)),
        TieLook("stressful", Line(OKABE_ITO["vermillion"], 3.0), shape="jagged", casing=9.0),
        TieLook(
            "exploitative",
            Line(OKABE_ITO["black"], 4.5),
            shape="barred",
            casing=13.0,
            bars=Line(OKABE_ITO["vermillion"], 3.0),
        ),
    )
}
"""Every tie look, drawn bottom to top in this order."""

SERIOUS = ("stressful", "exploitative")
"""Valences drawn above everything, never covered by a text, each with its word beside it."""


def strength_style(strength: int) -> str:
    """The look of an active supportive tie of ``strength`` (1 to 5).

    >>> [strength_style(s) for s in range(1, 6)]
    ['tenuous', 'tenuous', 'moderate', 'strong', 'strong']
    """
    if strength >= STRONG_FROM:
        return "strong"
    return "moderate" if strength == MODERATE else "tenuous"


def tie_style(strength: int, valence: str, between_levels: bool = False) -> str | None:
    """The look of a recorded tie; None for an ended one (strength 0), which is not drawn.

    A supportive member tie joining two levels is green (its strength still shows in width and
    dash); any valence other than supportive draws in its own look.

    >>> tie_style(4, "supportive"), tie_style(2, "exploitative"), tie_style(0, "stressful")
    ('strong', 'exploitative', None)
    """
    if strength < 1:
        return None
    if valence == "supportive":
        return "between_levels" if between_levels else strength_style(strength)
    return valence if valence in TIE_LOOKS else "ambivalent"


@dataclass(frozen=True)
class MarkLook:
    """A marker on the map or in the side column: plotly symbol, size, colours."""

    key: str
    symbol: str
    size: float
    color: str
    outline: str
    outline_width: float = 1.5


MARK_LOOKS = {
    look.key: look
    for look in (
        MarkLook("member", "circle", 16, WHITE, INK, 1.8),
        MarkLook("proposed_member", "circle", 16, WHITE, OKABE_ITO["reddish_purple"], 2.6),
        MarkLook("strengthened", "triangle-up", 13, OKABE_ITO["bluish_green"], INK, 1.0),
        MarkLook("weakened", "triangle-down", 13, OKABE_ITO["vermillion"], INK, 1.0),
        MarkLook("gap", "square", 9, OKABE_ITO["vermillion"], OKABE_ITO["vermillion"], 1.0),
    )
}


@dataclass(frozen=True)
class BandLook:
    """How a level's band is filled for its status (GAPS.md rule 1): colour and pattern."""

    status: str
    fill: str
    pattern: str | None = None
    pattern_color: str = "#9A9A9A"


BAND_LOOKS = {
    "ok": BandLook("ok", "rgba(0, 114, 178, 0.05)"),
    "weak": BandLook("weak", "rgba(0, 0, 0, 0.03)", ".", "#B0B0B0"),
    "absent": BandLook("absent", WHITE, "/", "#9A9A9A"),
}
"""Weak bands are dotted, absent ones hatched: the status shows without colour."""
