"""Long exports: one row per question a respondent answered, folded into one row per response.

Survey APIs flattened into tables and survey-answer tables of data warehouses hold a
response as several rows: ``ResponseId, Question, Answer`` (and columns of the response,
such as its date, repeated on each). Read row by row, every row after a response's first is
a "duplicate response_id" and a score is taken for a comment. The reader recognises the
layout (a question column, `QUESTION_NAMES` or mapped as `question`, beside an answer column
that is the text, `ANSWER_NAMES`, and an id) and folds all rows of one response into one row
whose columns are its questions, then reads that row as a form export's: every open question
(`questions.FREE_TEXT_WORDS` unless every answer is a number, or a first answer of three
words or more) is a comment (`io.answers`: one row per answer, always `<id>#q<k>`), the
first question worded like NPS, CSAT or CES whose first answer is a number the score, the
other questions (a store chosen) columns carried with the response. A response's rows may
lie anywhere in the file (an export sorted by question, a warehouse table in no order), so
the whole file is held until it is read, then folded: responses in the order of their first
rows, roles decided by the wording or the first answer in the order of the deciding rows (a
mapping may name the open questions: `text = ["Why?", "Favourite dish?"]` reads those, in
that order, and no others, however short their answers). Several adjacent answers of one
response to one question (a multiple choice) are joined with " | "; a response answering a
question again further on (a file exported twice) is a duplicate, and those rows are
rejected. Columns whose value changes between the rows of one response (a question id, a
question type) belong to the question, not the response: they are left out, and a note names
them.

The layout itself (`LongLayout`, `long_layout`, `QUESTION_NAMES`, `ANSWER_NAMES`) is recognised
in :mod:`feedback_nlp.io.long_layout`; its names are importable from here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from feedback_nlp.io.long_layout import ANSWER_NAMES, QUESTION_NAMES, LongLayout, long_layout
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.questions import (
    numeric_answers,
    reads_as_free_text,
    score_for_question,
    worded_open,
)
from feedback_nlp.io.scores import NUMBER_CELL, is_missing

__all__ = [
    "ANSWER_JOINER",
    "ANSWER_NAMES",
    "QUESTION_NAMES",
    "LongFolder",
    "LongLayout",
    "Repeats",
    "long_layout",
]

#: What joins several answers of one response to one question (the options of a multiple
#: choice, one row each).
ANSWER_JOINER = " | "


@dataclass
class LongFolder:
    """Folds chunks of long rows into rows of responses, keeping a response that may go on in
    the next chunk; `plan` (the plan of the folded rows) grows as new questions appear."""

    layout: LongLayout
    plan: ColumnPlan
    roles: dict[str, str] = field(default_factory=dict)  # question -> text, score name, carried
    names: dict[str, str] = field(default_factory=dict)  # question -> its folded column
    mapped: dict[str, str] = field(default_factory=dict)  # question -> schema name (mapping)
    texts: list[str] = field(default_factory=list)  # the open questions a mapping names
    question_columns: list[str] = field(default_factory=list)  # change within a response
    held: list[tuple[pd.DataFrame, np.ndarray]] = field(default_factory=list)
    rows_folded: int = 0  # long rows read minus responses made of them (repeats not counted)

    @classmethod
    def start(
        cls, layout: LongLayout, header_plan: ColumnPlan, questions: dict[str, str]
    ) -> LongFolder:
        """A folder whose plan keeps the header plan's columns and options; `questions`: the
        schema names a mapping gives questions (`touchpoint = "Which store did you visit?"`;
        `text = ["Why?", "Anything else?"]` names the open questions, and only those)."""
        texts = [questions["text"], *header_plan.more_texts] if "text" in questions else []
        kept = {
            name: column
            for name, column in header_plan.columns.items()
            if column not in (layout.question_column, layout.answer_column)
            and name not in questions
        }
        plan = replace(header_plan, columns=kept, more_texts=[], asks_questions=True, long=True)
        plan.notes.append(
            f"long format: one row per question ('{layout.question_column}', answers in "
            f"'{layout.answer_column}'), the rows of each '{layout.id_column}' read as one "
            "response"
        )
        mapped = {q: n for n, q in questions.items()} | dict.fromkeys(texts, "text")
        return cls(layout, plan, mapped=mapped, texts=texts)

    def hold(self, raw: pd.DataFrame, lines: np.ndarray) -> None:
        """Keep a chunk of long rows until the file is read (a response may go on anywhere)."""
        if len(raw):
            self.held.append((raw, lines))

    def fold(self) -> tuple[pd.DataFrame, np.ndarray, Repeats]:
        """The responses of every row held (each one's line is that of its first row) and the
        rows that answer a question of their response again further on; empties the hold."""
        raw = pd.concat([frame for frame, _ in self.held], ignore_index=True)
        lines = np.concatenate([numbers for _, numbers in self.held])
        self.held = []
        column = raw[self.layout.id_column]  # stripped, NA where blank: the response's key
        ids = column.astype("string").str.strip().mask(is_missing(column))
        questions = raw[self.layout.question_column].astype("string").str.strip().fillna("")
        again = _answered_again(ids, questions)
        repeats = Repeats.of(raw, lines, ids, questions, again)
        raw, lines = raw[~again].reset_index(drop=True), lines[~again]
        responses = _responses(ids[~again].reset_index(drop=True))
        self.question_columns = self._question_level(raw, responses)
        wide = self._widen(raw, responses, questions[~again].reset_index(drop=True))
        firsts = ~responses.duplicated().to_numpy()
        self.rows_folded += len(raw) - len(wide)
        return wide, lines[firsts], repeats

    def unasked_note(self) -> str | None:
        """A note naming the questions a mapping gives a role that no row asked."""
        unasked = [q for q in self.mapped if q not in self.roles]
        if not unasked:
            return None
        listed = ", ".join(f"'{q}' ({self.mapped[q]})" for q in unasked)
        return f"long format: the mapping names questions no row asks: {listed}"

    def _question_level(self, raw: pd.DataFrame, responses: pd.Series) -> list[str]:
        """Columns whose value changes within a response, but for those the plan reads (a
        date: the response's first is taken); noted once."""
        layout = self.layout
        read = {layout.question_column, layout.answer_column, *self.plan.columns.values()}
        changing = [
            c
            for c in raw.columns
            if c not in read
            and raw[c].where(~is_missing(raw[c])).groupby(responses).nunique().gt(1).any()
        ]
        if changing:
            listed = ", ".join(f"'{c}'" for c in changing)
            self.plan.notes.append(
                f"long format: {listed} change between the rows of one response (they belong to "
                "the question): left out"
            )
        return changing

    def _widen(self, raw: pd.DataFrame, responses: pd.Series, questions: pd.Series) -> pd.DataFrame:
        layout = self.layout
        keep = [
            c
            for c in raw.columns
            if c not in (layout.question_column, layout.answer_column, *self.question_columns)
        ]
        present = raw[keep].apply(lambda column: column.where(~is_missing(column)))
        base = present.groupby(responses, sort=False).first()
        answers = raw[layout.answer_column].where(~is_missing(raw[layout.answer_column]))
        joined = (
            pd.DataFrame(
                {"response": responses, "question": questions, "answer": answers.astype("string")}
            )
            .dropna(subset=["answer"])
            .groupby(["response", "question"], sort=False)["answer"]
            .agg(ANSWER_JOINER.join)
            .unstack("question")
        )
        self._assign(questions, answers, keep)
        every = list(self.roles)  # a column for every question, answered or not
        answered = joined.reindex(index=base.index, columns=every).rename(columns=self.names)
        return pd.concat([base, answered], axis=1).reset_index(drop=True).astype(object)

    def _assign(self, questions: pd.Series, answers: pd.Series, keep: list[str]) -> None:
        """Decide the role of each question: the open questions a mapping names in its order,
        the others in the order of the rows that decide them."""
        decided = []
        for question in dict.fromkeys(questions):
            if question in self.roles:
                continue
            asked = (questions == question).to_numpy()
            given = answers[asked].dropna().astype(str)
            taken = {role for _, _, role in decided}
            role, by_wording = self._role(question, given, taken)
            if role is not None:
                row = int(np.argmax(asked)) if by_wording else answers.index.get_loc(given.index[0])
                decided.append((row, question, role))
        named = {question: k for k, question in enumerate(self.texts)}  # in the mapping's order
        decided.sort(key=lambda item: (named.get(item[1], len(named)), item[0]))
        for _, question, role in decided:
            column = self.names.setdefault(question, _column_name(question, keep))
            self.roles[question] = role
            if role == "text" and "text" in self.plan.columns:
                self.plan.more_texts.append(column)
            elif role != "carried":
                self.plan.columns[role] = column

    def _role(self, question: str, given: pd.Series, taken: set[str]) -> tuple[str | None, bool]:
        """(role, decided by the wording alone): a mapped name, "text" for an open question
        (its wording, unless every answer `given` is a number, or a first answer of three
        words or more), a score for a question worded as one whose first answer is a number
        (once each: not a score the plan or an earlier question, `taken`, holds), else
        "carried"; (None, False) while a question that its answers must decide has none."""
        if question in self.mapped:
            return self.mapped[question], True
        if worded_open(question) and not self.texts and not numeric_answers(given):
            return "text", True  # not "How satisfied are you with the improved app?": 4, 2, 5
        if not len(given):
            return None, False
        first = given.iloc[0]
        score = score_for_question(question)
        taken = taken | set(self.plan.columns) | set(self.mapped.values())
        if score and score not in taken and NUMBER_CELL.match(first.strip()):
            return score, False
        free = reads_as_free_text(first) and not self.texts
        return ("text" if free else "carried"), False


def _column_name(question: str, taken: list[str]) -> str:
    """The folded column of a question: its wording, unless a column of the response has
    that name."""
    if not question:
        return "(no question)"
    return f"{question} (question)" if question in taken else question


def _responses(ids: pd.Series) -> pd.Series:
    """A number per response, in the order of their first rows: the rows of one id (stripped,
    NA where blank) wherever they are; a row without an id is a response alone."""
    blank = ids.isna().to_numpy()
    text = ids.fillna("").to_numpy(dtype=object)
    keys = np.where(blank, [f"\0{i}" for i in range(len(ids))], text)
    return pd.Series(pd.factorize(keys)[0], index=ids.index, name="response")


def _answered_again(ids: pd.Series, questions: pd.Series) -> np.ndarray:
    """The rows that answer a question of their response again after other rows: every run
    of adjacent rows of one (id, question) after that pair's first run; rows without an id
    (NA) never."""
    blank = ids.isna().to_numpy()
    pair = ids.fillna("") + "\0" + questions
    starts = (pair != pair.shift(fill_value="")).to_numpy(dtype=bool) | blank
    run = pd.Series(np.cumsum(starts), index=ids.index)
    first_run = run.groupby(pair.to_numpy()).transform("min")
    return ((run != first_run) & ~blank).to_numpy(dtype=bool)


@dataclass(frozen=True)
class Repeats:
    """Long rows whose response answers their question again further on: the raw rows, their
    lines, and per row its id, its question and the line where its response starts."""

    raw: pd.DataFrame
    lines: np.ndarray
    ids: list[str]
    questions: list[str]
    starts: list[int]

    @classmethod
    def of(
        cls,
        raw: pd.DataFrame,
        lines: np.ndarray,
        ids: pd.Series,
        questions: pd.Series,
        again: np.ndarray,
    ) -> Repeats:
        """The rows `again` of every row held (`raw`, `lines`, `ids`, `questions`)."""
        start = pd.Series(lines, index=ids.index).groupby(ids.to_numpy()).min()
        repeated = ids[again].tolist()
        return cls(
            raw[again],
            lines[again],
            repeated,
            questions[again].tolist(),
            [int(start[i]) for i in repeated],
        )
