"""The obvious implementation of the eight gap rules: one networkx graph per child, in a loop.

Kept in ``bench/`` only, as the yardstick the vectorised gap engine is measured against. It is
written from the gap rules themselves, not from the product's code, so that agreement between the
two (``tests/test_bench_baseline.py``) means something. Each child's result is a plain dict in the
shape of the ``gaps --json`` command-line contract.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import networkx as nx
import pandas as pd

from eska_network import codes

CHILD = codes.CHILD_NODE


def all_gaps(dataset, as_of: dt.date | None = None, child_ids=None) -> dict[str, dict]:
    """The gaps of every child (or of ``child_ids``), one graph at a time.

    Parameters
    ----------
    dataset : eska_network.model.Dataset
        The data set (only its ``children``, ``members`` and ``ties`` tables are read).
    as_of : datetime.date, optional
        The date D of the rules; default each child's latest assessment.
    child_ids : iterable of str, optional
        Only these children (for timing a sample at large sizes).

    Returns
    -------
    dict
        Child id to its result, in the shape of the ``gaps --json`` contract.
    """
    children = dataset.children.set_index("child_id")
    wanted = children.index if child_ids is None else pd.Index(list(child_ids))
    ties = dataset.ties[dataset.ties["child_id"].isin(wanted)]
    members = dataset.members[dataset.members["child_id"].isin(wanted)]
    ties_of = {key: rows for key, rows in ties.groupby("child_id", sort=False)}
    members_of = {key: rows for key, rows in members.groupby("child_id", sort=False)}
    empty_ties = ties.iloc[:0]
    empty_members = members.iloc[:0]
    results = {}
    for child_id in wanted:
        member_rows = members_of.get(child_id, empty_members)
        results[child_id] = child_gaps(
            child_id,
            _codes(children.at[child_id, "needs"]),
            dict(zip(member_rows["member_id"], member_rows["level"], strict=True)),
            ties_of.get(child_id, empty_ties),
            as_of,
        )
    return results


def child_gaps(
    child_id: str,
    needs: list[str],
    member_levels: dict[str, str],
    tie_rows: pd.DataFrame,
    as_of: dt.date | None = None,
) -> dict:
    """The gaps of one child: build the graph of its ties as of D, then apply each rule."""
    dates = [_date(value) for value in tie_rows["assessed_on"]]
    day = as_of if as_of is not None else max(dates, default=None)
    graph = _graph_as_of(tie_rows, dates, member_levels, day)

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


def _graph_as_of(
    tie_rows: pd.DataFrame, dates: list, member_levels: dict[str, str], day: dt.date | None
) -> nx.Graph:
    """The child's graph as of ``day``: each tie carries its latest row not after that day."""
    graph = nx.Graph()
    graph.add_node(CHILD, level=None)
    for member, level in member_levels.items():
        graph.add_node(member, level=level)
    rows = sorted(
        zip(dates, tie_rows.itertuples(index=False), strict=True), key=lambda item: item[0]
    )
    for assessed_on, row in rows:
        if day is None or assessed_on > day:
            continue
        # Later rows replace every attribute of the edge: ties are undirected, so (a, b) then
        # (b, a) is one edge whose ends are written as the latest row has them.
        graph.add_edge(
            row.source,
            row.target,
            ends=[row.source, row.target],
            strength=int(row.strength),
            valence=row.valence,
            support_types=set(_codes(row.support_types)),
            functions=set(_codes(row.functions)),
            needs_met=set(_codes(row.needs_met)),
            last_contact=None if pd.isna(row.last_contact) else _date(row.last_contact),
        )
    return graph


def _codes(cell: object) -> list[str]:
    if not isinstance(cell, str):
        return []
    return [item.strip() for item in cell.split(";") if item.strip()]


def _date(value: object) -> dt.date:
    return pd.Timestamp(value).date()
