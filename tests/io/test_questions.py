"""Survey questions as column names: score and free-text wording (io/questions.py)."""

from __future__ import annotations

from feedback_nlp.io import read_feedback
from feedback_nlp.io.questions import (
    is_question,
    open_questions,
    score_for_question,
    score_question_hints,
)
from tests.io.conftest import check_result


def test_nps_questions_in_more_languages():
    for question in (
        "Quelle est la probabilité que vous nous recommandiez ?",
        "Quanto è probabile che ci raccomandi?",
        "Hoe waarschijnlijk is het dat u ons aanbeveelt?",
        "Jak prawdopodobne jest, że polecisz nas znajomym?",
    ):
        assert score_for_question(question) == "nps"


def test_a_bare_score_column_gets_a_note_only_when_no_score_was_found():
    notes = score_question_hints(["Score", "Tags"], found=set())
    assert len(notes) == 1 and notes[0].startswith("'Score' may hold scores")
    assert score_question_hints(["Rating"], found={"nps"}) == []
    assert score_question_hints(["Comment"], found=set()) == []


WELL, BETTER = "What worked well?", "What could be improved?"
SATISFIED = "How satisfied are you with the workshop? (1-5)"


def _evaluation(tmp_path, rows: list[str]):
    """A course evaluation: an id, a CSAT question and two open questions, no mapping."""
    path = tmp_path / "evaluation.csv"
    header = f'id,"{SATISFIED}",{WELL},{BETTER}\n'
    path.write_text(header + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def test_what_went_well_and_what_could_be_better_are_open_questions():
    """Before stop 51 "What worked well?" and the Dutch, German and French pair were not
    open questions: the first box was carried, or the file refused for want of a text."""
    asked = [
        WELL,
        "What went well?",
        BETTER,
        "Wat ging goed?",
        "Wat kan beter?",
        "Was lief gut?",
        "Was kann verbessert werden?",
        "Qu'est-ce qui a bien fonctionné ?",
        "¿Qué se puede mejorar?",
    ]
    assert open_questions(asked, {c: c for c in asked}, set()) == asked
    assert score_for_question("Hoe tevreden bent u over het vak?") == "csat"


def test_both_boxes_of_an_evaluation_are_read_one_row_per_answer(tmp_path):
    rows = [
        "e1,4,The tutor explained every step clearly,",
        "e2,2,,The room was far too small for us all",
        "e3,5,Group work in small teams was fun,Fewer slides in each lecture please",
    ]
    result = check_result(read_feedback(_evaluation(tmp_path, rows)))
    assert result.info["columns"]["text"] == WELL and result.info["more_texts"] == [BETTER]
    assert result.table["response_id"].tolist() == ["e1#q1", "e2#q2", "e3#q1", "e3#q2"]
    assert result.info["rows_rejected"] == 0


def test_a_row_with_no_text_and_a_score_left_unread_is_not_said_to_have_no_score(tmp_path):
    """Before, it was rejected as "no text and no score" although it held a 4."""
    rows = ["e1,4,,", "e2,,,", "e3,3,Clear handouts for every session,"]
    rejects = check_result(read_feedback(_evaluation(tmp_path, rows))).rejects
    reasons = dict(zip(rejects["response_id"], rejects["reason"], strict=True))
    assert reasons["e1"].startswith(f"no text, and its score is not read: '{SATISFIED}' holds 4")
    assert f'csat = "{SATISFIED}"' in reasons["e1"]
    assert reasons["e2"] == "no text and no score"


IMPROVED = "How satisfied are you with the improved checkout?"


def test_a_score_question_with_an_open_word_answered_in_numbers_is_not_the_text():
    """Before, "improved" (and today's "verbeterde") made the CSAT question the open one."""
    asked = [IMPROVED, "Hoe tevreden bent u over de verbeterde kassa?", "Why that score?"]
    answers = {asked[0]: ["4", "2"], asked[1]: ["5", ""], asked[2]: ["Card was declined twice"]}
    assert open_questions(asked, {c: c for c in asked}, set(), answers) == [asked[2]]
    unseen = [
        "What should we improve before you recommend us?"
    ]  # no answers seen: its wording decides
    assert open_questions(unseen, {c: c for c in unseen}, set()) == unseen


def test_a_form_export_reads_the_improved_question_as_its_score(tmp_path):
    path = tmp_path / "typeform.csv"
    header = f'#,"{IMPROVED}",Why that score?,Submitted At,Network ID\n'
    rows = ["a1,4,Paying took one tap now,2026-05-01 10:00:00,n1"]
    rows.append("a2,2,The card form kept resetting,2026-05-02 11:00:00,n2")
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.info["columns"]["csat"] == IMPROVED
    assert result.info["columns"]["text"] == "Why that score?"
    assert result.table["csat"].tolist() == [4, 2]


FRIENDS = "How likely are you to recommend our clinic to friends and family?"


def _ward_survey(tmp_path, praise: str, better: str, rows: list[str]):
    """A Friends and Family Test export: an id, the likelihood labels, two answer boxes."""
    path = tmp_path / "ward.csv"
    header = f'id,"{FRIENDS}","{praise}","{better}"\n'
    path.write_text(header + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


WARD_ROWS = [
    "w1,Likely,The porters were patient with my father,N/A",
    "w2,Extremely likely,Clean bay and quiet nights,",
    "w3,Unlikely,,The wait for a discharge letter took all day",
    "w4,Likely,Physio came every morning as promised,",
]


def test_the_praise_box_of_a_ward_survey_is_read_beside_the_other(tmp_path):
    """Before stop 52 "What was good?" was carried, its rows rejected as "no text and no
    score"; "What was good about your visit?" / "What could we have done better?" were not
    open questions at all (no text column found), the second box not even once "What was
    good" was known, as its first answer seen was "N/A"."""
    for praise, better in (
        ("What was good?", "What could be better?"),
        ("What was good about your visit?", "What could we have done better?"),
    ):
        result = check_result(read_feedback(_ward_survey(tmp_path, praise, better, WARD_ROWS)))
        assert result.info["columns"]["text"] == praise and result.info["more_texts"] == [better]
        assert result.info["rows_rejected"] == 0
        assert {"w1#q1", "w2#q1", "w3#q2", "w4#q1"} <= set(result.table["response_id"])


def test_start_stop_continue_questions_are_open_questions():
    asked = [
        "What should we start doing?",
        "What should we stop doing?",
        "What should we continue doing?",
        "Was sollten wir anfangen?",
        "Was sollten wir aufhören?",
        "Was sollten wir beibehalten?",
        "Co powinniśmy zacząć robić?",
        "Co powinniśmy przestać robić?",
        "Co powinniśmy kontynuować robić?",
        "Was war gut?",
        "Co było dobre?",
    ]
    assert open_questions(asked, {c: c for c in asked}, set()) == asked


def test_tell_us_why_is_the_comment_column_of_a_generic_file(tmp_path):
    """Three words and no question mark: before, not a question, and the file was refused."""
    path = tmp_path / "stores.csv"
    rows = ["r1,Leeds,9,Staff found my size in the back", "r2,York,3,Queue was out the door"]
    path.write_text("id,store,nps,Tell us why\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.info["columns"]["text"] == "Tell us why"
    assert result.table["text"].tolist() == ["Staff found my size in the back", rows[1][10:]]


def test_a_request_opens_a_question_but_an_ordinary_column_name_does_not():
    assert is_question("Tell us why") and is_question("Please explain your score")
    assert not any(map(is_question, ["Store name", "Reason code", "Description", "Tellus ID"]))


def test_a_request_answered_in_a_word_or_two_gives_way_to_a_question_answered_in_text(
    tmp_path,
):
    """Before stop 52's fix "Describe your role" was the text ("Ward nurse", "Porter" read as
    comments) and "Why did you give that score?" a second box."""
    path = tmp_path / "staff.csv"
    rows = ["r1,9,Ward nurse,The team is supportive and kind"]
    rows.append("r2,4,Porter,Too many shifts and no breaks at all")
    header = "id,nps,Describe your role,Why did you give that score?\n"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.info["columns"]["text"] == "Why did you give that score?"
    assert result.info["more_texts"] == []
    assert result.table["text"].tolist() == [row.split(",")[3] for row in rows]

    asked = ["Describe your visit", "Why did you give that score?"]
    answered = {asked[0]: ["The ward was calm and clean"], asked[1]: ["Kind nurses all round"]}
    assert open_questions(asked, {c: c for c in asked}, set(), answered) == asked


def test_a_choice_answered_na_in_its_first_rows_is_no_second_box(tmp_path):
    """Before stop 52's fix the detector saw two rows of "N/A" only (no answer seen: free
    text), and "Which area should we improve most?" (Price, Staff) became a second box."""
    path = tmp_path / "choice.csv"
    area = "Which area should we improve most?"
    rows = [f"r{i},{8 if i % 2 else 3},The staff were friendly today," for i in range(1, 13)]
    rows = [row + ("N/A" if i < 4 else ["Price", "Staff"][i % 2]) for i, row in enumerate(rows)]
    path.write_text(f"id,nps,What could we improve?,{area}\n" + "\n".join(rows) + "\n")
    result = check_result(read_feedback(path))
    assert result.info["more_texts"] == [] and len(result.table) == len(rows)
    assert result.info["columns"]["text"] == "What could we improve?"


def test_a_rating_column_is_no_question_left_unanalysed(tmp_path):
    path = tmp_path / "flight.csv"
    path.write_text(
        "id,Food and beverage rating,Seat comfort rating,Please tell us about your experience\n"
        "1,4,5,The crew were lovely\n2,2,3,Cold meal and a broken seat\n",
        encoding="utf-8",
    )
    notes = " ".join(read_feedback(path).info["notes"])
    assert "Food and beverage rating" not in notes
    assert not is_question("Food and beverage rating") and not is_question("Cabin crew score")
    assert is_question("What did you think of your seat rating?")


def test_an_open_question_ending_in_score_without_a_mark_is_the_text(tmp_path):
    """Regression: a question ending in 'score' was taken for a rating's name and the file
    with no other open question was refused ("no text column found")."""
    path = tmp_path / "q.csv"
    path.write_text(
        "Respondent,Likelihood to recommend (0-10),Why did you give this score\n"
        "1,9,Quick delivery and friendly staff\n2,3,The box arrived crushed\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert result.info["columns"]["text"] == "Why did you give this score"


def test_a_name_ending_in_a_rating_word_that_asks_in_words_is_a_question():
    asked = ["How would you improve our score", "Anything else about the stars"]
    assert all(map(is_question, asked))
    assert is_question("Warum haben Sie diese Bewertung score")
    assert not is_question("Overall value for money rating")
