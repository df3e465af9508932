"""`python -m eska_network publish`: the planners' figures of the last complete period published
by a scheduled job, so that no planner waits for them; the same figures a page would publish.
"""

from __future__ import annotations

import pytest

from eska_network.cli import main
from eska_network.districts import provinces
from eska_network.services import district_views
from eska_network.store import vectors

from .access_fixtures import ENGINES, audit_rows, empty_store, fill_agency, principal
from .test_publication import _backdate, _dataset

KINDS = ["district", "province", "quarter"]


def _filled(store) -> None:
    fill_agency(store)
    store.import_dataset(_dataset("A", 24, "Kota Bandung"))
    store.import_dataset(_dataset("B", 12, "Kabupaten Indramayu"))
    store.import_dataset(_dataset("C", 20, "Kota Surabaya"))
    _backdate(store, 70)


@pytest.fixture(params=ENGINES)
def job_and_page_stores(request, tmp_path):
    """Two stores of the same records: one for the scheduled job, one whose page publishes."""
    (tmp_path / "job").mkdir()
    (tmp_path / "page").mkdir()
    with (
        empty_store(request.param, tmp_path / "job") as job,
        empty_store(request.param, tmp_path / "page") as page,
    ):
        _filled(job)
        _filled(page)
        yield job, page


def _figures(store) -> list:
    planner = principal(store, "planner")
    return [
        view(store, planner).display_counts()
        for view in (
            district_views.district_aggregates,
            district_views.province_aggregates,
            district_views.quarterly_aggregates,
        )
    ]


def test_the_job_publishes_once_what_a_page_would_and_is_audited(
    job_and_page_stores, capsys, monkeypatch
):
    job, page = job_and_page_stores
    url = job.url.render_as_string(hide_password=False)
    assert main(["publish", "--database-url", url]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("published the district, province, quarter figures of ")
    published = [row for row in audit_rows(job) if row["action"] == "publish"]
    assert len(published) == 1 and published[0]["detail"].endswith(": " + ", ".join(KINDS))

    assert main(["publish", "--database-url", url]) == 0
    assert "were published already" in capsys.readouterr().out
    assert len([row for row in audit_rows(job) if row["action"] == "publish"]) == 1

    on_demand = _figures(page)

    # After the job, a planner's page reads what was published: nothing is computed.
    def computed(*args, **kwargs):
        raise AssertionError("the page computed figures the job had published")

    monkeypatch.setattr(vectors, "bases_as_of", computed)
    monkeypatch.setattr(provinces, "province_figures", computed)
    for published_by_job, published_by_page in zip(_figures(job), on_demand, strict=True):
        assert published_by_job.equals(published_by_page)


def test_after_a_page_published_the_job_has_nothing_to_do(job_and_page_stores):
    _, page = job_and_page_stores
    _figures(page)
    period, written = district_views.publish_last_period(page)
    assert written == [] and period
