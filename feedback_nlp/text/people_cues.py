"""Names that calls, tickets and course feedback give after a cue other than a title, for
:func:`feedback_nlp.text.people.redact_names` (since stop 51):

- a role word (``Professor Smith``, ``professor Jansen``, ``Dozentin Keller``, ``juf Anja``,
  ``tutor Anna``) and a contact request (``Please call me back, Mark Schmidt``, ``Rückruf
  bitte an Jonas Fischer``, ``Ansprechpartner: …``, ``contact: …``): any capitalised name;
- a call's introduction: ``you're speaking with Tom Bennett``, ``le atiende Joana``,
  ``Priya speaking.``, ``Hello, this is Sarah from …``, ``Bom dia, fala Marcos,``,
  ``Yes, it's Emily Clarke``, ``Sí, soy Carmen Soto``, ``I'm Mark Schmidt, admin at …``;
  the weaker the cue, the more the name must show: two capitalised words, or one that ends
  the clause or goes on with ``from``, ``here``, ``speaking``;
- thanks to two capitalised words that end the clause (``Thank you Priya Shah.``); one word
  alone is a brand as often as a name (``Thanks Ryanair!``) and stays.

Since round 2 of stop 51 the words taken must hold one that is no common word of English,
Spanish, German or French (:mod:`feedback_nlp.text.common_words`): ``I'm Mark Schmidt`` and
``Priya speaking`` go, ``I'm Extremely Disappointed``, ``Tutor Time``, ``Lehrer Zimmer``,
``Financially speaking`` stay; surnames that are common words (``Keller``, ``Mills``) stay too.

None of them takes a sentence-function word, a weekday, a month, a language, a subject, a
feeling or a few brands that feedback thanks (``it's Monday``, ``I'm Happy``, ``speaking
English``, ``Thank you Vodafone``); the weak cues take nothing in a text written in Title
Case. Each pattern's `name` group is measured by :func:`feedback_nlp.text.people_words
.name_word_count`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from feedback_nlp.text.care_names import english_stop_words
from feedback_nlp.text.common_words import is_common_word
from feedback_nlp.text.people_words import (
    NAME_WORDS,
    NOT_NAMES,
    PARTICLES,
    ends_on_place,
    is_title_case,
    name_word_count,
)

Measure = Callable[[re.Match[str]], int]

#: Capitalised words that are no name after these cues.
NOT_CUE_NAMES = NOT_NAMES | frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight
    yesterday asap please soon later now again all everyone everybody guys folks god lord
    jesus goodness heavens heaven mate much so very lot really not still just also here
    there too quite pretty sure happy glad sorry afraid done fine ok okay true false right
    wrong correct good great bad terrible awful me him her mine yours back from with for
    on in at to of by january february march april june july august september october
    november december january januar februar märz juni juli oktober dezember janvier
    février mars avril juin juillet août septembre octobre novembre décembre enero febrero
    marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre janeiro
    fevereiro março maio junho julho setembro outubro novembro dezembro english spanish
    french german italian portuguese dutch polish chinese japanese arabic russian welsh
    turkish hindi español inglés ingles francés alemán deutsch englisch französisch
    spanisch italienisch français anglais allemand espagnol italiano inglese português
    portugues inglês nederlands engels duits frans spaans mathe mathematik physik chemie
    informatik geschichte biologie wiskunde natuurkunde scheikunde geschiedenis biologie
    math maths physics chemistry history biology economics statistics group training
    session sessions office hours feedback assistant portal course module class email
    e-mail mail phone telephone tel address website web number mr mrs ms dr prof sir madam
    miss cliente client kunde premium vodafone amazon google apple microsoft netflix
    spotify uber ebay paypal steam valve samsung sony nintendo xbox playstation ikea tesco
    telekom orange movistar o2 ee sky virgin bt meo vivo tim nos obama studio studios games
    devs developers inc ltd gmbh british american canadian australian irish scottish
    european christmas easter halloween""".split()  # noqa: SIM905
)
#: Adverbs that go before "speaking" ("Generally speaking, …").
_SPEAKING_ADVERBS = frozenset(
    """honestly frankly strictly roughly broadly loosely truthfully seriously candidly plainly
    properly simply bluntly fairly relatively comparatively objectively personally
    realistically practically legally technically generally""".split()  # noqa: SIM905
)
#: Words after a lone name that show it is one ("Sarah from billing", "Tom here").
_GOES_ON = re.compile(r"(?i)[ \t]+(?:from|here|speaking|calling|de|da|do|z|ze)(?!\w)")
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;:!?)\n—–]|[ \t]-|$)")
_GREETING = (
    r"(?:yes|yeah|yep|yup|sure|hi|hello|hey|hiya|morning|good (?:morning|afternoon|evening)|"
    r"hola|buenos días|buenos dias|buenas(?: tardes)?|sí|si|olá|ola|bom dia|boa tarde|sim|"
    r"hallo|guten tag|ja|bonjour|oui)[ \t]*[,!.]?[ \t]+"
)
_ROLES = (
    r"professor|professorin|lecturer|teacher|tutor|instructor|dozent|dozentin|lehrer|lehrerin|"
    r"docent|docente|juf|juffrouw|meester|leraar|lerares|professeur|professeure|profesor|"
    r"profesora|professore|professoressa|maestra|athro|athrawes"
)
_CONTACTS = (
    r"(?:please )?call me back|rückruf(?: bitte)? an|bitte zurückrufen|"
    r"(?:ansprechpartner(?:in)?|contact(?: person)?|kontakt(?:person)?|contactpersoon|"
    r"persona de contacto|pessoa de contacto|pessoa de contato)[ \t]*:"
)
_SPEAKING_WITH = (
    r"(?:you['’]re|you are) (?:speaking|talking|through) (?:with|to)|"
    r"(?:le|la|lo|te|les) atiende|(?:está|estás) hablando con|(?:está|estás) a falar com|"
    r"(?:você )?está falando com|sie sprechen mit|vous parlez (?:avec|à)"
)
_SELF = r"i['’]m|i am|soy|sou(?: o| a)?|ich bin|je suis"
#: A call's opening at a clause start in Portuguese and Polish: "fala a Marta", "aqui é a
#: Marta", "tu Katarzyna", "z tej strony Katarzyna" (since stop 53: an article may follow).
_CALL_OPENINGS = r"(?:fala|aqui fala|quem fala é)(?: [ao])?|z tej strony|tu mówi"
#: Weaker openings, whose name must go on ("aqui é a Marta do suporte", "tu Katarzyna z banku").
_WEAK_CALL_OPENINGS = r"aqui é(?: [ao])?|aqui está(?: [ao])?|tu"
#: A respondent's own manager (employee surveys, since stop 52): "my manager Helen", "my line
#: manager, Tom", "meine Chefin Katrin", "mój kierownik Marek", "Mikromanagement durch Katrin".
_MANAGERS = (
    r"(?:my|our) (?:(?:line|direct|new|old|previous|current) )?(?:manager|boss|supervisor|"
    r"team ?lead(?:er)?)|(?:mein|unser) (?:neuer |alter )?chef|(?:meine|unsere) (?:neue |alte )?"
    r"chefin|mój (?:nowy )?(?:kierownik|szef)|moja (?:nowa )?(?:kierowniczka|szefowa)|"
    r"micromanag(?:ed|ing|ement) (?:by|from)|mikromanagement (?:durch|von)"
)


def _cue(cue: str) -> re.Pattern[str]:
    """A cue (case-insensitive, at a word start) and the name words after it."""
    return re.compile(rf"(?<![\w'’])(?i:{cue})(?![\w'’])[ \t]*[,:–-]?[ \t]*{NAME_WORDS}")


#: A word made from a name that names no one ("Layton-style", "Bond-like").
_NAMED_AFTER = re.compile(r"(?i)-(?:style|like|esque|type|inspired|themed)$")


def _words(match: re.Match[str]) -> tuple[list[re.Match[str]], int]:
    """The name group's words and how many of them can be a name (at most three): none when
    the first is not capitalised ("soy de la Real") or one is in capitals ("Merci de RT",
    "I'M LITERALLY DEAD")."""
    spans = list(re.finditer(r"\S+", match.group("name")))
    words = [span.group() for span in spans][:3]
    count = name_word_count(words, NOT_CUE_NAMES)
    taken = words[:count]
    if not count or not words[0][0].isupper():
        return spans, 0
    if any((w.isupper() and len(w) > 1) or _NAMED_AFTER.search(w) for w in taken):
        return spans, 0
    return spans, count if names_someone(taken) else 0


def names_someone(words: list[str]) -> bool:
    """Whether capitalised `words` after a cue can name a person: one of them, particles
    aside, is no common word of a cue language ("Mark Schmidt", "Priya", "De Boer"; not
    "Extremely Disappointed", "Gold Member", "Estudiante de Medicina")."""
    named = [w.strip("'’-") for w in words if w.lower() not in PARTICLES]
    return not all(is_common_word(w) for w in named)


def _end(spans: list[re.Match[str]], count: int) -> int:
    """Where the first `count` name words end, relative to the name group's start."""
    return spans[count - 1].end() if count else 0


def _in_title_case(match: re.Match[str]) -> bool:
    """Whether the text around the cue and its name is written in Title Case."""
    return is_title_case(match.string[: match.start()] + match.string[match.end() :])


def _any_name(match: re.Match[str]) -> int:
    """After a strong cue (a role, a contact request, "speaking with"): any name."""
    spans, count = _words(match)
    return _end(spans, count)


_ENGLISH_MANAGER = re.compile(r"(?i)(?:my|our)\b")
#: A lower-case word after a manager's one-word name that shows a person: a verb of what
#: managers do ("my manager Helen said"); a noun shows a product ("my team lead Jira tickets").
_MANAGER_VERB = re.compile(
    r"(?:said|says|told|tells|asked|asks|gave|gives|keeps|kept|wants|thinks|thought|knows|"
    r"knew|listens|cancels|helps|makes|made|got|gets|lets|checks|micromanages|\w+ed)(?!\w)"
)
_NEXT_LOWER = re.compile(r"[ \t]+([a-z][\w'’]*)")


def _managers_name(match: re.Match[str]) -> int:
    """After a manager cue: any name, but in English one word followed by a lower-case word
    only when that word is a stop word or a verb ("my manager Helen never", not "My manager
    Covid policy")."""
    length = _any_name(match)
    if not length or not _ENGLISH_MANAGER.match(match.group()):
        return length
    if len(match.group("name")[:length].split()) > 1:
        return length
    following = _NEXT_LOWER.match(match.string, match.start("name") + length)
    if following is None:
        return length
    word = following.group(1)
    return length if word in english_stop_words() or _MANAGER_VERB.fullmatch(word) else 0


def _shown_name(match: re.Match[str], alone: int = 2, ending: bool = True) -> int:
    """After a weaker cue: `alone` or more words, or fewer that end the clause (when
    `ending`) or go on with "from", "here", "speaking" ("Sarah from billing")."""
    spans, count = _words(match)
    if not count or _in_title_case(match):
        return 0
    after = match.start("name") + spans[count - 1].end()
    shown = _GOES_ON.match(match.string, after) is not None
    shown = shown or (ending and _CLAUSE_END.match(match.string, after) is not None)
    return _end(spans, count) if count >= alone or shown else 0


def _connected_name(match: re.Match[str]) -> int:
    """After a bare "this is": a name only when "from", "here", "speaking" follow."""
    return _shown_name(match, alone=9, ending=False)


def _thanked_name(match: re.Match[str]) -> int:
    """After thanks: two capitalised words that end the clause ("Thank you Priya Shah."); one
    alone is a brand as often as a name ("Thanks Ryanair!") and stays."""
    spans, count = _words(match)
    if count != 2 or _in_title_case(match):
        return 0
    if ends_on_place([span.group() for span in spans[:count]]):
        return 0  # a store: "Thank you Florence Road."
    after = match.start("name") + _end(spans, count)
    return _end(spans, count) if _CLAUSE_END.match(match.string, after) else 0


def _speaking_name(match: re.Match[str]) -> int:
    """One or two capitalised words at a clause start before "speaking" ("Priya speaking.")."""
    words = match.group("name").split()
    lowered = {w.lower() for w in words}
    if lowered & (NOT_CUE_NAMES | _SPEAKING_ADVERBS) or not all(w[0].isupper() for w in words):
        return 0
    if not names_someone(words):  # "Financially speaking", "Public speaking"
        return 0
    return len(match.group("name"))


_NAME_BEFORE = r"(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?)"
_SPEAKING = re.compile(
    rf"(?:^|(?<=[,.;:!?\n—–]))[ \t]*{_NAME_BEFORE}[ \t]+(?i:speaking)(?=[ \t]*(?:[,.;:!?\n]|$))"
)
_CLAUSE_START = r"(?:^|(?<=[,.;:!?\n—–¡¿]))[ \t]*"

#: Any of the cues' words at a word start: a text without one skips the patterns
#: (:func:`may_hold_cue`; "tu" only as a word, not inside "actually").
_CUE_HINT = re.compile(
    rf"(?i)\b(?:{_ROLES}|{_CONTACTS}|ansprechpartner|manag|micromanag|mikromanag|boss|"
    rf"supervisor|lead|teamlead|chef|kierown|"
    rf"szef|{_SPEAKING_WITH}|reached|it['’]s|it is|"
    rf"this is|{_SELF}|fala|aqui|tu\b|strony|thank|thx|gracias|obrigad|merci|danke|grazie|"
    rf"bedankt|speaking)"
)


def may_hold_cue(text: str) -> bool:
    """Cheap test before the `CUED` patterns: some cue word is in `text`."""
    return _CUE_HINT.search(text) is not None


#: The patterns and their measures, in the order they are searched.
CUED: tuple[tuple[re.Pattern[str], Measure], ...] = (
    (_cue(_ROLES), _any_name),
    (_cue(_CONTACTS), _any_name),
    (_cue(_MANAGERS), _managers_name),
    (re.compile(rf"(?i:ansprechpartner(?:in)?)[ \t]+{NAME_WORDS}"), _shown_name),
    (_cue(_SPEAKING_WITH), _any_name),
    (_cue(r"you['’]ve reached|you have reached"), _shown_name),
    (_cue(rf"{_GREETING}(?:it['’]s|it is|this is|{_SELF})"), _shown_name),
    (_cue(r"this is"), _connected_name),
    (_cue(_SELF), lambda match: _shown_name(match, ending=False)),
    (re.compile(rf"{_CLAUSE_START}(?i:{_CALL_OPENINGS})[ \t]+{NAME_WORDS}"), _shown_name),
    (
        re.compile(rf"{_CLAUSE_START}(?i:{_WEAK_CALL_OPENINGS})[ \t]+{NAME_WORDS}"),
        lambda match: _shown_name(match, ending=False),
    ),
    (
        _cue(
            r"(?:thank you|thanks|thank u|thx|many thanks|gracias|obrigad[oa]|merci|danke|"
            r"grazie|bedankt)(?: (?:so|very) much| again| a lot)?"
        ),
        _thanked_name,
    ),
    (_SPEAKING, _speaking_name),
)
