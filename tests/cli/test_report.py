"""`feedback-nlp report`: a folder or a tagged file in, three report files and a summary out."""

import pandas as pd
from typer.testing import CliRunner

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.cli import app
from feedback_nlp.pipeline import Analysis, write_outputs
from feedback_nlp.schema import empty_rejects
from tests.report.conftest import tagged_table, theme_table


def test_report_command_writes_the_report_and_says_what_it_found(tmp_path):
    analysis = Analysis(tagged_table(), empty_rejects(), Analyzer([]), {"topics": theme_table()})
    write_outputs(analysis, tmp_path / "analysis")
    result = CliRunner().invoke(
        app, ["report", str(tmp_path / "analysis"), "--out", str(tmp_path / "r")]
    )
    assert result.exit_code == 0, result.output
    assert "NPS −19.2 (95 % range" in result.output
    assert "Costliest: 'late delivery' costs" in result.output
    for name in ("report.html", "report.md", "report.xlsx"):
        assert (tmp_path / "r" / name).exists() and name in result.output


def test_quiet_report_from_a_tagged_file_prints_nothing(tmp_path):
    tagged = tmp_path / "tagged.parquet"
    tagged_table().to_parquet(tagged)
    result = CliRunner().invoke(app, ["report", str(tagged), "-o", str(tmp_path / "r"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert (tmp_path / "r" / "report.html").exists()


def test_missing_input_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(
        app, ["report", str(tmp_path / "nope.parquet"), "-o", str(tmp_path)]
    )
    assert result.exit_code == 66
    assert "no such file" in result.output


def test_a_job_that_tagged_nothing_and_an_unwritable_folder_have_their_exit_codes(tmp_path):
    """An empty week is 66 (no input), not 1 (a bug): a scheduler tells them apart; a folder
    that cannot be written is 74, as for `tag` (it was a traceback)."""
    empty = tmp_path / "header_only.csv"
    empty.write_text("id,text,nps\n", encoding="utf-8")
    model = tmp_path / "model"
    Analyzer([]).save(model)
    tagged = CliRunner().invoke(app, ["tag", str(model), str(empty), "--out", str(tmp_path / "j")])
    assert tagged.exit_code == 0, tagged.output
    result = CliRunner().invoke(app, ["report", str(tmp_path / "j"), "-o", str(tmp_path / "r")])
    assert result.exit_code == 66 and "tagged no comments" in result.output
    table = tmp_path / "tagged.parquet"
    tagged_table().to_parquet(table)
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(table), "-o", str(blocked / "r"), "-q"])
    assert result.exit_code == 74, result.output


def test_an_analysis_folder_with_an_unreadable_rejects_file_is_bad_input(tmp_path):
    """65 with the file named, not a traceback and 1."""
    analysis = Analysis(tagged_table(), empty_rejects(), Analyzer([]), {"topics": theme_table()})
    write_outputs(analysis, tmp_path / "analysis")
    (tmp_path / "analysis" / "rejects.csv").write_bytes(
        b"file,line,reason,row_kept\n\xff\xfe,2,x,False\n"
    )
    result = CliRunner().invoke(
        app, ["report", str(tmp_path / "analysis"), "-o", str(tmp_path / "r"), "-q"]
    )
    assert result.exit_code == 65 and "rejects.csv" in result.output, result.output


def test_main_score_must_be_a_score(tmp_path):
    result = CliRunner().invoke(
        app, ["report", str(tmp_path), "--out", str(tmp_path / "r"), "--main-score", "churn"]
    )
    assert result.exit_code == 2 and "--main-score is one of nps, csat, ces" in result.output


def test_report_counts_each_response_with_unit_response(tmp_path):
    """An in-app micro-survey: one user answers on several screens with the same score.
    `--unit response` counts each answer, as `explain --unit response` does (probe 50)."""
    table = tagged_table().drop(columns="csat")
    table["respondent_id"] = ["u1"] * (len(table) - 5) + ["u2"] * 5
    table["nps"] = pd.array([2] * (len(table) - 5) + [10] * 5, dtype="Int64")
    path = tmp_path / "tagged.parquet"
    table.to_parquet(path)
    headline = {}
    for unit in ("auto", "response"):
        args = ["report", str(path), "-o", str(tmp_path / unit), "--unit", unit, "-q"]
        assert CliRunner().invoke(app, args).exit_code == 0
        markdown = (tmp_path / unit / "report.md").read_text(encoding="utf-8")
        headline[unit] = next(line for line in markdown.splitlines() if "**NPS" in line)
    assert "· 2 respondents ·" in headline["auto"]
    assert f"· {len(table)} responses ·" in headline["response"]


def _rated_table(tmp_path):
    """A review site's tagged table: a 1-10 review score, no NPS, CSAT or CES."""
    table = tagged_table().drop(columns=["nps", "csat"])
    table["rating"] = [float(1 + i % 10) for i in range(len(table))]
    path = tmp_path / "tagged.parquet"
    table.to_parquet(path)
    return path


def test_outcome_declares_a_review_score_for_a_report_on_a_tagged_table(tmp_path):
    """Before stop 50 `report` had no --outcome: a tagged table's rating was ignored and the
    report said it had text signals only (probe 50, per-hotel reports)."""
    path = _rated_table(tmp_path)
    for name, extra in (("plain", []), ("declared", ["--outcome", "rating:numeric"])):
        args = ["report", str(path), "-o", str(tmp_path / name), "-q", *extra]
        assert CliRunner().invoke(app, args).exit_code == 0
    plain = (tmp_path / "plain" / "report.md").read_text(encoding="utf-8")
    declared = (tmp_path / "declared" / "report.md").read_text(encoding="utf-8")
    assert "rating" not in plain.lower()
    assert "what drives the outcomes" in declared and "rating" in declared


def test_an_outcome_the_table_lacks_is_bad_input(tmp_path):
    path = _rated_table(tmp_path)
    args = ["report", str(path), "-o", str(tmp_path / "r"), "--outcome", "stars:numeric"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 65
    assert "declared outcome(s) ['stars'] are not among its columns" in result.output
