"""A child's record and its assessments in words and tables, in either language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from eska_network import i18n
from eska_network.domain import codes
from eska_network.domain.member_roles import role_label
from eska_network.domain.model import Resource, Tie
from eska_network.services.assessment_forms import MEMBER_FIELDS, TIE_FIELDS, Record, TieEntry
from eska_network.store import (
    AssessmentChanges,
    SavedRevision,
    TieUpdate,
)

# -- words and tables ----------------------------------------------------------------------------


def strength_text(strength: int, lang: str = "en") -> str:
    """A strength with its ecomap meaning, e.g. ``4 – strong (thick line)``."""
    return f"{strength} – {i18n.text(f'assess.strength.{strength}', lang)}"


def _codes_text(values: Iterable[str], vocabulary: codes.Vocabulary, lang: str) -> str:
    return ", ".join(vocabulary.label(code, lang) for code in values if code in vocabulary)


def tie_title(record: Record, tie: Tie | TieUpdate | TieEntry, lang: str = "en") -> str:
    """``Child – Mother``: the tie's two ends as the map names them (an end not chosen yet: –)."""
    ends = (record.label(end, lang) if end else "–" for end in (tie.source, tie.target))
    return " – ".join(ends)


def entry_title(record: Record, entry: str, lang: str = "en") -> str:
    """What an entry key stands for, in words (for the summary of problems)."""
    kind, _, rest = entry.partition(":")
    if kind == "member":
        return i18n.text("assess.where.member", lang, name=record.label(rest, lang))
    if kind == "tie":
        source, target = rest.split("|")
        names = f"{record.label(source, lang)} – {record.label(target, lang)}"
        return i18n.text("assess.where.tie", lang, name=names)
    if kind in ("new_member", "new_tie"):
        return i18n.text(f"assess.where.{kind}", lang, n=int(rest) + 1)
    return i18n.text(f"assess.where.{entry}", lang)


def field_title(field: str | None, lang: str = "en") -> str:
    return "" if field is None else i18n.text(f"assess.field.{field}", lang)


def members_table(record: Record, lang: str = "en") -> pd.DataFrame:
    """The current members: name, level, role, linked service."""
    names = [i18n.text(f"assess.field.{n}", lang) for n in MEMBER_FIELDS]
    rows = []
    for member in record.members:
        service = record.resource(member.resource_id)
        rows.append(
            [
                member.label,
                codes.LEVELS.label(member.level, lang) if member.level in codes.LEVELS else "",
                role_label(member.role, lang) if member.role else "",
                service.name if service else (member.resource_id or ""),
            ]
        )
    return pd.DataFrame(rows, columns=names)


def ties_table(record: Record, as_of: dt.date | None, lang: str = "en") -> pd.DataFrame:
    """The ties as of ``as_of``: ends, strength in words, valence, what each provides, dates."""
    columns = ["source", "target", *TIE_FIELDS, "assessed_on"]
    rows = []
    for tie in record.ties(as_of):
        rows.append(
            [
                record.label(tie.source, lang),
                record.label(tie.target, lang),
                strength_text(tie.strength, lang),
                codes.VALENCES.label(tie.valence, lang),
                _codes_text(tie.support_types, codes.SUPPORT_TYPES, lang),
                _codes_text(tie.functions, codes.FUNCTIONS, lang),
                _codes_text(tie.needs_met, codes.NEEDS, lang),
                tie.last_contact,
                tie.assessed_on,
            ]
        )
    return pd.DataFrame(rows, columns=[i18n.text(f"assess.field.{c}", lang) for c in columns])


def describe_changes(changes: AssessmentChanges, record: Record, lang: str = "en") -> list[str]:
    """One sentence per change, naming members by their labels (``record``: after the save)."""
    lines = []
    if changes.child is not None:
        child = changes.child
        lines.append(
            i18n.text(
                "assess.recorded.child",
                lang,
                needs=_codes_text(child.needs, codes.NEEDS, lang) or "–",
                risks=_codes_text(child.risk_factors, codes.RISK_FACTORS, lang) or "–",
                scores=" / ".join(
                    str(getattr(child, f"wellbeing_{w}") or "–") for w in codes.WELLBEING
                ),
            )
        )
    for key, members in (("added", changes.members_added), ("edited", changes.members_edited)):
        for member in members:
            lines.append(
                i18n.text(
                    f"assess.recorded.member_{key}",
                    lang,
                    name=member.label,
                    level=codes.LEVELS.label(member.level, lang),
                    role=role_label(member.role, lang),
                )
            )
    for member_id in changes.members_removed:
        lines.append(
            i18n.text("assess.recorded.member_removed", lang, name=record.label(member_id, lang))
        )
    for tie in changes.ties:
        lines.append(
            i18n.text(
                "assess.recorded.tie",
                lang,
                name=tie_title(record, tie, lang),
                strength=strength_text(tie.strength, lang),
                valence=codes.VALENCES.label(tie.valence, lang),
            )
        )
    return lines


def describe_save(save: SavedRevision, lang: str = "en") -> str:
    """Who saved what and when, e.g. ``cw_budi saved at 2026-11-28 10:14 UTC: 2 ties, ...``."""
    parts = []
    if save.ties_changed:
        parts.append(i18n.text("assess.count.ties", lang, n=save.ties_changed))
    if save.members_changed:
        parts.append(i18n.text("assess.count.members", lang, n=save.members_changed))
    if save.child_changed:
        parts.append(i18n.text("assess.count.child", lang))
    return i18n.text(
        "assess.saved_by",
        lang,
        user=save.saved_by,
        at=save.saved_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        dated=save.assessed_on or "–",
        what=", ".join(parts) or "–",
    )


def service_label(service: Resource, lang: str = "en") -> str:
    """A listed service as a form offers it: its name and what kind of service it is, in words.

    >>> service_label(Resource("R1", "Garut", "LBH Garut", "institution", ("legal",), "legal_aid"),
    ...     "id")
    'LBH Garut (Bantuan hukum)'
    """
    kind = (
        role_label(service.kind, lang) if service.kind else codes.LEVELS.label(service.level, lang)
    )
    return f"{service.name} ({kind})"
