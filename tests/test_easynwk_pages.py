"""easyNWK files from and into the pages (issue 14.5): the map's download, the import's upload."""

from __future__ import annotations

import json

import pytest

from eska_network import i18n
from eska_network.child_map.view import MapRequest, map_view
from eska_network.domain import easynwk
from eska_network.domain.whatif import ProposedTie
from eska_network.services import access, conference
from eska_network.services.access import Principal

from .access_fixtures import audit_rows
from .map_page_fixtures import map_page


@pytest.fixture
def map_store(bandung_app_store):
    """The Bandung sample children on a store the app opens (tests/map_page_fixtures.py)."""
    return bandung_app_store


CW = Principal("cw_bdg1", "caseworker", "bdg")
LBH = ProposedTie("lbh", "institution", label="LBH Pelangi Anak Bandung", needs_met=("legal",))


def test_the_export_tab_offers_the_easynwk_file(map_store):
    app = map_page(child_id="BDG-007")
    app.session_state["child_map_tab"] = i18n.text("map.tab_export")
    app.run()
    assert not app.exception
    labels = [b.label for b in app.download_button]
    assert i18n.text("map.export_easynwk") in labels


def test_the_easynwk_file_holds_the_record_up_to_the_date_shown_and_is_audited(map_store):
    record = access.open_child(map_store, CW, "BDG-007")
    dates = sorted(record.assessment_dates())
    # A proposal drawn on the map is no part of the file.
    request = MapRequest(record, dates[-1], proposals=(LBH,))
    before = len(audit_rows(map_store))
    text = conference.export_easynwk(map_store, CW, "BDG-007", request)
    versions = json.loads(text)["versions"]
    assert [v["date"] for v in versions] == [day.isoformat() for day in dates]
    back = easynwk.from_easynwk(text, "BDG-007", "Kota Bandung", age=15)
    assert set(back.members["label"]) <= {m.label for m in record.members}
    rows = audit_rows(map_store)[before:]
    assert [(r["action"], r["child_id"], r["detail"]) for r in rows] == [
        ("export", "BDG-007", "export_child: child map easynwk, named")
    ]
    earlier = conference.export_easynwk(map_store, CW, "BDG-007", MapRequest(record, dates[0]))
    assert [v["date"] for v in json.loads(earlier)["versions"]] == [dates[0].isoformat()]
    name = conference.export_file_name(map_view(request), conference.EASYNWK)
    assert name == f"child-map-BDG-007-{dates[-1]}.easynwk.json"


def test_presentation_mode_writes_role_names_only(map_store, sample_dataset):
    record = access.open_child(map_store, CW, "BDG-007")
    request = MapRequest(record, presentation=True)
    text = conference.export_easynwk(map_store, CW, "BDG-007", request)
    assert "BDG-007" not in text
    members = sample_dataset.members
    for label in members.loc[members["child_id"] == "BDG-007", "label"]:
        assert label not in text, label
    assert audit_rows(map_store)[-1]["detail"] == "export_child: child map easynwk, presentation"


def test_a_user_who_may_not_export_the_child_gets_no_file(map_store):
    record = access.open_child(map_store, CW, "BDG-007")
    other = Principal("cw_bdg2", "caseworker", "bdg")
    with pytest.raises(access.AccessDenied):
        conference.export_easynwk(map_store, other, "BDG-007", MapRequest(record))
    assert audit_rows(map_store)[-1]["action"] == "refusal"
