"""Form builders' exports (Google Forms, Microsoft Forms): one header row of questions.

Their columns are the questions asked, in the form's language, after a few columns of their
own (a timestamp; an id, start and completion times, email and name). The comment is the
question that asks why, what to improve or for comments (`questions.FREE_TEXT_WORDS`), the
scores are the questions worded like NPS, CSAT or CES (`questions.questions_header`, which
Typeform shares). The other questions
are carried under their own names, and a note names them: a second open question ("What did
you like most?") is analysed by mapping it as the text.
"""

from __future__ import annotations

from feedback_nlp.io.questions import (
    Header,
    answers_below,
    cells,
    is_question,
    questions_header,
    unique_names,
)

#: The first column of a Google Forms export, in the form owner's language.
GOOGLE_TIMESTAMPS = (
    "Timestamp",
    "Horodateur",
    "Zeitstempel",
    "Marca temporal",
    "Informazioni cronologiche",
    "Carimbo de data/hora",
    "Tijdstempel",
    "Sygnatura czasowa",
    "Marcaj de timp",
    "Отметка времени",
)
#: Columns Google Forms adds when it collects addresses or grades a quiz (carried as they are).
GOOGLE_META = (
    "Email Address",
    "Email address",
    "Adresse e-mail",
    "E-Mail-Adresse",
    "Dirección de correo electrónico",
    "Indirizzo email",
    "Endereço de e-mail",
    "E-mailadres",
    "Adres e-mail",
    "Adresă de e-mail",
    "Адрес электронной почты",
    "Score",
)
MICROSOFT_META = ("ID", "Start time", "Completion time", "Email", "Name", "Last modified time")


def google_forms(rows: list[list[str]]) -> Header | None:
    """Google Forms: a timestamp column first, then the questions (one at least)."""
    top = cells(rows, 0)
    if not top or top[0].strip() not in GOOGLE_TIMESTAMPS or not any(map(is_question, top)):
        return None  # a social export may start with a timestamp too; a form asks questions
    columns = unique_names(top)
    fixed = {"created_at": columns[0]}
    answers = answers_below(rows, columns, 1)
    return questions_header(
        columns, "google_forms", "Google Forms", fixed, set(GOOGLE_META), answers
    )


def microsoft_forms(rows: list[list[str]]) -> Header | None:
    """Microsoft Forms: ID, start and completion times (email, name), then the questions."""
    top = cells(rows, 0)
    if not {"ID", "Start time", "Completion time"} <= {c.strip() for c in top}:
        return None
    columns = unique_names(top)
    fixed = {"response_id": "ID", "created_at": "Completion time"}
    meta = set(MICROSOFT_META)
    answers = answers_below(rows, columns, 1)
    return questions_header(columns, "microsoft_forms", "Microsoft Forms", fixed, meta, answers)
