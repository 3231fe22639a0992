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
            f"{first}=Late delivery",
        ],
    )
    assert result.exit_code == 0, result.output
    model = load_model(tmp_path / "03-topics")
    assert model.themes_[int(first)].label == "Late delivery"
    assert int(second) not in model.themes_
    shown = CliRunner().invoke(app, ["topics", "show", str(tmp_path)])
    assert "Late delivery" in shown.output


def test_every_repeated_edit_is_applied_and_a_bad_one_saves_nothing(tmp_path, fitted):
    save_model(fitted, tmp_path / "03-topics")
    a, b, c = (str(int(t)) for t in fitted.topic_ids_[:3])
    edit = ["topics", "edit", str(tmp_path)]
    options = ["--rename", f"{a}=Parcel late", "--rename", f"{b}=Charged twice"]
    options += ["--category", f"{a}=Logistics", "--category", f"{c}=Logistics"]
    options += ["--category", f"{b}=Billing"]
    result = CliRunner().invoke(app, [*edit, *options])
    assert result.exit_code == 0, result.output
    model = load_model(tmp_path / "03-topics")
    assert [model.themes_[int(t)].label for t in (a, b)] == ["Parcel late", "Charged twice"]
    assert [model.themes_[int(t)].category for t in (a, b, c)] == [
        "Logistics", "Billing", "Logistics"
    ]  # fmt: skip
    bad = CliRunner().invoke(app, [*edit, "--rename", f"{a}=Other name", "--rename", "Late"])
    assert bad.exit_code == 2  # a bad command line, as for tag
    assert "--rename 'Late': expected ID=TEXT" in bad.output
    assert load_model(tmp_path / "03-topics").themes_[int(a)].label == "Parcel late"
    unknown = CliRunner().invoke(app, [*edit, "--delete", "999"])
    assert unknown.exit_code == 1 and "there is no theme 999" in unknown.output


def test_a_failed_edit_says_no_edit_done_and_an_empty_one_is_refused(tmp_path, fitted):
    save_model(fitted, tmp_path / "03-topics")
    a = str(int(fitted.topic_ids_[0]))
    edit = ["topics", "edit", str(tmp_path)]
    failed = CliRunner().invoke(app, [*edit, "--rename", f"{a}=Good", "--delete", "999"])
    assert failed.exit_code == 1 and "renamed" not in failed.output  # nothing was saved
    empty = CliRunner().invoke(app, edit)
    assert empty.exit_code == 2 and "nothing to edit" in empty.output


def test_show_finds_the_model_of_an_analysis_folder_and_names_a_wrong_folder(tmp_path, fitted):
    save_model(fitted, tmp_path / "results" / "model" / "03-topics")
    (tmp_path / "results" / "model" / "config.toml").write_text("", encoding="utf-8")
    shown = CliRunner().invoke(app, ["topics", "show", str(tmp_path / "results")])
    assert shown.exit_code == 0 and fitted.themes_[int(fitted.topic_ids_[0])].label in shown.output
    missing = CliRunner().invoke(app, ["topics", "show", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1 and "nowhere: no such folder" in missing.output
    job = tmp_path / "job"
    job.mkdir()
    (job / "manifest.json").write_text("{}", encoding="utf-8")
    tagged = CliRunner().invoke(app, ["topics", "show", str(job)])
    assert tagged.exit_code == 1 and "a tagging job's folder, not a model" in tagged.output


def test_the_console_command_prints_an_error_the_toolkit_raises_in_one_line(monkeypatch, capsys):
    import sys

    import pytest

    from feedback_nlp.cli import main

    monkeypatch.setattr(sys, "argv", ["feedback-nlp", "detect-language", "--backend", "x", "hi"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("error: unknown language backend 'x'") and "Traceback" not in err


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
