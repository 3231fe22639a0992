"""Words the fitted comments use as a person's name, so that no theme name, category name or
keyword is made of one ("mark schmidt", "professor lindqvist", "ap gwilym").

No name list: the comments' own capitalisation tells. An occurrence of a capitalised word
(not a stop word, not in a text written in Title Case) stands in a *name context* when

- **strong**: it follows a title or role word ("Mr", "Pan", "Herr", "Professor", "docent",
  "agent", "Cllr": `feedback_nlp.text.people_titles.TITLES` and `ROLES`) or a contact cue
  with a colon ("call me back:", "contact:": `CONTACT_CUES`; "spoke to Vodafone" is none),
  or continues such a name ("Call me back: Mark Schmidt", "docent Pieter van Dam"); a title
  the redactor refuses is none ("PC World", "el pan Bimbo": `refuses_title`), nor one in
  capitals ("MS Teams"), or
- **pair**: another capitalised word that the comments mostly capitalise stands right next to
  it, name particles ("van", "de", "ap") between them allowed ("Sarah Whitfield", "Dafydd ap
  Gwilym"), the second word no common word ("Albany Road", "Cardiff Central", "Wi-Fi" are
  none) and the first none opening a sentence; not in German, whose nouns are capitalised.

A word is a person's name when at least `MIN_CONTEXT_SHARE` of its occurrences stand in a name
context, it is rarely written in lower case away from a sentence start (at most
`MAX_LOWER_SHARE` of those uses, and at most `MAX_LOWER_USES_PAIR` after pairs alone), and it
is no common word (`text.common_words`, the redactor's lexicon from spacy-lookups-data:
"station", "friday", "office", "teams"), nor
a word the redactor never takes after a cue (`people_cues.NOT_CUE_NAMES`: weekdays, brands
such as "uber", "netflix", "vodafone"), nor a brand after a title (`TITLE_BRANDS`: "Dr
Martens"). A title or cue word itself ("Mr", "Councillor") is no name. A proper noun always
written as two capitalised words ("Deutsche Bahn") reads as one: the price of missing no
"First Last"; a common first name is missed ("Mark" of "Mark Schmidt"), its surname is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from feedback_nlp.text.common_words import is_common_word
from feedback_nlp.text.people_cues import NOT_CUE_NAMES
from feedback_nlp.text.people_titles import TITLES, in_capitals, refuses_title
from feedback_nlp.topics.units import stop_words

MIN_CONTEXT_SHARE = 1 / 3
#: A common word is a name once a role precedes it this often (and in `MIN_CONTEXT_SHARE` of uses).
MIN_STRONG_USES = 2
#: A name is written in lower case in at most this share of its uses away from a sentence start.
MAX_LOWER_SHARE = 0.1
#: ... and, found in pairs alone, at most this many times.
MAX_LOWER_USES_PAIR = 1
#: Brands that follow a title ("Dr Martens boots", "Dr Oetker pizza", "Mr Kipling cakes").
TITLE_BRANDS = frozenset(["martens", "oetker", "kipling"])
#: A neighbour makes a pair when the comments write it in lower case at most this often.
MAX_NEIGHBOUR_LOWER_SHARE = 0.5
#: A text whose non-initial cased words are mostly capitalised (at least `TITLE_CASE_WORDS`)
#: is written in Title Case: its capitals tell nothing.
TITLE_CASE_SHARE = 0.5
TITLE_CASE_WORDS = 4
MAX_NAME_WORDS = 3  # a name after a cue: at most this many capitalised words
#: Languages that capitalise every noun: no pair rule there.
NOUN_CAPITALISING = frozenset({"de", "lb"})
#: Roles that precede a person's name in feedback, in the languages of the toolkit's users.
ROLES = (
    r"professor|professorin|prof|lecturer|teacher|tutor|instructor|coach|doctor|nurse|agent|"
    r"advisor|adviser|manager|technician|engineer|driver|rep|representative|colleague|"
    r"supervisor|cashier|receptionist|consultant|surgeon|therapist|physio|pharmacist|"
    r"paramedic|porter|carer|hca|sister|matron|midwife|staff member|team member|nyrs|"
    r"dozent|dozentin|lehrer|lehrerin|berater|beraterin|sachbearbeiter|sachbearbeiterin|"
    r"professeur|professeure|docteur|conseiller|conseillère|technicien|"
    r"docent|docente|leraar|lerares|juf|juffrouw|meester|dokter|"
    r"profesor|profesora|doktor|doctora|nauczyciel|nauczycielka|konsultant|konsultantka|"
    r"athro|athrawes|cynghorydd|meddyg|professore|professoressa|dottore|dottoressa|"
    r"doutor|doutora|lärare|läkare"
)
#: Cues after which, and a colon, a contact person's name follows ("Call me back: Mark").
CONTACT_CUES = (
    r"call me back|call back|contact(?: person)?|ask(?:ed)? for|speak to|spoke (?:to|with)|"
    r"spoken to|talk(?:ed)? to|ansprechpartner(?:in)?|rückruf|kontakt|contactez|rappelez|"
    r"contacto|hablar con|contattare|terugbellen|bel terug|vraag naar|oddzwonić|ffoniwch"
)
#: Thanks before a name ("Thanks Dave!", "thank you Jo", "cheers Ben").
THANKS = r"thanks|thank you|thankyou|cheers|danke|merci|gracias|grazie|dank je|diolch"
_CUE = re.compile(
    rf"(?i)(?<![\w'’])(?:(?:(?P<title>{TITLES})|(?:{ROLES})(?![\w'’]))[ \t]*[:,–-]?|"
    rf"(?:{CONTACT_CUES})(?![\w'’])[ \t]*:|(?P<thanks>{THANKS})(?![\w'’]))[ \t]*"
)
#: A capitalised word before where staff stand or what they are ("Dave on the till",
#: "Aisha at reception", "Mark is a fantastic manager"): a name context too.
_NAME_BEFORE = re.compile(
    r"(?<![\w'’])(?P<name>[^\W\d_]+)[ \t]+(?:(?:on|at|behind)[ \t]+(?:the[ \t]+)?"
    r"(?:tills?|checkouts?|counter|front desk|desk|reception|door|phones?|night shift|"
    r"day shift)|(?:is|was)[ \t]+(?:a|an|the|such a)[ \t]+(?:[^\W\d_]+[ \t]+){0,2}"
    rf"(?i:{ROLES}))(?![\w'’])"
)
_ROLE_WORDS = frozenset(ROLES.split("|"))
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_BREAK = re.compile(r"[.!?…\n]")
_PAIR_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*")
#: Lower-case words inside a name ("Pieter van Dam", "Dafydd ap Gwilym").
PARTICLES = frozenset(
    "van von de der den du da di del della le la ap ab bin ibn al ten ter zu y dos das".split()  # noqa: SIM905
)
_LOWER, _INNER, _UPPER, _STRONG, _PAIR, _THANKED = range(6)


@dataclass
class _Occurrence:
    key: str
    capitalised: bool
    initial: bool
    after_cue: bool
    after_thanks: bool  # the cue was thanks ("Thanks Ocado!" as often as "Thanks Dave!")
    in_cue: bool  # a word of the cue itself ("Mr", "Councillor", "call me back")
    gap_before: str  # the text between the previous word and this one


@dataclass
class _Counts:
    by_word: dict[str, list[int]] = field(default_factory=dict)

    def add(self, key: str, slot: int) -> None:
        self.by_word.setdefault(key, [0] * 6)[slot] += 1

    def lower_share(self, key: str) -> float:
        counts = self.by_word.get(key, [0] * 6)
        seen = counts[_LOWER] + counts[_INNER]
        return counts[_LOWER] / seen if seen else 0.0


def person_words(texts: Sequence[str], langs: Sequence[str]) -> frozenset[str]:
    """The lower-cased words `texts` (cased, one language code each) use as a person's name
    (see the module docstring)."""
    read = [
        (occurrences, str(lang))
        for text, lang in zip(texts, langs, strict=True)
        if (occurrences := _occurrences(text or "", str(lang)))
    ]
    counts = _Counts()
    for occurrences, _ in read:
        for item in occurrences:
            _count_case(counts, item)
    for occurrences, lang in read:
        for index, context in _contexts(occurrences, counts, lang).items():
            counts.add(occurrences[index].key, context)
    return frozenset(
        key
        for key in counts.by_word
        if _is_name(counts, key) and (not is_common_word(key) or _common_name(counts, key))
    )


def _occurrences(text: str, lang: str) -> list[_Occurrence]:
    """The words of `text` with their case and position; none in a Title Case text, nor
    stop words, role words or one letter (they are never names)."""
    matches = [m for m in _CUE.finditer(text) if not _refused(m)]
    cues = [m.span() for m in matches]
    cue_ends = {end for _, end in cues} | {m.start("name") for m in _NAME_BEFORE.finditer(text)}
    thanks_ends = {m.end() for m in matches if m["thanks"]}
    found: list[_Occurrence] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        word, gap = match.group(), text[previous_end : match.start()]
        previous_end = match.end()
        after_cue = match.start() in cue_ends
        initial = not after_cue and (not found or bool(_SENTENCE_BREAK.search(gap)))
        capitalised = word[0].isupper() and not (len(word) > 1 and word.isupper())
        in_cue = any(start <= match.start() < end for start, end in cues)
        thanked = match.start() in thanks_ends
        found.append(
            _Occurrence(word.lower(), capitalised, initial, after_cue, thanked, in_cue, gap)
        )
    if _is_title_case(found):
        return []
    return found


def _refused(cue: re.Match[str]) -> bool:
    """Whether a title cue is none: in capitals ("MS Teams", not "PC Smith"), or refused by
    the redactor before the word that follows ("PC World", "el pan Bimbo")."""
    title = (cue["title"] or "").replace(".", " ").split()
    if not title:
        return False
    if in_capitals(title[0]):
        return True
    name = _WORD.match(cue.string, cue.end())
    return refuses_title(cue, name.group() if name else "")


def _is_title_case(found: list[_Occurrence]) -> bool:
    inner = [o for o in found if not o.initial and len(o.key) > 1 and o.key not in PARTICLES]
    capitals = sum(o.capitalised for o in inner)
    return capitals >= TITLE_CASE_WORDS and capitals >= TITLE_CASE_SHARE * len(inner)


def _count_case(counts: _Counts, item: _Occurrence) -> None:
    if item.capitalised:
        counts.add(item.key, _UPPER)
        if not item.initial:
            counts.add(item.key, _INNER)
    elif item.key[:1].islower():
        counts.add(item.key, _LOWER)


def _contexts(occurrences: list[_Occurrence], counts: _Counts, lang: str) -> dict[int, int]:
    """Per index of a capitalised word that may be a name, its context (`_STRONG`, `_PAIR`)."""
    never = _never_names(lang)
    nameable = [
        o.capitalised and not o.in_cue and o.key not in never and len(o.key) > 1
        for o in occurrences
    ]
    following = [_next_word(occurrences, i) for i in range(len(occurrences))]
    contexts: dict[int, int] = {}
    for index, item in enumerate(occurrences):
        if item.after_cue and nameable[index]:
            for member in _chain(index, following, nameable):
                contexts[member] = _THANKED if item.after_thanks else _STRONG
    if lang in NOUN_CAPITALISING:
        return contexts
    for index, after in _pairs(occurrences, following, nameable):
        for member, other in ((index, after), (after, index)):
            if member not in contexts and _mostly_capitalised(counts, occurrences[other].key):
                contexts[member] = _PAIR
    return contexts


def _pairs(
    occurrences: list[_Occurrence], following: list[int | None], nameable: list[bool]
) -> list[tuple[int, int]]:
    """The (first, second) indices of capitalised words next to each other that may be a
    First Last: the second no common word ("Albany Road"), the first none opening a sentence
    ("Loved Netflix")."""
    found = []
    for index, after in enumerate(following):
        if after is None or not (nameable[index] and nameable[after]):
            continue
        first, second = occurrences[index], occurrences[after]
        if is_common_word(second.key):
            continue
        if not (first.initial and is_common_word(first.key)):
            found.append((index, after))
    return found


def _chain(index: int, following: list[int | None], nameable: list[bool]) -> list[int]:
    """The name starting at `index`: it and the capitalised words that continue it (at most
    `MAX_NAME_WORDS` in all)."""
    chain = [index]
    while len(chain) < MAX_NAME_WORDS:
        after = following[chain[-1]]
        if after is None or not nameable[after]:
            break
        chain.append(after)
    return chain


def _next_word(occurrences: list[_Occurrence], index: int) -> int | None:
    """The next capitalised word joined to `index` by a space, a hyphen or lower-case name
    particles ("Pieter van Dam"); None when another word or punctuation comes first."""
    after = index + 1
    while after < len(occurrences) and _PAIR_GAP.fullmatch(occurrences[after].gap_before):
        item = occurrences[after]
        if item.capitalised:
            return after
        if item.key not in PARTICLES:
            return None
        after += 1
    return None


def _mostly_capitalised(counts: _Counts, key: str) -> bool:
    """Whether a neighbour makes a pair: the comments mostly capitalise it."""
    return counts.lower_share(key) <= MAX_NEIGHBOUR_LOWER_SHARE


@lru_cache(maxsize=64)
def _never_names(lang: str) -> frozenset[str]:
    """Words that are no name: stop words of `lang` and English, role words, particles, words
    the redactor takes for no name after a cue, brands after a title."""
    never = stop_words(lang) | stop_words("en") | _ROLE_WORDS | PARTICLES
    return never | NOT_CUE_NAMES | TITLE_BRANDS


def _is_name(counts: _Counts, key: str) -> bool:
    """Whether `key` stands often enough in a name context and is rarely lower-case: a role
    or thanks before it in at least `MIN_CONTEXT_SHARE` of its uses, or pairs too and (almost)
    never lower-case; thanks count only beside another context. A brand thanked twice in 22
    uses ("Thanks Ocado!") is none."""
    lower, _, upper, strong, pair, thanked = counts.by_word[key]
    if not strong + pair:  # thanks alone: "Thanks Activision!" as often as "Thanks Dave!"
        return False
    strong += thanked
    floor = MIN_CONTEXT_SHARE * (lower + upper)
    if counts.lower_share(key) > MAX_LOWER_SHARE:
        return False
    if strong + pair < max(floor, 1):
        return False
    return strong >= floor or lower <= MAX_LOWER_USES_PAIR


def _common_name(counts: _Counts, key: str) -> bool:
    """Whether a common word ("mark", "jo") is a name here: a role (not thanks: "Thanks
    Amazing") precedes it in at least `MIN_CONTEXT_SHARE` of its uses, `MIN_STRONG_USES` times
    or more."""
    lower, _, upper, strong, _, _ = counts.by_word[key]
    return strong >= MIN_STRONG_USES and strong >= MIN_CONTEXT_SHARE * (lower + upper)
