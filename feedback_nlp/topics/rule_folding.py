"""How a keyword rule reads a text: its words, and when two words are the same word.

Words (`rule_words`): the text in NFKC (full-width letters and half-width kana made plain) and
lower case; a word is letters and digits with the marks on them ("เกินไป", "नमस्ते" stay
whole), an elided article or pronoun apart ("d'attente" is "d" "attente"), other signs read
as breaks ("e-mail" is "e" "mail"). A script written without spaces (Han, kana, Thai, Lao,
Khmer, Myanmar) has no words to cut, so each of its characters (with its marks) is a word of
its own: a term in such a script matches as a run of characters anywhere in the text ("配達"
in "今日の配達が遅い"), and a Latin word still matches only a whole word ("late" is not in
"chocolate").

Sameness (`same_word`): in Latin, Greek and Cyrillic letters a mark may be left out, not
changed: "fidelite" matches "fidélité" and "STRASSE" "straße", but two words that both carry
marks on a letter must carry the same ones there, save that one may leave out the tone and
keep the vowel's mark (hat, breve, horn): Vietnamese "nguôi" and "châm" match "nguội" (cold)
and "chậm" (slow), but "nguội" is not "Người" (person) and "mất" not "mát". Marks of other
scripts are letters: Thai "ช้า" (slow) is not "ชา" (tea), kana "バグ" is not "ハク"; and й, ї, ў
are letters of their own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from feedback_nlp.topics.contact_lines import ANY_PLACEHOLDER
from feedback_nlp.topics.unspaced import UNSPACED, mark_class_body

#: Elided articles, pronouns and prepositions (French, Italian, Catalan) cut from their word.
ELISIONS = frozenset((
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quelqu",
    "presqu", "dell", "dall", "nell", "sull", "all", "coll", "quell", "un", "nessun", "bell",
    "sant",
))  # fmt: skip
#: Letters read as two plain letters, and letters read as a plain one with a stroke.
_LIGATURES = {"ß": "ss", "æ": "ae", "œ": "oe"}
_STROKES = {"đ": "d", "ø": "o", "ł": "l", "ħ": "h"}
#: Cyrillic letters that are letters of their own, not a letter with a mark.
_WHOLE_LETTERS = frozenset("йїў")
#: Marks that make another vowel, not a tone (Vietnamese hat, breve and horn; the diaeresis of
#: pinyin ü): a text may leave out a letter's tone and keep these, but not the other way round.
_VOWEL_MARKS = frozenset("\u0302\u0306\u031b\u0308")
_UNSPACED_CLASS = UNSPACED.pattern[1:-1] + "\u3005-\u3007"  # + 々 〆 〇


def rule_words(text: str) -> list[str]:
    """The words a rule reads (module docstring), redaction placeholders left out (an
    "email" rule does not fire on `<EMAIL>`)."""
    if "<" in text:
        text = ANY_PLACEHOLDER.sub(" ", text)
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).lower())
    words: list[str] = []
    for word in _word_pattern().findall(text):
        head, mark, rest = word.replace("’", "'").partition("'")
        if mark and head in ELISIONS:
            words.append(head)
            word = rest
        words.append(word)
    return words


def is_unspaced(word: str) -> bool:
    """Whether `word` is a character of a script written without spaces."""
    return UNSPACED.match(word) is not None


#: A word as a rule compares it: plain letters and the marks on each letter.
Folded = tuple[str, tuple[str, ...]]
#: A rule's word: plain letters, the marks on them (() for none), whether it ends with *.
WordPattern = tuple[str, tuple[str, ...], bool]


@lru_cache(maxsize=1 << 12)
def word_pattern(pattern: str) -> WordPattern:
    """A rule's word (a final * for any ending) ready for `fits`."""
    prefix = pattern.endswith("*")
    letters, marks = folded(pattern[:-1] if prefix else pattern)
    return letters, marks if any(marks) else (), prefix


def fits(pattern: WordPattern, word: Folded) -> bool:
    """Whether a text's word (`folded`) is the rule's word: same plain letters (or, for a
    prefix, the same start), and on each letter the same marks or marks on one side only."""
    letters, marks, prefix = pattern
    word_letters, word_marks = word
    if word_letters != letters and not (prefix and word_letters.startswith(letters)):
        return False
    return all(_same_marks(a, b) for a, b in zip(marks, word_marks, strict=False))


def _same_marks(one: str, other: str) -> bool:
    """Whether two letters' marks agree: equal, or one side has left out all its marks, or
    only tone marks (what one side has, the other has too, with the same vowel marks)."""
    if one == other or not one or not other:
        return True
    a, b = set(one), set(other)
    return (a <= b or b <= a) and a & _VOWEL_MARKS == b & _VOWEL_MARKS


def same_word(pattern: str, word: str) -> bool:
    """Whether a rule's word matches a text's word (a final * in `pattern`: any ending)."""
    return fits(word_pattern(pattern), folded(word))


@lru_cache(maxsize=1 << 16)
def folded(word: str) -> tuple[str, tuple[str, ...]]:
    """`word`'s plain letters and, aligned with them, the marks on each ("" for none)."""
    letters: list[str] = []
    marks: list[str] = []
    for char in word:
        if unicodedata.category(char).startswith("M") and letters and _foldable(letters[-1]):
            marks[-1] += char
        elif char in _LIGATURES:
            letters += _LIGATURES[char]
            marks += [""] * len(_LIGATURES[char])
        elif char in _STROKES:
            letters.append(_STROKES[char])
            marks.append("/")
        elif _foldable(char) and char not in _WHOLE_LETTERS:
            plain, *on_it = unicodedata.normalize("NFD", char)
            letters.append(plain)
            marks.append("".join(on_it))
        else:
            letters.append(char)
            marks.append("")
    return "".join(letters), tuple(marks)


def _foldable(char: str) -> bool:
    """Latin, Greek or Cyrillic: scripts whose marks may be left out when writing."""
    code = ord(char)
    return code < 0x0530 or 0x1E00 <= code < 0x2000


@lru_cache(maxsize=1)
def _word_pattern() -> re.Pattern[str]:
    """A character of an unspaced script, or a word of letters, digits and marks."""
    marks = mark_class_body()
    letter = f"(?:(?![{_UNSPACED_CLASS}])[^\\W_])"
    word = f"{letter}(?:{letter}|[{marks}])*"
    return re.compile(f"[{_UNSPACED_CLASS}][{marks}]*|{word}(?:['’]{word})*")
