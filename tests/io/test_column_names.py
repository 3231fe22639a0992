"""Columns recognised by name: full names first, then without a prefix or suffix word."""

from __future__ import annotations

from feedback_nlp.io.column_names import recognise, short_forms


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
