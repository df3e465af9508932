"""Checking that a CSV file's bytes are text the parser can read: UTF-8, no NUL byte, quotes that
close; a file on disk is checked block by block, never held whole in memory.

Part of :mod:`eska_network.domain.io`.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from eska_network.i18n import Said, say

_BLOCK_BYTES = 64 * 2**20
"""The size of the blocks a file on disk is checked in."""

_ZIP_START = b"PK\x03\x04"
"""How a zip file, and so a spreadsheet workbook, starts."""

TextCheck = tuple[tuple[Said, int | None] | None, bool, bool]
"""What makes the text unreadable (message and row, or None), whether it is all blank, and
whether it ends with a line end."""


def check_text(data: bytes | Path) -> TextCheck:
    """What makes the file's text unreadable as UTF-8 CSV (message and row, or None), whether it
    is all blank, and whether it ends with a line end.

    The checks run in this order, as if on the whole file: a UTF-16 or zip start, a NUL byte
    anywhere, the first byte that is not UTF-8, an odd number of quotes. A UTF-8 byte order mark
    is no part of the text.
    """
    if isinstance(data, bytes):
        text = data.removeprefix(codecs.BOM_UTF8)
        problem, blank, ended = _check_blocks(iter([text]))
        return _with_row(problem, lambda: iter([text])), blank, ended
    with _opened(data) as file:
        problem, blank, ended = _check_blocks(_blocks(file))
    if problem is None or problem[1] is None:
        return problem, blank, ended
    with _opened(data) as file:
        return _with_row(problem, lambda: _blocks(file)), blank, ended


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[io.BufferedReader]:
    """The file, read from after its UTF-8 byte order mark if it has one."""
    with open(path, "rb") as file:
        if file.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
            file.seek(0)
        yield file


def _blocks(file: io.BufferedReader) -> Iterator[bytearray]:
    """The rest of the file in blocks cut anywhere (a character may be split between two), read
    into one buffer again and again: a new buffer per block would cost the kernel a page fault per
    page. Each block is overwritten by the next one."""
    # No larger than the file: zeroing a buffer touches every page of it.
    block = bytearray(min(_BLOCK_BYTES, os.fstat(file.fileno()).st_size + 1))
    while count := file.readinto(block):
        if count < len(block):
            del block[count:]
        yield block


def _with_row(
    problem: tuple[Said, int | None] | None, blocks: Callable[[], Iterator[bytes | bytearray]]
) -> tuple[Said, int | None] | None:
    """The problem with the row it is on instead of its byte's place in the text: line ends are
    counted only when there is a problem to place (counting them costs as much as the checks)."""
    if problem is None:
        return problem
    message, offset = problem
    if offset is None:
        return problem
    lines = seen = 0
    for block in blocks():
        if seen + len(block) > offset:
            return message, lines + block.count(b"\n", 0, offset - seen) + 1
        lines += block.count(b"\n")
        seen += len(block)
    return message, lines + 1


def _check_blocks(blocks: Iterator[bytes | bytearray]) -> TextCheck:
    """:func:`check_text` of the text in ``blocks``, a problem's place given as the offset of its
    byte in the text (not yet its row)."""
    seen = quotes = 0
    not_utf8: int | None = None
    # Started at the first block that is not all ASCII, the decoder holds a character split
    # between two blocks until the next one completes it.
    decoder: codecs.IncrementalDecoder | None = None
    blank, start, last = True, b"", b""
    for block in blocks:
        if len(start) < len(_ZIP_START):
            # The file's first bytes, checked before anything in them: blocks can be tiny.
            start += block[: len(_ZIP_START) - len(start)]
            if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return (say("validation.utf16"), None), False, False
            if start.startswith(_ZIP_START):
                return (say("validation.workbook"), None), False, False
        if b"\x00" in block:
            return (say("validation.binary"), None), False, False
        if not_utf8 is None and (decoder is not None or not block.isascii()):
            decoder = decoder or codecs.getincrementaldecoder("utf-8")()
            # The bytes held back from the block before (the start of a character).
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                not_utf8 = seen + error.start - pending
        if b'"' in block:
            quotes += block.count(b'"')
        seen += len(block)
        blank = blank and (not block or block.isspace())
        last = bytes(block[-1:]) or last
    if not_utf8 is None and decoder is not None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            not_utf8 = seen - len(decoder.getstate()[0])  # a character cut short by the end
    if not_utf8 is not None:
        return (say("validation.not_utf8"), not_utf8), False, False
    if quotes % 2:
        return (say("validation.odd_quotes"), None), False, False
    return None, blank, last in (b"\n", b"\r")
