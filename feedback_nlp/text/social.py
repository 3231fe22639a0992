"""Social-media markup: @handles, retweet markers, hashtags and URLs.

Three readings of the same markup:

* :func:`strip_social` (language identification): handles and retweet markers carry no
  language, so they go; a hashtag keeps its words, CamelCase split.
* :func:`without_retweet_marks` (duplicates, ironic praise): a retweet's "RT @anna:" prefix
  and a trailing "via @anna" go, so a retweet reads as the post it shares.
* :func:`social_for_encoder` (the encoder's input): handles become ``@user`` and URLs ``http``,
  the placeholders of the XLM-T tweets the sentiment head was trained on, so a real export reads
  like the training data; retweet markers go; hashtags stay as written, as in XLM-T (turning
  them into words measured worse on MobASA: docs/results/social_text_eval.json).
"""

from __future__ import annotations

import re

#: URLs, e-mails and bare domains: generic TLDs anywhere, country TLDs only with a path
#: (so "gut.es war", a missing space after a full stop, keeps its words).
URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|app|shop|info|biz|eu)\b(?:/\S*)?"
    r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2}/\S*",
    re.IGNORECASE,
)
#: A web address (scheme or www.), what :func:`social_for_encoder` replaces; it ends at white
#: space or at a bracket or quote that closes markup ("[url=https://x]the text[/url]",
#: "<a href="https://x">"), so the words after it are kept.
_WEB_RE = re.compile(r"(?:https?://|www\.)[^\s\[\]<>\"]+", re.IGNORECASE)
HANDLE_RE = re.compile(r"(?<![\w@])@\w+")
RETWEET_RE = re.compile(r"(?:^|(?<=\s))RT(?=\s*[@:])")
#: A retweet's prefix ("RT @anna:", "rt @anna", "RT:"; several for a retweet of a retweet) and
#: a trailing credit ("… via @anna").
_RETWEET_PREFIX_RE = re.compile(r"^\s*(?:RT\s*(?:@\w+\s*:?|:)\s*)+", re.IGNORECASE)
_VIA_RE = re.compile(r"\s+via\s+@\w+[\s.,;:!?)]*$", re.IGNORECASE)
HASHTAG_RE = re.compile(r"(?<!\w)#(\w+)")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: Runs of the same placeholder ("@user @user @user") read as one.
_REPEATS_RE = re.compile(r"(@user|http)(?:[\s.:,]+\1)+")
#: What marks a text as social (cheap test before any substitution).
_MARKERS = ("@", "#", "RT", "http", "www.")


def hashtag_words(tag: str) -> str:
    """The words of a hashtag's body: ``"GreatService"`` -> ``"Great Service"``."""
    return _CAMEL_RE.sub(" ", tag).replace("_", " ")


def has_social_markup(text: str) -> bool:
    """Whether `text` may hold a handle, hashtag, retweet marker or web address."""
    return any(marker in text for marker in _MARKERS)


def without_retweet_marks(text: str) -> str:
    """`text` without a retweet's prefix ("RT @anna: ") and a trailing "via @anna": the words
    the original post and its retweets share."""
    if "@" not in text and ":" not in text:
        return text
    return _VIA_RE.sub("", _RETWEET_PREFIX_RE.sub("", text))


def is_retweet(text: str) -> bool:
    """Whether `text` carries a retweet's prefix or a trailing "via @anna"."""
    return without_retweet_marks(text) != text


def strip_social(text: str) -> str:
    """`text` without @handles and RT markers (a retweet's "RT @anna:" prefix whole),
    hashtags as their (CamelCase-split) words."""
    text = HANDLE_RE.sub(" ", without_retweet_marks(text))
    text = RETWEET_RE.sub(" ", text)
    return HASHTAG_RE.sub(lambda m: " " + hashtag_words(m.group(1)) + " ", text)


def social_for_encoder(text: str) -> str:
    """`text` as the encoder should read it: ``@user`` for handles, ``http`` for web addresses,
    no retweet markers; text without them is returned unchanged."""
    if not has_social_markup(text):
        return text
    text = _WEB_RE.sub("http", text)
    text = RETWEET_RE.sub("", text)
    text = HANDLE_RE.sub("@user", text)
    text = _REPEATS_RE.sub(r"\1", text)
    return re.sub(r"[^\S\n]{2,}", " ", text).strip()
