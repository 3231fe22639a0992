"""Tests of the language evaluation helpers and the detect-language command."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from feedback_nlp.cli.app import app
from feedback_nlp.cli.language import load_lingua_texts, no_signal_texts, score_backend
from feedback_nlp.errors import ReadError


def test_score_backend_counts_accuracy_confusions_and_und():
    rows = [
        {"text": "a", "lang": "ro", "length": "single-words", "line": 0},
        {"text": "b", "lang": "ro", "length": "single-words", "line": 1},
        {"text": "c", "lang": "ru", "length": "sentences", "line": 0},
        {"text": "d", "lang": "ru", "length": "sentences", "line": 1},
    ]
    result = score_backend(rows, ["ro", "it", "ru", "und"])
    assert result["accuracy"]["single-words"] == 50.0
    assert result["accuracy_odd_lines"]["sentences"] == 0.0
    assert result["accuracy_even_lines"]["sentences"] == 100.0
    assert result["confusions_in_groups"]["ro/it/es/pt"] == 1
    assert result["top_confusions"] == {"ro->it": 1, "ru->und": 1}
    assert result["und_share"] == 25.0


def test_no_signal_texts_are_seeded_and_varied():
    texts = no_signal_texts(70, seed=3)
    assert texts == no_signal_texts(70, seed=3)
    assert any(t.startswith("https://") for t in texts)
    assert any(t.startswith("<") for t in texts)


def test_missing_data_names_the_file(tmp_path):
    with pytest.raises(ReadError, match=r"single-words/en\.txt: missing lingua test file"):
        load_lingua_texts(tmp_path)


def test_detect_language_command_prints_tab_separated_results():
    result = CliRunner().invoke(
        app, ["detect-language", "--backend", "py3langid", "Merci beaucoup pour tout", "👍"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("fr\t") and lines[1].startswith("und\t0.000")
