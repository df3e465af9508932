"""Where members sit on the child map: a fixed sector per role, a place kept for good.

A member keeps its place across assessment dates, members added later, what-if proposals and
presentation mode; members are not drawn before their first tie; places keep their distances.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.child_map.placement import (
    MIN_ACROSS,
    MIN_ALONG,
    RING_RADIUS,
    SECTORS,
    member_places,
    sector_of,
)
from eska_network.domain import codes
from eska_network.domain.member_roles import MEMBER_ROLES
from eska_network.domain.model import Child, ChildSystem, Member, Tie
from eska_network.domain.pseudonyms import pseudonyms
from eska_network.domain.whatif import ProposedTie

from .map_cases import EARLIER, LATER, conference_child, crowded_child, view_of

DAY = dt.date(2026, 3, 1)


def _points(view) -> dict[str, tuple[float, float]]:
    return {member: place.point for member, place in view.places.items()}


def test_every_role_has_one_sector_of_its_level_and_sectors_tile_the_ring():
    for sectors in SECTORS.values():
        assert math.isclose(sum(sector.span for sector in sectors), 2 * math.pi)
        assert sum(1 for sector in sectors if not sector.roles) == 1
    assert sector_of("family", "mother").key == "parents"
    assert sector_of("community", "night market vendor").key == "groups"
    assert sector_of("institution", None).key == "social_care"
    for role in MEMBER_ROLES:
        owners = [s for sectors in SECTORS.values() for s in sectors if role in s.roles]
        assert len(owners) <= 1, role


def test_places_do_not_move_when_another_date_is_shown():
    system = conference_child()
    later, earlier = view_of(system), view_of(system, as_of=EARLIER)
    common = set(later.places) & set(earlier.places)
    assert common == set(earlier.places)
    assert all(later.places[m] == earlier.places[m] for m in common)


def test_a_member_is_not_drawn_before_its_first_tie():
    system = conference_child()
    earlier = view_of(system, as_of=EARLIER)
    # NGO, grandmother and PATBM's community partner enter at the later assessment only.
    assert "yayasan" not in earlier.places and "nenek" not in earlier.places
    assert "yayasan" in view_of(system).places
    before_all = view_of(system, as_of=EARLIER - dt.timedelta(days=1))
    assert before_all.places == {}


def test_a_member_without_any_tie_is_not_drawn():
    system = dataclasses.replace(
        conference_child(),
        members=(*conference_child().members, Member("C042", "zz", "Nobody", "community")),
    )
    assert "zz" not in view_of(system).places


def test_a_proposal_takes_free_space_and_moves_nobody():
    system = conference_child()
    before = _points(view_of(system))
    first = ProposedTie("lbh", "institution", 3, label="LBH", role="legal_aid")
    second = ProposedTie("pkbm", "community", 3, label="PKBM", role="teacher")
    once = _points(view_of(system, proposals=(first,)))
    twice = _points(view_of(system, proposals=(first, second)))
    assert all(once[m] == before[m] for m in before)
    assert all(twice[m] == once[m] for m in once)
    assert set(twice) - set(before) == {"lbh", "pkbm"}


def test_presentation_mode_keeps_every_place():
    system = conference_child()
    named = view_of(system)
    shown = view_of(system, presentation=True)
    renamed = {old: new for old, (new, _) in pseudonyms(system).items()}
    assert {renamed[m]: p for m, p in named.places.items()} == dict(shown.places)


def test_first_slots_are_the_sector_middle_then_its_quarters():
    first = Member("C1", "ibu", "Ibu", "family", "mother")
    second = Member("C1", "ayah", "Ayah", "family", "father")
    ties = (
        Tie("C1", "child", "ibu", 4, "supportive", DAY),
        Tie("C1", "child", "ayah", 3, "supportive", DAY + dt.timedelta(days=1)),
    )
    places = member_places(ChildSystem(Child("C1", "X", 12), (first, second), ties))
    parents = sector_of("family", "mother")
    assert places["ibu"].angle == parents.middle
    assert places["ayah"].angle == parents.start + parents.span / 4
    assert places["ibu"].radius == RING_RADIUS["family"]


def _assert_spaced(places, across: bool = True) -> None:
    for a, b in itertools.combinations(places.values(), 2):
        if a.level == b.level:
            assert math.dist(a.point, b.point) >= MIN_ALONG - 1e-9
    if not across:
        return
    for near, far in itertools.permutations(places.values(), 2):
        if near.radius < far.radius:
            # The inner member keeps clear of the outer one's straight tie to the child.
            length = math.hypot(*far.point)
            along = (near.point[0] * far.point[0] + near.point[1] * far.point[1]) / length
            if 0 < along < length:
                across = abs(near.point[0] * far.point[1] - near.point[1] * far.point[0]) / length
                assert across >= MIN_ACROSS - 1e-9


def test_up_to_forty_members_keep_their_distances():
    for count in range(1, 41):
        # Up to 20 members keep both distances; a crowded ring keeps the one along the ring.
        _assert_spaced(member_places(crowded_child(count)), across=count <= 20)


@st.composite
def records(draw):
    """A record of up to 40 members entering over up to five dates, in any roles."""
    count = draw(st.integers(1, 40))
    roles = st.sampled_from(
        [*MEMBER_ROLES.codes[:20], *MEMBER_ROLES.codes[28:], None, "night watchman"]
    )
    members, ties = [], []
    for number in range(count):
        level = draw(st.sampled_from(codes.LEVELS.codes))
        member_id = f"m{number:02d}"
        members.append(Member("C1", member_id, f"Member {number}", level, draw(roles)))
        day = DAY + dt.timedelta(days=30 * draw(st.integers(0, 4)))
        ties.append(Tie("C1", "child", member_id, draw(st.integers(0, 5)), "supportive", day))
    return ChildSystem(Child("C1", "X", 14), tuple(members), tuple(ties))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(records(), st.data())
def test_a_member_added_later_moves_nobody(system, data):
    before = member_places(system)
    level = data.draw(st.sampled_from(codes.LEVELS.codes))
    role = data.draw(st.sampled_from([*MEMBER_ROLES.codes, None]))
    newcomer = Member("C1", "zz_new", "New", level, role)
    later = max(tie.assessed_on for tie in system.ties) + dt.timedelta(days=1)
    grown = ChildSystem(
        system.child,
        (*system.members, newcomer),
        (*system.ties, Tie("C1", "child", "zz_new", 3, "supportive", later)),
    )
    after = member_places(grown)
    assert {m: after[m] for m in before} == before
    crowded = max(sum(m.level == level for m in grown.members) for level in codes.LEVELS)
    if crowded <= 14:
        _assert_spaced(after, across=len(grown.members) <= 12)


def test_the_layout_follows_entry_order_not_row_order():
    system = conference_child()
    shuffled = ChildSystem(system.child, tuple(reversed(system.members)), system.ties[::-1])
    assert member_places(system) == member_places(shuffled)
    assert LATER > EARLIER
