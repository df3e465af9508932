"""A child's support system as a networkx graph: an independent reading of the records that the
gap rules are cross-checked against (tests/test_network.py). The product itself needs no graph
library: the rules work on the records (:mod:`eska_network.domain.gaps`)."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from eska_network.domain.codes import CHILD_NODE
from eska_network.domain.model import ChildSystem

EDGE_ATTRIBUTES = (
    "source",
    "target",
    "strength",
    "valence",
    "support_types",
    "functions",
    "needs_met",
    "assessed_on",
    "last_contact",
)
"""The tie attributes every edge of :func:`child_graph` carries."""


def child_graph(system: ChildSystem, as_of: dt.date | None = None) -> nx.Graph:
    """The child and every member as nodes, the ties existing as of ``as_of`` as edges.

    Nodes carry ``level``, ``role`` and ``label`` (the child's node: no level or role, its code as
    label). An edge is a tie whose row as of ``as_of`` (default: latest) has strength 1 or more;
    it carries :data:`EDGE_ATTRIBUTES`, ``source`` and ``target`` as that row has them.

    Examples
    --------
    >>> from eska_network.domain.model import Child, Member, Tie
    >>> system = ChildSystem(
    ...     Child("C1", "Kota Bandung", 14),
    ...     (Member("C1", "ibu", "Ibu Sari", "family", "mother"),),
    ...     (Tie("C1", "ibu", "child", 4, "supportive", dt.date(2026, 3, 1)),),
    ... )
    >>> graph = child_graph(system)
    >>> graph.nodes["ibu"]["level"], graph.edges["child", "ibu"]["source"]
    ('family', 'ibu')
    """
    graph = nx.Graph()
    graph.add_node(CHILD_NODE, level=None, role=None, label=system.child.child_id)
    for member in system.members:
        graph.add_node(member.member_id, level=member.level, role=member.role, label=member.label)
    for tie in system.ties_as_of(as_of):
        if tie.strength >= 1:
            attributes = {name: getattr(tie, name) for name in EDGE_ATTRIBUTES}
            graph.add_edge(tie.source, tie.target, **attributes)
    return graph
