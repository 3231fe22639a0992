"""Who a score belongs to: the unit each row's score counts for, and the units' scores.

Counting rule (one score per unit). A score belongs to a *unit*, not to a comment: chat logs
repeat the conversation's CSAT on every customer turn and a respondent may leave several
comments. With ``unit="auto"`` a row's unit is its ``conversation_id`` when set. Outside
conversations the table decides, the same way for every respondent (:func:`repeated_answers`):

- when some respondent's rows carry different values of a score and the table has
  ``response_id`` or ``score_row`` (repeated survey waves: a contact answering each quarter),
  every answer counts, for every respondent, those who answered the same each time included.
  An answer is a response, except where :func:`feedback_nlp.score_join.join_scores` joined
  the scores (``score_row`` set): a respondent's rows under one score row are one answer, so
  their five comments under one joined score weigh one, and two joined waves two;
- otherwise a respondent counts once: their rows carry one value of every score (the score
  was repeated onto their comments, e.g. by ``join_scores``, whose comments keep their own
  dates and response ids).

Rows without respondent fall back to their ``response_id`` (the rows of one survey row split
per open question, ``<id>#q<k>``, are one response). Within a unit the score counts once: the
last non-missing value (by ``created_at`` when present, then by row order). Pass
``unit="response"`` to count every response, ``unit="respondent_id"`` (or any column) to count
every respondent once whatever they answered; :func:`score_conflicts` counts the units whose
rows disagree and says in its ``attrs["skipped"]`` which way the rule went
(`feedback_nlp.unit_notes`). Within any segment (a channel, a theme, …) a unit also counts
once, and a segment or period counts its units as the whole table does (`counting_unit`).
Rows with empty text still count for the scores.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.schema import plain_repr, source_response_ids

#: The scores the toolkit knows, in the order a report picks its main one.
SCORE_COLUMNS = ("nps", "csat", "ces")


#: The prefix of a unit that counts as "auto", a respondent's rows also agreeing on a column.
AGREEING = "auto:"
#: "auto" resolved for a table that shows repeated answers (`counting_unit`): a conversation
#: where set, else an answer, so that a period or a segment of the table counts as it does.
EVERY_ANSWER = "auto/every-answer"
#: The column `join_scores` writes: which row of a scores table a comment's scores came from.
SCORE_ROW = "score_row"


def unit_ids(table: pd.DataFrame, unit: str = "auto") -> pd.Series:
    """The unit each row's score belongs to (see the module docstring for the rule).

    `unit` is ``"auto"``, ``"auto:<column>"`` (auto, a respondent's rows also agreeing on
    `column`: a declared outcome), ``"response"`` (a survey response: its rows split per
    answer are one), ``"comment"`` (every row its own unit), EVERY_ANSWER or the name of a
    column.
    """
    if unit == "response":
        return survey_responses(table)
    if unit == "comment":  # every row, whatever response it is part of
        return _prefixed(table, "response_id", "comment")
    if unit != EVERY_ANSWER and not _is_auto(unit):
        if unit not in table.columns:
            raise ConfigError(f"unit column '{unit}' is not in the table")
        return _prefixed(table, unit).fillna(survey_responses(table))
    ids = _conversations(table)
    if "respondent_id" in table.columns:
        respondents = _prefixed(table, "respondent_id")
        agree = _agreeing_respondents(table, respondents, _agreeing_columns(unit))
        once = respondents.where(agree)
        if unit == EVERY_ANSWER or _shows_repeats(table, agree, ids.isna(), unit):
            ids = ids.fillna(_answers(table, respondents, _agreeing_columns(unit)))
        ids = ids.fillna(once)
    if "response_id" in table.columns:
        ids = ids.fillna(survey_responses(table))
    if ids.isna().any():
        row = ids.index[ids.isna()][0]
        raise SchemaError(
            f"row {plain_repr(row)} has no response_id, respondent_id or conversation_id"
        )
    return ids.rename("unit_id")


def repeated_answers(table: pd.DataFrame, unit: str = "auto") -> bool:
    """True when `unit` is "auto" (or ``auto:<column>``) and the table shows repeated
    answers: it has ``response_id`` (or ``score_row``) and some respondent's rows outside a
    conversation carry different values of a score (or of `column`). Then every answer
    counts, for every respondent alike; a score joined onto a respondent's comments is one
    value and keeps them one unit. Dates are not read: a joined score's comments have their
    own."""
    if not _is_auto(unit) or "respondent_id" not in table.columns or not _has_answers(table):
        return False
    outside = _conversations(table).isna()
    part = table[outside]
    respondents = _prefixed(part, "respondent_id")
    return not _agreeing_respondents(part, respondents, _agreeing_columns(unit)).all()


def _shows_repeats(table: pd.DataFrame, agree: pd.Series, outside: pd.Series, unit: str) -> bool:
    """`repeated_answers`, reusing `agree` where no row is in a conversation."""
    if not outside.all():
        return repeated_answers(table, unit)
    return _has_answers(table) and not agree.all()


def _has_answers(table: pd.DataFrame) -> bool:
    """Whether `table` can tell a respondent's answers apart: responses or joined score rows."""
    return "response_id" in table.columns or SCORE_ROW in table.columns


def _answers(table: pd.DataFrame, respondents: pd.Series, columns: list[str]) -> pd.Series:
    """Each row's answer where every answer counts: its respondent's score row where
    `join_scores` set one (and the rows under it agree on `columns`), else its response;
    missing where the table has neither."""
    responses = (
        survey_responses(table)
        if "response_id" in table.columns
        else pd.Series(pd.NA, index=table.index, dtype="string")
    )
    if SCORE_ROW not in table.columns:
        return responses
    rows = table[SCORE_ROW].astype("string")
    rows = rows.where(rows.str.len() > 0)
    answers = "answer:" + respondents.str.removeprefix("respondent:") + "/" + rows
    answers = answers.where(_agreeing_respondents(table, answers, columns))
    return answers.fillna(responses).rename("unit_id")


def counting_unit(table: pd.DataFrame, unit: str = "auto") -> str:
    """`unit` as `unit_ids` applies it to the whole `table`: EVERY_ANSWER where "auto" found
    repeated answers, else `unit`; pass it on to count a period or segment of `table` alike."""
    return EVERY_ANSWER if repeated_answers(table, unit) else unit


def _is_auto(unit: str) -> bool:
    return unit == "auto" or unit.startswith(AGREEING)


def _agreeing_columns(unit: str) -> list[str]:
    """The columns on which a respondent's rows must agree to be one unit under `unit`."""
    extra = [unit.removeprefix(AGREEING)] if unit.startswith(AGREEING) else []
    return [*SCORE_COLUMNS, *extra]


def _conversations(table: pd.DataFrame) -> pd.Series:
    """Each row's conversation unit, missing outside conversations."""
    if "conversation_id" in table.columns:
        return _prefixed(table, "conversation_id")
    return pd.Series(pd.NA, index=table.index, dtype="string", name="unit_id")


_UNIT_WORDS = {
    "conversation": "conversation",
    "respondent": "respondent",
    "response": "response",
    "answer": "answer",
    "comment": "comment",
}


def describe_units(ids: pd.Series | pd.Index, per_customer: bool = False) -> str:
    """What the rows of an analysis count: '90 conversations, 540 responses' (distinct units)."""
    distinct = pd.Series(pd.unique(pd.Series(ids, dtype="string").dropna()), dtype="string")
    if per_customer:
        return f"{len(distinct)} customers"
    if distinct.empty:  # a period, a segment with no scored unit
        return "no units"
    kinds = distinct.str.partition(":")[0].value_counts()
    parts = []
    for prefix, count in kinds.items():
        word = _UNIT_WORDS.get(str(prefix), str(prefix))
        parts.append(f"{count} {word}{'s' if count != 1 else ''}")
    return ", ".join(parts)


def _agreeing_respondents(
    table: pd.DataFrame, respondents: pd.Series, columns: Iterable[str]
) -> pd.Series:
    """True on rows whose respondent carries one value (or none) of every column given."""
    agree = pd.Series(True, index=table.index)
    for column in (c for c in columns if c in table.columns):
        distinct = table[column].groupby(respondents).transform("nunique")
        agree &= distinct.fillna(0).le(1)
    return agree


def survey_responses(table: pd.DataFrame) -> pd.Series:
    """Each row's survey response: its `response_id`, without the ``#q<k>`` of a row split
    into one row per answer (`io.answers`; a table with a `question` column)."""
    units = _prefixed(table, "response_id")
    return source_response_ids(units) if "question" in table.columns else units


def _prefixed(table: pd.DataFrame, column: str, kind: str | None = None) -> pd.Series:
    """`column`'s ids as units, '<kind>:<id>' (kind: the column's name without '_id')."""
    if column not in table.columns:
        raise SchemaError(f"the table has no '{column}' column to count units by")
    values = table[column].astype("string")
    values = values.where(values.str.len() > 0)
    return ((kind or column.removesuffix("_id")) + ":" + values).rename("unit_id")


def in_time_order(frame: pd.DataFrame, times: pd.Series | None) -> pd.DataFrame:
    """`frame` sorted by `times` (one per row, in the same order; stable), undated rows
    first, so that a unit's 'last' value is its latest dated one wherever units are counted
    (the headline, segments, effort by CES); None leaves `frame` as it is."""
    if times is None:
        return frame
    order = pd.Series(times.to_numpy()).sort_values(kind="stable", na_position="first").index
    return frame.iloc[order]


def _ordered(table: pd.DataFrame) -> pd.DataFrame:
    """`table` in time order (stable), so that 'last' means the latest answer."""
    return in_time_order(table, table.get("created_at"))


def unit_scores(
    table: pd.DataFrame, columns: Iterable[str] | None = None, unit: str = "auto"
) -> pd.DataFrame:
    """One row per unit with each score column: the unit's last non-missing value."""
    columns = [c for c in (columns or SCORE_COLUMNS) if c in table.columns]
    frame = _ordered(table.assign(unit_id=unit_ids(table, unit)))
    grouped = frame.groupby("unit_id", sort=True)[columns]
    return grouped.last() if columns else pd.DataFrame(index=grouped.size().index)


def score_conflicts(table: pd.DataFrame, unit: str = "auto") -> pd.DataFrame:
    """Per score column, how many units carry more than one distinct value, and how many
    respondents gave different values (``<NA>`` without respondent ids): under ``unit="auto"``
    each of their answers is a unit of its own, so the first count never sees them.
    ``attrs["skipped"]`` says how the units were counted (`unit_notes.unit_notes`)."""
    ids = unit_ids(table, unit)
    respondents = table["respondent_id"] if "respondent_id" in table.columns else None
    rows = []
    for column in SCORE_COLUMNS:
        if column in table.columns:
            distinct = table[column].groupby(ids).nunique(dropna=True)
            differ = (
                int((table[column].groupby(respondents).nunique(dropna=True) > 1).sum())
                if respondents is not None
                else pd.NA
            )
            rows.append(
                {
                    "score": column,
                    "units_with_conflicting_values": int((distinct > 1).sum()),
                    "respondents_with_different_values": differ,
                }
            )
    columns = ["score", "units_with_conflicting_values", "respondents_with_different_values"]
    result = pd.DataFrame(rows, columns=columns)
    from feedback_nlp.unit_notes import unit_notes  # it reads this module's unit rule

    result.attrs["skipped"] = unit_notes(table, unit)  # explain() shows them as notes
    return result
