"""Notes that point at the ``[scales]`` table when a score column looks asked on another scale.

A CSAT asked on 1-10 has answers above 5, which reading rejects; a CES asked on the 1-5 effort
scale (CES 1.0, 1 = very low effort) fits inside 1-7 and would be counted the wrong way round.
Neither is fixed on reading (a scale is never guessed); the note says what to declare.
An NPS column whose answers all lie in 1-5 is more likely a star rating or a CSAT; a star
rating is said to be kept apart from CSAT; a column named only "Rating" or "Score" gets the
score its answers' range suggests (answers up to 10: a review score, declared an outcome or a
CSAT on its scale, and NPS only when it asks how likely they are to recommend). The hint of a
file with no text column names a review site's two answer boxes ("Positive review",
"Negative review") as ``text = [...]``.
"""

from __future__ import annotations

import re

import pandas as pd

from feedback_nlp.io.column_names import normalise_name
from feedback_nlp.io.questions import score_for_question
from feedback_nlp.io.scores import stated_numbers
from feedback_nlp.score_scales import SCALE_KEYS, ScoreScales

#: Answers a CES column needs before its all-1-to-5 answers are worth a note.
MIN_ANSWERS = 30
#: Answers an NPS column needs before its all-1-to-5 answers are worth a note (a real NPS
#: has its 0s and 6-10s: five answers all in 1-5 are rare).
MIN_NPS_ANSWERS = 5


def scale_note(
    name: str, column: str, reasons: pd.Series, cells: pd.Series, values: pd.Series,
    scales: ScoreScales,
) -> str | None:  # fmt: skip
    """A note on score `name` (file column `column`): answers above its scale's top, or, for a
    CES on the default 1-7 scale, enough answers and none above 5; an NPS of answers in 1-5;
    a star rating kept apart from CSAT."""
    if name == "nps":
        return nps_note(column, values)
    if name == "star_rating":
        return f"star_rating scale ('{column}'): {STARS_NOT_CSAT}"
    if name not in SCALE_KEYS:
        return None
    low, high = scales.range_of(name)
    outside = reasons.fillna("").str.contains("is outside")
    numbers = _numbers(stated_numbers(cells[outside], high))
    above = numbers[numbers > high]
    if len(above) and scales.range_of(name) != ScoreScales().range_of(name):
        return (  # the survey's scale is declared: these answers are off it, not another scale
            f"{name} scale ('{column}'): {len(above):,} answer(s) above the declared {low}-{high}, "
            f"up to {int(above.max())}, were left out"
        )
    if len(above):
        top = int(above.max())
        return (
            f"{name} scale ('{column}'): {len(above):,} answer(s) above {high}, up to {top}, "
            f"were left out: if the survey asks on {low}-{top}, declare it in the mapping "
            f"([scales] {name} = [{low}, {top}] and {SCALE_KEYS[name]}, the answers that count)"
        )
    if name != "ces" or not ces_looks_five_point(values, scales):
        return None
    return f"ces scale ('{column}'): {five_point_ces(column)}"


#: What a CES of answers 1-5 read on the default 1-7 scale needs (the reader's note, the
#: report's warning), in both directions: which end is the easy one is the survey's to say.
FIVE_POINT_CES = (
    "every answer is 1-5; CES is read on 1-7 with 5-7 easy: if the survey asks on 1-5, "
    "declare it in the mapping ([scales] ces = [1, 5] and ces_low_effort, the easy answers: "
    "[4, 5] where 5 is the least effort, [1, 2] where 1 is)"
)
#: A scale's end labelled in a question ("1 = very difficult", "5 = very easy").
_END_LABEL = re.compile(r"(\d+)\s*[=:-]\s*([^,;)]+)")
_EASY_WORDS = ("easy", "low effort", "little effort", "einfach", "facile", "fácil")


def five_point_ces(question: str) -> str:
    """FIVE_POINT_CES, with the easy answers the `question`'s labels give ("1 = very
    difficult, 5 = very easy": [4, 5]) when it labels its easy end."""
    easy = [int(n) for n, label in _END_LABEL.findall(question) if _says_easy(label)]
    if len(easy) != 1 or easy[0] not in (1, 5):
        return FIVE_POINT_CES
    answers = "[4, 5]" if easy[0] == 5 else "[1, 2]"
    return (
        "every answer is 1-5; CES is read on 1-7 with 5-7 easy: if the survey asks on 1-5, "
        f"declare it in the mapping ([scales] ces = [1, 5] and ces_low_effort = {answers}: "
        f"the question says {easy[0]} is the easy end)"
    )


def _says_easy(label: str) -> bool:
    lowered = label.casefold()
    return any(w in lowered for w in _EASY_WORDS) and not any(
        n in lowered for n in ("not easy", "difficult", "uneasy", "hard")
    )


def ces_looks_five_point(values: pd.Series, scales: ScoreScales) -> bool:
    """On the default scales, at least MIN_ANSWERS CES answers and none above 5: the survey
    may have asked on 1-5, where 1 can be the easiest answer (read the wrong way round)."""
    answered = pd.to_numeric(values, errors="coerce").dropna()
    return scales == ScoreScales() and len(answered) >= MIN_ANSWERS and answered.max() <= 5


def _numbers(cells: pd.Series) -> pd.Series:
    """The cells as numbers as the reader reads them ("6,0" is 6; a label already dropped)."""
    text = cells.astype("string").str.strip().str.replace(",", ".", regex=False)
    return pd.to_numeric(text, errors="coerce")


#: A star rating read as such (an app store's, a review site's).
STARS_NOT_CSAT = "kept as star_rating, apart from CSAT (map it to csat if it is one)"


def nps_note(column: str, values: pd.Series) -> str | None:
    """A note when at least MIN_NPS_ANSWERS NPS answers all lie in 1-5: NPS is asked 0-10,
    so the column is more likely a 1-5 star rating or CSAT."""
    answered = pd.to_numeric(values, errors="coerce").dropna()
    if len(answered) < MIN_NPS_ANSWERS or answered.min() < 1 or answered.max() > 5:
        return None
    return (
        f"nps scale ('{column}'): every answer is 1-5, where NPS is asked 0-10: if it is a 1-5 "
        f'rating, map it as one ([columns] star_rating = "{column}", or csat = "{column}")'
    )


#: The scores a bare "Rating" column's answers suggest, by the range they lie in (the first
#: range that holds them all): its [columns] entries (answers up to 10: `review_score_note`).
SUGGESTED_BY_RANGE = (
    ((1, 5), ("star_rating", "csat")),
    ((1, 7), ("ces",)),
)
#: The top answer of a review score (Booking's 1-10, a 0-10 "Rating"); answers reaching above
#: REVIEW_SCORE_ABOVE (none of a 1-5 or 1-7 scale's) suggest one.
REVIEW_SCORE_TOP = 10
REVIEW_SCORE_ABOVE = 7


def bare_score_note(column: str, values: pd.Series | None = None) -> str:
    """The note on a column named only "Rating" or "Score": the scores its answers' range
    suggests (1-5: stars or CSAT; 1-7: CES; up to 10, above 7: a review score, an outcome or
    a CSAT first, NPS last), or each score's range without them."""
    answered = pd.Series([], dtype="float64") if values is None else _numbers(values).dropna()
    for (low, high), names in SUGGESTED_BY_RANGE:
        if len(answered) and answered.min() >= low and answered.max() <= high:
            entries = ", or ".join(f'{name} = "{column}"' for name in names)
            return (
                f"'{column}' holds answers from {low} to {high} but does not say which score: "
                f"map it if it is one ([columns] {entries})"
            )
    seen = f"{_shown(answered.min())} to {_shown(answered.max())}" if len(answered) else ""
    if seen and answered.min() >= 0 and REVIEW_SCORE_ABOVE < answered.max() <= REVIEW_SCORE_TOP:
        return review_score_note(column, int(min(answered.min(), 1)), seen)
    return (
        f"'{column}' {f'holds answers from {seen}' if seen else 'may hold scores'} but does not "
        "say which score (NPS 0-10, CSAT 1-5, CES 1-7, stars 1-5): map it if it does ([columns] "
        f'star_rating = "{column}" or csat for 1-5); a 1-10 review score: '
        f"{outcome_option(column)}; nps for 0-10 only if it asks how likely they are to recommend"
    )


def _shown(value: float) -> str:
    """A number as written in a note: 5, 4.5."""
    return f"{value:g}"


def review_score_note(column: str, low: int, seen: str = "") -> str:
    """The note on a bare "Rating" of answers `seen` ("2 to 9"; default `low` to 10): a review
    score (Booking's 1-10) is an outcome or a CSAT on its `low`-10 scale; NPS comes last, for a
    likelihood to recommend (before stop 50 NPS was the only hint, and following it computed
    NPS on review scores)."""
    top = REVIEW_SCORE_TOP
    return (
        f"'{column}' holds answers from {seen or f'{low} to {top}'} but does not say which "
        f"score: if it is a review score, declare it an outcome ({outcome_option(column)}) or "
        f'a CSAT on its {low}-{top} scale ([columns] csat = "{column}" with [scales] csat = '
        f"[{low}, {top}] and csat_satisfied = [{top - 1}, {top}]); map it to NPS only if it "
        f'asks how likely they are to recommend ([columns] nps = "{column}")'
    )


def outcome_option(column: str) -> str:
    """``--outcome rating:numeric`` for a score column (``:bad=low`` where the name does not
    say that low is bad), quoted when the name has a space."""
    from feedback_nlp.outcomes import named_bad_side  # outcomes imports io: import here

    option = f"{column}:numeric" + ("" if named_bad_side(column) == "low" else ":bad=low")
    return f'--outcome "{option}"' if " " in column else f"--outcome {option}"


#: Headers of a survey weight column (as `column_names.normalise_name` writes them).
WEIGHT_HEADERS = frozenset(
    {"weight", "weights", "wt", "wgt", "survey_weight", "weighting", "weight_factor",
     "gewicht", "gewichtung", "poids", "ponderation", "pondération", "peso", "ponderación"}
)  # fmt: skip


def weight_notes(carried: list[str]) -> list[str]:
    """A note for each carried column named like a survey weight: no statistic reads it."""
    return [
        f"'{column}' looks like a survey weight: it is carried, not used; every number counts "
        "each response once (weighted estimates are not supported)"
        for column in carried
        if normalise_name(column) in WEIGHT_HEADERS
    ]


#: Words naming a review's positive and negative answer boxes (Booking's "Positive review").
POSITIVE_BOX_WORDS = frozenset({"positive", "positiv", "positif", "positivo", "liked", "pros"})
NEGATIVE_BOX_WORDS = frozenset({"negative", "negativ", "négatif", "negativo", "disliked", "cons"})


#: Words of a column that counts or labels answers rather than holding them ("positive_votes").
NOT_BOX_WORDS = frozenset({"votes", "vote", "count", "counts", "id", "score", "scores"})


def answer_boxes(columns: list[str]) -> list[str]:
    """The first column named like a positive answer box and the first named like a negative
    one, when the file has both as two columns; else []. A column named with both sides'
    words ("Pros and cons") or a count's ("positive_votes") is no box."""
    words = {column: set(normalise_name(column).split("_")) for column in columns}
    sides = (POSITIVE_BOX_WORDS, NEGATIVE_BOX_WORDS)
    candidates = [
        c
        for c in columns
        if not words[c] & NOT_BOX_WORDS and not all(words[c] & side for side in sides)
    ]
    boxes = [next((c for c in candidates if words[c] & side), None) for side in sides]
    return [c for c in boxes if c is not None] if all(boxes) else []


def text_column_hint(columns: list[str]) -> str:
    """The fix for a file with no text column found: one column, or several answer boxes
    (one row per answer), naming a review site's positive and negative boxes when found."""
    hint = (
        'name the comment column: mapping [columns] text = "<column>", or text = '
        '["<column>", "<column>"] for several answer boxes (one row per answer), or '
        'read_feedback(path, text="<column>")'
    )
    boxes = answer_boxes(columns) or asked_questions(columns)
    if boxes:
        named = ", ".join(f'"{c}"' for c in boxes)
        hint += f"; the answer boxes here look like text = [{named}]"
    return hint


def asked_questions(columns: list[str]) -> list[str]:
    """The columns worded as a question ("Hvad gik godt?"), not as a score question: the
    open questions of a survey in a language whose words `questions` does not know."""
    return [c for c in columns if c.rstrip().endswith("?") and not score_for_question(c)]
