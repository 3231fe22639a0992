"""Scores exported as their choice texts ("Very satisfied"), and the numbers a mapping gives them.

Survey tools can export the label of each answer instead of its number. Which number a label
stands for depends on the scale the survey used (a 5- or a 7-point satisfaction scale), so it
is never guessed: a mapping says it::

    [score_labels.csat]
    "Very dissatisfied" = 1
    "Dissatisfied" = 2
    "Neither satisfied nor dissatisfied" = 3
    "Satisfied" = 4
    "Very satisfied" = 5

Labels are matched without regard to case and surrounding spaces. Without such a table, a
score column that holds words gets a note naming some of them and this table. A carried
column of two-answer ratings ("Good" / "Bad", Zendesk's satisfaction) is no 1-5 CSAT: its
note says how to declare it a binary outcome (`good_bad_hints`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.io.journey import value_key
from feedback_nlp.io.question_scales import likelihood_words_note
from feedback_nlp.io.scores import ALL_SCORE_RANGES

#: Labels named in the note about a score column of words.
NOTE_LABELS = 3


def parse_score_labels(
    table: Any, origin: str, ranges: dict[str, tuple[int, int]] | None = None
) -> dict[str, dict[str, int]]:
    """Check a ``[score_labels]`` table: {score: {label: whole number in the score's range}};
    `ranges`: the scales the mapping declares (`score_scales`), else the schema's."""
    if not isinstance(table, dict):
        raise ConfigError(f"{origin}: [score_labels] must hold one table per score")
    parsed: dict[str, dict[str, int]] = {}
    for score, labels in table.items():
        if score not in ALL_SCORE_RANGES:
            raise ConfigError(
                f"{origin}: [score_labels.{score}]: not a score; use one of "
                f"{list(ALL_SCORE_RANGES)}"
            )
        low, high = {**ALL_SCORE_RANGES, **(ranges or {})}[score]
        if not isinstance(labels, dict) or not labels:
            raise ConfigError(f"{origin}: [score_labels.{score}] must map labels to numbers")
        for label, value in labels.items():
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ConfigError(
                    f"{origin}: [score_labels.{score}] '{label}' = {value!r}: give a whole "
                    f"number from {low:g} to {high:g}"
                )
        parsed[score] = {value_key(label): int(value) for label, value in labels.items()}
    return parsed


def apply_score_labels(series: pd.Series, labels: dict[str, int] | None) -> pd.Series:
    """Cells that are a declared label replaced by its number (others unchanged)."""
    if not labels:
        return series
    keys = series.astype("string").str.strip().str.lower()
    numbers = keys.map(labels)
    return series.where(numbers.isna(), numbers).astype(object)


def words_note(score: str, column: str, reasons: pd.Series, cells: pd.Series) -> str | None:
    """A note when most problems of a score column are words: the labels and the table."""
    words = cells[reasons.fillna("").str.contains("is not a number")].astype("string").str.strip()
    words = words[words.str.contains(r"[^\W\d_]", regex=True).fillna(False)]
    if words.empty:
        return None
    if scale := likelihood_words_note(score, column, words):
        return scale
    shown = ", ".join(f"'{w}'" for w in words.drop_duplicates()[:NOTE_LABELS])
    return (
        f"{score} ('{column}') holds words such as {shown}: say which number each stands for "
        f'in the mapping ([score_labels.{score}] "{words.iloc[0]}" = <number>)'
    )


def good_bad_hints(table: pd.DataFrame, carried: list[str]) -> list[str]:
    """Notes for carried columns that hold good / bad ratings (and the words a binary outcome
    reads as not answered): the outcome to declare."""
    from feedback_nlp.io.scores import NO_ANSWER
    from feedback_nlp.outcomes import BAD_WORDS, GOOD_WORDS  # it imports io

    ratings = GOOD_WORDS + BAD_WORDS
    notes = []
    for column in carried:
        if column not in table:
            continue
        cells = rating_words(table[column].dropna().astype(str))
        cells = cells[cells != ""]
        rated = cells.isin(ratings).sum()
        if rated and (cells.isin(ratings) | cells.isin(NO_ANSWER)).mean() >= 0.9:
            notes.append(
                f"'{column}' holds good / bad ratings (a two-answer CSAT, as Zendesk's): explain "
                f'it as an outcome, --outcome "satisfied:binary:column={column}:bad=no" '
                "(offered, unoffered and not rated are read as not answered)"
            )
    return notes


def rating_words(cells: pd.Series) -> pd.Series:
    """Cells lower-cased and stripped, LiveChat's "rated good" / "rated bad" as good / bad."""
    return cells.str.strip().str.lower().str.replace(r"^rated\s+", "", regex=True)
