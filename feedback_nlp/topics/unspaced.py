"""Keyword terms of scripts written without spaces, which spaCy cannot cut here.

spaCy's Japanese, Thai and Korean tokenizers need packages the toolkit does not ship; the
multi-language tokenizer keeps a Japanese sentence as one token and Chinese is cut into
single characters. So such text is read here: a run of Han characters gives its character
bigrams without a one-character Chinese stop word (most Chinese and Japanese words are two
characters: "房间很干净" -> "房间", "干净"; "很" is a stop word), a run of katakana is one
word ("アプリ", "パスワード"), and hiragana (Japanese grammar), Thai, Lao, Myanmar and Khmer
give no term. Bigrams that cross two words ("递晚" in "快递晚了") remain.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from feedback_nlp.topics.units import stop_words

#: A letter of a script written without spaces (Han, kana, Thai, Lao, Myanmar, Khmer).
UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f]"
)
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]{2,}")
_KATAKANA_RUN = re.compile("[\u30a1-\u30fa\u30fc\uff66-\uff9f]{2,}")


def has_unspaced(text: str) -> bool:
    """Whether `text` holds a letter of a script written without spaces."""
    return UNSPACED.search(text) is not None


def unspaced_terms(text: str, stop_words: Collection[str] = ()) -> list[str]:
    """The Han bigrams and katakana words of `text`, in order, stop words left out."""
    if not has_unspaced(text):
        return []
    found: list[tuple[int, str]] = []
    single = _stop_characters()
    for run in _HAN_RUN.finditer(text):
        chars = run.group()
        found += [
            (run.start() + i, chars[i : i + 2])
            for i in range(len(chars) - 1)
            if chars[i] not in single and chars[i + 1] not in single
        ]
    found += [(run.start(), run.group()) for run in _KATAKANA_RUN.finditer(text)]
    return [term for _, term in sorted(found) if term not in stop_words]


@lru_cache(maxsize=1)
def _stop_characters() -> frozenset[str]:
    """The one-character Chinese stop words ("了", "的", "很", …)."""
    return frozenset(w for w in stop_words("zh") if len(w) == 1)
