"""What no theme name, keyword or category name may be made of.

- **Redaction placeholders** (`<EMAIL>`, `<IBAN>`, `<NAME>`, `<ID>`, `<DOB>`, `@user`, …:
  `schema.PII_PLACEHOLDERS`), with the word that labels one right before it ("IBAN <IBAN>",
  "phone: <PHONE>"): the customer's value is gone, its label says nothing about the issue.
- **Parts of ids**: letters glued to digits by "-", "_", "/" or "." ("DE-2026-004512",
  "SKU-XY-99", "A12/B"); a token holding digits itself is no candidate anyway.
- **@handles and the brand's own name**: the handles left in the prepared text are the ones
  the user kept as the brand's (`--keep-handle @TelcoNova`; every other handle became
  `@user`), so their plain words ("telconova", also as "#telconova") are read from the texts
  (`brand_words`): they are in nearly every comment and name nothing.
- **People's names**: the words the comments use as a person's name (`topics.person_names`:
  "Call me back: Mark Schmidt", "Professor Lindqvist"), passed in by the caller.
- **Hashtags as tags**: a hashtag that no word follows ("#fail #outage #nointernet", "coverage
  is poor #nosignal") reads as a word of its own, never as a phrase with its neighbours; one
  inside a sentence ("my #internet is down") keeps its place.

`without_noise` replaces each (and web addresses) by a break (" , "), so no phrase spans one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text.social import HANDLE_RE, URL_RE
from feedback_nlp.topics.contact_lines import ANY_PLACEHOLDER

BREAK = " , "
#: Words that label a redacted value right before its placeholder ("IBAN <IBAN>").
PII_LABELS = ("iban", "e-mail", "email", "mail", "phone", "tel", "mobile", "card", "url",
              "link", "id", "dob", "name", "number", "no", "nr")  # fmt: skip
_LABELLED_PLACEHOLDER = re.compile(
    rf"(?:(?<!\w)(?:{'|'.join(PII_LABELS)})\s*[:#=.-]?\s*)?(?:{ANY_PLACEHOLDER.pattern})",
    re.IGNORECASE,
)
#: The handle placeholder itself ("@user"), unlike a handle the user kept.
_HANDLE_PLACEHOLDER = PII_PLACEHOLDERS["handle"].lower()
#: Letters and digits joined by "-", "_", "/" or "." into one code, one part holding a digit.
_JOINED = re.compile(r"(?<![\w-])\w+(?:[-_/.]\w+)+")
#: A hashtag no word follows: before another tag, punctuation or the end of the text.
_TAG = re.compile(r"(?<!\w)#\w+(?=\s*(?:#|[^\w\s]|$))")
#: A word or hashtag, looked up in the words to skip (a set: people's names can be many).
_WORD_OR_TAG = re.compile(r"(?<!\w)#?\w+")


def without_noise(text: str, skip: Iterable[str] = ()) -> str:
    """`text` with web addresses, placeholders, id parts, @handles and the words in `skip`
    (lower case) replaced by a break, and each hashtag no word follows cut from its neighbours."""
    text = URL_RE.sub(BREAK, text)  # first: a brand's word inside one leaves no stray parts
    text = _LABELLED_PLACEHOLDER.sub(BREAK, text)
    text = _JOINED.sub(lambda m: BREAK if _has_digit(m.group()) else m.group(), text)
    text = HANDLE_RE.sub(BREAK, text)
    text = _TAG.sub(lambda m: BREAK + m.group() + BREAK, text)
    words = frozenset(w.lower() for w in skip if w)
    if words:
        text = _WORD_OR_TAG.sub(lambda m: BREAK if _tag_word(m) in words else m.group(), text)
    return text


def _tag_word(match: re.Match[str]) -> str:
    """The lower-cased word of a word or hashtag match ("#TelcoNova" -> "telconova")."""
    return match.group().lstrip("#").lower()


def brand_words(texts: Iterable[str]) -> frozenset[str]:
    """The plain words of the @handles left in `texts` (the brand's own, kept by the prepare
    stage; "@TelcoNova" -> "telconova"), and the first part of one with "_" ("northwind")."""
    found: set[str] = set()
    for text in texts:
        if "@" not in text:
            continue
        for handle in HANDLE_RE.findall(text):
            word = handle[1:].lower()
            if handle.lower() == _HANDLE_PLACEHOLDER or word.isdigit():
                continue
            found.add(word)
            head = word.split("_")[0]
            if len(head) >= 3:
                found.add(head)
    return frozenset(found)


def _has_digit(token: str) -> bool:
    return any(ch.isdigit() for ch in token)
