"""Demo mode loads the sample by default, or a larger synthetic set for planners."""

from __future__ import annotations

import pytest

from eska_network.domain import io
from eska_network.services import demo_data
from eska_network.services.demo_data import DemoSize


def test_the_sample_is_the_default():
    assert demo_data.demo_folder({}) == demo_data.SAMPLE_DATA
    assert demo_data.demo_folder({"ESKA_DEMO_DATA": "sample"}) == demo_data.SAMPLE_DATA


def test_the_large_set_is_generated_once_and_valid(tmp_path):
    folder = demo_data.demo_folder({"ESKA_DEMO_DATA": "large"}, tmp_path)
    dataset = io.read_dataset(folder)
    assert len(dataset.children) == demo_data.LARGE.children
    assert dataset.children["district"].nunique() == demo_data.LARGE.districts
    assert dataset.assessments["assessed_on"].dt.year.nunique() >= 3
    # Every district has enough children for counts to show at K = 10.
    assert dataset.children.groupby("district").size().median() >= 50
    stamp = (folder / "children.csv").stat().st_mtime_ns
    assert demo_data.demo_folder({"ESKA_DEMO_DATA": "large"}, tmp_path) == folder
    assert (folder / "children.csv").stat().st_mtime_ns == stamp
    assert [path.name for path in tmp_path.iterdir()] == [folder.name]


def test_a_small_size_is_written_whole(tmp_path):
    folder = demo_data.large_demo(tmp_path, DemoSize(children=20, districts=2, seed=1))
    assert len(io.read_dataset(folder).children) == 20


def test_an_unknown_choice_is_refused():
    with pytest.raises(ValueError, match="ESKA_DEMO_DATA must be"):
        demo_data.demo_folder({"ESKA_DEMO_DATA": "huge"})
