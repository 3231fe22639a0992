"""Stage "effort": the stage contract, save/load, and the challenge-set floor."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.schema import COLUMNS, EFFORT_LEVELS, validate
from feedback_nlp.stages import STAGES
from feedback_nlp.stages.base import Batch
from feedback_nlp.stages.effort import EffortStage
from feedback_nlp.stages.prepare import PrepareStage

CHALLENGE = Path(__file__).resolve().parents[1] / "data" / "challenge_sentiment.jsonl"
#: Floors under the measured values in docs/sentiment_emotion.md ("Effort"): dev half F1 1.000 /
#: 3-way accuracy 1.000 (read while writing the cues), test half .992 / .996 (.985 / .993 at the
#: first measurement); the lowest language, de, .962 accuracy on its test half.
F1_FLOOR = 0.95
ACCURACY_FLOOR = 0.95
LANGUAGE_ACCURACY_FLOOR = 0.90
PROBE_ACCURACY_FLOOR = 0.95  # measured .985 (256 of 260) after reading them

TEXTS = [
    "Third time I call and nobody calls back.",
    "",
    "👍😡",
    "Warteschleife, 45 Minuten.",
    "Great shop, lovely staff.",
    "wait " * 5000,
]


def table(texts: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame({"response_id": [f"r{i}" for i in range(len(texts))], "text": texts})
    frame.index = pd.Index([10 + 2 * i for i in range(len(texts))])
    return frame.assign(text_clean=frame["text"].astype("string"))


def test_stage_is_registered_and_in_the_default_analysis():
    from feedback_nlp.pipeline import DEFAULT_STAGE_NAMES

    assert STAGES["effort"] is EffortStage
    assert DEFAULT_STAGE_NAMES.index("effort") > DEFAULT_STAGE_NAMES.index("prepare")


def test_contract_rows_dtypes_and_input_untouched():
    source = table(TEXTS)
    before = source.copy()
    out = EffortStage().transform(Batch(source)).table
    pd.testing.assert_frame_equal(source, before)
    assert out.index.equals(source.index)
    assert out["response_id"].tolist() == source["response_id"].tolist()
    validate(out)
    for column in EffortStage.produces:
        assert column in COLUMNS
    assert str(out["effort"].dtype) == "string" and out["effort_score"].dtype == np.float64
    assert set(out["effort"]) <= set(EFFORT_LEVELS)
    assert out["effort"].tolist()[:5] == ["high", "none", "none", "high", "none"]
    assert out["effort_cues"].tolist()[1:3] == ["", ""]
    assert out.loc[10, "effort_cues"] == "repeat_contact|no_reply"


def test_missing_text_and_empty_frame():
    frame = table(["On hold for an hour.", "x"])
    frame.loc[frame.index[1], "text_clean"] = pd.NA
    out = EffortStage()(frame)
    assert out["effort"].tolist() == ["high", "none"]
    empty = EffortStage()(table([]))
    assert len(empty) == 0 and set(EffortStage.produces) <= set(empty.columns)


def test_needs_text_clean_and_checks_its_config():
    with pytest.raises(SchemaError, match="text_clean"):
        EffortStage()(pd.DataFrame({"response_id": ["a"], "text": ["x"]}))
    with pytest.raises(ConfigError, match="unknown backend"):
        EffortStage(backend="llm")
    with pytest.raises(ConfigError, match="0 < low <= high <= 1"):
        EffortStage(high=0.2, low=0.5)


def test_save_load_gives_the_same_output(tmp_path):
    analyzer = Analyzer([PrepareStage(), EffortStage(high=0.7)])
    source = table(TEXTS).drop(columns="text_clean")
    first = analyzer.fit_transform_batch(source).table
    loaded = Analyzer.load(analyzer.save(tmp_path / "model"))
    assert loaded.stages[1].get_config() == {"backend": "rules", "high": 0.7, "low": 0.3}
    pd.testing.assert_frame_equal(loaded.transform(source), first)


def test_probes_floor():
    """Probes A-E (read to extend the cues, see docs): a regression guard, not a held-out score."""
    frame = pd.concat(
        [pd.read_json(path, lines=True) for path in sorted(CHALLENGE.parent.glob("effort_probe_*"))]
    )
    assert len(frame) == 260
    out = EffortStage()(table(frame["text"].tolist()))
    gold, predicted = frame["effort"].to_numpy(), out["effort"].to_numpy()
    assert (gold == predicted).mean() >= PROBE_ACCURACY_FLOOR


def challenge() -> pd.DataFrame:
    return pd.DataFrame([json.loads(line) for line in CHALLENGE.read_text("utf-8").splitlines()])


def test_challenge_set_floor_overall_and_per_language():
    frame = challenge()
    out = EffortStage()(table(frame["text"].tolist()))
    gold, predicted = frame["effort"].to_numpy(), out["effort"].to_numpy()
    truth, flagged = gold != "none", predicted != "none"
    precision = (truth & flagged).sum() / flagged.sum()
    recall = (truth & flagged).sum() / truth.sum()
    assert 2 * precision * recall / (precision + recall) >= F1_FLOOR
    right = pd.Series(gold == predicted)
    assert right.mean() >= ACCURACY_FLOOR
    by_language = right.groupby(frame["lang"].to_numpy()).mean()
    assert (by_language >= LANGUAGE_ACCURACY_FLOOR).all(), by_language.to_dict()
