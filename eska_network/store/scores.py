"""Each child's caseload score and reasons, kept with its gap summary at save time.

The caseload ranks children by :func:`eska_network.domain.severity.severity`. All of the score but
the overdue actions and referrals depends on the gap summary alone, so it is computed when the
summary is (in the save's, import's or recomputation's transaction) and stored in
``child_scores`` with its reasons in every language and the bit mask of the caseload's gap kinds.
The caseload then reads these and adds the points of what is overdue on the day it is viewed,
counted by the database (:mod:`eska_network.store.overdue`, :mod:`eska_network.services.caseload`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import sqlalchemy as sa

from eska_network.caseload import ranking
from eska_network.domain import severity
from eska_network.i18n import LANGUAGES
from eska_network.store import frames, tables

SCORE_COLUMNS = (
    "child_id",
    "severity",
    "gaps",
    *(f"reasons_{lang}" for lang in LANGUAGES),
    *(f"chips_{lang}" for lang in LANGUAGES),
)


def score_columns(summaries: pd.DataFrame) -> dict[str, np.ndarray]:
    """The ``child_scores`` columns of some gap summaries (one row per child, no overdue column).

    Examples
    --------
    >>> row = {"child_id": "C1", "family_status": "ok", "community_status": "weak",
    ...     "institution_status": "absent", "unmet_needs": "legal", "missing_functions": "",
    ...     "missing_support_types": "", "link_family_community": 3,
    ...     "link_community_institution": 0, "link_family_institution": 0,
    ...     "single_points_of_failure": 0, "stressful_ties": 1, "stressful_family": True,
    ...     "stale_ties": 1, "longest_no_contact_days": 120}
    >>> columns = score_columns(pd.DataFrame([row]))
    >>> int(columns["severity"][0]), columns["reasons_en"][0].split("; ")[0]
    (81, 'family tie stressful')
    """
    frame = summaries.reset_index(drop=True).drop(
        columns=[severity.OVERDUE, severity.OVERDUE_REFERRALS], errors="ignore"
    )
    counts = severity.gap_counts(frame)
    points = severity.points(frame, counts)
    columns: dict[str, np.ndarray] = {
        "child_id": frame["child_id"].astype(str).to_numpy(dtype=object),
        "severity": points.sum(axis=1).to_numpy(dtype=np.int64),
        "gaps": ranking.kind_masks(counts),
    }
    for lang in LANGUAGES:
        reasons = severity.reason_lists(frame, lang, points).map(ranking.REASON_SEPARATOR.join)
        columns[f"reasons_{lang}"] = reasons.to_numpy(dtype=object)
        chips = severity.chip_lists(frame, lang, points).map(ranking.REASON_SEPARATOR.join)
        columns[f"chips_{lang}"] = chips.to_numpy(dtype=object)
    return columns


def replace(connection: sa.Connection, summaries: pd.DataFrame) -> int:
    """Store the scores of the children of ``summaries``, replacing what was stored for them."""
    delete(connection, summaries["child_id"].astype(str).tolist())
    columns = score_columns(summaries)
    values = {
        name: [int(v) for v in column] if column.dtype != object else column.tolist()
        for name, column in columns.items()
    }
    return frames.insert_rows(connection, tables.child_scores, values)


def delete(connection: sa.Connection, child_ids: Sequence[str]) -> None:
    """Remove the stored scores of ``child_ids``."""
    table = tables.child_scores
    ids = list(child_ids)
    for start in range(0, len(ids), frames.CHUNK):
        connection.execute(
            table.delete().where(table.c.child_id.in_(ids[start : start + frames.CHUNK]))
        )


def read(connection: sa.Connection, children: sa.ColumnElement[bool] | None = None) -> pd.DataFrame:
    """The stored scores of every child (or of the ``children`` rows a condition holds) with the
    summary columns the caseload ranks and filters by, and the children's caseworker and district;
    one row per child, in no particular order, no text.

    Columns: ``child_id``, ``severity``, ``gaps``, ``as_of``, ``stale_ties``,
    ``longest_no_contact_days``, ``caseworker``, ``district``. The reasons and chips (long text)
    are read only for the rows a page shows, by :func:`read_texts`.
    """
    scores, summaries, kids = tables.child_scores, tables.gap_summaries, tables.children
    query = (
        sa.select(
            scores.c.child_id,
            scores.c.severity,
            scores.c.gaps,
            summaries.c.as_of,
            summaries.c.stale_ties,
            summaries.c.longest_no_contact_days,
            kids.c.caseworker,
            kids.c.district,
        )
        .join(summaries, summaries.c.child_id == scores.c.child_id)
        .join(kids, kids.c.child_id == scores.c.child_id)
    )
    if children is not None:
        query = query.where(children)
    names = [column.name for column in query.selected_columns]
    return pd.DataFrame.from_records(frames._raw(connection, query), columns=names)


def read_texts(connection: sa.Connection, child_ids: Sequence[str], lang: str) -> pd.DataFrame:
    """The stored reasons and chips (``;``-joined, in ``lang``) of ``child_ids``, by primary key.

    Columns ``child_id``, ``reasons``, ``chips``; a child without a stored score has no row.
    """
    scores = tables.child_scores
    said = lang if lang in LANGUAGES else "en"
    names = ["child_id", "reasons", "chips"]
    rows: list[tuple] = []
    ids = list(child_ids)
    for start in range(0, len(ids), frames.CHUNK):
        query = sa.select(
            scores.c.child_id,
            scores.c[f"reasons_{said}"].label("reasons"),
            scores.c[f"chips_{said}"].label("chips"),
        ).where(scores.c.child_id.in_(ids[start : start + frames.CHUNK]))
        rows.extend(frames._raw(connection, query))
    return pd.DataFrame.from_records(rows, columns=names)
