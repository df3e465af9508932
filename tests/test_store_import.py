"""Import into and export from the store: all or nothing, idempotent, a lossless round trip."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eska_network.cli import main
from eska_network.domain import codes, gap_table, io, schema, synth, table_codes
from eska_network.domain.model import Child, Dataset, Member, Resource, Tie
from eska_network.services import access, accounts
from eska_network.store import (
    ImportConflictError,
    ensure_sample_loaded,
    import_writing,
    open_store,
    tables,
)
from eska_network.store.backup import table_checksums

from .conftest import SAMPLE_DATA, clear_store


def assert_same_dataset(left: Dataset, right: Dataset) -> None:
    """Equal tables, row order aside (an export is sorted by key)."""
    left, right = table_codes.decoded_dataset(left), table_codes.decoded_dataset(right)
    for spec in schema.FILES:
        key = list(spec.key)
        a = left.table(spec).sort_values(key).reset_index(drop=True)
        b = right.table(spec).sort_values(key).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b, check_index_type=False)


def test_an_import_then_an_export_gives_back_the_same_data(small_store, small_dataset):
    assert_same_dataset(small_store.export_dataset(), small_dataset)


def test_the_sample_data_survives_a_csv_round_trip(store, sample_dataset, tmp_path):
    store.import_dataset(sample_dataset)
    io.write_dataset(store.export_dataset(), tmp_path / "out")
    assert_same_dataset(io.read_dataset(tmp_path / "out"), sample_dataset)


def test_extra_csv_columns_are_kept(store, small_dataset):
    children = small_dataset.children.assign(school=pd.Series(["SMP 1", None], dtype="str"))
    ties = small_dataset.ties.assign(note=pd.Series(["a", None, "c", "d"], dtype="str"))
    dataset = dataclasses.replace(small_dataset, children=children, ties=ties)
    store.import_dataset(dataset)
    assert_same_dataset(store.export_dataset(), dataset)


def test_a_second_import_of_the_same_data_adds_nothing(small_store, small_dataset):
    before = table_checksums(small_store)
    report = small_store.import_dataset(small_dataset)
    assert report.children_added == report.ties_added == report.members_added == 0
    assert report.ties_already_stored == len(small_dataset.ties)
    assert table_checksums(small_store) == before


def test_a_second_import_of_a_synthetic_set_changes_nothing(store):
    dataset = synth.generate(40, districts=3, seed=7)
    store.import_dataset(dataset)
    before = table_checksums(store)
    report = store.import_dataset(dataset)
    assert report.children_updated == report.members_updated == report.ties_added == 0
    assert table_checksums(store) == before
    assert_same_dataset(store.export_dataset(), dataset)


def test_an_import_updates_children_and_adds_new_tie_rows(small_store, small_dataset):
    children = small_dataset.children.copy()
    children.loc[children["child_id"] == "C2", "age"] = 10
    later = pd.DataFrame(
        {
            **small_dataset.ties.iloc[[0]].to_dict("list"),
            "assessed_on": [pd.Timestamp("2026-05-01")],
        }
    ).astype(small_dataset.ties.dtypes.to_dict())
    ties = pd.concat([small_dataset.ties, later], ignore_index=True)
    report = small_store.import_dataset(
        dataclasses.replace(small_dataset, children=children, ties=ties)
    )
    assert (report.children_updated, report.ties_added) == (1, 1)
    assert small_store.child_system("C2").child.age == 10
    assert small_store.revision("C1") == 2
    assert len(small_store.child_history("C2")) == 2


def test_a_conflicting_tie_row_is_named_and_nothing_is_imported(small_store, small_dataset):
    before = table_checksums(small_store)
    ties = small_dataset.ties.copy()
    ties.loc[1, "strength"] = 5
    newcomer = Dataset.from_objects([Child("C9", "Kota Bandung", 12)]).children
    conflicting = dataclasses.replace(
        small_dataset, ties=ties, children=pd.concat([small_dataset.children, newcomer])
    )
    with pytest.raises(ImportConflictError) as caught:
        small_store.import_dataset(conflicting)
    (problem,) = caught.value.problems
    assert (problem.file, problem.row) == ("ties.csv", 3)
    assert "child–imam of child C1 on 2026-01-05" in problem.message
    assert "strength '5' here, '2' in the store" in problem.message
    assert table_checksums(small_store) == before


def test_a_database_error_half_way_leaves_every_table_as_it_was(small_store):
    before = small_store.table_counts()
    broken = Dataset.from_objects(
        children=[Child("C7", "Kota Bandung", 11)],
        members=[Member("C7", "aunt", "Aunt", "family")],
        ties=[Tie("C7", "child", "nobody", 2, "supportive", dt.date(2026, 2, 1))],
    )
    with pytest.raises(sa.exc.IntegrityError):
        small_store.import_dataset(broken)
    assert small_store.table_counts() == before


def test_an_error_in_a_later_chunk_undoes_the_chunks_written_before(small_store, monkeypatch):
    # Large imports are written chunk by chunk, still in one transaction.
    monkeypatch.setattr(import_writing, "INSERT_CHUNK", 2)
    before = table_checksums(small_store)
    members = [Member("C7", f"m{i}", f"Member {i}", "community") for i in range(6)]
    ties = [Tie("C7", "child", m.member_id, 2, "supportive", dt.date(2026, 2, 1)) for m in members]
    broken = Dataset.from_objects(
        children=[Child("C7", "Kota Bandung", 11)],
        members=members,
        ties=[*ties, Tie("C7", "child", "zz_nobody", 2, "supportive", dt.date(2026, 2, 1))],
    )
    with pytest.raises(sa.exc.IntegrityError):
        small_store.import_dataset(broken)
    assert table_checksums(small_store) == before


def test_gap_summaries_are_stored_for_the_imported_children(small_store, small_dataset):

    expected = gap_table.gap_table(small_dataset).sort_values("child_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(small_store.gap_summaries(), expected)


def test_load_dataset_returns_only_the_children_asked_for(small_store):
    dataset = small_store.load_dataset(["C2"])
    assert dataset.child_ids == ["C2"]
    assert dataset.members.empty and dataset.ties.empty
    assert dataset.resources["resource_id"].tolist() == ["R1"]


def test_the_children_table_alone_is_the_datasets(small_store, small_dataset):
    pd.testing.assert_frame_equal(small_store.children(), small_dataset.children)
    assert small_store.children(["C2"])["child_id"].tolist() == ["C2"]


def test_the_sample_is_loaded_only_into_an_empty_store(store, sample_dataset):
    assert ensure_sample_loaded(store, SAMPLE_DATA) is True
    assert ensure_sample_loaded(store, SAMPLE_DATA) is False
    assert store.table_counts()["children"] == len(sample_dataset.children)


# --- the command line -------------------------------------------------------------------------


def _caseworkers(store_url: str, *names: str) -> None:
    """Accounts for the caseworkers a data set names (an import assigns children to no one else)."""
    opened = open_store(store_url)
    for name in names:
        accounts.add_user(opened, access.operator(), name, "caseworker")
    opened.engine.dispose()


def test_import_and_export_commands_round_trip_a_folder(store_url, small_dataset, tmp_path, capsys):
    io.write_dataset(small_dataset, tmp_path / "in")
    _caseworkers(store_url, "cw_ani", "cw_budi")
    assert main(["import", str(tmp_path / "in"), "--database-url", store_url]) == 0
    assert "children: 2 added" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "out"), "--database-url", store_url]) == 0
    assert_same_dataset(io.read_dataset(tmp_path / "out"), small_dataset)


def test_a_bad_folder_is_reported_on_stderr_and_changes_nothing(
    store_url, small_dataset, tmp_path, capsys
):
    folder = io.write_dataset(small_dataset, tmp_path / "in")
    ties = (folder / "ties.csv").read_text().replace(",4,supportive,", ",9,supportive,", 1)
    (folder / "ties.csv").write_text(ties)
    _caseworkers(store_url, "cw_ani", "cw_budi")
    assert main(["import", str(folder), "--database-url", store_url]) == 1
    output = capsys.readouterr()
    assert output.out == ""
    assert "ties.csv, row 2, column strength" in output.err
    with sa.create_engine(store_url).connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(tables.children)) == 0


# --- the round trip as a property, on both engines ---------------------------------------------

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=8,
)
_ID = st.from_regex(schema.ID_PATTERN, fullmatch=True).filter(lambda s: s != codes.CHILD_NODE)
_DATES = st.dates(dt.date(2024, 1, 1), dt.date(2026, 6, 30))


def _codes(vocabulary) -> st.SearchStrategy:
    return st.lists(st.sampled_from(vocabulary.codes), max_size=3, unique=True).map(
        lambda items: tuple(vocabulary.sort(items))
    )


@st.composite
def datasets(draw) -> Dataset:
    """Small valid data sets with every optional column sometimes empty, and an extra column."""
    resources = [
        Resource(
            f"R{i}",
            draw(_TEXT),
            draw(_TEXT),
            draw(st.sampled_from(["community", "institution"])),
            draw(_codes(codes.NEEDS)) or ("legal",),
            draw(st.none() | _TEXT),
        )
        for i in range(draw(st.integers(0, 2)))
    ]
    child_ids = draw(st.lists(_ID, min_size=1, max_size=3, unique=True))
    children, members, ties = [], [], []
    for child_id in child_ids:
        children.append(
            Child(
                child_id,
                draw(_TEXT),
                draw(st.integers(0, 17)),
                draw(st.none() | st.sampled_from(codes.SEXES.codes)),
                draw(st.none() | _TEXT),
                draw(_codes(codes.RISK_FACTORS)),
                draw(_codes(codes.NEEDS)),
                *(draw(st.none() | st.integers(1, 5)) for _ in codes.WELLBEING),
            )
        )
        member_ids = draw(st.lists(_ID, max_size=3, unique=True))
        for member_id in member_ids:
            members.append(
                Member(
                    child_id,
                    member_id,
                    draw(_TEXT),
                    draw(st.sampled_from(codes.LEVELS.codes)),
                    draw(st.none() | _TEXT),
                    draw(st.none() | st.sampled_from([r.resource_id for r in resources] or [None])),
                )
            )
        ends = [codes.CHILD_NODE, *member_ids]
        pairs = [(a, b) for i, a in enumerate(ends) for b in ends[i + 1 :]]
        for source, target in pairs[: draw(st.integers(0, len(pairs)))]:
            for assessed_on in draw(st.lists(_DATES, min_size=1, max_size=2, unique=True)):
                if source != codes.CHILD_NODE and draw(st.booleans()):
                    source, target = target, source
                ties.append(
                    Tie(
                        child_id,
                        source,
                        target,
                        draw(st.integers(0, 5)),
                        draw(st.sampled_from(codes.VALENCES.codes)),
                        assessed_on,
                        support_types=draw(_codes(codes.SUPPORT_TYPES)),
                        functions=draw(_codes(codes.FUNCTIONS)),
                        needs_met=draw(_codes(codes.NEEDS)),
                        last_contact=draw(st.none() | _DATES),
                    )
                )
    dataset = Dataset.from_objects(children, members, ties, resources)
    notes = draw(st.lists(st.none() | _TEXT, min_size=len(ties), max_size=len(ties)))
    if not any(notes):
        # An extra column empty in every row is not kept: the store keeps values, not headers.
        return dataset
    return dataclasses.replace(
        dataset, ties=dataset.ties.assign(note=pd.Series(notes, dtype="str"))
    )


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(dataset=datasets())
def test_any_dataset_survives_the_round_trip(store, dataset):
    clear_store(store)
    store.import_dataset(dataset)
    assert_same_dataset(store.export_dataset(), dataset)
