"""Figures kept at save time agree with the rows after any sequence of saves, imports,
reassignments and restores: ``db check`` finds nothing, the caseload read from the stored scores
is the caseload scored from scratch, and the planners' bases read from the stored vectors as of
any moment are those recomputed from the records as of it. ``db check`` names a figure that was
tampered with.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pandas as pd
import pytest
import sqlalchemy as sa

from eska_network.caseload import ranking
from eska_network.cli import main
from eska_network.districts import publication
from eska_network.domain import follow_up, gap_table, synth
from eska_network.domain.model import Dataset
from eska_network.services import access, accounts
from eska_network.services import caseload as caseload_service
from eska_network.store import (
    AssessmentChanges,
    TieUpdate,
    checking,
    open_store,
    publications,
    tables,
    vectors,
)
from eska_network.store.backup import backup, restore

from .conftest import STORE_ENGINES, empty_database

STEPS = 8
TODAYS = (dt.date(2026, 1, 15), dt.date(2026, 12, 1))


def _scored_from_scratch(store, today: dt.date, lang: str) -> pd.DataFrame:
    """The caseload as it was computed before scores were stored: every child scored anew, its
    overdue actions counted in Python from every action."""
    names = ["child_id", "status", "due_on", "status_on", "created_on"]
    with store.reading() as connection:
        rows = connection.execute(sa.select(*(tables.actions.c[name] for name in names))).all()
    return ranking.caseload_table(
        caseload_service.with_children(store),
        pd.DataFrame.from_records(rows, columns=names),
        today,
        lang,
        follow_up.referral_days(),
    )


def _agrees(store) -> None:
    children, differences = checking.check(store, slice_size=7)
    assert children > 0
    assert differences == [], [d.describe() for d in differences[:5]]
    for today in TODAYS:
        for lang in ("en", "id"):
            pd.testing.assert_frame_equal(
                caseload_service.with_texts(
                    store, caseload_service.scored_caseload(store, access.operator(), today), lang
                ),
                _scored_from_scratch(store, today, lang),
                check_dtype=False,
            )


def _resave(store, rng: random.Random, child_id: str) -> None:
    """A re-assessment of ``child_id`` changing some ties' strength and valence."""
    system = store.child_system(child_id)
    latest = system.latest_assessment() or dt.date(2025, 1, 1)
    day = latest + dt.timedelta(days=rng.randint(1, 200))
    current = [tie for tie in system.ties_as_of() if tie.strength > 0]
    chosen = rng.sample(current, k=min(len(current), rng.randint(1, 4)))
    changes = AssessmentChanges(
        ties=tuple(
            TieUpdate(
                tie.source,
                tie.target,
                rng.randint(0, 5),
                rng.choice(["supportive", "stressful", "ambivalent", "exploitative"]),
                support_types=tie.support_types,
                functions=tie.functions,
                needs_met=tie.needs_met,
                last_contact=day - dt.timedelta(days=rng.choice([0, 100, 400])),
            )
            for tie in chosen
        )
    )
    store.record_assessment(child_id, day, changes, store.revision(child_id), "cw_check")


def _reimport(store, rng: random.Random, dataset: Dataset) -> None:
    """The same children imported again, some moved to another district."""
    kids = dataset.children.copy()
    moved = rng.sample(range(len(kids)), k=3)
    districts = sorted(kids["district"].unique())
    kids.loc[kids.index[moved], "district"] = [rng.choice(districts) for _ in moved]
    store.import_dataset(dataclasses.replace(dataset, children=kids))


@pytest.mark.parametrize("engine", STORE_ENGINES)
def test_figures_agree_with_the_rows_after_random_changes(engine, tmp_path):
    rng = random.Random(15)
    first = synth.generate(30, districts=4, seed=3)
    second = synth.generate(60, districts=4, seed=4)
    second = dataclasses.replace(
        second,
        children=second.children[~second.children["child_id"].isin(first.child_ids)],
    )
    with empty_database(engine, tmp_path) as url:
        store = open_store(url)
        operator = access.operator()
        accounts.add_team(store, operator, "t", "T")
        for name in ("cw_check", "cw_other"):
            accounts.add_user(store, operator, name, "caseworker", team="t")
        store.import_dataset(first)
        _agrees(store)
        saved = tmp_path / "store.backup"
        moments = [access.utc_now()]
        for step in range(STEPS):
            ids = store.children()["child_id"].tolist()
            move = ["save", "save", "reassign", "import", "restore"][step % 5]
            if move == "save":
                for child_id in rng.sample(ids, k=3):
                    _resave(store, rng, child_id)
            elif move == "reassign":
                access.reassign(store, operator, rng.choice(ids), rng.choice(["cw_other"]))
            elif move == "import":
                _reimport(store, rng, first if step < 4 else second)
            else:
                backup(store, saved)
                _resave(store, rng, rng.choice(ids))
                restore(store, saved)
            _agrees(store)
            moments.append(access.utc_now())
        with store.reading() as connection:
            for moment in moments:
                records = publications.records_as_of(connection, moment)
                recomputed = publication.row_bases(
                    gap_table.gap_table(records), records.children["district"].tolist()
                )
                assert vectors.bases_as_of(connection, moment) == recomputed, moment
        store.engine.dispose()


def test_db_check_names_what_was_tampered_with(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'eska.db'}"
    store = open_store(url)
    store.import_dataset(synth.generate(12, districts=2, seed=1))
    assert main(["db", "check", "--database-url", url]) == 0
    assert "12 children checked" in capsys.readouterr().out
    victim, gone = store.children()["child_id"].tolist()[:2]
    with store.writing() as connection:
        connection.execute(
            sa.update(tables.child_scores)
            .where(tables.child_scores.c.child_id == victim)
            .values(severity=tables.child_scores.c.severity + 3)
        )
        connection.execute(
            sa.delete(tables.child_scores).where(tables.child_scores.c.child_id == gone)
        )
    store.engine.dispose()
    assert main(["db", "check", "--database-url", url]) == 1
    err = capsys.readouterr().err
    assert f"child_scores: child {victim}, severity" in err
    assert f"child_scores: child {gone}, child_id: stored 'missing'" in err
    assert "2 figures differ" in err
