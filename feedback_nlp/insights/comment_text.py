"""Which rows hold a comment: a text that says something (not blank, not punctuation only,
not a reply that judges nothing), given its question where the table has one.

A score-only row counts for the scores, not as a comment (`insights.core.negative_flags`,
the comment counts and every text segment read `commented`).
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from feedback_nlp.text.boxes import is_only_nothing, praises_nothing
from feedback_nlp.text.replies import is_no_judgement_reply, normalise


def commented(table: pd.DataFrame) -> pd.Series:
    """True where the row holds a comment: its `text_clean` (else `text`) says something
    (`is_comment_text`). A score-only row (the open question skipped, or answered "-" or
    "n/a") counts for the scores, not as a comment. Where the table has a `question`, each
    row's is given (`is_comment_text`: "Nothing." answering "What worked well?" judges)."""
    column = next((c for c in ("text_clean", "text") if c in table.columns), None)
    if column is None:
        return pd.Series(True, index=table.index)
    texts = table[column].astype("string").fillna("").to_numpy(dtype=object)
    codes, uniques = pd.factorize(texts)  # numpy, not Arrow chunk by chunk
    said = np.array([is_comment_text(text) for text in uniques], dtype=bool)
    flags = said[codes]
    if "question" in table.columns:
        flags |= _praised_nothing(codes, uniques, said, table["question"])
    return pd.Series(flags, index=table.index)


def _praised_nothing(
    codes: np.ndarray, uniques: np.ndarray, said: np.ndarray, questions: pd.Series
) -> np.ndarray:
    """True where a text that is no comment alone (`said` of each of the `uniques`, `codes`
    per row) is one with its question: only "nothing" can be (`text.boxes.praises_nothing`),
    so only the (text, question) pairs of texts that are only "nothing" are weighed, once."""
    nothing = [k for k, text in enumerate(uniques) if not said[k] and is_only_nothing(text)]
    rows = np.isin(codes, nothing)
    found = np.zeros(len(codes), dtype=bool)
    if not rows.any():
        return found
    asked = questions.astype("string").fillna("").to_numpy(dtype=object)[rows]
    question_codes, question_values = pd.factorize(asked)
    width = len(question_values)
    pairs, pair_of_row = np.unique(codes[rows] * width + question_codes, return_inverse=True)
    said_of = [
        is_comment_text(uniques[p // width], question_values[p % width] or None) for p in pairs
    ]
    found[rows] = np.array(said_of, dtype=bool)[pair_of_row]
    return found


#: Replies of the no-judgement list that accept, and so judge a little: they are comments.
ACCEPTING_REPLIES = frozenset({"ok", "okay", "oké", "ок", "vale", "tamam", "peki"})
#: Marks that make a text of punctuation an emoticon (":(", ":-/"), which judges.
_EMOTICON_MARKS = frozenset("()[]<>/\\|")
#: A face of punctuation ("-_-", "-.-", "._.", "^_^", ">_<"), which judges; not "...".
_FACE = re.compile(r"\s*(?:([-^.;'*=~])[_.]\1|>_<)\s*")
#: Exclamation marks repeated, with or without question marks ("!!!", "?!?!"): annoyance or
#: surprise, which judges; one "!" or "?!" says nothing.
_EXCLAIMED = re.compile(r"\s*(?=(?:[?\s]*!){2})[!?\s]+")


def is_comment_text(text: str, question: str | None = None) -> bool:
    """False for a text that is no comment: blank, punctuation only ("-", "...", "?!", "-/-";
    an emoticon such as ":(" or "-_-" and repeated "!" such as "!!!" judge) or a reply that
    judges nothing ("n/a", "nothing to add": `text.replies.is_no_judgement_reply`). Replies
    that judge stay comments: "ok", "good", "👍", and "nothing" as the answer to `question`
    when that is a positive box ("What worked well?": `text.boxes.praises_nothing`)."""
    if not text.strip():
        return False
    if all(unicodedata.category(c)[0] in "PZ" or c.isspace() for c in text):
        if is_no_judgement_reply(text) and not _is_face_or_exclaimed(text):
            return False  # "-/-" (not applicable), unlike the face ":-/"
        emoticon = len(text.strip()) > 1 and bool(_EMOTICON_MARKS & set(text))  # not "/"
        return emoticon or _is_face_or_exclaimed(text)
    if question is not None and praises_nothing(text, question):
        return True
    return not is_no_judgement_reply(text) or normalise(text) in ACCEPTING_REPLIES


def _is_face_or_exclaimed(text: str) -> bool:
    """True for a face of punctuation ("-_-", not "...") or repeated "!" ("!!!", "?!?!")."""
    face = _FACE.fullmatch(text) is not None and len(set(text.strip())) > 1
    return face or _EXCLAIMED.fullmatch(text) is not None
