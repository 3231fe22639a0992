"""PII that names a person in running text: @handles, and names after a cue.

No detector finds every name (that needs a named-entity model per language, and the ones we can
ship miss most names in short, lower-case feedback); these find the forms that can be told
without one: an ``@handle`` or a Reddit user (``u/jane_doe``, ``/u/jane``; not ``r/telco``)
becomes ``@user``, the placeholder of the XLM-T tweets the encoder reads every handle as; a
name right after a cue becomes ``<NAME>``: a title, academic ones after it staying readable
(``Mr Smith``, ``Frau Dr. Müller``, ``Herr Prof. Dr. Weber``, ``Sra. López``), a
self-introduction (``my name is``, ``je m'appelle``, ``мене звати``, ``με λένε``, ``שמי``,
``اسمي``, ``मेरा नाम``, ``我叫``, ``私の名前は`` …) or a sign-off that ends the text
(``Regards,``, ``Groetjes,``, ``Cheers,`` …). In cased scripts one to four capitalised words
are taken (particles inside or first: ``van Dijk``, ``mevrouw De Vries``), after a sign-off
also one lower-case word that ends the text (``Cheers, john``); scripts without case take
one or two words, Chinese and Japanese a bounded run of characters (rules below).
Since stop 51 also a role word, a contact request, a call's introduction and thanks
(`feedback_nlp.text.people_cues`), and a Chinese or Japanese surname before 老师, 先生, さん ….
Since stop 53 also an airline crew role and French, Italian and Dutch thanks
(`feedback_nlp.text.people_crew`), and "Best,", thanks on a line of their own, a dash and "LG"
as sign-offs (`feedback_nlp.text.people_sign_offs`); a reply's salutation, thanks for a review
and a name signed with a job title (`feedback_nlp.text.people_salutations`); a signed
department ("Kind regards, Front Office") stays.
"""

from __future__ import annotations

import re

from feedback_nlp.text.people_crew import CREW, may_name_crew
from feedback_nlp.text.people_cues import CUED, may_hold_cue, names_someone
from feedback_nlp.text.people_roles import is_department
from feedback_nlp.text.people_salutations import SALUTED, may_address_someone
from feedback_nlp.text.people_scripts import UNCASED, UNCASED_SCRIPT, Measure
from feedback_nlp.text.people_sign_offs import (
    ENDS_HERE,
    NOT_SIGNED,
    SIGNED_AT_END,
    SIGNED_NAME,
    THANKING_SIGN_OFFS,
    is_weak_sign_off,
    strict_name_ok,
    weak_name_ok,
)
from feedback_nlp.text.people_titles import (
    TITLES,
    in_capitals,
    needs_uncommon_name,
    refuses_title,
)
from feedback_nlp.text.people_words import (
    NAME_WORDS,
    ends_on_place,
    name_word_count,
)

#: Self-introductions; "named", "called" and their kin are left out: products are named too.
_INTRODUCTIONS = (
    r"my name is|my name's|je m['’]appelle|mon nom est|ich heiße|ich heisse|mein name ist|"
    r"me llamo|mi nombre es|mi chiamo|il mio nome è|meu nome é|me chamo|chamo-me|mă numesc|"
    r"ma numesc|numele meu este|меня зовут|моё имя|мое имя|мене звати|моє ім['’ʼ]я|"
    r"fy enw(?: i)? (?:yw|ydy)|"
    r"με λένε|με λενε|ονομάζομαι|το όνομά μου είναι|mijn naam is|ik heet|nazywam się|"
    r"mam na imię|jmenuji se|volám sa|zovem se|казвам се|benim adım|adım|ismim"
)
_CUED_NAME = re.compile(
    rf"(?i)(?<![\w'’])(?P<cue>(?P<title>(?:{TITLES})(?:[ \t]*(?:{TITLES}))*)"
    rf"|(?:{_INTRODUCTIONS})\b)[ \t]*{NAME_WORDS}"
)


def _is_acronym(match: re.Match[str]) -> bool:
    """Whether the title, or a one-word cue, is written in capitals (``MS Paint``, ``DR``,
    ``SENHOR``): an acronym, or shouting that makes the next word no sign of a name."""
    title, cue = match.groupdict().get("title"), match.groupdict().get("cue") or " "
    word = (title or cue).replace(".", " ").split()[0] if title or " " not in cue else ""
    return in_capitals(word)


def _lower_signed_name(match: re.Match[str], words: list[str]) -> int:
    """1 when a signed name is one lower-case word that ends the text ("Cheers, john"), not a
    word that signs off with a feeling or a greeting ("Kind regards, unhappy": `NOT_SIGNED`)."""
    word = words[0]
    if len(words) > 1 or not word.islower() or len(word) < 2 or word in NOT_SIGNED:
        return 0
    return int(ENDS_HERE.match(match.string, match.end("name")) is not None)


def _thanks_a_place(match: re.Match[str], words: list[str]) -> bool:
    """Whether a signed name follows thanks and ends on a place word ("cheers Oxford Street!")."""
    sign_off = match.string[match.start() : match.start("name")].strip(" \t\n,!.").lower()
    return sign_off in THANKING_SIGN_OFFS and ends_on_place(words)


def _cased_name_length(match: re.Match[str]) -> int:
    """The length of the name that starts `match`'s name group (0: none there)."""
    spans = list(re.finditer(r"\S+", match.group("name")))
    words = [span.group() for span in spans]
    signed = match.re is SIGNED_NAME  # there the name must be all that is left
    count = name_word_count(words, organisations=not signed)
    strict = signed and match.group("strict") is not None
    if signed and not count and not strict:
        count = _lower_signed_name(match, words)
    if not count or _is_acronym(match) or refuses_title(match, words[0]):
        return 0
    if signed and (count != len(words) or _thanks_a_place(match, words)):
        return 0
    if signed and is_department(words):
        return 0  # "Kind regards, Front Office"
    if strict and not strict_name_ok(match, words):
        return 0
    if signed and not strict and is_weak_sign_off(match) and not weak_name_ok(words):
        return 0  # "Thanks\nNetflix", "All the best, Amazon"
    name_end = match.start("name") + spans[count - 1].end()
    if needs_uncommon_name(match, name_end) and not names_someone(words[:count]):
        return 0  # "Officer Training", "Sergeant Pepper"
    return spans[count - 1].end()


_CASED: tuple[tuple[re.Pattern[str], Measure], ...] = (
    (_CUED_NAME, _cased_name_length),
    (SIGNED_NAME, _cased_name_length),
)


def _redact_with(
    pattern: re.Pattern[str], measure: Measure, text: str, placeholder: str
) -> tuple[str, bool]:
    """`text` with each name `pattern` finds and `measure` accepts replaced; a cue whose name
    is refused is searched past only up to its name ("Mr and Mrs Smith" finds "Mrs Smith")."""
    parts: list[str] = []
    done = search_from = 0
    while (match := pattern.search(text, search_from)) is not None:
        start, length = match.start("name"), measure(match)
        if length:
            parts += [text[done:start], placeholder]
            done = start + length
        search_from = max(start + length, match.start() + 1)  # a name first moves on
    return "".join(parts) + text[done:], bool(parts)


def redact_names(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with every name after a cue replaced by `placeholder`; whether one was."""
    found = False
    uncased = not text.isascii() and UNCASED_SCRIPT.search(text) is not None
    patterns = _CASED + CUED if may_hold_cue(text) else _CASED
    patterns = patterns + CREW if may_name_crew(text) else patterns
    patterns = patterns + SALUTED if may_address_someone(text) else patterns
    for pattern, measure in patterns + UNCASED if uncased else patterns:
        text, hit = _redact_with(pattern, measure, text, placeholder)
        found = found or hit
    return text, found


def may_name_someone(text: str) -> bool:
    """Cheap test before :func:`redact_names`: some letter is not lower case, or the text
    ends on a sign-off and a word ("cheers, john")."""
    return not text.islower() or SIGNED_AT_END.search(text[-60:]) is not None


#: An @handle in running text (``.@jane``, ``@007bond`` included): not inside a word or an
#: e-mail (``jane@host``; e-mails are redacted before), ending on a letter or digit
#: (``@jane.`` ends a sentence), not a spreadsheet function (``@SUM(A1)``).
_TEXT_HANDLE = re.compile(r"(?<![\w@])@\w(?:[\w.]*\w)?(?![\w@(])")
#: What follows an "@" without being a handle: a price, a time, a size, a frequency ("@10€",
#: "@10am", "@2x", "@2.66GHz", "@144hz"): digits, perhaps a decimal part, at most a unit.
_NOT_A_HANDLE = re.compile(
    r"(?i)\d+(?:[.,:]\d+)?"
    r"(?:am|pm|h|hrs?|mins?|ms|s|x|k|kg|g|m|km|cm|mm|in|gb|mb|tb|p|hz|khz|mhz|ghz|fps|w|v|mah|"
    r"eur|usd|gbp)?"
)
#: A Reddit user ("u/jane_doe", "/u/jane"): 3-20 letters, digits, "_" or "-", not inside a
#: word or a link (links are redacted before) and not a rate ("10 u/min"); "r/…" is a
#: subreddit and stays.
_REDDIT_USER = re.compile(r"(?<![\w/.])/?u/(?P<user>[A-Za-z0-9_-]{3,20})(?![\w/-])")
_NOT_A_REDDIT_USER = frozenset(["min", "sec", "hour", "day", "week", "month", "year"])


def redact_handles(
    text: str, placeholder: str, keep: frozenset[str] = frozenset()
) -> tuple[str, bool]:
    """`text` with handles and Reddit users other than `keep` (lower case, without ``@`` or
    ``u/``) and the placeholder itself replaced by `placeholder`; whether one was."""
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        handle, user = match.group(), match.groupdict().get("user")
        name = (user or handle[1:]).lower()
        if handle == placeholder or name in keep:
            return handle
        if _NOT_A_HANDLE.fullmatch(name) or (user and name in _NOT_A_REDDIT_USER):
            return handle
        found = True
        return placeholder

    text = _TEXT_HANDLE.sub(replace, text)
    if "u/" in text:
        text = _REDDIT_USER.sub(replace, text)
    return text, found


def may_mention_handle(text: str) -> bool:
    """Cheap test before :func:`redact_handles`: an ``@`` or a ``u/`` in the text."""
    return "@" in text or "u/" in text


def handle_names(handles: str | list[str] | tuple[str, ...] | None) -> frozenset[str]:
    """`handles` as :func:`redact_handles` compares them: lower case, without ``@``/``u/``."""
    if isinstance(handles, str):
        handles = [handles]
    bare = (h.strip().lstrip("@").lower().removeprefix("/") for h in handles or ())
    return frozenset(h.removeprefix("u/") for h in bare)
