"""Declared outcomes (churn, resolution time, contacts) through explain(): tables per kind."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.insights import explain, theme_impact
from feedback_nlp.insights.compare import compare_binary
from feedback_nlp.outcomes import OutcomeSpec, parse_outcome_option
from tests.insights.conftest import BAD_THEMES, synthetic_table

CHURNED = parse_outcome_option("churned:binary")
RESOLUTION = parse_outcome_option("resolution_time:duration")
CONTACTS = parse_outcome_option("contacts:count")


def with_outcomes(seed: int = 3) -> pd.DataFrame:
    """The synthetic table plus per-respondent churn (yes/no), HH:MM:SS times and contacts."""
    table = synthetic_table()
    rng = np.random.default_rng(seed)
    bad = table.groupby("respondent_id")["themes"].agg(lambda t: any(x in BAD_THEMES for x in t))
    churn = {r: rng.random() < (0.45 if b else 0.1) for r, b in bad.items()}
    hours = {r: rng.lognormal(np.log(30 if b else 4), 0.6) for r, b in bad.items()}
    contacts = {r: rng.poisson(2.5 if b else 1.0) for r, b in bad.items()}
    ids = table["respondent_id"]
    table["churned"] = ids.map(lambda r: "Yes" if churn[r] else "no").astype("string")
    table["resolution_time"] = ids.map(
        lambda r: f"{int(hours[r])}:{int(hours[r] * 60) % 60:02d}:00"
    ).astype("string")
    table["contacts"] = ids.map(contacts).astype("string")
    return table


@pytest.fixture(scope="module")
def explained() -> dict[str, pd.DataFrame]:
    outcomes = ["nps", CHURNED, RESOLUTION, CONTACTS]
    return explain(with_outcomes(), outcomes=outcomes, n_bootstrap=20).tables


def test_every_declared_outcome_gets_impact_drivers_and_pain_points(explained: dict) -> None:
    for name in ("churned", "resolution_time", "contacts"):
        assert f"theme_impact_{name}" in explained
        assert f"drivers_{name}" in explained and f"drivers_{name}_fit" in explained
        assert f"pain_points_touchpoint_{name}" in explained
        assert explained[f"theme_impact_{name}"]["unit_of_analysis"].iloc[0] == "600 respondents"


def test_binary_outcome_ranks_the_churn_themes_and_matches_the_direct_comparison(
    explained: dict,
) -> None:
    impact = explained["theme_impact_churned"]
    assert set(impact.loc[impact["rank"] <= 2, "theme"]) == set(BAD_THEMES)
    top = impact.iloc[0]
    assert top["effect_name"] == "odds ratio" and top["effect_ci_low"] > 1
    assert top["q_value"] < 0.05 and top["test"] == "chi-square"
    table = with_outcomes()
    per_unit = table.groupby("respondent_id").agg(
        churned=("churned", "last"), themes=("themes", list)
    )
    has = per_unit["themes"].map(lambda t: top["theme"] in t)
    values = (per_unit["churned"].str.lower() == "yes").astype(float)
    direct = compare_binary(values[has].to_numpy(), values[~has].to_numpy())
    assert top["value_with"] == pytest.approx(direct["value_with"])
    assert top["difference_ci_low"] == pytest.approx(direct["difference_ci_low"])
    assert top["p_value"] == pytest.approx(direct["p_value"])


def test_duration_is_reported_in_hours_with_medians_and_a_log_scale_test(explained: dict) -> None:
    impact = explained["theme_impact_resolution_time"]
    top = impact.iloc[0]
    assert top["theme"] in BAD_THEMES and top["display_unit"] == "hours"
    assert top["metric"] == "resolution_time_mean_hours"
    assert top["median_with"] > top["median_without"] and top["effect"] > 1
    assert top["test"].startswith("Welch t on log")
    assert 1 < top["metric_all"] < 100  # hours, not seconds


def test_count_outcome_reports_a_rate_ratio(explained: dict) -> None:
    top = explained["theme_impact_contacts"].iloc[0]
    assert top["effect_name"] == "rate ratio" and top["effect_ci_low"] > 1


def test_fcr_with_bad_false_ranks_by_the_unresolved_side() -> None:
    table = with_outcomes()
    table["resolved"] = table["churned"].map({"Yes": "false", "no": "true"}).astype("string")
    spec = parse_outcome_option("resolved:binary:bad=false")
    assert spec.higher_is_better
    impact = theme_impact(table, spec, theme_column="themes")
    assert set(impact.loc[impact["rank"] <= 2, "theme"]) == set(BAD_THEMES)
    assert impact.iloc[0]["difference"] < 0  # the bad themes lower the resolution rate


def test_a_bad_value_is_an_error_naming_the_line_never_coerced() -> None:
    table = with_outcomes()
    table.loc[5, "churned"] = "maybe"
    with pytest.raises(ConfigError, match=r"line 5: churned is not yes/no.*'maybe'.*1 bad"):
        explain(table, outcomes=[CHURNED])


def test_outcome_options_parse_kinds_and_settings() -> None:
    spec = parse_outcome_option("resolution_time:duration:start=opened_at:end=closed_at")
    assert spec.source_columns == ("opened_at", "closed_at") and not spec.higher_is_better
    assert parse_outcome_option("spend:numeric").higher_is_better
    assert OutcomeSpec("n", "count", bad="low").higher_is_better
    for bad in ("churned:ordinal", "x:binary:bad=maybe", "t:duration:unit=weeks", "a:count:oops"):
        with pytest.raises(ConfigError):
            parse_outcome_option(bad)


def test_other_is_left_out_of_category_tables_as_topic_minus_one_is_of_theme_tables() -> None:
    table = synthetic_table()
    table["categories"] = table["themes"].map(lambda t: "Other" if t == "packaging" else f"cat-{t}")
    table.loc[table["themes"] == "packaging", "themes"] = "-1"
    result = explain(table, outcomes=["nps"], n_bootstrap=5).tables
    assert "Other" not in set(result["category_impact_nps"]["theme"])
    assert "-1" not in set(result["theme_impact_nps"]["theme"])
    assert len(result["category_impact_nps"]) == len(result["theme_impact_nps"])
