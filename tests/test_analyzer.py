import json
import re

import pandas as pd
import pytest

from feedback_nlp import __version__
from feedback_nlp.analyzer import Analyzer, version_note
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


def _saved(tmp_path):
    table = pd.DataFrame({"response_id": ["a", "b"], "text": ["hi", "hello"]})
    folder = Analyzer([Length(scale=3)]).fit(table).save(tmp_path / "model")
    return folder, table


class _OpensAFile:
    """Unpickling this creates `path`: proof that a pickle was loaded."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_a_pickle_dropped_into_a_model_folder_is_never_loaded(tmp_path):
    import pickle

    folder, table = _saved(tmp_path)
    marker = tmp_path / "code-ran"
    payload = pickle.dumps(_OpensAFile(marker))
    for name in ("model.pkl", "00-test-length/state.pkl", "00-test-length/pytorch_model.bin"):
        (folder / name).write_bytes(payload)
    Analyzer.load(folder).transform(table)
    assert not marker.exists()
    pickle.loads(payload).close()  # the payload is live: loading it does create the file
    assert marker.exists()


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[[stages]]\nname = "test-length"\nparams = { scale = 2, run = "x" }\n', "bad param"),
        ('[[stages]]\nname = "../../etc/passwd"\n', "unknown stage"),
        ('stages = "test-length"\n', "must be a list"),
        ("[[stages]]\nparams = {}\n", "expected a table with a 'name'"),
        ("[[stages]\n", "not a valid TOML"),
    ],
)
def test_a_tampered_config_is_refused_with_the_file_named(tmp_path, config, message):
    folder, _ = _saved(tmp_path)
    (folder / "config.toml").write_text(config)
    with pytest.raises(ConfigError, match=message) as error:
        Analyzer.load(folder)
    assert "config.toml" in str(error.value)


def test_a_broken_or_missing_meta_json_is_a_clear_error(tmp_path):
    folder, _ = _saved(tmp_path)
    (folder / "meta.json").write_text("{not json")
    with pytest.raises(ConfigError, match=r"meta\.json: not valid JSON"):
        Analyzer.load(folder)
    (folder / "meta.json").unlink()
    with pytest.raises(ConfigError, match=r"meta\.json: missing"):
        Analyzer.load(folder)


def test_a_stage_folder_linked_outside_the_model_is_refused(tmp_path):
    folder, _ = _saved(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    state = folder / "00-test-length"
    state.rmdir()
    state.symlink_to(outside, target_is_directory=True)
    with pytest.raises(ConfigError, match="points outside the model folder"):
        Analyzer.load(folder)


def _with_meta(folder, **changes):
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, **changes}))
    return folder


@pytest.mark.parametrize("saved", ["9.9.0", "0.2.0", "1.0.dev3"])
def test_a_model_saved_by_a_newer_toolkit_is_refused_naming_both_versions(tmp_path, saved):
    """Probe 51: meta.json's feedback_nlp_version was never read; a newer model tagged
    silently."""
    folder = _with_meta(_saved(tmp_path)[0], feedback_nlp_version=saved)
    with pytest.raises(
        ConfigError, match=re.escape(f"saved by feedback_nlp {saved}, newer")
    ) as error:
        Analyzer.load(folder)
    assert f"this feedback_nlp {__version__}" in str(error.value)
    assert "upgrade feedback-nlp" in str(error.value) and "refit" in str(error.value)


def test_a_model_of_another_schema_is_refused_not_warned(tmp_path, recwarn):
    """Before: a raw UserWarning with its source line, and the model loaded anyway."""
    folder = _with_meta(_saved(tmp_path)[0], schema_version="0.9")
    with pytest.raises(ConfigError, match=r"with schema 0\.9") as error:
        Analyzer.load(folder)
    assert "reads schema 1.0 only" in str(error.value) and "refit" in str(error.value)
    assert not recwarn.list


def test_an_older_model_loads_with_a_one_line_note(tmp_path):
    folder = _with_meta(_saved(tmp_path)[0], feedback_nlp_version="0.0.7")
    analyzer = Analyzer.load(folder)
    assert analyzer.saved_version_ == "0.0.7"
    note = version_note(folder, analyzer.saved_version_)
    assert note is not None and "\n" not in note
    assert f"saved by feedback_nlp 0.0.7 (this is {__version__})" in note
    assert version_note(folder, __version__) is None  # the same version: nothing to say
    assert version_note(folder, None) is None  # none recorded
