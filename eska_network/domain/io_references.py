"""Checking the references between the files of a data set: members, ties, actions and
referrals name children, members, districts and services that exist.

Part of :mod:`eska_network.domain.io`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from eska_network.domain import codes, schema, table_codes
from eska_network.domain.io_checks import ISO_DATE
from eska_network.domain.io_problems import Findings, quoted
from eska_network.domain.schema import FileSpec
from eska_network.i18n import say

REFERENCE_COLUMNS = {
    schema.CHILDREN.name: ("child_id", "district"),
    schema.MEMBERS.name: ("child_id", "member_id", "resource_id"),
    schema.TIES.name: ("child_id", "source", "target"),
    schema.RESOURCES.name: ("resource_id", "district"),
    schema.ASSESSMENTS.name: ("child_id",),
    schema.ACTIONS.name: (
        "child_id",
        "resource_id",
        "gap",
        "status",
        "worker_role",
        "created_on",
        "status_on",
    ),
}
"""The columns of each file :func:`check_references` reads; the others can go once checked."""


def check_references(raw: dict[str, pd.DataFrame], findings: Findings) -> None:
    """Members and ties must name a child that exists; tie ends and resources must exist too."""
    children = _keys(raw, schema.CHILDREN, "child_id")
    members = _keys(raw, schema.MEMBERS, "child_id", "member_id")
    resources = _keys(raw, schema.RESOURCES, "resource_id")
    member_rows = raw.get(schema.MEMBERS.name)
    if member_rows is not None:
        _check_member_references(member_rows, children, resources, findings)
    tie_rows = raw.get(schema.TIES.name)
    if tie_rows is not None:
        _check_tie_references(tie_rows, children, members, findings)
    assessment_rows = raw.get(schema.ASSESSMENTS.name)
    if assessment_rows is not None and "child_id" in assessment_rows:
        _check_known(
            schema.ASSESSMENTS.name,
            assessment_rows,
            "child_id",
            children,
            "validation.no_child",
            findings,
        )
    action_rows = raw.get(schema.ACTIONS.name)
    if action_rows is not None:
        _check_action_references(action_rows, raw, children, resources, findings)


Keys = tuple[pd.Series, ...]
"""The key columns of one file, compared with other files' cells on their codes."""


def _keys(raw: dict[str, pd.DataFrame], spec: FileSpec, *names: str) -> Keys | None:
    """The key columns of one file, or None when the file or a key column is unusable."""
    frame = raw.get(spec.name)
    if frame is None or not set(names) <= set(frame.columns):
        return None
    return tuple(frame[name] for name in names)


_DENSE_CELLS = 1 << 26
"""Up to this many possible keys, :func:`_is_in` looks keys up in a table of flags, not a hash."""


Coded = tuple[np.ndarray, np.ndarray, int]
"""One column's cells and a known column's as codes over their texts together, each shifted by
one (so that a missing cell, code -1, is a code of its own), and the number of codes."""


def _coded(ours: pd.Series, theirs: pd.Series) -> Coded:
    (our_codes, their_codes), texts = table_codes.shared_codes(ours, theirs)
    our_codes += 1
    their_codes += 1
    return our_codes, their_codes, len(texts) + 1


def _is_in(cells: tuple[pd.Series, ...], known: Keys) -> pd.Series:
    """For each row of ``cells``, whether some row of ``known`` holds the same texts."""
    parts = [_coded(ours, theirs) for ours, theirs in zip(cells, known, strict=True)]
    return pd.Series(_found(parts), index=cells[0].index)


def _found(parts: list[Coded]) -> np.ndarray:
    """For each of our rows, whether some known row has the same code in every part.

    Each column's texts are shared integer codes (on the distinct texts), so no string is built
    or hashed per row. When the codes' combinations are few (a national data set's children times
    the few member ids they share), a table of flags indexed by the codes answers; otherwise the
    codes are combined into one integer key per row, built in place (21 million cells at national
    scale), and hashed.
    """
    shape = tuple(width for _, _, width in parts)
    if math.prod(shape) <= _DENSE_CELLS:
        table = np.zeros(shape, dtype=bool)
        table[tuple(theirs for _, theirs, _ in parts)] = True
        return table[tuple(ours for ours, _, _ in parts)]
    mine = np.zeros(len(parts[0][0]), dtype=np.int64)
    theirs = np.zeros(len(parts[0][1]), dtype=np.int64)
    for our_codes, their_codes, width in parts:
        for key, part in ((mine, our_codes), (theirs, their_codes)):
            key *= width
            key += part
    return pd.Series(mine, copy=False).isin(pd.unique(theirs)).to_numpy()


def _check_member_references(
    frame: pd.DataFrame, children: Keys | None, resources: Keys | None, findings: Findings
) -> None:
    file = schema.MEMBERS.name
    if "member_id" in frame:
        reserved = frame.index[frame["member_id"] == codes.CHILD_NODE]
        findings.rows(file, "member_id", reserved, say("validation.child_reserved"))
    if "child_id" in frame:
        _check_known(file, frame, "child_id", children, "validation.no_child", findings)
    if "resource_id" in frame:
        _check_known(file, frame, "resource_id", resources, "validation.no_resource", findings)


def _check_tie_references(
    frame: pd.DataFrame, children: Keys | None, members: Keys | None, findings: Findings
) -> None:
    file = schema.TIES.name
    if "child_id" not in frame:
        return
    known_child = _check_known(file, frame, "child_id", children, "validation.no_child", findings)
    if {"source", "target"} <= set(frame.columns):
        source, target = frame["source"], frame["target"]
        (source_codes, target_codes), _ = table_codes.shared_codes(source, target)
        same = frame.index[(source != "") & (source_codes == target_codes)]
        messages = (say("validation.same_ends", cell=quoted(cell)) for cell in source[same])
        findings.rows(file, "target", same, messages)
        at_child = frame.index[target == codes.CHILD_NODE]
        findings.rows(file, "target", at_child, say("validation.child_as_target"))
    ends_named = [end for end in ("source", "target") if end in frame]
    if members is None or not ends_named:
        return
    # The children's codes against the members' serve both ends.
    child_codes = _coded(frame["child_id"], members[0])
    for end in ends_named:
        ends = frame[end]
        checked = known_child & (ends != "") & (ends != codes.CHILD_NODE)
        found = _found([child_codes, _coded(ends, members[1])])
        bad = frame.index[checked.to_numpy(dtype=bool) & ~found]
        messages = (
            say("validation.not_a_member", member=quoted(member), child=quoted(child))
            for child, member in zip(frame.loc[bad, "child_id"], ends[bad], strict=True)
        )
        findings.rows(file, end, bad, messages)


def _check_action_references(
    frame: pd.DataFrame,
    raw: dict[str, pd.DataFrame],
    children: Keys | None,
    resources: Keys | None,
    findings: Findings,
) -> None:
    """An action names a known child; a referral a service of the child's district, as broker.

    Dates: a status cannot change before the action was agreed.
    """
    file = schema.ACTIONS.name
    if "child_id" in frame:
        _check_known(file, frame, "child_id", children, "validation.no_child", findings)
    if "resource_id" in frame:
        _check_known(file, frame, "resource_id", resources, "validation.no_resource", findings)
    if "gap" in frame:
        from eska_network.domain.gap_kinds import KIND_CODES

        # Each distinct cell's kind checked once; a missing cell (code -1) is never wrong.
        positions, distinct = table_codes.cell_codes(frame["gap"])
        kinds = pd.Series(distinct, dtype="str").str.split(":", n=1).str[0]
        known = np.append(kinds.isin(list(KIND_CODES)).to_numpy(dtype=bool), True)
        bad = frame.index[(frame["gap"] != "").to_numpy(dtype=bool) & ~known[positions]]
        expected = ", ".join(KIND_CODES)
        messages = (
            say("validation.unknown_gap", cell=quoted(cell), expected=expected)
            for cell in frame.loc[bad, "gap"]
        )
        findings.rows(file, "gap", bad, messages)
    if "status" not in frame:
        return
    referral = frame["status"].isin(list(codes.REFERRAL_STATUSES))
    service = frame["resource_id"] if "resource_id" in frame else pd.Series("", frame.index)
    missing = frame.index[referral & (service == "")]
    findings.rows(file, "resource_id", missing, say("validation.referral_service"))
    if "worker_role" in frame:
        not_broker = frame.index[referral & ~frame["worker_role"].isin(["", "broker"])]
        findings.rows(file, "worker_role", not_broker, say("validation.referral_broker"))
    _check_referral_districts(frame, raw, referral & (service != ""), findings)
    if {"created_on", "status_on"} <= set(frame.columns):
        created = table_codes.as_text(frame["created_on"])
        changed = table_codes.as_text(frame["status_on"])
        dated = (created != "") & (changed != "")
        early = dated & (changed < created) & changed.str.fullmatch(ISO_DATE.pattern)
        messages = (
            say("validation.status_before_agreed", day=day, start=start)
            for day, start in zip(changed[early], created[early], strict=True)
        )
        findings.rows(file, "status_on", frame.index[early], messages)


def _check_referral_districts(
    frame: pd.DataFrame, raw: dict[str, pd.DataFrame], referral: pd.Series, findings: Findings
) -> None:
    """A referral goes to a service of the child's own district."""
    children, services = raw.get(schema.CHILDREN.name), raw.get(schema.RESOURCES.name)
    if children is None or services is None or not {"child_id", "resource_id"} <= set(frame):
        return  # without resource_id every referral was named already: it names no service
    if not {"child_id", "district"} <= set(children) or not {"resource_id", "district"} <= set(
        services
    ):
        return
    rows = frame[referral]
    home = _looked_up(rows["child_id"], children, "child_id", "district")
    where = _looked_up(rows["resource_id"], services, "resource_id", "district")
    wrong = home.notna() & where.notna() & (home != where)
    findings.rows(
        schema.ACTIONS.name,
        "resource_id",
        rows.index[wrong],
        (
            say("validation.other_district", cell=quoted(service), where=place, home=own)
            for service, place, own in zip(
                rows.loc[wrong, "resource_id"], where[wrong], home[wrong], strict=True
            )
        ),
    )


def _looked_up(keys: pd.Series, table: pd.DataFrame, key: str, column: str) -> pd.Series:
    """For each of ``keys``, the ``column`` of the row of ``table`` whose ``key`` it is (the last
    such row), as text; missing when there is none."""
    texts = table_codes.as_text(table[column]).set_axis(table_codes.as_text(table[key]))
    texts = texts[~texts.index.duplicated(keep="last")]
    return table_codes.as_text(keys).map(texts)


def _check_known(
    file: str,
    frame: pd.DataFrame,
    column: str,
    known: Keys | None,
    message: str,
    findings: Findings,
) -> pd.Series:
    """Report the cells of ``column`` not in ``known``; True for the rows that are fine."""
    cells = frame[column]
    if known is None:
        return cells != ""
    found = _is_in((cells,), known)
    bad = frame.index[(cells != "") & ~found]
    findings.rows(file, column, bad, (say(message, cell=quoted(cell)) for cell in cells[bad]))
    return found
