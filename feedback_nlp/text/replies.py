"""Survey replies that judge nothing ("no", "n/a", "nothing to add", "keine Angabe", "нет"),
and replies that are nothing but a judgement ("super", "gut", "nul", "terrible").

Open questions such as "Anything else you want to tell us?" collect many such replies. A
sentiment model trained on tweets reads "no" or "nichts" as negative; they are no complaint.
The list (`feedback_nlp/data/replies/no_judgement.toml`, written for the project) holds the
non-evaluative part of the built-in codebook's content-free replies in ten languages. A
comment matches when its whole text, case-folded and without surrounding punctuation, white
space or quotes, is one of them in any language (short replies are where language detection
is least sure).

The second list (`feedback_nlp/data/replies/evaluative.toml`, also written for the project)
gives the polarity of replies that only judge, in twelve languages: the model reads a bare
"gut", "super", "prima" or "nul" as neutral. Matched the same way.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

_EDGES = " \t\r\n.,;:!?¡¿…'\"«»“”„-–—()[]"
_SPACES = re.compile(r"\s+")
#: A reply of dashes, dots and question marks only ("-", "...", "?"); not an emoticon (":(").
_MARKS_ONLY = re.compile(r"\s*[-–—.…?]+[-–—.…?\s]*")


@lru_cache(maxsize=1)
def no_judgement_replies() -> dict[str, tuple[str, ...]]:
    """The list per language, as written."""
    data = resources.files("feedback_nlp") / "data" / "replies" / "no_judgement.toml"
    table = tomllib.loads(data.read_text(encoding="utf-8"))["no_judgement"]
    return {lang: tuple(items) for lang, items in table.items()}


@lru_cache(maxsize=1)
def _normalised_replies() -> frozenset[str]:
    return frozenset(normalise(r) for items in no_judgement_replies().values() for r in items)


def normalise(text: str) -> str:
    """Case-folded, inner white space collapsed, surrounding punctuation and spaces removed."""
    return _SPACES.sub(" ", text.strip(_EDGES)).casefold()


@lru_cache(maxsize=1)
def evaluative_replies() -> dict[str, dict[str, tuple[str, ...]]]:
    """Per polarity ("positive", "negative"), the list per language, as written."""
    data = resources.files("feedback_nlp") / "data" / "replies" / "evaluative.toml"
    table = tomllib.loads(data.read_text(encoding="utf-8"))
    return {
        polarity: {lang: tuple(items) for lang, items in table[polarity].items()}
        for polarity in ("positive", "negative")
    }


@lru_cache(maxsize=1)
def _normalised_evaluative() -> dict[str, str]:
    return {
        normalise(reply): polarity
        for polarity, by_lang in evaluative_replies().items()
        for items in by_lang.values()
        for reply in items
    }


def reply_polarity(text: str) -> str | None:
    """ "positive" or "negative" when the whole `text` is a reply that only judges ("super",
    "sehr gut", "nul"), in any listed language; else None."""
    if len(text) > 40:  # the longest listed reply has 19 characters
        return None
    return _normalised_evaluative().get(normalise(text))


def is_no_judgement_reply(text: str) -> bool:
    """True when the whole `text` is a reply that judges nothing (in any listed language), or
    only dashes, dots and question marks ("-", "...", "?": what survey forms get when an
    answer is required; an emoticon such as ":(" judges)."""
    if len(text) > 40:  # the longest listed reply has 22 characters
        return False
    normalised = normalise(text)
    return normalised in _normalised_replies() or _MARKS_ONLY.fullmatch(text) is not None
