import numpy as np
import pandas as pd
import pytest
from scipy import stats

from feedback_nlp.errors import SchemaError
from feedback_nlp.insights import pain_point_matrix, theme_impact, theme_trends
from feedback_nlp.insights.core import benjamini_hochberg, impact_of
from feedback_nlp.outcomes import OutcomeSpec
from tests.insights.conftest import BAD_THEMES, synthetic_table

# Ten respondents: all NPS -20; theme 'late' on the answers 10, 6, 5 and 3.
TEN_NPS = [10, 10, 9, 8, 7, 6, 5, 3, 2, 0]
TEN_THEMES = ["late", "", "", "", "", "late", "late|price", "late", "price", ""]


def ten_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(10)],
            "nps": pd.array(TEN_NPS, dtype="Int64"),
            "themes": pd.array(TEN_THEMES, dtype="string"),
            "touchpoint": ["delivery"] * 5 + ["app"] * 5,
            "sentiment": ["negative", "positive"] * 5,
        }
    )


def test_impact_on_ten_rows_by_hand():
    impact = theme_impact(ten_rows(), min_n=1).set_index("theme")
    late = impact.loc["late"]
    # all: 3 promoters, 5 detractors -> -20; without late: 10 9 8 7 2 0 -> 2 - 2 = 0
    assert late["metric_all"] == pytest.approx(-20.0)
    assert late["metric_without"] == pytest.approx(0.0)
    assert late["metric_with"] == pytest.approx(-50.0)  # 10 6 5 3: 1 promoter, 3 detractors
    assert late["impact"] == pytest.approx(-20.0)
    assert late["impact_ci_low"] < -20 < late["impact_ci_high"]
    assert late["event_rate"] == pytest.approx(75.0)
    assert late["lift"] == pytest.approx(0.75 / 0.5)
    assert late["units"] == 4 and late["rank"] == 1


def test_a_theme_of_only_detractors_gets_the_adjusted_range_not_a_point():
    others = [10, 9, 8, 7, 10, 9, 3, 10, 9, 8, 10, 9, 2, 10, 9, 8, 7]  # 10 promoters, 2 detractors
    nps = [0, 1, 2, *others]
    table = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(len(nps))],
            "nps": pd.array(nps, dtype="Int64"),
            "themes": pd.array(["broken"] * 3 + [""] * (len(nps) - 3), dtype="string"),
        }
    )
    broken = theme_impact(table, min_n=1).set_index("theme").loc["broken"]
    share = 3 / len(nps)
    # the 3 detractors: adjusted p = 0.75 / 6, d = 3.75 / 6; the 17 others: 10.75 / 20, 2.75 / 20
    var_with = (0.75 / 6 + 3.75 / 6 - (0.75 / 6 - 3.75 / 6) ** 2) / 6
    var_without = (10.75 / 20 + 2.75 / 20 - (10.75 / 20 - 2.75 / 20) ** 2) / 20
    gap = broken["metric_with"] - broken["metric_without"]
    variance = gap**2 * share * (1 - share) / len(nps) + (share * 100) ** 2 * (
        var_with + var_without
    )
    half = 1.959964 * np.sqrt(variance)
    assert broken["impact_ci_high"] - broken["impact"] == pytest.approx(half, rel=1e-5)
    assert half > 9  # the plain variances (0 for 3 detractors) gave ±5.0 points


def test_the_impact_range_holds_the_true_impact_95_times_in_100():
    """A population with a known impact: a theme on 10 % of units, 90 % detractors in it vs
    45 % detractors and 35 % promoters elsewhere; impact = 0.1 × (-90 - (-10)) = -8. With w
    taken as fixed (stop 46) the range held it 78 % of the time."""
    rng = np.random.default_rng(7)
    n, trials, held = 500, 400, 0
    for _ in range(trials):
        theme = rng.random(n) < 0.1
        draw = rng.random(n)
        detractor = np.where(theme, draw < 0.9, draw < 0.45)
        promoter = ~theme & (draw > 0.65)
        nps = np.where(detractor, 3, np.where(promoter, 10, 8))
        impact = impact_of(pd.Series(nps), pd.Series(theme), "nps")
        held += impact["impact_ci_low"] <= -8 <= impact["impact_ci_high"]
    assert 0.92 <= held / trials <= 0.98


def test_mix_identity_holds_for_every_theme(tagged_table):
    for row in theme_impact(tagged_table).itertuples():
        mixed = row.share_of_units * row.metric_with + (1 - row.share_of_units) * row.metric_without
        assert mixed == pytest.approx(row.metric_all)


def test_odds_ratio_and_p_value_match_scipy(tagged_table):
    impact = theme_impact(tagged_table).set_index("theme")
    per_unit = tagged_table.groupby("respondent_id").agg(
        nps=("nps", "last"), late=("themes", lambda t: (t == "late_delivery").any())
    )
    detractor = per_unit["nps"] <= 6
    late = per_unit["late"].astype(bool)
    table = [
        [(late & detractor).sum(), (late & ~detractor).sum()],
        [(~late & detractor).sum(), (~late & ~detractor).sum()],
    ]
    odds_ratio, p_value = stats.fisher_exact(table)
    assert impact.loc["late_delivery", "odds_ratio"] == pytest.approx(odds_ratio)
    assert impact.loc["late_delivery", "event_p_value"] == pytest.approx(p_value)
    expected_q = stats.false_discovery_control(impact["p_value"].to_numpy())
    assert impact["q_value"].to_numpy() == pytest.approx(expected_q)


def passive_theme_table() -> pd.DataFrame:
    """400 respondents: a theme on 100 of them turns promoters into passives (40 % promoters,
    20 % detractors elsewhere; 10 % promoters, 20 % detractors in it): it costs 7.5 NPS points
    while its detractor rate is the rest's."""
    rest = [10] * 120 + [8] * 120 + [3] * 60
    slow = [10] * 10 + [8] * 70 + [3] * 20
    nps = rest + slow
    return pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(len(nps))],
            "nps": pd.array(nps, dtype="Int64"),
            "themes": pd.array([""] * len(rest) + ["slow"] * len(slow), dtype="string"),
        }
    )


def test_the_p_value_tests_the_nps_impact_not_the_detractor_rate():
    """A probe's theme that cost 3 points by turning promoters into passives had its range
    below 0 in 81.5 % of draws and a "clear" effect in 0.5 %: the p-value was Fisher's test of
    the detractor rate (p = 1 here)."""
    slow = theme_impact(passive_theme_table()).set_index("theme").loc["slow"]
    assert slow["impact"] == pytest.approx(-7.5) and slow["impact_ci_high"] < 0
    assert slow["event_p_value"] == pytest.approx(1.0)
    # NPS with: 10 - 20 = -10, without: 40 - 20 = +20; adjusted variances of each group
    var_with = (10.75 / 103 + 20.75 / 103 - ((10.75 - 20.75) / 103) ** 2) / 103
    var_without = (120.75 / 303 + 60.75 / 303 - ((120.75 - 60.75) / 303) ** 2) / 303
    z = 0.30 / np.sqrt(var_with + var_without)
    assert slow["p_value"] == pytest.approx(2 * stats.norm.sf(z))
    assert slow["p_value"] < 0.001 and slow["test"].startswith("z test of the NPS difference")


def test_a_range_without_0_always_has_p_below_005(tagged_table):
    impact = theme_impact(tagged_table, min_n=1)
    off_zero = (impact["impact_ci_high"] < 0) | (impact["impact_ci_low"] > 0)
    assert off_zero.any()
    assert (impact.loc[off_zero, "p_value"] < 0.05).all()


def test_a_mean_impact_is_tested_by_welch():
    table = ten_rows().drop(columns="nps")
    table["csat"] = pd.array([5, 5, 5, 4, 4, 1, 2, 1, 3, 5], dtype="Int64")
    late = theme_impact(table, "csat", min_n=1).set_index("theme").loc["late"]
    with_late, without = [5, 1, 2, 1], [5, 5, 4, 4, 3, 5]
    expected = stats.ttest_ind(with_late, without, equal_var=False).pvalue
    assert late["p_value"] == pytest.approx(expected)
    assert late["test"] == "Welch t test of the means"


def test_benjamini_hochberg_by_hand():
    q = benjamini_hochberg(pd.Series([0.01, 0.04, 0.03, np.nan]))
    assert q.iloc[:3].tolist() == pytest.approx([0.03, 0.04, 0.04])
    assert np.isnan(q.iloc[3])


def test_planted_detractor_causes_rank_first(tagged_table):
    impact = theme_impact(tagged_table)
    assert set(impact.loc[impact["rank"] <= 2, "theme"]) == set(BAD_THEMES)
    assert (impact.loc[impact["theme"].isin(BAD_THEMES), "q_value"] < 0.001).all()


def test_small_themes_are_marked_not_ranked():
    impact = theme_impact(ten_rows()).set_index("theme")  # min_n 30
    assert impact["small_n"].all()
    assert impact["rank"].isna().all()


def test_csat_impact_is_on_the_mean():
    table = ten_rows().drop(columns="nps")
    table["csat"] = pd.array([5, 5, 5, 4, 4, 1, 2, 1, 3, 5], dtype="Int64")
    late = theme_impact(table, "csat", min_n=1).set_index("theme").loc["late"]
    assert late["metric"] == "csat_mean"
    assert late["metric_all"] == pytest.approx(3.5)
    assert late["metric_without"] == pytest.approx(26 / 6)
    assert late["impact"] == pytest.approx(3.5 - 26 / 6)
    assert late["event"] == "not_satisfied" and late["event_rate"] == pytest.approx(75.0)


def test_any_binary_or_numeric_outcome():
    table = ten_rows()
    table["churned"] = [False, False, False, False, False, True, True, True, False, True]
    table["resolution_hours"] = [1.0, 2, 1, 2, 1, 30, 20, 25, 2, 3]
    churn = theme_impact(table, "churned", min_n=1).set_index("theme")
    assert churn.loc["late", "metric"] == "churned_rate"
    assert churn.loc["late", "metric_with"] == pytest.approx(75.0)
    assert churn.loc["late", "rank"] == 1  # higher churn is worse by default
    hours = theme_impact(table, "resolution_hours", min_n=1).set_index("theme")
    assert hours.loc["late", "metric_with"] == pytest.approx(76 / 4)
    assert np.isnan(hours.loc["late", "odds_ratio"])
    retained = theme_impact(
        table.assign(kept=~table["churned"]), "kept", higher_is_better=True, min_n=1
    )
    assert retained.iloc[0]["theme"] == "late"


def test_text_outcome_is_refused_with_a_hint():
    table = ten_rows().assign(answer=["yes"] * 10)
    with pytest.raises(SchemaError, match="--outcome answer:binary"):
        theme_impact(table, "answer")


def test_pain_point_cells_by_hand():
    matrix = pain_point_matrix(ten_rows(), min_n=1).set_index(["touchpoint", "theme"])
    cell = matrix.loc[("app", "late")]  # rows 5, 6, 7: nps 6, 5, 3; sentiment pos, neg, pos
    assert cell["comments"] == 3
    assert cell["negative_share"] == pytest.approx(100 / 3)
    # without rows 5-7: 10 10 9 8 7 2 0 -> 3 promoters, 2 detractors of 7
    assert cell["impact"] == pytest.approx(-20.0 - 100 / 7)
    assert matrix.loc[("delivery", "late"), "units"] == 1


def test_a_pain_point_cell_counts_the_units_with_the_outcome():
    """Comments without a score are in the cell but not in its impact, nor in its units: a
    cell of 3 comments of which 1 has a score is small at min_n 2."""
    table = ten_rows()
    table["nps"] = table["nps"].mask(pd.Series([False] * 5 + [True, True, False, False, False]))
    matrix = pain_point_matrix(table, min_n=2).set_index(["touchpoint", "theme"])
    cell = matrix.loc[("app", "late")]  # rows 5, 6, 7: only row 7 (nps 3) has a score
    assert cell["comments"] == 3 and cell["units"] == 1 and cell["small_n"]
    assert (
        pain_point_matrix(table, None, min_n=2)
        .set_index(["touchpoint", "theme"])
        .loc[("app", "late"), "units"]
        == 3
    )


def test_pain_point_matrix_without_scores_is_text_only():
    matrix = pain_point_matrix(ten_rows().drop(columns="nps"), None, min_n=1)
    assert "impact" not in matrix.columns
    assert matrix["negative_share"].notna().all()


def test_growing_theme_is_flagged():
    table = synthetic_table(n_respondents=400)
    late = table["themes"] == "late_delivery"
    march = table["created_at"].dt.month == 3
    # move most late-delivery comments into March, all other comments out of it
    table.loc[late & (table.index % 5 != 0), "created_at"] = pd.Timestamp("2026-03-15", tz="UTC")
    table.loc[~late & march, "created_at"] = pd.Timestamp("2026-02-15", tz="UTC")
    trends = theme_trends(table, "nps").set_index(["period", "theme"])
    assert trends.loc[("2026-03", "late_delivery"), "grew_significantly"]
    assert not trends.loc[("2026-03", "price"), "grew_significantly"]
    assert not trends["grew_significantly"].loc["2026-02"].any()


def test_a_month_with_comments_and_no_score_is_a_trend_without_impact():
    table = synthetic_table(n_respondents=200)
    march = table["created_at"].dt.month == 3
    table.loc[march, "nps"] = pd.NA  # chats of March: comments, no score
    trends = theme_trends(table, "nps").set_index(["period", "theme"])
    assert trends.loc["2026-03", "impact"].isna().all()
    assert trends.loc["2026-03", "units"].sum() > 0
    assert trends.loc["2026-02", "impact"].notna().any()


def test_trends_need_created_at():
    with pytest.raises(
        SchemaError, match=r"period analysis needs the column\(s\) \['created_at'\]"
    ):
        theme_trends(ten_rows())


def test_topic_column_with_labels_and_outliers():
    table = ten_rows().assign(
        topic=pd.array([4, 7, 7, 7, 7, 4, 4, 4, -1, 7], dtype="Int64"),
        topic_label=["late parcel"] + ["range"] * 4 + ["late parcel"] * 3 + ["outlier", "range"],
    )
    impact = theme_impact(table, theme_column="topic", min_n=1, labels={7: "product range"})
    assert impact.set_index("theme")["theme_label"].to_dict() == {
        "4": "late parcel",
        "7": "product range",
    }
    assert impact["units"].sum() == 9  # the outlier row is in no theme


def spilled_over(table: pd.DataFrame, month: str, rows: int) -> pd.DataFrame:
    """`table` with its first `rows` rows moved into `month` (answers spilled over a wave)."""
    table = table.copy()
    table.loc[table.index[:rows], "created_at"] = pd.Timestamp(f"{month}-20", tz="UTC")
    return table


def test_a_period_of_too_few_units_is_not_tested_for_growth():
    """A 3-answer month read as growth against the months around it (probe 51)."""
    table = spilled_over(synthetic_table(n_respondents=300), "2026-04", 3)
    table.loc[table.index[:3], "themes"] = "packaging"  # all 3 raise one theme: share 100 %
    trends = theme_trends(table, "nps").set_index(["period", "theme"])
    april = trends.loc["2026-04"]
    assert april["small_period"].all() and april["p_value"].isna().all()
    assert not april["grew_significantly"].any()
    assert not trends.loc["2026-02", "small_period"].any()


def test_a_period_after_too_few_earlier_units_is_not_tested():
    table = spilled_over(synthetic_table(n_respondents=300), "2025-12", 3)
    trends = theme_trends(table, "nps").set_index(["period", "theme"])
    assert trends.loc["2026-01", "p_value"].isna().all()  # against 3 units only
    assert trends.loc["2026-02", "p_value"].notna().all()


def test_quarters_are_labelled_year_dash_quarter():
    trends = theme_trends(synthetic_table(n_respondents=60), "nps", period="Q")
    assert set(trends["period"]) == {"2026-Q1"}


def test_a_period_counts_repeated_answers_as_the_whole_table_does():
    """Waves: p1 answers 9 twice in January; p2 answers 2 in January, then 6 in February.
    Every answer is a unit in the table, so p1's two equal answers are two units in January
    too (alone, January's rows agree: p1 was one unit there)."""
    table = pd.DataFrame(
        {
            "response_id": ["a", "b", "c", "d"],
            "respondent_id": ["p1", "p1", "p2", "p2"],
            "created_at": pd.to_datetime(
                ["2026-01-05", "2026-01-25", "2026-01-10", "2026-02-10"], utc=True
            ),
            "nps": pd.array([9, 9, 2, 6], dtype="Int64"),
            "themes": pd.array(["price"] * 4, dtype="string"),
        }
    )
    trends = theme_trends(table, "nps", min_n=1)
    assert trends["period_units"].tolist() == [3, 1]
    assert trends["unit_of_analysis"].tolist() == ["4 responses"] * 2


def test_a_period_counts_a_declared_outcomes_units_as_the_whole_table_does():
    """Review 51: p1's tickets were resolved and not, so every ticket counts in the table;
    p2's two resolved January tickets were one unit in January (2 of 3), now two (3 of 4)."""
    table = pd.DataFrame(
        {
            "response_id": ["a", "b", "c", "d", "e"],
            "respondent_id": ["p1", "p2", "p2", "p3", "p1"],
            "created_at": pd.to_datetime(
                ["2026-01-05", "2026-01-08", "2026-01-20", "2026-01-22", "2026-02-03"], utc=True
            ),
            "resolved": [1, 1, 1, 0, 0],
            "themes": pd.array(["price"] * 5, dtype="string"),
        }
    )
    spec = OutcomeSpec("resolved", "binary")
    january = theme_trends(table, spec, min_n=1).set_index("period").loc["2026-01"]
    assert january["metric_with"] == pytest.approx(75.0)
