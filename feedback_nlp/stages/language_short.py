"""Short comments in the language stage: what decides a one- or two-word comment's `lang`
when its words cannot ("ok!", "meh", "Super", "Nul").

A detector reads single words right about three times in four (docs/language.md), and a
wrong reading adds a language the export does not have. After detection, in this order:

1. :func:`with_short_text_hints`: a short comment the detector is unsure of takes its own
   `lang_hint` (the survey's locale) when the text's script allows it ("ok!" with locale
   ``de`` is German, not Polish).
2. :func:`with_batch_languages`: a short, unsure comment without a hint, read as a language
   that holds under :data:`BATCH_LANGUAGE_SHARE` of the batch, is read again among the
   batch's own languages ("Nul" in a de/en/fr/es export is French, not Romanian). Learnt
   from each batch's first reading of its other comments (not the short, unsure ones it
   re-reads, so a reply misread twenty times cannot make its wrong language the batch's
   own), so the same comments in the same batch always get the same languages.
3. :func:`with_replies_of_no_language`: a reply that judges nothing in several languages
   ("ok", "no", "n/a") and has no hint is ``und``: any language would be a guess.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from feedback_nlp.backends.language import (
    SURE_PROBABILITY,
    UND,
    LanguageDetector,
    Result,
    is_language_code,
    language_signal,
    normalise_code,
)
from feedback_nlp.backends.scripts import allows, scripts_in
from feedback_nlp.text.replies import is_reply_of_no_language

#: A comment of at most this many words (after removing digits, punctuation, links…) is short.
SHORT_TEXT_WORDS = 2
#: The score of a short comment whose hint decided: a claim of the source, not a measurement.
HINTED_SCORE = 0.5
#: A language holding at least this share of a batch's detected comments is one of its own.
BATCH_LANGUAGE_SHARE = 0.05
#: Detected comments a batch needs before its languages count (as for the corpus prior).
BATCH_MIN_TEXTS = 50


def is_short(text: object) -> bool:
    """Whether `text` has 1 to :data:`SHORT_TEXT_WORDS` words that can carry language."""
    return 0 < len(language_signal(text).split()) <= SHORT_TEXT_WORDS


def _unsure_short(text: object, result: Result) -> bool:
    return result[1] < SURE_PROBABILITY and is_short(text)


def _hint_code(hints: Sequence[str | None] | None, row: int) -> str:
    """The row's hint as an ISO 639-1 code ("de-DE" → "de", "zh-Hans-CN" → "zh"); "" when it
    has none or it names no language ("US", "xx")."""
    hint = hints[row] if hints is not None else None
    code = normalise_code(hint) if isinstance(hint, str) else ""
    return code if is_language_code(code) else ""


def with_short_text_hints(
    texts: Sequence[object],
    found: list[Result],
    hints: Sequence[str | None] | None,
    candidates: Sequence[str] | None,
) -> list[Result]:
    """`found` with each short comment read with a score under SURE_PROBABILITY given its
    own hint, where the hint is a language code the candidates and the text's script allow."""
    if hints is None:
        return found
    result = list(found)
    for row, text in enumerate(texts):
        code = _hint_code(hints, row)
        if not code or code == found[row][0] or not _unsure_short(text, found[row]):
            continue
        if candidates and code not in candidates:
            continue
        if allows(code, scripts_in(language_signal(text))):
            result[row] = (code, HINTED_SCORE)
    return result


def batch_languages(found: Sequence[Result]) -> list[str]:
    """The languages of at least BATCH_LANGUAGE_SHARE of the batch's detected comments
    (BATCH_MIN_TEXTS or more of them; else none), most frequent first."""
    counts = Counter(lang for lang, _ in found if lang != UND)
    total = sum(counts.values())
    if total < BATCH_MIN_TEXTS:
        return []
    return [lang for lang, count in counts.most_common() if count >= BATCH_LANGUAGE_SHARE * total]


def with_batch_languages(
    detector: LanguageDetector,
    texts: Sequence[object],
    found: list[Result],
    hints: Sequence[str | None] | None,
) -> list[Result]:
    """`found` with each short, unsure comment without a hint that was read as a language
    outside :func:`batch_languages` read again among those languages. The batch's languages
    are learnt from its comments that are not short and unsure."""
    own = batch_languages(
        [
            result
            for text, result in zip(texts, found, strict=True)
            if not _unsure_short(text, result)
        ]
    )
    rows = [
        row
        for row, (lang, score) in enumerate(found)
        if own
        and lang not in own
        and lang != UND
        and not _hint_code(hints, row)
        and _unsure_short(texts[row], (lang, score))
    ]
    if not rows:
        return found
    again = detector.detect([texts[row] for row in rows], candidates=own)
    result = list(found)
    for row, redetected in zip(rows, again, strict=True):
        if redetected[0] != UND:
            result[row] = redetected
    return result


def with_replies_of_no_language(
    texts: Sequence[object], found: list[Result], hints: Sequence[str | None] | None
) -> list[Result]:
    """`found` with every reply of no language ("ok", "no", "n/a") without a hint as ``und``."""
    return [
        (UND, 0.0)
        if isinstance(text, str) and not _hint_code(hints, row) and is_reply_of_no_language(text)
        else found[row]
        for row, text in enumerate(texts)
    ]
