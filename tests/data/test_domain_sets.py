"""scripts/domain_sets.py: the readers behind the sentiment/emotion training and evaluation."""

import importlib.util
import os
from pathlib import Path

import numpy as np
import pytest

from feedback_nlp.errors import ReadError

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("FEEDBACK_NLP_DATA") or ROOT.parent / "shared" / "data")
needs_data = pytest.mark.skipif(not (DATA / "sentiment").exists(), reason="shared data absent")


@pytest.fixture(scope="module")
def sets():
    spec = importlib.util.spec_from_file_location(
        "domain_sets", ROOT / "scripts" / "domain_sets.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mams_label_from_aspect_polarities(sets):
    assert sets.mams_label(["positive", "negative", "neutral"]) == "mixed"
    assert sets.mams_label(["neutral", "negative"]) == "negative"
    assert sets.mams_label(["positive", "neutral"]) == "positive"
    assert sets.mams_label(["neutral"]) == "neutral"


def test_challenge_reader_gives_emotion_columns(sets):
    frame = sets.load_challenge()
    assert {"text", "lang", "kind", "sentiment", "anger", "trust"} <= set(frame.columns)
    none = frame["emotion"] == ""
    assert (frame.loc[none, ["anger", "joy", "surprise"]].sum(axis=1) == 0).all()
    assert (frame.loc[~none, ["anger", "disgust", "fear", "joy", "sadness"]].sum(axis=1) > 0).all()


def test_challenge_reader_names_the_bad_line(sets, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok", "lang": "en", "kind": "short", "sentiment": "neutral"}\n')
    with pytest.raises(ReadError, match=r"bad.jsonl.*line 1.*missing fields \['emotion'\]"):
        sets.load_challenge(path)


@needs_data
def test_readers_on_the_shared_data(sets):
    mobasa = sets.load_mobasa(DATA, "dev")
    assert set(mobasa["label"]) == {"negative", "neutral", "positive"}
    assert set(mobasa["part"]) == {"train", "heldout"}
    assert 0.2 < (mobasa["part"] == "heldout").mean() < 0.3
    mams = sets.load_mams(DATA, "val")
    assert len(mams) == 400 and "mixed" in set(mams["label"])
    goemotions = sets.load_goemotions(DATA, "dev").head(1500)
    assert goemotions["none"].mean() == pytest.approx(0.277, abs=0.001)  # as the issue measured
    assert np.isnan(goemotions.loc[~goemotions["none"], "trust"]).all()
