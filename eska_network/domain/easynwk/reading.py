"""easyNWK -> ours: an easyNWK file as a data set of one child, every problem named."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from eska_network.domain import codes, schema
from eska_network.domain.easynwk.terms import (
    CONFLICTUAL,
    DEFAULT_ROLES,
    DISTANCE_OF_STRENGTH,
    LEVEL_OF_SECTOR,
    OUTER_HORIZON,
    SEX_OF_GENDER,
    EasyNWKError,
    strength_of_distance,
)
from eska_network.domain.member_roles import MEMBER_ROLES
from eska_network.domain.model import Child, Dataset, Member, Tie

_MEMBER_ID = re.compile(schema.ID_PATTERN)


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
    child = Child(child_id, district, age, SEX_OF_GENDER.get(_text(ego, "currentGender")))
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
        level = LEVEL_OF_SECTOR[_sector_of_angle(angle)]
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
        return given if given in ("supportive", *CONFLICTUAL) else "supportive"
    if conflict:
        return given if given in CONFLICTUAL else "stressful"
    return "supportive"


def _role(alter: dict, extra: Mapping) -> str | None:
    if extra.get("role") in MEMBER_ROLES:
        return str(extra["role"])
    text = _text(alter, "role").strip()
    if not text or text in DEFAULT_ROLES:
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
