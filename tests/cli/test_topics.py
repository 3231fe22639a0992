"""`feedback-nlp topics show`: a header line, and columns in the order its help gives."""

from __future__ import annotations

from types import SimpleNamespace

from typer.testing import CliRunner

from feedback_nlp.cli import app
from feedback_nlp.cli.topics import theme_table
from feedback_nlp.topics.config import Theme

THEMES = [
    Theme(topic=0, label="Parcel arrived late", category="Logistics", size=42, keywords=["late"]),
    Theme(topic=1, label="Refund never came", size=7, keywords=["refund", "money back"]),
]


def test_theme_table_has_a_header_and_the_help_order() -> None:
    header, first, first_keywords, second, _ = theme_table(THEMES)
    assert header.split() == ["id", "category", "size", "label"]
    assert first.split() == ["0", "Logistics", "42", "Parcel", "arrived", "late"]
    assert second.split() == ["1", "-", "7", "Refund", "never", "came"]
    assert first_keywords.split() == ["keywords:", "late"]
    assert first.index("42") == header.index("size") + len("size") - 2  # sizes under "size"


def test_show_prints_the_table_and_its_help_names_the_columns(tmp_path, monkeypatch) -> None:
    (tmp_path / "topics.json").write_text("{}", encoding="utf-8")
    saved = SimpleNamespace(theme_list=lambda: THEMES)
    monkeypatch.setattr("feedback_nlp.topics.persistence.load_model", lambda folder: saved)
    shown = CliRunner().invoke(app, ["topics", "show", str(tmp_path)])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines() == theme_table(THEMES)
    described = CliRunner().invoke(app, ["topics", "show", "--help"], env={"COLUMNS": "80"})
    assert "id, category, size (comments at fit), label" in " ".join(described.output.split())
