"""A column of categories keeps its groups apart when redacted
(`feedback_nlp.report.category_cells`)."""

import pandas as pd

from feedback_nlp.insights.segments import segment_labels
from feedback_nlp.report.export import redact_for_export
from feedback_nlp.text.pseudonyms import is_pseudonym

CONSULTANTS = ["Dr Patel"] * 6 + ["Dr Sousa"] * 6


def test_segments_of_two_names_stay_two_segments_after_export():
    """Probe 52: "Dr Patel" and "Dr Sousa" both left as "Dr <NAME>", and the report merged
    them (130 comments, the NPS of one)."""
    table = pd.DataFrame(
        {"dimension": "Clinic lead", "segment": CONSULTANTS, "segment_label": CONSULTANTS}
    )
    out = redact_for_export(table)
    assert out["segment"].nunique() == 2 and out["segment"].map(is_pseudonym).all()
    assert out["segment_label"].tolist() == out["segment"].tolist()
    again = redact_for_export(table.iloc[::-1])  # stable: the same label in every table
    assert set(again["segment"]) == set(out["segment"])


def test_repeated_comments_and_ordinary_categories_are_redacted_in_place():
    table = pd.DataFrame(
        {
            "text_clean": ["Thanks Dr Patel, very kind"] * 4,
            "Clinic": ["Harley St", "Manchester"] * 2,
        }
    )
    out = redact_for_export(table)
    assert out["text_clean"].tolist() == ["Thanks Dr <NAME>, very kind"] * 4
    assert out["Clinic"].tolist() == table["Clinic"].tolist()


def test_a_consultant_column_of_names_is_segmented_by_pseudonym():
    """Each consultant a segment of their own, by pseudonym, before any export."""
    labels = segment_labels(pd.Series(CONSULTANTS, name="Consultant"))
    assert labels.nunique() == 2 and labels.map(is_pseudonym).all()


def test_text_columns_and_labels_with_more_than_a_name_stay_readable():
    """Review of stop 52: repeated units, rejects and product labels became ``pii-…``."""
    table = pd.DataFrame(
        {
            "unit_text": ["email me at a@b.com about price"] * 4,
            "reason": ["nps is not a number: 'ring me 07700 900123'"] * 4,
            "Product": ["Dr Pepper 330ml", "Diet Coke"] * 2,
            "Question": ["Please give your MRN 123456 format"] * 4,
        }
    )
    out = redact_for_export(table)
    assert out["unit_text"].tolist() == ["email me at <EMAIL> about price"] * 4
    assert out["reason"].tolist() == ["nps is not a number: 'ring me <PHONE>'"] * 4
    assert out["Product"].tolist()[:2] == ["Dr <NAME> 330ml", "Diet Coke"]
    assert out["Question"].tolist() == ["Please give your MRN <ID> format"] * 4
