"""Finding the files of a data set: a folder, a zip (refused before unpacking if it is a bomb),
or the files of an upload.

Part of :mod:`eska_network.domain.io`.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from eska_network.domain.io_problems import FILE_NAMES, Findings
from eska_network.i18n import Joined, Said, say

Source = str | os.PathLike | bytes | Mapping[str, bytes]
"""What :func:`read_dataset` reads: a folder, a zip file or its bytes, or ``{file name: bytes}``."""

MAX_UNPACKED_VARIABLE = "ESKA_MAX_UNPACKED_MB"
DEFAULT_MAX_UNPACKED_MB = 200
"""Largest total size of the data files inside a zip, unless ``ESKA_MAX_UNPACKED_MB`` says."""
MAX_ZIP_RATIO = 100
"""Unpacked size over packed size above which a zip is refused: CSV data sets pack 5 to 20 times
(repetitive ones about 20), while zip bombs pack hundreds of times."""
_RATIO_FROM_BYTES = 2**20
"""A zip unpacking to less than this is too small to be a bomb, whatever its ratio."""


def max_unpacked_bytes(environ: Mapping[str, str] | None = None) -> int:
    """The largest unpacked size of a zip: ``ESKA_MAX_UNPACKED_MB`` megabytes, or 200.

    >>> max_unpacked_bytes({}) // 2**20, max_unpacked_bytes({"ESKA_MAX_UNPACKED_MB": "50"}) // 2**20
    (200, 50)
    """
    text = (os.environ if environ is None else environ).get(MAX_UNPACKED_VARIABLE, "").strip()
    if not text:
        return DEFAULT_MAX_UNPACKED_MB * 2**20
    if not text.isdigit() or int(text) < 1:
        raise ValueError(
            f"{MAX_UNPACKED_VARIABLE} must be a whole number of megabytes, not {text!r}"
        )
    return int(text) * 2**20


def source_files(source: Source, findings: Findings) -> Mapping[str, bytes | Path]:
    """The data files of ``source`` by name: their bytes, or for a folder their paths.

    A national data set's files are gigabytes: a folder's files are parsed from their paths, one
    at a time, instead of being held in memory.
    """
    if isinstance(source, Mapping):
        files = {PurePosixPath(name).name: bytes(data) for name, data in source.items()}
        if len(files) == 1:
            ((name, data),) = files.items()
            if name.lower().endswith(".zip"):
                return _zip_files(name, data, findings)
        return files
    if isinstance(source, bytes | bytearray | memoryview):
        return _zip_files("zip file", bytes(source), findings)
    path = Path(source)
    if path.is_dir():
        return {name: path / name for name in FILE_NAMES if (path / name).is_file()}
    if path.is_file():
        return _zip_files(path.name, path.read_bytes(), findings)
    findings.add(str(path), say("validation.no_source"))
    return {}


def _zip_files(label: str, data: bytes, findings: Findings) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        findings.add(label, say("validation.not_zip"))
        return {}
    with archive:
        entries = [
            entry
            for entry in archive.infolist()
            if not entry.is_dir()
            and not entry.filename.startswith("__MACOSX/")
            and PurePosixPath(entry.filename).name in FILE_NAMES
        ]
        folders = sorted({str(PurePosixPath(entry.filename).parent) for entry in entries})
        if len(folders) > 1:
            top = say("validation.zip_top_level")
            names = [top if folder == "." else folder for folder in folders]
            findings.add(label, say("validation.zip_folders", names=Joined(tuple(names))))
            return {}
        refusal = _bomb_refusal(entries)
        if refusal:
            findings.add(label, refusal)
            return {}
        try:
            return {PurePosixPath(entry.filename).name: archive.read(entry) for entry in entries}
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error) as error:
            findings.add(label, say("validation.zip_broken", error=str(error)))
            return {}


def _bomb_refusal(entries: list[zipfile.ZipInfo]) -> Said | None:
    """Why a zip is refused before anything is unpacked (its declared sizes), or None.

    The sizes a zip declares are what unpacking gives at most: Python's reader stops at the
    declared size and refuses an entry whose data does not match it.
    """
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    limit = max_unpacked_bytes()
    if unpacked > limit:
        return say(
            "validation.zip_too_big",
            size=f"{unpacked / 2**20:,.0f}",
            limit=limit // 2**20,
            variable=MAX_UNPACKED_VARIABLE,
        )
    if unpacked >= _RATIO_FROM_BYTES and unpacked > MAX_ZIP_RATIO * max(packed, 1):
        return say(
            "validation.zip_bomb",
            size=f"{unpacked / 2**20:,.0f}",
            packed=f"{packed / 2**20:,.1f}",
            ratio=f"{unpacked / max(packed, 1):,.0f}",
            most=MAX_ZIP_RATIO,
        )
    return None
