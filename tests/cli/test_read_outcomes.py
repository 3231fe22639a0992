"""`validate` and `read` with --outcome: outcome columns checked like scores."""

from __future__ import annotations

from typer.testing import CliRunner

from feedback_nlp.cli import app

runner = CliRunner()


def test_validate_reports_outcomes_and_rejects_a_bad_value_with_its_line(tmp_path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text("id,text,churned\n1,late,yes\n2,ok,no\n3,hmm,later\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--outcome", "churned:binary"])
    assert result.exit_code == 0, result.output
    assert "outcome churned (binary, bad = true): 2 value(s)" in result.output
    assert (
        "tickets.csv:4: churned is not yes/no, true/false, good/bad or 1/0: 'later'"
        in result.output
    )


def test_read_writes_parsed_outcomes(tmp_path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text("id,text,handle\n1,late,1:30:00\n2,ok,45\n", encoding="utf-8")
    out = tmp_path / "table.csv"
    result = runner.invoke(
        app, ["read", str(path), "--out", str(out), "--outcome", "handle:duration:unit=minutes"]
    )
    assert result.exit_code == 0, result.output
    assert "5400.0" in out.read_text() and "2700.0" in out.read_text()
