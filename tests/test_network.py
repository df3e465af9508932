"""A child's graph (network.child_graph) and its ring layout (network.ring_layout, ring_plan)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.domain import gaps, network
from eska_network.domain.codes import LEVEL_PAIRS, LEVELS, VALENCES, level_pair
from eska_network.domain.model import Child, ChildSystem, Member

from .gap_cases import CAST, DAY, contract_example, system, tie

EARLIER = DAY - dt.timedelta(days=30)
ROLES = [None, "mother", "father", "teacher", "ngo", "night_market_vendor", "legal_aid"]


# --- The graph ------------------------------------------------------------------------------------


def test_graph_has_the_child_and_every_member_with_their_attributes():
    graph = network.child_graph(system())
    assert set(graph.nodes) == {"child", *(member.member_id for member in CAST)}
    assert graph.nodes["child"] == {"level": None, "role": None, "label": "C001"}
    assert graph.nodes["lbh"] == {
        "level": "institution",
        "role": "legal_aid",
        "label": "LBH Bandung",
    }
    assert graph.number_of_edges() == 0


def test_graph_edges_are_the_ties_existing_as_of_the_date_with_strength_1_or_more():
    ties = (
        tie("child", "mother", 4, on=EARLIER),
        tie("child", "mother", 2, last_contact=EARLIER, needs_met=("housing",)),
        tie("child", "ngo", 3, on=EARLIER),
        tie("child", "ngo", 0),
        tie("teacher", "imam", 4, on=EARLIER),
        tie("imam", "teacher", 1, "stressful"),
    )
    latest = network.child_graph(system(*ties))
    assert {frozenset(edge) for edge in latest.edges} == {
        frozenset({"child", "mother"}),
        frozenset({"imam", "teacher"}),
    }
    assert latest.edges["mother", "child"] == {
        "source": "child",
        "target": "mother",
        "strength": 2,
        "valence": "supportive",
        "support_types": (),
        "functions": (),
        "needs_met": ("housing",),
        "assessed_on": DAY,
        "last_contact": EARLIER,
    }
    assert (
        latest.edges["teacher", "imam"]["source"],
        latest.edges["teacher", "imam"]["target"],
    ) == (
        "imam",
        "teacher",
    )
    earlier = network.child_graph(system(*ties), EARLIER)
    assert {frozenset(edge) for edge in earlier.edges} == {
        frozenset({"child", "mother"}),
        frozenset({"child", "ngo"}),
        frozenset({"imam", "teacher"}),
    }
    assert earlier.edges["mother", "child"]["strength"] == 4
    assert earlier.edges["imam", "teacher"]["source"] == "teacher"


def test_graph_before_any_assessment_has_no_edges():
    graph = network.child_graph(contract_example(), dt.date(2025, 1, 1))
    assert graph.number_of_nodes() == len(CAST) + 1
    assert graph.number_of_edges() == 0


@st.composite
def member_ties(draw):
    """Child C001's cast with random member ties and a few child ties."""
    ends = [member.member_id for member in CAST]
    pairs = [*itertools.combinations(ends, 2), *(("child", end) for end in ends)]
    rows = []
    for a, b in draw(st.lists(st.sampled_from(pairs), unique=True, max_size=12)):
        strength = draw(st.integers(0, 5))
        rows.append(tie(a, b, strength, draw(st.sampled_from(VALENCES.codes))))
    return system(*rows)


@settings(max_examples=40, deadline=None)
@given(record=member_ties())
def test_single_points_of_failure_are_the_bridges_between_two_levels(record):
    """Cross-check rule 6 with networkx: in the multigraph of two levels (one node per level, one
    edge per active supportive member tie joining them), a tie is a bridge when it is alone."""
    graph = network.child_graph(record)
    expected = set()
    for pair in LEVEL_PAIRS:
        levels = nx.MultiGraph()
        levels.add_nodes_from(pair.split("-"))
        for a, b, data in graph.edges(data=True):
            ends = (graph.nodes[a]["level"], graph.nodes[b]["level"])
            if None not in ends and data["valence"] == "supportive" and level_pair(*ends) == pair:
                levels.add_edge(*ends, tie=(data["source"], data["target"]))
        for u, v in nx.bridges(levels):
            expected |= {data["tie"] for data in levels.get_edge_data(u, v).values()}
    assert set(gaps.child_gaps(record).single_points_of_failure) == expected


# --- The layout -----------------------------------------------------------------------------------


def cast_of(levels_and_roles: list[tuple[str, str | None]]) -> ChildSystem:
    members = tuple(
        Member("C1", f"m{number:02d}", f"Member {number}", level, role)
        for number, (level, role) in enumerate(levels_and_roles)
    )
    return ChildSystem(Child("C1", "Kota Bandung", 14), members)


def smallest_distance(positions: dict[str, tuple[float, float]]) -> float:
    return min(math.dist(p, q) for p, q in itertools.combinations(positions.values(), 2))


def test_the_child_is_at_the_centre_and_levels_on_rings_from_the_inside_out():
    record = cast_of([(level, None) for level in LEVELS for _ in range(3)])
    positions = network.ring_layout(record)
    assert positions["child"] == (0.0, 0.0)
    radius = {member.level: set() for member in record.members}
    for member in record.members:
        radius[member.level].add(round(math.hypot(*positions[member.member_id]), 9))
    assert [radius[level] for level in LEVELS] == [{0.333333333}, {0.666666667}, {1.0}]
    assert [ring.radius for ring in network.ring_plan(record).rings] == [1 / 3, 2 / 3, 1.0]


def test_sectors_follow_the_roles_sized_by_member_count_and_no_role_shares_other():
    record = cast_of(
        [
            ("community", None),
            ("community", "teacher"),
            ("community", "zz_unknown"),
            ("community", "teacher"),
            ("community", ""),
            ("community", "neighbour"),
        ]
    )
    ring = network.ring_plan(record).ring("community")
    assert [(sector.role, sector.members) for sector in ring.sectors] == [
        ("neighbour", ("m05",)),
        ("teacher", ("m01", "m03")),
        ("zz_unknown", ("m02",)),
        (None, ("m00", "m04")),
    ]
    step = 2 * math.pi / 6
    assert [round((s.end - s.start) / step, 9) for s in ring.sectors] == [1, 2, 1, 2]
    for before, after in itertools.pairwise(ring.sectors):
        assert math.isclose(before.end, after.start)
    assert math.isclose(ring.sectors[-1].end - ring.sectors[0].start, 2 * math.pi)
    assert network.ring_plan(record).ring("family").sectors == ()


def test_members_are_spread_evenly_within_their_sector():
    record = cast_of([("institution", "ngo")] * 3 + [("institution", "police")])
    positions = network.ring_layout(record)
    angles = [math.atan2(*reversed(positions[f"m{k:02d}"])) for k in range(4)]
    gaps_between = {round((b - a) % (2 * math.pi), 9) for a, b in itertools.pairwise(angles)}
    assert gaps_between == {round(math.pi / 2, 9)}


@settings(max_examples=40, deadline=None)
@given(
    levels_and_roles=st.lists(
        st.tuples(st.sampled_from(LEVELS.codes), st.sampled_from(ROLES)), min_size=1, max_size=40
    )
)
def test_positions_keep_the_minimum_spacing_for_up_to_40_members(levels_and_roles):
    assert smallest_distance(network.ring_layout(cast_of(levels_and_roles))) >= (
        network.MIN_SPACING - 1e-9
    )


def test_forty_members_on_one_ring_keep_the_minimum_spacing_and_the_ring_order():
    for level in LEVELS:
        record = cast_of([(level, ROLES[k % len(ROLES)]) for k in range(40)])
        assert smallest_distance(network.ring_layout(record)) >= network.MIN_SPACING - 1e-9
        radii = [ring.radius for ring in network.ring_plan(record).rings]
        assert radii == sorted(radii)
        assert radii[-1] == 1.0


@settings(max_examples=25, deadline=None)
@given(
    levels_and_roles=st.lists(
        st.tuples(st.sampled_from(LEVELS.codes), st.sampled_from(ROLES)), max_size=20
    ),
    data=st.data(),
)
def test_the_layout_does_not_depend_on_the_order_of_the_rows(levels_and_roles, data):
    record = cast_of(levels_and_roles)
    shuffled = dataclasses.replace(
        record, members=tuple(data.draw(st.permutations(record.members)))
    )
    assert network.ring_layout(shuffled) == network.ring_layout(record)
    assert network.ring_plan(shuffled) == network.ring_plan(record)
