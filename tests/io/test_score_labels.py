"""Scores exported as choice texts: numbers from the mapping, a note without one."""

from __future__ import annotations

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.io import read_feedback
from feedback_nlp.io.score_labels import good_bad_hints, parse_score_labels
from tests.io.conftest import check_result

CSV = "id,Comment,Satisfaction\n1,Great,Very satisfied\n2,Awful,very DISsatisfied \n3,ok,4\n"


def test_labels_declared_in_the_mapping_are_read_as_their_numbers(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    labels = {"csat": {"Very satisfied": 5, "Very dissatisfied": 1}}
    mapping = {"columns": {"csat": "Satisfaction"}, "score_labels": labels}
    result = check_result(read_feedback(path, mapping=mapping))
    assert result.table["csat"].tolist() == [5, 1, 4] and result.rejects.empty


def test_words_in_a_score_column_get_a_note_naming_them(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    result = check_result(read_feedback(path, csat="Satisfaction"))
    assert result.table["csat"].tolist()[2] == 4
    notes = [n for n in result.info["notes"] if n.startswith("csat (")]
    assert notes == [
        "csat ('Satisfaction') holds words such as 'Very satisfied', 'very DISsatisfied': say "
        'which number each stands for in the mapping ([score_labels.csat] "Very satisfied" = '
        "<number>)"
    ]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"mood": {"good": 1}}, r"\[score_labels.mood\]: not a score"),
        ({"csat": {"Very satisfied": 6}}, "give a whole number from 1 to 5"),
        ({"nps": {"Yes": True}}, "give a whole number from 0 to 10"),
        ({"ces": {}}, "must map labels to numbers"),
    ],
)
def test_a_malformed_score_labels_table_names_the_entry(table, message):
    with pytest.raises(ConfigError, match=message):
        parse_score_labels(table, "m.toml")


def test_a_carried_column_of_good_and_bad_ratings_gets_the_outcome_to_declare(tmp_path):
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Id,Description,Satisfaction Score,Status\n1,No refund yet,Bad,solved\n"
        "2,Quick answer,Good,closed\n3,Parcel lost,Offered,open\n",
        encoding="utf-8",
    )
    notes = " | ".join(check_result(read_feedback(path)).info["notes"])
    assert (
        "'Satisfaction Score' holds good / bad ratings (a two-answer CSAT, as Zendesk's): "
        'explain it as an outcome, --outcome "satisfied:binary:column=Satisfaction Score:'
        'bad=no"' in notes
    )
    assert "'Status'" not in notes


def test_a_live_chat_rating_gets_the_good_bad_note():
    table = pd.DataFrame({"Chat rating": ["rated good", "rated bad", "not rated", "rated good"]})
    notes = good_bad_hints(table, ["Chat rating"])
    assert len(notes) == 1 and "column=Chat rating:bad=no" in notes[0]
