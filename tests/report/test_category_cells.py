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
