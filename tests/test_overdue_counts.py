"""The database counts overdue actions and referrals exactly as the rule in Python does.

The caseload adds the points of what is overdue to the scores stored at save time, from counts
made by one grouped query (:mod:`eska_network.store.overdue`); the rule is
:func:`eska_network.domain.follow_up.overdue_counts`. Every day of a window around random due and
sent dates is checked, so each boundary (due today, sent exactly ``referral_days`` ago) is met.
"""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
import pytest
import sqlalchemy as sa

from eska_network.domain import codes, follow_up
from eska_network.domain.model import ActionRow, Child, Dataset, Resource
from eska_network.store import overdue, tables

START = dt.date(2026, 3, 1)
WINDOW = 40
SERVICE = Resource("LBH-X", "Kota Contoh", "LBH Pelangi Anak Contoh", "institution", ("legal",))


def _random_actions(seed: int, children: int = 12, per_child: int = 8) -> list[ActionRow]:
    rng = random.Random(seed)

    def day() -> dt.date:
        return START + dt.timedelta(days=rng.randint(0, WINDOW))

    def maybe_day() -> dt.date | None:
        return day() if rng.random() < 0.8 else None

    rows = []
    for child in range(children):
        for number in range(per_child):
            status = rng.choice(codes.TASK_STATUSES.codes + codes.REFERRAL_STATUSES.codes)
            referral = follow_up.is_referral(status)
            rows.append(
                ActionRow(
                    f"C{child}",
                    f"A{number}",
                    START - dt.timedelta(days=rng.randint(0, 20)),
                    "Tindak lanjut",
                    "broker" if referral else "facilitator",
                    status,
                    due_on=maybe_day(),
                    resource_id="LBH-X" if referral else None,
                    status_on=maybe_day() if status != "open" else None,
                )
            )
    return rows


@pytest.mark.parametrize("seed", [1, 2])
def test_the_database_counts_what_the_rule_counts_on_every_day(store, seed):
    rows = _random_actions(seed)
    children = sorted({row.child_id for row in rows})
    store.import_dataset(
        Dataset.from_objects(
            children=[Child(child, "Kota Contoh", 14) for child in children],
            resources=[SERVICE],
            actions=rows,
        )
    )
    names = ["child_id", "status", "due_on", "status_on", "created_on"]
    with store.reading() as connection:
        stored = connection.execute(sa.select(*(tables.actions.c[n] for n in names))).all()
    every_action = pd.DataFrame.from_records(stored, columns=names)
    assert len(every_action) == len(rows)
    seen = 0
    for offset in range(-2, WINDOW + 3):
        today = START + dt.timedelta(days=offset)
        for referral_days in (1, follow_up.REFERRAL_ANSWER_DAYS):
            expected = follow_up.overdue_counts(every_action, today, referral_days)
            with store.reading() as connection:
                counted = overdue.counts(connection, today, referral_days)
            pd.testing.assert_frame_equal(
                counted.sort_index(),
                expected,
                check_names=False,
                check_dtype=False,
                check_index_type=False,
            )
            seen += int(expected.to_numpy().sum())
    assert seen > 0  # the window holds overdue actions and referrals, not only empty tables
