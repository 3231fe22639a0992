"""The wheel carries every subpackage, the demo data and the shipped model files."""

import tomllib
from pathlib import Path

from feedback_nlp.backends.heads import DEFAULT_HEADS_DIR
from feedback_nlp.pipeline import demo_files

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "feedback_nlp").rglob("__init__.py")
    }
    assert found | {"feedback_nlp.models"} == listed


def test_shipped_models_and_demo_data_are_found():
    assert (DEFAULT_HEADS_DIR / "MODEL_CARD.md").exists()
    assert {p.suffix for p in demo_files()} == {".csv", ".json", ".jsonl"}


def test_readme_has_the_two_commands_and_ci_runs_the_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "<!-- main-command -->" in readme
    assert "<!-- test-command -->" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert "test-command" in ci
    assert "FEEDBACK_NLP_FUZZ=many python -m pytest -q -m fuzz" in ci  # the full hostile-input run
