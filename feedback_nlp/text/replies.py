"""Survey replies that judge nothing ("no", "n/a", "nothing to add", "keine Angabe", "нет"),
and replies that are nothing but a judgement ("super", "gut", "nul", "terrible").

Open questions such as "Anything else you want to tell us?" collect many such replies. A
sentiment model trained on tweets reads "no" or "nichts" as negative; they are no complaint.
The list (`feedback_nlp/data/replies/no_judgement.toml`, written for the project) holds the
non-evaluative part of the built-in codebook's content-free replies in eleven languages;
`no_judgement_asia.toml` adds Japanese, Chinese, Korean, Thai, Indonesian and Vietnamese ones
("特になし", "没有", "없음", "ไม่มี", "tidak ada", "không có"; since stop 50). Chat closings
(`closings.toml`: "no that's all", "c'est tout", "nie, to wszystko") are read by
:func:`closing_replies` for theme units only (`feedback_nlp.topics.units`): they do not feed
this rule, since a closing word can answer a question ("Всё" to "What did you dislike?"). A
comment matches
when its whole text, case-folded and without surrounding punctuation (CJK's too), white space
or quotes, is one of them in any language (short replies are where language detection is
least sure). A codebook's own `[content_free]` list does not feed this rule: such lists hold
judging replies too ("good", "bad", "thanks"), which the sentiment stage must read. A dotted
abbreviation matches with and without its dots ("n.v.t.", "n.v.t", "nvt", "k. A.", "kA").

The evaluative list (`feedback_nlp/data/replies/evaluative.toml`, also written for the project)
gives the polarity of replies that only judge, in twelve languages: the model reads a bare
"gut", "super", "prima" or "nul" as neutral. Matched the same way.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

_EDGES = " \t\r\n.,;:!?¡¿…'\"«»“”„-–—()[]\u3000。、，．！？：；～「」『』（）"
_SPACES = re.compile(r"\s+")
#: A reply of dashes, dots and question marks only ("-", "...", "?"); not an emoticon (":(").
_MARKS_ONLY = re.compile(r"\s*[-–—.…?]+[-–—.…?\s]*")
#: "/", "-/-" and "./.": forms' marks for "not applicable" (not the face ":-/").
_NOT_APPLICABLE_MARKS = re.compile(r"\s*(?:([-–.])\s*/\s*\1|/)\s*")
#: An abbreviation of single letters with dots ("n.v.t", "k. A", "n.a"), its last dot cut.
_DOTTED = re.compile(r"[^\W\d_](?:\. ?[^\W\d_])+\.?")


def _read_no_judgement(file_name: str) -> dict[str, tuple[str, ...]]:
    data = resources.files("feedback_nlp") / "data" / "replies" / file_name
    table = tomllib.loads(data.read_text(encoding="utf-8"))["no_judgement"]
    return {lang: tuple(items) for lang, items in table.items()}


@lru_cache(maxsize=1)
def no_judgement_replies() -> dict[str, tuple[str, ...]]:
    """The list per language of the built-in codebook's languages, as written."""
    return _read_no_judgement("no_judgement.toml")


@lru_cache(maxsize=1)
def asian_no_judgement_replies() -> dict[str, tuple[str, ...]]:
    """The list per language for ja, zh, ko, th, id and vi, as written."""
    return _read_no_judgement("no_judgement_asia.toml")


@lru_cache(maxsize=1)
def closing_replies() -> dict[str, tuple[str, ...]]:
    """Chat closings per language ("no that's all", "das war's"), as written: for theme units
    (:mod:`feedback_nlp.topics.units`), not for :func:`is_no_judgement_reply`."""
    data = resources.files("feedback_nlp") / "data" / "replies" / "closings.toml"
    table = tomllib.loads(data.read_text(encoding="utf-8"))["closings"]
    return {lang: tuple(items) for lang, items in table.items()}


@lru_cache(maxsize=1)
def _normalised_replies() -> frozenset[str]:
    lists = [
        *no_judgement_replies().values(),
        *asian_no_judgement_replies().values(),
    ]
    return frozenset(normalise(reply) for items in lists for reply in items)


def normalise(text: str) -> str:
    """Case-folded, inner white space collapsed, surrounding punctuation and spaces removed,
    a dotted abbreviation without its dots ("N.V.T." and "nvt": "nvt")."""
    return _SPACES.sub(" ", undotted(text.strip(_EDGES))).casefold()


def undotted(reply: str) -> str:
    """A dotted abbreviation without its dots and spaces ("n.v.t." → "nvt", "k. A." → "kA");
    any other reply as it is."""
    return re.sub(r"[. ]", "", reply) if _DOTTED.fullmatch(reply.strip()) else reply


def with_undotted(replies: list[str]) -> list[str]:
    """`replies`, each dotted abbreviation followed by its form without dots, no repeats."""
    return list(dict.fromkeys(form for reply in replies for form in (reply, undotted(reply))))


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
    answer is required; an emoticon such as ":(" judges), or "/", "-/-" ("not applicable")."""
    if len(text) > 40:  # the longest listed reply has 22 characters
        return False
    if _MARKS_ONLY.fullmatch(text) or _NOT_APPLICABLE_MARKS.fullmatch(text):
        return True
    return normalise(text) in _normalised_replies()


@lru_cache(maxsize=1)
def _replies_of_several_languages() -> frozenset[str]:
    lists = {**no_judgement_replies(), **asian_no_judgement_replies()}
    languages_of: dict[str, set[str]] = {}
    for lang, items in lists.items():
        for reply in items:
            languages_of.setdefault(normalise(reply), set()).add(lang)
    return frozenset(reply for reply, langs in languages_of.items() if len(langs) > 1)


def is_reply_of_no_language(text: str) -> bool:
    """True when the whole `text` is a reply that judges nothing in two or more listed
    languages ("ok", "no", "n/a", "ja"): its words say nothing of its language."""
    return len(text) <= 40 and normalise(text) in _replies_of_several_languages()
