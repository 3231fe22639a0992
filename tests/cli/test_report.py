"""`feedback-nlp report`: a folder or a tagged file in, three report files and a summary out."""

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
    assert result.exit_code == 1
    assert "no such file" in result.output
