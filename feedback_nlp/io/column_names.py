"""Recognising a file's columns by name: schema names, their aliases, camelCase and prefixed
forms ("Review Content", "Comment Date")."""

from __future__ import annotations

import re

from feedback_nlp.io.question_words import FREE_TEXT_WORDS

#: A lower-case letter or digit followed by a capital, and the last capital of a run before a
#: lower-case letter ('IPAddress' -> 'IP_Address').
_CAMEL_LOWER = re.compile(r"([a-z0-9])([A-Z])")
_CAMEL_UPPER = re.compile(r"([A-Z])([A-Z][a-z])")

#: Names (normalised: lower case, non-alphanumerics as "_") recognised for each schema column.
ALIASES: dict[str, tuple[str, ...]] = {
    "response_id": (
        "response_id",
        "responseid",
        "id",
        "comment_id",
        "review_id",
        "feedback_id",
        "post_id",
        "tweet_id",
        "message_id",
        # German survey exports ("Antwort-ID")
        "antwort_id",
        "antwortid",
    ),
    "text": (
        "text",
        "comment",
        "comments",
        "feedback",
        "verbatim",
        "body",
        "message",
        "review",
        "review_text",
        "content",
        "open_ended_response",
        "open_text",
        "answer",
        "remarks",
        "kommentar",
        "commentaire",
        "comentario",
        "comentariu",
        "avis",
        "комментарий",
        "отзыв",
        # social posts and forum threads
        "post",
        "post_text",
        "post_body",
        "tweet",
        "tweet_text",
        "full_text",
        "selftext",
        "message_text",
        "review_body",
        "free_text",
        # the answer column of NPS tools, and ticket exports' (Zendesk, Freshdesk) first message
        "response",
        "description",
        # contact-centre exports: a call or chat transcript (io.transcript_lines); not a bare
        # "conversation" or "chat", which may hold the conversation's id
        "transcript",
        "call_transcript",
        "chat_transcript",
        "conversation_text",
        "dialogue",
        "dialog",
    ),
    "respondent_id": (
        "respondent_id",
        "respondent",
        "customer_id",
        "user_id",
        "author",
        "author_id",
        "contact_id",
        "user",
        # social exports' handles, often nested: {"author": {"handle": …}}, Twitter's user
        "author_handle",
        "author_username",
        "user_screen_name",
        "screen_name",
        "username",
    ),
    "created_at": (
        "created_at",
        "date",
        "timestamp",
        "datetime",
        "created",
        "submitted_at",
        "submitted",
        "posted_at",
        "recorded_date",
        "submit_date",
        "date_time",
        "created_time",
        "create_time",  # TikTok
        "created_on",
        "creation_date",
        "date_created",
        "submission_date",
        "date_submitted",
        "submitted_on",
        "return_date",  # a returns export's comment is written when the item is returned
        # the date column of German, Dutch and Russian exports (day-first dates are read)
        "datum",
        "zeitstempel",
        "дата",
    ),
    "question": ("question",),  # a long export's, or a table split per answer (io.answers)
    "channel": ("channel", "via", "contact_channel"),
    "source": ("source", "platform"),
    "touchpoint": ("touchpoint", "touch_point"),
    "journey_stage": ("journey_stage", "stage", "journey"),
    "lang_hint": ("lang_hint", "language", "lang", "locale", "user_language"),
    # a chat or call export's ("Chat ID"): a post-chat score file joins on it
    "conversation_id": ("conversation_id", "ticket_id", "chat_id", "call_id"),
    "turn": ("turn", "turn_index"),
    "nps": (
        "nps",
        "nps_score",
        "likelihood_to_recommend",
        "ltr",
        "recommend",
        "recommendation_score",
    ),
    "csat": (
        "csat",
        "csat_score",
        "satisfaction",
        "customer_satisfaction",
        "overall_satisfaction",
        # chat tools' post-chat survey ("Post-chat CSAT", "Chat rating")
        "post_chat_csat",
        "chat_csat",
        "chat_rating",
        "post_chat_rating",
        "post_chat_survey_score",
        "post_chat_score",
        "chat_survey_score",
    ),
    "ces": ("ces", "ces_score", "customer_effort", "effort", "customer_effort_score"),
    "star_rating": ("star_rating", "stars"),
}


#: The standard NPS question as a column name: "How likely are you to recommend us to a
#: friend or colleague?", "On a scale of 0-10, how likely is it that you would recommend
#: Acme to a colleague?" (not "What would make you recommend us?", nor one asking why).
NPS_QUESTION = re.compile(r"\bhow likely\b.*\brecommend.*\b(?:friend|colleague)")

#: Words that open the column names of review, ticket and survey exports ("Review Content",
#: "Comment Date", "Ticket Channel") and that close time columns ("Review Created (UTC)"): a
#: name is also tried without them, after every full name.
NAME_PREFIXES = (
    "review",
    "ticket",
    "response",
    "survey",
    "comment",
    "feedback",
    "post",
    "customer",
    "user",
)
NAME_SUFFIXES = ("utc", "gmt")
#: Names chat tools give a score and a rating in words alike (LiveChat's "Chat rating": "rated
#: good", "rated bad", "not rated"): read as a score only where its answers hold a number.
NUMBERS_ONLY_ALIASES = frozenset({"chat_rating", "post_chat_rating"})
#: Schema columns recognised by full names only: their values are checked against a closed
#: set, so a "Survey Stage" of Completed / Partial must not become the journey stage.
FULL_NAMES_ONLY = frozenset({"journey_stage"})


def normalise_name(name: object) -> str:
    """'Likelihood to recommend' -> 'likelihood_to_recommend'."""
    return re.sub(r"[\W_]+", "_", str(name).strip().lower()).strip("_")


def camel_words(name: object) -> str:
    """camelCase names of JSON and XML exports split into words first: 'createdAt' ->
    'created_at', 'ResponseID' -> 'response_id', 'userLanguage' -> 'user_language'."""
    split = _CAMEL_LOWER.sub(r"\1_\2", _CAMEL_UPPER.sub(r"\1_\2", str(name).strip()))
    return normalise_name(split)


def short_forms(name: str) -> list[str]:
    """`name` without its `NAME_PREFIXES` word, its `NAME_SUFFIXES` word, and both."""
    words = name.split("_")
    start = 1 if len(words) > 1 and words[0] in NAME_PREFIXES else 0
    end = len(words) - 1 if len(words) > 1 and words[-1] in NAME_SUFFIXES else len(words)
    forms = {"_".join(words[start:end]), "_".join(words[start:]), "_".join(words[:end])}
    return sorted(form for form in forms - {name} if form)


def _object_columns(columns: list[str]) -> set[str]:
    """Columns that are a nested JSON object's own name ('author' beside 'author.handle'):
    a record whose object is null made them, so they are empty wherever the object is not."""
    return {column.rsplit(".", 1)[0] for column in columns if "." in column} & set(columns)


def recognise(columns: list[str], taken: dict[str, str] | None = None) -> dict[str, str]:
    """Map schema names to file columns by name and alias, never reusing a taken column: full
    names first (as written, then camelCase split), then, for schema names still unmapped,
    names without a prefix or suffix word (`short_forms`) and a nested JSON field by its own
    name ('via.channel' -> 'channel'); never a bare 'id', nor the empty column a null
    object left beside its fields ('author' beside 'author.handle')."""
    mapped = dict(taken or {})
    used = set(mapped.values()) | _object_columns(columns)
    full: dict[str, str] = {}
    for column in columns:
        full.setdefault(normalise_name(column), column)
    for column in columns:  # after every plain name: 'created_at' beats 'createdAt'
        full.setdefault(camel_words(column), column)
    short: dict[str, str] = {}
    for column in columns:
        nested = [camel_words(column.rsplit(".", 1)[1])] if "." in column else []
        for form in [*short_forms(camel_words(column)), *nested]:
            if form != "id":
                short.setdefault(form, column)
    for names in (full, short):
        for name, aliases in ALIASES.items():
            if names is short and name in FULL_NAMES_ONLY:
                continue
            column = next((names[a] for a in aliases if names.get(a) not in (None, *used)), None)
            if name not in mapped and column is not None:
                mapped[name] = column
                used.add(column)
    question = nps_question([c for c in columns if c not in used])
    if "nps" not in mapped and question is not None:
        mapped["nps"] = question
    return mapped


def nps_question(columns: list[str]) -> str | None:
    """The first of `columns` worded as the standard NPS question (`NPS_QUESTION`), not
    asking for free text as well ("… and why?")."""
    for column in columns:
        lowered = str(column).lower()
        if NPS_QUESTION.search(lowered) and not any(w in lowered for w in FREE_TEXT_WORDS):
            return column
    return None


#: Endings of column names that hold a date or a time ('order_date', 'updated_at').
DATE_ENDINGS = ("date", "time", "_at", "_on", "timestamp", "datetime")


def date_note(columns: list[str], mapped: dict[str, str]) -> str | None:
    """A note naming the columns that look like dates when none was taken as the comment's
    date (`created_at`): which date is the comment's is the export's to say."""
    if "created_at" in mapped:
        return None
    used = set(mapped.values())
    dated = [c for c in columns if c not in used and camel_words(c).endswith(DATE_ENDINGS)]
    if not dated:
        return None
    listed = ", ".join(f"'{c}'" for c in dated[:3])
    return (
        f"no comment date recognised; {listed} look(s) like a date: map the comment's "
        f'([columns] created_at = "{dated[0]}")'
    )


def numbers_only(mapped: dict[str, str], answers: dict[str, list[str]]) -> dict[str, str]:
    """`mapped` without a column named as in `NUMBERS_ONLY_ALIASES` whose answers seen
    (`answers`: column -> cells under the header) hold no digit: carried instead, with the
    note on good / bad ratings (`score_labels.good_bad_hints`)."""
    return {name: column for name, column in mapped.items() if not _worded(column, answers)}


def _worded(column: str, answers: dict[str, list[str]]) -> bool:
    """A `NUMBERS_ONLY_ALIASES` column answered, in no answer with a digit."""
    if normalise_name(column) not in NUMBERS_ONLY_ALIASES:
        return False
    given = [a.strip() for a in answers.get(column, []) if a and a.strip()]
    return bool(given) and not any(re.search(r"\d", a) for a in given)
