"""`feedback-nlp topics …`: show and edit the themes of a saved analysis model."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from feedback_nlp.cli.app import app
from feedback_nlp.cli.plain_help import PlainTyper
from feedback_nlp.errors import ConfigError

if TYPE_CHECKING:
    from feedback_nlp.topics.config import Theme

topics_app = PlainTyper(help="Show and edit the themes of a saved model.", no_args_is_help=True)
app.add_typer(topics_app, name="topics")


def theme_folder(model: Path) -> Path:
    """The topics stage folder of a saved model, of an `analyze` output folder (its
    `model/`), or `model` itself if it is one."""
    if not model.is_dir():
        raise ConfigError(f"{model}: no such folder (pass a saved model folder)")
    if (model / "topics.json").exists():
        return model
    if (model / "manifest.json").exists() and not (model / "config.toml").exists():
        raise ConfigError(
            f"{model}: a tagging job's folder, not a model (pass the model folder the job was "
            "tagged with)"
        )
    saved = model / "model" if (model / "model" / "config.toml").exists() else model
    matches = sorted(saved.glob("*-topics"))
    if not matches:
        raise ConfigError(f"{model}: no topics stage folder (NN-topics) in this saved model")
    return matches[0]


@topics_app.command("show")
def show(
    model: Annotated[Path, typer.Argument(help="Saved model folder, or an analyze output.")],
) -> None:
    """List the themes under a header: id, category, size (comments at fit), label, and
    the keywords on the line below."""
    from feedback_nlp.cli.analyze import _fail
    from feedback_nlp.errors import FeedbackError
    from feedback_nlp.topics.persistence import load_model

    try:
        themes = load_model(theme_folder(model))
    except FeedbackError as error:
        _fail(error)
    typer.echo("\n".join(theme_table(themes.theme_list())))


def theme_table(themes: list[Theme]) -> list[str]:
    """The lines `topics show` prints: a header, then per theme its id, category ('-' for
    none), size and label, and its first eight keywords on the line below."""
    width = max([len("category"), *(len(theme.category) for theme in themes)])
    lines = [f"{'id':>4}  {'category':<{width}}  {'size':>6}  label"]
    for theme in themes:
        category = theme.category or "-"
        lines.append(f"{theme.topic:>4}  {category:<{width}}  {theme.size:>6}  {theme.label}")
        lines.append(f"{'':4}  keywords: {', '.join(theme.keywords[:8])}")
    return lines


@topics_app.command("edit")
def edit(
    model: Annotated[Path, typer.Argument(help="Saved model folder, or an analyze output.")],
    merge: Annotated[list[int] | None, typer.Option(help="Theme ids to merge (repeat).")] = None,
    rename: Annotated[
        list[str] | None, typer.Option(help="ID=LABEL: a theme's new label (repeat).")
    ] = None,
    delete: Annotated[list[int] | None, typer.Option(help="Theme id to delete (repeat).")] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(help="ID=CATEGORY: the category a theme belongs to (repeat)."),
    ] = None,
) -> None:
    """Merge, rename, delete or categorise themes; saved back with the edit history.
    Nothing is saved when an edit fails.

    For example:
      feedback-nlp topics edit model/ --merge 3 --merge 5 --rename 3="Late delivery"
      feedback-nlp topics edit model/ --category 3=Logistics --category 7=Logistics
    """
    from feedback_nlp.cli.analyze import _fail
    from feedback_nlp.errors import FeedbackError
    from feedback_nlp.topics import edits
    from feedback_nlp.topics.persistence import load_model, save_model

    if not (merge or rename or delete or category):  # a bad command line: exit code 2
        _fail(ConfigError("nothing to edit: give --merge, --rename, --delete or --category"), 2)
    try:
        renames = [id_and_text(value, "--rename") for value in rename or []]
        categories = [id_and_text(value, "--category") for value in category or []]
    except ConfigError as error:
        _fail(error, 2)
    done = []  # said once every edit has worked and the model is saved
    try:
        folder = theme_folder(model)
        themes = load_model(folder)
        if merge:
            done.append(f"merged {merge} into {edits.merge(themes, merge)}")
        for topic, label in renames:
            edits.rename(themes, topic, label)
            done.append(f"renamed {topic} to {label!r}")
        for topic in delete or []:
            edits.delete(themes, topic)
            done.append(f"deleted {topic}")
        for name in dict.fromkeys(name for _, name in categories):
            topics = [topic for topic, chosen in categories if chosen == name]
            edits.set_category(themes, topics, name)
            done.append(f"put {', '.join(map(str, topics))} under {name!r}")
    except FeedbackError as error:
        _fail(error)
    save_model(themes, folder)
    typer.echo("\n".join(done))


@topics_app.command("forget")
def forget(
    model: Annotated[Path, typer.Argument(help="Saved model folder, or an analyze output.")],
    response_id: Annotated[
        list[str] | None,
        typer.Option("--id", help="Response id whose quotes to take out (repeat)."),
    ] = None,
    all_quotes: Annotated[
        bool, typer.Option("--all-quotes", help="Take out every quote and its id.")
    ] = False,
) -> None:
    """Take customers' quotes out of a saved model (a right-to-erasure request), by response
    id as written in the input or as its pseudonym, or all of them (docs/privacy.md)."""
    from feedback_nlp.cli.analyze import _fail
    from feedback_nlp.errors import FeedbackError
    from feedback_nlp.topics.forget import forget_quotes, forget_respondents
    from feedback_nlp.topics.persistence import load_model, save_model

    if not (response_id or all_quotes):  # a bad command line: exit code 2
        _fail(ConfigError("nothing to forget: give --id ID (repeat) or --all-quotes"), 2)
    try:
        folder = theme_folder(model)
        themes = load_model(folder)
    except FeedbackError as error:
        _fail(error)
    removed = forget_quotes(themes) if all_quotes else forget_respondents(themes, response_id)
    if not removed and not all_quotes:  # exit code 1: an erasure script can tell
        _fail(
            ConfigError(
                f"{folder}: no quote has these ids; nothing changed (the model holds at most "
                "three quotes per theme; one fitted with FEEDBACK_NLP_PSEUDONYM_KEY set needs "
                "the same key set here)"
            )
        )
    save_model(themes, folder)
    typer.echo(f"took {removed} quote(s) out of {folder}")


def id_and_text(value: str, option: str) -> tuple[int, str]:
    """`3=Late delivery` -> (3, "Late delivery"); a clear error for anything else."""
    topic, sep, text = value.partition("=")
    if not sep or not topic.strip().lstrip("-").isdigit():
        raise ConfigError(f'{option} {value!r}: expected ID=TEXT, e.g. {option} 3="Late delivery"')
    return int(topic), text.strip()


@topics_app.command("learn-space")
def learn_space(
    files: Annotated[list[Path], typer.Argument(help="Coded feedback files.")],
    labels: Annotated[str, typer.Option(help="Column of coded labels, several as 'a|b'.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the theme space.")],
    mapping: Annotated[Path | None, typer.Option(help="Column mapping TOML.")] = None,
    steps: Annotated[int, typer.Option(help="Training steps.")] = 1500,
) -> None:
    """Learn a theme space from comments your analysts coded; use it with --theme-space."""
    from feedback_nlp.cli.analyze import _fail
    from feedback_nlp.errors import FeedbackError
    from feedback_nlp.io import read_many
    from feedback_nlp.topics.theme_space import ThemeSpaceConfig, learn_from_table

    try:
        table = read_many(files, mapping=mapping).table
        space = learn_from_table(table, labels, ThemeSpaceConfig(steps=steps))
    except FeedbackError as error:
        _fail(error)
    space.save(out)
    typer.echo(
        f"learnt from {space.info['coded_comments']:,} coded comments, "
        f"{len(space.info['labels'])} labels; saved in {out}/ (use: --theme-space {out})"
    )
