"""`--help` in plain words: no placeholder for a flag, PATH/TEXT/INTEGER otherwise, whole
paragraphs and every word of each help text shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from feedback_nlp.cli import app
from feedback_nlp.cli.plain_help import reflow, value_word


def _help(*command: str) -> str:
    """The `--help` of `command` as an 80-column terminal shows it."""
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.output


def _row(output: str, name: str) -> str:
    """The help table row that starts with option or argument `name`."""
    return next(line for line in output.splitlines() if re.search(rf"│\s*\*?\s*{name}\b", line))


def _commands(group: typer.core.TyperGroup, path: tuple[str, ...] = ()) -> list:
    """(command path, command) for every command of the application."""
    found = []
    for name, command in group.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            found += _commands(command, (*path, name))
        else:
            found.append(((*path, name), command))
    return found


def test_flags_show_no_placeholder_and_values_show_plain_words() -> None:
    output = _help("tag")
    assert "<" not in output.replace("<TAB>", "")  # no <bool>, <path>, <list[Path]>
    assert "list[" not in output
    for flag in ("--quiet", "--resume", "--help"):
        assert not re.search(r"\b(PATH|TEXT|INTEGER|bool)\b", _row(output, flag))
    assert "PATH" in _row(output, "--out")
    assert "PATH" in _row(output, "files")
    assert "INTEGER [x>=1]" in _row(output, "--chunk-rows")
    assert "TEXT" in _row(_help("fit"), "--outcome")  # repeatable: one value each time


def test_group_help_shows_no_placeholder_for_help() -> None:
    assert "<bool>" not in _help()
    assert "<bool>" not in _help("topics")


@pytest.mark.parametrize(
    ("annotation", "word"),
    [(Path, "PATH"), (list[Path], "PATH"), (str, "TEXT"), (list[str], "TEXT"), (int, "INTEGER")],
)
def test_value_word(annotation: object, word: str) -> None:
    assert value_word(annotation) == word


def test_reflow_joins_paragraph_lines_and_keeps_indented_examples() -> None:
    text = "First line\n    goes on.\n\n    More text\n    here.\n\n    E.g.:\n      cmd --a 1\n"
    assert reflow(text) == "First line goes on.\n\nMore text here.\n\nE.g.:\n  cmd --a 1"


def test_paragraphs_wrap_as_one_and_examples_keep_their_lines() -> None:
    listing = _help("evaluate")
    assert "where the gold has both" in " ".join(listing.split())
    assert not re.search(r"where the\s*│?\s*\n", listing)  # not cut after "where the"
    edit = _help("topics", "edit")
    assert re.search(r"^\s*feedback-nlp topics edit model/ --merge 3", edit, re.MULTILINE)


def test_every_word_of_every_help_text_is_shown() -> None:
    """Nothing is cut with an ellipsis at 80 columns, nor eaten as rich markup."""
    root = typer.main.get_command(app)
    for path, command in _commands(root):
        shown = set(_help(*path).replace("│", " ").split())
        texts = [command.help or "", *(param.help or "" for param in command.params)]
        words = {word for text in texts for word in text.replace("\\[", "[").split()}
        assert not words - shown, (path, words - shown)
