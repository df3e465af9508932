"""Record-level access in one query: the same answer as the full list of visible children.

``access.may(..., child_id)`` asks one ``EXISTS`` question instead of loading every child the
principal may see. For random agencies (teams, caseworkers, supervisors, children assigned or not,
then reassignments, team moves and role changes) every principal's answer for every child, and
for ids that are no child, equals the answer of the old way: the child is in the full list, as
computed here in Python from the tables, independently of the product's query.
"""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa

from eska_network.domain.model import Child, Dataset
from eska_network.services import access, accounts
from eska_network.services.access import Principal
from eska_network.store.tables import children, users

from .access_fixtures import ENGINES, empty_store

ROUNDS = 12


def _full_list(store, principal: Principal) -> set[str]:
    """The children ``principal`` may see, by the rule of SECURITY.md, read into Python."""
    with store.engine.connect() as connection:
        query = sa.select(children.c.child_id, children.c.caseworker)
        assigned = {row.child_id: row.caseworker for row in connection.execute(query)}
        people = {
            row.user_name: (row.role, row.team)
            for row in connection.execute(sa.select(users.c.user_name, users.c.role, users.c.team))
        }
    if principal.role == access.OPERATOR_ROLE:
        return set(assigned)
    if principal.role == "caseworker":
        return {child for child, worker in assigned.items() if worker == principal.user_name}
    if principal.role == "supervisor" and principal.team:
        team = {
            name
            for name, (role, team) in people.items()
            if role == "caseworker" and team == principal.team
        }
        return {child for child, worker in assigned.items() if worker in team}
    return set()


def _agency(store, rng: random.Random) -> tuple[list[str], list[str]]:
    """Random teams, users and children; returns the team codes and the child ids."""
    operator = access.operator()
    teams = [f"t{number}" for number in range(rng.randint(1, 4))]
    for team in teams:
        accounts.add_team(store, operator, team, team)
    names = []
    for number in range(rng.randint(3, 12)):
        role = rng.choice(["caseworker", "caseworker", "supervisor", "planner", "auditor"])
        team = rng.choice([*teams, None]) if role in ("caseworker", "supervisor") else None
        name = f"u{number}"
        accounts.add_user(store, operator, name, role, team=team)
        names.append(name)
    caseworkers = [n for n in names if accounts.get_user(store, n).role == "caseworker"]
    ids = [f"K{number:03d}" for number in range(rng.randint(0, 25))]
    kids = [
        Child(child_id, "Kota Contoh", 12, caseworker=rng.choice([*caseworkers, None]))
        for child_id in ids
    ]
    if kids:
        store.import_dataset(Dataset.from_objects(children=kids))
    return teams, ids


def _shake(store, rng: random.Random, teams: list[str], ids: list[str]) -> None:
    """A few random reassignments, team moves and role changes."""
    operator = access.operator()
    for _ in range(rng.randint(1, 5)):
        people = accounts.list_users(store)
        workers = [p.user_name for p in people if p.role == "caseworker" and p.active]
        move = rng.choice(["reassign", "team", "role"])
        if move == "reassign" and ids and workers:
            access.reassign(store, operator, rng.choice(ids), rng.choice(workers))
        elif move == "team":
            chosen = rng.choice(people).user_name
            accounts.set_team(store, operator, chosen, rng.choice([*teams, None]))
        else:
            chosen = rng.choice(people).user_name
            role = rng.choice(["caseworker", "supervisor", "planner"])
            accounts.set_role(store, operator, chosen, role)


def _principals(store) -> list[Principal]:
    """Every user as a principal, plus principals the store does not know."""
    known = [user.principal() for user in accounts.list_users(store)]
    strangers = [
        Principal("ghost", "caseworker", "t0"),
        Principal("ghost_sup", "supervisor", "t0"),
        Principal("no_team", "supervisor", None),
        access.operator(),
    ]
    return known + strangers


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("seed", range(3))
def test_one_query_answers_as_the_full_list(engine, seed, tmp_path):
    rng = random.Random(seed)
    with empty_store(engine, tmp_path) as store:
        teams, ids = _agency(store, rng)
        asked = [*ids, "K999", "nobody", ""]
        for _ in range(ROUNDS):
            for principal in _principals(store):
                expected = _full_list(store, principal)
                assert set(access.visible_child_ids(store, principal)) == expected
                for child_id in asked:
                    seen = child_id in expected
                    assert access.may_see_child(store, principal, child_id) == (
                        seen or principal.role == access.OPERATOR_ROLE and child_id in ids
                    ), (principal, child_id)
                    for permission in access.CHILD_PERMISSIONS:
                        allowed = principal.role == access.OPERATOR_ROLE or (
                            access.allows(principal.role, permission) and seen
                        )
                        assert access.may(store, principal, permission, child_id) == allowed
            _shake(store, rng, teams, ids)
