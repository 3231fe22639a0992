import json

import pandas as pd
from typer.testing import CliRunner

from feedback_nlp.cli import app
from tests.insights.conftest import synthetic_table

runner = CliRunner()


def test_explain_writes_tidy_tables(tmp_path):
    path = tmp_path / "tagged.csv"
    synthetic_table(n_respondents=200).to_csv(path, index=False)
    result = runner.invoke(
        app, ["explain", str(path), "--out", str(tmp_path / "out"), "--bootstrap", "5"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert "theme_impact_nps" in summary["tables"]
    impact = pd.read_csv(tmp_path / "out" / "theme_impact_nps.csv")
    assert set(impact.loc[impact["rank"] <= 2, "theme"]) == {"late_delivery", "app_crash"}
    assert "note: segments: segment 'journey_stage' skipped" in result.output


def test_explain_segments_by_a_carried_column(tmp_path):
    path = tmp_path / "tagged.csv"
    table = synthetic_table(n_respondents=60)
    table.assign(
        region=["north", "south"] * (len(table) // 2) + ["north"] * (len(table) % 2)
    ).to_csv(path, index=False)
    out = tmp_path / "out"
    args = ["explain", str(path), "--out", str(out), "--bootstrap", "5", "--segment", "region"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    segments = pd.read_csv(out / "segments.csv")
    assert set(segments.loc[segments["dimension"] == "region", "segment"]) == {"north", "south"}


def test_explain_joins_a_separate_scores_file(tmp_path):
    table = synthetic_table(n_respondents=100)
    table.drop(columns="nps").to_parquet(tmp_path / "tagged.parquet")
    scores = table[["respondent_id", "nps"]].drop_duplicates()
    extra = pd.DataFrame({"respondent_id": ["ghost"], "nps": [3]})
    pd.concat([scores, extra]).to_csv(tmp_path / "scores.csv", index=False)
    result = runner.invoke(
        app,
        [
            "explain",
            str(tmp_path / "tagged.parquet"),
            "--out",
            str(tmp_path / "out"),
            "--scores",
            str(tmp_path / "scores.csv"),
            "--bootstrap",
            "5",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = len(table)
    report = f"{rows} of {rows} comment rows matched a score row; 1 score row(s) matched no comment"
    assert f"note: {report}" in result.output
    metrics = pd.read_csv(tmp_path / "out" / "score_metrics.csv").set_index("metric")
    assert metrics.loc["nps", "n"] == 100


def test_explain_without_scores_weighs_themes_by_negative_comments(tmp_path):
    path = tmp_path / "tagged.parquet"
    synthetic_table(n_respondents=100).drop(columns="nps").to_parquet(path)
    result = runner.invoke(app, ["explain", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "note: no scores at all: themes are weighed by negative_sentiment" in result.output
    assert (tmp_path / "out" / "theme_impact_negative_sentiment.csv").exists()


def test_explain_without_scores_or_sentiment_runs_text_only(tmp_path):
    path = tmp_path / "tagged.parquet"
    synthetic_table(n_respondents=100).drop(columns=["nps", "sentiment"]).to_parquet(path)
    result = runner.invoke(app, ["explain", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "note: no scores at all: only the text-only analyses ran" in result.output


def test_explain_bad_input_names_the_file(tmp_path):
    path = tmp_path / "tagged.txt"
    path.write_text("x")
    result = runner.invoke(app, ["explain", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert (
        f"error: {path}: unsupported table format '.txt' (fix: use .parquet, .csv or .xlsx)"
        in result.output
    )
    csv = tmp_path / "bad.csv"
    csv.write_text("response_id,nps\na,7\nb,seven\n")
    result = runner.invoke(app, ["explain", str(csv), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0  # stop 50: the bad cell is left out, its row and column kept
    assert f"warning: {csv}:" in result.output and "line 3" in result.output
    assert "'seven'" in result.output


def test_explain_writes_quotes_formula_safe(tmp_path):
    from feedback_nlp.report.export import FORMULA_TRIGGERS

    table = synthetic_table(n_respondents=100)
    table["text_clean"] = '=HYPERLINK("http://x","y") ' + table["text_clean"].astype(str)
    table.to_parquet(tmp_path / "tagged.parquet")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["explain", str(tmp_path / "tagged.parquet"), "--out", str(out), "--bootstrap", "3"]
    )
    assert result.exit_code == 0, result.output
    quotes = pd.read_csv(out / "quotes.csv", dtype=str)
    assert len(quotes) and quotes["text_clean"].str.contains("HYPERLINK").all()
    assert not quotes["text_clean"].str[0].isin(list(FORMULA_TRIGGERS)).any()


def test_explain_reads_an_output_folder_with_its_theme_names_and_mentions(tmp_path):
    from tests.report.conftest import tagged_table, theme_table

    table = tagged_table(n_respondents=120)
    folder = tmp_path / "results"
    (folder / "tables").mkdir(parents=True)
    table.to_parquet(folder / "tagged.parquet")
    theme_table().to_csv(folder / "tables" / "topics.csv", index=False)
    mentions = pd.DataFrame(
        {
            "response_id": table["response_id"],
            "theme": table["themes"].astype(int),
            "similarity": 0.5,
            "unit_text": "the part about it",
            "sentiment": table["sentiment"],
        }
    )
    mentions.to_csv(folder / "tables" / "theme_mentions.csv", index=False)
    out = tmp_path / "out"
    result = runner.invoke(app, ["explain", str(folder), "--out", str(out), "--bootstrap", "3"])
    assert result.exit_code == 0, result.output
    quotes = pd.read_csv(out / "quotes.csv", dtype=str)
    assert set(quotes["closeness_method"]) == {"similarity of the part raising the theme"}
    assert set(quotes["excerpt"]) == {"the part about it"}
    names = dict(zip(quotes["theme"], quotes["theme_label"], strict=False))
    assert names["0"] == "late delivery"


def test_explain_on_an_analysis_folder_explains_its_declared_outcomes(tmp_path):
    from dataclasses import asdict

    from feedback_nlp.outcomes import OUTCOMES_FILE
    from tests.insights.test_outcomes import CHURNED, with_outcomes

    folder = tmp_path / "results"
    folder.mkdir()
    with_outcomes().to_parquet(folder / "tagged.parquet")
    stored = [asdict(CHURNED.stored())]
    (folder / OUTCOMES_FILE).write_text(json.dumps(stored), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["explain", str(folder), "--out", str(out), "--bootstrap", "3"])
    assert result.exit_code == 0, result.output
    tables = json.loads((out / "summary.json").read_text())["tables"]
    assert {"theme_impact_nps", "theme_impact_churned"} <= set(tables)
    only_nps = tmp_path / "only_nps"
    args = ["explain", str(folder), "--out", str(only_nps), "--outcome", "nps", "--bootstrap", "3"]
    assert runner.invoke(app, args).exit_code == 0
    assert (
        "theme_impact_churned" not in json.loads((only_nps / "summary.json").read_text())["tables"]
    )


def test_explain_reads_tagged_xlsx_and_a_folder_s_segments(tmp_path):
    from feedback_nlp.report.export import export_table
    from feedback_nlp.segment_columns import write_segments

    table = synthetic_table(n_respondents=60)
    table["region"] = ["north", "south"] * (len(table) // 2) + ["north"] * (len(table) % 2)
    export_table(table, tmp_path / "tagged.xlsx")
    out = tmp_path / "from_xlsx"
    args = ["explain", str(tmp_path / "tagged.xlsx"), "--out", str(out), "--bootstrap", "3"]
    assert runner.invoke(app, [*args, "--segment", "region"]).exit_code == 0
    segments = pd.read_csv(out / "segments.csv")
    assert set(segments.loc[segments["dimension"] == "region", "segment"]) == {"north", "south"}
    folder = tmp_path / "results"
    folder.mkdir()
    table.to_parquet(folder / "tagged.parquet")
    write_segments(folder, ["region"])  # as `analyze --segment region` leaves it
    out = tmp_path / "from_folder"
    args = ["explain", str(folder), "--out", str(out), "--bootstrap", "3"]
    assert runner.invoke(app, args).exit_code == 0
    segments = pd.read_csv(out / "segments.csv")
    assert set(segments.loc[segments["dimension"] == "region", "segment"]) == {"north", "south"}


def test_customer_ids_that_are_e_mails_join_a_raw_scores_file_to_the_export(tmp_path):
    from feedback_nlp.report.export import export_table

    table = synthetic_table(n_respondents=40).drop(columns="nps")
    table["respondent_id"] = table["respondent_id"].map(lambda r: f"{r}@example.com")
    export_table(table, tmp_path / "tagged.parquet")  # pseudonymised ids, as analyze writes
    exported = pd.read_parquet(tmp_path / "tagged.parquet")["respondent_id"]
    assert exported.str.startswith("pii-").all() and exported.nunique() == 40
    scores = table[["respondent_id"]].drop_duplicates().assign(nps=7)
    scores["respondent_id"] = " " + scores["respondent_id"]  # as a spreadsheet may pad it
    scores.to_csv(tmp_path / "scores.csv", index=False)
    args = ["explain", str(tmp_path / "tagged.parquet"), "--out", str(tmp_path / "out")]
    result = runner.invoke(app, [*args, "--scores", str(tmp_path / "scores.csv")])
    assert result.exit_code == 0, result.output
    assert f"note: {len(table)} of {len(table)} comment rows matched a score row" in result.output
    assert "example.com" not in (tmp_path / "out" / "score_metrics.csv").read_text()


def test_explain_can_leave_the_text_signals_out_of_the_drivers(tmp_path):
    """A probe's planted theme kept its true odds ratio in its range in 77 % of draws with the
    comment's sentiment and emotion held fixed, 96 % without: `--no-text-signals` leaves
    them out of every driver model."""
    path = tmp_path / "tagged.csv"
    synthetic_table(n_respondents=200).to_csv(path, index=False)
    args = ["explain", str(path), "--bootstrap", "5"]
    plain = runner.invoke(app, [*args, "--out", str(tmp_path / "with")])
    without = runner.invoke(app, [*args, "--out", str(tmp_path / "without"), "--no-text-signals"])
    assert plain.exit_code == 0 and without.exit_code == 0, without.output
    with_signals = pd.read_csv(tmp_path / "with" / "drivers_nps.csv")["driver"]
    drivers = pd.read_csv(tmp_path / "without" / "drivers_nps.csv")["driver"]
    assert with_signals.str.contains("negative:|emotion:").any()
    assert not drivers.str.contains("negative:|emotion:").any()
    assert "text signals left out" in without.output


def test_explain_by_quarter(tmp_path):
    """`--period Q` was refused ("--period must be M or W")."""
    path = tmp_path / "tagged.csv"
    synthetic_table(n_respondents=60).to_csv(path, index=False)
    out = tmp_path / "out"
    args = ["explain", str(path), "--out", str(out), "--bootstrap", "5", "--period", "Q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    trends = pd.read_csv(out / "theme_trends.csv")
    assert set(trends["period"]) == {"2026-Q1"}
    refused = runner.invoke(app, [*args[:-1], "Y"])
    assert refused.exit_code == 1 and "--period must be M, W or Q, not 'Y'" in refused.output


def test_explain_says_when_a_column_unit_keeps_each_units_latest_answer(tmp_path):
    """`--unit account_id` dropped the earlier answers of 26 of 30 accounts without a word."""
    table = synthetic_table(n_respondents=60)
    table["account_id"] = table["respondent_id"].str.slice(0, 2)  # p1, p2, …: ten accounts
    path = tmp_path / "tagged.csv"
    table.to_csv(path, index=False)
    args = ["explain", str(path), "--out", str(tmp_path / "out"), "--bootstrap", "5"]
    result = runner.invoke(app, [*args, "--unit", "account_id"])
    assert result.exit_code == 0, result.output
    assert "accounts have answers with different scores; each counts its latest" in result.output
