from pathlib import Path

import pandas as pd
import pytest

from feedback_nlp.insights import explain, theme_impact
from feedback_nlp.insights.explain import with_negative_sentiment
from feedback_nlp.io import read_feedback
from tests.insights.conftest import BAD_THEMES

DEMO = Path(__file__).parents[2] / "feedback_nlp" / "data" / "demo"


def test_all_tables_from_a_full_table(tagged_table):
    result = explain(tagged_table, n_bootstrap=5)
    assert {
        "score_metrics",
        "segments",
        "theme_impact_nps",
        "pain_points_touchpoint",
        "theme_trends",
        "drivers_nps",
        "drivers_nps_fit",
        "quotes",
    } <= set(result.tables)
    notes = " ".join(result.notes)
    assert (
        "pain_points_journey_stage_nps skipped: pain_point_matrix needs the column(s) "
        "['journey_stage']" in notes
    )
    assert "pain_points_journey_stage skipped" not in notes  # the first outcome's, said once
    assert result.tables["pain_points_touchpoint"] is result.tables["pain_points_touchpoint_nps"]


def test_text_only_feedback_weighs_its_themes_by_negative_comments(tagged_table):
    result = explain(tagged_table.drop(columns="nps"), n_bootstrap=5)
    assert result.notes[1] == (
        "no scores at all: themes are weighed by negative_sentiment, the comments the "
        "sentiment model reads as negative"
    )
    impact = result.tables["theme_impact_negative_sentiment"]
    assert set(impact.loc[impact["rank"] <= 2, "theme"]) == set(BAD_THEMES)
    assert impact["effect_name"].eq("odds ratio").all()  # a declared binary outcome
    assert {"category_impact_negative_sentiment", "drivers_negative_sentiment"} - set(
        result.tables
    ) == {"category_impact_negative_sentiment"}  # the table has no categories
    assert "negative_sentiment" not in tagged_table.columns


def test_negative_sentiment_counts_each_comment_of_a_respondent():
    people = [f"p{i}" for i in range(40) for _ in range(2)]
    table = pd.DataFrame(
        {
            "response_id": [f"{p}#q{k}" for p, k in zip(people, [1, 2] * 40, strict=True)],
            "respondent_id": people,
            "text_clean": ["praise", "complaint"] * 40,
            "sentiment": ["positive", "negative"] * 40,  # the complaint is each one's last
            "themes": ["1", "2"] * 40,
        }
    )
    impact = explain(table, n_bootstrap=5).tables["theme_impact_negative_sentiment"]
    assert impact["unit_of_analysis"].eq("80 comments").all()
    assert impact.set_index("theme").loc["1", "metric_with"] == 0  # praise is not negative
    assert impact.set_index("theme").loc["2", "metric_with"] == 100


def test_negative_sentiment_is_missing_where_the_sentiment_is():
    table = pd.DataFrame({"sentiment": pd.array(["negative", "neutral", None, "positive"])})
    flags = with_negative_sentiment(table)["negative_sentiment"]
    assert flags.tolist()[:2] == ["1", "0"] and pd.isna(flags[2]) and flags[3] == "0"


def test_text_only_analysis_runs_without_scores_and_says_so(tagged_table):
    result = explain(tagged_table.drop(columns=["nps", "sentiment"]), n_bootstrap=5)
    assert result.notes[:2] == [
        "no score column(s) ['nps', 'csat', 'ces']: their metrics, impacts and drivers are skipped",
        "no scores at all: only the text-only analyses ran",
    ]
    assert result.tables["score_metrics"].empty
    assert set(result.tables["segments"]["metric"]) == {"comments"}  # no sentiment either
    assert "impact" not in result.tables["pain_points_touchpoint"].columns
    assert "share" in result.tables["theme_trends"].columns
    assert not any(name.startswith(("theme_impact", "drivers")) for name in result.tables)


def test_custom_outcomes_with_direction(tagged_table):
    table = tagged_table.assign(repurchased=tagged_table["nps"] >= 7)
    result = explain(
        table, outcomes=["repurchased"], higher_is_better={"repurchased": True}, n_bootstrap=5
    )
    impact = result.tables["theme_impact_repurchased"]
    assert set(impact.loc[impact["rank"] <= 2, "theme"]) == set(BAD_THEMES)


def test_no_theme_column_is_said(tagged_table):
    result = explain(tagged_table.drop(columns="themes"), n_bootstrap=5)
    assert "no 'themes' or 'topic' column: theme analyses skipped" in result.notes
    assert "score_metrics" in result.tables


# In scripts/make_demo_data.py late_delivery lowers scores most, then billing_refund, app_crash.
PLANTED_DETRACTOR_CAUSES = ["late_delivery", "billing_refund", "app_crash"]
DEMO_SURVEY = DEMO / "survey_qualtrics.csv"


@pytest.mark.skipif(not DEMO_SURVEY.exists(), reason="demo survey not written yet")
@pytest.mark.parametrize("theme_column", ["true_theme", "true_themes"])
def test_demo_detractor_causes_come_out_on_top(theme_column):
    """Until topic modelling lands, the demo's ground-truth themes are the theme column."""
    table = read_feedback(DEMO_SURVEY).table
    table[theme_column] = table[theme_column].astype("string").replace("none", pd.NA)
    impact = theme_impact(table, theme_column=theme_column)
    ranked = impact.dropna(subset=["rank"]).sort_values("rank")
    assert ranked["theme"].iloc[:3].tolist() == PLANTED_DETRACTOR_CAUSES
    assert (ranked["impact_ci_high"].iloc[:3] < 0).all()
    assert (ranked["lift"].iloc[:3] > 1).all()


@pytest.mark.parametrize(
    ("column", "cell"),
    [("touchpoint", pd.NA), ("themes", ""), ("emotion", "neutral")],
)
def test_a_list_column_empty_in_every_row_is_explained_not_a_crash(column, cell):
    n = 40
    text = pd.Series(["Delivery was late again."] * n, dtype="string")  # Arrow-backed, as staged
    table = pd.DataFrame(
        {
            "response_id": pd.Series([f"r{i}" for i in range(n)], dtype="string"),
            "text": text,
            "nps": pd.array([i % 11 for i in range(n)], dtype="Int64"),
            "themes": pd.Series(["0"] * n, dtype="string"),
            # not every unit negative/angry: a driver every unit has is left out (stop 50)
            "sentiment": pd.Series(["negative"] * 32 + ["neutral"] * 8, dtype="string"),
            "emotion": pd.Series(["anger"] * 32 + ["neutral"] * 8, dtype="string"),
            "touchpoint": pd.Series(["app", "website"] * (n // 2), dtype="string"),
        }
    )
    table[column] = pd.Series([cell] * n, dtype="string")
    result = explain(table, n_bootstrap=5)
    assert "score_metrics" in result.tables and "segments" in result.tables
    assert not [note for note in result.notes if "Error" in note]
    assert "drivers_nps" in result.tables
    skipped_touchpoints = "drivers_nps: no touchpoint in any row: touchpoint drivers skipped"
    assert (skipped_touchpoints in result.notes) == (column == "touchpoint")


def test_a_score_column_in_capitals_is_named_in_the_note():
    table = pd.DataFrame({"response_id": ["a", "b"], "text": ["late", "fine"], "NPS": [1, 9]})
    notes = explain(table).notes
    assert notes[0] == (
        "no score column(s) ['nps', 'csat', 'ces']: their metrics, impacts and drivers are "
        "skipped (the table has 'NPS': name it in lower case)"
    )


def test_a_score_column_off_its_scale_is_left_out_alone_not_with_every_score():
    n = 40
    table = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(n)],
            "text": ["late"] * n,
            "nps": [i % 11 for i in range(n)],
            "csat": [1 + i % 10 for i in range(n)],  # a 1-10 CSAT read against 1-5
        }
    )
    result = explain(table, outcomes=["nps", "csat"])
    metrics = set(result.tables["score_metrics"]["metric"])
    assert "nps" in metrics and not any(m.startswith("csat") for m in metrics)
    assert result.notes[0].startswith(
        "csat left out of every analysis: column 'csat' has 20 value(s) outside 1-5"
    )
    assert not [note for note in result.notes if note.startswith("score_metrics skipped")]


def test_explain_fits_the_drivers_without_text_signals_when_asked(tagged_table):
    result = explain(tagged_table, n_bootstrap=5, text_signals=False)
    drivers = result.tables["drivers_nps"]["driver"]
    assert drivers.str.startswith(("theme:", "touchpoint:")).all()
    assert any("text signals left out" in note for note in result.notes)
