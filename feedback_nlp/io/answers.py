"""Surveys that ask several open questions: one feedback row per answer.

A survey row answering "Why that score?" and "Anything else?" holds two comments. The
reader keeps one row per non-empty answer (a row with no answer at all stays one row, so
its scores are kept): `text` is the answer, `question` the column it answers,
`response_id` the row's id with ``#q<k>`` (k: the question's position, 1-based, the same
in every file read with the same columns), `respondent_id` the row's own respondent or,
when it has none, the row's id. Scores and every other column repeat on each answer; the
score metrics count a respondent once when their rows agree (`feedback_nlp.scores`), so
splitting a row does not count its NPS twice.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from feedback_nlp.io.scores import is_missing
from feedback_nlp.schema import ANSWER_SUFFIX, source_response_ids


def split_answers(
    table: pd.DataFrame, answers: dict[str, pd.Series], text_issues: Callable
) -> pd.DataFrame:
    """One row of `table` per non-empty answer among `answers` (question -> its answers as
    strings, "" when none, indexed as `table`, the first being `table`'s `text`); rows in
    source order, then question order, indexed by source row; `text_issues` fills that
    column for each answer. Without `answers` (a long export before its first open
    question) every row stays one row, `#q1`, with no question."""
    answered = pd.DataFrame(
        {k: ~is_missing(a) for k, a in enumerate(answers.values())}, index=table.index
    )
    none = ~answered.any(axis=1)
    unasked = pd.Series(pd.NA, index=table.index, dtype="string")
    frames = [] if answers else [table.assign(question=unasked, _order=0)]
    for k, (question, texts) in enumerate(answers.items()):
        keep = answered[k] | (none if k == 0 else False)
        frame = table[keep.to_numpy()].copy()
        if k:
            frame["text"] = texts[frame.index]
            frame["text_issues"] = text_issues(frame["text"])
        frame["question"] = pd.Series(question, index=frame.index, dtype="string")
        if k == 0:  # a row that answers no open question answers none of them
            frame.loc[none[frame.index].to_numpy(), "question"] = pd.NA
        frame["_order"] = k
        frames.append(frame)
    result = pd.concat(frames).rename_axis("_row").sort_values(["_row", "_order"], kind="stable")
    ids = result["response_id"].astype("string")
    respondents = result.get("respondent_id", pd.Series(pd.NA, index=result.index))
    result["respondent_id"] = respondents.astype("string").fillna(ids)
    result["response_id"] = ids + ANSWER_SUFFIX + (result["_order"] + 1).astype(str)
    return result.drop(columns="_order")


def first_answers(table: pd.DataFrame) -> pd.Series:
    """True on the first row of each source row in a table of split answers (rows of one
    source row are adjacent): what counts source rows in any slice of it."""
    source = source_response_ids(table["response_id"])
    return source.ne(source.shift()).fillna(True).astype(bool)
