import pandas as pd
import pytest

from feedback_nlp.insights import explain
from feedback_nlp.score_checks import (
    first_data_line,
    readable_scores,
    scores_as_read,
    whole_numbers,
)
from feedback_nlp.score_scales import ScoreScales


def survey(nps: list[object], **columns: list[object]) -> pd.DataFrame:
    n = len(nps)
    ids = {"response_id": [f"r{i}" for i in range(n)], "text_clean": ["fine"] * n}
    return pd.DataFrame({**ids, "nps": nps, **columns})


def test_one_nps_off_the_scale_leaves_out_that_cell_and_keeps_the_column() -> None:
    table = survey([9.0, 3.0, 11.0, None, 10.0] + [8.0] * 10)
    kept, warnings = readable_scores(table, where="week.csv", first_line=2)
    assert kept["nps"].tolist() == [9, 3, pd.NA, pd.NA, 10] + [8] * 10
    assert str(kept["nps"].dtype) == "Int64" and len(kept) == len(table)
    assert warnings == [
        "week.csv: 1 nps value(s) not a whole number within 0-10 left out (their rows are kept "
        "without nps): line 4: 11"
    ]


def test_without_a_file_the_warning_names_the_row_label() -> None:
    table = survey([9] * 10 + [12]).set_index(pd.Index(range(10, 21)))
    _, warnings = readable_scores(table)
    assert warnings == [
        "the table: 1 nps value(s) not a whole number within 0-10 left out (their rows are "
        "kept without nps): row 20: 12"
    ]


def test_each_score_is_checked_on_its_own_declared_scale() -> None:
    table = survey([9] * 10, csat=[4, 8, 10] * 3 + [1], ces=[1, 7, 7.5] + [2] * 7)
    kept, warnings = readable_scores(table, ScoreScales(csat=(1, 10), csat_satisfied=(8, 10)))
    assert kept["csat"].tolist() == table["csat"].tolist()
    assert kept["ces"].tolist() == [1, 7, pd.NA] + [2] * 7
    assert warnings == [
        "the table: 1 ces value(s) not a whole number within 1-7 left out (their rows are "
        "kept without ces): row 2: 7.5"
    ]


def test_a_warning_names_three_bad_cells_and_counts_the_rest() -> None:
    nps = [11, "n/a", 12, -1, 13] + [5] * 50
    _, warnings = readable_scores(survey(nps), where="f.csv", first_line=2)
    assert warnings[0].endswith("line 2: 11, line 3: 'n/a', line 4: 12 and 2 more")


def test_a_clean_table_comes_back_unchanged() -> None:
    table = survey(pd.array([0, 10, None], dtype="Int64"))
    kept, warnings = readable_scores(table)
    assert kept is table and warnings == []


def test_explain_keeps_nps_once_the_bad_cell_is_left_out() -> None:
    nps = [i % 11 for i in range(40)]
    nps[7] = 11
    kept, _ = readable_scores(survey(nps, themes=["late"] * 20 + ["kind"] * 20))
    metrics = explain(kept, outcomes=["nps"], n_bootstrap=5).tables["score_metrics"]
    assert metrics.set_index("metric").loc["nps", "n"] == 39


def test_a_fractional_score_read_back_is_kept_for_the_scale_check() -> None:
    read = scores_as_read(pd.Series([7.0, 7.5, None]))
    assert read.dtype == "float64" and read.tolist()[:2] == [7.0, 7.5]
    assert str(scores_as_read(pd.Series([7.0, None])).dtype) == "Int64"


def test_a_fractional_whole_number_column_names_the_line_and_value() -> None:
    with pytest.raises(ValueError, match=r"line 3: 7.5 is not a whole number \(1 such"):
        whole_numbers(pd.Series([1.0, 7.5]), first_line=2)


def test_files_with_a_header_count_lines_from_two() -> None:
    assert first_data_line(".CSV") == 2 and first_data_line(".xlsx") == 2
    assert first_data_line(".parquet") is None


def test_a_column_mostly_off_its_scale_is_on_another_scale_and_left_out_whole() -> None:
    table = survey([9] * 4, csat=[1, 6, 8, 10])  # a 1-10 CSAT read against 1-5
    kept, warnings = readable_scores(table, where="w.csv", first_line=2)
    assert "csat" not in kept.columns and kept.attrs["left_out"] == ["csat"]
    assert warnings[0].startswith(
        "w.csv: csat left out of every analysis: column 'csat' has 3 value(s) outside 1-5 or "
        "not whole, of 4, first at line 3: 6: another scale?"
    )


def test_one_typo_among_nine_answers_leaves_out_the_cell_not_the_column() -> None:
    kept, warnings = readable_scores(survey([10, 9, 8, 7, 3, 0, 10, 9, 11]))
    assert kept["nps"].tolist() == [10, 9, 8, 7, 3, 0, 10, 9, pd.NA]
    assert "left_out" not in kept.attrs and "1 nps value(s)" in warnings[0]


def test_text_cells_are_no_sign_of_another_scale() -> None:
    kept, _ = readable_scores(survey(["n/a", "n/a", "skip"] + [8] * 7))
    assert kept["nps"].tolist() == [pd.NA] * 3 + [8] * 7


@pytest.mark.parametrize(("off", "another_scale"), [(4, False), (5, True)])
def test_another_scale_needs_five_numbers_off_it_unless_they_are_most(
    off: int, another_scale: bool
) -> None:
    table = survey([9] * 30, csat=[8] * off + [4] * (30 - off))
    kept, _ = readable_scores(table)
    assert ("csat" not in kept.columns) is another_scale
