"""Short comments in the language stage: what decides a one- or two-word comment's `lang`
when its words cannot ("ok!", "meh", "Super", "Nul").

A detector reads single words right about three times in four (docs/language.md), and a
wrong reading adds a language the export does not have. After detection, in this order:

1. :func:`with_short_text_hints`: a comment the detector is unsure of takes its own
   `lang_hint` (the survey's locale) when the text's script allows it and the text is short
   ("ok!" with locale ``de`` is German, not Polish) or the detector, choosing between its
   reading and the hint, is unsure too ("Stoel 18E was kapot…" with ``nl`` is Dutch).
2. :func:`with_batch_languages`: a short, unsure comment without a hint, read as a language
   that holds under :data:`BATCH_LANGUAGE_SHARE` of the batch, is read again among the
   batch's own languages ("Nul" in a de/en/fr/es export is French, not Romanian). Learnt
   from each batch's first reading of its other comments (not the short, unsure ones it
   re-reads, so a reply misread twenty times cannot make its wrong language the batch's
   own), so the same comments in the same batch always get the same languages.
3. :func:`with_replies_of_no_language`: a reply that judges nothing in several languages
   ("ok", "no", "n/a") and has no hint is ``und``: any language would be a guess.

Before these, :func:`with_conversation_languages`: a turn of a conversation (`conversation_id`)
read as another language than its conversation's other, sure turns is read again with theirs
as its hint when it is short or unsure ("Sim, chamo-me <NAME>" is Portuguese, not Italian, in a
Portuguese call).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from feedback_nlp.backends.language import (
    LONG_TEXT_CHARS,
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
#: Other sure turns of a conversation that must agree before their language is a turn's prior.
CONVERSATION_MIN_TURNS = 2


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
    detector: LanguageDetector | None = None,
) -> list[Result]:
    """`found` with each comment read with a score under SURE_PROBABILITY as another language
    than its own hint given that hint, where the hint is a language code the candidates and
    the text's script allow and the comment is short or (given `detector`) the hint is
    :func:`close_to_hint`. A sure reading keeps its language whatever the hint says."""
    if hints is None:
        return found
    rows = [
        row for row, text in enumerate(texts) if _may_take_hint(text, found, hints, row, candidates)
    ]
    longer = [row for row in rows if not is_short(texts[row]) and found[row][0] != UND]
    close = close_to_hint(detector, texts, found, hints, longer) if detector else set()
    result = list(found)
    for row in rows:
        if row in close or is_short(texts[row]):
            result[row] = (_hint_code(hints, row), HINTED_SCORE)
    return result


def _may_take_hint(
    text: object,
    found: Sequence[Result],
    hints: Sequence[str | None],
    row: int,
    candidates: Sequence[str] | None,
) -> bool:
    """Whether row's hint is a usable language other than its unsure reading."""
    code = _hint_code(hints, row)
    lang, score = found[row]
    if not code or code == lang or score >= SURE_PROBABILITY:
        return False
    if candidates and code not in candidates:
        return False
    return allows(code, scripts_in(language_signal(text)))


def close_to_hint(
    detector: LanguageDetector,
    texts: Sequence[object],
    found: Sequence[Result],
    hints: Sequence[str | None],
    rows: Sequence[int],
) -> set[int]:
    """The `rows` whose reading, read again between it and the row's hint (the hint's prior
    included), holds under SURE_PROBABILITY of the two: the detector gives the hint a fair
    chance, and the source's word decides."""
    pairs: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        pairs.setdefault((found[row][0], _hint_code(hints, row)), []).append(row)
    close: set[int] = set()
    for (lang, code), members in pairs.items():
        again = detector.detect(
            [texts[row] for row in members], candidates=[lang, code], hints=[code] * len(members)
        )
        close |= {
            row
            for row, (read, score) in zip(members, again, strict=True)
            if read == code or score < SURE_PROBABILITY
        }
    return close


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


def conversation_languages(
    conversations: Sequence[str | None], found: Sequence[Result]
) -> list[str]:
    """Per row, the language of its conversation's other turns: the language of more than half
    of those read with a score of SURE_PROBABILITY or more, when at least
    CONVERSATION_MIN_TURNS of them agree; "" otherwise and for rows without a conversation."""
    sure: dict[str, Counter[str]] = {}
    for conversation, (lang, score) in zip(conversations, found, strict=True):
        if conversation and lang != UND and score >= SURE_PROBABILITY:
            sure.setdefault(conversation, Counter())[lang] += 1
    languages: list[str] = []
    for conversation, (lang, score) in zip(conversations, found, strict=True):
        others = Counter(sure.get(conversation, {})) if conversation else Counter()
        if lang in others and score >= SURE_PROBABILITY:
            others[lang] -= 1  # the turn itself does not vote
        best, count = max(others.items(), key=lambda item: (item[1], item[0]), default=("", 0))
        agreed = count >= CONVERSATION_MIN_TURNS and count * 2 > others.total()
        languages.append(best if agreed else "")
    return languages


def _short_or_unsure_turn(text: object, result: Result) -> bool:
    return result[1] < SURE_PROBABILITY or len(language_signal(text)) < LONG_TEXT_CHARS


def with_conversation_languages(
    detector: LanguageDetector,
    texts: Sequence[object],
    found: list[Result],
    hints: Sequence[str | None] | None,
    conversations: Sequence[str | None] | None,
    candidates: Sequence[str] | None,
) -> list[Result]:
    """`found` with each turn read as another language than its conversation's
    (:func:`conversation_languages`) read again with that language as its hint, where the turn
    has no hint of its own and is unsure or short (under LONG_TEXT_CHARS characters): a customer
    seldom changes language within a conversation, and fastText reads a short turn with
    confidence in a neighbouring language. The default detector then weighs every short turn
    with lingua (``CombinedBackend.weighing``), so the prior can turn fastText's reading."""
    if conversations is None:
        return found
    prior = conversation_languages(conversations, found)
    rows = [
        row
        for row, lang in enumerate(prior)
        if lang
        and found[row][0] not in (lang, UND)
        and not _hint_code(hints, row)
        and (not candidates or lang in candidates)
        and _short_or_unsure_turn(texts[row], found[row])
    ]
    if not rows:
        return found
    weighing = getattr(detector, "weighing", None)
    reader: LanguageDetector = weighing() if callable(weighing) else detector
    again = reader.detect(
        [texts[row] for row in rows], candidates=candidates, hints=[prior[row] for row in rows]
    )
    result = list(found)
    for row, redetected in zip(rows, again, strict=True):
        if redetected[0] != UND:
            result[row] = redetected
    return result
