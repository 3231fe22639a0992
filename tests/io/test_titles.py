"""A review's title read with its body as one text (`io.titles`)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError, ReadError
from feedback_nlp.io import read_feedback
from feedback_nlp.io.titles import join_title, with_title
from tests.io.conftest import FIXTURES, check_result

PLAY_HEADER = "Package Name,Star Rating,Review Title,Review Text,Review Link\n"


def _play_export(tmp_path, rows: str):
    path = tmp_path / "play.csv"
    path.write_text(PLAY_HEADER + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("title", "body", "text"),
    [
        (
            "Checkout keeps failing",
            "Tried three cards.",
            "Checkout keeps failing.\nTried three cards.",
        ),
        ("Why so slow?", "Pages take ages.", "Why so slow?\nPages take ages."),
        ("Lovely 😍", "Fast delivery.", "Lovely 😍\nFast delivery."),
        ("Screen goes black", "", "Screen goes black"),
        ("Screen goes black", None, "Screen goes black"),
        ("Great app but…", "Great app but the login fails.", "Great app but the login fails."),
        ("slow SYNC!", "Slow sync! It takes minutes.", "Slow sync! It takes minutes."),
        ("", "Only a body.", "Only a body."),
    ],
)
def test_join_title_puts_the_title_first_once(title, body, text):
    assert join_title(title, body) == text


def test_with_title_keeps_a_missing_body_missing_where_there_is_no_title():
    joined = with_title(pd.Series(["Stuck", None]), pd.Series([None, None], dtype=object))
    assert joined.iloc[0] == "Stuck" and pd.isna(joined.iloc[1])


def test_google_play_title_only_review_is_a_comment_and_the_title_stays_carried(tmp_path):
    """Before, the body alone was read: a one-star review titled with its complaint and no
    body was a response without a comment."""
    path = _play_export(
        tmp_path,
        "com.ex,1,Freezes at the login screen,,https://r/1\n"
        "com.ex,5,Nice,Does what it says,https://r/2\n",
    )
    result = check_result(read_feedback(path))
    assert result.table["text"].tolist() == [
        "Freezes at the login screen",
        "Nice.\nDoes what it says",
    ]
    assert result.table["Review Title"].tolist() == ["Freezes at the login screen", "Nice"]
    assert any("'Review Title' + 'Review Text'" in note for note in result.info["notes"])
    assert result.info["columns"]["text"] == "Review Text"


def test_reddit_like_title_and_selftext_and_nested_json_title(tmp_path):
    csv = tmp_path / "posts.csv"
    csv.write_text("id,title,selftext\np1,Refund never came,\n", encoding="utf-8")
    assert read_feedback(csv).table["text"].tolist() == ["Refund never came"]
    nested = tmp_path / "listing.json"
    posts = [{"data": {"name": "t3_a", "title": "App is slow", "selftext": "Every morning."}}]
    nested.write_text(json.dumps(posts), encoding="utf-8")
    assert read_feedback(nested).table["text"].tolist() == ["App is slow.\nEvery morning."]


def test_app_store_titles_head_their_reviews():
    table = check_result(read_feedback(FIXTURES / "app_store.json")).table
    assert table.loc[1, "text"] == "Good.\nCheckout is smooth now."
    assert table["title"].tolist() == ["Nul", "Good", "Super"]


def test_a_mapping_decides_the_title(tmp_path):
    path = _play_export(tmp_path, "com.ex,2,Late refund,Still waiting,https://r/1\n")
    body_only = read_feedback(path, mapping={"columns": {"title": ""}})
    assert body_only.table["text"].tolist() == ["Still waiting"]
    text_mapped = read_feedback(path, text="Review Text")  # the user named the text alone
    assert text_mapped.table["text"].tolist() == ["Still waiting"]
    both = read_feedback(path, text="Review Text", title="Review Title")
    assert both.table["text"].tolist() == ["Late refund.\nStill waiting"]


def test_ticket_subjects_are_read_only_when_mapped(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text("Subject,Description\nRefund request,Charged twice\n", encoding="utf-8")
    assert read_feedback(path).table["text"].tolist() == ["Charged twice"]
    mapped = read_feedback(path, mapping={"columns": {"title": "Subject"}})
    assert mapped.table["text"].tolist() == ["Refund request.\nCharged twice"]


def test_a_survey_comment_does_not_take_a_title_column(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text("Title,Comment\nMs,The app is fine\n", encoding="utf-8")
    assert read_feedback(path).table["text"].tolist() == ["The app is fine"]


def test_bad_title_mappings_are_refused(tmp_path):
    path = _play_export(tmp_path, "com.ex,2,Late refund,Still waiting,https://r/1\n")
    with pytest.raises(ReadError, match="title column 'Headline', which the file lacks"):
        read_feedback(path, title="Headline")
    with pytest.raises(ReadError, match="not with several open questions"):
        read_feedback(
            path,
            mapping={"columns": {"title": "Review Title", "text": ["Review Text", "Package Name"]}},
        )
    with pytest.raises(ConfigError, match="not feedback table columns"):
        read_feedback(path, mapping={"constants": {"title": "x"}})


def test_a_title_is_dropped_only_when_the_body_repeats_it_up_to_a_word_end():
    """Stop 49's review: "Bad" was taken as the start of "Badly packed"."""
    assert join_title("Bad", "Badly packed") == "Bad.\nBadly packed"
    assert join_title("No", "Nothing works") == "No.\nNothing works"
    assert join_title("Great app", "Great app, love it") == "Great app, love it"


def test_a_column_of_forms_of_address_is_no_title(tmp_path):
    """A survey's "Title" (Mr, Mrs, Dr) beside its "Text" was joined into every comment."""
    path = tmp_path / "survey.csv"
    path.write_text(
        "id,Title,Text,nps\n1,Mr,Great service from the team,9\n2,Mrs.,Delivery too slow,3\n"
        "3,Dr,,8\n",
        encoding="utf-8",
    )
    table = read_feedback(path).table
    assert table["text"].tolist() == ["Great service from the team", "Delivery too slow", ""]


@pytest.mark.parametrize(
    ("title", "body", "text"),
    [
        ("“Amazing stay!”", "Amazing stay! Will return.", "Amazing stay! Will return."),
        ("«Sehr laut»", "„Sehr laut“ war das Zimmer.", "„Sehr laut“ war das Zimmer."),
        ("“Great”", "Greatly overpriced.", "“Great”\nGreatly overpriced."),
    ],
)
def test_a_quoted_title_repeated_in_the_body_is_read_once(title, body, text):
    assert join_title(title, body) == text
