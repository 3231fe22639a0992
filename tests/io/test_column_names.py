"""Columns recognised by name: full names first, then without a prefix or suffix word."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io import read_feedback
from feedback_nlp.io.column_names import date_note, numbers_only, recognise, short_forms


def test_short_forms_drop_a_prefix_word_and_a_time_zone_word():
    assert short_forms("review_created_utc") == ["created", "created_utc", "review_created"]
    assert short_forms("comment_date") == ["date"]
    assert short_forms("review") == [] and short_forms("channel") == []


def test_review_and_ticket_exports_are_recognised_without_their_prefix():
    review = recognise(
        [
            "Review Created (UTC)",
            "Review Title",
            "Review Content",
            "Review Stars",
            "Review Language",
        ]
    )
    assert review == {
        "text": "Review Content",
        "created_at": "Review Created (UTC)",
        "lang_hint": "Review Language",
        "star_rating": "Review Stars",
    }
    ticket = recognise(["Id", "Subject", "Description", "Created at", "Ticket Channel"])
    assert ticket == {
        "response_id": "Id",
        "text": "Description",
        "created_at": "Created at",
        "channel": "Ticket Channel",
    }


def test_full_names_win_and_a_prefix_never_leaves_a_bare_id():
    assert recognise(["User ID", "Comment"]) == {"text": "Comment", "respondent_id": "User ID"}
    assert recognise(["Ticket ID", "Comment"]) == {
        "text": "Comment",
        "conversation_id": "Ticket ID",
    }
    mapped = recognise(["Comment", "Comment Date", "Response Time", "Customer Name"])
    assert mapped == {"text": "Comment", "created_at": "Comment Date"}
    assert recognise(["Feedback Text", "Text"])["text"] == "Text"


def test_ticket_exports_name_their_dates_in_words():
    for name in ("Created time", "Date Created", "Submission Date", "Created On"):
        assert recognise([name, "Description"])["created_at"] == name


def test_an_nps_tool_answer_column_named_response_is_the_text():
    mapped = recognise(["Response ID", "Submitted on", "Rating", "Response"])
    assert mapped == {
        "response_id": "Response ID",
        "text": "Response",
        "created_at": "Submitted on",
    }
    assert recognise(["Response", "Comment"])["text"] == "Comment"


def test_a_prefixed_stage_is_not_the_journey_stage():
    assert "journey_stage" not in recognise(["Survey Stage", "Comment"])
    assert recognise(["Stage", "Comment"])["journey_stage"] == "Stage"


def test_a_long_exports_columns_are_recognised():
    mapped = recognise(["response_id", "Submitted", "Question", "Answer"])
    assert mapped == {
        "response_id": "response_id",
        "text": "Answer",
        "created_at": "Submitted",
        "question": "Question",
    }


def test_zendesks_via_column_is_the_channel(tmp_path):
    from feedback_nlp.io import read_feedback

    path = tmp_path / "tickets.csv"
    path.write_text("Id,Description,Via\n1,Parcel late,Email\n2,Card declined,Web form\n")
    assert read_feedback(path).table["channel"].tolist() == ["email", "web form"]


def test_tiktok_and_returns_dates_are_the_comment_date():
    assert recognise(["id", "text", "create_time"])["created_at"] == "create_time"
    assert recognise(["id", "comment", "return_date"])["created_at"] == "return_date"
    assert recognise(["createTime", "text"])["created_at"] == "createTime"


def test_nested_handles_are_the_respondent_and_a_null_object_column_is_not():
    """A record with "author": null left an empty 'author' column beside 'author.handle': it
    was taken as respondent_id for every row."""
    columns = ["id", "text", "author.handle", "author.name", "author"]
    assert recognise(columns)["respondent_id"] == "author.handle"
    assert recognise(["text", "author.username"])["respondent_id"] == "author.username"
    assert recognise(["text", "user.screen_name"])["respondent_id"] == "user.screen_name"
    assert recognise(["text", "author"])["respondent_id"] == "author"  # a plain author column


def test_date_note_names_date_like_columns_when_no_date_is_recognised():
    note = date_note(["id", "comment", "order_date", "ShippedOn"], {"text": "comment"})
    assert note is not None and "'order_date', 'ShippedOn'" in note
    assert 'created_at = "order_date"' in note
    assert date_note(["order_date"], {"created_at": "order_date"}) is None
    assert date_note(["id", "comment"], {"text": "comment"}) is None


def test_jsonl_with_a_null_author_maps_the_handle(tmp_path):
    path = tmp_path / "comments.jsonl"
    records = [
        '{"id": "c1", "text": "too slow", "create_time": 1770000000, "author": {"handle": "@a"}}',
        '{"id": "c2", "text": "love it", "create_time": 1770000100, "author": null}',
    ]
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    table = read_feedback(path).table
    assert table["respondent_id"].tolist()[0] == "@a" and pd.isna(table["respondent_id"][1])
    assert table["created_at"].notna().all()


def test_a_respondent_column_is_the_respondent():
    assert recognise(["Respondent", "Comment"])["respondent_id"] == "Respondent"


def test_a_call_transcript_column_is_the_text_and_a_bare_conversation_is_not():
    """A contact-centre probe (stop 51): "transcript" was not found as the text column."""
    assert recognise(["call_id", "Transcript", "csat"])["text"] == "Transcript"
    assert "text" not in recognise(["conversation", "csat"])


def test_chat_survey_and_standard_question_headers_are_recognised():
    assert recognise(["Chat ID", "Post-chat CSAT"]) == {
        "conversation_id": "Chat ID",
        "csat": "Post-chat CSAT",
    }
    assert recognise(["Chat rating"]) == {"csat": "Chat rating"}
    assert recognise(["Post Chat Survey Score"]) == {"csat": "Post Chat Survey Score"}
    assert recognise(["Antwort-ID", "Overall satisfaction"]) == {
        "response_id": "Antwort-ID",
        "csat": "Overall satisfaction",
    }
    for question in (
        "How likely are you to recommend us to a friend or colleague?",
        "How likely are you to recommend us to a colleague?",
        "On a scale of 0-10, how likely is it that you would recommend Acme to a friend?",
    ):
        assert recognise([question]) == {"nps": question}


def test_open_questions_that_mention_recommending_are_not_nps():
    for question in (
        "How likely are you to recommend us to a friend, and why?",
        "What would make you recommend us to a colleague?",
        "How likely are you to recommend us?",  # no standard wording: a hint, not a score
    ):
        assert "nps" not in recognise([question])


def test_a_chat_rating_in_words_is_no_csat():
    """Regression: LiveChat's "Chat rating" ("rated good") was the CSAT, every row a reject."""
    mapped = recognise(["Chat ID", "Chat rating"])
    words = {"Chat rating": ["rated good", "not rated", "rated bad"]}
    assert numbers_only(mapped, words) == {"conversation_id": "Chat ID"}
    numbers = {"Chat rating": ["5", "", "3"]}
    assert numbers_only(mapped, numbers) == mapped
    assert numbers_only({"csat": "Satisfaction"}, {"Satisfaction": ["Good"]}) == {
        "csat": "Satisfaction"
    }
