"""Reading a corpus of bad data sets gives exactly the messages the reading code gave before it
was rewritten (recorded in tests/data/io_corpus_messages.json; see tests/io_corpus.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eska_network.domain import io

from . import io_corpus

RECORDED = json.loads(
    (Path(__file__).parent / "data" / "io_corpus_messages.json").read_text(encoding="utf-8")
)


def test_the_corpus_has_many_problems():
    assert sum(1 for messages in RECORDED.values() if messages) >= 50
    assert len(RECORDED) == io_corpus.CASES


@pytest.mark.parametrize("number", range(io_corpus.CASES))
def test_messages_are_as_recorded(number):
    assert io_corpus.messages(io.read_dataset, io.DatasetError, number) == RECORDED[str(number)]
