import json

import pandas as pd
import pytest

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.errors import ConfigError
from feedback_nlp.stages.base import STAGES, register_stage
from tests.stages.test_base import Length


@pytest.fixture(autouse=True)
def registered_length_stage():
    register_stage(Length)
    yield
    STAGES.pop(Length.name, None)


def test_save_load_round_trip_gives_same_output(tmp_path):
    table = pd.DataFrame({"response_id": ["a", "b"], "text": ["hi", "hello"]})
    analyzer = Analyzer([Length(scale=3)]).fit(table)
    expected = analyzer.transform(table)
    analyzer.save(tmp_path / "model")
    meta = json.loads((tmp_path / "model" / "meta.json").read_text())
    assert meta["stages"] == ["test-length"]
    assert meta["fitted_on"]["rows"] == 2
    loaded = Analyzer.load(tmp_path / "model")
    pd.testing.assert_frame_equal(loaded.transform(table), expected)


def test_load_of_a_folder_without_config_says_what_is_wrong(tmp_path):
    with pytest.raises(ConfigError, match=r"no config\.toml here"):
        Analyzer.load(tmp_path)


def test_unknown_stage_in_config_is_named(tmp_path):
    (tmp_path / "config.toml").write_text('[[stages]]\nname = "nope"\n')
    (tmp_path / "meta.json").write_text('{"schema_version": "1.0"}')
    with pytest.raises(ConfigError, match="unknown stage 'nope'"):
        Analyzer.load(tmp_path)
