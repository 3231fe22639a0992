"""The layout of a long export (one row per question a respondent answered): its response id,
question and answer columns (`LongLayout`), recognised by `long_layout` from the column names
(`QUESTION_NAMES`, `ANSWER_NAMES`) or a mapping; :mod:`feedback_nlp.io.long_format` folds its
rows into responses."""

from __future__ import annotations

from dataclasses import dataclass

from feedback_nlp.io.column_names import normalise_name
from feedback_nlp.io.mapping import ColumnPlan

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
    if {"response_id", "question"} & absent:
        return None
    if "text" in absent:  # the mapping names the open questions: answers in the answer column
        answers = next((c for c in columns if normalise_name(c) in ANSWER_NAMES), None)
    question = plan.columns.get("question") or next(
        (c for c in columns if normalise_name(c) in QUESTION_NAMES), None
    )
    if not (ids and answers and question) or question in (ids, answers):
        return None
    if normalise_name(answers) not in ANSWER_NAMES:  # re-read tagged output: `text`, `question`
        return None
    return LongLayout(ids, question, answers)
