"""Encoding detection and line-by-line decoding that never returns garbled text.

Supported: UTF-8 with or without BOM, UTF-16 with BOM (LE/BE), UTF-16 without BOM when the NUL
pattern is unambiguous, and cp1252 as the fallback for 8-bit files. Every decoded line is
checked for replacement characters, NULs, control characters and UTF-8-read-as-cp1252 mojibake;
any of them raises :class:`ReadError` naming the line.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from feedback_nlp.errors import ReadError

SAMPLE_BYTES = 1 << 16

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: UTF-8 text that was decoded as cp1252/latin-1 somewhere upstream ("Ã©", "â€™", "Â ").
_MOJIBAKE = re.compile(
    "[ÂÃ][\u00a0-\u00bf]|Ã[\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")

ENCODING_HINT = (
    "save the file as UTF-8 (or pass encoding='...' / --encoding with the file's real encoding)"
)


def detect_encoding(sample: bytes, path: str | Path) -> str:
    """Name the encoding of a file from its first bytes (BOM, NUL pattern, UTF-8 validity)."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        return _utf16_without_bom(sample, path)
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # a character cut by the end of the sample
            return "utf-8"
    return "cp1252"


def _utf16_without_bom(sample: bytes, path: str | Path) -> str:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    line = sample[: sample.index(b"\x00")].count(b"\n") + 1
    raise ReadError(
        path,
        "the file contains NUL bytes: it is binary or not a text export",
        line=line,
        hint=ENCODING_HINT,
    )


def check_text(text: str, path: str | Path, line: int, encoding: str) -> None:
    """Raise ReadError if `text` shows signs of a wrong encoding or binary content."""
    bad = _CONTROL.search(text)
    if bad:
        what = "a replacement character (U+FFFD)" if bad.group() == "\ufffd" else "control bytes"
        raise ReadError(
            path,
            f"the text contains {what} near {text[max(0, bad.start() - 15) : bad.end() + 15]!r}: "
            f"it was decoded as {encoding} but is binary or in another encoding",
            line=line,
            hint=ENCODING_HINT,
        )
    garbled = _MOJIBAKE.search(text)
    if garbled:
        snippet = text[max(0, garbled.start() - 15) : garbled.end() + 15]
        raise ReadError(
            path,
            f"the text looks garbled ({snippet!r}): UTF-8 text was decoded as cp1252 "
            "somewhere before or while reading it",
            line=line,
            hint="re-export the file as UTF-8 from the original tool",
        )


_MOJIBAKE_LEADS = ("Â", "Ã", "â€")  # a fast screen before the full mojibake pattern
BLOCK_BYTES = 1 << 20


class LineDecoder:
    """Decode a file block by block, switching an all-ASCII start to cp1252 if needed."""

    def __init__(self, path: str | Path, encoding: str, *, forced: bool = False) -> None:
        self.path = path
        self.encoding = encoding
        self.confirmed = forced or encoding != "utf-8"

    def decode(self, raw: bytes, first_line: int) -> str:
        """Decode a block of whole lines starting at `first_line` (1-based) and check it."""
        try:
            text = raw.decode(self.encoding)
        except UnicodeDecodeError as exc:
            text = self._retry(raw, first_line, exc)
        if not self.confirmed and not raw.isascii():
            self.confirmed = True
        problem = _CONTROL.search(text)
        if problem is None and any(lead in text for lead in _MOJIBAKE_LEADS):
            problem = _MOJIBAKE.search(text)
        if problem:
            line_start = text.rfind("\n", 0, problem.start()) + 1
            line_end = text.find("\n", problem.start())
            line = first_line + text.count("\n", 0, problem.start())
            check_text(
                text[line_start : line_end if line_end >= 0 else None],
                self.path,
                line,
                self.encoding,
            )
        return text

    def _retry(self, raw: bytes, first_line: int, exc: UnicodeDecodeError) -> str:
        if not self.confirmed and raw[: exc.start].isascii():
            self.encoding, self.confirmed = "cp1252", True
            try:
                return raw.decode("cp1252")
            except UnicodeDecodeError as inner:
                exc = inner
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        raise ReadError(
            self.path,
            f"byte {raw[exc.start : exc.start + 1]!r} at column {exc.start - line_start + 1} is "
            f"not valid {self.encoding}: the file mixes encodings or is binary",
            line=first_line + raw.count(b"\n", 0, exc.start),
            hint=ENCODING_HINT,
        ) from None


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
        pieces = decoder.decode(block, first_line).split("\n")
        last = pieces.pop()
        yield from (piece + "\n" for piece in pieces)
        if last:
            yield last
        first_line += len(pieces)


def _iter_utf16(stream: BinaryIO, decoder: LineDecoder) -> Iterator[str]:
    data = stream.read()
    try:
        text = data.decode(decoder.encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(decoder.encoding, errors="replace").count("\n") + 1
        raise ReadError(
            decoder.path,
            f"the bytes are not valid {decoder.encoding} (truncated or mixed encodings)",
            line=line,
            hint=ENCODING_HINT,
        ) from None
    pieces = text.split("\n")
    for number, piece in enumerate(pieces, start=1):
        line_text = piece if number == len(pieces) else piece + "\n"
        if not line_text:
            continue
        check_text(line_text.lstrip("\ufeff"), decoder.path, number, decoder.encoding)
        yield line_text.lstrip("\ufeff") if number == 1 else line_text
