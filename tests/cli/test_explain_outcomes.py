"""`feedback-nlp explain --outcome NAME:KIND`: declared outcomes from the table or a join."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from feedback_nlp.cli import app
from tests.insights.test_outcomes import with_outcomes

runner = CliRunner()


def _invoke(*args: str):
    return runner.invoke(app, ["explain", *args, "--bootstrap", "5"])


def test_declared_outcomes_give_impact_drivers_and_pain_points(tmp_path) -> None:
    path = tmp_path / "tagged.csv"
    with_outcomes().to_csv(path, index=False)
    out = tmp_path / "out"
    result = _invoke(
        str(path), "--out", str(out), "--outcome", "churned:binary", "--outcome",
        "resolution_time:duration",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for name in ("churned", "resolution_time"):
        for table in ("theme_impact", "drivers", "pain_points_touchpoint"):
            assert (out / f"{table}_{name}.csv").exists()
    assert "note: outcome churned (binary, bad = true)" in result.output
    hours = pd.read_csv(out / "theme_impact_resolution_time.csv")
    assert (hours["display_unit"] == "hours").all()


def test_a_bad_outcome_value_is_an_error_with_file_and_line(tmp_path) -> None:
    path = tmp_path / "tagged.csv"
    table = with_outcomes()
    table.loc[9, "churned"] = "soon"
    table.to_csv(path, index=False)
    result = _invoke(str(path), "--out", str(tmp_path / "out"), "--outcome", "churned:binary")
    assert result.exit_code == 1
    assert (
        f"{path}, line 11: churned is not yes/no, true/false, good/bad or 1/0: 'soon'"
        in result.output
    )


def _explain_with_customers(tmp_path, customers: pd.DataFrame):
    """`explain` of the tagged table without its churn, the churn from `customers`."""
    with_outcomes().drop(columns="churned").to_parquet(tmp_path / "tagged.parquet")
    customers.to_csv(tmp_path / "customers.csv", index=False)
    return _invoke(
        str(tmp_path / "tagged.parquet"), "--out", str(tmp_path / "out"), "--scores",
        str(tmp_path / "customers.csv"), "--outcome", "churned:binary",
    )  # fmt: skip


def _as_exported(customers: pd.DataFrame) -> pd.DataFrame:
    """Keyed by customer_id padded with spaces, churn written 1.0/0.0 as pandas writes it."""
    yes = customers["churned"].astype(str).str.lower().isin(["yes", "true", "1"])
    return pd.DataFrame(
        {"customer_id": " " + customers["respondent_id"].astype(str) + " ", "churned": yes * 1.0}
    )


@pytest.mark.parametrize("written", [lambda c: c, _as_exported], ids=["as_read", "as_exported"])
def test_customer_outcomes_joined_from_a_file_count_each_customer_once(tmp_path, written) -> None:
    customers = with_outcomes()[["respondent_id", "churned"]].drop_duplicates()
    result = _explain_with_customers(tmp_path, written(customers))
    assert result.exit_code == 0, result.output
    impact = pd.read_csv(tmp_path / "out" / "theme_impact_churned.csv")
    assert (impact["unit_of_analysis"] == "600 customers").all()


def test_an_outcome_no_commenting_customer_has_skips_its_drivers(tmp_path) -> None:
    others = pd.DataFrame({"customer_id": ["x1", "x2"], "churned": ["yes", "no"]})
    result = _explain_with_customers(tmp_path, others)
    assert result.exit_code == 0, result.output
    assert "note: drivers_churned skipped: no unit has a churned value" in result.output
