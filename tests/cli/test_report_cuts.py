"""`feedback-nlp report --segment / --period / --min-group-size`: a cut table's report keeps its
segments, a quarterly review gets quarters, and a small group stays hidden."""

from typer.testing import CliRunner

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.cli import app
from feedback_nlp.pipeline import Analysis, write_outputs
from feedback_nlp.schema import empty_rejects
from feedback_nlp.segment_columns import read_min_group_size
from tests.report.test_build_cuts import SMALL_STORE, stores_table


def _row(markdown: str) -> str:
    return next(line for line in markdown.splitlines() if line.startswith(f"| {SMALL_STORE}"))


def test_a_cut_table_is_reported_by_store_and_quarter(tmp_path):
    tagged = tmp_path / "midlands.parquet"
    stores_table().to_parquet(tagged)
    out = tmp_path / "r"
    args = ["report", str(tagged), "-o", str(out), "-q", "--segment", "store_name"]
    result = CliRunner().invoke(app, [*args, "--period", "Q"])
    assert result.exit_code == 0, result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "By store_name" in html and "NPS per quarter" in html and "NPS per month" not in html


def test_an_unknown_segment_or_period_is_an_error_naming_what_there_is(tmp_path):
    tagged = tmp_path / "t.parquet"
    stores_table().to_parquet(tagged)
    base = ["report", str(tagged), "-o", str(tmp_path / "r"), "-q"]
    result = CliRunner().invoke(app, [*base, "--segment", "region"])
    assert result.exit_code != 0 and "store_name" in result.output and "region" in result.output
    result = CliRunner().invoke(app, [*base, "--period", "Y"])
    assert result.exit_code != 0 and "M, W or Q" in result.output


def test_a_folder_analysed_with_a_floor_keeps_it_unless_told_otherwise(tmp_path):
    analysis = Analysis(stores_table(), empty_rejects(), Analyzer([]), segments=["store_name"])
    write_outputs(analysis, tmp_path / "a", explain_options={"min_group_size": 5})
    assert "not shown" in _row((tmp_path / "a" / "report.md").read_text(encoding="utf-8"))
    # kept beside the segments, in the folder and in its model (a tagging job copies it)
    assert read_min_group_size(tmp_path / "a") == read_min_group_size(tmp_path / "a" / "model") == 5
    runner = CliRunner()
    result = runner.invoke(app, ["report", str(tmp_path / "a"), "-o", str(tmp_path / "r"), "-q"])
    assert result.exit_code == 0, result.output
    assert "fewer than 5 respondents: not shown" in _row(
        (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    )
    off = ["report", str(tmp_path / "a"), "-o", str(tmp_path / "r0"), "-q", "--min-group-size", "0"]
    assert runner.invoke(app, off).exit_code == 0
    assert "not shown" not in _row((tmp_path / "r0" / "report.md").read_text(encoding="utf-8"))
