"""Score questions answered with likelihood labels (io/question_scales.py)."""

from __future__ import annotations

import tomllib

import pandas as pd

from feedback_nlp.io import read_feedback
from feedback_nlp.io.question_scales import (
    holds_likelihood_labels,
    likelihood_scale_hints,
    likelihood_words_note,
)

FRIENDS = "How likely are you to recommend our ward to friends and family?"
ANSWERS = ["Extremely likely", "Likely", "Don't know", "Unlikely", "", "Extremely unlikely"]


def test_a_carried_friends_and_family_question_gets_a_note_reading_it_as_csat():
    """Before stop 52 such a column was carried with no note (the score notes need numbers)."""
    table = pd.DataFrame({FRIENDS: ANSWERS, "Ward": ["A", "B", "C", "A", "B", "C"]})
    notes = likelihood_scale_hints(table, [FRIENDS, "Ward"])
    assert len(notes) == 1 and notes[0].startswith(f"'{FRIENDS}' holds a 5-point label scale")
    assert f'\ncsat = "{FRIENDS}"\n' in notes[0] and "\n[score_labels]\n" in notes[0]


def test_the_mapping_the_note_gives_is_valid_toml_that_reads_the_labels_as_1_to_5(tmp_path):
    """Before stop 52's fix the note's `[score_labels.csat] "Extremely likely" = 5, …` was
    one line, no TOML (tomllib failed on it)."""
    path = tmp_path / "ward.csv"
    rows = [f"w{k},{answer},Kind staff on the ward" for k, answer in enumerate(ANSWERS)]
    path.write_text(f'id,"{FRIENDS}",Why?\n' + "\n".join(rows) + "\n", encoding="utf-8")
    note = next(n for n in read_feedback(path).info["notes"] if "label scale" in n)
    mapping = note.split("\n", 1)[1]
    assert tomllib.loads(mapping)["score_labels"]["csat"]["Extremely likely"] == 5
    (tmp_path / "mapping.toml").write_text(mapping, encoding="utf-8")
    read = read_feedback(path, mapping=tmp_path / "mapping.toml").table
    assert read["csat"].astype("Float64").fillna(0).tolist() == [5, 4, 0, 2, 0, 1]


def test_a_likelihood_scale_mapped_as_nps_is_told_to_read_it_as_csat():
    """Before, the note asked for a 0-10 number for each label."""
    note = likelihood_words_note("nps", FRIENDS, pd.Series(["Likely", "Extremely likely"]))
    assert note is not None and note.startswith(f"nps ('{FRIENDS}') holds a 5-point label scale")


def test_other_answers_are_no_likelihood_scale():
    for answers in (["Yes", "No", "Yes"], ["9", "10", "7"], ["Likely", "Likely"], ["Good", "Bad"]):
        assert not holds_likelihood_labels(pd.Series(answers))
    assert likelihood_words_note("csat", "Q", pd.Series(["Very satisfied", "Satisfied"])) is None
