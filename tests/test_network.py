"""A child's graph (tests/network_oracle.py), cross-checked against the gap rules with networkx.

The map's layout is :mod:`eska_network.child_map.placement` (tests/test_map_placement.py).
"""

from __future__ import annotations

import datetime as dt
import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.domain import gaps
from eska_network.domain.codes import LEVEL_PAIRS, VALENCES, level_pair

from . import network_oracle as network
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
