"""What a tagging job keeps of its model beside its parts (themes.parquet, model.json)."""

from __future__ import annotations

import json
import shutil
import tomllib
from dataclasses import asdict

import pandas as pd

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.engines import tag_files
from feedback_nlp.engines.context import MODEL_INFO, THEMES
from feedback_nlp.outcome_defaults import STARS
from feedback_nlp.outcomes import OUTCOMES_FILE, OutcomeSpec
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


def _model_declaring(small_model, folder, spec):
    shutil.copytree(small_model, folder)
    (folder / OUTCOMES_FILE).write_text(json.dumps([asdict(spec)]), encoding="utf-8")
    return folder


def _reviews(path):
    """A week's app reviews whose star rating sits in a column the model does not know."""
    pd.DataFrame(
        {
            "response_id": ["a1", "a2", "a3", "a4"],
            "comment": ["Crashes on start", "Love the new look", "Login loops", "Fine"],
            "rating": [1, 5, 2, 4],
            "os_version": ["iOS 17.4", "Android 14", "iOS 16", "Android 13"],
        }
    ).to_csv(path, index=False)
    return path


def test_a_job_warns_of_a_declared_outcome_its_files_lack(small_model, tmp_path):
    """Probe 51: tagged without the fit's --mapping, the model's star rating was silently
    dropped (exit 0, no word) and the report said there were no scores."""
    model = _model_declaring(small_model, tmp_path / "m", OutcomeSpec(STARS, "numeric"))
    source = _reviews(tmp_path / "week.csv")
    summary = tag_files(model, [source], tmp_path / "out", progress=False)
    assert len(summary.input_warnings) == 1
    warning = summary.input_warnings[0]
    assert f"declares the outcome {STARS} (numeric" in warning
    assert "it could be 'rating':" in warning and "os_version" not in warning
    assert f'[columns] {STARS} = "rating"' in warning
    assert summary.describe().splitlines()[1] == f"warning: {warning}"
    mapped = tag_files(
        model, [source], tmp_path / "mapped", mapping={"columns": {STARS: "rating"}}, progress=False
    )
    assert mapped.input_warnings == []


def test_no_warning_for_a_customer_outcome_or_a_model_without_outcomes(small_model, tmp_path):
    churned = OutcomeSpec("churned", "binary", level="customer")  # joined, never in feedback
    model = _model_declaring(small_model, tmp_path / "m", churned)
    source = _reviews(tmp_path / "week.csv")
    assert tag_files(model, [source], tmp_path / "out", progress=False).input_warnings == []
    plain = tag_files(small_model, [source], tmp_path / "plain", progress=False)
    assert plain.input_warnings == []


def test_the_missing_outcome_warning_never_suggests_an_id_column():
    """The hotel probe of stop 53: "it could be 'respondent_id', 'Review score' … column =
    "respondent_id"": ids are numbers too, never an outcome."""
    from feedback_nlp.engines.context import _could_be

    sample = pd.DataFrame(
        {
            "respondent_id": [1001, 1002, 1003, 1004],
            "conversation_id": [7, 8, 9, 10],
            "Booking reference": [58213, 58214, 58215, 58216],
            "Reservation number": [4401, 4402, 4403, 4404],
            "Review score": [3, 9, 4, 8],
        }
    )
    assert _could_be(OutcomeSpec("Rating", "numeric"), sample) == ["Review score"]
