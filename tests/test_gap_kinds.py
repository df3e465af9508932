"""Every gap kind is declared whole, and docs/adding_a_gap_rule.md says what the code does."""

from __future__ import annotations

import dataclasses
import re
import string

import pytest

from eska_network.domain import gap_items, gap_kinds, gap_table, gaps, severity, summary
from eska_network.domain.codes import WORKER_ROLES
from eska_network.domain.gap_kinds import DISTRICT_GROUPS, GAP_KINDS, MAP_MARKS, GapKind
from eska_network.i18n import LANGUAGES

from .conftest import REPO_ROOT
from .summary_frames import random_summaries

DOC = (REPO_ROOT / "docs" / "adding_a_gap_rule.md").read_text(encoding="utf-8")
SENTENCE_FIELDS = {"subject", "strength", "max", "a", "b", "level_a", "level_b", "days"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_kinds_are_the_gap_items_order_and_unique():
    codes = [kind.code for kind in GAP_KINDS]
    assert len(set(codes)) == len(codes)
    assert gap_items.KINDS == tuple(codes)


@pytest.mark.parametrize("kind", GAP_KINDS, ids=lambda kind: kind.code)
def test_every_kind_speaks_both_languages_with_the_fields_it_is_given(kind: GapKind):
    for words in (kind.name, kind.sentence, kind.reason, *([kind.reason_one] or [])):
        if words is None:
            continue
        for lang in LANGUAGES:
            assert getattr(words, lang).strip(), (kind.code, lang)
        assert _fields(words.en) == _fields(words.id), kind.code
    assert _fields(kind.sentence.en) <= SENTENCE_FIELDS
    said = {"n"} if kind.about_tie else set() if kind.about_child else {"subject"}
    assert _fields(kind.reason.en) == said


@pytest.mark.parametrize("kind", GAP_KINDS, ids=lambda kind: kind.code)
def test_every_kind_has_points_a_mark_and_a_known_district_group(kind: GapKind):
    subjects = list(kind.subject) if kind.subject is not None else [None]
    assert all(kind.points_for(subject) > 0 for subject in subjects)
    assert (kind.count_cap is not None) == kind.about_tie
    assert kind.mark in MAP_MARKS
    assert kind.district_group is None or kind.district_group in DISTRICT_GROUPS
    assert 1 <= kind.rule <= 10


@pytest.mark.parametrize("kind", GAP_KINDS, ids=lambda kind: kind.code)
def test_every_kind_counts_exactly_its_components(kind: GapKind):
    table = random_summaries(3, 50, 4)
    counts = kind.counts(table)
    assert tuple(counts) == kind.components()
    assert all(len(values) == len(table) and (values >= 0).all() for values in counts.values())


@pytest.mark.parametrize("kind", GAP_KINDS, ids=lambda kind: kind.code)
def test_every_kind_names_the_role_that_answers_it(kind: GapKind):
    assert kind.worker_role in WORKER_ROLES


def test_an_unsafe_placement_leads_every_gap_list():
    assert GAP_KINDS[0].code == "unsafe_placement"


def test_every_map_mark_is_used_by_some_kind():
    assert {kind.mark for kind in GAP_KINDS} == set(MAP_MARKS)


def test_the_doc_names_only_what_exists():
    for path in re.findall(r"`((?:eska_network|tests|docs|bench)/[\w/.]+)`", DOC):
        assert (REPO_ROOT / path).exists(), path
    table = DOC[DOC.index("| field |") : DOC.index("## 3.")]
    declared = {field.name for field in dataclasses.fields(GapKind)}
    assert declared == set(re.findall(r"^\| `(\w+)`", table, re.M)) | set(
        re.findall(r"^\| `\w+`, `(\w+)`", table, re.M)
    ) | set(re.findall(r"^\| `\w+`, `\w+`, `(\w+)`", table, re.M))
    named = {
        "child_gaps": gaps,
        "ChildGaps": gaps,
        "summary_row": gaps,
        "SUMMARY_COLUMNS": summary,
        "gap_table": gap_table,
        "GAP_KINDS": gap_kinds,
        "DISTRICT_GROUPS": gap_kinds,
        "MAP_MARKS": gap_kinds,
        "COMPONENT_KEYS": severity,
        "THE_CHILD": gap_kinds,
    }
    for name, module in named.items():
        assert hasattr(module, name), name
    assert "ChildGaps.to_json_dict" in DOC and hasattr(gaps.ChildGaps, "to_json_dict")
    assert "ChildGaps.facts" in DOC and hasattr(gaps.ChildGaps, "facts")
    assert "bench/baseline_networkx.py" in DOC
