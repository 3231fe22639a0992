"""What a tagging job keeps of its model beside its parts (themes.parquet, model.json)."""

from __future__ import annotations

import json
import tomllib

import pandas as pd

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.engines import tag_files
from feedback_nlp.engines.context import MODEL_INFO, THEMES
from feedback_nlp.stages.topics import TopicsStage
from tests.engines.conftest import demo


def test_a_job_keeps_the_models_theme_table_and_settings(topics_model, tmp_path):
    tag_files(topics_model, [demo("survey")], tmp_path / "out", progress=False)
    themes = pd.read_parquet(tmp_path / "out" / THEMES)
    stage = next(s for s in Analyzer.load(topics_model).stages if isinstance(s, TopicsStage))
    model = stage.model_
    assert sorted(themes["topic"]) == sorted(int(t) for t in model.topic_ids_)
    assert list(themes["label"]) == [model.label_of(t) for t in themes["topic"]]
    assert themes["label"].str.len().gt(0).all()
    info = json.loads((tmp_path / "out" / MODEL_INFO).read_text(encoding="utf-8"))
    config = tomllib.loads((topics_model / "config.toml").read_text(encoding="utf-8"))
    assert info["config"]["stages"] == config["stages"]
    assert [s["name"] for s in info["config"]["stages"]][-1] == "topics"
    assert info["meta"]["fitted_on"]["rows"] > 0


def test_a_model_without_themes_leaves_no_theme_table(topics_model, small_model, tmp_path):
    out = tmp_path / "out"
    tag_files(topics_model, [demo("survey")], out, progress=False)
    tag_files(small_model, [demo("survey")], out, overwrite=True, progress=False)
    assert not (out / THEMES).exists()
    info = json.loads((out / MODEL_INFO).read_text(encoding="utf-8"))
    assert [s["name"] for s in info["config"]["stages"]] == ["prepare", "language"]
