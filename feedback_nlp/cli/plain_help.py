"""`--help` in plain words: no placeholder after a flag, PATH, TEXT, INTEGER or NUMBER after
an option that takes a value, and docstrings wrapped as paragraphs.

Typer shows each parameter's Python type (`<bool>`, `<list[Path]>`) and keeps a docstring's
line breaks; the command and group classes here give every command of the `feedback-nlp`
applications (cli/app.py) plain placeholders and re-flowed paragraphs instead.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any, get_args, get_origin

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

_WORDS: dict[Any, str] = {str: "TEXT", int: "INTEGER", float: "NUMBER", Path: "PATH"}


def value_word(annotation: Any) -> str:
    """The placeholder of one value of `annotation`: PATH, TEXT, INTEGER, NUMBER (a list
    gives its items' word: a repeatable option takes one value each time)."""
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    return _WORDS.get(annotation, "TEXT")


def placeholder(param: TyperArgument | TyperOption) -> str:
    """What `--help` shows after `param`: nothing for a flag, its metavar where it names one
    (``--min-group-size N``), else its value's word."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    if getattr(param, "metavar", None):
        return str(param.metavar)
    descriptor = getattr(param, "type_descriptor", None)
    return value_word(descriptor.annotation if descriptor is not None else str)


class PlainArgument(TyperArgument):
    """An argument whose help shows PATH or TEXT, not its Python type."""

    def display_type(self, ctx: Any) -> str:
        """The argument's value word (typer >= 0.2x calls this for the help's type column)."""
        return placeholder(self)


class PlainOption(TyperOption):
    """An option whose help shows no placeholder for a flag and a plain word otherwise."""

    def display_type(self, ctx: Any) -> str:
        """The option's value word, '' for a flag."""
        return placeholder(self)


def plain_params(params: list[Any]) -> list[Any]:
    """`params` with each typer argument and option shown in plain words (changed in place)."""
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = PlainArgument
        elif type(param) is TyperOption:
            param.__class__ = PlainOption
    return params


def reflow(text: str | None) -> str | None:
    """`text` (a docstring) with each paragraph on one line, so that the terminal wraps it;
    a paragraph whose lines are indented (an example) keeps its lines."""
    if not text:
        return text
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(_reflow_paragraph(paragraph) for paragraph in paragraphs)


def _reflow_paragraph(paragraph: str) -> str:
    """One paragraph on one line, or as it is if it is an indented block or a `\\b` block."""
    lines = paragraph.splitlines()
    if paragraph.startswith("\b") or any(line.startswith(" ") for line in lines[1:]):
        return paragraph.removeprefix("\b").strip("\n")
    return " ".join(line.strip() for line in lines)


def _reflow_helps(command: TyperCommand | TyperGroup) -> None:
    """Re-flow the help of `command` and of its parameters."""
    command.help = reflow(command.help)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = reflow(param.help)


class _PlainHelp:
    """Mixed into a typer command or group: plain placeholders and re-flowed paragraphs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _reflow_helps(self)  # type: ignore[arg-type]

    def get_params(self, ctx: Any) -> list[Any]:
        """The parameters, `--help` included, shown in plain words."""
        return plain_params(super().get_params(ctx))  # type: ignore[misc]


class PlainCommand(_PlainHelp, TyperCommand):
    """A command whose `--help` shows plain placeholders and re-flowed paragraphs."""


class PlainGroup(_PlainHelp, TyperGroup):
    """A command group whose `--help` shows plain placeholders and re-flowed paragraphs."""


class PlainTyper(typer.Typer):
    """A typer application whose groups and commands show help in plain words."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", PlainGroup)
        super().__init__(**kwargs)

    def command(self, name: str | None = None, **kwargs: Any) -> Any:
        """Register a command (a PlainCommand unless `cls` says otherwise)."""
        kwargs.setdefault("cls", PlainCommand)
        return super().command(name, **kwargs)
