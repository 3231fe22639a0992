"""The feedback table: every column feedback_nlp knows, its dtype and allowed values.

One pandas DataFrame flows through the toolkit, one row per comment (for chat logs: one row
per customer turn, with `conversation_id` and `turn`). This module is the only place that names
columns and label sets. Columns that are not listed here are carried through untouched, with
the type the file gave them: text from CSV (a numeric column included: "007" and "1.50" stay
as written; cast it yourself, or read an xlsx or Parquet export, whose numbers stay numbers).

Input columns (read from files):

========================  =====================  ===========================================
column                    dtype                  meaning / allowed values
========================  =====================  ===========================================
response_id (required)    string, unique         one id per row
text (required)           string                 the comment as the customer wrote it
respondent_id             string                 who wrote it (several rows may share one)
created_at                datetime64[ns, UTC]    when it was written
channel                   string                 survey, forum, social, chat, email, review, …
source                    string                 the platform (qualtrics, google_play, …)
touchpoint                string                 website, app, checkout, delivery, support, …
journey_stage             string                 awareness … advocacy (see JOURNEY_STAGES), or
                                                 the export's own stages declared in a mapping
journey_stage_order       Int64 (>= 1)           position of the stage in the journey
journey_stage_canonical   string                 canonical stage of a declared stage
touchpoint_order          Int64 (>= 1)           position of a declared touchpoint
touchpoint_canonical      string                 canonical touchpoint of a declared one
lang_hint                 string                 a language the source claims (a prior only)
question                  string                 the survey question the comment answers
                                                 (several open questions: one row per
                                                 answer, response_id `<row id>#q<k>`)
conversation_id           string                 chat conversation the turn belongs to
turn                      Int64 (>= 0)           position of the turn in its conversation
nps                       Int64, 0–10            likelihood to recommend
csat                      Int64, 1–5             satisfaction
ces                       Int64, 1–7             customer effort
========================  =====================  ===========================================

Columns written by the stages (and `score_row`, by `score_join.join_scores`) are listed in
PRODUCED (see each stage for details).

`text_issues` is written by the readers and completed by the stages: what is wrong with the raw
`text` of the row, or was taken out of it, as kinds joined by '|' ("" when nothing):
``replacement_char`` (U+FFFD, a character lost before export), ``nul``, ``control_chars``,
``mojibake`` (UTF-8 read as cp1252 upstream, repaired in `text_clean`), ``truncated`` (longer
than prepare's `max_chars`), ``embedded_partly`` (more encoder windows than the embed stage's
cap), and from prepare (feedback_nlp.text.quotes) ``quoted_text_removed`` (quoted posts and
their headers left out of `text_clean`), ``signature_removed`` (a signature block or mobile
footer left out) and ``quote_only`` (nothing but quotes: `text_clean` is ""). The row is always
kept; `text` stays as read and `text_clean` holds the repaired text (feedback_nlp.text.damage).

Checks against these columns, multi-valued cells and the rejects table are in
feedback_nlp.schema, which re-exports everything defined here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

SCHEMA_VERSION = "1.0"

#: Separator of multi-valued string columns (`emotion`, `themes`, `pii_types`).
LIST_SEP = "|"

#: How the reader names the rows of one survey row that answers several open questions:
#: ``<row id>#q<k>`` (`io.answers`); `source_response_ids` gives the row id back.
ANSWER_SUFFIX = "#q"

CHANNELS = ("survey", "forum", "social", "chat", "email", "review", "other")
TOUCHPOINTS = ("website", "app", "checkout", "delivery", "support", "billing", "store")
JOURNEY_STAGES = ("awareness", "consideration", "purchase", "retention", "advocacy")
SENTIMENT_LABELS = ("negative", "neutral", "positive")
EMOTION_LABELS = (
    "anger", "disgust", "fear", "joy", "sadness", "surprise", "anticipation", "trust"
)  # fmt: skip
NEUTRAL_EMOTION = "neutral"
NPS_GROUPS = ("detractor", "passive", "promoter")
#: Customer effort the comment describes, least first (stage "effort").
EFFORT_LEVELS = ("none", "low", "high")
UNDETERMINED_LANGUAGE = "und"

#: Placeholders left in the text by PII redaction, keyed by PII type. A social handle becomes
#: ``@user``, the placeholder of the XLM-T tweets, which every later stage reads as a handle.
PII_PLACEHOLDERS = {
    "email": "<EMAIL>",
    "phone": "<PHONE>",
    "card": "<CARD>",
    "iban": "<IBAN>",
    "url": "<URL>",
    "secret": "<SECRET>",
    "handle": "@user",
    "name": "<NAME>",
    "id": "<ID>",
    "dob": "<DOB>",
}


@dataclass(frozen=True)
class Column:
    """One documented column of the feedback table."""

    name: str
    dtype: str
    description: str
    required: bool = False
    allowed: tuple[str, ...] | None = None
    value_range: tuple[float, float] | None = None
    open_set: bool = False  # allowed values are suggestions; others are kept


SCORE_RANGES: dict[str, tuple[int, int]] = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}

INPUT_COLUMNS: dict[str, Column] = {
    c.name: c
    for c in (
        Column("response_id", "string", "Unique id of the row.", required=True),
        Column("text", "string", "The comment as written (may be empty).", required=True),
        Column("respondent_id", "string", "Who wrote the comment."),
        Column("created_at", "datetime64[ns, UTC]", "When the comment was written (UTC)."),
        Column("channel", "string", "Where it came from.", allowed=CHANNELS, open_set=True),
        Column("source", "string", "The platform the file was exported from."),
        Column(
            "touchpoint", "string", "Part of the experience.", allowed=TOUCHPOINTS, open_set=True
        ),
        Column(
            "journey_stage",
            "string",
            "Customer journey stage: canonical, or the export's own names declared in a mapping.",
            allowed=JOURNEY_STAGES,
            open_set=True,
        ),
        Column(
            "journey_stage_order",
            "Int64",
            "Position of the stage in the journey (declared order, else canonical); reports sort "
            "by it.",
            value_range=(1, 1e6),
        ),
        Column(
            "journey_stage_canonical",
            "string",
            "The canonical stage a declared stage maps to.",
            allowed=JOURNEY_STAGES,
        ),
        Column(
            "touchpoint_order",
            "Int64",
            "Position of a declared touchpoint in the mapping's order.",
            value_range=(1, 1e6),
        ),
        Column(
            "touchpoint_canonical",
            "string",
            "The canonical touchpoint a declared touchpoint maps to.",
            allowed=TOUCHPOINTS,
            open_set=True,
        ),
        Column("lang_hint", "string", "Language the source claims; a prior, not the answer."),
        Column(
            "question",
            "string",
            "The survey question the comment answers (a survey asking several open questions "
            "gives one row per answer).",
        ),
        Column("conversation_id", "string", "Chat conversation of the turn."),
        Column("turn", "Int64", "Index of the turn in its conversation.", value_range=(0, 1e9)),
        Column("nps", "Int64", "Likelihood to recommend, 0-10.", value_range=SCORE_RANGES["nps"]),
        Column("csat", "Int64", "Satisfaction, 1-5.", value_range=SCORE_RANGES["csat"]),
        Column("ces", "Int64", "Customer effort, 1-7.", value_range=SCORE_RANGES["ces"]),
    )
}

PRODUCED_COLUMNS: dict[str, Column] = {
    c.name: c
    for c in (
        Column(
            "text_issues",
            "string",
            f"Damage found in `text` (replacement_char, nul, …) and what prepare took out of it "
            f"(quoted_text_removed, signature_removed, quote_only) joined by '{LIST_SEP}'.",
        ),
        Column("text_clean", "string", "Cleaned, PII-redacted text; what every stage reads."),
        Column("pii_types", "string", f"PII types redacted, joined by '{LIST_SEP}'."),
        Column(
            "is_duplicate",
            "boolean",
            "True when another row with the same clean text is kept for it (an earlier row, or "
            "the original a retweet shares).",
        ),
        Column("duplicate_of", "string", "response_id of that kept row."),
        Column("lang", "string", "ISO 639-1 code, or 'und' when the text carries no language."),
        Column("lang_score", "float64", "Confidence of `lang`, 0-1.", value_range=(0, 1)),
        Column("sentiment", "string", "Overall polarity.", allowed=SENTIMENT_LABELS),
        Column("sentiment_score", "float64", "p(positive) - p(negative).", value_range=(-1, 1)),
        *(
            Column(f"p_{label}", "float64", f"Probability of {label}.", value_range=(0, 1))
            for label in SENTIMENT_LABELS
        ),
        Column(
            "p_mixed",
            "float64",
            "Probability that the comment praises and complains (mixed); NaN without a mixed head.",
            value_range=(0, 1),
        ),
        *(
            Column(f"emo_{label}", "float64", f"Probability of {label}.", value_range=(0, 1))
            for label in EMOTION_LABELS
        ),
        Column(
            "emotion", "string", f"Emotions above threshold joined by '{LIST_SEP}', or neutral."
        ),
        Column("effort", "string", "Customer effort the text describes.", allowed=EFFORT_LEVELS),
        Column("effort_score", "float64", "Strength of the effort cues, 0-1.", value_range=(0, 1)),
        Column(
            "effort_cues",
            "string",
            f"Effort cue families found (repeat_contact, transfer, …) joined by '{LIST_SEP}'.",
        ),
        Column("topic", "Int64", "Main theme id; -1 for outliers."),
        Column("topic_label", "string", "Readable label of the main theme."),
        Column(
            "topic_score", "float64", "Similarity of the comment to its theme.", value_range=(0, 1)
        ),
        Column("themes", "string", f"All theme ids of the comment joined by '{LIST_SEP}'."),
        Column(
            "theme_labels", "string", f"Labels of the comment's `themes` joined by '{LIST_SEP}'."
        ),
        Column("topic_category", "string", "Category (upper level) of the main theme."),
        Column(
            "categories", "string", f"Categories of the comment's themes joined by '{LIST_SEP}'."
        ),
        Column("nps_group", "string", "NPS group.", allowed=NPS_GROUPS),
        Column(
            "score_row",
            "string",
            "Which row of a scores table `join_scores` took the row's scores from (a short hash "
            "of that row and its table); the unit rule counts a respondent's rows under one "
            "score row as one answer.",
        ),
    )
}

COLUMNS: dict[str, Column] = {**INPUT_COLUMNS, **PRODUCED_COLUMNS}
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c.name for c in INPUT_COLUMNS.values() if c.required)


def sentiment_prob_columns() -> list[str]:
    """Names of the per-class sentiment probability columns."""
    return [f"p_{label}" for label in SENTIMENT_LABELS]


def emotion_prob_columns() -> list[str]:
    """Names of the per-emotion probability columns."""
    return [f"emo_{label}" for label in EMOTION_LABELS]


def empty_table(extra_columns: Iterable[str] = ()) -> pd.DataFrame:
    """An empty feedback table with the required columns in their schema dtypes."""
    columns = {name: pd.Series(dtype=COLUMNS[name].dtype) for name in REQUIRED_COLUMNS}
    for name in extra_columns:
        columns[name] = pd.Series(dtype=COLUMNS[name].dtype if name in COLUMNS else "object")
    return pd.DataFrame(columns)


def describe_schema() -> pd.DataFrame:
    """The schema as a table (name, dtype, required, allowed, range, description) for docs/CLI."""
    rows = [
        {
            "column": c.name,
            "dtype": c.dtype,
            "required": c.required,
            "produced_by_stage": c.name in PRODUCED_COLUMNS,
            "allowed": ", ".join(c.allowed) + (", …" if c.open_set else "") if c.allowed else "",
            "range": f"{c.value_range[0]:g}-{c.value_range[1]:g}" if c.value_range else "",
            "description": c.description,
        }
        for c in COLUMNS.values()
    ]
    return pd.DataFrame(rows)
