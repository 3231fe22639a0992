"""Names in the salutation, thanks and signature of a reply to a review, for
:func:`feedback_nlp.text.people.redact_names` (since stop 53, hotel-chain probe: the guest's
name stayed in 127 cells of "Response from Owner" while the reviewer column was masked):

- a salutation at the start of a text or a line and a capitalised name that ends there (a
  comma, "!", a line break or the end): ``Dear Marie Dubois,``, ``Hi Tom,``, ``Sehr
  geehrte/r Carlos Ruiz,``, ``Hola Carlos,``, ``Beste Daan,``, ``Caro Marco``;
- thanks to a name for a review: ``Thank you Marie Dubois for your review!``, ``Thanks for
  your review, Sarah Jones!``;
- a signed name followed by a job title or a department: ``Kind regards, John Smith,
  General Manager`` (the title stays).

The name must hold a word that is no common word (:func:`feedback_nlp.text.people_cues
.names_someone`), or be one word English writes as often capitalised as not (``Hi Mark,``,
``Dear Grace,``); ``Dear Sir``, ``Dear Guest``, ``Dear Valued Customer``, ``Hi there``,
``Hello everyone``, ``Liebe Grüße``, ``Dear Hilton team``, ``Hi, I ordered…`` stay.
"""

from __future__ import annotations

import re

from feedback_nlp.text.care_names import is_plain_word
from feedback_nlp.text.common_words import is_common_word
from feedback_nlp.text.people_cues import NOT_CUE_NAMES, Measure, names_someone
from feedback_nlp.text.people_first_names import is_first_name
from feedback_nlp.text.people_roles import is_department, names_a_role
from feedback_nlp.text.people_sign_offs import SIGN_OFF, SIGNATURE_END
from feedback_nlp.text.people_words import NAME_WORDS, NOT_CUE_BRANDS, name_word_count

_SALUTATIONS = (
    r"dear|hi|hello|hey|hiya|hallo|hoi|hej|liebe|lieber|sehr geehrte(?:/r|\(r\)|r|s)?|"
    r"geehrte(?:/r|r)?|bonjour|bonsoir|salut|cher|chère|hola|estimad[oa]|querid[oa]|ciao|"
    r"caro|cara|gentile|gentilissim[oa]|buongiorno|beste|geachte|olá|prezad[oa]|witaj|"
    r"drog[ia]|szanown[ya]|good (?:morning|afternoon|evening)|guten tag|buenos días|"
    r"buenas tardes"
)
#: Salutations of English, after which one common word written as often capitalised as not
#: is a name ("Hi Mark,", "Dear Grace,").
_ENGLISH = frozenset(["dear", "hi", "hello", "hey", "hiya"])
#: German salutations: German capitalises nouns, so one word after them must be a known first
#: name ("Liebe Anna,"; not "Liebe Mitradler,", "Sehr geehrte Fahrgäste,", "Liebe S-Bahn,").
_GERMAN = re.compile(r"(?i)liebe|lieber|(?:sehr )?geehrte\S*")
#: Capitalised words after a salutation that address no one by name (brands included).
_NOT_ADDRESSED = (
    NOT_CUE_NAMES
    | NOT_CUE_BRANDS
    | frozenset(
        """sir sirs madam madame mesdames messieurs damen herren guest guests valued customer
    customers member members traveller travellers traveler travelers reviewer friend friends
    family colleagues colleague community user users client clients there everyone darling
    honey sweetie love dear diary world mum mom dad mama papa siri alexa cortana bixby kitty
    amigo amigos amiga amigas ragazzi tutti tutte amici allemaal iedereen jongens pessoal
    todos todas gente equipa equipe zusammen leute alle kollegen wszystkim państwo kochani
    grüße gruesse gruß grüsse gast gäste gasten kunde kunden kundin besucher reisende ospite
    ospiti cliente clientes huésped huéspedes hóspede hóspedes voyageur voyageurs""".split()  # noqa: SIM905 (a word list)
    )
)
_LINE_START = r"(?:^|(?<=\n))[ \t]*"
_SALUTED = re.compile(rf"{_LINE_START}(?P<cue>(?i:{_SALUTATIONS}))[ \t]+{NAME_WORDS}")
_ENDS_ADDRESS = re.compile(r"[ \t]*(?:[,!\n]|$)")
_THANKS = r"(?i:thank you|thanks|many thanks|thank u)(?: (?:so|very) much)?"
_REVIEWED = (
    r"for (?:your|the) (?:(?:kind|lovely|wonderful|great|positive|detailed|honest|recent|"
    r"fantastic|thoughtful|valuable|excellent|nice|feedback and|review and)[ \t]+)*"
    r"(?:review|feedback|comments?|stay|visit|rating|words|message|post)|for taking the time"
)
_THANKED_BEFORE = re.compile(
    rf"(?<![\w'’]){_THANKS}[ \t]+{NAME_WORDS}(?=\.?[ \t]*,?[ \t]+(?i:{_REVIEWED})(?!\w))"
)
_THANKED_AFTER = re.compile(rf"(?<![\w'’]){_THANKS} (?i:{_REVIEWED})[ \t]*,[ \t]*{NAME_WORDS}")
_TITLED = re.compile(
    rf"(?i:{SIGN_OFF}){NAME_WORDS}"
    rf"(?=[ \t]*,[ \t]*(?P<role>[^\n,]{{1,60}})(?:,[^\n]{{0,80}})?{SIGNATURE_END})"
)


def _addressed_words(match: re.Match[str]) -> list[str]:
    """The capitalised words after a cue that can be a name (none in capitals), with an
    initial after them ("Tom K", "Emma W.")."""
    words = match.group("name").split()[:4]
    taken = words[: name_word_count(words, _NOT_ADDRESSED)]
    if not taken or not taken[0][0].isupper():
        return []
    if any(w.isupper() and len(w) > 1 for w in taken):
        return []
    following = words[len(taken) : len(taken) + 1]
    return taken + [w for w in following if len(w) == 1 and w.isupper()]


def _is_name(words: list[str], english: bool) -> bool:
    """Whether `words` name someone: an uncommon word, or after an English cue one word
    written as often capitalised as not ("Mark", "Grace"; not "Guys", "Mate")."""
    if names_someone(words):
        return True
    word = words[0].strip("'’-")
    return english and len(words) == 1 and is_common_word(word) and not is_plain_word(word)


def _length(match: re.Match[str], words: list[str]) -> int:
    """The length of `words` where the name group starts, with the full stop of a last
    initial ("Emma W.")."""
    length = len(" ".join(match.group("name").split()[: len(words)]))
    end = match.start("name") + length
    initial = len(words[-1]) == 1 and match.string[end : end + 1] == "."
    return length + 1 if initial else length


def _saluted_name(match: re.Match[str]) -> int:
    """A name after a salutation that ends the address ("Dear Marie Dubois," / "Caro Marco")."""
    taken = _addressed_words(match)
    english = match.group("cue").lower() in _ENGLISH
    if not taken or not _is_name(taken, english):
        return 0
    if len(taken) == 1 and _GERMAN.fullmatch(match.group("cue")) and not is_first_name(taken[0]):
        return 0
    length = _length(match, taken)
    ends = _ENDS_ADDRESS.match(match.string, match.start("name") + length)
    return length if ends is not None else 0


def _thanked_name(match: re.Match[str]) -> int:
    """A name thanked for a review; after it, the name must end the clause."""
    taken = _addressed_words(match)
    if not taken or not _is_name(taken, english=True):
        return 0
    length = _length(match, taken)
    if match.re is _THANKED_BEFORE:
        return length if len(taken) == len(match.group("name").split()) else 0
    return length if _ENDS_ADDRESS.match(match.string, match.start("name") + length) else 0


def _titled_name(match: re.Match[str]) -> int:
    """A signed name followed by a job title or a department ("John Smith, General Manager")."""
    words = match.group("name").split()
    if not names_a_role(match.group("role")) or is_department(words):
        return 0
    taken = _addressed_words(match)
    if len(taken) != len(words) or not _is_name(taken, english=True):
        return 0
    return len(match.group("name"))


_HINT = re.compile(rf"(?i)(?:^|\n)[ \t]*(?:{_SALUTATIONS})[ \t]|thank|{SIGN_OFF}")


def may_address_someone(text: str) -> bool:
    """Cheap test before `SALUTED`: a salutation at a line start, thanks or a sign-off."""
    return _HINT.search(text) is not None


#: The patterns and their measures.
SALUTED: tuple[tuple[re.Pattern[str], Measure], ...] = (
    (_SALUTED, _saluted_name),
    (_THANKED_BEFORE, _thanked_name),
    (_THANKED_AFTER, _thanked_name),
    (_TITLED, _titled_name),
)
