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


def test_learn_space_writes_a_theme_space_and_names_a_missing_column(tmp_path, corpus):
    import pandas as pd

    coded = tmp_path / "coded.csv"
    pd.DataFrame({"text": corpus.texts, "codes": corpus.themes}).to_csv(coded, index=False)
    command = ["topics", "learn-space", str(coded), "--out", str(tmp_path / "space")]
    result = CliRunner().invoke(app, [*command, "--labels", "codes", "--steps", "20"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "space" / "theme_space.safetensors").exists()
    assert f"learnt from {len(corpus.texts)} coded comments" in result.output
    result = CliRunner().invoke(app, [*command, "--labels", "topic"])
    assert result.exit_code == 1
    assert "no column 'topic'" in result.output
