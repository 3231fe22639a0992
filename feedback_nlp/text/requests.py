"""Plain requests: a comment that asks for something and judges nothing ("I'd like to book two
rooms for Friday", "Can I bring my dog?", "Ich möchte meine Buchung ändern", "¿Hay
aparcamiento?"). Support chats and chatbot logs are full of them; the sentiment model, trained
on tweets and reviews, reads many as positive.

The words (`feedback_nlp/data/complaints/requests.toml`, written for the project) cover en fr
de es it pt nl ro ru pl. A comment is a *plain request* when all of these hold:

- it has at most :data:`MAX_WORDS` words (@handles and retweet markers left out);
- after a greeting or none ("Hi,", "Bonjour"), it opens with a request or question of its
  language ("I'd like", "can I", "how much", "je voudrais", "kann ich", "¿hay"), or, when
  it holds a question mark, with a bare question word that also opens other sentences
  ("quand", "wann", "cómo", "как"); a comment of unknown language may open with any
  language's;
- the rest, less closing thanks ("thanks in advance", "merci d'avance"), holds no word that
  judges or feels: the file's `judging` words ("love", "happy", "thank" in "I'd like to
  thank…"), any language's words of praise (`ironic_praise.toml`) and positive one-word
  replies (`data/replies/evaluative.toml`);
- it holds no emoji or emoticon (":)", "<3").

Openers include a wish ("would be nice to", "es wäre schön, wenn", "ce serait bien de"): its
own praise word does not count as judging. A plain request that also asks to add or offer
something (the file's `adding` verbs: "Please add Apple Pay at checkout", "Bitte Apple Pay
anbieten") in one clause (not "Please add staff at weekends, it is chaos.") asks for a
feature (:func:`asks_to_add`) unless it states a service failure
(:func:`feedback_nlp.text.complaints.states_failure`: "Please fix the app, it crashes"), a
negative judgement (`data/replies/evaluative.toml`: "terrible"), a refusal (a negation or
"stop": "please stop adding fees"), a remedy ("refund", "compensation") or a fix, an answer,
a person or how a request was met ("Any plans to fix the app?", "Would love a response",
"Is there a way to talk to a human?", "Request ignored for three weeks"). So does one opened
by the file's `feature` words ("Feature request:", "Suggestion:", "Is there a way to", "Would
love a"), with or without an adding verb.
"""

from __future__ import annotations

import re
from functools import lru_cache

from feedback_nlp.text.complaints import (
    NEGATIONS,
    WORD,
    any_cue,
    cue_lists,
    normalise,
    states_failure,
)
from feedback_nlp.text.irony import praise_words
from feedback_nlp.text.replies import evaluative_replies
from feedback_nlp.text.social import strip_social

#: Longer comments tell more than a request; the model reads them in context.
MAX_WORDS = 40
#: Words that ask to take something away rather than add it (folded).
_STOPPING = re.compile(
    r"(?<!\w)(?:stop|quit|remove|aufhoren|entfernen|arretez|arreter|supprimez|dejen|deje de|"
    r"quiten|smettete|smettere|togliete|parem|pare de|removam|stoppen|stop met|verwijder|"
    r"прекратите|перестаньте|уберите|przestancie|usuncie|nu mai|eliminati)(?!\w)"
)
#: Words that ask for a remedy, not a feature ("We'd like a refund"): a complaint's outcome.
_REMEDY = re.compile(
    r"(?<!\w)(?:refund|money back|compensation|reimburs|cancel|erstattung|geld zuruck|"
    r"rembours|reembols|rimbors|terugbetal|возврат|zwrot)"
)
#: Words that ask for a fix, an answer or a person, or say how a request was met (folded):
#: a complaint ("Any plans to fix the app?", "Would love a response", "Request ignored").
_COMPLAINT_ASK = re.compile(
    r"(?<!\w)(?:fix\w*|repair\w*|respon\w*|answer\w*|repl(?:y|ies|ied)|human|real person|"
    r"(?:talk|speak|chat) (?:to|with)|manager|fire|sack|ignored|denied|rejected|refused|"
    r"declined|unanswered|ignoriert|abgelehnt|antwort\w*|reparier\w*|mensch|"
    r"ignore[es]?|refuse[es]?|repons\w*|reparer|corriger|ignorad[oa]s?|rechazad[oa]s?|"
    r"respuesta|arreglar|ignorat[oa]|risposta|riparare|resposta|consertar|genegeerd|"
    r"antwoord|repareren)(?!\w)"
)
#: A mark that ends a clause or sentence with more words after it: a request that goes on
#: ("Please add staff, it is chaos.").
_GOES_ON = re.compile(r"(?:[,;:()!?.…]|\s[-–—]\s)\W*\w")
_EMOTE = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|(?<!\w)(?:[:;=]-?[)(DPp]|<3|xD)(?!\w)")


def request_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """The lists per language (``greeting``, ``opener``, ``question``, ``closing``,
    ``judging``, ``adding``), as written."""
    return cue_lists("requests.toml")


@lru_cache(maxsize=64)
def _start(lang: str | None, asks: bool) -> re.Pattern[str]:
    """A greeting or none, then an opener or `feature` opener of `lang` (of every language
    when it has none), or with `asks` (the comment holds a question mark) also a bare
    question word."""
    lists = request_words()
    chosen = [lists[lang]] if lang in lists else list(lists.values())
    kinds = ("opener", "feature", "question") if asks else ("opener", "feature")
    greeting = any_cue(g for words in chosen for g in words["greeting"]).pattern
    opener = any_cue(o for words in chosen for kind in kinds for o in words.get(kind, ())).pattern
    return re.compile(rf"\W*(?:{greeting}\W*)?{opener}")


@lru_cache(maxsize=1)
def _closing() -> re.Pattern[str]:
    words = (c for lists in request_words().values() for c in lists["closing"])
    return re.compile(rf"(?:{any_cue(words).pattern})\W*$")


@lru_cache(maxsize=1)
def _judging() -> re.Pattern[str]:
    words = [w for lists in request_words().values() for w in lists["judging"]]
    words += [w for praise in praise_words("praise").values() for w in praise]
    words += [w for replies in evaluative_replies()["positive"].values() for w in replies]
    return any_cue(words)


def judges_or_feels(text: str) -> bool:
    """True when `text` holds a word that judges or feels (the `judging` words, any
    language's praise, positive one-word replies) or an emoji or emoticon."""
    return bool(_EMOTE.search(text) or _judging().search(normalise(text)))


def _words(kind: str) -> re.Pattern[str]:
    """:func:`any_cue` of every language's `kind` list."""
    return any_cue(w for lists in request_words().values() for w in lists.get(kind, ()))


@lru_cache(maxsize=1)
def _adding() -> re.Pattern[str]:
    return _words("adding")


@lru_cache(maxsize=1)
def _unspaced_adding() -> re.Pattern[str]:
    """Japanese `adding` words anywhere: its opener takes the whole request, and its words
    have no spaces around them ("Apple Payを追加してほしい")."""
    return re.compile("|".join(map(re.escape, request_words()["ja"]["adding"])))


def _asks_to_add_something(text: str, rest: str) -> bool:
    """True when `rest` holds an adding verb, `text` opens with a `feature` opener or, in
    Japanese, holds an adding word."""
    if _adding().search(rest) or _feature_start().match(normalise(text)):
        return True
    return bool(_unspaced_adding().search(normalise(text)))


@lru_cache(maxsize=1)
def _feature_start() -> re.Pattern[str]:
    """A greeting or none, then an opener that by itself asks for a feature (the `feature`
    lists: "Feature request:", "Is there a way to")."""
    greeting = _words("greeting").pattern
    return re.compile(rf"\W*(?:{greeting}\W*)?{_words('feature').pattern}")


@lru_cache(maxsize=1)
def _negative() -> re.Pattern[str]:
    return any_cue(w for words in evaluative_replies()["negative"].values() for w in words)


def _asked(text: str, lang: str | None) -> str | None:
    """The folded rest of `text` after its greeting and request opener, less closing thanks,
    when `text` has the form of a plain request (see the module); else None."""
    if not isinstance(text, str) or _EMOTE.search(text):
        return None
    folded = normalise(strip_social(text)).strip()
    if not folded or len(WORD.findall(folded)) > MAX_WORDS:
        return None
    opened = _start(lang, "?" in folded or "¿" in folded).match(folded)
    if opened is None:
        return None
    rest = _closing().sub("", folded[opened.end() :])
    return None if _judging().search(rest) else rest


def plain_request(text: str, lang: str | None = None) -> bool:
    """True when `text` only asks for something (see the module); `lang` picks the openers."""
    return _asked(text, lang) is not None


def asks_to_add(text: str, lang: str | None = None) -> bool:
    """True when `text` is a plain request to add or offer something ("Please add Apple Pay
    at checkout", "Feature request: dark mode"), in one clause, that states no failure,
    negative judgement, refusal or remedy asked for (see the module)."""
    rest = _asked(text, lang)
    if rest is None or _negative().search(rest) or _REMEDY.search(rest):
        return False
    if _COMPLAINT_ASK.search(rest) or not _asks_to_add_something(text, rest):
        return False
    if _GOES_ON.search(rest.lstrip(" ,;:!?.")):
        return False
    refused = _STOPPING.search(rest) or any(
        w in NEGATIONS or w.endswith("n't") for w in WORD.findall(rest)
    )
    return not refused and not states_failure(text)
