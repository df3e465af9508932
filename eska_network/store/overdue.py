"""Per child, the actions and referrals overdue on a day: counted by the database.

The rule is :func:`eska_network.domain.follow_up.overdue_counts`'s (tests hold the two equal); here
it is one grouped query, so that the caseload of a whole country reads one row per child with
something overdue instead of every action that could be.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from eska_network.domain import follow_up, severity
from eska_network.store import frames
from eska_network.store.tables import actions, children

COLUMNS = (severity.OVERDUE, severity.OVERDUE_REFERRALS)


def counts(
    connection: sa.Connection,
    today: dt.date,
    referral_days: int,
    of_children: sa.ColumnElement[bool] | None = None,
) -> pd.DataFrame:
    """How many actions and referrals of each child (of the ``children`` rows the condition
    ``of_children`` holds, when given) are overdue on ``today``.

    Indexed by child id (only children with something overdue, in no particular order), columns
    ``overdue_actions`` and ``overdue_referrals``.
    """
    late = actions.c.status.in_(follow_up.STILL_TO_DO) & (actions.c.due_on < today)
    # Sent more than ``referral_days`` before today: sent_on + days < today.
    sent_on = sa.func.coalesce(actions.c.status_on, actions.c.created_on)
    waiting = (actions.c.status == "sent") & (sent_on < today - dt.timedelta(days=referral_days))
    query = (
        sa.select(
            actions.c.child_id,
            *(
                sa.func.sum(sa.case((rule, 1), else_=0)).label(name)
                for rule, name in zip((late, waiting), COLUMNS, strict=True)
            ),
        )
        .where(late | waiting)
        .group_by(actions.c.child_id)
    )
    if of_children is not None:
        # A join, not IN (subquery): the planner then starts from the few children of a
        # caseworker and reads their actions by index, where it misjudged the rules' selectivity
        # and scanned every action of the country (0.43 s at 1,000,000 children).
        query = query.join(children, children.c.child_id == actions.c.child_id).where(of_children)
    rows = frames._raw(connection, query)  # driver tuples: no Row object per child
    table = pd.DataFrame.from_records(rows, columns=["child_id", *COLUMNS])
    return table.astype({name: "int64" for name in COLUMNS}).set_index("child_id")
