"""Sign-offs before a name that ends a text, for :func:`feedback_nlp.text.people.redact_names`.

A sign-off counts only when the name after it ends the text or a signature's tail follows it
(since stop 48: "Best regards,\\nJohn Carter\\nProcurement Manager | Acme Ltd"). Since stop 53
also, at a clause start: ``Best,`` with a comma or a line break (not "Best Buy"); thanks
followed by a line break (``Thanks,\\nJennifer Walsh``; on one line thanks take a name only as
`feedback_nlp.text.people_cues` says); and, strictly, a dash (``Slow. - Jennifer Walsh``,
``-- Jen``, ``— Jen``) or ``LG``, ``VG``, ``BR``, ``MfG`` as written (``LG``/``Lg``, ``VG``/``Vg``:
``LG Markus``, ``Lg Markus``): there the name must start with a known first name
(:mod:`feedback_nlp.text.people_first_names`), be capitalised words, one of them no common
word, no brand or greeting, in no list of dashes (``- Good Price``, ``LG Velvet``, ``LG
Xboom``, ``-- Xiaomi``, ``- Danke Anna``, ``Slow. - Microsoft Teams`` stay). After ``Best,``
or a thanks line one word must be a known first name ("Thanks\nNetflix" stays).
"""

from __future__ import annotations

import re

from feedback_nlp.text.people_cues import NOT_CUE_NAMES, names_someone
from feedback_nlp.text.people_first_names import is_first_name
from feedback_nlp.text.people_words import (
    NOT_CUE_BRANDS,
    NOT_NAMES,
    PARTICLES,
    ends_on_place,
    is_title_case,
)

SIGN_OFFS = (
    r"regards|kind regards|best regards|warm regards|warmest regards|best wishes|sincerely|"
    r"yours sincerely|cheers|cordialement|bien à vous|mit freundlichen grüßen|"
    r"mit freundlichen grüssen|viele grüße|liebe grüße|beste grüße|herzliche grüße|saludos|"
    r"saludos cordiales|un saludo|un cordial saludo|atentamente|cordiali saluti|"
    r"distinti saluti|atenciosamente|cumprimentos|cu stimă|cu respect|с уважением|"
    r"met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|hartelijke groet(?:en)?|"
    r"groetjes|groeten|z poważaniem|pozdrawiam|saygılarımla|iyi çalışmalar|"
    r"diolch|diolch yn fawr|cofion|cofion cynnes|cofion gorau|yn gywir"
)
#: Sign-offs that are words elsewhere ("Best Buy"): only at a clause start, with a comma or
#: a line break after them.
_BRIEF_SIGN_OFFS = r"best|all the best|all best|take care"
#: Thanks that sign off: only at a clause start, with a line break before the name.
_THANKS = r"thanks|thank you|many thanks|thanks again|thanks so much|thank you so much|thx|ty"
#: Abbreviated sign-offs, only as written: German "LG"/"Lg" (liebe Grüße), "VG"/"Vg", "MfG",
#: English "BR" (best regards).
_ABBREVIATED = r"LG|VG|BR|MfG|Lg|Vg"
_CLAUSE_START = r"(?:^|(?<=[.!?…\n]))[ \t]*"
SIGN_OFF = (
    rf"(?:(?<!\w)(?:{SIGN_OFFS})(?!\w)[ \t]*[,!]?[ \t]*\n?"
    rf"|{_CLAUSE_START}(?:{_BRIEF_SIGN_OFFS})[ \t]*(?:[,!][ \t]*\n?|\n)"
    rf"|{_CLAUSE_START}(?:{_THANKS})[ \t]*[,!.]?[ \t]*\n)[ \t]*"
)
#: The strict cues: a dash or an abbreviation (their name is checked by `strict_name_ok`).
_STRICT_SIGN_OFF = (
    rf"(?P<strict>{_CLAUSE_START}(?:(?-i:{_ABBREVIATED})[ \t]*,?[ \t]*\n?|(?:--?|—|–)))[ \t]*"
)
#: What may follow a signed name: the end, or a signature's tail on lines of their own (a job
#: title, a company, a phone, an address: at most `_TAIL_LINES` lines of 80 characters).
_TAIL_LINES = 6
SIGNATURE_END = rf"[ \t]*[.!]?(?:\s*$|[ \t]*\n(?:[^\n]{{0,80}}(?:\n|$)){{1,{_TAIL_LINES}}}$)"
_NAME = r"(?P<name>(?:[^\W\d_][\w'’-]*)(?:[ \t]+[^\W\d_][\w'’-]*){0,3})"
SIGNED_NAME = re.compile(rf"(?i)(?:{SIGN_OFF}|{_STRICT_SIGN_OFF}){_NAME}(?={SIGNATURE_END})")
#: A sign-off and one word that end a text ("thanks. cheers, john"), looked for in lower-case
#: texts too.
SIGNED_AT_END = re.compile(rf"(?i){SIGN_OFF}[^\W\d_]+[ \t]*[.!]?\s*$")
ENDS_HERE = re.compile(r"[ \t]*[.!]?\s*$")
#: Lower-case words after a sign-off that are no name ("Cheers, mate").
NOT_SIGNED = NOT_NAMES | frozenset(
    """mate mates all everyone everybody guys folks love bye again anyway buddy pal man dude
    lol thx ty xx xxx gracias merci danke grazie obrigado obrigada bedankt dank none sorry
    unhappy disappointed frustrated angry annoyed furious upset sad tired fed done whatever
    enttäuscht enttäuschte verärgert sauer traurig déçu déçue décu fâché fâchée furieux
    decepcionado decepcionada enfadado enfadada deluso delusa arrabbiato arrabbiata boos
    teleurgesteld anonymous anon client bawb chi ti""".split()  # noqa: SIM905
)
#: Thanks and greetings, never part of a signed name ("- Danke Anna").
GREETING_WORDS = frozenset(
    """thanks thank thx danke dankeschön merci grazie gracias obrigado obrigada bedankt dank
    cheers hi hello hey hallo hola ciao salut bonjour""".split()  # noqa: SIM905
)
#: Sign-offs after which one signed word must be a known first name ("Thanks\nNetflix").
_WEAK_SIGN_OFFS = re.compile(rf"(?i)(?:{_BRIEF_SIGN_OFFS}|{_THANKS})[ \t]*[,!.]?")
#: Sign-offs that thank: a store named after a place may follow them ("cheers Oxford Street!").
THANKING_SIGN_OFFS = frozenset(
    ("cheers", "diolch", "diolch yn fawr", "thanks", "thank you", "many thanks", "thx", "ty")
)
#: A line that starts with a dash or a bullet: a list, whose last item is no signature.
_LIST_LINE = re.compile(r"(?m)^[ \t]*[-—–*•]")


_STARTS_WITH_DASH = re.compile(r"\s*[-—–]")


def _is_list(match: re.Match[str]) -> bool:
    """Whether the dash before a name is part of a list or a dialogue: two lines start with a
    dash or a bullet, or the text starts with a dash and this one comes later."""
    text = match.string
    if len(_LIST_LINE.findall(text)) > 1:
        return True
    return match.start("strict") > 0 and _STARTS_WITH_DASH.match(text) is not None


def _dash_takes(match: re.Match[str], words: list[str]) -> bool:
    """Whether a dash signs what comes before it (a text that starts with one is a line of
    dialogue: "- Sono Bob.") and enough of a name follows: two or more words, or one after a
    double dash, a long dash or a line break ("Slow. -- Jen", "Slow.\n- Jen")."""
    dash = match.group("strict").strip()
    if dash[:1] not in "-—–":
        return True
    before = match.string[: match.start("strict")]
    if not before.strip():
        return False
    return len(words) > 1 or dash in ("--", "—", "–") or before.endswith("\n")


def is_weak_sign_off(match: re.Match[str]) -> bool:
    """Whether the sign-off before a signed name is "Best," or thanks on a line of their own."""
    sign_off = match.string[match.start() : match.start("name")].strip()
    return _WEAK_SIGN_OFFS.fullmatch(sign_off) is not None


def weak_name_ok(words: list[str]) -> bool:
    """Whether `words` after "Best," or a thanks line name someone: no greeting, and a known
    first name first or two words, one no common word ("Thanks!\nAwesome" stays)."""
    if any(w.lower() in GREETING_WORDS for w in words):
        return False
    if is_first_name(words[0]):
        return True
    return len(words) > 1 and names_someone(words)


def strict_name_ok(match: re.Match[str], words: list[str]) -> bool:
    """Whether the name after a dash or an abbreviated sign-off (`words`, all the words left)
    names someone: capitalised words, the first a known first name, none in capitals, a brand
    or a greeting, one no common word, not a place, not the last item of a list, in a text not
    written in Title Case."""
    named = [w for w in words if w.lower() not in PARTICLES]
    if any(not w[0].isupper() or (w.isupper() and len(w) > 1) for w in named):
        return False
    if any(w.lower() in NOT_CUE_NAMES | NOT_CUE_BRANDS | GREETING_WORDS for w in named):
        return False
    if not named or not is_first_name(named[0]):
        return False  # "-- Xiaomi", "- Marriott Bonvoy", "LG Xboom"
    if not names_someone(words) or ends_on_place(words) or _is_list(match):
        return False
    if not _dash_takes(match, words):
        return False
    return not is_title_case(match.string[: match.start()])
