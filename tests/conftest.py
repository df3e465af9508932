"""Shared fixtures, named after what they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from eska_network import io

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = REPO_ROOT / "sample_data"


@pytest.fixture(scope="session")
def sample_dataset():
    """The shipped sample data set, read once."""
    return io.read_dataset(SAMPLE_DATA)
