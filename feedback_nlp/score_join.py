"""Joining a separate scores table to the comments by respondent, response or conversation id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd

from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.io.cells import as_string
from feedback_nlp.schema import plain_repr
from feedback_nlp.score_units import SCORE_COLUMNS, SCORE_ROW

#: The id columns a scores table can join on: a post-chat CSAT file is keyed by conversation.
JOIN_KEYS = ("respondent_id", "response_id", "conversation_id")


@dataclass(frozen=True)
class JoinResult:
    """The comments with scores joined in, and what did not match on either side."""

    table: pd.DataFrame
    unmatched_scores: pd.DataFrame
    unmatched_comments: pd.DataFrame

    def report(self) -> str:
        """One line saying how many rows matched."""
        matched = len(self.table) - len(self.unmatched_comments)
        return (
            f"{matched} of {len(self.table)} comment rows matched a score row; "
            f"{len(self.unmatched_scores)} score row(s) matched no comment"
        )


def join_scores(
    comments: pd.DataFrame,
    scores: pd.DataFrame,
    on: str = "respondent_id",
    *,
    source: str = "scores table",
) -> JoinResult:
    """Join a separate scores table to the comments by `on` (one of JOIN_KEYS).

    Every comment row is kept (rows in = rows out); a respondent's (or conversation's) score
    lands on each of their comments and is counted once by the unit rule. The scores table
    must have one row per key; score columns already in `comments` are an error rather than
    silently overwritten. Where it brings scores (nps, csat, ces) to comments that have none,
    ``score_row`` says which score row each comment's came from (`score_row_ids`): the unit
    rule counts a respondent's comments under one score row as one answer, also when joined
    waves are concatenated.
    """
    if on not in JOIN_KEYS:
        raise ConfigError(f"scores join on '{on}': use one of {', '.join(JOIN_KEYS)}")
    for frame, name in ((comments, "comments table"), (scores, source)):
        if on not in frame.columns:
            raise SchemaError(f"{name} has no '{on}' column to join scores on")
    _check_unique_keys(scores, on, source)
    incoming = [c for c in scores.columns if c != on]
    clash = [c for c in incoming if c in comments.columns]
    if clash:
        raise SchemaError(
            f"{source} and the comments both have the column(s) {clash}; drop one side's "
            "copy before joining (nothing is overwritten silently)"
        )
    keys = join_keys(scores[on])
    indexed = scores.drop(columns=on).set_axis(keys, axis=0)
    comment_keys = join_keys(comments[on])
    joined = comments.copy()
    for column in incoming:
        joined[column] = comment_keys.map(indexed[column]).astype(_nullable(scores[column].dtype))
    if _marks_score_rows(comments, scores):
        rows = pd.Series(score_row_ids(scores).to_numpy(), index=keys)
        joined[SCORE_ROW] = comment_keys.map(rows).astype("string")
    matched = comment_keys.isin(set(keys))
    return JoinResult(
        table=joined,
        unmatched_scores=scores[~keys.isin(set(comment_keys.dropna()))],
        unmatched_comments=comments.loc[~matched.fillna(False).astype(bool)],
    )


def _marks_score_rows(comments: pd.DataFrame, scores: pd.DataFrame) -> bool:
    """Whether the join brings the comments their scores (and none says where from yet)."""
    brings = any(c in scores.columns for c in SCORE_COLUMNS)
    own = [c for c in (*SCORE_COLUMNS, SCORE_ROW) if c in comments.columns]
    return brings and not own and SCORE_ROW not in scores.columns


def score_row_ids(scores: pd.DataFrame) -> pd.Series:
    """A short id per row of `scores`: a hash of the row and of the whole table, so that the
    rows of two waves' tables differ even where a respondent answered the same."""
    rows = pd.util.hash_pandas_object(scores, index=False).to_numpy()
    table = hashlib.blake2b(rows.tobytes(), digest_size=8).digest()
    ids = [
        hashlib.blake2b(table + int(row).to_bytes(8, "little"), digest_size=6).hexdigest()
        for row in rows
    ]
    return pd.Series(ids, index=scores.index, dtype="string", name=SCORE_ROW)


def _nullable(dtype: object) -> object:
    """The dtype that can hold a missing value for unmatched rows (int64 -> Int64, …)."""
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "Int64"
    return dtype


def join_keys(ids: pd.Series) -> pd.Series:
    """Ids as the join compares them: text, stripped (" C003 " is C003 on either side), a
    whole float as its integer (an id column pandas read as 1001.0 because of a blank)."""
    return as_string(ids).str.strip()


def _check_unique_keys(scores: pd.DataFrame, on: str, source: str) -> None:
    keys = join_keys(scores[on])
    if keys.isna().any():
        row = keys.index[keys.isna()][0]
        raise SchemaError(f"{source} row {plain_repr(row)}: '{on}' is missing")
    duplicated = keys[keys.duplicated()]
    if len(duplicated):
        raise SchemaError(
            f"{source} has {len(duplicated)} repeated '{on}' value(s), first "
            f"{duplicated.iloc[0]!r} at row {plain_repr(duplicated.index[0])}: a score table needs "
            "one row "
            f"per {on}"
        )
