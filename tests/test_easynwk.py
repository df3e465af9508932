"""Maps that travel: our data to easyNWK's file and back, and files as easyNWK itself writes them.

The hand-written files below follow easyNWK 2.7's own format rules (fhstp/easynwk-web:
src/data/NWKRecord.ts, NWKVersion.ts, Alter.ts, Connection.ts, AlterCategories.sectorIndex): no
``eska`` extension, German default roles and genders, pets, the deceased, alteri beyond the
outer horizon.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eska_network import cli
from eska_network.domain import io
from eska_network.domain.easynwk import EasyNWKError, from_easynwk, to_easynwk, to_json
from eska_network.domain.easynwk.reading import _sector_of_angle

from .conftest import SAMPLE_DATA

DAY_1, DAY_2 = dt.date(2026, 1, 10), dt.date(2026, 4, 2)


def _state(system, day):
    """What the map shows at ``day``: each active tie's facts."""
    return {
        tie.pair: (
            tie.strength,
            tie.valence,
            tie.support_types,
            tie.functions,
            tie.needs_met,
            tie.last_contact,
        )
        for tie in system.ties_as_of(day)
        if tie.strength >= 1
    }


@pytest.fixture(scope="module")
def sample(sample_dataset):
    return sample_dataset


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_sample_child_survives_the_round_trip(sample, lang):
    for child_id in sample.child_ids:
        system = sample.child_system(child_id)
        text = to_json(to_easynwk(system, lang))
        back = from_easynwk(text, child_id, system.child.district).child_system(child_id)
        tied = {end for tie in system.ties if tie.strength >= 1 for end in tie.pair}
        kept = {
            (m.member_id, m.label, m.level, m.role) for m in system.members if m.member_id in tied
        }
        assert {(m.member_id, m.label, m.level, m.role) for m in back.members} == kept
        assert back.child.age == system.child.age and back.child.sex == system.child.sex
        for day in system.assessment_dates():
            assert _state(back, day) == _state(system, day), (child_id, day)


def _alter(number, name, angle, distance, **fields):
    alter = {
        "id": number,
        "name": name,
        "role": fields.pop("role", "Familienangehörige*r"),
        "roleDefault": True,
        "human": True,
        "currentGender": "nicht festgelegt",
        "genderDefault": True,
        "age": "",
        "note": "",
        "deceased": False,
        "edgeType": 1,
        "edgeTypeByUser": -1,
        "angle": angle,
        "distance": distance,
    }
    alter.update(fields)
    return alter


def _file(versions, ego_age="15"):
    ego = {"name": "Ani", "currentGender": "weiblich", "age": ego_age, "note": ""}
    return json.dumps(
        {
            "versions": [
                {"id": i + 1, "title": "", "date": day, "nwk": {"ego": ego, **nwk}}
                for i, (day, nwk) in enumerate(versions)
            ],
            "currentVersion": len(versions),
        }
    )


EASYNWK_FILE = _file(
    [
        (
            DAY_1.isoformat(),
            {
                "alteri": [
                    _alter(1, "Mama", 45.0, 10.0),
                    _alter(2, "Kak Rina", 135.0, 55.0, role="Freund*in", conflict=True),
                    _alter(3, "Pak Budi", -120.0, 90.0, role="Kolleg*in"),
                    _alter(4, "Bu Dina", -45.0, 70.0, role="Sozialarbeiterin", edgeType=0),
                    _alter(5, "Strolchi", 60.0, 40.0, role="Hund", human=False),
                    _alter(6, "Opa", 20.0, 30.0, deceased=True),
                    _alter(7, "Tante Weit", 30.0, 120.0),
                ],
                "connections": [{"id1": 1, "id2": 4}, {"id1": 1, "id2": 6}],
            },
        ),
        (
            DAY_2.isoformat(),
            {
                "alteri": [
                    _alter(1, "Mama", 45.0, 45.0),
                    _alter(3, "Pak Budi", -120.0, 90.0, role="Kolleg*in"),
                    _alter(4, "Bu Dina", -45.0, 70.0, role="Sozialarbeiterin", edgeType=0),
                ],
                "connections": [{"id2": 4, "id1": 1}],
            },
        ),
    ]
)


def test_a_file_as_easynwk_writes_it_becomes_our_data():
    system = from_easynwk(EASYNWK_FILE, "PRT-001", "Kota Medan").child_system("PRT-001")
    members = {m.member_id: (m.label, m.level, m.role) for m in system.members}
    # The pet, the deceased grandfather and the aunt beyond the horizon are left out.
    assert members == {
        "alter_1": ("Mama", "family", None),
        "alter_2": ("Kak Rina", "community", None),
        "alter_3": ("Pak Budi", "community", None),
        "alter_4": ("Bu Dina", "institution", "sozialarbeiterin"),
    }
    assert system.child.age == 15 and system.child.sex == "F"
    first = {pair: facts[:2] for pair, facts in _state(system, DAY_1).items()}
    assert first == {
        ("alter_1", "child"): (5, "supportive"),
        ("alter_2", "child"): (3, "stressful"),
        ("alter_3", "child"): (1, "supportive"),
        ("alter_1", "alter_4"): (3, "supportive"),
    }
    # Mama moved further out (distance 45: strength 3); Kak Rina is gone, so her tie has ended.
    second = {pair: facts[:2] for pair, facts in _state(system, DAY_2).items()}
    assert second == {
        ("alter_1", "child"): (3, "supportive"),
        ("alter_3", "child"): (1, "supportive"),
        ("alter_1", "alter_4"): (3, "supportive"),
    }
    ended = [t for t in system.ties if t.assessed_on == DAY_2 and t.strength == 0]
    assert [t.pair for t in ended] == [("alter_2", "child")]
    # What comes out passes the import's own checks.
    io.read_dataset(io.write_dataset_zip(from_easynwk(EASYNWK_FILE, "PRT-001", "Kota Medan")))


def test_what_easynwk_shows_wins_over_our_extension():
    system = to_easynwk(next_child_with_conflict())
    alter = system["versions"][-1]["nwk"]["alteri"][0]
    alter["distance"], alter["conflict"] = 15.0, False  # moved close in easyNWK, conflict cleared
    back = from_easynwk(json.dumps(system), "C1", "Kota Medan").child_system("C1")
    (tie,) = [t for t in back.ties_as_of() if t.is_child_tie]
    assert (tie.strength, tie.valence) == (5, "supportive")


def next_child_with_conflict():
    from eska_network.domain.model import Child, ChildSystem, Member, Tie

    return ChildSystem(
        Child("C1", "Kota Medan", 13),
        (Member("C1", "dad", "Ayah", "family", "father"),),
        (Tie("C1", "child", "dad", 2, "stressful", DAY_1),),
    )


def test_sectors_follow_easynwk_and_levels_come_back():
    assert [_sector_of_angle(a) for a in (45, 135, -135, -45, 0, 90, -90)] == [
        0,
        1,
        2,
        3,
        0,
        1,
        3,
    ]


def test_every_problem_of_a_bad_file_is_named_at_once():
    bad = _file(
        [
            (
                "2026-13-01",
                {"alteri": [], "connections": []},
            ),
            (
                DAY_2.isoformat(),
                {
                    "alteri": [
                        _alter(1, "", 45.0, 20.0),
                        _alter(2, "Ok", 45.0, "far"),
                        _alter(3, "Dup", 45.0, 10.0),
                        _alter(3, "Dup again", 45.0, 10.0),
                    ],
                    "connections": [{"id1": 3, "id2": 3}],
                },
            ),
        ],
        ego_age="45",
    )
    with pytest.raises(EasyNWKError) as caught:
        from_easynwk(bad, "C9", "Kota Medan", name="ani.json")
    problems = caught.value.problems
    assert problems == [
        "ani.json: versions[0]: date '2026-13-01' is not a date YYYY-MM-DD",
        "ani.json: versions[1].nwk.alteri[0]: the name is empty",
        "ani.json: versions[1].nwk.alteri[1]: angle and distance must be numbers",
        "ani.json: versions[1].nwk.alteri[3]: id 3 is missing or not unique",
        "ani.json: versions[1].nwk.connections[0]: a connection joins two different alteri "
        "(id1, id2)",
        "ani.json: ego: age '45' is not a child's age (0 to 17)",
    ]
    with pytest.raises(EasyNWKError, match="not JSON text"):
        from_easynwk(b"\xff\xfe", "C9", "Kota Medan")
    with pytest.raises(EasyNWKError, match="not an easyNWK file"):
        from_easynwk('{"nodes": []}', "C9", "Kota Medan")


def test_the_cli_exports_and_imports_all_or_nothing(tmp_path, capsys):
    out = tmp_path / "idm.json"
    assert (
        cli.main(["map", "export", str(SAMPLE_DATA), "--child", "IDM-001", "--out", str(out)]) == 0
    )
    record = json.loads(out.read_text(encoding="utf-8"))
    assert len(record["versions"]) >= 2
    pseudonymous = tmp_path / "anon.json"
    arguments = ["map", "export", str(SAMPLE_DATA), "--child", "IDM-001", "--pseudonyms"]
    assert cli.main([*arguments, "--out", str(pseudonymous)]) == 0
    names = {a["name"] for v in record["versions"] for a in v["nwk"]["alteri"]}
    assert not names & set(pseudonymous.read_text(encoding="utf-8").split('"'))
    folder = tmp_path / "back"
    arguments = ["map", "import", str(out), "--child", "IDM-001", "--district", "Kota Medan"]
    assert cli.main([*arguments, "--out", str(folder)]) == 0
    assert io.read_dataset(folder).child_ids == ["IDM-001"]
    capsys.readouterr()
    bad = tmp_path / "bad.json"
    bad.write_text('{"versions": [{"date": "x", "nwk": {}}]}', encoding="utf-8")
    nowhere = tmp_path / "nowhere"
    arguments = ["map", "import", str(bad), "--child", "X", "--district", "D", "--age", "12"]
    assert cli.main([*arguments, "--out", str(nowhere)]) == 1
    assert "bad.json: versions[0]: date 'x' is not a date" in capsys.readouterr().err
    assert not nowhere.exists()
    assert cli.main([*arguments[:2], str(out), *arguments[3:], "--out", str(folder)]) == 1
