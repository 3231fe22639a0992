"""Score questions answered with a likelihood label scale, not a number.

The NHS Friends and Family Test asks "How likely are you to recommend our ward to friends and
family …?" like an NPS question, but answers it on five labels, Extremely likely … Extremely
unlikely (and Don't know). That is no 0-10 NPS: giving each label a 0-10 number would make
up a scale. It reads as a 5-point CSAT through ``[score_labels.csat]``; the notes here say so,
for a carried column (`likelihood_scale_hints`) and for one mapped as a score
(`likelihood_words_note`).
"""

from __future__ import annotations

import json

import pandas as pd

from feedback_nlp.io.scores import NO_ANSWER

#: The five labels of a likelihood scale and the CSAT number each reads as.
LIKELIHOOD_LABELS: dict[str, int] = {
    "extremely likely": 5,
    "likely": 4,
    "neither likely nor unlikely": 3,
    "unlikely": 2,
    "extremely unlikely": 1,
}
#: The share of a column's answers that must be such labels or non-answers ("Don't know").
LABELLED_SHARE = 0.9


def holds_likelihood_labels(cells: pd.Series) -> bool:
    """Answers (nine in ten at least) on the likelihood label scale or non-answers, with two
    different labels at least: a column of "Likely" alone could be anything."""
    answers = cells.dropna().astype(str).str.strip().str.lower().str.replace("’", "'")
    answers = answers[answers != ""]
    labelled = answers.isin(LIKELIHOOD_LABELS)
    if answers[labelled].nunique() < 2:
        return False
    return bool((labelled | answers.isin(NO_ANSWER)).mean() >= LABELLED_SHARE)


def likelihood_table() -> str:
    """The ``[score_labels]`` table that reads the scale, as TOML (two lines)."""
    entries = ", ".join(f'"{label.capitalize()}" = {n}' for label, n in LIKELIHOOD_LABELS.items())
    return f"[score_labels]\ncsat = {{ {entries} }}"


def likelihood_note(column: str, score: str | None = None) -> str:
    """The note on `column` (read as `score`, or carried when None) holding the labels; it
    ends with the mapping that reads it, valid TOML after its first line."""
    subject = f"{score} ('{column}')" if score else f"'{column}'"
    return (
        f"{subject} holds a 5-point label scale (Extremely likely … Extremely unlikely, as the "
        "Friends and Family Test asks), not a 0-10 NPS: read it as CSAT (Don't know is no "
        f"answer) with the mapping\n[columns]\ncsat = {json.dumps(column, ensure_ascii=False)}"
        f"\n{likelihood_table()}"
    )


def likelihood_scale_hints(table: pd.DataFrame, carried: list[str]) -> list[str]:
    """Notes for carried columns of `table` answered on the likelihood label scale."""
    return [
        likelihood_note(column)
        for column in carried
        if column in table and holds_likelihood_labels(table[column])
    ]


def likelihood_words_note(score: str, column: str, words: pd.Series) -> str | None:
    """For a score column whose unread words (`words`) are likelihood labels: the note that
    reads them as CSAT (in place of asking for a number for each label); else None."""
    return likelihood_note(column, score) if holds_likelihood_labels(words) else None
