"""Boxes that say their polarity; answers that only say there was nothing to complain about."""

from __future__ import annotations

import numpy as np
import pytest

from feedback_nlp.text.boxes import (
    box_polarity,
    box_read,
    is_only_nothing,
    only_nothing,
    praises_nothing,
    recalls_nothing,
)


@pytest.mark.parametrize(
    "question",
    ["positive_text", "Positive_Review", "What did you like?", "What did you like most?",
     "Pros", "What went well?", "Was hat Ihnen gefallen?", "Points forts", "¿Qué le gustó?",
     "Cosa ti è piaciuto?", "O que gostou?", "Wat vond u goed?", "likes", "Q3_pros_review",
     "What worked well?", "What works well for you?"],
)  # fmt: skip
def test_a_box_of_praise_is_positive(question: str):
    assert box_polarity(question) == "positive"


@pytest.mark.parametrize(
    "question",
    ["negative_text", "Negative_Review", "What didn't you like?", "What did you like least?",
     "Cons", "What could be improved?", "What would you like us to improve?",
     "Was hat Ihnen nicht gefallen?", "Was können wir verbessern?", "Qu'avez-vous moins aimé ?",
     "Points faibles", "¿Qué no le gustó?", "Cosa non ti è piaciuto?", "O que não gostou?",
     "Wat vond u minder goed?", "Wat kan beter?", "What could we have done better?",
     "Was können wir besser machen?", "Que pouvons-nous améliorer ?", "minus_points",
     "What didn't go well?", "What did not work well?", "What didn’t work well?"],
)  # fmt: skip
def test_a_box_of_complaints_is_negative(question: str):
    assert box_polarity(question) == "negative"


@pytest.mark.parametrize(
    "question",
    [None, "", "comment", "Anything else?", "Pros and cons", "What did you like and dislike?",
     "Likes / Dislikes", "Plus / minus", "What was good, what was not?", "Was war gut, was nicht?",
     "What would make you like us more?", "What worked well and what didn't?",
     "What went well, what didn’t?"],
)  # fmt: skip
def test_a_box_that_says_both_or_neither_has_no_polarity(question: str | None):
    assert box_polarity(question) is None


@pytest.mark.parametrize(
    "question",
    ["positive_id", "best_time_to_call", "problem_solved_comment", "bad_debt_flag",
     "positive_votes_count", "negative_review_date"],
)  # fmt: skip
def test_a_column_name_with_words_other_than_box_words_has_no_polarity(question: str):
    assert box_polarity(question) is None


def test_the_polarity_of_a_question_is_read_once():
    question = "What did you enjoy about the spa?"
    box_polarity(question)
    hits = box_polarity.cache_info().hits
    assert box_polarity(question) == "positive"
    assert box_polarity.cache_info().hits == hits + 1


@pytest.mark.parametrize(
    "text",
    ["Nothing, everything fine.", "nichts", "Rien de spécial, tout parfait.",
     "Nada que decir.", "Nothing to complain about.", "Niente da dire, tutto ottimo.",
     "Nothing to report", "Nichts zu melden", "Rien à signaler", "Niets te melden",
     "Can't think of anything", "Nothing comes to mind", "Honestly nothing", "Not a thing",
     "No negatives", "None really", "Nothing to improve, keep it up", "None, it was great",
     "Nothing really, loved it", "Nothing wrong with it, loved it!", "I wouldn't change a thing"],
)  # fmt: skip
def test_an_answer_that_only_says_nothing_is_recognised(text: str):
    assert only_nothing(text)


@pytest.mark.parametrize(
    "text",
    ["", "Nothing worked.", "Nothing, the shower was cold.", "Nothing, but the bar closed early.",
     "The lift was slow.", "Nothing to do in the evening", "Nothing at all worked",
     "Nothing in the fridge", "Nichts zu trinken", "Nada que ver", "Nothing in particular worked",
     "It was not great", "Everything was not clean"],
)  # fmt: skip
def test_an_answer_that_complains_is_not_nothing(text: str):
    assert not only_nothing(text)


def test_a_negative_box_reads_unsure_answers_as_complaints():
    texts = ["The pool closed at six.", "Breakfast was fine but pricey.", "Loved it all.",
             "Nothing, everything fine.", "nichts", ""]  # fmt: skip
    probabilities = np.array(
        [[0.2, 0.7, 0.1], [0.3, 0.1, 0.6], [0.05, 0.05, 0.9], [0.6, 0.1, 0.3],
         [0.0, 1.0, 0.0], [0.0, 1.0, 0.0]]
    )  # fmt: skip
    out = box_read(probabilities, texts, ["What did you dislike?"] * len(texts))
    assert out[0] == pytest.approx([0.9, 0.0, 0.1])  # neutral: negative
    assert out[1] == pytest.approx([0.9, 0.1, 0.0])  # positive, unsure: negative
    assert (out[2] == probabilities[2]).all()  # positive, sure: kept
    assert out[3] == pytest.approx([0.0, 0.1, 0.9])  # only says nothing, unsure: positive
    assert (out[4:] == probabilities[4:]).all()  # judges nothing, or empty: neutral
    assert probabilities[0] == pytest.approx([0.2, 0.7, 0.1])  # the input is not changed


def test_a_negative_box_keeps_sure_readings():
    texts = ["Nothing to do in the evening.", "The breakfast room."]
    probabilities = np.array([[0.9, 0.1, 0.0], [0.05, 0.9, 0.05]])
    out = box_read(probabilities, texts, ["What didn't you like?"] * len(texts))
    assert (out == probabilities).all()


def test_a_negative_box_turns_a_sure_negative_reading_of_nothing():
    """Probe 52: "Can't think of anything" to "What could be better?" read p_neg .72 stayed
    negative; an answer that only says nothing is no complaint, however sure the model."""
    texts = ["Can't think of anything", "Nothing, everything fine.", "Not that I can think of"]
    probabilities = np.array([[0.72, 0.19, 0.09], [0.8, 0.1, 0.1], [0.1, 0.8, 0.1]])
    out = box_read(probabilities, texts, ["What could be better?"] * len(texts))
    assert out[0] == pytest.approx([0.0, 0.19, 0.81])
    assert out[1] == pytest.approx([0.0, 0.1, 0.9])
    assert (out[2] == probabilities[2]).all()  # nothing comes to mind, read neutral: kept


def test_a_negative_box_reads_an_answer_that_asks_for_a_change_as_a_complaint():
    """Probe 52: "Would have liked more updates for family" read positive (.73) in the
    improvement box."""
    texts = [
        "Would have liked more updates for family",
        "It would be nice to have more updates",
        "Stop the endless meetings, I spend 60% of my week in calls",
        "Lovely staff.",
    ]
    probabilities = np.array([[0.17, 0.1, 0.73], [0.05, 0.9, 0.05], [0.1, 0.15, 0.75],
                              [0.05, 0.05, 0.9]])  # fmt: skip
    out = box_read(probabilities, texts, ["What could be better?"] * len(texts))
    assert out[0] == pytest.approx([0.9, 0.1, 0.0])
    assert out[1] == pytest.approx([0.95, 0.0, 0.05])
    assert out[2] == pytest.approx([0.85, 0.15, 0.0])
    assert (out[3] == probabilities[3]).all()  # sure praise that asks for nothing: kept


def test_a_negative_box_keeps_confident_praise_that_opens_like_a_request():
    """Review 52: "Please keep doing what you're doing, excellent service!" (.94) and "Wish I
    could give 6 stars!" (.80) read negative in "What could we do better?"."""
    texts = ["Please keep doing what you're doing, excellent service!",
             "Wish I could give 6 stars!", "More staff on nights please"]  # fmt: skip
    probabilities = np.array([[0.01, 0.05, 0.94], [0.03, 0.17, 0.8], [0.02, 0.1, 0.88]])
    out = box_read(probabilities, texts, ["What could we do better?"] * len(texts))
    assert (out == probabilities).all()  # sure readings of positive: kept


@pytest.mark.parametrize(
    "question",
    ["What should we keep an eye on?", "Is there anything we should keep in mind?",
     "Should we continue to contact you about offers?", "What should we start, stop and "
     "continue doing?", "Start/Stop/Continue: what should we stop?"],
)  # fmt: skip
def test_a_verb_of_keeping_with_an_object_names_no_box(question: str):
    """Review 52: "What should we keep an eye on?" was a positive box."""
    assert box_polarity(question) is None


@pytest.mark.parametrize(
    ("question", "polarity"),
    [("What should we stop doing?", "negative"), ("What should we start doing?", "negative"),
     ("What should we continue doing?", "positive"), ("What should we keep doing?", "positive"),
     ("Was sollten wir aufhören zu tun?", "negative"), ("Was sollten wir beibehalten?", "positive"),
     ("Co powinniśmy przestać robić?", "negative"), ("Co powinniśmy zacząć robić?", "negative"),
     ("Que devrions-nous arrêter ?", "negative"), ("¿Qué deberíamos seguir haciendo?", "positive"),
     ("What should we continue to do?", "positive"),
     ("Cosa dovremmo smettere di fare?", "negative"),
     ("Que devrions-nous continuer à faire ?", "positive"), ("What should we keep?", "positive"),
     ("stop_doing", "negative"), ("keep_doing", "positive"),
     ("What should we start, stop and continue doing?", None), ("When did you start?", None),
     ("Would you continue to use us?", None), ("start_date", None), ("stop", None)],
)  # fmt: skip
def test_start_stop_continue_boxes(question: str, polarity: str | None):
    """Probe 52: employee surveys' start / stop / continue boxes had no polarity."""
    assert box_polarity(question) == polarity


def test_a_stop_box_reads_complaints_and_keeps_contentment():
    texts = ["Stop the endless meetings, I spend 60% of my week in calls",
             "Start giving us laptops that actually work, the build takes 40 minutes",
             "Nothing really, I'm happy"]  # fmt: skip
    probabilities = np.array([[0.2, 0.1, 0.7], [0.46, 0.07, 0.47], [0.2, 0.15, 0.65]])
    out = box_read(probabilities, texts, ["What should we stop doing?"] * 3)
    assert out[0] == pytest.approx([0.9, 0.1, 0.0])
    assert out[1] == pytest.approx([0.93, 0.07, 0.0])
    assert (out[2] == probabilities[2]).all()


def test_a_positive_box_reads_nothing_coming_to_mind_as_no_answer():
    """Probe 52: "Nothing comes to mind" in a continue box read negative."""
    texts = ["Nothing comes to mind", "Can't think of anything", "Nothing."]
    probabilities = np.array([[0.52, 0.38, 0.1], [0.1, 0.2, 0.7], [0.0, 1.0, 0.0]])
    for question in ("What should we continue doing?", "What worked well?"):
        out = box_read(probabilities, texts, [question] * len(texts))
        assert out[0] == pytest.approx([0.0, 0.9, 0.1])
        assert out[1] == pytest.approx([0.1, 0.9, 0.0])
        assert out[2] == pytest.approx([1.0, 0.0, 0.0])  # only "nothing": a verdict
    assert not praises_nothing("Nothing comes to mind", "What worked well?")


@pytest.mark.parametrize(
    ("text", "recalls"),
    [("Can't think of anything", True), ("Nothing comes to mind", True),
     ("Nothing I can think of", True), ("Not that I can think of", True),
     ("Mir fällt nichts ein", True), ("Nothing.", False), ("Nothing to report", False),
     ("I can think of many things", False)],
)  # fmt: skip
def test_an_answer_that_nothing_comes_to_mind_is_told(text: str, recalls: bool):
    assert recalls_nothing(text) is recalls


def test_contentment_after_nothing_only_says_nothing():
    assert only_nothing("Nothing really, I'm happy")
    assert only_nothing("None, we are happy")
    assert not only_nothing("Nothing really, I'm unhappy")


def test_a_negative_box_keeps_answers_that_only_say_nothing_neutral():
    texts = ["Can't think of anything", "None, it was great", "Nothing comes to mind"]
    probabilities = np.array([[0.4, 0.5, 0.1]] * len(texts))
    out = box_read(probabilities, texts, ["What didn't you like?"] * len(texts))
    assert (out == probabilities).all()


def test_a_positive_box_keeps_answers_that_open_with_nothing():
    texts = ["Nothing.", "Nothing at all, honestly", "Nothing, the room was dirty.",
             "No, the shower was broken.", "No problems at all, lovely staff."]  # fmt: skip
    probabilities = np.array([[0.6, 0.3, 0.1]] * len(texts))
    out = box_read(probabilities, texts, ["What did you like?"] * len(texts))
    assert (out[:4] == probabilities[:4]).all()
    assert out[4] == pytest.approx([0.0, 0.3, 0.7])


def test_a_positive_box_reads_unsure_negative_answers_as_praise():
    texts = ["Check-in took a minute.", "The room smelled of smoke.", "We came on a Tuesday."]
    probabilities = np.array([[0.55, 0.1, 0.35], [0.9, 0.05, 0.05], [0.1, 0.8, 0.1]])
    out = box_read(probabilities, texts, ["What did you like?"] * len(texts))
    assert out[0] == pytest.approx([0.0, 0.1, 0.9])
    # sure negative, and neutral (not terse praise: test_box_praise.py), are kept
    assert (out[1:] == probabilities[1:]).all()


def test_a_box_without_polarity_changes_nothing():
    probabilities = np.array([[0.2, 0.7, 0.1], [0.55, 0.1, 0.35]])
    out = box_read(probabilities, ["The pool closed at six.", "Ok-ish."], ["Comments", ""])
    assert (out == probabilities).all()


@pytest.mark.parametrize(
    ("text", "only"),
    [("Nothing.", True), ("Nichts", True), ("Honestly, nothing at all", True), ("niks", True),
     ("rien du tout", True), ("None", True), ("Nothing to report", False),
     ("Nothing, the room was dirty.", False), ("No negatives", False), ("n/a", False)],
)  # fmt: skip
def test_an_answer_of_only_nothing_is_told(text: str, only: bool):
    assert is_only_nothing(text) is only


def test_a_positive_box_reads_an_answer_of_only_nothing_as_negative():
    """Probe 51: "Nichts." to "What worked well?" was a neutral non-answer."""
    texts = ["Nichts.", "Honestly, nothing at all", "niks", "n/a", "Nothing to report"]
    probabilities = np.array([[0.0, 1.0, 0.0], [0.3, 0.6, 0.1], [0.0, 1.0, 0.0],
                              [0.0, 1.0, 0.0], [0.2, 0.7, 0.1]])  # fmt: skip
    out = box_read(probabilities, texts, ["What worked well?"] * len(texts))
    assert out[0] == pytest.approx([1.0, 0.0, 0.0])
    assert out[1] == pytest.approx([0.9, 0.0, 0.1])
    assert out[2] == pytest.approx([1.0, 0.0, 0.0])
    assert (out[3:] == probabilities[3:]).all()  # judges nothing; says nothing of the box
    negative_box = box_read(probabilities, texts, ["What could be improved?"] * len(texts))
    assert negative_box[0] == pytest.approx([0.0, 1.0, 0.0])


def test_only_nothing_praises_nothing_only_in_a_positive_box():
    assert praises_nothing("Nichts.", "What worked well?")
    assert not praises_nothing("Nichts.", "What could be improved?")
    assert not praises_nothing("Nichts.", None)
    assert not praises_nothing("n/a", "What worked well?")
