"""Effort read from text against CES: means by level, rank correlation, unit counting."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from feedback_nlp.errors import SchemaError
from feedback_nlp.insights import explain
from feedback_nlp.insights.effort import effort_ces, spearman_interval, unit_effort_ces


def frame() -> pd.DataFrame:
    """Ten respondents; r1 wrote two comments (its highest effort counts, its CES once)."""
    efforts = ["none", "none", "low", "none", "high", "high", "low", "none", "high", "none", "low"]
    scores = [0.0, 0.0, 0.35, 0.0, 0.7, 1.0, 0.35, 0.0, 0.6, 0.0, 0.35]
    ces = [6, 6, 4, 7, 2, 1, 5, 5, 3, 6, 3]
    people = ["r1", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10"]
    return pd.DataFrame(
        {
            "response_id": [f"c{i}" for i in range(len(people))],
            "respondent_id": people,
            "text_clean": ["late parcel"] * len(people),
            "ces": pd.array(ces, dtype="Int64"),
            "effort": pd.array(efforts, dtype="string"),
            "effort_score": scores,
        }
    ).assign(effort=lambda f: f["effort"].where(f["response_id"] != "c1", "low"))


def test_units_count_once_with_their_highest_effort():
    units = unit_effort_ces(frame())
    assert len(units) == 10
    assert units.loc["respondent:r1", "effort"] == "low"
    assert units.loc["respondent:r1", "ces"] == 6


def test_means_intervals_and_spearman_match_scipy():
    units = unit_effort_ces(frame())
    result = effort_ces(frame()).set_index("effort")
    for level in ("none", "low", "high"):
        values = units.loc[units["effort"] == level, "ces"].to_numpy(dtype=float)
        row = result.loc[level]
        low, high = stats.t.interval(
            0.95, len(values) - 1, loc=values.mean(), scale=stats.sem(values)
        )
        assert row["n"] == len(values)
        assert row["value"] == pytest.approx(values.mean())
        assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
    expected = stats.spearmanr(units["effort_score"], units["ces"])
    rho = result.loc["all"]
    assert rho["measure"] == "spearman_rho" and rho["n"] == 10
    assert rho["value"] == pytest.approx(expected.statistic)
    assert rho["p_value"] == pytest.approx(expected.pvalue)
    assert rho["value"] < -0.8  # more effort in the text, lower CES (7 = easy)
    assert rho["ci_low"] < rho["value"] < rho["ci_high"] <= 1


def test_spearman_interval_is_fisher_z():
    low, high = spearman_interval(0.5, 103)
    half = 1.959963984540054 * np.sqrt(1.06 / 100)
    assert (low, high) == pytest.approx(
        (np.tanh(np.arctanh(0.5) - half), np.tanh(np.arctanh(0.5) + half))
    )
    assert np.isnan(spearman_interval(0.5, 3)[0])


def test_constant_inputs_give_no_correlation_and_missing_ces_is_skipped():
    table = frame().assign(effort_score=0.0, effort="none")
    result = effort_ces(table).set_index("effort")
    assert np.isnan(result.loc["all", "value"]) and np.isnan(result.loc["all", "p_value"])
    assert result.loc["low", "n"] == 0 and np.isnan(result.loc["low", "value"])
    sparse = frame().assign(ces=pd.array([pd.NA] * 11, dtype="Int64"))
    assert effort_ces(sparse)["n"].sum() == 0


def test_needs_ces_and_effort_columns_and_checks_the_scale():
    with pytest.raises(SchemaError, match="effort_ces needs the column"):
        effort_ces(frame().drop(columns="ces"))
    with pytest.raises(SchemaError, match="outside 1-7"):
        effort_ces(frame().assign(ces=pd.array([9] * 11, dtype="Int64")))


def test_explain_adds_the_table_only_where_ces_and_effort_exist():
    assert "effort_ces" in explain(frame(), n_bootstrap=5).tables
    assert "effort_ces" not in explain(frame().drop(columns="effort"), n_bootstrap=5).tables
    segments = explain(frame(), n_bootstrap=5).tables["segments"]
    assert set(segments.loc[segments["dimension"] == "effort", "segment"]) == {
        "none",
        "low",
        "high",
    }
