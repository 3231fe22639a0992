"""Which 8-bit or East Asian legacy encoding a file that is not UTF-8 is in.

cp1252 stays the answer for Latin text. A file whose cp1252 reading is mostly runs of
accented letters (what Chinese, Japanese, Arabic or Cyrillic bytes look like as cp1252) is
given to charset-normalizer, limited to the legacy encodings of those scripts; when none of
them reads it either, the file is refused naming the encodings to try, never read as
gibberish.
"""

from __future__ import annotations

import re
from pathlib import Path

from feedback_nlp.errors import ReadError

#: Encodings tried for text whose cp1252 reading is gibberish (gb18030 covers GBK and GB2312,
#: cp932 is Windows' Shift-JIS).
_CANDIDATES = ("gb18030", "big5", "cp932", "euc_kr", "cp1256", "cp1251", "cp1253", "cp1255")
#: Runs of three or more non-ASCII bytes: rare in Latin text ("äß" is two), the form of
#: whole words in other scripts.
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")
#: Above this share of non-ASCII bytes in such runs, a cp1252 reading is taken for gibberish.
GIBBERISH_SHARE = 0.5
_HANZI = re.compile("[\u4e00-\u9fff]")
LEGACY_HINT = (
    "pass the file's encoding, e.g. --encoding gb18030 (Chinese), shift_jis (Japanese), "
    "cp1256 (Arabic) or cp1251 (Cyrillic), or save the file as UTF-8"
)


def legacy_encoding(sample: bytes, path: str | Path) -> str:
    """The encoding of `sample`, bytes that are not UTF-8: cp1252, or the legacy encoding of
    another script that charset-normalizer finds; ReadError when it finds none."""
    if not looks_like_other_script(sample):
        return "cp1252"
    found = _detected(sample)
    if found is None and _decodes(sample, "cp1252"):
        return "cp1252"  # no other script reads it either (a short "ÄÖÜ")
    if found is None:
        raise ReadError(
            path,
            "the file is not UTF-8, and read as cp1252 it is gibberish (runs of accented "
            "letters): it is in another legacy encoding",
            hint=LEGACY_HINT,
        )
    return found


def looks_like_other_script(sample: bytes) -> bool:
    """True when most non-ASCII bytes of `sample` come in runs of three or more of at least
    two different bytes (a repeated symbol, "€€€", "°°°", "•••", is Latin text's)."""
    high = sum(1 for byte in sample if byte > 127)
    if not high:
        return False
    runs = [run for run in _HIGH_RUN.findall(sample) if len(set(run)) > 1]
    return sum(len(run) for run in runs) > GIBBERISH_SHARE * high


def _detected(sample: bytes) -> str | None:
    """charset-normalizer's best reading of `sample` among the candidates (cp1252 too, which
    wins for Latin text after all), None when none reads it; cut at its last line break
    so that a character cut by the sample's end does not count against an encoding."""
    from charset_normalizer import from_bytes

    whole_lines = sample[: sample.rfind(b"\n") + 1] or sample
    best = from_bytes(whole_lines, cp_isolation=[*_CANDIDATES, "cp1252"]).best()
    if best is not None and best.encoding == "euc_kr" and _chinese_read_as_korean(whole_lines):
        return "gb18030"
    return None if best is None else best.encoding


def _chinese_read_as_korean(sample: bytes) -> bool:
    """True when `sample` read as EUC-KR mixes Chinese characters into the Hangul (Korean
    feedback rarely writes Hanja; short Chinese text often reads as both) and gb18030 reads
    it too."""
    korean = sample.decode("euc_kr", errors="replace")
    return _HANZI.search(korean) is not None and _decodes(sample, "gb18030")


def _decodes(sample: bytes, encoding: str) -> bool:
    """True when `sample` is valid in `encoding`."""
    try:
        sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
