"""`feedback-nlp analyze` / `fit` options that change the stages."""

from pathlib import Path

from typer.testing import CliRunner

from feedback_nlp.cli import app
from feedback_nlp.cli.analyze import _stages


def test_default_stages_are_left_to_the_pipeline():
    assert _stages(None) is None


def test_windowed_reads_long_comments_whole_and_keeps_the_theme_space(tmp_path: Path):
    stages = {stage.name: stage for stage in _stages(tmp_path, windowed=True)}
    assert stages["embed"].windowed is True
    assert stages["topics"].theme_space == str(tmp_path)
    assert {stage.name: stage for stage in _stages(None, windowed=True)}["embed"].windowed
    assert not {s.name: s for s in _stages(tmp_path)}["embed"].windowed


def test_analyze_and_fit_offer_the_option():
    for command in ("analyze", "fit"):
        result = CliRunner().invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "--windowed" in result.output
