"""Notes on a score column's scale (`io.scale_hints`)."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io import read_feedback
from feedback_nlp.io.platforms import score_question_hints
from feedback_nlp.io.scale_hints import answer_boxes, bare_score_note, nps_note, text_column_hint


def _ratings(tmp_path, values: list[int]):
    path = tmp_path / "ratings.csv"
    rows = "".join(f"{i},comment {i},{v}\n" for i, v in enumerate(values, start=1))
    path.write_text("id,comment,Rating\n" + rows, encoding="utf-8")
    return path


def test_bare_rating_of_1_to_5_is_told_star_rating_or_csat(tmp_path):
    """Before, a 1-5 "Rating" was told to map itself as nps."""
    table = read_feedback(_ratings(tmp_path, [1, 2, 5, 4])).table
    (note,) = score_question_hints(["Rating"], set(), table)
    assert 'star_rating = "Rating", or csat = "Rating"' in note and "nps" not in note
    assert 'nps = "Rating"' in bare_score_note("Rating", pd.Series(["0", "7", "10"]))
    assert 'ces = "Rating"' in bare_score_note("Rating", pd.Series([1, 6, 7]))
    assert "star_rating" in bare_score_note("Rating")  # no answers: every score named
    assert score_question_hints(["Rating"], {"nps"}, table) == []


def test_an_nps_column_of_1_to_5_answers_gets_a_note(tmp_path):
    result = read_feedback(_ratings(tmp_path, [1, 2, 5, 4, 3, 5]), nps="Rating")
    notes = [n for n in result.info["notes"] if n.startswith("nps scale")]
    assert len(notes) == 1 and 'star_rating = "Rating"' in notes[0]
    assert nps_note("R", pd.Series([1, 2, 5, 4, 3, 9])) is None  # a 9: 0-10
    assert nps_note("R", pd.Series([0, 2, 5, 4, 3])) is None  # a 0: 0-10
    assert nps_note("R", pd.Series([1, 2, 3, 4])) is None  # too few to say


def test_star_rating_note_goes_when_the_stars_are_mapped_to_csat(tmp_path):
    """Before, "Google Play: 'Star Rating' kept as star_rating (map it to csat if it is
    one)" was printed after the mapping had made it csat."""
    path = tmp_path / "play.csv"
    path.write_text(
        "Package Name,Star Rating,Review Text\ncom.ex,4,Works\ncom.ex,2,Crashes\n",
        encoding="utf-8",
    )
    kept = read_feedback(path).info["notes"]
    assert any("'Star Rating'): kept as star_rating" in note for note in kept)
    mapped = read_feedback(path, csat="Star Rating").info["notes"]
    assert not any("kept as star_rating" in note for note in mapped)


def test_a_survey_weight_column_is_said_to_be_unused(tmp_path):
    """Stop 49's statistician: a `weight` column was carried with no word that nothing reads it."""
    from feedback_nlp.io import read_feedback
    from feedback_nlp.io.scale_hints import weight_notes

    path = tmp_path / "weighted.csv"
    path.write_text("id,comment,nps,Survey_Weight\n1,late,3,1.5\n2,fine,9,0.5\n", encoding="utf-8")
    notes = read_feedback(path).info["notes"]
    assert any("'Survey_Weight' looks like a survey weight" in note for note in notes)
    assert weight_notes(["weight_class", "Gewicht"]) == [
        "'Gewicht' looks like a survey weight: it is carried, not used; every number counts each "
        "response once (weighted estimates are not supported)"
    ]


def test_a_bare_review_score_of_1_to_10_is_told_outcome_or_csat_before_nps(tmp_path):
    """Before stop 50 a Booking-style 1-10 "rating" was told only `nps = "rating"`."""
    table = read_feedback(_ratings(tmp_path, [3, 8, 10, 9, 6])).table
    (note,) = score_question_hints(["Rating"], set(), table)
    assert "--outcome Rating:numeric" in note
    assert '[columns] csat = "Rating" with [scales] csat = [1, 10]' in note
    assert note.index("--outcome") < note.index('nps = "Rating"')
    assert "--outcome Note:numeric:bad=low" in bare_score_note("Note", pd.Series([2, 10]))
    assert '--outcome "review score:numeric"' in bare_score_note("review score")


def test_answer_boxes_are_a_positive_and_a_negative_column_or_none():
    columns = ["Review title", "Positive review", "Negative review", "Review score"]
    assert answer_boxes(columns) == ["Positive review", "Negative review"]
    assert answer_boxes(["Pros", "Comment"]) == []
    assert answer_boxes(["positiv_text", "negativ_text"]) == ["positiv_text", "negativ_text"]


def test_a_bare_rating_of_0_to_5_is_no_review_score_and_its_range_is_shown():
    note = bare_score_note("Rating", pd.Series([0, 2, 5, 3]))
    assert "holds answers from 0 to 5" in note and "csat = [0, 10]" not in note
    review = bare_score_note("Rating", pd.Series([2, 6, 9]))
    assert "holds answers from 2 to 9" in review and "csat = [1, 10]" in review


def test_bare_score_note_docstring_no_longer_says_0_to_10_is_nps():
    assert "0-10: NPS" not in (bare_score_note.__doc__ or "")


def test_answer_boxes_are_two_columns_that_hold_answers():
    assert answer_boxes(["Hotel", "Pros and cons", "Date"]) == []
    assert answer_boxes(["review_id", "positive_votes", "negative_votes", "Score"]) == []
    columns = ["positive_votes", "Pros", "Cons", "negative_votes"]
    assert answer_boxes(columns) == ["Pros", "Cons"]


def test_no_text_hint_names_the_questions_of_a_survey_in_another_language():
    """Before, a file of open questions in words the reader does not know got the bare hint."""
    columns = ["Respondent", "Hvor tilfreds er du? (1-5)", "Hvad gik godt?", "Hvad kan forbedres?"]
    hint = text_column_hint(columns)
    assert hint.endswith('text = ["Hvad gik godt?", "Hvad kan forbedres?"]')
    assert "look like" not in text_column_hint(["id", "Store", "Ordered at"])


def _five_point_ces(tmp_path, question: str):
    path = tmp_path / "effort.csv"
    rows = "".join(f"{i},comment {i},{i % 5 + 1}\n" for i in range(40))
    path.write_text(f'id,comment,"{question}"\n' + rows, encoding="utf-8")
    result = read_feedback(path, mapping={"columns": {"ces": question}})
    return " ".join(n for n in result.info["notes"] if n.startswith("ces scale"))


def test_the_five_point_ces_note_follows_the_direction_the_question_states(tmp_path):
    easy_high = _five_point_ces(tmp_path, "How easy was it? (1 = very difficult, 5 = very easy)")
    assert "ces_low_effort = [4, 5]" in easy_high and "[1, 2]" not in easy_high
    easy_low = _five_point_ces(tmp_path, "Effort (1 = very easy, 5 = very difficult)")
    assert "ces_low_effort = [1, 2]" in easy_low and "[4, 5]" not in easy_low
    unlabelled = _five_point_ces(tmp_path, "Effort score")
    assert "[4, 5] where 5 is the least effort, [1, 2] where 1 is" in unlabelled
