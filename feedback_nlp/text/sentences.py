"""Per-language sentence splitting: fast rules, no model.

A sentence ends at ``. ! ? …`` (one or more, plus closing quotes/brackets) followed by white
space, at the CJK/Devanagari/Arabic full stops (no space needed), or at a line break. Known
abbreviations of the comment's language (``e.g.``, ``z.B.``, ``Mme.`` …), initials and numbers
such as ``3.5`` do not end a sentence. Spans index into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "approx"}),
    "de": frozenset({"z.b", "bzw", "usw", "ca", "dr", "nr", "str", "u.a", "d.h", "evtl", "ggf"}),
    "fr": frozenset({"m", "mme", "mlle", "dr", "etc", "p.ex", "env", "cf"}),
    "es": frozenset({"sr", "sra", "srta", "dr", "dra", "etc", "p.ej", "ud", "uds", "aprox"}),
    "it": frozenset({"sig", "sig.ra", "dott", "ecc", "es", "p.es"}),
    "pt": frozenset({"sr", "sra", "dr", "dra", "etc", "p.ex"}),
    "nl": frozenset({"dhr", "mevr", "bijv", "enz", "o.a", "d.w.z"}),
    "ro": frozenset({"dl", "dna", "dr", "etc", "ex"}),
    "ru": frozenset({"т.е", "т.д", "т.п", "г", "ул", "др"}),
    "uk": frozenset({"т.д", "т.п", "вул", "р"}),
}
#: Contrastive conjunctions per language: the themes cut a sentence into clauses before them
#: (`topics.units`), and a comment holding one does not only deny a problem (`text.denials`).
CONTRAST_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("but", "however", "although", "though", "whereas", "yet", "except"),
    "fr": ("mais", "cependant", "pourtant", "toutefois", "sauf", "bien que"),
    "de": ("aber", "jedoch", "obwohl", "allerdings", "dennoch"),  # not "außer": "außer Betrieb"
    "es": ("pero", "sin embargo", "aunque", "excepto", "salvo"),
    "it": ("ma", "però", "tuttavia", "anche se", "eccetto", "tranne"),
    "pt": ("mas", "porém", "contudo", "embora", "exceto"),
    "ro": ("dar", "însă", "totuși", "deși", "cu excepția"),
    "ru": ("но", "однако", "хотя", "зато", "кроме"),
    "uk": ("але", "однак", "проте", "хоча", "крім"),
    "nl": ("maar", "echter", "hoewel", "behalve"),
    "pl": ("ale", "jednak", "chociaż", "choć", "oprócz"),
    "tr": ("ama", "fakat", "ancak", "rağmen"),
}
_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s)|[。！？!?؟।۔]+[\"'»”’)\]」』]*|\n+")
_WORD_BEFORE = re.compile(r"(\w+(?:\.\w+)*)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index in the comment, character span and text."""

    index: int
    start: int
    end: int
    text: str


def _is_false_end(text: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    if match.group().startswith(".") and len(match.group()) == 1:
        before = _WORD_BEFORE.search(text[: match.start()])
        if before:
            word = before.group(1).lower()
            if word in abbreviations or (len(word) == 1 and word.isalpha() and word.isupper()):
                return True
            if len(word) == 1 and text[match.start() - 1].isupper():
                return True
    return False


def split_sentences(text: str, lang: str | None = None) -> list[Sentence]:
    """Split `text` into sentences using the rules of `lang` (ISO 639-1; None: generic)."""
    if not isinstance(text, str) or not text.strip():
        return []
    abbreviations = ABBREVIATIONS.get(lang or "", frozenset())
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        if _is_false_end(text, match, abbreviations):
            continue
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    offset = start + (len(piece) - len(piece.lstrip()))
    sentences.append(Sentence(len(sentences), offset, offset + len(stripped), stripped))
