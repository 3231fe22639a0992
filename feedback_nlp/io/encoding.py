"""Encoding detection and line-by-line decoding that keeps damaged rows and refuses non-text.

Supported: UTF-8 with or without BOM, UTF-16 with BOM (LE/BE), UTF-16 without BOM when the NUL
pattern is unambiguous, cp1252 as the fallback for 8-bit Latin files, and the legacy
encodings of other scripts (gb18030, cp932, cp1256, cp1251, …) where cp1252 would read
gibberish (:mod:`feedback_nlp.io.legacy_encoding`). A UTF-8 file with a few
lines in cp1252 (mixed encodings) is read line by line: such lines are decoded as cp1252 and
counted in `LineDecoder.mixed_lines`. Replacement characters, NULs, control bytes and mojibake
in some rows are kept (the rows are flagged later, see :mod:`feedback_nlp.text.damage`); a file
is refused only when it is not text: mostly NUL/control bytes, or most lines garbled.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from feedback_nlp.errors import ReadError
from feedback_nlp.io.legacy_encoding import legacy_encoding
from feedback_nlp.text.damage import garbled_share

SAMPLE_BYTES = 1 << 16

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

ENCODING_HINT = (
    "save the file as UTF-8 (or pass encoding='...' / --encoding with the file's real encoding)"
)


#: A sample with more than this share of NUL/control bytes (not UTF-16) is binary.
BINARY_BYTES = 0.1
#: A block (or file) with more than this share of garbled lines is not text.
GARBLED_LINES = 0.5
_TEXT_CONTROLS = b"\t\n\r\x0c"
BLOCK_BYTES = 1 << 20


def detect_encoding(sample: bytes, path: str | Path) -> str:
    """Name the encoding of a file from its first bytes (BOM, NUL pattern, UTF-8 validity)."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16:
            return utf16
        _refuse_binary(sample, path)
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # a character cut by the end of the sample
            return "utf-8"
    return "utf-8" if _mostly_utf8(sample) else legacy_encoding(sample, path)


def _mostly_utf8(sample: bytes) -> bool:
    """True when the non-ASCII bytes are mostly valid UTF-8 (a UTF-8 file with stray lines)."""
    decoded = sample.decode("utf-8", errors="replace")
    valid = sum(1 for ch in decoded if ord(ch) > 127 and ch != "\ufffd")
    return valid > 0 and valid >= decoded.count("\ufffd")


def _utf16_without_bom(sample: bytes) -> str | None:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _refuse_binary(sample: bytes, path: str | Path) -> None:
    """Raise ReadError when NUL/control bytes are more than BINARY_BYTES of the sample."""
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    if controls <= BINARY_BYTES * len(sample):
        return
    line = sample[: sample.index(b"\x00")].count(b"\n") + 1
    raise ReadError(
        path,
        f"the file is not text: {controls} of its first {len(sample)} bytes are NUL or control "
        "bytes (it is binary, compressed or not a text export)",
        line=line,
        hint="export the data as CSV, TSV, JSON, JSONL, xlsx or Parquet",
    )


def check_is_text(text: str, path: str | Path, first_line: int, encoding: str) -> None:
    """Raise ReadError when most lines of `text` are garbled (binary or a wrong encoding)."""
    share, first = garbled_share(text)
    if share > GARBLED_LINES:
        raise ReadError(
            path,
            f"the file is not text: {share:.0%} of the lines from this one on are garbled (control "
            f"bytes or replacement characters) when decoded as {encoding}",
            line=first_line + first - 1,
            hint=ENCODING_HINT,
        )


class LineDecoder:
    """Decode a file block by block, switching an all-ASCII start to cp1252 if needed.

    A line that is not valid UTF-8 in a UTF-8 file is decoded as cp1252 and its number kept in
    `mixed_lines`; damaged rows are kept, but a block whose lines are mostly garbled is refused.
    """

    def __init__(self, path: str | Path, encoding: str, *, forced: bool = False) -> None:
        self.path = path
        self.encoding = encoding
        self.confirmed = forced or encoding != "utf-8"
        self.mixed_lines: list[int] = []
        #: Bytes of the input behind the lines handed out so far (`_iter_blocks`): how far a
        #: streamed read has got, not how far it has read ahead (the progress bar's estimate).
        self.position = 0

    def decode(self, raw: bytes, first_line: int) -> str:
        """Decode a block of whole lines starting at `first_line` (1-based) and check it."""
        try:
            text = raw.decode(self.encoding)
        except UnicodeDecodeError as exc:
            text = self._retry(raw, first_line, exc)
        if not self.confirmed and not raw.isascii():
            self.confirmed = True
        check_is_text(text, self.path, first_line, self.encoding)
        return text

    def _retry(self, raw: bytes, first_line: int, exc: UnicodeDecodeError) -> str:
        if not self.confirmed and raw[: exc.start].isascii() and not _mostly_utf8(raw):
            self.encoding, self.confirmed = legacy_encoding(raw, self.path), True
            return raw.decode(self.encoding, errors="replace")
        self.confirmed = True
        lines = raw.split(b"\n")
        decoded = []
        for number, line in enumerate(lines, start=first_line):
            try:
                decoded.append(line.decode(self.encoding))
            except UnicodeDecodeError:
                decoded.append(line.decode("cp1252", errors="replace"))
                self.mixed_lines.append(number)
        return "\n".join(decoded)


def iter_lines(
    stream: BinaryIO, path: str | Path, encoding: str, *, forced: bool = False
) -> tuple[LineDecoder, Iterator[str]]:
    """Yield the decoded physical lines of `stream` (read from its start, BOM included)."""
    decoder = LineDecoder(path, encoding, forced=forced)
    if encoding.startswith("utf-16"):
        return decoder, _iter_utf16(stream, decoder)
    return decoder, _iter_blocks(stream, decoder)


def _iter_blocks(stream: BinaryIO, decoder: LineDecoder) -> Iterator[str]:
    first_line = 1
    while True:
        block = stream.read(BLOCK_BYTES)
        if not block:
            return
        if not block.endswith(b"\n"):
            block += stream.readline()
        text = decoder.decode(block, first_line)
        pieces = text.split("\n")
        last = pieces.pop()
        start, done = decoder.position, 0
        for piece in pieces:  # the block's bytes shared out by characters
            done += len(piece) + 1
            decoder.position = start + len(block) * done // len(text)
            yield piece + "\n"
        decoder.position = start + len(block)
        if last:
            yield last
        first_line += len(pieces)


def _iter_utf16(stream: BinaryIO, decoder: LineDecoder) -> Iterator[str]:
    text = stream.read().decode(decoder.encoding, errors="replace")
    check_is_text(text, decoder.path, 1, decoder.encoding)
    pieces = text.split("\n")
    for number, piece in enumerate(pieces, start=1):
        line_text = piece if number == len(pieces) else piece + "\n"
        if not line_text:
            continue
        yield line_text.lstrip("\ufeff") if number == 1 else line_text
