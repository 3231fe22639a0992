"""The closing lines of `analyze` and `demo` list every output of the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.cli.outputs import other_outputs
from feedback_nlp.cli.report import print_closing
from feedback_nlp.pipeline import Analysis, write_outputs
from feedback_nlp.schema import empty_rejects
from tests.report.conftest import tagged_table, theme_table


def test_other_outputs_are_those_present_and_not_listed(tmp_path: Path) -> None:
    (tmp_path / "tables").mkdir()
    (tmp_path / "read_summary.txt").write_text("read", encoding="utf-8")
    (tmp_path / "outcomes.json").write_text("[]", encoding="utf-8")
    found = other_outputs(tmp_path, {"rejects": tmp_path / "read_summary.txt"})
    assert sorted(path.name for path in found.values()) == ["outcomes.json", "tables"]
    outcomes = "the outcomes explained beside the scores (declared or found)"
    assert found[outcomes] == tmp_path / "outcomes.json"


def test_the_closing_lines_name_tables_and_the_read_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    analysis = Analysis(tagged_table(), empty_rejects(), Analyzer([]), {"topics": theme_table()})
    folder = tmp_path / "results"
    written = write_outputs(analysis, folder)
    print_closing(written, quiet=False, also=other_outputs(folder, written.paths))
    lines = capsys.readouterr().out.splitlines()
    listed = {line.split()[0]: line for line in lines if line.startswith(f"  {folder}")}
    assert "what was read from each file" in listed[str(folder / "read_summary.txt")]
    assert "the analysis's own tables" in listed[str(folder / "tables")]
    assert {path.name for path in folder.iterdir()} <= {Path(p).name for p in listed}
