"""Recognise survey and review exports from their header rows and plan their columns.

Each detector looks at the first (up to three) rows of a table and, when they match its
platform, returns the header to use, how many rows the header takes and a :class:`ColumnPlan`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.io.column_names import normalise_name, numbers_only, recognise
from feedback_nlp.io.forms import google_forms, microsoft_forms
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.questions import (
    BARE_SCORE_NAMES,
    Header,
    answers_below,
    assign_questions,
    cells,
    is_question,
    open_questions,
    questions_header,
    score_for_question,
    unique_names,
)
from feedback_nlp.io.questions import score_question_hints as question_hints
from feedback_nlp.io.scale_hints import bare_score_note

__all__ = ["PLATFORMS", "Header", "detect_header", "score_question_hints"]


#: The ImportId of a Qualtrics text-entry question ("QID7_TEXT"); "QID4_5_TEXT" is the
#: "Other (please specify)" box of a choice question.
QUALTRICS_TEXT_ENTRY = re.compile(r"^QID\d+_TEXT$", re.IGNORECASE)


def _import_id(cell: str) -> str | None:
    if not cell.strip().startswith("{"):
        return None
    try:
        value = json.loads(cell)
    except json.JSONDecodeError:
        return None
    return value.get("ImportId") if isinstance(value, dict) else None


def unique_wordings(wordings: dict[str, str]) -> dict[str, str]:
    """Column -> its question's wording, the column id added where two share one ("Please
    tell us why." after both the NPS and the CSAT question: their answers stay apart)."""
    texts = [w.strip() for w in wordings.values()]
    return {
        column: f"{text} ({column})" if texts.count(text) > 1 else text
        for (column, _), text in zip(wordings.items(), texts, strict=True)
        if text
    }


def qualtrics(rows: list[list[str]]) -> Header | None:
    """Qualtrics: ids, question texts, then {"ImportId": …} cells; data from row 4."""
    ids_row, questions_row, import_row = cells(rows, 0), cells(rows, 1), cells(rows, 2)
    import_ids = [_import_id(cell) for cell in import_row]
    if not import_ids or sum(i is not None for i in import_ids) < len(import_ids) / 2:
        return None
    columns = unique_names(ids_row)
    questions = dict(zip(columns, questions_row, strict=False))
    imports = {c: i or "" for c, i in zip(columns, import_ids, strict=False)}
    plan = ColumnPlan(platform="qualtrics", constants={"channel": "survey", "source": "qualtrics"})
    for name, column in (
        ("response_id", "ResponseId"),
        ("created_at", "RecordedDate"),
        ("lang_hint", "UserLanguage"),
    ):
        if column in columns:
            plan.columns[name] = column
    texts = [c for c in columns if QUALTRICS_TEXT_ENTRY.match(imports[c])]  # not "Other" text
    texts = texts or [c for c in columns if imports[c].upper().endswith("_TEXT")][:1]
    text = texts[0] if texts else None
    if text:
        plan.columns["text"], plan.more_texts = text, texts[1:]
        plan.question_wording = unique_wordings({c: questions.get(c, "") for c in texts})
    groups = {
        c
        for c in columns
        if imports[c].upper().endswith("_NPS_GROUP") or questions.get(c, "").endswith("- Group")
    }
    asked = [c for c in columns if imports[c].upper().startswith("QID")]
    assign_questions(plan, asked, questions, groups | set(texts))
    plan.columns = recognise(columns, plan.columns)
    plan.notes.append("Qualtrics: 3 header rows (ids, question texts, ImportIds)")
    return Header(columns, 3, plan)


SURVEYMONKEY_META = ("Respondent ID", "Collector ID", "Start Date", "End Date")


def surveymonkey(rows: list[list[str]]) -> Header | None:
    """SurveyMonkey: question row (blank cells continue the question) + sub-label row."""
    top, sub = cells(rows, 0), cells(rows, 1)
    if "Respondent ID" not in top or not ({"Collector ID", "Start Date"} & set(top)):
        return None
    header_rows = 2
    id_position = top.index("Respondent ID")
    if id_position < len(sub) and sub[id_position].strip():
        sub, header_rows = [], 1  # no sub-label row: the second row is already data
    names, questions = [], {}
    current = ""
    for position, cell in enumerate(top):
        current = cell.strip() or current
        label = sub[position].strip() if position < len(sub) else ""
        name = (
            current if label in ("", "Response", "Open-Ended Response") else f"{current} - {label}"
        )
        names.append(name)
    columns = unique_names(names)
    open_ended = [
        c for c, label in zip(columns, sub, strict=False) if label.strip() == "Open-Ended Response"
    ]
    for column, question in zip(columns, names, strict=True):
        questions[column] = question
    plan = ColumnPlan(
        platform="surveymonkey",
        constants={"channel": "survey", "source": "surveymonkey"},
        date_format="%m/%d/%Y %I:%M:%S %p",
    )
    plan.columns["response_id"] = "Respondent ID"
    date = "End Date" if "End Date" in columns else "Start Date"
    if date in columns:
        plan.columns["created_at"] = date
    meta = set(SURVEYMONKEY_META) | {c for c in columns if c.startswith(("IP Address", "Email"))}
    answers = answers_below(rows, columns, header_rows)
    texts = open_ended or open_questions(columns, questions, meta, answers)
    if texts:
        plan.columns["text"], plan.more_texts = texts[0], texts[1:]
    assign_questions(plan, columns, questions, meta | set(texts), answers)
    plan.columns = recognise(columns, plan.columns)
    plan.notes.append(
        "SurveyMonkey: 2 header rows (questions, sub-labels), blanks forward-filled"
        if header_rows == 2
        else "SurveyMonkey: 1 header row (no sub-label row)"
    )
    return Header(columns, header_rows, plan)


TYPEFORM_DATES = ("Submit Date (UTC)", "Submitted At")
TYPEFORM_META = ("#", "Start Date (UTC)", "Stage Date (UTC)", "Network ID", "Tags", "Response Type")


def typeform(rows: list[list[str]]) -> Header | None:
    """Typeform: '#' first, question texts as columns, submit date and 'Network ID'."""
    top = cells(rows, 0)
    if (
        not top
        or top[0].strip() != "#"
        or not ("Network ID" in top or set(TYPEFORM_DATES) & set(top))
    ):
        return None
    columns = unique_names(top)
    fixed = {"response_id": "#"}
    date = next((c for c in TYPEFORM_DATES if c in columns), None)
    if date:
        fixed["created_at"] = date
    meta = set(TYPEFORM_META) | set(TYPEFORM_DATES)
    answers = answers_below(rows, columns, 1)
    return questions_header(columns, "typeform", "Typeform", fixed, meta, answers, False)


def google_play(rows: list[list[str]]) -> Header | None:
    """Google Play Console review export (UTF-16): star rating kept as `star_rating`."""
    top = cells(rows, 0)
    if "Package Name" not in top or "Review Text" not in top:
        return None
    columns = unique_names(top)
    plan = ColumnPlan(
        platform="google_play", constants={"channel": "review", "source": "google_play"}
    )
    for name, column in (
        ("response_id", "Review Link"),  # the export's only id: monthly exports then combine
        ("text", "Review Text"),
        ("created_at", "Review Submit Date and Time"),
        ("lang_hint", "Reviewer Language"),
        ("star_rating", "Star Rating"),
    ):
        if column in columns:
            plan.columns[name] = column
    return Header(columns, 1, plan)  # the note on 'Star Rating': io.scale_hints


def score_question_hints(
    columns: list[str], found: set[str], table: pd.DataFrame | None = None
) -> list[str]:
    """Notes for carried columns that may hold a score (`questions.score_question_hints`);
    a column named only "Rating" or "Score" is told the score its answers' range in `table`
    suggests (1-5: star_rating or csat), when no score was found."""
    bare = [
        c for c in columns if normalise_name(c) in BARE_SCORE_NAMES and not score_for_question(c)
    ]
    notes = question_hints([c for c in columns if c not in bare], found)
    if found:
        return notes
    has = table is not None
    return notes + [bare_score_note(c, table[c] if has and c in table else None) for c in bare]


def generic(rows: list[list[str]]) -> Header:
    """Any table with one header row: columns recognised by schema names and aliases; with
    no column named like a comment, the question (`questions.is_question`) that asks why,
    what to improve or for comments is the text (a note says so)."""
    columns = unique_names(cells(rows, 0))
    plan = ColumnPlan(columns=numbers_only(recognise(columns), answers_below(rows, columns, 1)))
    if "text" not in plan.columns:
        questions = {c: c for c in columns if is_question(c)}  # not 'reason_code'
        answers = answers_below(rows, columns, 1)
        texts = open_questions(columns, questions, set(plan.columns.values()), answers)
        if texts:
            plan.columns["text"], plan.more_texts = texts[0], texts[1:]
            plan.notes.append(_text_note(texts))
            plan.asks_questions = True
    return Header(columns, 1, plan)


def _text_note(texts: list[str]) -> str:
    if len(texts) == 1:
        return f"text: the question '{texts[0]}' (by its wording)"
    listed = ", ".join(f"'{t}'" for t in texts)
    return f"text: the questions {listed} (by their wording; one row per answer)"


TABULAR_DETECTORS: dict[str, Callable[[list[list[str]]], Header | None]] = {
    "qualtrics": qualtrics,
    "surveymonkey": surveymonkey,
    "typeform": typeform,
    "google_play": google_play,
    "google_forms": google_forms,
    "microsoft_forms": microsoft_forms,
}
PLATFORMS = ("auto", "generic", *TABULAR_DETECTORS, "app_store", "chat")


def detect_header(rows: list[list[str]], platform: str = "auto") -> Header | None:
    """Run the platform detectors on the first rows; None if a forced platform does not match."""
    if platform not in PLATFORMS:
        raise ConfigError(f"unknown platform '{platform}'; use one of {list(PLATFORMS)}")
    if platform == "generic":
        return generic(rows)
    if platform in TABULAR_DETECTORS:
        return TABULAR_DETECTORS[platform](rows)
    if platform != "auto":
        return None
    for detector in TABULAR_DETECTORS.values():
        header = detector(rows)
        if header is not None:
            return header
    return generic(rows)
