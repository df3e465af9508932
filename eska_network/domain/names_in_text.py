"""Names of the child's people in free text, found and replaced by their roles.

Action texts are read in case conferences, printed and kept: the form asks for roles ("the
mother visits weekly"), not names ("Ibu Sari visits weekly"). A name is a member's label,
matched as whole words whatever the case; a label written ``Name (Role)`` is also matched by its
name alone when that has two words or more (``Ibu Sari`` of ``Ibu Sari (Mother)``; a single
word such as ``Ibu`` is an ordinary word too). Members at the institutions level and members
linked to a listed service are organisations, whose names an action may well give ("refer to
LBH Bandung"), and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eska_network import i18n
from eska_network.domain.member_roles import level_member_label, role_label
from eska_network.domain.model import Member


@dataclass(frozen=True)
class NameFound:
    """A member's name found in a text, and the role that can stand in its place."""

    member_id: str
    name: str
    role: str


def _forms(member: Member) -> list[str]:
    label = " ".join(member.label.split())
    forms = [label]
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", label)
    if bare != label and len(bare.split()) >= 2:
        forms.append(bare)
    return [form for form in forms if form]


def _pattern(form: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in form.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _persons(members: Iterable[Member]) -> list[Member]:
    return [m for m in members if m.level != "institution" and not m.resource_id]


def _role_of(member: Member, lang: str) -> str:
    return role_label(member.role, lang) if member.role else level_member_label(member.level, lang)


def names_in(text: str, members: Iterable[Member], lang: str = "en") -> tuple[NameFound, ...]:
    """The members named in ``text``, each once, longest name first.

    >>> sari = Member("C1", "mother", "Ibu Sari (Mother)", "family", "mother")
    >>> names_in("ibu sari visits weekly; Ibu Sarinah too", [sari])
    (NameFound(member_id='mother', name='Ibu Sari', role='Mother'),)
    >>> names_in("Ibu visits weekly", [sari])
    ()
    """
    found: dict[str, NameFound] = {}
    candidates = [(form, m) for m in _persons(members) for form in _forms(m)]
    for form, member in sorted(candidates, key=lambda item: -len(item[0])):
        if member.member_id not in found and _pattern(form).search(text):
            found[member.member_id] = NameFound(member.member_id, form, _role_of(member, lang))
    return tuple(found.values())


def _constant(words: str) -> Callable[[re.Match[str]], str]:
    return lambda _match: words


def with_roles(text: str, members: Iterable[Member], lang: str = "en") -> str:
    """``text`` with every member's name replaced by their role (lower case, as in a sentence).

    >>> sari = Member("C1", "mother", "Ibu Sari (Mother)", "family", "mother")
    >>> with_roles("Ibu Sari (Mother) and IBU SARI meet the teacher", [sari])
    'the mother and the mother meet the teacher'
    >>> with_roles("Ibu Sari datang", [sari], "id")
    'ibu datang'
    """
    result = text
    candidates = [(form, m) for m in _persons(members) for form in _forms(m)]
    for form, member in sorted(candidates, key=lambda item: -len(item[0])):
        role = _role_of(member, lang).lower()
        words = i18n.text("conference.names.role_in_text", lang, role=role)
        # A function as the replacement: the words are used as they are (no escapes read).
        result = _pattern(form).sub(_constant(words), result)
    return result
