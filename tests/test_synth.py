"""The synthetic data generator: reproducible, the sizes asked for, valid, and a realistic mix."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eska_network.domain import codes, gap_table, io, schema, synth, table_codes
from eska_network.domain.summary import link_column

TABLES = ("children", "members", "ties", "resources")


@pytest.fixture(scope="module")
def synthetic_dataset():
    """Three thousand synthetic children in ten districts."""
    return synth.generate(3000, districts=10, seed=7)


@pytest.fixture(scope="module")
def synthetic_gap_table(synthetic_dataset):
    return gap_table.gap_table(synthetic_dataset)


def _file_bytes(folder):
    return {spec.name: (folder / spec.name).read_bytes() for spec in schema.FILES}


def test_same_seed_gives_byte_identical_files(tmp_path):
    synth.write_synthetic(tmp_path / "a", children=300, districts=4, seed=3)
    synth.write_synthetic(tmp_path / "b", children=300, districts=4, seed=3)
    assert _file_bytes(tmp_path / "a") == _file_bytes(tmp_path / "b")


# sha256 (first 16 hex digits) of each file the generator wrote before it became a package; the
# same arguments must keep giving these bytes. A deliberate change to the generator updates them
# (and changes source_digest, so the cached demo and benchmark sets are made anew).
GOLDEN = {
    (200, 45, 11, None): {
        "children.csv": "2407e637f1bd0225",
        "members.csv": "0e927a0dd3740643",
        "ties.csv": "1f16a3218a4a7618",
        "resources.csv": "9b30ebe34b2049b5",
        "assessments.csv": "ceb50792798ae2e8",
        "actions.csv": "2b37349f7b23d316",
    },
    (250, 3, 5, 70): {
        "children.csv": "75a23595de62338a",
        "members.csv": "141ef15e39ca86f2",
        "ties.csv": "0ccf4c436f1f5223",
        "resources.csv": "6843e9ed85446a88",
        "assessments.csv": "0cc42eba1f8dee8a",
        "actions.csv": "4134b7c16e998b90",
    },
}


@pytest.mark.parametrize("arguments", list(GOLDEN), ids=str)
def test_the_same_arguments_keep_giving_the_same_bytes(arguments, tmp_path, monkeypatch):
    children, districts, seed, chunk = arguments
    if chunk is not None:  # several chunks, so several random streams
        monkeypatch.setattr(synth, "CHUNK_CHILDREN", chunk)
    synth.write_synthetic(tmp_path, children=children, districts=districts, seed=seed)
    digests = {
        name: hashlib.sha256(data).hexdigest()[:16] for name, data in _file_bytes(tmp_path).items()
    }
    assert digests == GOLDEN[arguments]


def test_source_digest_changes_with_any_module_of_the_generator(tmp_path, monkeypatch):
    package = Path(synth.__file__).parent
    modules = sorted(path.name for path in package.glob("*.py"))
    assert len(modules) > 5
    copy = tmp_path / "synth"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(synth, "__file__", str(copy / "__init__.py"))
    original = synth.source_digest()
    for name in modules:
        text = (copy / name).read_text(encoding="utf-8")
        (copy / name).write_text(text + "\n", encoding="utf-8")
        assert synth.source_digest() != original, name
        (copy / name).write_text(text, encoding="utf-8")
    assert synth.source_digest() == original


def test_different_seeds_give_different_data():
    one, other = synth.generate(200, seed=1), synth.generate(200, seed=2)
    for name in ("children", "members", "ties"):
        assert not getattr(one, name).equals(getattr(other, name)), name


def test_written_files_pass_validation_and_read_back_as_generated(tmp_path, monkeypatch):
    # Small chunks, so that the files are written in several pieces.
    monkeypatch.setattr(synth, "CHUNK_CHILDREN", 70)
    synth.write_synthetic(tmp_path, children=250, districts=3, seed=5)
    read = io.read_dataset(tmp_path)
    generated = synth.generate(250, districts=3, seed=5)
    for name in TABLES:
        pd.testing.assert_frame_equal(
            getattr(table_codes.decoded_dataset(read), name), getattr(generated, name)
        )
    assert not list(tmp_path.glob("*.part"))


def test_no_children_gives_valid_files_with_headers_and_services(tmp_path):
    synth.write_synthetic(tmp_path, children=0, districts=2)
    dataset = io.read_dataset(tmp_path)
    assert len(dataset.children) == len(dataset.ties) == 0
    assert set(dataset.resources["district"]) == set(synth.REAL_DISTRICTS[:2])


@pytest.mark.parametrize(("children", "districts"), [(-1, 10), (10, 0)])
def test_impossible_sizes_are_refused(children, districts):
    with pytest.raises(ValueError, match="must be"):
        synth.generate(children, districts)


def test_sizes_are_honoured(synthetic_dataset):
    children, ties = synthetic_dataset.children, synthetic_dataset.ties
    assert len(children) == 3000
    assert children["child_id"].is_unique
    assert set(children["district"]) == set(synth.REAL_DISTRICTS[:10])
    assert 18 <= len(ties) / len(children) <= 23
    assert 7 <= len(synthetic_dataset.members) / len(children) <= 11


def test_districts_beyond_the_real_list_get_generated_names():
    names = synth.district_names(len(synth.REAL_DISTRICTS) + 2)
    assert names[: len(synth.REAL_DISTRICTS)] == list(synth.REAL_DISTRICTS)
    assert names[-2:] == ["Kabupaten Sintetis 1", "Kabupaten Sintetis 2"]
    assert len(set(names)) == len(names)


def test_children_look_like_the_population_served(synthetic_dataset):
    children = synthetic_dataset.children
    assert (children["age"].between(12, 17)).mean() > 0.8
    assert (children["sex"] == "F").mean() > 0.7
    # A few children's needs have not been assessed yet.
    assert 0.01 < (children["needs"] == "").mean() < 0.1
    per_code = {code: children["needs"].str.contains(code).mean() for code in codes.NEEDS}
    assert all(0.1 < share < 0.95 for share in per_code.values()), per_code
    assert children["wellbeing_personal"].isna().any()
    assert children["wellbeing_personal"].dropna().between(1, 5).all()


def test_caseworkers_carry_realistic_caseloads(synthetic_dataset):
    caseloads = synthetic_dataset.children.groupby("caseworker").size()
    assert all(re.fullmatch(r"cw_\d{4}", name) for name in caseloads.index)
    assert 25 <= caseloads.median() <= 40
    # A caseworker works in one district.
    assert (synthetic_dataset.children.groupby("caseworker")["district"].nunique() == 1).all()


def test_assessments_are_one_to_three_dates_in_2024_to_2026(synthetic_dataset):
    ties = synthetic_dataset.ties
    dates = ties.groupby("child_id")["assessed_on"].nunique()
    assert set(dates.unique()) == {1, 2, 3}
    assert ties["assessed_on"].dt.year.between(2024, 2026).all()
    assert (
        ties["last_contact"].dropna() <= ties.loc[ties["last_contact"].notna(), "assessed_on"]
    ).all()


def test_members_and_ties_cover_every_level_and_every_valence(synthetic_dataset):
    members, ties = synthetic_dataset.members, synthetic_dataset.ties
    assert set(members["level"]) == set(codes.LEVELS)
    assert set(ties["valence"]) == set(codes.VALENCES)
    assert (ties["strength"] == 0).any()
    level = members.set_index(["child_id", "member_id"])["level"]
    member_ties = ties[ties["source"] != codes.CHILD_NODE]
    ends = [
        level.reindex(pd.MultiIndex.from_arrays([member_ties["child_id"], member_ties[end]]))
        for end in ("source", "target")
    ]
    pairs = {codes.level_pair(a, b) for a, b in zip(*ends, strict=True)}
    assert pairs == set(codes.LEVEL_PAIRS) | {None}


def test_later_assessments_change_some_ties(synthetic_dataset):
    ties = synthetic_dataset.ties
    first = ties.groupby("child_id")["assessed_on"].transform("min")
    later = ties[ties["assessed_on"] > first]
    earlier = ties[ties["assessed_on"] == first]
    keys = ["child_id", "source", "target"]
    joined = later.merge(earlier, on=keys, how="left", suffixes=("", "_before"))
    gained = joined["strength_before"].isna()
    changed = joined["strength"] != joined["strength_before"]
    assert gained.any() and (changed & ~gained).any() and (~changed).any()


def test_resources_list_several_services_per_district_with_some_missing():
    dataset = synth.generate(0, districts=20, seed=0)
    resources = dataset.resources
    assert resources["resource_id"].is_unique
    assert resources.groupby("district").size().min() >= 3
    assert (resources["needs_served"] != "").all()
    kinds = resources.groupby("district")["kind"].agg(frozenset)
    assert len(set(kinds)) > 1, "every district lists the same kinds of service"


def test_members_standing_for_a_service_name_it(synthetic_dataset):
    members = synthetic_dataset.members.dropna(subset=["resource_id"])
    services = synthetic_dataset.resources.set_index("resource_id")
    assert not members.empty
    listed = services.loc[members["resource_id"]]
    assert (listed["name"].to_numpy() == members["label"].to_numpy()).all()
    assert (listed["kind"].to_numpy() == members["role"].to_numpy()).all()


@pytest.mark.parametrize(
    ("pattern", "holds"),
    [
        ("family rejects the child", lambda t: t["stressful_family"]),
        ("no institution", lambda t: t["institution_status"] == "absent"),
        ("no family", lambda t: t["family_status"] == "absent"),
        ("weak community", lambda t: t["community_status"] == "weak"),
        ("broken community-institution link", lambda t: t["link_community_institution"] == 0),
        ("single point of failure", lambda t: t["single_points_of_failure"] > 0),
        ("stale contact", lambda t: t["stale_ties"] > 0),
        ("unmet legal need", lambda t: t["unmet_needs"].str.contains("legal")),
        ("missing empowerment", lambda t: t["missing_functions"].str.contains("empowerment")),
        ("missing kind of support", lambda t: t["missing_support_types"] != ""),
        (
            "stressful tie outside the family",
            lambda t: (t["stressful_ties"] > 0) & ~t["stressful_family"],
        ),
    ],
)
def test_the_mix_holds_each_gap_pattern_for_a_minority(synthetic_gap_table, pattern, holds):
    share = holds(synthetic_gap_table).mean()
    assert 0.02 < share < 0.75, f"{pattern}: {share:.1%} of children"


def test_the_mix_holds_children_with_no_gap_at_all(synthetic_gap_table):
    table = synthetic_gap_table
    no_gap = (
        (table[[f"{level}_status" for level in codes.LEVELS]] == "ok").all(axis=1)
        & (table[["unmet_needs", "missing_functions", "missing_support_types"]] == "").all(axis=1)
        & (table[[link_column(pair) for pair in codes.LEVEL_PAIRS]] >= 3).all(axis=1)
        & (table[["single_points_of_failure", "stressful_ties", "stale_ties"]] == 0).all(axis=1)
    )
    assert 0 < no_gap.sum() < 0.1 * len(table)


@settings(max_examples=15, deadline=None)
@given(
    children=st.integers(0, 40),
    districts=st.integers(1, 5),
    seed=st.integers(0, 2**32 - 1),
)
def test_every_tie_joins_members_of_its_child_once_per_date(children, districts, seed):
    dataset = synth.generate(children, districts, seed)
    assert len(dataset.children) == children
    assert dataset.children["district"].nunique() <= districts
    members = set(zip(dataset.members["child_id"], dataset.members["member_id"], strict=True))
    ties = dataset.ties
    for end in ("source", "target"):
        named = ties[ties[end] != codes.CHILD_NODE]
        assert set(zip(named["child_id"], named[end], strict=True)) <= members
    assert (ties["target"] != codes.CHILD_NODE).all()
    assert not ties.duplicated(["child_id", "source", "target", "assessed_on"]).any()
    assert ties["strength"].between(0, codes.MAX_STRENGTH).all()


# --- The second format version: assessments, actions, exploitation, local context -----------------


def test_young_children_are_never_coded_early_sexual_experience(synthetic_dataset):
    children = synthetic_dataset.children
    young = children[children["age"] < synth.YOUNGEST_WITH_EARLY_SEXUAL_EXPERIENCE]
    assert len(young) > 20
    assert not young["risk_factors"].str.contains("early_sexual_experience").any()
    older = children[children["age"] >= synth.YOUNGEST_WITH_EARLY_SEXUAL_EXPERIENCE]
    assert older["risk_factors"].str.contains("early_sexual_experience").any()


def test_no_child_below_school_age_has_dropped_out_of_school(synthetic_dataset, sample_dataset):
    for children in (synthetic_dataset.children, sample_dataset.children):
        below = children[children["age"] < synth.SCHOOL_AGE]
        assert not below["risk_factors"].str.contains("school_dropout").any()
    children = synthetic_dataset.children
    assert len(children[children["age"] < synth.SCHOOL_AGE]) > 5
    assert children["risk_factors"].str.contains("school_dropout").any()


def test_religious_and_local_leaders_fit_the_district(synthetic_dataset):
    members = synthetic_dataset.members.merge(
        synthetic_dataset.children[["child_id", "district"]], on="child_id"
    )
    leaders = members[members["role"] == "religious_leader"]
    bali = leaders[leaders["district"] == "Kabupaten Karangasem"]
    assert len(bali) and set(bali["label"]) == {"Pemangku (Temple priest)"}
    assert not leaders["label"].str.contains("Pemangku").any() or set(
        leaders.loc[leaders["label"].str.contains("Pemangku"), "district"]
    ) <= {"Kabupaten Karangasem", "Kota Denpasar"}
    heads = members[members["role"] == "village_head"]
    assert set(heads.loc[heads["district"] == "Kabupaten Karangasem", "label"]) == {
        "Kelian banjar (Hamlet head)"
    }


def test_no_real_school_or_ngo_is_named():
    resources = synth.generate(0, districts=40).resources
    names = resources["name"]
    assert not names.str.contains(r"Negeri \d").any()
    assert not names.str.fullmatch(r"LBH [A-Z]\w+").any()
    assert set(resources.loc[resources["kind"] == "school", "name"].str.split().str[0]) == {
        "Sekolah"
    }


def test_every_member_service_and_referral_is_of_the_childs_own_district(synthetic_dataset):
    services = synthetic_dataset.resources.set_index("resource_id")["district"]
    home = synthetic_dataset.children.set_index("child_id")["district"]
    members = synthetic_dataset.members.dropna(subset=["resource_id"])
    assert (members["resource_id"].map(services) == members["child_id"].map(home)).all()
    actions = synthetic_dataset.actions.dropna(subset=["resource_id"])
    assert len(actions) > 100
    assert (actions["resource_id"].map(services) == actions["child_id"].map(home)).all()


def test_assessments_record_placement_stage_and_wellbeing_over_time(synthetic_dataset):
    rows = synthetic_dataset.assessments
    ties = synthetic_dataset.ties
    assert set(rows["placement"].dropna()) == set(codes.PLACEMENTS)
    assert set(rows["reintegration_stage"].dropna()) == set(codes.STAGES)
    assert (rows["needs"] == "none").any() and rows["needs"].isna().any()
    # Every assessment date of a child has its row; the dates are the ties' dates.
    per_child = rows.groupby("child_id")["assessed_on"].apply(set)
    tie_dates = ties.groupby("child_id")["assessed_on"].apply(set)
    assert (per_child == tie_dates.reindex(per_child.index)).all()
    moved = rows.groupby("child_id")["wellbeing_personal"].nunique()
    assert (moved > 1).mean() > 0.1


def test_exploitative_ties_appear_and_some_end(synthetic_dataset, synthetic_gap_table):
    ties = synthetic_dataset.ties
    exploitative = ties[ties["valence"] == "exploitative"]
    assert (exploitative["strength"] == 0).any() and (exploitative["strength"] > 0).any()
    assert 0.03 < (synthetic_gap_table["exploitative_ties"] > 0).mean() < 0.2
    assert 0.02 < synthetic_gap_table["unsafe_placement"].mean() < 0.25
    assert exploitative[["support_types", "functions", "needs_met"]].eq("").all().all()


def test_actions_carry_a_role_and_referrals_a_status(synthetic_dataset):
    actions = synthetic_dataset.actions
    assert set(actions["worker_role"]) == set(codes.WORKER_ROLES)
    referrals = actions[actions["status"].isin(list(codes.REFERRAL_STATUSES))]
    assert (referrals["worker_role"] == "broker").all()
    assert set(referrals["status"]) == set(codes.REFERRAL_STATUSES)
    assert not actions["text"].str.contains(",").any()
