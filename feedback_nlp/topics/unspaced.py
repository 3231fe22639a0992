"""Keyword terms of scripts written without spaces, which spaCy cannot cut here.

spaCy's Japanese, Thai and Korean tokenizers need packages the toolkit does not ship; the
multi-language tokenizer keeps a Japanese sentence as one token and Chinese is cut into
single characters. So such text is read here: a run of Han characters gives its character
bigrams without a one-character Chinese stop word (most Chinese and Japanese words are two
characters: "房间很干净" -> "房间", "干净"; "很" is a stop word), a run of katakana is one
word ("アプリ", "パスワード"), and hiragana (Japanese grammar), Thai, Lao, Myanmar and Khmer
give no term. In Japanese text (one holding kana) kana cut the Han runs into words: a run of
2-3 characters is one word ("配達員", "玄関"; no "達員"), a longer one is read as words of two
characters ("配達遅延" -> "配達", "遅延"; a last odd character joins the last word). Chinese
bigrams that cross two words ("递晚" in "快递晚了") remain.

Names read a token holding Han or kana as these terms (`name_pieces`), never as a whole
sentence; a word of Thai or another script with combining marks keeps its marks
(`WORD_MARKS`: "สุภาพ" is one word, not "ส" and "ภาพ").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import cache, lru_cache

from feedback_nlp.topics.units import stop_words

#: A letter of a script written without spaces (Han, kana, Thai, Lao, Myanmar, Khmer).
UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f]"
)
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]{2,}")
_KATAKANA_RUN = re.compile("[\u30a1-\u30fa\u30fc\uff66-\uff9f]{2,}")
_KANA = re.compile("[\u3040-\u30ff\uff66-\uff9f]")
#: Han or kana: the letters a name reads as terms, never as one word.
_HAN_KANA = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f]"
)
_PIECES = re.compile(f"(?:{_HAN_KANA.pattern})+|(?:(?!{_HAN_KANA.pattern}).)+")
JAPANESE_WORD = 3  # the longest Han run of Japanese text read as one word


@cache
def mark_class_body() -> str:
    """The combining marks (Mn, Mc, Me) of every plane as the body of a regular-expression
    character class (above plane 1 only the variation selectors of plane 14 are marks)."""
    ranges: list[tuple[int, int]] = []
    for code in (*range(0x20000), *range(0xE0100, 0xE01F0)):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


#: A combining mark: part of the word of the letter before it (Thai vowel and tone marks).
WORD_MARKS = f"[{mark_class_body()}]"


def has_unspaced(text: str) -> bool:
    """Whether `text` holds a letter of a script written without spaces."""
    return UNSPACED.search(text) is not None


def unspaced_terms(text: str, stop_words: Collection[str] = ()) -> list[str]:
    """The Han bigrams and katakana words of `text`, in order, stop words left out."""
    if not has_unspaced(text):
        return []
    found: list[tuple[int, str]] = []
    japanese = _KANA.search(text) is not None
    for run in _HAN_RUN.finditer(text):
        words = _japanese_words(run.group()) if japanese else _bigrams(run.group())
        found += [(run.start() + start, word) for start, word in words]
    found += [(run.start(), run.group()) for run in _KATAKANA_RUN.finditer(text)]
    return [term for _, term in sorted(found) if term not in stop_words]


def name_pieces(token: str) -> list[str]:
    """The words a name may read in `token`: the token itself, or where it holds Han or kana
    its other letters and the terms of :func:`unspaced_terms` (no whole sentence)."""
    if _HAN_KANA.search(token) is None:
        return [token]
    pieces: list[str] = []
    for part in _PIECES.findall(token):
        pieces += unspaced_terms(part) if _HAN_KANA.match(part) else [part]
    return pieces


def _bigrams(chars: str) -> list[tuple[int, str]]:
    """Each pair of adjacent characters of a Chinese Han run, none a one-character stop word."""
    single = _stop_characters()
    return [
        (i, chars[i : i + 2])
        for i in range(len(chars) - 1)
        if chars[i] not in single and chars[i + 1] not in single
    ]


def _japanese_words(chars: str) -> list[tuple[int, str]]:
    """The words of a Han run of Japanese text: the run itself up to `JAPANESE_WORD`
    characters, else its pairs from the start, a last odd character joining the last pair."""
    if len(chars) <= JAPANESE_WORD:
        return [(0, chars)]
    starts = list(range(0, len(chars) - 1, 2))
    ends = [*starts[1:], len(chars)]
    return [(start, chars[start:end]) for start, end in zip(starts, ends, strict=True)]


@lru_cache(maxsize=1)
def _stop_characters() -> frozenset[str]:
    """The one-character Chinese stop words ("了", "的", "很", …)."""
    return frozenset(w for w in stop_words("zh") if len(w) == 1)
