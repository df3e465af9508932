"""The gap summary of every child at once (gap_table.gap_table) agrees with the per-child rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.domain import child_rows, gap_table, gaps, io, io_writing, summary
from eska_network.domain.codes import (
    CHILD_NODE,
    FUNCTIONS,
    LEVELS,
    NEEDS,
    PLACEMENTS,
    STAGES,
    SUPPORT_TYPES,
    VALENCES,
)
from eska_network.domain.model import Assessment, Child, Dataset, Member, Tie

from .gap_cases import DAY, boundaries, contract_example, two_children, without_gaps

ASSESSMENTS = [dt.date(2026, 1, 5) + dt.timedelta(days=40 * k) for k in range(4)]
# Some names sort before "child" and some after, so either end can come first in a pair.
# Days from the last contact to the assessment: around the 90-day line, and a contact after it.
CONTACT_DAYS_BEFORE = [-3, 89, 90, 91, 200]
MEMBER_IDS = ["ayah", "ibu", "guru", "imam", "lbh", "ngo", "puskesmas"]


def codes_of(vocabulary):
    return st.sets(st.sampled_from(vocabulary.codes)).map(tuple)


@st.composite
def datasets(draw):
    """Several children sharing member ids, ties in both directions over several assessments,
    assessments.csv rows on the same dates and others (cells empty, ``none`` or recorded)."""
    children, members, ties, assessments = [], [], [], []
    for number in range(draw(st.integers(1, 4))):
        child_id = f"C{number}"
        wellbeing = st.none() | st.integers(1, 5)
        children.append(
            Child(
                child_id,
                "Kota Bandung",
                14,
                needs=draw(codes_of(NEEDS)),
                wellbeing_personal=draw(wellbeing),
                wellbeing_skills=draw(wellbeing),
            )
        )
        assessment_days = ASSESSMENTS + [ASSESSMENTS[-1] + dt.timedelta(days=30)]
        for day in draw(st.sets(st.sampled_from(assessment_days), max_size=3)):
            assessments.append(
                Assessment(
                    child_id,
                    day,
                    needs=draw(st.none() | codes_of(NEEDS)),
                    wellbeing_personal=draw(wellbeing),
                    wellbeing_interpersonal=draw(wellbeing),
                    placement=draw(st.none() | st.sampled_from(PLACEMENTS.codes)),
                    reintegration_stage=draw(st.none() | st.sampled_from(STAGES.codes)),
                )
            )
        member_ids = draw(st.lists(st.sampled_from(MEMBER_IDS), unique=True, max_size=6))
        for member_id in member_ids:
            level = draw(st.sampled_from(LEVELS.codes))
            role = draw(st.sampled_from([None, "mother", "teacher", "ngo"]))
            members.append(Member(child_id, member_id, member_id.title(), level, role))
        ends = ["child", *member_ids]
        pairs = [(a, b) for i, a in enumerate(ends) for b in ends[i + 1 :]]
        for a, b in (
            draw(st.lists(st.sampled_from(pairs), unique=True, max_size=9)) if pairs else []
        ):
            for day in draw(st.sets(st.sampled_from(ASSESSMENTS), min_size=1, max_size=3)):
                source, target = (b, a) if draw(st.booleans()) else (a, b)
                days_before = draw(st.none() | st.sampled_from(CONTACT_DAYS_BEFORE))
                last_contact = None if days_before is None else day - dt.timedelta(days_before)
                ties.append(
                    Tie(
                        child_id,
                        source,
                        target,
                        strength=draw(st.integers(0, 5)),
                        valence=draw(st.sampled_from(VALENCES.codes)),
                        assessed_on=day,
                        support_types=draw(codes_of(SUPPORT_TYPES)),
                        functions=draw(codes_of(FUNCTIONS)),
                        needs_met=draw(codes_of(NEEDS)),
                        last_contact=last_contact,
                    )
                )
    return Dataset.from_objects(
        children,
        members,
        draw(st.permutations(ties)),
        assessments=draw(st.permutations(assessments)),
    )


as_of_dates = (
    st.none()
    | st.sampled_from(ASSESSMENTS)
    | st.dates(ASSESSMENTS[0] - dt.timedelta(days=20), ASSESSMENTS[-1] + dt.timedelta(days=200))
)


@pytest.fixture
def two_children_dataset() -> Dataset:
    return two_children()


def per_child_table(dataset: Dataset, as_of: dt.date | None) -> pd.DataFrame:
    rows = []
    for child_id in dataset.child_ids:
        system = dataset.child_system(child_id)
        rows.append(gaps.summary_row(gaps.child_gaps(system, as_of), system))
    return summary.summary_rows_table(rows)


@settings(max_examples=100, deadline=None)
@given(dataset=datasets(), as_of=as_of_dates)
def test_gap_table_equals_the_per_child_rules_for_every_child(dataset, as_of):
    pd.testing.assert_frame_equal(
        gap_table.gap_table(dataset, as_of), per_child_table(dataset, as_of)
    )


@settings(max_examples=50, deadline=None)
@given(dataset=datasets(), as_of=as_of_dates, dense_keys=st.sampled_from([1, 3, 8]))
def test_gap_table_is_the_same_with_ties_numbered_a_few_children_at_a_time(
    dataset, as_of, dense_keys
):
    # A national data set's ties are numbered per block of children; small tables force blocks
    # of one child or a few, pairs of ends numbered by a hash, and members' levels found by
    # numbering keys instead of a table of levels.
    expected = per_child_table(dataset, as_of)
    limits = [
        (child_rows, "_BLOCK_KEYS"),
        (child_rows, "_DENSE_PAIRS"),
        (child_rows, "_CHUNK_ROWS"),
        (child_rows, "_DENSE_KEYS"),
        (child_rows, "_DENSE_LEVELS"),
    ]
    original = [getattr(module, name) for module, name in limits]
    for module, name in limits:
        setattr(module, name, dense_keys)
    try:
        pd.testing.assert_frame_equal(gap_table.gap_table(dataset, as_of), expected)
    finally:
        for (module, name), value in zip(limits, original, strict=True):
            setattr(module, name, value)


def _in_order(dataset: Dataset, order: str) -> Dataset:
    """The data set with its rows as drawn (a child's rows scattered), in child order (each
    child's ties and assessments together, in their own order), or in child order with the
    children table reversed (runs of children in an order the children table does not have)."""
    if order == "as drawn":
        return dataset

    def by_child(table: pd.DataFrame) -> pd.DataFrame:
        return table.sort_values("child_id", kind="stable").reset_index(drop=True)

    children = dataset.children
    if order == "children reversed":
        children = children.iloc[::-1].reset_index(drop=True)
    return dataclasses.replace(
        dataset,
        children=children,
        ties=by_child(dataset.ties),
        assessments=by_child(dataset.assessments),
    )


@settings(max_examples=40, deadline=None)
@given(
    dataset=datasets(),
    as_of=as_of_dates,
    order=st.sampled_from(["as drawn", "by child", "children reversed"]),
    coded=st.booleans(),
)
def test_gap_table_is_the_same_whatever_the_row_order_and_read_from_csv(
    dataset, as_of, order, coded
):
    # Rows already in child order are reduced where they are; others are put in that order
    # first. Read from CSV, ids and codes are integer codes (categoricals), compared as codes.
    dataset = _in_order(dataset, order)
    expected = per_child_table(dataset, as_of)
    if coded:
        # ties.csv has the child as source; the rules do not depend on the direction.
        ties = dataset.ties.copy()
        backwards = ties["target"] == CHILD_NODE
        ties.loc[backwards, ["source", "target"]] = ties.loc[
            backwards, ["target", "source"]
        ].to_numpy()
        dataset = dataclasses.replace(dataset, ties=ties)
        with tempfile.TemporaryDirectory() as folder:
            dataset = io.read_dataset(io_writing.write_dataset(dataset, Path(folder) / "data"))
        assert isinstance(dataset.ties["valence"].dtype, pd.CategoricalDtype)
    pd.testing.assert_frame_equal(gap_table.gap_table(dataset, as_of), expected)


@pytest.mark.parametrize("system", [contract_example(), without_gaps(), boundaries()])
@pytest.mark.parametrize(
    "as_of",
    [None, DAY, DAY - dt.timedelta(days=1), DAY - dt.timedelta(days=40), dt.date(2020, 1, 1)],
)
def test_gap_table_equals_the_per_child_rules_on_the_hand_written_cases(system, as_of):
    dataset = Dataset.from_objects(
        [system.child], system.members, system.ties, assessments=system.assessments
    )
    expected = summary.summary_rows_table(
        [gaps.summary_row(gaps.child_gaps(system, as_of), system)]
    )
    pd.testing.assert_frame_equal(gap_table.gap_table(dataset, as_of), expected)


def test_gap_table_has_the_summary_columns_with_their_types(two_children_dataset):
    table = gap_table.gap_table(two_children_dataset)
    assert list(table.columns) == list(summary.SUMMARY_COLUMNS)
    kinds = {
        "id": pd.api.types.is_string_dtype,
        "text": pd.api.types.is_string_dtype,
        "date": pd.api.types.is_datetime64_dtype,
        "int": pd.api.types.is_integer_dtype,
        "bool": pd.api.types.is_bool_dtype,
    }
    for name, kind in summary.SUMMARY_COLUMNS.items():
        assert kinds[kind](table[name]), name
    assert table["longest_no_contact_days"].dtype == "Int64"


def test_a_child_without_ties_gets_a_row_with_every_level_absent(two_children_dataset):
    row = gap_table.gap_table(two_children_dataset).set_index("child_id").loc["C2"]
    assert pd.isna(row["as_of"])
    assert [row[f"{level}_status"] for level in LEVELS] == ["absent"] * 3
    assert row["unmet_needs"] == "housing;legal"
    assert row["missing_functions"] == "acceptance;protection;empowerment"
    assert row["weakest_link"] == "family-community"
    assert pd.isna(row["longest_no_contact_days"])


def test_a_given_date_is_every_childs_as_of_even_without_ties(two_children_dataset):
    table = gap_table.gap_table(two_children_dataset, dt.date(2026, 2, 1))
    assert table["as_of"].tolist() == [pd.Timestamp("2026-02-01")] * 2


def test_rows_follow_the_children_table_and_members_do_not_leak_between_children():
    # Both children have a member "ibu"; only C1's is family, C2's is an institution.
    dataset = Dataset.from_objects(
        [Child("C2", "Kota Bandung", 9), Child("C1", "Kota Bandung", 12)],
        [
            Member("C1", "ibu", "Ibu", "family"),
            Member("C2", "ibu", "Bu Ani (LBH)", "institution"),
        ],
        [
            Tie("C1", "ibu", "child", 3, "supportive", ASSESSMENTS[0]),
            Tie("C2", "child", "ibu", 1, "supportive", ASSESSMENTS[1]),
        ],
    )
    table = gap_table.gap_table(dataset)
    assert table["child_id"].tolist() == ["C2", "C1"]
    assert table["family_status"].tolist() == ["absent", "ok"]
    assert table["institution_status"].tolist() == ["weak", "absent"]
    assert table["as_of"].tolist() == [pd.Timestamp(ASSESSMENTS[1]), pd.Timestamp(ASSESSMENTS[0])]


def test_members_and_ties_of_children_outside_the_children_table_are_left_out():
    members = [Member(child_id, "ibu", "Ibu", "family") for child_id in ("C1", "X1", "X2")]
    ties = [Tie(child_id, "child", "ibu", 4, "supportive", DAY) for child_id in ("X1", "X2")]
    dataset = Dataset.from_objects([Child("C1", "Kota Bandung", 12)], members, ties)
    table = gap_table.gap_table(dataset)
    assert table["child_id"].tolist() == ["C1"]
    assert table["family_status"].tolist() == ["absent"]
    assert table["as_of"].isna().all()


def test_an_empty_data_set_gives_an_empty_table_with_the_summary_columns():
    table = gap_table.gap_table(Dataset())
    assert table.empty
    assert list(table.columns) == list(summary.SUMMARY_COLUMNS)


def test_report_table_puts_gaps_first_and_writes_dates_in_iso_form(two_children_dataset):
    report = gap_table.report_table(gap_table.gap_table(two_children_dataset))
    assert list(report.columns[:4]) == ["child_id", "as_of", "severity", "severity_reasons"]
    assert set(report.columns) == {
        *summary.SUMMARY_COLUMNS,
        "severity",
        "severity_reasons",
        "overdue_actions",
        "overdue_referrals",
    }
    assert report["as_of"].tolist() == [DAY.isoformat(), None]
    csv_lines = report.to_csv(index=False).splitlines()
    assert csv_lines[2].startswith("C2,,")
    assert ",absent,absent,absent,True,housing;legal," in csv_lines[2]


def test_report_severity_is_the_caseload_score_with_overdue_actions(two_children_dataset):
    table = gap_table.gap_table(two_children_dataset)
    overdue = pd.DataFrame(
        {"overdue_actions": [2], "overdue_referrals": [1]}, index=pd.Index(["C2"], name="child_id")
    )
    report = gap_table.report_table(table, overdue).set_index("child_id")
    plain = gap_table.report_table(table).set_index("child_id")
    assert report.loc["C2", "severity"] == plain.loc["C2", "severity"] + 2 * 4 + 4
    assert report.loc["C1", "severity"] == plain.loc["C1", "severity"]
    assert "2 overdue actions" in report.loc["C2", "severity_reasons"]
    assert "1 referral sent and not accepted in time" in report.loc["C2", "severity_reasons"]
