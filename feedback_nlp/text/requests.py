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
"""

from __future__ import annotations

import re
from functools import lru_cache

from feedback_nlp.text.complaints import WORD, any_cue, cue_lists, normalise
from feedback_nlp.text.irony import praise_words
from feedback_nlp.text.replies import evaluative_replies
from feedback_nlp.text.social import strip_social

#: Longer comments tell more than a request; the model reads them in context.
MAX_WORDS = 40
_EMOTE = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|(?<!\w)(?:[:;=]-?[)(DPp]|<3|xD)(?!\w)")


def request_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """The lists per language (``greeting``, ``opener``, ``question``, ``closing``,
    ``judging``), as written."""
    return cue_lists("requests.toml")


@lru_cache(maxsize=64)
def _start(lang: str | None, asks: bool) -> re.Pattern[str]:
    """A greeting or none, then an opener of `lang` (of every language when it has none),
    or with `asks` (the comment holds a question mark) also a bare question word."""
    lists = request_words()
    chosen = [lists[lang]] if lang in lists else list(lists.values())
    kinds = ("opener", "question") if asks else ("opener",)
    greeting = any_cue(g for words in chosen for g in words["greeting"]).pattern
    opener = any_cue(o for words in chosen for kind in kinds for o in words[kind]).pattern
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


def plain_request(text: str, lang: str | None = None) -> bool:
    """True when `text` only asks for something (see the module); `lang` picks the openers."""
    if not isinstance(text, str) or _EMOTE.search(text):
        return False
    folded = normalise(strip_social(text)).strip()
    if not folded or len(WORD.findall(folded)) > MAX_WORDS:
        return False
    opened = _start(lang, "?" in folded or "¿" in folded).match(folded)
    if opened is None:
        return False
    rest = _closing().sub("", folded[opened.end() :])
    return _judging().search(rest) is None
