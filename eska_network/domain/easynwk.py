"""Maps that travel: one child's system as an easyNWK file, and an easyNWK file as our data.

easyNWK (fhstp/easynwk-web) saves a *record*: ``{"versions": [...], "currentVersion": id,
"size": ...}``, each version ``{"id", "title", "date", "nwk": {"ego", "alteri", "connections"}}``.
An alter sits at an ``angle`` (degrees from the x-axis, -180 to 180) that picks its sector, and a
``distance`` from the ego (0 to 100 inside the outer horizon) that says how close it is;
``edgeType`` 0 means no tie to the ego; ``conflict`` marks a conflictual tie; a connection joins
two alteri and has nothing more. The mapping both ways is in ``docs/easynwk.md``.

What easyNWK cannot hold rides along in an ``"eska"`` object on each alter and connection (the
member's id, level and role code, the tie's exact strength and valence, kinds of support, keys,
needs met, last contact). easyNWK keeps unknown fields when it loads and saves a file; on the way
back, what easyNWK itself shows wins (sector, distance band, conflict, whether there is a tie)
and the ``"eska"`` object only refines it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eska_network import i18n
from eska_network.domain import codes, schema
from eska_network.domain.member_roles import MEMBER_ROLES, role_label
from eska_network.domain.model import Child, ChildSystem, Dataset, Member, Tie

__all__ = ["EasyNWKError", "from_easynwk", "to_easynwk", "to_json"]

# easyNWK's four sectors, counter-clockwise from the x-axis, with its German names.
SECTORS = ("Familie", "Freund*innen / Bekannte", "Kolleg*innen", "prof. Helfer*innen")
_SECTOR_ANGLES = {0: (0.0, 90.0), 1: (90.0, 180.0), 2: (-180.0, -90.0), 3: (-90.0, 0.0)}
_SECTOR_OF_LEVEL = {"family": 0, "community": 1, "institution": 3}
_LEVEL_OF_SECTOR = {0: "family", 1: "community", 2: "community", 3: "institution"}
_COLLEAGUE_ROLES = frozenset({"employer", "colleague"})
"""Community members drawn in easyNWK's colleagues sector rather than among friends."""
_DEFAULT_ROLES = {
    "Familienangehörige*r",
    "Freund*in",
    "Kolleg*in",
    "prof. Helfer*in",
    "Family member",
    "Friend",
    "Colleague",
    "prof. Help",
}

OUTER_HORIZON = 100.0
DISTANCE_OF_STRENGTH = {5: 15.0, 4: 32.0, 3: 50.0, 2: 68.0, 1: 86.0}
"""Where a child tie of each strength sits: stronger is closer to the ego."""
NO_TIE_DISTANCE = 95.0
"""Where a member without an active tie to the child sits (inside the horizon, edgeType 0)."""

_GENDER_OF_SEX = {"F": "weiblich", "M": "männlich", "X": "divers"}
_SEX_OF_GENDER = {gender: sex for sex, gender in _GENDER_OF_SEX.items()}
_UNSET_GENDER = "nicht festgelegt"
_MEMBER_ID = re.compile(schema.ID_PATTERN)
_CONFLICTUAL = frozenset({"ambivalent", "stressful", "exploitative"})


def strength_of_distance(distance: float) -> int:
    """The strength a distance stands for: bands of 20 from the ego (5) to the horizon (1).

    >>> [strength_of_distance(d) for d in DISTANCE_OF_STRENGTH.values()]
    [5, 4, 3, 2, 1]
    """
    return min(5, max(1, 5 - int(distance // 20)))


class EasyNWKError(ValueError):
    """The file is not an easyNWK file we can read; ``problems`` says every reason, one each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


# --- Ours -> easyNWK ------------------------------------------------------------------------------


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
        "currentGender": _GENDER_OF_SEX.get(child.sex or "", _UNSET_GENDER),
        "note": "",
        "emoji": "",
    }


def _sector(member: Member) -> int:
    if member.level == "community" and member.role in _COLLEAGUE_ROLES:
        return 2
    return _SECTOR_OF_LEVEL[member.level]


def _angles(members: Sequence[Member]) -> dict[str, float]:
    """Members of a sector spread evenly over it, in the order of their ids (stable over dates)."""
    by_sector: dict[int, list[str]] = {}
    for member in sorted(members, key=lambda member: member.member_id):
        by_sector.setdefault(_sector(member), []).append(member.member_id)
    angles = {}
    for sector, member_ids in by_sector.items():
        low, high = _SECTOR_ANGLES[sector]
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
        "currentGender": _UNSET_GENDER,
        "genderDefault": True,
        "age": "",
        "note": "",
        "deceased": False,
        "edgeType": 0 if child_tie is None else 1,
        "edgeTypeByUser": 0 if child_tie is None else 1,
        "angle": angle,
        "distance": distance,
        "emoji": "",
        "conflict": child_tie is not None and child_tie.valence in _CONFLICTUAL,
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


# --- easyNWK -> ours ------------------------------------------------------------------------------


@dataclass
class _Reader:
    """Collects every problem of a file before giving up, each named by where it is."""

    name: str
    problems: list[str]

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{self.name}: {where}: {what}")


def from_easynwk(
    data: bytes | str,
    child_id: str,
    district: str,
    *,
    age: int | None = None,
    name: str = "easyNWK file",
) -> Dataset:
    """An easyNWK file as a data set of one child: members, and ties at every version's date.

    ``child_id`` and ``district`` are ours to give (easyNWK holds a name, never a code); the
    child's age is ``age`` or the ego's, and its sex the ego's gender when easyNWK has one.
    Deceased and non-human alteri (pets) are left out, as are alteri beyond the outer horizon;
    a tie present in one version and gone in the next is recorded as ended (strength 0).

    Raises
    ------
    EasyNWKError
        Listing every problem of the file (``name`` leads each line); nothing is returned then.
    """
    reader = _Reader(name, [])
    record = _record(data, reader)
    if record is None:
        raise EasyNWKError(reader.problems)
    versions = _versions(record, reader)
    members: dict[int, Member] = {}
    ties: list[Tie] = []
    previous: dict[tuple[str, str], Tie] = {}
    for where, day, nwk in versions:
        alteri = _alteri(nwk, where, child_id, reader)
        for number, (member, _) in alteri.items():
            members[number] = member
        current = _child_ties(alteri, child_id, day)
        current.update(_member_ties(nwk, where, alteri, child_id, day, reader))
        for pair, tie in previous.items():
            if pair not in current and tie.strength >= 1:
                current[pair] = Tie(child_id, tie.source, tie.target, 0, tie.valence, day)
        ties += current.values()
        previous = current
    ego = versions[-1][2].get("ego") if versions else {}
    age = _age(ego, age, reader)
    if reader.problems or age is None:
        raise EasyNWKError(reader.problems)
    child = Child(child_id, district, age, _SEX_OF_GENDER.get(_text(ego, "currentGender")))
    unique = {member.member_id: member for member in members.values()}
    return Dataset.from_objects([child], unique.values(), ties)


def _record(data: bytes | str, reader: _Reader) -> dict | None:
    try:
        loaded = json.loads(data.decode("utf-8-sig") if isinstance(data, bytes) else data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        reader.problem("file", f"not JSON text ({error})")
        return None
    if isinstance(loaded, dict) and isinstance(loaded.get("versions"), list):
        return loaded
    if isinstance(loaded, dict) and all(key in loaded for key in ("ego", "alteri", "connections")):
        # easyNWK also opens a single map without versions.
        return {"versions": [{"id": 1, "date": None, "nwk": loaded}]}
    reader.problem("file", "not an easyNWK file (no versions, nor ego, alteri and connections)")
    return None


def _versions(record: dict, reader: _Reader) -> list[tuple[str, dt.date, dict]]:
    versions = []
    for index, version in enumerate(record["versions"]):
        where = f"versions[{index}]"
        if not isinstance(version, dict) or not isinstance(version.get("nwk"), dict):
            reader.problem(where, "a version must hold a map (nwk)")
            continue
        try:
            day = dt.date.fromisoformat(str(version.get("date")))
        except ValueError:
            reader.problem(where, f"date {version.get('date')!r} is not a date YYYY-MM-DD")
            continue
        versions.append((where, day, version["nwk"]))
    days = [day for _, day, _ in versions]
    if len(set(days)) != len(days):
        reader.problem("versions", "two versions have the same date (one assessment a day)")
    if not versions and not reader.problems:
        reader.problem("versions", "the file holds no version")
    return sorted(versions, key=lambda version: version[1])


def _alteri(
    nwk: dict, where: str, child_id: str, reader: _Reader
) -> dict[int, tuple[Member, dict]]:
    found: dict[int, tuple[Member, dict]] = {}
    member_ids: set[str] = set()
    for index, alter in enumerate(_items(nwk, "alteri")):
        at = f"{where}.nwk.alteri[{index}]"
        if not isinstance(alter, dict):
            reader.problem(at, "not an alter")
            continue
        number = alter.get("id")
        if not isinstance(number, int) or number in found:
            reader.problem(at, f"id {number!r} is missing or not unique")
            continue
        label = _text(alter, "name").strip()
        if not label:
            reader.problem(at, "the name is empty")
            continue
        angle, distance = _number(alter, "angle"), _number(alter, "distance")
        if angle is None or distance is None:
            reader.problem(at, "angle and distance must be numbers")
            continue
        if alter.get("deceased") or alter.get("human") is False or distance > OUTER_HORIZON:
            continue
        extra = _extra(alter)
        level = _LEVEL_OF_SECTOR[_sector_of_angle(angle)]
        member_id = str(extra.get("member_id") or "")
        if not _MEMBER_ID.fullmatch(member_id) or member_id in {*member_ids, codes.CHILD_NODE}:
            member_id = f"alter_{number}"
        member_ids.add(member_id)
        member = Member(child_id, member_id, label, level, _role(alter, extra))
        found[number] = (member, alter)
    return found


def _child_ties(alteri: Mapping[int, tuple[Member, dict]], child_id: str, day: dt.date) -> dict:
    ties = {}
    for member, alter in alteri.values():
        if alter.get("edgeType", 1) not in (1, 2):
            continue
        extra = _extra(alter)
        strength = strength_of_distance(float(alter["distance"]))
        given = extra.get("strength")
        if isinstance(given, int) and given in DISTANCE_OF_STRENGTH:
            if strength_of_distance(DISTANCE_OF_STRENGTH[given]) == strength:
                strength = given
        valence = _valence(bool(alter.get("conflict")), extra)
        tie = _tie(child_id, codes.CHILD_NODE, member.member_id, strength, valence, day, extra)
        ties[tie.pair] = tie
    return ties


def _member_ties(
    nwk: dict,
    where: str,
    alteri: Mapping[int, tuple[Member, dict]],
    child_id: str,
    day: dt.date,
    reader: _Reader,
) -> dict:
    ties = {}
    for index, connection in enumerate(_items(nwk, "connections")):
        at = f"{where}.nwk.connections[{index}]"
        if not isinstance(connection, dict):
            connection = {}
        one, other = connection.get("id1"), connection.get("id2")
        if not isinstance(one, int) or not isinstance(other, int) or one == other:
            reader.problem(at, "a connection joins two different alteri (id1, id2)")
            continue
        if one not in alteri or other not in alteri:
            continue  # a connection to a left-out alter (deceased, a pet...) goes with it
        extra = _extra(connection)
        given = extra.get("strength")
        strength = given if isinstance(given, int) and 1 <= given <= 5 else 3
        source, target = alteri[one][0].member_id, alteri[other][0].member_id
        valence = _valence(False, extra, keep=True)
        tie = _tie(child_id, source, target, strength, valence, day, extra)
        ties[tie.pair] = tie
    return ties


def _tie(
    child_id: str, source: str, target: str, strength: int, valence: str, day: dt.date, extra: dict
) -> Tie:
    def listed(key: str, vocabulary: codes.Vocabulary) -> tuple[str, ...]:
        return tuple(vocabulary.sort(v for v in _items(extra, key) if v in vocabulary))

    try:
        contact = dt.date.fromisoformat(str(extra.get("last_contact")))
    except ValueError:
        contact = None
    return Tie(
        child_id,
        source,
        target,
        strength,
        valence,
        day,
        support_types=listed("support_types", codes.SUPPORT_TYPES),
        functions=listed("functions", codes.FUNCTIONS),
        needs_met=listed("needs_met", codes.NEEDS),
        last_contact=contact if contact and contact <= day else None,
    )


def _valence(conflict: bool, extra: Mapping, keep: bool = False) -> str:
    """easyNWK's conflict flag decides between supportive and not; ours says which."""
    given = extra.get("valence")
    if keep and isinstance(given, str):
        return given if given in ("supportive", *_CONFLICTUAL) else "supportive"
    if conflict:
        return given if given in _CONFLICTUAL else "stressful"
    return "supportive"


def _role(alter: dict, extra: Mapping) -> str | None:
    if extra.get("role") in MEMBER_ROLES:
        return str(extra["role"])
    text = _text(alter, "role").strip()
    if not text or text in _DEFAULT_ROLES:
        return None
    for item in MEMBER_ROLES.items:
        if text.casefold() in (item.code, item.en.casefold(), item.id.casefold()):
            return item.code
    return text.casefold().replace(" ", "_")


def _sector_of_angle(angle: float) -> int:
    """easyNWK's own rule (AlterCategories.sectorIndex)."""
    if angle < -90:
        return 2
    if angle < 0:
        return 3
    if angle < 90:
        return 0
    return 1


def _age(ego: object, given: int | None, reader: _Reader) -> int | None:
    text = str(given) if given is not None else _text(ego, "age").strip()
    if not text:
        reader.problem("ego", "the child's age is not in the file: give it (--age)")
        return None
    if not text.isdigit() or int(text) > 17:
        reader.problem("ego", f"age {text!r} is not a child's age (0 to 17)")
        return None
    return int(text)


def _extra(obj: dict) -> dict:
    """The ``eska`` object an export put on an alter or connection (empty when there is none)."""
    extra = obj.get("eska")
    return extra if isinstance(extra, dict) else {}


def _items(nwk: dict, key: str) -> list:
    items = nwk.get(key)
    return items if isinstance(items, list) else []


def _number(obj: dict, key: str) -> float | None:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _text(obj: object, key: str) -> str:
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, str) else ""
