"""A review's or post's title read with its body as one text.

App stores, review sites and forums export a title beside the body ("Review Title" and
"Review Text", Reddit's `title` and `selftext`); a one-star review may say all it says in
its title. The title is read before the body as one text, "Title.\\nBody": just the title
when the body is empty, just the body when the body already starts with the title. The title
column is still carried under its own name.

Found by name: a column named "title" or "review title" beside a text column named like a
review's or post's body (`BODY_NAMES`). A survey's comment column is not one (a "Title"
beside "Comment" is more likely the respondent's Mr or Ms), nor is a ticket's "Subject"
(help desks write it themselves: "Conversation with …"): map those as
``[columns] title = "Subject"``. ``title = ""`` reads the body alone.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.cells import as_string
from feedback_nlp.io.column_names import camel_words
from feedback_nlp.io.mapping import ColumnPlan

#: Column names (normalised) of a title.
TITLE_NAMES = frozenset({"title", "review_title"})
#: Text column names (normalised, the last part of a nested JSON field) that are a review's
#: or post's body: a title beside them is read with them.
BODY_NAMES = frozenset(
    {
        "text",
        "body",
        "review",
        "review_text",
        "review_body",
        "review_content",
        "content",
        "selftext",
        "post",
        "post_text",
        "post_body",
        "description",
        "details",
    }
)
#: What a title's end may be trimmed of before it is looked for at the body's start.
_TRAILING = " .…!?:;-–—"
#: Quotation marks a review site puts around a title ("“Amazing stay!”", TripAdvisor).
_QUOTES = " \"'“”„‟«»‘’‚‹›「」"


def find_title(plan: ColumnPlan, columns: Iterable[str], path: object) -> None:
    """Set `plan.title` to the title column found beside the text column (unless a mapping
    decided), check a mapped one, and note what the text is read from."""
    columns = [str(column) for column in columns]
    text = plan.columns.get("text")
    if plan.title_auto and plan.title is None and text and not plan.more_texts:
        plan.title = _beside(text, columns, set(plan.columns.values()))
    if plan.title is None:
        return
    _check_mapped(plan, columns, path)
    plan.notes.append(
        f"text: '{plan.title}' + '{text}' read as one text, the title first "
        '([columns] title = "" reads the body alone)'
    )


def _beside(text: str, columns: list[str], used: set[str]) -> str | None:
    """The title column next to `text` when `text` is named like a body: in the same nested
    JSON object ('data.title' beside 'data.selftext'), not a column the plan uses."""
    parent, _, name = text.rpartition(".")
    if camel_words(name) not in BODY_NAMES:
        return None
    for column in columns:
        column_parent, _, column_name = column.rpartition(".")
        if column_parent == parent and camel_words(column_name) in TITLE_NAMES:
            return None if column in used else column
    return None


def _check_mapped(plan: ColumnPlan, columns: list[str], path: object) -> None:
    """ReadError when the title column is missing, is the text itself, or goes with several
    open questions (which one would it head?)."""
    text = plan.columns.get("text")
    problem = None
    if plan.title not in columns:
        problem = f"the mapping names the title column '{plan.title}', which the file lacks"
    elif plan.title == text or text is None:
        problem = f"the title column '{plan.title}' needs a text column besides it"
    elif plan.more_texts:
        problem = "a title goes with one text column, not with several open questions"
    if problem:
        raise ReadError(path, problem, field=plan.title, hint="fix [columns] title in the mapping")


def with_title(title: pd.Series, body: pd.Series) -> pd.Series:
    """Each row's text: "Title.\\nBody" (no full stop added after one that ends in a stop,
    a question mark, an emoji…), the body alone when it starts with the title, the title
    alone when the body is empty; the body as it is where the title is empty."""
    titles = as_string(title).fillna("").str.strip().tolist()
    if _honorifics(titles):  # a survey's "Title" column: Mr, Ms, Dr (stop 49's review)
        return as_string(body)
    bodies = as_string(body).tolist()
    joined = [join_title(t, b) for t, b in zip(titles, bodies, strict=True)]
    return pd.Series(joined, index=body.index, dtype="string")


def join_title(title: str, body: str | None) -> str | None:
    """One row of `with_title`."""
    if not title:
        return body
    text = "" if body is None or pd.isna(body) else str(body).strip()
    if not text:
        return title
    if _starts_with(text, title):
        return body
    stop = "." if title[-1].isalnum() else ""
    return f"{title}{stop}\n{text}"


def _starts_with(text: str, title: str) -> bool:
    """Whether the body repeats the title (letter case, spacing, quotes around either and
    the title's closing punctuation or "…" of a cut-off title aside) up to a word's end
    ("Bad" does not start "Badly packed")."""
    head = " ".join(title.strip(_QUOTES).rstrip(_TRAILING + _QUOTES).split()).casefold()
    said = " ".join(text.lstrip(_QUOTES).split()).casefold()
    if not head or not said.startswith(head):
        return False
    return len(said) == len(head) or not said[len(head)].isalnum()


#: A person's title: a column of these is a survey's form of address, not a review's title.
_HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof sir madam herr frau mme mlle m monsieur madame sr sra srta
    señor señora sig signora dott dhr mevr meneer mevrouw""".split()  # noqa: SIM905
)


def _honorifics(titles: list[str]) -> bool:
    """Whether most of the non-empty `titles` are forms of address ("Mr.", "Frau", "Dr")."""
    given = [t.casefold().strip(" .") for t in titles if t]
    return bool(given) and sum(t in _HONORIFICS for t in given) * 2 >= len(given)
