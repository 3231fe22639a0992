"""Clean-up of raw comment text: HTML, BBCode, entities, control characters, Unicode form,
whitespace.

`clean_text` keeps every script and emoji; it only removes markup and noise (HTML tags, and the
BBCode tags of forum and Steam exports, ``[b]``, ``[url=…]``, ``[list]``, …, in a text that
closes at least one of them; their text stays), drops replacement characters (U+FFFD) and
repairs mojibake (UTF-8 read as cp1252, see :mod:`feedback_nlp.text.damage`). Paragraph
breaks (``<br>``, ``<p>``, ``[list]``, ``[*]``, newlines) survive as a single ``\\n`` so that
sentence splitting can use them; every other run of whitespace becomes one space.

`clean_comment` cleans a comment the same way and takes quoted posts, quote headers and
signature blocks out of it (:mod:`feedback_nlp.text.quotes`): the prepare stage's `text_clean`
holds only the author's own words.
"""

from __future__ import annotations

import html
import re
import unicodedata

import pandas as pd

from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text.damage import repair_mojibake
from feedback_nlp.text.quotes import Stripped, split_quote_tags, strip_quotes

_PLACEHOLDER_NAMES = "|".join(p.strip("<>") for p in PII_PLACEHOLDERS.values() if p.startswith("<"))
# Block-level tags become line breaks; inline tags become nothing (or a space between words).
_BREAK_TAG = re.compile(
    r"<\s*(?:br|/?p|/?div|/?li|/?ul|/?ol|/?tr|/?h[1-6]|/?blockquote)\b[^<>]*>", re.IGNORECASE
)
# A tag starts with a letter (or /letter) right after '<': "a < b" and "<3" are not tags.
# The PII placeholders (<EMAIL>, …) look like tags and are kept, and so is an address in
# angle brackets ("Bob <bob@example.com>", a mail header), which redaction then reads.
_TAG = re.compile(rf"<(?!(?:{_PLACEHOLDER_NAMES})>)(?![^<>\s@]+@[^<>\s@]+>)/?[A-Za-z][^<>]*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# BBCode (phpBB, Steam, vBulletin): only known tag names, so "[1]", "[sic]" or "[deleted]"
# stay, and only in a text that closes one of them ("arr[i] = 3" stays). Block tags become
# line breaks, inline tags nothing; a tag's text is kept.
_BB_BLOCK = "list|olist|ulist|\\*|quote|code|table|tr|th|td|h[1-6]|hr|center|left|right|indent"
_BB_INLINE = "b|i|u|s|strike|spoiler|url|img|email|color|colour|size|font|noparse|sup|sub|highlight"
_BB_BREAK_TAG = re.compile(rf"\[/?(?:{_BB_BLOCK})(?:[= ][^\[\]\n]*)?\]", re.IGNORECASE)
_BB_TAG = re.compile(rf"\[/?(?:{_BB_INLINE})(?:=[^\[\]\n]*)?\]", re.IGNORECASE)
_BB_CLOSING = re.compile(rf"\[/(?:{_BB_BLOCK}|{_BB_INLINE})\]", re.IGNORECASE)
#: Invisible characters that carry no meaning in a comment (also stripped from score cells).
#: Zero-width joiners and variation selectors are kept: emoji sequences need them.
INVISIBLE_MARKS = dict.fromkeys(
    map(ord, "\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r" ?\n[\s]*")


def clean_text(text: object) -> str:
    """Clean one comment; None, NaN and NA give ""."""
    if _missing(text):
        return ""
    text = repair_mojibake(str(text)).replace("\ufffd", "")
    if "<" in text:
        text = _COMMENT.sub(" ", text)
        text = _BREAK_TAG.sub("\n", text)
        text = _TAG.sub(" ", text)
    if "[/" in text and _BB_CLOSING.search(text):
        text = _BB_BREAK_TAG.sub("\n", text)
        text = _BB_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub(" ", text.translate(INVISIBLE_MARKS))
    text = unicodedata.normalize("NFC", text)
    text = _HORIZONTAL_SPACE.sub(" ", text)
    text = _LINE_BREAKS.sub("\n", text)
    return text.strip()


def clean_comment(text: object) -> Stripped:
    """Clean one comment (as `clean_text`) and take out its quoted posts, quote headers and
    signature blocks: `.text` holds the author's own words, `.quoted` and `.signature` the
    rest, `.issues` the `text_issues` kinds that say so."""
    if _missing(text):
        return Stripped("")
    parts = split_quote_tags(str(text))
    return strip_quotes([(quoted, clean_text(part)) for quoted, part in parts])


def _missing(text: object) -> bool:
    """True for None, NaN and NA."""
    return text is None or text is pd.NA or (isinstance(text, float) and text != text)


def clean_texts(texts: pd.Series) -> pd.Series:
    """`clean_text` over a Series; same index, string dtype."""
    return pd.Series([clean_text(t) for t in texts], index=texts.index, dtype="string")
