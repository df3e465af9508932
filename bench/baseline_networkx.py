"""The obvious implementation of the eight gap rules: one networkx graph per child, in a loop.

Kept in ``bench/`` only, as the yardstick the vectorised gap engine is measured against. It is
written from the gap rules themselves, not from the product's code, so that agreement between the
two (``tests/test_bench_baseline.py``) means something. Each child's result is a plain dict in the
shape of the ``gaps --json`` command-line contract.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx
import pandas as pd

from eska_network.domain import codes

CHILD = codes.CHILD_NODE


@dataclass(frozen=True)
class ByChild:
    """The data set's rows sorted out per child, in plain Python objects, in one pass."""

    needs: dict[str, list[str]]
    member_levels: dict[str, dict[str, str]]
    tie_rows: dict[str, list[TieRow]]


class TieRow(NamedTuple):
    source: str
    target: str
    strength: int
    valence: str
    support_types: str
    functions: str
    needs_met: str
    assessed_on: dt.date
    last_contact: dt.date | None


def by_child(dataset) -> ByChild:
    """Sort the ``children``, ``members`` and ``ties`` tables out per child (one pass each)."""
    needs = {
        child_id: _codes(cell)
        for child_id, cell in zip(
            dataset.children["child_id"], dataset.children["needs"], strict=True
        )
    }
    member_levels: dict[str, dict[str, str]] = {child_id: {} for child_id in needs}
    for child_id, member_id, level in zip(
        dataset.members["child_id"],
        dataset.members["member_id"],
        dataset.members["level"],
        strict=True,
    ):
        member_levels[child_id][member_id] = level
    tie_rows: dict[str, list[TieRow]] = {child_id: [] for child_id in needs}
    ties = dataset.ties
    # Whole columns become Python objects at C speed; the loop below only builds the rows.
    columns = [ties[name].tolist() for name in ("child_id", *TieRow._fields[:7])]
    columns += [_dates(ties["assessed_on"]), _dates(ties["last_contact"])]
    for child_id, *values in zip(*columns, strict=True):
        tie_rows[child_id].append(TieRow(*values))
    return ByChild(needs, member_levels, tie_rows)


def gaps_of(grouped: ByChild, child_ids, as_of: dt.date | None = None) -> dict[str, dict]:
    """The gaps of ``child_ids``, one graph at a time."""
    return {
        child_id: child_gaps(
            child_id,
            grouped.needs[child_id],
            grouped.member_levels[child_id],
            grouped.tie_rows[child_id],
            as_of,
        )
        for child_id in child_ids
    }


def all_gaps(dataset, as_of: dt.date | None = None, child_ids=None) -> dict[str, dict]:
    """The gaps of every child (or of ``child_ids``), one graph at a time.

    Parameters
    ----------
    dataset : eska_network.domain.model.Dataset
        The data set (only its ``children``, ``members`` and ``ties`` tables are read).
    as_of : datetime.date, optional
        The date D of the rules; default each child's latest assessment.
    child_ids : iterable of str, optional
        Only these children.

    Returns
    -------
    dict
        Child id to its result, in the shape of the ``gaps --json`` contract.
    """
    grouped = by_child(dataset)
    return gaps_of(grouped, grouped.needs if child_ids is None else child_ids, as_of)


def child_gaps(
    child_id: str,
    needs: list[str],
    member_levels: dict[str, str],
    tie_rows: list[TieRow],
    as_of: dt.date | None = None,
) -> dict:
    """The gaps of one child: build the graph of its ties as of D, then apply each rule."""
    day = as_of if as_of is not None else max((row.assessed_on for row in tie_rows), default=None)
    graph = _graph_as_of(tie_rows, member_levels, day)

    active = [
        (u, v, data)
        for u, v, data in graph.edges(data=True)
        if data["valence"] == "supportive" and data["strength"] >= 1
    ]
    strong = [data for _, _, data in active if data["strength"] >= 2]
    child_ties = [(u, v, data) for u, v, data in active if CHILD in (u, v)]
    member_ties = [(u, v, data) for u, v, data in active if CHILD not in (u, v)]

    levels = {}
    for level in codes.LEVELS:
        best = max(
            (
                data["strength"]
                for u, v, data in child_ties
                if graph.nodes[v if u == CHILD else u]["level"] == level
            ),
            default=0,
        )
        status = "absent" if best == 0 else "weak" if best <= 2 else "ok"
        levels[level] = {"status": status, "max_strength": best}

    met = set().union(*(data["needs_met"] for data in strong))
    keys = set().union(*(data["functions"] for data in strong))
    kinds = set().union(*(data["support_types"] for data in strong))

    links = {pair: 0 for pair in codes.LEVEL_PAIRS}
    ties_per_pair: Counter[str] = Counter()
    pair_of_tie = []
    for u, v, data in member_ties:
        pair = codes.level_pair(graph.nodes[u]["level"], graph.nodes[v]["level"])
        if pair is None:
            continue
        links[pair] = max(links[pair], data["strength"])
        ties_per_pair[pair] += 1
        pair_of_tie.append((pair, data))
    weakest = min(codes.LEVEL_PAIRS, key=lambda pair: links[pair])

    stressful = [
        data["ends"]
        for _, _, data in graph.edges(data=True)
        if data["valence"] == "stressful" and data["strength"] >= 1
    ]
    stale = [
        data["ends"]
        for _, _, data in child_ties
        if data["last_contact"] is not None and (day - data["last_contact"]).days > 90
    ]
    return {
        "child_id": child_id,
        "as_of": day.isoformat() if day is not None else None,
        "levels": levels,
        "unmet_needs": [need for need in codes.NEEDS if need in needs and need not in met],
        "missing_functions": [key for key in codes.FUNCTIONS if key not in keys],
        "missing_support_types": [kind for kind in codes.SUPPORT_TYPES if kind not in kinds],
        "inter_level": links,
        "weakest_link": weakest,
        "single_points_of_failure": sorted(
            data["ends"] for pair, data in pair_of_tie if ties_per_pair[pair] == 1
        ),
        "stressful_ties": sorted(stressful),
        "stale_ties": sorted(stale),
    }


def _graph_as_of(tie_rows: list[TieRow], member_levels: dict[str, str], day) -> nx.Graph:
    """The child's graph as of ``day``: each tie carries its latest row not after that day."""
    graph = nx.Graph()
    graph.add_node(CHILD, level=None)
    for member, level in member_levels.items():
        graph.add_node(member, level=level)
    for row in sorted(tie_rows, key=lambda row: row.assessed_on):
        if day is None or row.assessed_on > day:
            continue
        # Later rows replace every attribute of the edge: ties are undirected, so (a, b) then
        # (b, a) is one edge whose ends are written as the latest row has them.
        graph.add_edge(
            row.source,
            row.target,
            ends=[row.source, row.target],
            strength=row.strength,
            valence=row.valence,
            support_types=set(_codes(row.support_types)),
            functions=set(_codes(row.functions)),
            needs_met=set(_codes(row.needs_met)),
            last_contact=row.last_contact,
        )
    return graph


def _codes(cell: object) -> list[str]:
    if not isinstance(cell, str):
        return []
    return [item.strip() for item in cell.split(";") if item.strip()]


def _dates(column: pd.Series) -> list:
    """A date column as ``datetime.date`` objects, ``None`` where missing."""
    return column.to_numpy(dtype="datetime64[D]").astype(object).tolist()
