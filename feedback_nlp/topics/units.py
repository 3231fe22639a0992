"""Theme units: the sentences and clauses of a comment, each of which can raise its own issue.

A long verbatim ("The engineer never came. When I called, I was transferred three times, but
the refund was quick.") raises several issues; its whole-comment embedding is dominated by
what the comment shares with every other one. The theme model therefore works on *units*:
the comment's sentences (`feedback_nlp.text.sentences`), each further split before a
contrastive conjunction ("but", "however", "mais", "aber", "pero", "но", …), at semicolons and
at dashes. A part of fewer than `min_words` words is joined to its neighbour ("Great, but" is
no unit of its own).

A unit *says something* when it has at least one content word: a word that is neither a stop
word of its language (spaCy's lists, no model needed) nor in the codebook's list of
content-free replies ("ok", "nothing to add", "rien", "nada", greetings and sign-offs such as
"hello", "moin", "kind regards", …), read without its web addresses, @handles, retweet
markers and redaction placeholders (a hashtag keeps its words). A contact line ("You can reach
me at <EMAIL>", `feedback_nlp.topics.contact_lines`), a reference line ("Kundennummer <ID>.",
`feedback_nlp.topics.reference_lines`) and a chat closing ("no that's all",
`feedback_nlp.text.replies.closing_replies`) say nothing either. Content-free units and
comments get no theme ("Other").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from feedback_nlp.text.replies import closing_replies
from feedback_nlp.text.sentences import CONTRAST_WORDS, split_sentences
from feedback_nlp.text.social import URL_RE, has_social_markup, strip_social
from feedback_nlp.topics.contact_lines import (
    ALL_CONTACT_WORDS,
    ANY_PLACEHOLDER,
    NEGATIONS,
    holds_contact_details,
)
from feedback_nlp.topics.reference_lines import FILLER_WORDS, is_label, without_reference_values

#: "and" after a comma joins two clauses that often raise two issues ("the app crashes, and
#: my parcel is late"); the sentence is cut there too.
COMMA_AND: dict[str, tuple[str, ...]] = {
    "en": ("and",), "fr": ("et",), "de": ("und",), "es": ("y", "e"), "it": ("e", "ed"),
    "pt": ("e",), "ro": ("și", "şi"), "ru": ("и", "а"), "uk": ("і", "й", "а"), "nl": ("en",),
    "pl": ("i", "a"), "tr": ("ve",),
}  # fmt: skip
#: Where a sentence turns ("the rider was kind, but the food was cold") in languages whose
#: contrast is not a spaced word before the clause (`text.sentences.CONTRAST_WORDS`, which the
#: denial and complaint rules share): Chinese before 但是/可是/然而/可惜 (but, however, pity;
#: not 不但是 "not only"), before 但 (not 不但, 但愿, 但凡), after a comma before 却 and 不过
#: (not 不过来/不过去/不过了/不过如此: "cannot cope", "could not be better", "nothing more");
#: Japanese after が、, けど/けれど(も) (not やけど "burn", save Kansai んやけど), のに after
#: a comma or after な/い/た/だ (なのに, 高いのに, 頼んだのに: "although") and before
#: しかし/でも/ただ after a comma; Korean after a verb ending in -지만 and before
#: 하지만/그런데/그러나; Thai before แต่ with or without a space (not แต่ง "to dress", แต่ละ
#: "each", แต่ก่อน/แต่เดิม/แต่แรก "formerly", nor ตั้งแต่ "since", ได้แต่/มีแต่/เอาแต่ "only");
#: Vietnamese before nhưng/tuy nhiên and after a comma before song (not "song song",
#: parallel); Indonesian and Malay before their spaced words.
CLAUSE_TURNS: dict[str, str] = {
    "zh": r"(?<![不非])(?=但是|可是|然而|可惜)|(?<![不非])(?=但(?![是愿願凡]))"
    r"|(?<=[，,])\s*(?=[却卻]|不[过過](?![来來去了]|如此))",
    "ja": r"(?<=が[、,])|(?<=けど)(?<!(?<!ん)やけど)[、,]?\s*|(?<=けれど)[、,]?\s*"
    r"|(?<=けれども)[、,]?\s*|(?<=のに)[、,]\s*|(?<=[ないただ]のに)(?![、,])\s*"
    r"|[、,]\s*(?=しかし|でも|ただ)",
    "ko": r"(?<=지만)[,]?\s+|[,]?\s+(?=하지만|그런데|그러나)",
    "th": r"\s*(?<!ตั้ง)(?<!ได้)(?<!มี)(?<!เอา)(?<=.)(?=แต่(?!ง|ละ|ก่อน|เดิม|แรก))",
    "vi": r",?\s+(?=(?:nhưng|tuy nhiên)\s)|,\s+(?=song\s(?!song))",
    "id": r",?\s+(?=(?:tapi|tetapi|namun|sayangnya)\s)",
    "ms": r",?\s+(?=(?:tapi|tetapi|namun|sayangnya)\s)",
}
MIN_UNIT_WORDS = 2
#: A letter of a script written without spaces between words (Han, kana, Thai, Lao, Myanmar,
#: Khmer; Korean puts spaces between words).
_UNSPACED_LETTER = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f]"
)


def word_count(text: str) -> int:
    """The words of `text`: whitespace-separated, and in scripts written without spaces every
    two letters one word ("房间干净" counts 2; before stop 49 a Chinese sentence counted one
    word, so every Chinese or Japanese comment stayed one unit)."""
    unspaced = len(_UNSPACED_LETTER.findall(text))
    if not unspaced:
        return len(text.split())
    rest = _UNSPACED_LETTER.sub(" ", text).split()
    return sum(any(c.isalnum() for c in word) for word in rest) + unspaced // 2


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


@dataclass
class Units:
    """The units of a list of comments, in comment order.

    `owner[i]` is the row of the comment unit i belongs to, `whole[i]` says the unit is the
    entire comment (its embedding is the comment's), `says_something[i]` that it has a
    content word.
    """

    owner: np.ndarray  # int64
    text: list[str]
    lang: list[str]
    whole: np.ndarray  # bool
    says_something: np.ndarray  # bool

    def __len__(self) -> int:
        return len(self.text)


@lru_cache(maxsize=64)
def _clause_pattern(lang: str) -> re.Pattern[str]:
    words = CONTRAST_WORDS.get(lang, ())
    alternatives = [r"\s*[;；]\s*", r"\s*--+\s*", r"\s+[–—]\s+"]
    if lang in CLAUSE_TURNS:
        alternatives.append(CLAUSE_TURNS[lang])
    if words:
        joined = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        alternatives.append(rf",?\s+(?=(?:{joined})\b)")
    if lang in COMMA_AND:
        joined = "|".join(re.escape(w) for w in COMMA_AND[lang])
        alternatives.append(rf",\s+(?=(?:{joined})\s)")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _joined(left: str, right: str, source: str) -> str:
    """`left` and `right` joined as `source` wrote them: without a space between two letters
    of an unspaced script that touch there ("客服忙" + "不过来"), else with one."""
    touching = left[-1:] + right[:1]
    unspaced = len(_UNSPACED_LETTER.findall(touching)) == 2
    return f"{left}{right}" if unspaced and touching in source else f"{left} {right}"


def split_clauses(sentence: str, lang: str, min_words: int = MIN_UNIT_WORDS) -> list[str]:
    """The clauses of one sentence; parts shorter than `min_words` join their neighbour."""
    parts = [p.strip(" ,、，") for p in _clause_pattern(lang).split(sentence)]
    merged: list[str] = []
    for part in (p for p in parts if p):
        if merged and (word_count(part) < min_words or word_count(merged[-1]) < min_words):
            merged[-1] = _joined(merged[-1], part, sentence)
        else:
            merged.append(part)
    return merged


def comment_units(text: str, lang: str, min_words: int = MIN_UNIT_WORDS) -> list[str]:
    """The units of one comment: its sentences cut into clauses (at least one, if any text)."""
    units: list[str] = []
    for sentence in split_sentences(text, lang):
        for clause in split_clauses(sentence.text, lang, min_words):
            if units and word_count(clause) < min_words:
                units[-1] = _joined(units[-1], clause, text)
            else:
                units.append(clause)
    return units


def split_units(
    texts: Sequence[str],
    langs: Sequence[str],
    content_free: Mapping[str, Iterable[str]] | None = None,
    min_words: int = MIN_UNIT_WORDS,
) -> Units:
    """The units of every comment (empty comments have none)."""
    owner: list[int] = []
    unit_texts: list[str] = []
    unit_langs: list[str] = []
    whole: list[bool] = []
    for row, (text, lang) in enumerate(zip(texts, langs, strict=True)):
        parts = comment_units(str(text or ""), str(lang), min_words)
        for part in parts:
            owner.append(row)
            unit_texts.append(part)
            unit_langs.append(str(lang))
            whole.append(len(parts) == 1)
    checker = ContentCheck(content_free or {})
    return Units(
        owner=np.asarray(owner, dtype=np.int64),
        text=unit_texts,
        lang=unit_langs,
        whole=np.asarray(whole, dtype=bool),
        says_something=np.asarray(
            [
                checker.says_something(t, lang)
                for t, lang in zip(unit_texts, unit_langs, strict=True)
            ],
            dtype=bool,
        ),
    )


class ContentCheck:
    """Does a text carry a content word (not a stop word, not a content-free reply)?"""

    def __init__(self, content_free: Mapping[str, Iterable[str]]) -> None:
        self._replies = {
            lang: {_normalise(p) for p in phrases} for lang, phrases in content_free.items()
        }
        self._generic = {p for phrases in self._replies.values() for p in phrases if " " not in p}
        #: Replies of every language: short replies are where language detection is least
        #: sure ("N/A" read as Dutch formed a theme of its own before stop 48).
        self._any_reply = {p for phrases in self._replies.values() for p in phrases}
        #: What a contact line's words may be without saying anything (`contact_lines`).
        self._contact_words = self._generic | ALL_CONTACT_WORDS | stop_words("en")
        #: Chat closings of every language ("no that's all", "nie, to wszystko").
        self._closings = {_normalise(p) for phrases in closing_replies().values() for p in phrases}
        self._any_reply |= self._closings

    def says_something(self, text: str, lang: str) -> bool:
        """False for empty text, a content-free reply or chat closing, a contact line, a
        reference line, or only stop words and generic words (web addresses, @handles,
        retweet markers and redaction placeholders are not read)."""
        contact_line = "<" in text and holds_contact_details(text)
        unreferenced = without_reference_values(text)
        if unreferenced is not None:
            text = unreferenced
        if "<" in text:
            text = ANY_PLACEHOLDER.sub(" ", text)
        if has_social_markup(text):
            text = strip_social(URL_RE.sub(" ", text))
        said = _normalise(text).split()
        if not said or self._is_reply(said):
            return False
        if not contact_line and unreferenced is None:
            stop = stop_words(lang)
            return any(w not in stop and w not in self._generic for w in said)
        if any(w in NEGATIONS for w in said):
            return True  # "No reply from <EMAIL>": a complaint, not a contact line
        return any(
            not self._beside_details(w, lang, contact_line, unreferenced is not None) for w in said
        )

    def _is_reply(self, said: list[str]) -> bool:
        """A content-free reply, or a chat closing between generic words ("ok that's all
        thanks")."""
        if " ".join(said) in self._any_reply:
            return True
        start, end = 0, len(said)
        while start < end and said[start] in self._generic:
            start += 1
        while end > start and said[end - 1] in self._generic:
            end -= 1
        return start < end and " ".join(said[start:end]) in self._closings

    def _beside_details(self, word: str, lang: str, contact: bool, reference: bool) -> bool:
        """Does `word` say nothing in a contact line (`contact`) or a reference line?"""
        if word in stop_words(lang) or word in self._generic or word in stop_words("en"):
            return True
        if contact and word in ALL_CONTACT_WORDS:
            return True
        return reference and (is_label(word) or word in FILLER_WORDS)


def _normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def words(text: str) -> list[str]:
    """Lower-cased words of `text` (letters and inner apostrophes; no digits)."""
    return _normalise(text).split()


@lru_cache(maxsize=64)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of `lang` (empty when spaCy has no such language)."""
    try:
        from spacy.util import get_lang_class

        return frozenset(w.lower() for w in get_lang_class(lang).Defaults.stop_words)
    except Exception:  # spaCy raises several types for unknown languages
        return frozenset()


def unit_embeddings(
    units: Units, embeddings: np.ndarray, encode: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """One embedding per unit: the comment's own for one-unit comments, else encoded."""
    vectors = np.zeros((len(units), embeddings.shape[1]), dtype=np.float32)
    if len(units) == 0:
        return vectors
    vectors[units.whole] = embeddings[units.owner[units.whole]]
    parts = np.flatnonzero(~units.whole)
    if len(parts):
        vectors[parts] = np.asarray(encode([units.text[i] for i in parts]), dtype=np.float32)
    return vectors
