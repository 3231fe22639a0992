"""The writing system of a word, so that a name joins only words of one script."""

from __future__ import annotations

import unicodedata


def script(word: str) -> str:
    """The script of `word`'s first letter, from its Unicode name ("LATIN", "CYRILLIC",
    "GREEK", "CJK", …); "" for a word without a letter."""
    for char in word:
        if char.isalpha():
            return unicodedata.name(char, "").split(" ")[0]
    return ""
