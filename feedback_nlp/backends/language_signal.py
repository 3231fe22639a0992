"""What a language detector reads of a text, and language codes.

:func:`language_signal` keeps the part of a text that can carry language (no URLs, e-mails,
placeholders, handles, digits or punctuation), :func:`letter_count` measures it, and
:func:`normalise_code` / :func:`is_language_code` turn a backend's label or a locale into
ISO 639-1.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from feedback_nlp.backends.scripts import DECISIVE_SCRIPT_RE
from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text import social

#: Characters of a long text that detectors look at (the start of the text).
MAX_DETECT_CHARS = 2000
#: Codes some models use that are not ISO 639-1, mapped to ISO 639-1.
_CODE_ALIASES = {"zh-cn": "zh", "zh-tw": "zh", "no": "nb", "iw": "he", "in": "id", "ji": "yi"}
#: A locale: a two-letter language, then subtags (region, script, variant) and an optional
#: encoding ("de-de", "pt_br", "zh-hant", "zh-hans-cn", "zh-s", "de_de.utf-8").
_LOCALE_RE = re.compile(r"([a-z]{2})(?:[-_][a-z0-9]{1,8})+(?:\.[\w-]+)?")

_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PII_PLACEHOLDERS.values()))
#: A text that is one dotted token ending in a top-level domain of letters, then a path or
#: punctuation ("shop.example.fr", "example.de/", "пример.рф"), is a domain; "v5.3.0!" is not.
_LONE_DOMAIN_RE = re.compile(r"(?:[\w-]+\.)+[^\W\d_]{2,63}\.?(?:[/:?#]\S*|[^\w\s]*)")
#: Where a character of ASCII touches a letter of a script that names its language (Han, kana,
#: Hangul, Thai…, written without spaces): "5.3.0から", "v5.3の後", "info@example.jpまで".
_SCRIPT_SEAM_RE = re.compile(
    f"(?<=[!-~])(?={DECISIVE_SCRIPT_RE.pattern})|(?<={DECISIVE_SCRIPT_RE.pattern})(?=[!-~])"
)
#: Combining marks that belong to words (NFD diacritics, Indic, Thai, Arabic, Hebrew vowels).
_WORD_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
)
_NON_LETTERS_RE = re.compile(f"(?:[\\d_]|[^\\w{_WORD_MARKS}])+")


def language_signal(text: Any) -> str:
    """The part of `text` that can carry language: no URLs, e-mails, PII placeholders,
    @handles, RT markers, digits, punctuation or symbols (hashtags keep their words);
    whitespace collapsed. Anything that is not a string gives ''."""
    if not isinstance(text, str):
        return ""
    text = text[: MAX_DETECT_CHARS * 2]
    if not text.isascii() and DECISIVE_SCRIPT_RE.search(text):
        text = _SCRIPT_SEAM_RE.sub(" ", text)  # a number or address is not part of a word
    if "<" in text:
        text = _PLACEHOLDER_RE.sub(" ", text)
    if "@" in text or "/" in text or "." in text:
        if _LONE_DOMAIN_RE.fullmatch(text.strip()):
            return ""
        text = social.URL_RE.sub(" ", text)
    if "@" in text or "#" in text or "RT" in text:
        text = social.strip_social(text)
    return _NON_LETTERS_RE.sub(" ", text).strip()[:MAX_DETECT_CHARS]


def letter_count(signal: str) -> int:
    """Number of letters in a prepared text; 0 when one letter repeats (``"xxxx"``)."""
    if len(set(signal[:64].lower()) - {" "}) < 2:
        return 0
    return len(signal) - signal.count(" ")


@lru_cache(maxsize=1024)
def normalise_code(code: str) -> str:
    """Lower-case ISO 639-1 code from a backend's label or a locale ("de-DE" → "de")."""
    code = code.replace("__label__", "").strip().lower()
    code = _CODE_ALIASES.get(code, code)
    region = _LOCALE_RE.fullmatch(code)  # a locale ("de-DE", "pt_BR"): its language
    return _CODE_ALIASES.get(region.group(1), region.group(1)) if region else code


@lru_cache(maxsize=1024)
def is_language_code(code: str) -> bool:
    """Whether `code` is an ISO 639-1 language code ("de", "nb"; not "us", "xx" or "zh-s")."""
    import pycountry

    return (
        bool(re.fullmatch(r"[a-z]{2}", code)) and pycountry.languages.get(alpha_2=code) is not None
    )
