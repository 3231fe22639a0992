"""What a report shows of a long quote: the sentence that raises the theme, not the whole text.

A review of 3,000 characters quoted whole buries the point it makes about a theme. A quote
longer than :data:`QUOTE_CHARS` is shown as the sentence holding its `excerpt` (the part
of the comment that raises the theme, from the topics stage's ``theme_mentions``), or as
its opening when the part is unknown, clipped at a word to about :data:`QUOTE_CHARS`
characters, with "…" where text is left out. The HTML page keeps the whole comment one
click away; Markdown shows the passage only.
"""

from __future__ import annotations

import re

from feedback_nlp.report.document import Quote
from feedback_nlp.text.sentences import split_sentences

#: Quotes up to this many characters are shown whole.
QUOTE_CHARS = 300
#: What may stand between two words of an excerpt in the comment's text.
BETWEEN_WORDS = r"[\s,;\-–—]+"
#: Words an excerpt is found by at each end when it is not found whole.
EDGE_WORDS = 3
#: An ellipsis marks text left out before or after the passage shown.
ELLIPSIS = "…"


def is_long(text: str, limit: int = QUOTE_CHARS) -> bool:
    """Is `text` longer than a report shows whole?"""
    return len(text) > limit


def shown(text: str, excerpt: str = "", lang: str = "", limit: int = QUOTE_CHARS) -> str:
    """`text` when short, else the passage of it that a report shows (see the module)."""
    if not is_long(text, limit):
        return text
    start, end = _passage(text, excerpt, lang, limit)
    passage = text[start:end]
    if len(passage) > limit:
        cut = passage.rfind(" ", 0, limit)
        passage = passage[: cut if cut > limit // 2 else limit].rstrip()
    lead = f"{ELLIPSIS} " if start > 0 else ""
    tail = f" {ELLIPSIS}" if start + len(passage) < len(text.rstrip()) else ""
    return f"{lead}{passage}{tail}"


def _passage(text: str, excerpt: str, lang: str, limit: int) -> tuple[int, int]:
    """(start, end) of the sentences holding `excerpt` when they fit `limit`, else of the
    excerpt itself; the text's opening when the excerpt is not found in it."""
    span = _locate(text, excerpt)
    if span is None:
        return 0, len(text)
    start, end = span
    around = [s for s in split_sentences(text, lang or None) if s.start < end and s.end > start]
    if around and around[-1].end - around[0].start <= limit:
        return min(start, around[0].start), max(end, around[-1].end)
    return start, end


def _locate(text: str, excerpt: str) -> tuple[int, int] | None:
    """Where `excerpt` lies in `text`; None when it does not. Between words, white space and
    the separators the topics stage cuts clauses at are read alike (a clause cut at ", but"
    and joined back to a one-word neighbour lost its comma); failing that, the excerpt is
    found by its first and last words."""
    words = excerpt.split()
    whole = _search(words, text)
    if whole is not None or len(words) < 2 * EDGE_WORDS:
        return whole
    head = _search(words[:EDGE_WORDS], text)
    if head is None:
        return None
    tail = _search(words[-EDGE_WORDS:], text, head[1])
    return (head[0], tail[1]) if tail is not None else (head[0], head[0] + len(excerpt))


def _search(words: list[str], text: str, start: int = 0) -> tuple[int, int] | None:
    if not words:
        return None
    pattern = re.compile(BETWEEN_WORDS.join(re.escape(w) for w in words))
    found = pattern.search(text, start)
    return (found.start(), found.end()) if found else None


def focused_text(quote: Quote) -> str | None:
    """The part of a short comment that raised its theme (`excerpt`), with its sentence, when
    that part is not the whole comment: a card's quote about a late refund led with the
    comment's sign-in trouble. None when there is no such part (a long quote is always shown
    by its part: `excerpts.shown`)."""
    part, whole = " ".join(quote.excerpt.split()), " ".join(quote.text.split())
    if not part or part == whole or part not in whole or is_long(quote.text):
        return None
    return shown(quote.text, quote.excerpt, quote.lang, limit=len(quote.text) - 1)
