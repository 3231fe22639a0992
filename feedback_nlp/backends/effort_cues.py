"""The effort cue families: which cues a comment carries, each with its weight.

Cue phrases are written for the project (:mod:`~feedback_nlp.backends.effort_lexicon`,
:mod:`~feedback_nlp.backends.effort_phrases`, :mod:`~feedback_nlp.backends.effort_transfers`),
sentences split by :mod:`~feedback_nlp.backends.effort_sentences`, numbers read by
:mod:`~feedback_nlp.backends.effort_numbers` and :mod:`~feedback_nlp.backends.effort_repeats`,
negation by :mod:`~feedback_nlp.backends.effort_negation`.

Cue families and weights (a family counts once; the score is their sum, capped at 1):

- ``repeat_contact`` 0.7 — contacted or asked two or more times ("third time I call", "4
  e-mails", "reported it twice", "varias veces" with a contact verb, "every time I call", "rang
  again", "phoned, then e-mailed", short forms: "Zählerstand dreimal gemeldet"), or could not
  get through for days / always ("line engaged all day", "nadie cogía el teléfono"); 0.35 for
  one contact the customer had to make ("had to call") or one failed attempt; contacting over
  and over ("kept ringing", "ringing and ringing", "sans cesse") is strong.
- ``transfer`` 0.7 — passed between departments, transferred several times or to two or more
  departments, passed along a chain ("from billing to sales to support", "… and back"), or
  between parties named one by one ("I was passed between the claims team, the garage and the
  assessor"), sent round in circles (a chatbot that loops); 0.35 when transferred once.
- ``explain_again`` 0.7 — having to explain again, start from scratch.
- ``long_wait`` 0.6 — a service wait (on hold, in a queue, at a counter, for a reply or a
  refund, or one the customer had to make) of 30 minutes up to a day; 0.35 for a shorter
  (≥ 10 minutes), undated or multi-day one, "still not … after 5 weeks", or a counted wait of
  days the customer is still in ("czekam już osiem tygodni", not for an order). A wait called
  short is no cue: "only" or a short word right before its duration ("only 15 minutes", "nur 5
  Minuten") or, undated, next to it ("the wait was short"), not "just" / "only" elsewhere ("45
  minutes on hold just to be told …"); waiting for a train or a courier is a delay, not effort.
- ``hoops`` 0.6 — two or more forms / documents / steps (print and post, counted menus or
  screens), or a step repeated ("have to upload it again every month", "had to resend the
  documents"); 0.35 for one, when imposed or called long. An obligation is also a Dutch perfect
  ("ik heb … moeten opsturen") or "he tenido que".
- ``chasing`` 0.6 — reminders, follow-ups over days or weeks ("relancé depuis quinze jours",
  "wochenlang hinterhertelefoniert"); 0.35 without a duration. ``no_reply`` the same — no
  answer, hung up, a promised call back that never came; 0.6 for calls or e-mails never
  returned ("ignores my emails").

Negation: a wait, transfer, form, chase, repeated contact or explaining again with a negation
among the three words before it in its clause (or before its last word: "ich musste nicht noch
einmal anrufen"), or after a negated obligation in the clause ("I didn't have to call again",
"no need to", "pas eu besoin de réexpliquer"), is no cue; "but", "so", "because" and the like
end a clause, "not only" is no negation, and Turkish verbs are read for the negative suffix
("tekrar aramadım").
"""

from __future__ import annotations

import re

from feedback_nlp.backends import effort_lexicon as lex
from feedback_nlp.backends import effort_phrases as phrases
from feedback_nlp.backends.effort_negation import (
    found,
    negated_match,
    normalise,
    words,
)
from feedback_nlp.backends.effort_numbers import (
    count_before,
    durations,
    fold,
    repeat_count,
    starts_with_duration,
)
from feedback_nlp.backends.effort_repeats import (
    CONTACT_NOUNS,
    chained_contacts,
    courtesy,
    ignored,
    ongoing_wait,
    repeated_request,
)
from feedback_nlp.backends.effort_sentences import sentences
from feedback_nlp.backends.effort_short_forms import short_repeat
from feedback_nlp.backends.effort_transfers import passed_around, several_transfers, transferred
from feedback_nlp.backends.effort_unreachable import LINE_BUSY, LONG_TIME, NEVER_PICKED_UP

#: Cue weights: strong (one is high effort), firm (high on its own too) and weak.
STRONG, FIRM, WEAK = 0.7, 0.6, 0.35
CUE_FAMILIES = (
    "repeat_contact", "transfer", "explain_again", "long_wait", "hoops", "chasing", "no_reply"
)  # fmt: skip
#: Hold / queue waits in this range of minutes are long (a strong cue).
LONG_WAIT_MINUTES = (30.0, 1440.0)
SHORT_WAIT_MINUTES = 10.0
DAY_MINUTES = 1440.0


#: An obligation put on the customer (the shared list and the perfect forms it lacks).
_OBLIGATION = rf"{lex.OBLIGATION}|{phrases.MORE_OBLIGATION}"
_OBLIGED = words(rf"(?:{_OBLIGATION})(?!\w)")
_CONTACT = words(lex.CONTACT)
_EVERY_TIME = words(lex.EVERY_TIME)
_WAIT_SERVICE = words(rf"(?:{lex.WAIT_SERVICE})(?!\w)")
_WAIT_VERB = words(lex.WAIT_VERB)
_WAIT_CONTEXT = words(lex.WAIT_CONTEXT)
_MADE_TO_WAIT = re.compile(
    fold(
        rf"(?<!\w)(?:{_OBLIGATION})(?!\w)\W+(?:\w+\W+){{0,2}}?(?:{lex.WAIT_VERB})|"
        rf"(?<!\w)(?:{lex.WAIT_VERB})\W+(?:{_OBLIGATION})(?!\w)"
    )
)
#: "only" or a short word right before a duration: "only 15 minutes", "just a 2 minute wait".
_SHORT_BEFORE = words(rf"(?:{lex.ONLY}|{lex.SHORT})\s+(?:(?:a|an|ein\w*|un[ae]?|um|uma|een)\s+)?")
_WAIT_WORD = rf"(?:{lex.WAIT_SERVICE}|{lex.WAIT_VERB})(?!\w)"
_GAP = rf"(?:\s+(?!(?:{lex.AND_OR}|{lex.CLAUSE_LINK})(?!\w))[\w']+){{0,6}}\s+"
#: A short word next to a wait: "short wait", "the wait was short", "czekałem chwilę".
_SHORT_WAIT = words(
    rf"(?:{lex.SHORT})(?!\w){_GAP}{_WAIT_WORD}|{_WAIT_WORD}{_GAP}(?:{lex.SHORT})(?!\w)|"
    rf"(?:{lex.SHORT_WAIT})(?!\w)"
)
_STILL_NOT = words(lex.STILL_NOT)
_SINCE = words(lex.SINCE)
_NO_REPLY = words(phrases.NO_REPLY)
_UNREACHABLE = words(rf"{phrases.UNREACHABLE}|{LINE_BUSY}")
_NEVER_PICKED_UP = words(NEVER_PICKED_UP)
_PERSISTENT = words(
    rf"(?:{LONG_TIME}|always|constantly|never|immer|ständig|nie|toujours|jamais|siempre|nunca|"
    r"sempre|mai|steeds|altijd|nooit|всё время|постоянно|никогда|ciągle|zawsze|nigdy|mereu|"
    r"niciodată|hep|sürekli|hiç)(?!\w)"
)
_CHASING = words(phrases.CHASING)
_FOR_DAYS = words(rf"(?:{phrases.FOR_DAYS})(?!\w)")
_KEPT_CONTACTING = words(phrases.KEPT_CONTACTING)
_PHONE = words(lex.PHONE)
_EXPLAIN_AGAIN = words(phrases.EXPLAIN_AGAIN)
_HOOPS = words(rf"(?:{phrases.HOOPS})(?!\w)")
_COMPLICATED = words(rf"(?:{phrases.COMPLICATED})(?!\w)")
_HAD_TO_CONTACT = re.compile(
    fold(
        rf"(?<!\w)(?:{_OBLIGATION})(?!\w)\W+(?:\w+\W+){{0,3}}?(?:{lex.CONTACT})|"
        rf"(?<!\w)(?:{lex.CONTACT})\w*\s+(?:gerekti|zorunda)"
    )
)
_CONTACT_AGAIN = re.compile(
    fold(
        rf"(?<!\w)(?:{phrases.CONTACTED_AGAIN})|(?<!\w)(?:{phrases.CONTACT_VERBS})\s+(?:\w+\s+)?"
        rf"(?:{lex.AGAIN})(?!\w)|(?<!\w)(?:{lex.AGAIN})\s+(?:\w+\s+)?(?:{phrases.CONTACT_VERBS})(?!\w)"
    )
)
#: A step imposed again: "had to upload it again", "had to resend the documents".
_REPEATED_STEP = re.compile(
    fold(
        rf"(?<!\w)(?:{_OBLIGATION})(?!\w)\W+(?:\w+\W+){{0,5}}?(?:{lex.AGAIN})(?!\w)|"
        rf"(?<!\w)(?:{_OBLIGATION})(?!\w)\W+(?:\w+\W+){{0,2}}?(?:{phrases.REDONE})(?!\w)"
    )
)
_EVERY_TIME_CONTACT = re.compile(
    fold(rf"(?<!\w)(?:{lex.EVERY_TIME})\W+(?:\w+\W+){{0,3}}?(?:{lex.CONTACT})")
)


def _contacted(sentence: str) -> bool:
    """A contact in `sentence` that is not negated (an obligation where there is no contact)."""
    return found(_CONTACT if _CONTACT.search(sentence) else _OBLIGED, sentence)


def _counted_contact(sentence: str) -> bool:
    """A contact counted two or more times, the count in the contact's own comma clause
    ("Ordered twice, called once" counts the order); a count no one clause holds is read
    across the sentence."""
    clauses = sentence.split(",")
    if any(repeat_count(c) >= 2 for c in clauses):
        return any(repeat_count(c) >= 2 and _contacted(c) for c in clauses)
    return repeat_count(sentence) >= 2 and _contacted(sentence)


def repeat_contact(text: str) -> float:
    """Contacts made more than once (strong) or one contact the customer had to make."""
    for sentence in sentences(text):
        if _counted_contact(sentence) and not courtesy(sentence):
            return STRONG
    if count_before(text, CONTACT_NOUNS) >= 2 or found(_EVERY_TIME_CONTACT, text):
        return STRONG
    if count_before(text, phrases.VISITS) >= 2 or found(_CONTACT_AGAIN, text):
        return STRONG
    if found(_KEPT_CONTACTING, text) or repeated_request(text) or chained_contacts(text):
        return STRONG
    if short_repeat(text) or _NEVER_PICKED_UP.search(text):
        return STRONG
    for sentence in sentences(text):
        if _UNREACHABLE.search(sentence):  # tried and failed: for days or always (strong)
            if durations(sentence) or _PERSISTENT.search(sentence):
                return STRONG
            return WEAK
    return WEAK if found(_HAD_TO_CONTACT, text) else 0.0


def transfer(text: str) -> float:
    """Passed between departments (strong), transferred several times (strong) or once."""
    if passed_around(text):
        return STRONG
    if not transferred(text):
        return 0.0
    return STRONG if several_transfers(text) else WEAK


def _service_wait(sentence: str) -> bool:
    """A wait in this sentence that belongs to the service (hold, queue, a reply, imposed)."""
    if found(_WAIT_SERVICE, sentence) or found(_MADE_TO_WAIT, sentence):
        return True
    if _PHONE.search(sentence):  # a phone session of 10 minutes up to a day
        return any(SHORT_WAIT_MINUTES <= m < DAY_MINUTES for m in durations(sentence))
    return found(_WAIT_VERB, sentence) and bool(_WAIT_CONTEXT.search(sentence))


def _called_short(sentence: str, minutes: list[float]) -> bool:
    """A wait called short: "only" or a short word right before its duration ("only 15
    minutes", "nur 5 Minuten") or, with no duration, next to the wait ("the wait was short")."""
    if any(starts_with_duration(sentence[m.end() :]) for m in _SHORT_BEFORE.finditer(sentence)):
        return True
    return not minutes and bool(_SHORT_WAIT.search(sentence))


def long_wait(text: str) -> float:
    """A wait in a queue / on hold (long: strong), or an issue still open after a while."""
    best = 0.0
    for sentence in sentences(text):
        if not _service_wait(sentence):
            continue
        minutes = durations(sentence)
        if any(m < SHORT_WAIT_MINUTES for m in minutes) or _called_short(sentence, minutes):
            continue
        low, high = LONG_WAIT_MINUTES
        best = max(best, FIRM if any(low <= m < high for m in minutes) else WEAK)
    still_open = _STILL_NOT.search(text) and (durations(text) or _SINCE.search(text))
    if not best and (still_open or ongoing_wait(text)):
        best = WEAK
    return best


def hoops(text: str) -> float:
    """Forms, documents, steps: several (strong), a repeated step (strong) or one."""
    if count_before(text, phrases.MENUS) >= 2:
        return FIRM
    for sentence in sentences(text):
        every_time = _EVERY_TIME.search(sentence) and _OBLIGED.search(sentence)
        if every_time or found(_REPEATED_STEP, sentence):
            return FIRM
    steps = {m.group(0) for m in _HOOPS.finditer(text) if not negated_match(text, m)}
    imposed = found(_OBLIGED, text) or bool(_COMPLICATED.search(text))
    if not steps or not imposed:
        return 0.0
    several = len(steps) >= 2 or count_before(text, phrases.HOOPS) >= 2
    return FIRM if several else WEAK


def explain_again(text: str) -> float:
    """Explaining again, from scratch, or to several different people."""
    if found(_EXPLAIN_AGAIN, text) or count_before(text, phrases.DIFFERENT_PEOPLE) >= 2:
        return STRONG
    return 0.0


def no_reply(text: str) -> float:
    """No answer, nobody calls back: for days or weeks (strong) or not."""
    best = 0.0
    for sentence in sentences(text):
        if ignored(sentence):  # calls or e-mails never returned: several contacts lost
            best = FIRM
        elif _NO_REPLY.search(sentence):
            days = any(m >= DAY_MINUTES for m in durations(sentence))
            best = max(best, FIRM if days else WEAK)
    return best


def chasing(text: str) -> float:
    """Reminders, follow-ups: over days or weeks (strong: "chasing them for a month") or not."""
    best = 0.0
    for sentence in sentences(text):
        if found(_CHASING, sentence):
            days = any(m >= DAY_MINUTES for m in durations(sentence))
            days = days or bool(_FOR_DAYS.search(sentence))
            best = max(best, FIRM if days else WEAK)
    return best


def cue_weights(text: str) -> dict[str, float]:
    """Weight of each cue family found in `text` (families without a cue left out)."""
    text = normalise(text)
    weights = {
        "repeat_contact": repeat_contact(text),
        "transfer": transfer(text),
        "explain_again": explain_again(text),
        "long_wait": long_wait(text),
        "hoops": hoops(text),
        "chasing": chasing(text),
        "no_reply": no_reply(text),
    }
    if (weights["chasing"] or weights["hoops"] == WEAK) and weights["repeat_contact"] == WEAK:
        weights["repeat_contact"] = 0.0  # "had to chase once", "had to send a letter": one cue
    return {family: weight for family, weight in weights.items() if weight > 0}
