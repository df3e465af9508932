"""Published figures: no count below K comes out of comparing two periods, by cells or by totals.

The property tests publish three consecutive periods of random data: a first one, a second after
a random batch of changes (so that rows carry different histories), and a third after one single
child was added or changed, which an insider who made that change knows. Then:

- every published row is either the same as before, or was recomputed from a basis that differs
  from its previous one in at least K + 1 children: at least K besides the insider's;
- a row the single change falls in but that was not recomputed shows exactly the same values, so
  differencing it gives nothing (the issue's ``<5 -> 5``, ``0 -> <5`` and ``+1`` cells);
- the total row is the sum of the published rows, so differencing totals gives only what the
  rows give;
- every count shown is a multiple of the rounding base, so a difference of two shown counts is
  0 or at least the base.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from eska_network.districts import disclosure, publication
from eska_network.districts.aggregates import CHILDREN, COUNT_MEASURES, TOTAL
from eska_network.districts.cell_hiding import SHOWN
from eska_network.domain.model import Child, Dataset, Member, Tie
from eska_network.services import access, accounts, district_views

from .access_fixtures import ENGINES, empty_store, fill_agency, navigation_only, principal
from .conftest import REPO_ROOT

GROUPS = ("A", "B", "C")
LINKS = [i for i, m in enumerate(COUNT_MEASURES) if m.startswith("weakest_link:")]
BASE = 5


def _vector(draw_bits: int, link: int, strengths: tuple[int, int, int]) -> tuple[int, ...]:
    """A child's vector: the children bit, one weakest link, gap bits from ``draw_bits``."""
    mask = 1  # children
    for position in range(1, len(COUNT_MEASURES)):
        if position in LINKS:
            continue
        if draw_bits >> position & 1:
            mask |= 1 << position
    mask |= 1 << LINKS[link]
    return (mask, *strengths)


children_st = st.builds(
    lambda group, bits, link, strengths: (group, _vector(bits, link, strengths)),
    st.sampled_from(GROUPS),
    st.integers(0, 2 ** len(COUNT_MEASURES) - 1),
    st.integers(0, 2),
    st.tuples(*(st.integers(0, 5) for _ in range(3))),
)


def _bases(records: dict[str, tuple[str, tuple]]) -> dict[str, publication.Basis]:
    bases: dict[str, publication.Basis] = {}
    for child_id, (group, vector) in records.items():
        bases.setdefault(group, {})[child_id] = vector
    return bases


def _shown(figures):
    return None if isinstance(figures, disclosure.TooFewChildren) else figures


@st.composite
def histories(draw):
    """Records at three period ends: a start, after a batch of changes, after one change."""
    first = {f"c{i}": draw(children_st) for i in range(draw(st.integers(0, 45)))}
    second = dict(first)
    for number in range(draw(st.integers(0, 25))):
        kind = draw(st.sampled_from(["add", "change", "remove"]))
        if kind == "add" or not second:
            second[f"b{number}"] = draw(children_st)
        elif kind == "change":
            second[draw(st.sampled_from(sorted(second)))] = draw(children_st)
        else:
            del second[draw(st.sampled_from(sorted(second)))]
    third = dict(second)
    if second and draw(st.booleans()):
        changed = draw(st.sampled_from(sorted(second)))
    else:
        changed = "insider"
    third[changed] = draw(children_st)
    return first, second, third, changed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=histories(), k=st.sampled_from([3, 5, 10]))
def test_one_added_or_changed_child_lets_nothing_below_k_be_derived(history, k):
    first, second, third, changed = history
    refresh = k + 1
    p0 = publication.publish_rows("p0", _bases(first), None, refresh)
    f0 = publication.publish_figures(p0, None, None, k, BASE, "district")
    p1 = publication.publish_rows("p1", _bases(second), p0, refresh)
    f1 = publication.publish_figures(p1, p0, f0, k, BASE, "district")
    p2 = publication.publish_rows("p2", _bases(third), p1, refresh)
    f2 = publication.publish_figures(p2, p1, f1, k, BASE, "district")
    for group in set(p1) | set(p2):
        before, after = p1.get(group), p2.get(group)
        if before == after:
            continue
        # A row that moved was recomputed from at least K children besides the insider's.
        moved = publication.changed_children(
            before.basis if before else {}, after.basis if after else {}
        )
        assert moved >= refresh, (group, moved)
        others = moved - (changed in (before.basis if before else {}) or changed in after.basis)
        assert others >= k
    for rows in (p1, p2):
        raw = publication.aggregate_rows(rows, "district")
        groups = [g for g in raw.counts.index if g != TOTAL]
        assert (raw.counts.loc[TOTAL] == raw.counts.loc[groups].sum()).all()
    shown1, shown2 = _shown(f1), _shown(f2)
    for shown in (shown1, shown2):
        if shown is None:
            continue
        visible = shown.counts.to_numpy(dtype="float64", na_value=np.nan)
        visible = visible[(shown.count_status == SHOWN).to_numpy()]
        assert not (visible % BASE).any()
        assert not ((visible > 0) & (visible < k)).any()
    if shown1 is None or shown2 is None:
        return
    if p1 == p2:
        assert shown2 is f1  # nothing moved: the same figures
    for group in shown2.groups:
        if p1.get(group) != p2.get(group) or group not in shown1.groups:
            continue
        # A row that did not move shows nothing it did not show before, with the same values.
        now_shown = (shown2.count_status.loc[group] == SHOWN).to_numpy()
        was_shown = (shown1.count_status.loc[group] == SHOWN).to_numpy()
        assert not (now_shown & ~was_shown).any(), group
        same = (
            shown1.counts.loc[group].to_numpy()[now_shown]
            == shown2.counts.loc[group].to_numpy()[now_shown]
        )
        assert same.all(), group


def test_the_issues_attacks_on_one_import_reveal_nothing():
    """A district of 4 children with a gap, plus one imported child: nothing moves."""
    k = 5
    records = {f"c{i}": ("A", _vector(0b10, 0, (3, 3, 3))) for i in range(4)}
    records |= {f"d{i}": ("A", _vector(0, 1, (2, 2, 2))) for i in range(20)}
    records |= {f"e{i}": ("B", _vector(0, 2, (1, 1, 1))) for i in range(20)}
    before = publication.publish_rows("p1", _bases(records), None, k + 1)
    shown = publication.publish_figures(before, None, None, k, BASE, "district")
    records["insider"] = ("A", _vector(0b10 | 0b100, 0, (5, 5, 5)))
    after = publication.publish_rows("p2", _bases(records), before, k + 1)
    assert after == before
    assert publication.publish_figures(after, before, shown, k, BASE, "district") is shown


# --- in the store, on both engines ---------------------------------------------------------------


def _dataset(prefix: str, count: int, district: str) -> Dataset:
    children = [
        Child(f"{prefix}{i:03d}", district, 12, caseworker="cw_ani", needs=("legal",))
        for i in range(count)
    ]
    members = [Member(c.child_id, "mum", "Mum", "family") for c in children]
    ties = [Tie(c.child_id, "child", "mum", 3, "supportive", dt.date(2026, 1, 5)) for c in children]
    return Dataset.from_objects(children, members, ties)


def _backdate(store, days: int) -> None:
    """Make every save so far look ``days`` old (the records of an earlier period)."""
    with store.writing() as connection:
        connection.exec_driver_sql(
            "UPDATE revisions SET saved_at = :at".replace(":at", "?")
            if store.dialect == "sqlite"
            else "UPDATE revisions SET saved_at = %(at)s",
            (access.utc_now() - dt.timedelta(days=days),)
            if store.dialect == "sqlite"
            else {"at": access.utc_now() - dt.timedelta(days=days)},
        )


@pytest.fixture(params=ENGINES)
def published_store(request, tmp_path):
    with empty_store(request.param, tmp_path) as store:
        fill_agency(store)
        store.import_dataset(_dataset("A", 24, "Kota A"))
        store.import_dataset(_dataset("B", 4, "Kota B"))
        _backdate(store, 70)
        yield store


def test_saves_in_the_current_period_change_nothing_a_planner_sees(published_store):
    store = published_store
    planner = principal(store, "planner")
    first = district_views.district_aggregates(store, planner, k=5)
    store.import_dataset(_dataset("C", 30, "Kota A"))  # saved now: the current period
    store.import_dataset(_dataset("B", 5, "Kota B"))
    again = district_views.district_aggregates(store, planner, k=5)
    assert again.display_counts().equals(first.display_counts())
    assert again.period == first.period


def test_a_publication_is_frozen_and_the_next_shows_big_changes_only(published_store):
    store = published_store
    planner = principal(store, "planner")
    now = access.utc_now()
    first = district_views.district_aggregates(store, planner, k=5, now=now)
    store.import_dataset(_dataset("Z", 1, "Kota A"))  # one child: the insider's
    store.import_dataset(_dataset("N", 12, "Kota N"))  # a new district of 12
    next_period = now + dt.timedelta(days=40)
    second = district_views.district_aggregates(store, planner, k=5, now=next_period)
    assert second.period != first.period
    assert second.display_counts().loc["Kota A"].equals(first.display_counts().loc["Kota A"])
    assert dict(second.row_periods)["Kota A"] == first.period
    assert second.display_counts().at["Kota N", CHILDREN] == 10  # 12, rounded to 5
    # Asked again (by anyone, any time in that period), the figures are the frozen ones.
    store.import_dataset(_dataset("M", 30, "Kota A"))
    assert (
        district_views.district_aggregates(store, planner, k=5, now=next_period)
        .display_counts()
        .equals(second.display_counts())
    )


def test_the_page_says_which_period_and_rounding(published_store, monkeypatch):
    store = published_store
    if store.dialect != "sqlite":
        pytest.skip("one page test is enough; the figures are checked on both engines above")
    monkeypatch.delenv("ESKA_ROUNDING", raising=False)
    monkeypatch.setenv("ESKA_DATABASE_URL", str(store.engine.url))
    navigation_only(monkeypatch)
    app = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
    app.session_state["eska_principal"] = accounts.get_user(store, "planner").principal()
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.run()
    app.switch_page("pages/districts.py").run()
    captions = " ".join(caption.value for caption in app.caption)
    period = publication.last_complete_period(accounts.utc_now())
    assert f"as of the end of {district_views.period_words(period.label)}" in captions
    assert "rounded to the nearest 5" in captions
