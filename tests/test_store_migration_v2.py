"""A store of the first format version migrates to the second without losing anything."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa
from alembic import command

from eska_network.store import engine, open_store

V1 = "0002"
"""The last migration of the first format version."""
MIGRATION = "0013_format_v2"
NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def _v1_store(url: str) -> sa.Engine:
    """A database migrated to the first format version, holding one child's v1 record.

    C1 was imported (needs housing;legal, no wellbeing), then a v1 save dated 2026-04-10 changed
    its needs and wellbeing; C2 was only imported. C1 has one action on an unmet need.
    """
    database = engine.make_engine(url)
    with database.connect().execution_options(eska_write=True) as connection:
        command.upgrade(engine.alembic_config(connection), V1)
        connection.commit()
    child = {
        "district": "Kota Medan",
        "age": 15,
        "risk_factors": "maltreatment",
        "wellbeing_personal": None,
        "wellbeing_interpersonal": None,
        "wellbeing_skills": None,
    }
    with database.begin() as connection:
        run = connection.exec_driver_sql
        for child_id, needs, revision in (("C1", "education;legal", 2), ("C2", "", 1)):
            values = {**child, "needs": needs, "wellbeing_personal": 4 if revision == 2 else None}
            connection.execute(
                sa.text(
                    "INSERT INTO children (child_id, district, age, risk_factors, needs,"
                    " wellbeing_personal, revision) VALUES (:child_id, :district, :age,"
                    " :risk_factors, :needs, :wellbeing_personal, :revision)"
                ),
                {"child_id": child_id, "revision": revision, **values},
            )
        history = (
            "INSERT INTO child_history (child_id, revision, assessed_on, district, age,"
            " risk_factors, needs, wellbeing_personal) VALUES (:c, :r, :d, 'Kota Medan', 15,"
            " 'maltreatment', :n, :w)"
        )
        for row in (
            {"c": "C1", "r": 1, "d": None, "n": "housing;legal", "w": None},
            {"c": "C1", "r": 2, "d": dt.date(2026, 4, 10), "n": "education;legal", "w": 4},
            {"c": "C2", "r": 1, "d": None, "n": "", "w": None},
        ):
            connection.execute(sa.text(history), row)
        run(
            "INSERT INTO members (child_id, member_id, label, level) VALUES"
            " ('C1', 'mother', 'Ibu', 'family')"
        )
        connection.execute(
            sa.text(
                "INSERT INTO ties (child_id, pair_low, pair_high, assessed_on, source, target,"
                " strength, valence, revision) VALUES ('C1', 'child', 'mother', :d, 'child',"
                " 'mother', 4, 'supportive', 1)"
            ),
            {"d": dt.date(2026, 3, 1)},
        )
        connection.execute(
            sa.text(
                "INSERT INTO actions (child_id, gap_kind, gap_detail, what, who, due_on, status,"
                " created_by, created_at, updated_at, revision) VALUES ('C1', 'unmet_need',"
                " 'legal', 'Refer to LBH', 'cw_ani', :due, 'open', 'cw_ani', :now, :now, 1)"
            ),
            {"due": dt.date(2026, 3, 20), "now": NOW},
        )
    return database


def test_a_first_version_store_migrates_with_every_date_as_it_was(store_url):
    _v1_store(store_url).dispose()
    store = open_store(store_url)
    assert engine.current_revision(store.engine) == engine.head_revision()

    c1 = store.child_system("C1")
    # The children row is the baseline again (the imported values)...
    assert c1.child.needs == ("housing", "legal")
    assert c1.child.wellbeing_personal is None
    # ...and the dated v1 save is an assessment on its date.
    assert [row.assessed_on for row in c1.assessments] == [dt.date(2026, 4, 10)]
    assert c1.state_as_of(dt.date(2026, 3, 15)).needs == ("housing", "legal")
    assert c1.state_as_of().needs == ("education", "legal")
    assert c1.state_as_of().wellbeing["personal"] == 4
    assert store.child_system("C2").assessments == ()

    history = store.child_history("C1")
    assert history["revision"].tolist() == [1, 2]

    summaries = store.gap_summaries().set_index("child_id")
    assert summaries.loc["C1", "as_of"] == pd.Timestamp("2026-04-10")
    assert summaries.loc["C1", "unmet_needs"] == "education;legal"
    assert not summaries.loc["C2", "needs_assessed"]
    assert summaries.loc["C1", "exploitative_ties"] == 0

    action = store.export_dataset().actions.iloc[0]
    assert action["action_id"] == "1" and action["worker_role"] == "broker"
    assert action["text"] == "Refer to LBH" and action["status"] == "open"
    assert action["created_on"] == pd.Timestamp("2026-03-01")
    assert action["gap"] == "unmet_need:legal"
    with store.reading() as connection:
        versions = connection.exec_driver_sql("SELECT status FROM action_history").all()
    assert versions == [("open",)]
    store.engine.dispose()
