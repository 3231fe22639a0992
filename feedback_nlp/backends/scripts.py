"""Writing systems and the languages they allow, for the language detectors.

Two rules, both independent of any model:

* A script that names its language (Hangul, kana, Thai, Greek…) decides when most letters
  are written in it (`script_language`).
* A language is only possible for a text holding letters of the script it is written in
  (`allows`): "A man stole my phone" cannot be Thai, nor "привет" English. fastText's
  compressed model does rank such languages first on some short texts, and a detector that
  trusts it would report a Thai customer in an English survey.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

LATIN = "LATIN"
#: Scripts that name their language when they hold most of a text's letters.
SCRIPT_LANGUAGE = {
    "HANGUL": "ko",
    "THAI": "th",
    "GREEK": "el",
    "HEBREW": "he",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "BENGALI": "bn",
    "GUJARATI": "gu",
    "GURMUKHI": "pa",
    "TAMIL": "ta",
    "TELUGU": "te",
    "KHMER": "km",
    "LAO": "lo",
    "ETHIOPIC": "am",
    "SINHALA": "si",
    "MYANMAR": "my",
}
_KANA = ("HIRAGANA", "KATAKANA")
#: Letters of scripts that name their language (Greek, Hebrew, Thai, Hangul, kana, Han, …).
DECISIVE_SCRIPT_RE = re.compile(
    "[\u0370-\u03ff\u0530-\u05ff\u0980-\u0dff\u0e00-\u0eff\u1000-\u109f\u10a0-\u10ff"
    "\u1100-\u11ff\u1200-\u137f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)


def _languages(script: str, codes: str) -> dict[str, frozenset[str]]:
    return {code: frozenset({script}) for code in codes.split()}


#: The scripts each language is written in, for languages not written in Latin letters (every
#: other ISO 639-1 code is Latin). Languages written in two scripts list both.
LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    **_languages("CYRILLIC", "ru uk bg be mk kk ky tg mn tt ba cv ce os av kv"),
    **_languages("ARABIC", "ar fa ur ps sd ug"),
    **_languages("HEBREW", "he yi"),
    **_languages("DEVANAGARI", "hi mr ne sa"),
    **_languages("BENGALI", "bn as"),
    **_languages("TIBETAN", "bo dz"),
    **_languages("ETHIOPIC", "am ti"),
    **_languages("GREEK", "el"),
    **_languages("GEORGIAN", "ka"),
    **_languages("ARMENIAN", "hy"),
    **_languages("GURMUKHI", "pa"),
    **_languages("GUJARATI", "gu"),
    **_languages("ORIYA", "or"),
    **_languages("TAMIL", "ta"),
    **_languages("TELUGU", "te"),
    **_languages("KANNADA", "kn"),
    **_languages("MALAYALAM", "ml"),
    **_languages("SINHALA", "si"),
    **_languages("THAI", "th"),
    **_languages("LAO", "lo"),
    **_languages("KHMER", "km"),
    **_languages("MYANMAR", "my"),
    **_languages("THAANA", "dv"),
    "zh": frozenset({"CJK"}),
    "ja": frozenset({"CJK", *_KANA}),
    "ko": frozenset({"HANGUL", "CJK"}),
    "sr": frozenset({"CYRILLIC", LATIN}),
    "uz": frozenset({"CYRILLIC", LATIN}),
    "az": frozenset({"CYRILLIC", "ARABIC", LATIN}),
    "ku": frozenset({"ARABIC", LATIN}),
}
#: Letters read to find a text's scripts (the start of the text says enough).
_SCRIPT_SAMPLE = 400


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    """The script of a character: the first word of its Unicode name ("LATIN", "CJK", …)."""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def scripts_in(signal: str) -> frozenset[str]:
    """The scripts of the letters in a prepared text (its first letters)."""
    if signal.isascii():
        return frozenset({LATIN}) if any(ch.isalpha() for ch in signal) else frozenset()
    return frozenset(script_of(ch) for ch in signal[:_SCRIPT_SAMPLE] if ch.isalpha())


def allows(lang: str, scripts: frozenset[str]) -> bool:
    """Whether a text whose letters are in `scripts` can be in `lang`."""
    return not scripts or bool(LANGUAGE_SCRIPTS.get(lang, frozenset({LATIN})) & scripts)


def possible(
    ranked: Iterable[tuple[str, float]], scripts: frozenset[str]
) -> list[tuple[str, float]]:
    """The ranked languages the text's scripts allow; all of them when none is allowed (a
    script no language of the list is written in says nothing for or against any)."""
    ranked = list(ranked)
    kept = [item for item in ranked if allows(item[0], scripts)]
    return kept or ranked


def script_language(signal: str) -> str | None:
    """The language a script decides on its own (Hangul → ko, kana → ja, Han → zh, Greek → el…),
    when most letters are in that script (kana and Han together for Japanese); None when the
    script is shared (Latin, Cyrillic…)."""
    if signal.isascii() or not DECISIVE_SCRIPT_RE.search(signal):
        return None
    counts: dict[str, int] = {}
    letters = 0
    for ch in signal:
        if ch.isalpha():
            letters += 1
            script = script_of(ch)
            if script in SCRIPT_LANGUAGE:
                counts[script] = counts.get(script, 0) + 1
    if not counts or letters == 0:
        return None
    kana = sum(counts.get(script, 0) for script in _KANA)
    if kana and "CJK" in counts:
        return "ja" if (kana + counts["CJK"]) * 2 > letters else None
    script, count = max(counts.items(), key=lambda item: item[1])
    return SCRIPT_LANGUAGE[script] if count * 2 > letters else None
