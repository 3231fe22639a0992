"""Long exports: one row per question a respondent answered, folded into one row per response.

Survey APIs flattened into tables and survey-answer tables of data warehouses hold a
response as several rows: ``ResponseId, Question, Answer`` (and columns of the response,
such as its date, repeated on each). Read row by row, every row after a response's first is
a "duplicate response_id" and a score is taken for a comment. The reader recognises the
layout (a question column, `QUESTION_NAMES` or mapped as `question`, beside an answer
column that is the text, `ANSWER_NAMES`, and an id) and folds each run of adjacent rows of
one response into one row whose columns are its questions, then reads that row as a form
export's: every open question (`questions.FREE_TEXT_WORDS`, or a first answer of three
words or more) is a comment (`io.answers`: one row per answer, always `<id>#q<k>`), a
question worded like NPS, CSAT or CES whose first answer is a number the score, the other
questions (a store chosen) columns carried with the response. Roles are decided by the
wording or the first answer, in the order of the deciding rows, so any chunking of a file
gives the same roles and ids. Several answers to one question (a multiple choice) are
joined with " | ". Columns whose value changes between the rows of one response (a
question id, a question type) belong to the question, not the response: they are left
out, and a note names them. A response's rows must be adjacent (an export sorted by
response): rows of a response seen again later are a duplicate response_id.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from feedback_nlp.io.column_names import normalise_name
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.questions import FREE_TEXT_WORDS, reads_as_free_text, score_for_question
from feedback_nlp.io.scores import NUMBER_CELL, is_missing

#: Names of the question column of a long export (normalised: lower case, "_" for the rest).
QUESTION_NAMES = frozenset(
    {"question", "question_text", "questiontext", "question_label", "frage", "pregunta"}
    | {"pergunta", "domanda", "întrebare", "intrebare", "вопрос", "pytanie", "vraag"}
)
#: Names of its answer column (the text column, found by name or mapped).
ANSWER_NAMES = frozenset(
    {"answer", "answer_text", "answer_value", "value", "response", "antwort", "réponse"}
    | {"reponse", "respuesta", "resposta", "risposta", "răspuns", "raspuns", "ответ"}
    | {"odpowiedź", "odpowiedz", "antwoord"}
)
#: What joins several answers of one response to one question (the options of a multiple
#: choice, one row each).
ANSWER_JOINER = " | "


@dataclass(frozen=True)
class LongLayout:
    """The columns of a long export: the response, the question, the answer."""

    id_column: str
    question_column: str
    answer_column: str


def long_layout(
    columns: list[str], plan: ColumnPlan, absent: set[str] = frozenset()
) -> LongLayout | None:
    """The long layout of a table with these columns and plan, None for any other table;
    `absent`: the schema names the plan maps to no column of the file."""
    ids, answers = plan.columns.get("response_id"), plan.columns.get("text")
    if {"response_id", "text", "question"} & absent:
        return None
    question = plan.columns.get("question") or next(
        (c for c in columns if normalise_name(c) in QUESTION_NAMES), None
    )
    if not (ids and answers and question) or question in (ids, answers):
        return None
    if normalise_name(answers) not in ANSWER_NAMES:  # re-read tagged output: `text`, `question`
        return None
    return LongLayout(ids, question, answers)


@dataclass
class LongFolder:
    """Folds chunks of long rows into rows of responses, keeping a response that may go on in
    the next chunk; `plan` (the plan of the folded rows) grows as new questions appear."""

    layout: LongLayout
    plan: ColumnPlan
    roles: dict[str, str] = field(default_factory=dict)  # question -> text, score name, carried
    names: dict[str, str] = field(default_factory=dict)  # question -> its folded column
    mapped: dict[str, str] = field(default_factory=dict)  # question -> schema name (mapping)
    question_columns: list[str] | None = None  # columns that change within a response
    pending: tuple[pd.DataFrame, np.ndarray] | None = None
    rows_folded: int = 0  # long rows read minus responses made of them

    @classmethod
    def start(
        cls, layout: LongLayout, header_plan: ColumnPlan, questions: dict[str, str]
    ) -> LongFolder:
        """A folder whose plan keeps the header plan's columns and options; `questions`: the
        schema names a mapping gives questions (`touchpoint = "Which store did you visit?"`)."""
        kept = {
            name: column
            for name, column in header_plan.columns.items()
            if column not in (layout.question_column, layout.answer_column)
            and name not in questions
        }
        plan = replace(header_plan, columns=kept, more_texts=[], asks_questions=True, long=True)
        plan.notes.append(
            f"long format: one row per question ('{layout.question_column}', answers in "
            f"'{layout.answer_column}'), the adjacent rows of each '{layout.id_column}' read "
            "as one response"
        )
        return cls(layout, plan, mapped={q: n for n, q in questions.items()})

    def fold(
        self, raw: pd.DataFrame, lines: np.ndarray, final: bool = False
    ) -> tuple[pd.DataFrame, np.ndarray]:
        """The responses of `raw` (after the rows kept from the last chunk), the last one held
        back unless `final`; each response's line is that of its first row."""
        if self.pending is not None:
            raw = pd.concat([self.pending[0], raw], ignore_index=True)
            lines = np.concatenate([self.pending[1], lines])
            self.pending = None
        runs = _runs(raw[self.layout.id_column])
        if not final and len(raw):
            last = (runs == runs.iloc[-1]).to_numpy()
            self.pending = (raw[last].reset_index(drop=True), lines[last])
            raw, lines, runs = raw[~last], lines[~last], runs[~last]
        if raw.empty:
            return raw, lines
        if self.question_columns is None:
            self.question_columns = self._question_level(raw, runs)
        wide = self._widen(raw, runs)
        firsts = ~runs.duplicated().to_numpy()
        self.rows_folded += len(raw) - len(wide)
        return wide, lines[firsts]

    def unasked_note(self) -> str | None:
        """A note naming the questions a mapping gives a role that no row asked."""
        unasked = [q for q in self.mapped if q not in self.roles]
        if not unasked:
            return None
        listed = ", ".join(f"'{q}' ({self.mapped[q]})" for q in unasked)
        return f"long format: the mapping names questions no row asks: {listed}"

    def _question_level(self, raw: pd.DataFrame, runs: pd.Series) -> list[str]:
        """Columns whose value changes within a response, but for those the plan reads (a
        date: the response's first is taken); noted once."""
        layout = self.layout
        read = {layout.question_column, layout.answer_column, *self.plan.columns.values()}
        changing = [
            c
            for c in raw.columns
            if c not in read
            and raw[c].where(~is_missing(raw[c])).groupby(runs).nunique().gt(1).any()
        ]
        if changing:
            listed = ", ".join(f"'{c}'" for c in changing)
            self.plan.notes.append(
                f"long format: {listed} change between the rows of one response (they belong to "
                "the question): left out"
            )
        return changing

    def _widen(self, raw: pd.DataFrame, runs: pd.Series) -> pd.DataFrame:
        layout = self.layout
        keep = [
            c
            for c in raw.columns
            if c not in (layout.question_column, layout.answer_column, *self.question_columns)
        ]
        present = raw[keep].apply(lambda column: column.where(~is_missing(column)))
        base = present.groupby(runs, sort=False).first()
        questions = raw[layout.question_column].astype("string").str.strip().fillna("")
        answers = raw[layout.answer_column].where(~is_missing(raw[layout.answer_column]))
        joined = (
            pd.DataFrame({"run": runs, "question": questions, "answer": answers.astype("string")})
            .dropna(subset=["answer"])
            .groupby(["run", "question"], sort=False)["answer"]
            .agg(ANSWER_JOINER.join)
            .unstack("question")
        )
        self._assign(questions, answers, keep)
        every = list(self.roles)  # every question decided so far: each chunk has their columns
        answered = joined.reindex(index=base.index, columns=every).rename(columns=self.names)
        return pd.concat([base, answered], axis=1).reset_index(drop=True).astype(object)

    def _assign(self, questions: pd.Series, answers: pd.Series, keep: list[str]) -> None:
        """Decide the role of each question not decided yet, in the order of the rows that
        decide them, so that any chunking of a file gives the same roles and ids."""
        decided = []
        for question in dict.fromkeys(questions):
            if question in self.roles:
                continue
            asked = (questions == question).to_numpy()
            given = answers[asked].dropna().astype(str)
            first = given.iloc[0] if len(given) else None
            role, by_wording = self._role(question, first)
            if role is not None:
                row = int(np.argmax(asked)) if by_wording else answers.index.get_loc(given.index[0])
                decided.append((row, question, role))
        for _, question, role in sorted(decided, key=lambda item: item[0]):
            column = self.names.setdefault(question, _column_name(question, keep))
            self.roles[question] = role
            if role == "text" and "text" in self.plan.columns:
                self.plan.more_texts.append(column)
            elif role != "carried":
                self.plan.columns[role] = column

    def _role(self, question: str, first: str | None) -> tuple[str | None, bool]:
        """(role, decided by the wording alone): a mapped name, "text" for an open question
        (its wording, or a first answer of three words or more), a score for a question
        worded as one whose first answer is a number, else "carried"; (None, False) while a
        question that its answers must decide has none."""
        if question in self.mapped:
            return self.mapped[question], True
        if any(word in question.lower() for word in FREE_TEXT_WORDS):
            return "text", True
        if first is None:
            return None, False
        score = score_for_question(question)
        if score and score not in self.plan.columns and NUMBER_CELL.match(first.strip()):
            return score, False
        return ("text" if reads_as_free_text(first) else "carried"), False


def _column_name(question: str, taken: list[str]) -> str:
    """The folded column of a question: its wording, unless a column of the response has
    that name."""
    if not question:
        return "(no question)"
    return f"{question} (question)" if question in taken else question


def _runs(ids: pd.Series) -> pd.Series:
    """A number per run of adjacent rows with one id; a row without an id is a run alone."""
    blank = is_missing(ids).to_numpy()
    text = ids.astype("string").str.strip().fillna("")
    changed = (text != text.shift(fill_value="")).to_numpy(dtype=bool)
    starts = blank | changed | np.concatenate([[False], blank[:-1]])
    return pd.Series(np.cumsum(starts), index=ids.index, name="run")
