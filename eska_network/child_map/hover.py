"""The hover text of the child map: a member's level, role and ties; a tie's every detail.

Hover text is plotly markup: every word from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eska_network.child_map.text import escape_text
from eska_network.domain import codes
from eska_network.domain.member_roles import role_label
from eska_network.domain.model import Member, Tie
from eska_network.i18n import text as t

__all__ = ["member_hover_text", "tie_hover_text", "tie_lines", "valence_name"]


def _name(member_id: str, labels: Mapping[str, str]) -> str:
    return escape_text(labels.get(member_id, member_id))


def valence_name(valence: str, lang: str) -> str:
    """A valence in words (one the vocabulary does not know yet is shown as written)."""
    if valence in codes.VALENCES:
        return codes.VALENCES.label(valence, lang)
    return escape_text(valence)


def tie_lines(ties: Sequence[Tie], labels: Mapping[str, str], lang: str) -> dict[str, list[str]]:
    """For each end of ``ties``, one line per tie: the other end, strength and valence."""
    lines: dict[str, list[str]] = {}
    for tie in ties:
        for end, other in ((tie.source, tie.target), (tie.target, tie.source)):
            lines.setdefault(end, []).append(
                f"• {_name(other, labels)}: {tie.strength}/{codes.MAX_STRENGTH}, "
                f"{valence_name(tie.valence, lang)}"
            )
    return lines


def member_hover_text(member: Member, lines: Sequence[str], lang: str = "en") -> str:
    """The hover text of one member: label, level, role and its ties."""
    return "<br>".join(
        [
            f"<b>{escape_text(member.label)}</b>",
            f"{t('map.hover.level', lang)}: {codes.LEVELS.label(member.level, lang)}",
            f"{t('map.hover.role', lang)}: {escape_text(role_label(member.role, lang))}",
            f"{t('map.hover.ties', lang)}:",
            *(lines or [t("map.hover.no_ties", lang)]),
        ]
    )


def tie_hover_text(
    tie: Tie, labels: Mapping[str, str], lang: str = "en", proposed: bool = False
) -> str:
    """The hover text of one tie: its ends, strength, valence, what it gives, its dates."""
    valence = valence_name(tie.valence, lang)
    lines = [f"<b>{_name(tie.source, labels)} – {_name(tie.target, labels)}</b>"]
    strength = t("map.hover.strength", lang, value=tie.strength, max=codes.MAX_STRENGTH)
    lines.append(f"{strength}, {valence}")
    for key, vocabulary in (
        ("support_types", codes.SUPPORT_TYPES),
        ("functions", codes.FUNCTIONS),
        ("needs_met", codes.NEEDS),
    ):
        names = ", ".join(
            vocabulary.label(code, lang) for code in vocabulary.sort(getattr(tie, key))
        )
        lines.append(f"{t(f'map.hover.{key}', lang)}: {names or t('map.hover.none', lang)}")
    lines.append(f"{t('map.hover.assessed_on', lang)}: {tie.assessed_on.isoformat()}")
    contact = (
        tie.last_contact.isoformat() if tie.last_contact else t("map.hover.not_recorded", lang)
    )
    lines.append(f"{t('map.hover.last_contact', lang)}: {contact}")
    if proposed:
        lines.append(f"<i>{t('map.hover.proposed', lang)}</i>")
    return "<br>".join(lines)
