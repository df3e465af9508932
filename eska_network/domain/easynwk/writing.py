"""Ours -> easyNWK: one child's system as an easyNWK record, a version per assessment."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from eska_network import i18n
from eska_network.domain.easynwk.terms import (
    COLLEAGUE_ROLES,
    CONFLICTUAL,
    DISTANCE_OF_STRENGTH,
    GENDER_OF_SEX,
    NO_TIE_DISTANCE,
    SECTOR_ANGLES,
    SECTOR_OF_LEVEL,
    UNSET_GENDER,
)
from eska_network.domain.member_roles import role_label
from eska_network.domain.model import Child, ChildSystem, Member, Tie


def to_easynwk(system: ChildSystem, lang: str = "en") -> dict:
    """The child's system as an easyNWK record: one version per assessment date.

    Labels are written as they are; pass a pseudonymised system
    (:func:`eska_network.domain.pseudonyms.pseudonymise`) to share a map without names.

    Examples
    --------
    >>> day = dt.date(2026, 3, 1)
    >>> system = ChildSystem(
    ...     Child("C1", "Kota Medan", 14, sex="F"),
    ...     (Member("C1", "mum", "Ibu Sari", "family", "mother"),),
    ...     (Tie("C1", "child", "mum", 4, "supportive", day),),
    ... )
    >>> record = to_easynwk(system)
    >>> version = record["versions"][0]
    >>> version["date"], version["nwk"]["ego"]["name"], version["nwk"]["alteri"][0]["distance"]
    ('2026-03-01', 'C1', 32.0)
    """
    dates = system.assessment_dates()
    ids = {member.member_id: number for number, member in enumerate(system.members, start=1)}
    angles = _angles(system.members)
    versions = []
    for number, date in enumerate(dates, start=1):
        ties = {tie.pair: tie for tie in system.ties_as_of(date)}
        present = {end for pair, tie in ties.items() if tie.strength >= 1 for end in pair}
        alteri = [
            _alter(member, ids[member.member_id], angles[member.member_id], ties, lang)
            for member in system.members
            if member.member_id in present
        ]
        connections = [
            _connection(tie, ids)
            for tie in ties.values()
            if not tie.is_child_tie and tie.strength >= 1
        ]
        title = i18n.text("domain.easynwk.version_title", lang, date=date.isoformat())
        versions.append(
            {
                "id": number,
                "title": title,
                "date": date.isoformat(),
                "nwk": {"ego": _ego(system.child), "alteri": alteri, "connections": connections},
            }
        )
    if not versions:
        empty = {"ego": _ego(system.child), "alteri": [], "connections": []}
        today = dt.date.today().isoformat()
        versions.append({"id": 1, "title": "", "date": today, "nwk": empty})
    return {"versions": versions, "currentVersion": versions[-1]["id"], "size": "5"}


def to_json(record: Mapping) -> str:
    """The record as the JSON text easyNWK saves and opens."""
    return json.dumps(record, ensure_ascii=False, indent=2)


def _ego(child: Child) -> dict:
    return {
        "name": child.child_id,
        "age": str(child.age),
        "currentGender": GENDER_OF_SEX.get(child.sex or "", UNSET_GENDER),
        "note": "",
        "emoji": "",
    }


def _sector(member: Member) -> int:
    if member.level == "community" and member.role in COLLEAGUE_ROLES:
        return 2
    return SECTOR_OF_LEVEL[member.level]


def _angles(members: Sequence[Member]) -> dict[str, float]:
    """Members of a sector spread evenly over it, in the order of their ids (stable over dates)."""
    by_sector: dict[int, list[str]] = {}
    for member in sorted(members, key=lambda member: member.member_id):
        by_sector.setdefault(_sector(member), []).append(member.member_id)
    angles = {}
    for sector, member_ids in by_sector.items():
        low, high = SECTOR_ANGLES[sector]
        step = (high - low) / len(member_ids)
        for index, member_id in enumerate(member_ids):
            angles[member_id] = round(low + step * (index + 0.5), 3)
    return angles


def _alter(
    member: Member, number: int, angle: float, ties: Mapping[tuple[str, str], Tie], lang: str
) -> dict:
    found = [tie for pair, tie in ties.items() if member.member_id in pair and tie.is_child_tie]
    child_tie = found[0] if found and found[0].strength >= 1 else None
    extra: dict[str, object] = {
        "member_id": member.member_id,
        "role": member.role,
        "resource_id": member.resource_id,
    }
    if child_tie is not None:
        extra.update(_tie_extra(child_tie))
    support = child_tie.support_types if child_tie is not None else ()
    distance = NO_TIE_DISTANCE if child_tie is None else DISTANCE_OF_STRENGTH[child_tie.strength]
    return {
        "id": number,
        "name": member.label,
        "role": role_label(member.role, lang) if member.role else "",
        "roleDefault": not member.role,
        "human": True,
        "currentGender": UNSET_GENDER,
        "genderDefault": True,
        "age": "",
        "note": "",
        "deceased": False,
        "edgeType": 0 if child_tie is None else 1,
        "edgeTypeByUser": 0 if child_tie is None else 1,
        "angle": angle,
        "distance": distance,
        "emoji": "",
        "conflict": child_tie is not None and child_tie.valence in CONFLICTUAL,
        "supportEmotional": 2 if "emotional" in support else 0,
        "supportInstrumental": 2 if "instrumental" in support else 0,
        "supportInformational": 0,
        "supportSocial": 0,
        "supportLinking": 0,
        "eska": extra,
    }


def _tie_extra(tie: Tie) -> dict[str, object]:
    return {
        "strength": tie.strength,
        "valence": tie.valence,
        "support_types": list(tie.support_types),
        "functions": list(tie.functions),
        "needs_met": list(tie.needs_met),
        "last_contact": tie.last_contact.isoformat() if tie.last_contact else None,
    }


def _connection(tie: Tie, ids: Mapping[str, int]) -> dict:
    return {"id1": ids[tie.source], "id2": ids[tie.target], "eska": _tie_extra(tie)}
