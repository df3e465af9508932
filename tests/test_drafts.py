"""Nothing lost (issue 14.3): what-if proposals and an assessment form kept as drafts in the
store, per user and child, shown again in a new session, dropped explicitly, audited, and
only shown while the user may still see the child."""

from __future__ import annotations

import datetime as dt

import pytest

from eska_network import i18n
from eska_network.domain.whatif import ProposedTie
from eska_network.services import access, drafts
from eska_network.services.access import Principal
from eska_network.services.assessment_forms import FormValues, MemberEntry, TieEntry
from eska_network.store import ChildChange

from .access_fixtures import audit_rows
from .map_page_fixtures import map_page

CW = Principal("cw_bdg1", "caseworker", "bdg")
LBH_BUTTON = "child_map_propose_BDG-007_legal_service_BDG-LBH"


@pytest.fixture
def map_store(bandung_app_store):
    """The Bandung sample children on a store the app opens (tests/map_page_fixtures.py)."""
    return bandung_app_store


def _proposal_labels(app) -> list[str]:
    return [p.label for p in app.session_state["child_map_proposals"]["BDG-007"]]


def test_proposals_come_back_in_a_new_session_and_go_when_dropped(map_store):
    app = map_page(child_id="BDG-007")
    next(b for b in app.button if b.key == LBH_BUTTON).click().run()
    assert _proposal_labels(app) == ["LBH Pelangi Anak Bandung"]
    # A reload, or a new login: a new session, nothing in it.
    again = map_page(child_id="BDG-007")
    assert _proposal_labels(again) == ["LBH Pelangi Anak Bandung"]
    assert i18n.text("map.proposals_kept") in [c.value for c in again.caption]
    # Only this user's: the supervisor sees none of them.
    assert (
        map_page("sup_bdg", child_id="BDG-007").session_state["child_map_proposals"]["BDG-007"]
        == []
    )
    next(b for b in again.button if b.key == "child_map_drop_all_BDG-007").click().run()
    assert _proposal_labels(again) == []
    assert _proposal_labels(map_page(child_id="BDG-007")) == []
    kept = [
        (row["user_name"], row["detail"])
        for row in audit_rows(map_store)
        if row["detail"] and row["detail"].startswith("draft")
    ]
    assert kept == [("cw_bdg1", "draft kept: whatif"), ("cw_bdg1", "draft dropped: whatif")]


def test_a_recorded_proposal_leaves_no_draft(map_store):
    app = map_page(child_id="BDG-007")
    next(b for b in app.button if b.key == LBH_BUTTON).click().run()
    next(b for b in app.button if b.label == i18n.text("map.record")).click().run()
    assert not app.exception
    assert drafts.kept_proposals(map_store, CW, "BDG-007") == []


def test_a_draft_is_not_shown_after_the_child_is_reassigned(map_store):
    proposal = ProposedTie("proposed_1", "community", label="Mentor", role="mentor")
    drafts.keep_proposals(map_store, CW, "BDG-007", [proposal])
    assert drafts.kept_proposals(map_store, CW, "BDG-007") == [proposal]
    supervisor = Principal("sup_bdg", "supervisor", "bdg")
    access.reassign(map_store, supervisor, "BDG-007", "cw_bdg2")
    assert drafts.kept_proposals(map_store, CW, "BDG-007") == []
    # Nor to the new caseworker: a draft is its author's only.
    assert (
        drafts.kept_proposals(map_store, Principal("cw_bdg2", "caseworker", "bdg"), "BDG-007") == []
    )
    with pytest.raises(access.AccessDenied):
        drafts.keep_proposals(map_store, CW, "BDG-007", [proposal])


def test_an_assessment_form_draft_reads_back_as_kept(map_store):
    values = FormValues(
        child=ChildChange(needs=("legal",), wellbeing_personal=3),
        members={"member:mother": MemberEntry("Ibu", "family", "mother")},
        ties={
            "tie:child|mother": TieEntry(
                "child",
                "mother",
                4,
                "supportive",
                support_types=("emotional",),
                functions=(),
                needs_met=(),
                last_contact=dt.date(2026, 1, 5),
            )
        },
        new_members=(MemberEntry("Bu Tini", "community", "neighbour"), MemberEntry()),
        new_ties=(TieEntry("child", "new_member:0", 3),),
    )
    draft = drafts.FormDraft(values, dt.date(2026, 11, 30), 7)
    drafts.keep_form(map_store, CW, "BDG-007", draft)
    back = drafts.kept_form(map_store, CW, "BDG-007")
    assert back is not None and back.saved_at is not None
    assert (back.values, back.assessed_on, back.revision) == (values, draft.assessed_on, 7)
    drafts.drop(map_store, CW, "BDG-007", drafts.ASSESSMENT)
    assert drafts.kept_form(map_store, CW, "BDG-007") is None
