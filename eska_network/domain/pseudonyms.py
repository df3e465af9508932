"""Presentation mode: a child's record with every name and id replaced by role pseudonyms.

Views never pseudonymise on their own: they are built from the record :func:`pseudonymise`
returns, so the figure, its hover text, the gap sentences, the tables and the exports all show
the same pseudonyms and none of them can leak a label, a member id or the child's code.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from eska_network import i18n
from eska_network.domain import codes
from eska_network.domain.member_roles import MEMBER_ROLES, level_member_label
from eska_network.domain.model import ChildSystem, Member


def child_label(child_id: str, lang: str = "en") -> str:
    """What the map calls the child: a word and the child's code.

    >>> child_label("A", "id")
    'Anak A'
    """
    return f"{i18n.text('domain.child', lang)} {child_id}"


def pseudonyms(system: ChildSystem, lang: str = "en") -> dict[str, tuple[str, str]]:
    """For each member id, its new id and its role pseudonym.

    Members are named after their role ("Mother", "Teacher 1", "NGO 2"), or after their level when
    the role is not a known one ("Community member 1"), so a free-text role cannot leak a name.
    Members sharing a name are numbered in the order of their original ids, so the same record
    always gets the same pseudonyms; a name held by one member only is not numbered.

    Examples
    --------
    >>> from eska_network.domain.model import Child, ChildSystem, Member
    >>> system = ChildSystem(Child("C9", "Kota Bandung", 14), (
    ...     Member("C9", "siti", "Siti (ibu)", "family", "mother"),
    ...     Member("C9", "pak_eko", "Pak Eko", "community", "teacher"),
    ...     Member("C9", "bu_ani", "Bu Ani", "community", "teacher"),
    ... ))
    >>> for member_id, pseudonym in pseudonyms(system, "id").items():
    ...     print(member_id, pseudonym)
    bu_ani ('teacher_1', 'Guru 1')
    pak_eko ('teacher_2', 'Guru 2')
    siti ('mother', 'Ibu')
    """
    names: dict[str, tuple[str, str]] = {}
    for member in sorted(system.members, key=lambda member: member.member_id):
        if member.role is not None and member.role in MEMBER_ROLES:
            names[member.member_id] = (member.role, MEMBER_ROLES.label(member.role, lang))
        else:
            names[member.member_id] = (member.level, level_member_label(member.level, lang))
    counts = Counter(names.values())
    seen: Counter = Counter()
    result = {}
    for member_id, (slug, name) in names.items():
        if counts[(slug, name)] == 1 and slug not in codes.LEVELS:
            result[member_id] = (slug, name)
            continue
        seen[(slug, name)] += 1
        number = seen[(slug, name)]
        result[member_id] = (f"{slug}_{number}", f"{name} {number}")
    return result


def pseudonymise(system: ChildSystem, lang: str = "en", child_code: str = "A") -> ChildSystem:
    """A new record with role pseudonyms for labels, new member ids and ``child_code`` as the child.

    The caseworker's user name is dropped; members whose role is not a known one lose that role
    (it is free text). Ties, dates, levels, needs and resources are kept, so every gap stays the
    same.

    Examples
    --------
    >>> from eska_network.domain.model import Child, ChildSystem, Member
    >>> system = ChildSystem(Child("C9", "Kota Bandung", 14, caseworker="dewi"), (
    ...     Member("C9", "siti", "Siti", "family", "mother"),))
    >>> shown = pseudonymise(system)
    >>> shown.child.child_id, shown.child.caseworker, shown.members[0].label
    ('A', None, 'Mother')
    """
    names = pseudonyms(system, lang)
    renamed = {member_id: new_id for member_id, (new_id, _) in names.items()}
    renamed[codes.CHILD_NODE] = codes.CHILD_NODE
    child = dataclasses.replace(system.child, child_id=child_code, caseworker=None)
    members = tuple(
        Member(
            child_code,
            names[member.member_id][0],
            names[member.member_id][1],
            member.level,
            member.role if member.role in MEMBER_ROLES else None,
            member.resource_id,
        )
        for member in sorted(system.members, key=lambda member: names[member.member_id][0])
    )
    ties = tuple(
        dataclasses.replace(
            tie,
            child_id=child_code,
            source=renamed.get(tie.source, tie.source),
            target=renamed.get(tie.target, tie.target),
        )
        for tie in system.ties
    )
    assessments = tuple(dataclasses.replace(row, child_id=child_code) for row in system.assessments)
    return ChildSystem(child, members, ties, assessments)
