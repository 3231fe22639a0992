"""`feedback-nlp validate` and `feedback-nlp read` through typer's CliRunner."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from feedback_nlp.cli import app
from tests.io.conftest import FIXTURES

runner = CliRunner()


def test_validate_prints_what_was_recognised():
    result = runner.invoke(app, ["validate", str(FIXTURES / "qualtrics.csv")])
    assert result.exit_code == 0, result.output
    assert "platform: qualtrics, format: csv, encoding: utf-8-sig" in result.output
    assert "nps             <- Q1" in result.output
    assert "score csat <- Q2: 4 value(s), range 2-5" in result.output
    assert "rows: 4 read, 4 kept, 0 rejected" in result.output


def test_validate_lists_reject_reasons_and_lines():
    result = runner.invoke(app, ["validate", str(FIXTURES / "bad_scores.csv")])
    assert result.exit_code == 0
    assert "2 x nps is outside 0-10" in result.output
    assert "bad_scores.csv:5: nps is not a whole number: '7.5'" in result.output


def test_validate_exits_1_with_the_read_error():
    result = runner.invoke(app, ["validate", str(FIXTURES / "bad_truncated.json")])
    assert result.exit_code == 1
    assert "error: " in result.output
    assert "bad_truncated.json, line 1: invalid or truncated JSON" in result.output


def test_validate_names_a_customer_table_as_analyze_reads_it(tmp_path):
    customers = tmp_path / "accounts.csv"
    customers.write_text("customer_id,left_us\nc1,yes\nc2,no\nc2,no\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(customers), "--outcome", "left_us:binary"])
    assert result.exit_code == 0, result.output
    assert "accounts.csv: customer table" in result.output
    assert "2 customers kept, 1 rejected; declared outcomes found: left_us" in result.output
    assert "pass it to `analyze` or `fit` beside the feedback files" in result.output
    bare = runner.invoke(app, ["validate", str(customers)])
    assert bare.exit_code == 0 and "e.g. --outcome churned:binary" in bare.output


def test_validate_still_refuses_a_table_with_no_text_and_no_customer_id(tmp_path):
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("width,height\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(numbers)])
    assert result.exit_code == 1 and "no text column found" in result.output


def test_validate_with_mapping_option(tmp_path):
    data = tmp_path / "f.csv"
    data.write_text("ref,Opinion\n1,bien\n", encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\ntext = "Opinion"\nresponse_id = "ref"\n')
    result = runner.invoke(app, ["validate", str(data), "--mapping", str(mapping)])
    assert result.exit_code == 0, result.output
    assert "text            <- Opinion" in result.output
    assert f"mapping: {mapping}" in result.output


def test_read_writes_table_and_rejects(tmp_path):
    out, rejects = tmp_path / "out.parquet", tmp_path / "rejects.csv"
    result = runner.invoke(
        app,
        [
            "read",
            str(FIXTURES / "bad_scores.csv"),
            str(FIXTURES / "chat.json"),
            "--out",
            str(out),
            "--rejects",
            str(rejects),
            "--bad-scores",
            "reject-row",
        ],
    )
    assert result.exit_code == 0, result.output
    table = pd.read_parquet(out)
    assert table["response_id"].tolist() == ["7", "c-0001-0", "c-0001-1", "c-0002-0"]
    assert len(pd.read_csv(rejects)) == 6
    assert "wrote 4 row(s)" in result.output


def test_read_refuses_rejects_it_would_not_write_as_named(tmp_path):
    args = ["read", str(FIXTURES / "bad_scores.csv"), "--out", str(tmp_path / "out.parquet")]
    result = runner.invoke(app, [*args, "--rejects", str(tmp_path / "rejects.xlsx")])
    assert result.exit_code == 1 and "--rejects must end in .csv, not '.xlsx'" in result.output
    assert not (tmp_path / "rejects.xlsx").exists()


def test_read_keeps_comments_with_bad_scores_by_default(tmp_path):
    out, rejects = tmp_path / "out.csv", tmp_path / "rejects.csv"
    args = ["read", str(FIXTURES / "bad_scores.csv"), "--out", str(out), "--rejects", str(rejects)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    table, problems = pd.read_csv(out), pd.read_csv(rejects)
    assert len(table) == 7
    assert table["nps"].isna().sum() == 4
    assert len(problems) == 6 and problems["row_kept"].all()
    assert "rows kept with a score, date, outcome or journey stage emptied" in result.output


def test_read_refuses_an_unknown_bad_scores_policy(tmp_path):
    args = ["read", str(FIXTURES / "bad_scores.csv"), "--out", str(tmp_path / "o.csv")]
    result = runner.invoke(app, [*args, "--bad-scores", "drop"])
    assert result.exit_code == 1
    assert "bad_scores must be one of ['keep-text', 'reject-row']" in result.output


def test_read_to_csv(tmp_path):
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["read", str(FIXTURES / "plain.tsv"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(out)["response_id"].tolist() == ["t1", "t2"]


def test_read_refuses_unknown_output_type(tmp_path):
    result = runner.invoke(
        app, ["read", str(FIXTURES / "plain.tsv"), "--out", str(tmp_path / "o.xlsx")]
    )
    assert result.exit_code == 1
    assert "--out must end in .parquet or .csv, not '.xlsx'" in result.output


def test_analyze_and_validate_take_bad_scores():
    for command in ("analyze", "validate", "read"):
        result = runner.invoke(app, [command, "--help"])
        assert "--bad-scores" in result.output


def test_read_help_keeps_the_mapping_table_names():
    result = runner.invoke(app, ["read", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "TOML with [columns] (schema name = file column) and [constants]." in result.output


def test_validate_agent_turns_drop_sets_a_speaker_columns_agent_turns_apart(tmp_path):
    """Before stop 51 a per-turn CSV's agent turns were read as feedback, drop or not."""
    turns = tmp_path / "turns.csv"
    turns.write_text(
        "conversation_id,speaker,text\nK1,Agent,Welcome to the help line\n"
        "K1,Customer,The card reader keeps declining\nK1,Rep,Let me reset it\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(turns), "--agent-turns", "drop"])
    assert result.exit_code == 0, result.output
    assert "rows: 3 read, 1 kept, 2 rejected" in result.output
    assert "2 x an agent turn, not customer feedback" in result.output
    assert "speaker column 'speaker': 2 agent turn(s)" in result.output
    out = tmp_path / "turns.parquet"
    written = runner.invoke(app, ["read", str(turns), "--out", str(out)])
    assert written.exit_code == 0, written.output
    assert pd.read_parquet(out)["context"].tolist() == ["Welcome to the help line"]
