"""The obvious implementation of the ten gap rules: one networkx graph per child, in a loop.

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
    """The data set's rows sorted out per child, in plain Python objects, in one pass.

    ``baseline`` holds each child's children.csv cells of the assessed fields (lists as lists, an
    empty cell as ``None``); ``assessment_rows`` its assessments.csv rows.
    """

    baseline: dict[str, dict[str, object]]
    member_levels: dict[str, dict[str, str]]
    tie_rows: dict[str, list[TieRow]]
    assessment_rows: dict[str, list[AssessmentRow]]


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


class AssessmentRow(NamedTuple):
    assessed_on: dt.date
    cells: dict[str, object]


WELLBEING_FIELDS = tuple(f"wellbeing_{dimension}" for dimension in codes.WELLBEING)
ASSESSED = ("needs", "placement", "reintegration_stage", *WELLBEING_FIELDS)
"""The assessed fields the rules and the command-line object read (risk factors are not)."""


def _cell(value: object) -> object:
    """A table cell as a plain value: ``None`` when empty, a list for a list of codes."""
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return value or None
    return int(value)


def _listed(value: object) -> list[str] | None:
    if value is None:
        return None
    return [] if value == "none" else _codes(value)


def by_child(dataset) -> ByChild:
    """Sort the tables out per child (one pass each)."""
    children = dataset.children
    baseline = {}
    for record in children.to_dict("records"):
        cells = {name: _cell(record[name]) for name in ("needs", *WELLBEING_FIELDS)}
        cells["needs"] = _listed(cells["needs"])
        baseline[record["child_id"]] = {**cells, "placement": None, "reintegration_stage": None}
    assessment_rows: dict[str, list[AssessmentRow]] = {child_id: [] for child_id in baseline}
    for record in dataset.assessments.to_dict("records"):
        cells = {name: _cell(record[name]) for name in ASSESSED}
        cells["needs"] = _listed(cells["needs"])
        if record["child_id"] in assessment_rows:
            day = pd.Timestamp(record["assessed_on"]).date()
            assessment_rows[record["child_id"]].append(AssessmentRow(day, cells))
    member_levels: dict[str, dict[str, str]] = {child_id: {} for child_id in baseline}
    for child_id, member_id, level in zip(
        dataset.members["child_id"],
        dataset.members["member_id"],
        dataset.members["level"],
        strict=True,
    ):
        member_levels[child_id][member_id] = level
    tie_rows: dict[str, list[TieRow]] = {child_id: [] for child_id in baseline}
    ties = dataset.ties
    # Whole columns become Python objects at C speed; the loop below only builds the rows.
    columns = [ties[name].tolist() for name in ("child_id", *TieRow._fields[:7])]
    columns += [_dates(ties["assessed_on"]), _dates(ties["last_contact"])]
    for child_id, *values in zip(*columns, strict=True):
        tie_rows[child_id].append(TieRow(*values))
    return ByChild(baseline, member_levels, tie_rows, assessment_rows)


def gaps_of(grouped: ByChild, child_ids, as_of: dt.date | None = None) -> dict[str, dict]:
    """The gaps of ``child_ids``, one graph at a time."""
    return {
        child_id: child_gaps(
            child_id,
            grouped.baseline[child_id],
            grouped.member_levels[child_id],
            grouped.tie_rows[child_id],
            as_of,
            grouped.assessment_rows[child_id],
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
    return gaps_of(grouped, grouped.baseline if child_ids is None else child_ids, as_of)


def child_gaps(
    child_id: str,
    baseline: dict[str, object],
    member_levels: dict[str, str],
    tie_rows: list[TieRow],
    as_of: dt.date | None = None,
    assessment_rows: list[AssessmentRow] = (),
) -> dict:
    """The gaps of one child: build the graph of its ties as of D, then apply each rule."""
    dates = [row.assessed_on for row in tie_rows] + [row.assessed_on for row in assessment_rows]
    day = as_of if as_of is not None else max(dates, default=None)
    graph = _graph_as_of(tie_rows, member_levels, day)
    # Each assessed field: the latest non-empty cell not after D, else the children.csv cell.
    state = dict(baseline)
    for row in sorted(assessment_rows, key=lambda row: row.assessed_on):
        if day is not None and row.assessed_on <= day:
            state.update({name: value for name, value in row.cells.items() if value is not None})
    needs = state["needs"] or []

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
    exploiting = [
        (u, v, data)
        for u, v, data in graph.edges(data=True)
        if data["valence"] == "exploitative" and data["strength"] >= 1
    ]
    exploiter_at_home = any(
        CHILD in (u, v) and graph.nodes[v if u == CHILD else u]["level"] == "family"
        for u, v, _ in exploiting
    )
    at_home = state["placement"] in ("family", "kin")
    family_unsafe = levels["family"]["status"] != "ok" or exploiter_at_home
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
        "exploitative_ties": sorted(data["ends"] for _, _, data in exploiting),
        "placement": state["placement"],
        "reintegration_stage": state["reintegration_stage"],
        "wellbeing": {dimension: state[f"wellbeing_{dimension}"] for dimension in codes.WELLBEING},
        "unsafe_placement": at_home and family_unsafe,
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
