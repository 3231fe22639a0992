import numpy as np
import pandas as pd
import pytest
from scipy import stats

from feedback_nlp.errors import SchemaError
from feedback_nlp.score_join import join_scores
from feedback_nlp.scores import (
    ScoreScales,
    add_nps_group,
    counting_unit,
    metrics_of_units,
    nps_group,
    nps_interval,
    repeated_answers,
    score_conflicts,
    score_metrics,
    unit_ids,
)


def survey(nps: list[int | None], **columns) -> pd.DataFrame:
    ids = [f"r{i}" for i in range(len(nps))]
    table = pd.DataFrame({"response_id": ids, "text_clean": ["late parcel"] * len(nps), **columns})
    table["nps"] = pd.array(nps, dtype="Int64")
    return table


def metric(result: pd.DataFrame, name: str) -> pd.Series:
    return result.set_index("metric").loc[name]


def test_nps_group_boundaries_and_missing():
    groups = nps_group(pd.Series([0, 6, 7, 8, 9, 10, None], dtype="Int64"))
    expected = ["detractor", "detractor", "passive", "passive", "promoter", "promoter", pd.NA]
    assert groups.tolist() == expected


def test_add_nps_group_without_nps_names_the_column():
    with pytest.raises(SchemaError, match="nps_group needs the column 'nps'"):
        add_nps_group(pd.DataFrame({"response_id": ["a"]}))


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([10, 9, 8, 7, 6, 0], 0.0),  # 2 promoters, 2 detractors
        ([10, 10, 10, 0], 50.0),  # 75 % - 25 %
        ([6, 5, 9], -100 / 3),
        ([8, 7], 0.0),
        ([10], 100.0),
    ],
)
def test_nps_of_small_tables(scores, expected):
    result = score_metrics(survey(scores))
    assert metric(result, "nps")["value"] == pytest.approx(expected)
    assert metric(result, "nps")["n"] == len(scores)


def test_nps_interval_is_rocks_adjusted_wald_by_hand():
    # n = 10, 5 promoters, 2 detractors: add 3 to n and 0.75 to each group.
    p, d, n = 5.75 / 13, 2.75 / 13, 13
    half = 1.959963985 * np.sqrt((p + d - (p - d) ** 2) / n)
    low, high = nps_interval(5, 2, 10)
    assert low == pytest.approx(100 * (p - d - half))
    assert high == pytest.approx(100 * (p - d + half))


def test_the_nps_range_holds_the_observed_nps_of_a_few_respondents():
    """1 detractor: NPS -100; the adjusted range alone is -98 to +48."""
    low, high = nps_interval(0, 1, 1)
    assert low == pytest.approx(-100.0) and high > 40
    low, high = nps_interval(3, 0, 3)
    assert high == pytest.approx(100.0) and low < 50


def test_the_confidence_asked_for_is_used_by_every_score_range():
    scores = pd.DataFrame({"nps": [10, 9, 3, 0, 8, 7, 10, 2], "csat": [5, 4, 1, 2, 5, 3, 4, 1]})
    wide = {r["metric"]: r for r in metrics_of_units(scores, confidence=0.95)}
    narrow = {r["metric"]: r for r in metrics_of_units(scores, confidence=0.8)}
    for name in ("nps", "promoter_share", "csat_satisfied_share", "csat_mean"):
        width = wide[name]["ci_high"] - wide[name]["ci_low"]
        assert narrow[name]["ci_high"] - narrow[name]["ci_low"] < width, name


def test_csat_and_ces_share_and_mean():
    table = survey([None] * 5)
    table["csat"] = pd.array([5, 4, 3, 1, 5], dtype="Int64")
    table["ces"] = pd.array([7, 5, 4, 2, 1], dtype="Int64")
    result = score_metrics(table.drop(columns="nps"))
    assert metric(result, "csat_satisfied_share")["value"] == pytest.approx(60.0)
    assert metric(result, "csat_mean")["value"] == pytest.approx(3.6)
    assert metric(result, "ces_low_effort_share")["value"] == pytest.approx(40.0)
    assert metric(result, "ces_mean")["ci_method"] == "t"
    reversed_scale = ScoreScales(ces_low_effort=(1, 3))
    result = score_metrics(table.drop(columns="nps"), scales=reversed_scale)
    assert metric(result, "ces_low_effort_share")["value"] == pytest.approx(40.0)  # 2 and 1


def test_chat_conversation_score_counts_once():
    table = pd.DataFrame(
        {
            "response_id": ["t1", "t2", "t3", "s1"],
            "conversation_id": ["c1", "c1", "c1", None],
            "respondent_id": ["u1", "u1", "u1", "u2"],
            "text_clean": ["hi", "still broken", "", "great"],
            "csat": pd.array([2, 2, 2, 5], dtype="Int64"),
        }
    )
    result = score_metrics(table)
    assert metric(result, "csat_mean")["value"] == pytest.approx(3.5)
    assert metric(result, "csat_mean")["n"] == 2
    per_row = score_metrics(table, unit="response")
    assert metric(per_row, "csat_mean")["value"] == pytest.approx(11 / 4)


def test_unit_rule_prefers_conversation_then_respondent_then_response():
    table = pd.DataFrame(
        {
            "response_id": ["a", "b", "c"],
            "conversation_id": ["c1", None, None],
            "respondent_id": ["u1", "u1", None],
        }
    )
    assert unit_ids(table).tolist() == ["conversation:c1", "respondent:u1", "response:c"]


def test_respondent_with_different_answers_counts_each_answer():
    table = survey([2, 10], respondent_id=["u1", "u1"])
    table["created_at"] = pd.to_datetime(["2026-02-01", "2026-01-01"], utc=True)
    result = score_metrics(table)
    assert metric(result, "nps")["n"] == 2
    assert metric(result, "nps")["value"] == pytest.approx(0.0)
    conflicts = score_conflicts(table).set_index("score").loc["nps"]
    assert conflicts["units_with_conflicting_values"] == 0  # each answer is its own unit
    assert conflicts["respondents_with_different_values"] == 1  # and the split is counted


def test_respondent_counted_once_when_asked_latest_answer_wins():
    table = survey([2, 10], respondent_id=["u1", "u1"])
    table["created_at"] = pd.to_datetime(["2026-02-01", "2026-01-01"], utc=True)
    result = score_metrics(table, unit="respondent_id")
    assert metric(result, "nps")["n"] == 1
    assert metric(result, "nps")["value"] == pytest.approx(-100.0)  # the February answer
    conflicts = score_conflicts(table, unit="respondent_id")
    assert conflicts.set_index("score").loc["nps", "units_with_conflicting_values"] == 1


def test_respondent_score_repeated_on_comments_counts_once():
    table = survey([3, 3, 9], respondent_id=["u1", "u1", "u2"])
    assert metric(score_metrics(table), "nps")["n"] == 2


def test_empty_text_rows_still_count_for_scores():
    table = survey([10, 0])
    table["text_clean"] = ["", pd.NA]
    assert metric(score_metrics(table), "nps")["n"] == 2


def test_missing_score_columns_are_skipped_and_said():
    result = score_metrics(pd.DataFrame({"response_id": ["a"], "text_clean": ["hi"]}))
    assert result.empty
    assert result.attrs["skipped"] == [
        "no 'nps' column: nps metrics skipped",
        "no 'csat' column: csat metrics skipped",
        "no 'ces' column: ces metrics skipped",
    ]


def test_small_n_is_marked():
    assert score_metrics(survey([10] * 29))["small_n"].all()
    assert not score_metrics(survey([10] * 30))["small_n"].any()


def test_out_of_range_score_is_an_error_naming_the_row():
    with pytest.raises(
        SchemaError, match=r"column 'nps' has 1 value\(s\) outside 0-10, first at row 1: 11"
    ):
        score_metrics(survey([3, 11]))


def test_a_score_that_is_not_a_whole_number_is_an_error_as_on_reading():
    fractions = pd.DataFrame({"response_id": list("abcd"), "nps": [8.5, 8.5, 9, 6.5]})
    with pytest.raises(SchemaError, match=r"2 value.s. that are not whole numbers, first at row 0"):
        nps_group(pd.Series([6.5, 8.5]))
    with pytest.raises(SchemaError, match=r"3 value.s. that are not whole numbers.*: 8\.5$"):
        score_metrics(fractions)


def test_errors_name_a_numpy_row_label_as_the_number_it_is():
    table = pd.DataFrame({"response_id": list("ab"), "nps": [1, "x"]}, index=np.array([10, 11]))
    with pytest.raises(SchemaError, match=r"^column 'nps' row 11: 'x' is not a number$"):
        score_metrics(table)


def test_rows_split_per_answer_are_one_response_and_comments_each():
    table = pd.DataFrame(
        {
            "response_id": ["r1#q1", "r1#q2", "r2#q1"],
            "question": ["Why?", "Else?", "Why?"],
            "nps": pd.array([9, 9, 2], dtype="Int64"),
        }
    )
    assert unit_ids(table, "response").tolist() == ["response:r1", "response:r1", "response:r2"]
    assert unit_ids(table, "comment").nunique() == 3
    assert unit_ids(table.drop(columns="question"), "response").nunique() == 3


def test_a_mean_score_range_stays_on_its_scale():
    """Three CSAT answers 1, 3, 5: the t-range −1.3 to 7.3 is cut to the 1-5 scale."""
    rows = {r["metric"]: r for r in metrics_of_units(pd.DataFrame({"csat": [1, 3, 5]}))}
    assert (rows["csat_mean"]["ci_low"], rows["csat_mean"]["ci_high"]) == (1.0, 5.0)
    seven = {r["metric"]: r for r in metrics_of_units(pd.DataFrame({"ces": [1, 7, 7]}))}
    assert seven["ces_mean"]["ci_high"] == 7.0


def test_a_mean_of_equal_scores_gets_a_range():
    """A probe's theme of 4 CSAT answers of 1 read 1.0, range 1.000 to 1.000; the variance
    is now that of 1, 1, 1, 1 with a 1 and a 5 added (8/3)."""
    rows = {r["metric"]: r for r in metrics_of_units(pd.DataFrame({"csat": [1, 1, 1, 1]}))}
    mean = rows["csat_mean"]
    half = stats.t.ppf(0.975, 3) * np.sqrt((8 / 3) / 4)
    assert mean["value"] == 1.0
    assert (mean["ci_low"], mean["ci_high"]) == pytest.approx((1.0, 1.0 + half))
    varied = {r["metric"]: r for r in metrics_of_units(pd.DataFrame({"csat": [1, 1, 2, 1]}))}
    spread = stats.t.ppf(0.975, 3) * np.std([1, 1, 2, 1], ddof=1) / 2
    assert varied["csat_mean"]["ci_high"] == pytest.approx(1.25 + spread)  # plain t


def waves() -> pd.DataFrame:
    """Two contacts asked in four quarterly waves: u1 answers 10 each time, u2 2, 5, 2, 6."""
    table = survey([10, 10, 10, 10, 2, 5, 2, 6], respondent_id=["u1"] * 4 + ["u2"] * 4)
    table["created_at"] = pd.to_datetime(
        ["2025-02-03", "2025-05-05", "2025-08-04", "2025-11-03"] * 2, utc=True
    )
    return table


def test_repeated_waves_count_every_answer_of_every_respondent():
    """The probe's bias: u1 counted once, u2 four times gave NPS −60 where every answer gives 0."""
    result = metric(score_metrics(waves()), "nps")
    assert (result["value"], result["n"]) == (pytest.approx(0.0), 8)
    assert result["unit_of_analysis"] == "8 responses"
    assert repeated_answers(waves())
    assert not repeated_answers(waves(), "respondent_id")


def test_a_score_joined_onto_dated_comments_still_counts_once():
    """One score per respondent joined onto comments that have their own ids and dates."""
    comments = pd.DataFrame(
        {
            "response_id": ["c1", "c2", "c3", "c4"],
            "respondent_id": ["u1", "u1", "u1", "u2"],
            "created_at": pd.to_datetime(
                ["2025-01-05", "2025-04-07", "2025-09-01", "2025-02-02"], utc=True
            ),
            "text_clean": ["slow app", "still slow", "fine now", "great"],
        }
    )
    scores = pd.DataFrame({"respondent_id": ["u1", "u2"], "nps": [3, 10]})
    joined = join_scores(comments, scores).table
    result = metric(score_metrics(joined), "nps")
    assert (result["value"], result["n"]) == (pytest.approx(0.0), 2)
    assert not repeated_answers(joined)


def test_a_part_of_a_table_counts_its_units_as_the_whole_table_does():
    """u1's four equal answers are four units in the table, so in any part of it too."""
    table = waves()
    part = table[table["respondent_id"] == "u1"]
    assert unit_ids(part).nunique() == 1  # alone, u1's answers agree
    assert unit_ids(part, counting_unit(table)).nunique() == 4
    assert counting_unit(table, "response") == "response"
