"""Damaged text: find it per comment, repair what can be repaired, tell files that are not text.

A comment is kept whatever bytes it carries; what is wrong with it is listed in `text_issues`
(kinds in :data:`ISSUE_KINDS`) and `text_clean` holds the repaired text. A file is refused only
when most of its lines are garbled (:func:`garbled_share`): then it is binary or not text.

Mojibake (UTF-8 text decoded as cp1252/latin-1 upstream: "Ã©", "â€™") is repaired with
``ftfy.fix_encoding``, which only undoes a mis-decoding when the result is more plausible text.
"""

from __future__ import annotations

import re

import ftfy

from feedback_nlp.schema import LIST_SEP

#: Every kind `text_issues` may list, in the order they are listed.
ISSUE_KINDS = (
    "replacement_char",  # U+FFFD: a character lost before export; dropped from text_clean
    "nul",  # NUL bytes; dropped from text_clean
    "control_chars",  # other C0/C1 control characters; spaces in text_clean
    "mojibake",  # UTF-8 read as cp1252 upstream; repaired in text_clean (ftfy)
    "truncated",  # longer than the prepare stage's max_chars; text_clean keeps the start
    "embedded_partly",  # more encoder windows than the embed cap; the rest is not embedded
    "quoted_text_removed",  # an earlier post quoted; not in text_clean (text/quotes.py)
    "signature_removed",  # a signature block or mobile footer; not in text_clean
    "quote_only",  # nothing but quotes: text_clean is empty
)

#: A fast screen for mojibake leads ("Ã©", "Â£", "â€™") before asking ftfy.
_MOJIBAKE_SCREEN = re.compile("[ÂÃ][\u0080-\u00bf\u0152-\u0192\u02c6-\u203a\u20ac\u2122]|â€")
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Characters that mark a line as damaged when checking whether a file is text.
DAMAGE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
#: A line whose characters are more than this share damage is garbled.
GARBLED_LINE = 0.3


def has_mojibake(text: str) -> bool:
    """True when `text` reads like UTF-8 decoded as cp1252 and ftfy can undo it."""
    if _MOJIBAKE_SCREEN.search(text) is None:
        return False
    return ftfy.fix_encoding(text) != text


def repair_mojibake(text: str) -> str:
    """`text` with UTF-8-read-as-cp1252 sequences decoded again (unchanged when none)."""
    if _MOJIBAKE_SCREEN.search(text) is None:
        return text
    return ftfy.fix_encoding(text)


def find_issues(text: object) -> list[str]:
    """Damage kinds in one raw comment: replacement_char, nul, control_chars, mojibake."""
    if not isinstance(text, str) or not text:
        return []
    found = []
    if "\ufffd" in text:
        found.append("replacement_char")
    if "\x00" in text:
        found.append("nul")
    if _CONTROL.search(text):
        found.append("control_chars")
    if has_mojibake(text):
        found.append("mojibake")
    return found


def merge_issues(*cells: object) -> str:
    """Join issue lists (cells or lists) into one cell, each kind once, in ISSUE_KINDS order."""
    kinds: set[str] = set()
    for cell in cells:
        if isinstance(cell, list | tuple | set):
            kinds.update(cell)
        elif isinstance(cell, str):
            kinds.update(part for part in cell.split(LIST_SEP) if part)
    order = {kind: i for i, kind in enumerate(ISSUE_KINDS)}
    return LIST_SEP.join(sorted(kinds, key=lambda k: (order.get(k, len(order)), k)))


def garbled_share(text: str) -> tuple[float, int]:
    """Share of non-blank lines of `text` that are garbled, and the 1-based first such line."""
    if DAMAGE.search(text) is None:
        return 0.0, 0
    lines = text.split("\n")
    total, garbled, first = 0, 0, 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        total += 1
        damaged = len(DAMAGE.findall(line))
        if damaged and damaged > GARBLED_LINE * len(line):
            garbled += 1
            first = first or number
    return (garbled / total if total else 0.0), first
