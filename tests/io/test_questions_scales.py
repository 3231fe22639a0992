"""Score questions answered with likelihood labels (io/question_scales.py)."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io.question_scales import (
    holds_likelihood_labels,
    likelihood_scale_hints,
    likelihood_words_note,
)
from feedback_nlp.io.score_labels import apply_score_labels, parse_score_labels

FRIENDS = "How likely are you to recommend our ward to friends and family?"
ANSWERS = ["Extremely likely", "Likely", "Don't know", "Unlikely", "", "Extremely unlikely"]


def test_a_carried_friends_and_family_question_gets_a_note_reading_it_as_csat():
    """Before stop 52 such a column was carried with no note (the score notes need numbers)."""
    table = pd.DataFrame({FRIENDS: ANSWERS, "Ward": ["A", "B", "C", "A", "B", "C"]})
    notes = likelihood_scale_hints(table, [FRIENDS, "Ward"])
    assert len(notes) == 1 and notes[0].startswith(f"'{FRIENDS}' holds a 5-point label scale")
    assert f'csat = "{FRIENDS}"' in notes[0] and "[score_labels.csat]" in notes[0]


def test_the_table_the_note_gives_reads_the_labels_as_1_to_5():
    note = likelihood_scale_hints(pd.DataFrame({FRIENDS: ANSWERS}), [FRIENDS])[0]
    entries = note.split("[score_labels.csat] ")[1].split(" (")[0]
    labels = dict(entry.split(" = ") for entry in entries.split(", "))
    table = {"csat": {label.strip('"'): int(n) for label, n in labels.items()}}
    read = apply_score_labels(pd.Series(ANSWERS), parse_score_labels(table, "note")["csat"])
    assert read.tolist()[:2] == [5, 4] and read.tolist()[3] == 2 and read.tolist()[5] == 1


def test_a_likelihood_scale_mapped_as_nps_is_told_to_read_it_as_csat():
    """Before, the note asked for a 0-10 number for each label."""
    note = likelihood_words_note("nps", FRIENDS, pd.Series(["Likely", "Extremely likely"]))
    assert note is not None and note.startswith(f"nps ('{FRIENDS}') holds a 5-point label scale")


def test_other_answers_are_no_likelihood_scale():
    for answers in (["Yes", "No", "Yes"], ["9", "10", "7"], ["Likely", "Likely"], ["Good", "Bad"]):
        assert not holds_likelihood_labels(pd.Series(answers))
    assert likelihood_words_note("csat", "Q", pd.Series(["Very satisfied", "Satisfied"])) is None
