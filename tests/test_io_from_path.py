"""A folder's files are checked block by block and parsed from their paths: every problem and every
table is the same as when the same bytes are read from memory, wherever the blocks are cut."""

from __future__ import annotations

import codecs

import pytest

from eska_network.domain import io, io_text

CHILDREN = "child_id,district,age,needs\nA1,Kota Medan,15,legal\nB2,Kota Batam,9,\n"
MEMBERS = "child_id,member_id,label,level\nA1,ibu,Ibu \u00e9,family\nB2,ayah,Ayah,family\n"
TIES = (
    "child_id,source,target,strength,valence,assessed_on\n"
    "A1,child,ibu,3,supportive,2026-01-10\n"
    "B2,child,ayah,2,supportive,2026-01-11\n"
)

CHANGED_MEMBERS = {
    "as is": MEMBERS.encode(),
    "byte order mark": codecs.BOM_UTF8 + MEMBERS.encode(),
    "no line end at the end": MEMBERS.encode().rstrip(b"\n"),
    "CR LF line ends": MEMBERS.replace("\n", "\r\n").encode(),
    "not UTF-8 in row 3": MEMBERS.encode().replace(b"Ayah", b"Ay\xe9h"),
    "not UTF-8 right after a character of two bytes": MEMBERS.encode().replace(
        "\u00e9".encode(), "\u00e9".encode() + b"\xff"
    ),
    "a character cut short by the end": MEMBERS.encode() + b"B2,om,Om\xc3",
    "a character cut short by a line end": MEMBERS.encode() + b"B2,om,O\xc3\nm,family\n",
    "not UTF-8, then a NUL": MEMBERS.encode().replace(b"Ayah", b"Ay\xe9h") + b"x\x00\n",
    "odd quotes": MEMBERS.encode() + b'B2,"om,Om,family\n',
    "blank": b" \n\n \r\n",
    "empty": b"",
    "UTF-16": MEMBERS.encode("utf-16"),
    "a zip": b"PK\x03\x04" + MEMBERS.encode(),
    "a row too long": MEMBERS.encode() + b"B2,om,Om,family,extra\n",
    "a quoted line end": MEMBERS.encode() + b'B2,om,"Om\nkedua",family\n',
    "a header only": b"child_id,member_id,label,level",
}


def _read(source: object) -> tuple[str, object]:
    try:
        dataset = io.read_dataset(source)  # type: ignore[arg-type]
    except io.DatasetError as error:
        return "problems", [str(problem) for problem in error.problems]
    return "read", dataset.members.astype(str).to_dict("list")


@pytest.mark.parametrize("block_bytes", [1, 7, 64 * 2**20])
@pytest.mark.parametrize("members", CHANGED_MEMBERS.values(), ids=CHANGED_MEMBERS.keys())
def test_a_folder_reads_as_its_bytes_do(tmp_path, monkeypatch, members, block_bytes):
    monkeypatch.setattr(io_text, "_BLOCK_BYTES", block_bytes)
    files = {"children.csv": CHILDREN.encode(), "members.csv": members, "ties.csv": TIES.encode()}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert _read(tmp_path) == _read(files)


@pytest.mark.parametrize("dense_cells", [0, 1 << 26])
def test_references_are_checked_alike_by_a_table_of_flags_and_by_hashing(monkeypatch, dense_cells):
    from eska_network.domain import io_references

    monkeypatch.setattr(io_references, "_DENSE_CELLS", dense_cells)
    ties = TIES + "A1,child,ayah,2,supportive,2026-01-12\nZ9,child,ibu,1,supportive,2026-01-12\n"
    files = {"children.csv": CHILDREN, "members.csv": MEMBERS, "ties.csv": ties}
    assert _read({name: text.encode() for name, text in files.items()}) == (
        "problems",
        [
            "ties.csv, row 4, column target: 'ayah' is not a member of child 'A1' in members.csv",
            "ties.csv, row 5, column child_id: no child 'Z9' in children.csv",
        ],
    )
