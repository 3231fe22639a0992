"""Survey questions as column names: which asks for a score, which for free text.

Shared by the platform detectors (`io.platforms`, `io.forms`): exports of survey tools name
their columns by the question asked, so the wording says what a column holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from feedback_nlp.io.column_names import normalise_name, recognise
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.question_words import (
    BARE_SCORE_NAMES,
    CES_WORDS,
    CSAT_WORDS,
    FREE_TEXT_WORDS,
    NPS_WORDS,
    QUESTION_OPENINGS,
    RATING_NAME_ENDINGS,
    REQUEST_OPENINGS,
)
from feedback_nlp.io.scores import NO_ANSWER, NUMBER_CELL

#: Data rows under a header whose answers the detectors should read (`io.delimited`,
#: `io.excel`): a box answered "N/A" in its first rows is known by the later ones (a choice
#: such as "Price", or free text).
ANSWER_PEEK = 12


@dataclass
class Header:
    """The header of a table: column names, rows it spans, and the column plan."""

    columns: list[str]
    rows: int
    plan: ColumnPlan


def worded_open(question: str) -> bool:
    """A question that asks why, what to improve or for comments (`FREE_TEXT_WORDS`)."""
    lowered = question.lower()
    return any(word in lowered for word in FREE_TEXT_WORDS)


def numeric_answers(given: Iterable[str]) -> bool:
    """Answers seen, every one a number: a score's, never free text ("How satisfied are you
    with the improved app?" answered 4, 2, 5 is a score question, not an open one)."""
    given = [str(a).strip() for a in given if str(a).strip()]
    return bool(given) and all(NUMBER_CELL.match(a) for a in given)


def score_for_question(question: str) -> str | None:
    """'How likely are you to recommend …' -> 'nps'; None when no score word is found."""
    lowered = question.lower()
    for name, words in (("nps", NPS_WORDS), ("csat", CSAT_WORDS), ("ces", CES_WORDS)):
        if any(word in lowered for word in words):
            return name
    return None


def score_question_hints(columns: list[str], found: set[str]) -> list[str]:
    """Notes for carried columns worded like a score question ("How likely are you to
    recommend us?") when no score of that kind was found: generic files take scores only
    from recognised names or a mapping, since an open question can be worded alike ("What
    would make you recommend us?"). With no score found at all, a column named only "Score"
    or "Rating" (`BARE_SCORE_NAMES`) gets a note too."""
    notes = []
    for column in columns:
        name = score_for_question(column)
        if name and name not in found and not worded_open(column):
            notes.append(
                f"'{column}' reads like a score question ({name.upper()}) but is not read as one: "
                f'if it holds the scores, map it ([columns] {name} = "{column}")'
            )
        elif not found and normalise_name(column) in BARE_SCORE_NAMES:
            notes.append(
                f"'{column}' may hold scores but does not say which (NPS 0-10, CSAT 1-5, CES "
                f'1-7, stars 1-5): map it if it does ([columns] nps = "{column}")'
            )
    return notes


def unread_score_columns(columns: list[str], plan: ColumnPlan) -> dict[str, str]:
    """Columns of `columns` worded like a score question (not like an open one) that the
    plan does not read: column -> the score its wording names."""
    used = {*plan.columns.values(), *plan.more_texts, *plan.not_scores}
    worded = {c: score_for_question(c) for c in columns if c not in used}
    return {column: name for column, name in worded.items() if name and not worded_open(column)}


def unread_score_reasons(raw: pd.DataFrame, plan: ColumnPlan) -> pd.Series:
    """The reason for a row with no text whose score sits in a column not read as one (a
    CSAT question left carried): "no text, and its score is not read: …"; NA elsewhere."""
    reasons = pd.Series(pd.NA, index=raw.index, dtype="string")
    for column, name in unread_score_columns(list(raw.columns), plan).items():
        cells = raw[column].astype("string").str.strip()
        number = cells.str.match(NUMBER_CELL.pattern).fillna(False).astype(bool)
        reason = (
            f"no text, and its score is not read: '{column}' holds " + cells + f", worded like "
            f'a {name.upper()} question (map it: [columns] {name} = "{column}")'
        )
        reasons = reasons.fillna(reason.where(number, pd.NA))
    return reasons


def unique_names(names: list[str]) -> list[str]:
    """Make header names unique ('Q', 'Q' -> 'Q', 'Q.1') and name blank ones by position."""
    seen: dict[str, int] = {}
    result = []
    for position, name in enumerate(names):
        name = str(name).strip() or f"column_{position + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        result.append(name)
    return result


def cells(rows: list[list[str]], index: int) -> list[str]:
    return [str(c) if c is not None else "" for c in rows[index]] if len(rows) > index else []


def assign_questions(
    plan: ColumnPlan,
    columns: list[str],
    questions: dict[str, str],
    skip: set[str],
    answers: dict[str, list[str]] | None = None,
) -> None:
    """Map score questions (by their wording) to nps/csat/ces, once each; a question whose
    first `answers` (the data rows under the header, where the detector saw some) hold no
    number is left alone (`plan.not_scores`; "Would you recommend us?" answered Yes or No)."""
    for column in columns:
        if column in skip or column in plan.columns.values():
            continue
        name = score_for_question(questions.get(column, ""))
        if not name or name in plan.columns:
            continue
        given = [a.strip() for a in (answers or {}).get(column, []) if a.strip()]
        if given and not any(NUMBER_CELL.match(a) for a in given):
            plan.not_scores[column] = (name, given[0])
            continue
        plan.columns[name] = column


def answers_below(rows: list[list[str]], columns: list[str], header_rows: int) -> dict:
    """The cells under each column in the data rows among `rows` (the detector's peek)."""
    data = [cells(rows, i) for i in range(header_rows, len(rows))]
    return {c: [r[i] for r in data if i < len(r)] for i, c in enumerate(columns)}


def open_questions(
    columns: list[str],
    questions: dict[str, str],
    skip: set[str],
    answers: dict[str, list[str]] | None = None,
) -> list[str]:
    """Every column whose question asks why, what to improve or for comments, in order, but
    those whose first `answers` (where the detector saw some) are all numbers (a score
    question worded "… the improved app?"); after the first, only those whose answers read
    as free text, a few words at least, not a choice such as "Price" (`io.answers` splits
    them). The first is a request ("Describe your role") answered in a word or two only
    when no later one is answered in free text (`_first_open`)."""
    seen = answers or {}
    found = [
        c
        for c in columns
        if c not in skip
        and worded_open(questions.get(c, ""))
        and not numeric_answers(seen.get(c, []))
    ]
    if not found:
        return []
    first = _first_open(found, questions, seen)
    return [first] + [c for c in found if c != first and _free_answers(seen.get(c, []))]


def _first_open(found: list[str], questions: dict[str, str], seen: dict) -> str:
    """The text column among the open questions `found`: the first, unless it opens with a
    request (`REQUEST_OPENINGS`) answered only in short words ("Describe your role":
    "Porter") and a later one is answered in free text ("Why did you give that score?")."""
    first = found[0]
    if not questions.get(first, "").strip().lower().startswith(REQUEST_OPENINGS):
        return first
    if not _answered(seen.get(first, [])) or _free_answers(seen.get(first, [])):
        return first
    later = [c for c in found[1:] if _answered(seen.get(c, []))]
    return next((c for c in later if _free_answers(seen[c])), first)


def _answered(given: list[str]) -> bool:
    """Some answer seen that is not a non-answer such as "N/A" (`scores.NO_ANSWER`)."""
    return any(a.strip() and a.strip().lower() not in NO_ANSWER for a in given)


def _free_answers(given: list[str]) -> bool:
    """No answer seen, or one that reads as free text ("N/A" and other non-answers, the
    first a box often gets, are none: `scores.NO_ANSWER`)."""
    given = [a.strip() for a in given if a.strip() and a.strip().lower() not in NO_ANSWER]
    return not given or any(map(reads_as_free_text, given))


def reads_as_free_text(answer: str) -> bool:
    """An answer of three words or more: free text, not a choice such as "Price"."""
    return len(answer.split()) >= 3


def is_question(column: str) -> bool:
    """A column name worded as a question: ending in '?', of four words or more, or opening
    with a request for text ("Tell us why", `REQUEST_OPENINGS`); four words naming a rating
    ("Food and beverage rating", `RATING_NAME_ENDINGS`) are none, unless they open like a
    question or ask for text ("Why did you give this score", `asks_in_words`)."""
    name = column.strip()
    if name.endswith("?") or name.lower().startswith(REQUEST_OPENINGS):
        return True
    words = name.lower().split()
    if len(words) < 4:
        return False
    return words[-1] not in RATING_NAME_ENDINGS or asks_in_words(name)


def asks_in_words(name: str) -> bool:
    """A name that opens with a question word (`QUESTION_OPENINGS`: "How would you …") or
    asks for free text (`worded_open`: "… anything else about the stars")."""
    first = name.strip().lower().split(maxsplit=1)[0] if name.strip() else ""
    return first in QUESTION_OPENINGS or worded_open(name)


def question_notes(
    plan: ColumnPlan, carried: list[str], table: pd.DataFrame | None = None
) -> list[str]:
    """Notes on the carried columns of a table of questions: score-worded ones answered in
    words, and the other questions (not those `table` holds small numbers in: ratings), with
    how to use them (after the mapping is applied)."""
    notes = [
        f"'{column}' is worded like a score question ({name.upper()}) but holds answers such "
        f"as '{answer}': not read as a score (a yes/no answer can be declared an outcome: "
        f'--outcome "NAME:binary:column={column}:bad=no")'
        for column, (name, answer) in plan.not_scores.items()
        if column in carried
    ]
    others = [
        c
        for c in carried
        if plan.asks_questions
        and c not in plan.not_scores
        and is_question(c)
        and not score_for_question(c)
        and not (table is not None and c in table.columns and _small_numbers(table[c]))
    ]
    if others:
        listed = ", ".join(f"'{c}'" for c in others)
        texts = (
            ""  # a long export's open questions are known by their wording or answers
            if plan.long
            else 'map open ones as the text, [columns] text = ["<question>", "<question>"], '
            "one row per answer; "
        )
        notes.append(
            f"questions carried as columns, not analysed: {listed} ({texts}a choice such as "
            'the store or product as the touchpoint, [columns] touchpoint = "<question>", for '
            "the pain-point matrix)"
        )
    return notes


def _small_numbers(cells: pd.Series) -> bool:
    """Cells answered, every one a number from 0 to 10: a rating's answers."""
    given = [str(c).strip() for c in cells.dropna().tolist() if str(c).strip()]
    return numeric_answers(given) and all(0 <= float(a.replace(",", ".")) <= 10 for a in given)


def questions_header(
    columns: list[str],
    platform: str,
    title: str,
    fixed: dict[str, str],
    meta: set[str],
    answers: dict[str, list[str]],
    asks_questions: bool = True,
) -> Header:
    """The header of an export whose columns are its questions (Typeform, Google and
    Microsoft Forms): `fixed` columns, the open question as the text, score questions by
    wording, the rest by name; `meta` columns are the tool's own, never questions."""
    plan = ColumnPlan(platform=platform, constants={"channel": "survey", "source": platform})
    plan.columns.update(fixed)
    questions = {c: c for c in columns}
    skip = meta | set(fixed.values())
    texts = open_questions(columns, questions, skip, answers)
    if texts:
        plan.columns["text"], plan.more_texts = texts[0], texts[1:]
    assign_questions(plan, columns, questions, skip | set(texts), answers)
    plan.columns = recognise(columns, plan.columns)
    plan.notes.append(f"{title}: questions are the column names")
    plan.asks_questions = asks_questions
    return Header(columns, 1, plan)
