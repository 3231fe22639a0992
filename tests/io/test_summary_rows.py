"""Total and average rows under the data are rejected, not counted as responses."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io import read_feedback
from feedback_nlp.io.summary_rows import summary_row_reasons
from tests.io.conftest import check_result


def test_summary_labels_in_several_languages_and_only_without_text():
    first = pd.Series(["Total", "Average NPS", "Итого:", "Moyenne (mai)", "Totally late", "r7"])
    no_text = pd.Series([True, True, True, True, True, True])
    reasons = summary_row_reasons(first, no_text)
    assert reasons.notna().tolist() == [True, True, True, True, False, False]
    assert reasons.iloc[1] == "a summary row of the export, not a response: 'Average NPS'"
    assert summary_row_reasons(first, ~no_text).isna().all()


def test_an_average_row_is_not_counted_as_a_score(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id;NPS;Comment\n1;9;Great\n2;3;Late\n\nTotal;;\nAverage NPS;6;\n")
    result = check_result(read_feedback(path))
    assert result.table["nps"].tolist() == [9, 3]
    assert result.info["rows_rejected"] == 2
    assert result.rejects["field"].tolist() == ["id", "id"]
