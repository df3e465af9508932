"""The worker's three roles and referrals (rujukan): a service of the district, a dated status
that only moves forward, overdue when sent and not accepted, a what-if proposal in one call, and
actions.csv through the store and back."""

from __future__ import annotations

import datetime as dt

import pytest

from eska_network.domain import io
from eska_network.domain.gap_items import GapItem
from eska_network.domain.model import ActionRow, Child, Dataset, Resource
from eska_network.domain.whatif import ProposedTie
from eska_network.services import action_words, actions
from eska_network.services.access import AccessDenied

from .access_fixtures import ENGINES, empty_store, fill_agency, principal

LEGAL = GapItem("unmet_need", "legal")
SERVICES = [
    Resource("LBH-X", "Kota Contoh", "LBH Pelangi Anak Contoh", "institution", ("legal",)),
    Resource("LBH-Y", "Kota Lain", "LBH Pelangi Anak Lain", "institution", ("legal",)),
]


@pytest.fixture(params=ENGINES)
def agency_store(request, tmp_path):
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        store.import_dataset(Dataset.from_objects(resources=SERVICES))
        yield store


@pytest.fixture
def caseworker(agency_store):
    return principal(agency_store, "caseworker")


def test_an_action_starts_with_the_role_its_gap_calls_for(agency_store, caseworker):
    task = actions.create_action(agency_store, caseworker, "C1", LEGAL, "Find legal aid", "Ani")
    assert (task.worker_role, task.status, task.key) == ("broker", "open", str(task.action_id))
    stale = GapItem("stale_tie", ("child", "teacher"))
    visit = actions.create_action(agency_store, caseworker, "C1", stale, "Visit", "Ani")
    assert visit.worker_role == "facilitator"
    lobby = actions.create_action(
        agency_store, caseworker, "C1", stale, "Press the school", "Ani", worker_role="advocate"
    )
    assert lobby.worker_role == "advocate"
    with pytest.raises(ValueError, match="'mediator' is not a social worker's role"):
        actions.create_action(
            agency_store, caseworker, "C1", None, "X", "Ani", worker_role="mediator"
        )


def test_a_referral_goes_to_a_service_of_the_childs_district(agency_store, caseworker):
    referral = actions.create_action(
        agency_store, caseworker, "C1", LEGAL, "Refer", "Ani", resource_id="LBH-X"
    )
    assert (referral.status, referral.worker_role, referral.is_referral) == (
        "proposed",
        "broker",
        True,
    )
    with pytest.raises(ValueError, match="not of the child's district"):
        actions.create_action(
            agency_store, caseworker, "C1", LEGAL, "Refer", "Ani", resource_id="LBH-Y"
        )
    with pytest.raises(ValueError, match="no service 'NOPE'"):
        actions.create_action(
            agency_store, caseworker, "C1", LEGAL, "Refer", "Ani", resource_id="NOPE"
        )
    with pytest.raises(ValueError, match="broker's action"):
        actions.create_action(
            agency_store,
            caseworker,
            "C1",
            LEGAL,
            "Refer",
            "Ani",
            resource_id="LBH-X",
            worker_role="advocate",
        )


def test_a_referral_moves_forward_dated_and_keeps_every_step(agency_store, caseworker):
    referral = actions.create_action(
        agency_store, caseworker, "C1", LEGAL, "Refer", "Ani", resource_id="LBH-X"
    )
    steps = [("sent", dt.date(2026, 3, 2)), ("accepted", dt.date(2026, 3, 9))]
    for status, day in steps:
        referral = actions.update_action(
            agency_store, caseworker, referral.action_id, referral.revision, status=status, on=day
        )
    assert (referral.status, referral.status_on) == ("accepted", dt.date(2026, 3, 9))
    with pytest.raises(ValueError, match="accepted cannot become sent"):
        actions.update_action(
            agency_store, caseworker, referral.action_id, referral.revision, status="sent"
        )
    with pytest.raises(ValueError, match="accepted cannot become done"):
        actions.update_action(
            agency_store, caseworker, referral.action_id, referral.revision, status="done"
        )
    history = actions.action_history_of(agency_store, caseworker, referral.action_id)
    assert [(v.status, v.status_on) for v in history][1:] == steps
    assert [v.revision for v in history] == [1, 2, 3]
    assert {v.changed_by for v in history} == {"cw_ani"}


def test_a_referral_sent_and_not_accepted_in_time_is_overdue(agency_store, caseworker):
    referral = actions.create_action(
        agency_store, caseworker, "C1", LEGAL, "Refer", "Ani", resource_id="LBH-X"
    )
    sent = actions.update_action(
        agency_store, caseworker, referral.action_id, 1, status="sent", on=dt.date(2026, 3, 1)
    )
    assert not sent.is_overdue(dt.date(2026, 3, 15))
    assert sent.is_overdue(dt.date(2026, 3, 16))
    assert actions.overdue([sent], dt.date(2026, 3, 16), referral_days=30) == ()
    rows = action_words.action_rows([sent], dt.date(2026, 3, 16), "id", services={"LBH-X": "LBH"})
    assert rows[0]["status"] == "Dikirim sejak 2026-03-01"
    assert (rows[0]["role"], rows[0]["service"], rows[0]["overdue"]) == (
        "Perantara",
        "LBH",
        "Lewat tenggat",
    )


def test_a_what_if_proposal_to_a_service_becomes_a_referral_in_one_call(agency_store, caseworker):
    proposal = ProposedTie(
        "service_LBH-X",
        "institution",
        needs_met=("legal",),
        label="LBH Pelangi Anak Contoh",
        resource_id="LBH-X",
    )
    referral = actions.refer_proposal(agency_store, caseworker, "C1", proposal, "id")
    assert referral.what == "Rujuk ke LBH Pelangi Anak Contoh untuk layanan hukum"
    assert (referral.status, referral.resource_id, referral.gap) == ("proposed", "LBH-X", LEGAL)
    supervisor = principal(agency_store, "supervisor")
    with pytest.raises(AccessDenied):
        actions.refer_proposal(agency_store, supervisor, "C1", proposal)
    with pytest.raises(ValueError, match="listed service"):
        actions.refer_proposal(
            agency_store, caseworker, "C1", ProposedTie("mentor", "community"), "en"
        )


def test_actions_csv_goes_through_the_store_and_back_unchanged(agency_store, tmp_path):
    rows = [
        ActionRow(
            "C1", "R1", dt.date(2026, 1, 5), "=Rujuk ke LBH", "broker", "sent", "Pekerja sosial",
            dt.date(2026, 1, 19), "LBH-X", dt.date(2026, 1, 6), "unmet_need:legal",
        ),
        ActionRow("C1", "T1", dt.date(2026, 1, 5), "Mediasi keluarga", "facilitator", "open"),
    ]  # fmt: skip
    stored = agency_store.export_dataset().children[["child_id", "caseworker"]].values
    children = [Child(child, "Kota Contoh", 14, caseworker=who) for child, who in stored]
    dataset = Dataset.from_objects(children, resources=SERVICES, actions=rows)
    report = agency_store.import_dataset(dataset)
    assert (report.actions_added, report.actions_updated) == (2, 0)
    assert agency_store.import_dataset(dataset).actions_added == 0  # idempotent
    exported = agency_store.export_dataset()
    folder = io.write_dataset(exported, tmp_path / "out")
    again = io.read_dataset(folder)
    assert again.child_actions("C1") == tuple(rows)
    moved = dataset.actions.assign(status=["accepted", "done"])
    report = agency_store.import_dataset(
        Dataset(dataset.children, resources=dataset.resources, actions=moved)
    )
    assert report.actions_updated == 2
    with agency_store.reading() as connection:
        versions = connection.exec_driver_sql("SELECT COUNT(*) FROM action_history").scalar()
    assert versions == 4
