from __future__ import annotations

from typer.testing import CliRunner

from feedback_nlp.cli import app
from feedback_nlp.topics.persistence import load_model, save_model


def test_edit_merges_and_renames_in_the_saved_model(tmp_path, fitted):
    save_model(fitted, tmp_path / "03-topics")
    first, second = (str(int(t)) for t in fitted.topic_ids_[:2])
    result = CliRunner().invoke(
        app,
        [
            "topics",
            "edit",
            str(tmp_path),
            "--merge",
            first,
            "--merge",
            second,
            "--rename",
            first,
            "Late delivery",
        ],
    )
    assert result.exit_code == 0, result.output
    model = load_model(tmp_path / "03-topics")
    assert model.themes_[int(first)].label == "Late delivery"
    assert int(second) not in model.themes_
    shown = CliRunner().invoke(app, ["topics", "show", str(tmp_path)])
    assert "Late delivery" in shown.output
