"""What the unit rule did to a table, in words a reader of explain's notes and the report's
methods can check: which way ``unit="auto"`` went, or how many units kept only their latest
answer under a column unit (``--unit account_id``)."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.score_units import (
    SCORE_COLUMNS,
    SCORE_ROW,
    describe_units,
    repeated_answers,
    survey_responses,
    unit_ids,
)


def unit_notes(table: pd.DataFrame, unit: str = "auto") -> list[str]:
    """One note on how `table`'s scores were counted under `unit`, or none where nothing was
    merged or split (each respondent answered once, or the unit is a response or comment)."""
    scores = [c for c in SCORE_COLUMNS if c in table.columns]
    if not scores or unit in ("response", "comment"):
        return []
    if unit == "auto" or unit.startswith("auto:"):
        return _auto_notes(table, scores, unit)
    return _latest_answer_notes(table, scores, unit)


def _auto_notes(table: pd.DataFrame, scores: list[str], unit: str) -> list[str]:
    """Which way the auto rule went for the respondents who answered more than once."""
    if not {"respondent_id", "response_id"} <= set(table.columns):
        return []
    scored = table[table[scores].notna().any(axis=1)]
    respondents = scored["respondent_id"].astype("string")
    responses = survey_responses(scored).groupby(respondents)  # a split survey row is one
    several = int((responses.nunique() > 1).sum())
    if repeated_answers(table, unit):
        differ = _differing(scored, respondents, scores)
        answer = "answer" if SCORE_ROW in table.columns else "response"  # a joined score row
        return [
            f"{differ} of {len(responses)} respondents gave answers with different scores "
            f"(repeated surveys): every {answer} counts, for every respondent alike "
            f"({describe_units(unit_ids(table, unit))}); --unit respondent_id counts each "
            "respondent's latest answer once"
        ]
    if several:
        return [
            f"{several} of {len(responses)} respondents have several responses, each with the "
            "same scores (a score repeated onto their comments): each counts once; "
            "--unit response counts every response"
        ]
    return []


def _latest_answer_notes(table: pd.DataFrame, scores: list[str], unit: str) -> list[str]:
    """How many units of a column unit had answers that differ, of which the latest counts."""
    word = unit.removesuffix("_id")
    ids = unit_ids(table, unit)
    own = table[scores].notna().any(axis=1) & ids.str.startswith(f"{word}:")
    differ = _differing(table[own], ids[own], scores)
    if not differ:
        return []
    return [
        f"{differ} of {ids[own].nunique()} {word}s have answers with different scores; each "
        "counts its latest answer; --unit response counts every answer"
    ]


def _differing(table: pd.DataFrame, ids: pd.Series, scores: list[str]) -> int:
    """How many of `ids` carry more than one value of some score column."""
    differ = pd.Series(False, index=pd.unique(ids.dropna()))
    for column in scores:
        distinct = table[column].groupby(ids).nunique(dropna=True)
        differ |= distinct.reindex(differ.index, fill_value=0).gt(1)
    return int(differ.sum())
