"""An ordered list of stages that fits, tags, saves and loads as one analysis model.

A saved analyzer is a folder::

    config.toml      the stage list and each stage's parameters
    meta.json        package and schema versions, stage names, what it was fitted on
    <nn>-<stage>/    one sub-folder per stage with its learned state (safetensors / JSON)

Pretrained models are referenced (hub id + revision, or a path), never copied.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any, Self

import pandas as pd

from feedback_nlp import __version__, progress
from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import SCHEMA_VERSION
from feedback_nlp.stages.base import STAGES, Batch, Stage, check_chain
from feedback_nlp.text.pseudonyms import key_fingerprint

#: What each stage's progress bar is called.
STEP_NAMES = {
    "prepare": "cleaning",
    "language": "language",
    "embed": "embedding",
    "sentiment": "sentiment",
    "emotion": "emotion",
    "effort": "effort",
    "topics": "themes",
}


def step_name(stage: Stage) -> str:
    """The stage's step in words ("embedding", "themes", …)."""
    return STEP_NAMES.get(stage.name, stage.name)


class Analyzer:
    """Run stages in order over the feedback table."""

    def __init__(self, stages: list[Stage]) -> None:
        self.stages = stages
        check_chain(stages, available=None)
        self.fitted_on_: dict[str, Any] | None = None
        self.pseudonym_key_: str | None = None  # key fingerprint of a loaded model's ids
        self.saved_version_: str | None = None  # the toolkit version that saved a loaded model

    def fit(self, table: pd.DataFrame) -> Self:
        """Fit every stage in order, each on the output of the ones before it."""
        self.fit_transform_batch(table)
        return self

    def fit_transform_batch(self, table: pd.DataFrame) -> Batch:
        """Fit every stage and return the tagged batch (one pass, no second transform)."""
        batch = Batch(table)
        for stage in self.stages:
            if type(stage).fit is not Stage.fit:  # a stage that learns: time its fit apart
                with progress.task(f"Fitting {step_name(stage)}", unit=""):
                    stage.fit(batch)
            with progress.task(step_name(stage).capitalize(), total=len(table)):
                batch = stage.transform(batch)
        self.fitted_on_ = {"rows": len(table), "columns": list(table.columns)}
        return batch

    def transform_batch(self, table: pd.DataFrame) -> Batch:
        """Tag `table`; return the table and the arrays the stages computed."""
        batch = Batch(table)
        for stage in self.stages:
            with progress.task(step_name(stage).capitalize(), total=len(table)):
                batch = stage.transform(batch)
        return batch

    def transform(self, table: pd.DataFrame) -> pd.DataFrame:
        """Tag `table` with every stage's columns; same rows, same index."""
        return self.transform_batch(table).table

    def save(self, folder: str | Path) -> Path:
        """Write config.toml, meta.json and each stage's state into `folder`."""
        import tomli_w

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        config = {
            "stages": [{"name": s.name, "params": _toml_safe(s.get_config())} for s in self.stages]
        }
        (folder / "config.toml").write_text(tomli_w.dumps(config), encoding="utf-8")
        meta = {
            "feedback_nlp_version": __version__,
            "schema_version": SCHEMA_VERSION,
            "stages": [s.name for s in self.stages],
            "fitted_on": self.fitted_on_,
            "pseudonym_key": key_fingerprint(),  # which key made its ids; not the key
        }
        (folder / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        for index, stage in enumerate(self.stages):
            part = folder / f"{index:02d}-{stage.name}"
            part.mkdir(exist_ok=True)
            stage.save_state(part)
        return folder

    @classmethod
    def load(cls, folder: str | Path) -> Analyzer:
        """Load an analyzer written by :meth:`save`.

        Only ``config.toml``, ``meta.json`` and each stage's own safetensors/JSON files are
        read; anything else in the folder (a pickle dropped in, say) is never opened. A
        malformed folder, another schema or a model saved by a newer toolkit (major.minor)
        raises ConfigError naming the file and the problem (`check_versions`).
        """
        folder = Path(folder)
        config_path = folder / "config.toml"
        if not config_path.exists():
            raise ConfigError(f"{folder}: no config.toml here; is it a saved feedback_nlp model?")
        config = _read_toml(config_path)
        meta = _read_meta(folder / "meta.json")
        check_versions(folder, meta)
        entries = config.get("stages", [])
        if not isinstance(entries, list):
            raise ConfigError(f"{config_path}: 'stages' must be a list of [[stages]] tables")
        stages = []
        for index, entry in enumerate(entries):
            stage = _stage_from_entry(entry, index, config_path)
            stage.load_state(_stage_folder(folder, index, stage.name))
            stages.append(stage)
        analyzer = cls(stages)
        analyzer.fitted_on_ = meta.get("fitted_on")
        analyzer.pseudonym_key_ = meta.get("pseudonym_key")
        analyzer.saved_version_ = _text_or_none(meta.get("feedback_nlp_version"))
        return analyzer


def check_versions(folder: Path, meta: dict[str, Any]) -> None:
    """ConfigError when `meta` (a model's meta.json) names another schema, or a toolkit
    version newer than this one in major.minor: its files may hold what this version cannot
    read, or read differently. An older version, or none recorded, passes (`version_note`)."""
    schema = meta.get("schema_version")
    saved = _text_or_none(meta.get("feedback_nlp_version"))
    by = f" by feedback_nlp {saved}" if saved else ""
    if schema != SCHEMA_VERSION:
        raise ConfigError(
            f"{folder} was saved{by} with schema {schema}; this feedback_nlp {__version__} "
            f"reads schema {SCHEMA_VERSION} only: refit the model with this version "
            "(`feedback-nlp fit`), or use the version that saved it"
        )
    if (_release(saved) or (0, 0)) > _THIS_RELEASE:
        raise ConfigError(
            f"{folder} was saved by feedback_nlp {saved}, newer than this feedback_nlp "
            f"{__version__}: upgrade feedback-nlp to {saved} or later, or refit the model "
            "with this version (`feedback-nlp fit`)"
        )


def version_note(folder: str | Path, saved: str | None) -> str | None:
    """One line when the model in `folder` was saved by an older toolkit (major.minor)."""
    release = _release(saved)
    if release is None or release >= _THIS_RELEASE:
        return None
    return (
        f"{folder} was saved by feedback_nlp {saved} (this is {__version__}): it tags as it "
        "did then; refit it to use what this version changed"
    )


def _release(version: str | None) -> tuple[int, int] | None:
    """(major, minor) of a version such as "0.3.1" or "1.2.dev4"; None when unreadable."""
    found = re.match(r"(\d+)\.(\d+)", version or "")
    return (int(found[1]), int(found[2])) if found else None


_THIS_RELEASE = _release(__version__) or (0, 0)


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid TOML file ({exc})") from exc


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: missing; save the model again") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(meta, dict):
        raise ConfigError(f"{path}: expected a JSON object")
    return meta


def _stage_from_entry(entry: object, index: int, config_path: Path) -> Stage:
    """The stage a ``[[stages]]`` entry describes, built from its parameters."""
    where = f"{config_path}: stage {index + 1}"
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise ConfigError(f"{where}: expected a table with a 'name'")
    name = entry["name"]
    if name not in STAGES:
        raise ConfigError(
            f"{config_path}: unknown stage '{name}' "
            f"(known: {sorted(STAGES)}); is an optional extra missing?"
        )
    params = entry.get("params", {})
    if not isinstance(params, dict):
        raise ConfigError(f"{where} ('{name}'): 'params' must be a table")
    try:
        return STAGES[name](**params)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where} ('{name}'): bad parameters: {exc}") from exc


def _stage_folder(folder: Path, index: int, name: str) -> Path:
    """The stage's state folder, refused when a link takes it outside the model folder."""
    path = folder / f"{index:02d}-{name}"
    if path.exists() and not path.resolve().is_relative_to(folder.resolve()):
        raise ConfigError(f"{path}: points outside the model folder ({path.resolve()})")
    return path


def _toml_safe(params: dict[str, Any]) -> dict[str, Any]:
    """TOML has no null: drop None values (they are the defaults when reloaded)."""
    return {k: v for k, v in params.items() if v is not None}
