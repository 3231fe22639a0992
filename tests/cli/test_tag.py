"""`feedback-nlp tag` through typer's CliRunner: results, messages and exit codes."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from feedback_nlp import __version__
from feedback_nlp.cli import app
from feedback_nlp.cli.tag import (
    EXIT_BAD_INPUT,
    EXIT_BAD_MODEL,
    EXIT_ENGINE_UNAVAILABLE,
    EXIT_INTERRUPTED,
    EXIT_IO_ERROR,
    EXIT_JOB_CONFLICT,
    EXIT_NO_INPUT,
    exit_code,
)
from feedback_nlp.engines import JobConflictError, ModelError, NoInputError
from feedback_nlp.engines.parts import read_parts
from feedback_nlp.errors import MissingDependencyError, ReadError
from tests.engines.conftest import demo, make_small_model
from tests.io.conftest import FIXTURES

runner = CliRunner()


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    return make_small_model(tmp_path_factory.mktemp("model") / "small")


def _tag(*args: str):
    return runner.invoke(app, ["tag", *map(str, args)])


def test_tags_into_parts_and_says_what_it_did(small_model, tmp_path):
    result = _tag(small_model, demo("social"), "--out", tmp_path, "--chunk-rows", "100")
    assert result.exit_code == 0, result.output
    assert "230 comments tagged into" in result.output
    assert "2 rejected" in result.output and "232 rows read" in result.output
    assert f"its report: feedback-nlp report {tmp_path} --out" in result.output
    assert len(read_parts(tmp_path / "tagged")) == 230
    assert len(read_parts(tmp_path / "rejects")) == 2
    again = _tag(small_model, demo("social"), "--out", tmp_path, "--chunk-rows", "100")
    assert again.exit_code == 0
    assert "nothing to do" in again.output


def test_another_job_in_out_is_refused_with_exit_73(small_model, tmp_path):
    assert _tag(small_model, demo("social"), "--out", tmp_path).exit_code == 0
    result = _tag(small_model, demo("survey"), "--out", tmp_path, "--resume")
    assert result.exit_code == EXIT_JOB_CONFLICT
    assert "holds another tagging job" in result.output
    assert "the input files differ" in result.output


@pytest.mark.parametrize(
    ("files", "code", "message"),
    [
        (["missing.csv"], EXIT_NO_INPUT, "no such file"),
        ([FIXTURES / "bad_empty.csv"], EXIT_NO_INPUT, "the file is empty"),
        ([FIXTURES / "bad_binary.csv"], EXIT_BAD_INPUT, "not text"),
        ([FIXTURES / "bad_missing_text.csv"], EXIT_BAD_INPUT, "no text column"),
    ],
)
def test_input_problems_have_their_exit_codes(small_model, tmp_path, files, code, message):
    result = _tag(small_model, *files, "--out", tmp_path / "out")
    assert result.exit_code == code, result.output
    assert message in result.output


def test_a_folder_that_is_no_model_exits_78(tmp_path):
    result = _tag(tmp_path, demo("social"), "--out", tmp_path / "out")
    assert result.exit_code == EXIT_BAD_MODEL
    assert "no config.toml here" in result.output


def test_an_unknown_engine_is_a_usage_error(small_model, tmp_path):
    result = _tag(small_model, demo("social"), "--out", tmp_path, "--engine", "spark")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (KeyboardInterrupt(), EXIT_INTERRUPTED),
        (NoInputError("x"), EXIT_NO_INPUT),
        (JobConflictError("x"), EXIT_JOB_CONFLICT),
        (ModelError("x"), EXIT_BAD_MODEL),
        (MissingDependencyError("ray", "ray", "x"), EXIT_ENGINE_UNAVAILABLE),
        (ConnectionError("x"), EXIT_ENGINE_UNAVAILABLE),
        (ReadError("f.csv", "x"), EXIT_BAD_INPUT),
        (OSError(28, "No space left on device"), EXIT_IO_ERROR),
        (RuntimeError("bug"), 1),
    ],
)
def test_each_kind_of_error_has_its_documented_code(error, code):
    assert exit_code(error) == code


def _copy_with_meta(model, folder, **changes):
    shutil.copytree(model, folder)
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, **changes}))
    return folder


def test_a_model_from_a_newer_toolkit_exits_78_naming_both_versions(small_model, tmp_path):
    """Probe 51: a model saved by feedback_nlp 9.9.0 tagged silently with exit 0."""
    newer = _copy_with_meta(small_model, tmp_path / "m", feedback_nlp_version="9.9.0")
    result = _tag(newer, demo("social"), "--out", tmp_path / "out")
    assert result.exit_code == EXIT_BAD_MODEL, result.output
    assert "saved by feedback_nlp 9.9.0, newer than this feedback_nlp" in result.output
    assert __version__ in result.output and "refit" in result.output
    assert "Traceback" not in result.output and "UserWarning" not in result.output


def test_a_model_from_an_older_toolkit_tags_with_a_note(small_model, tmp_path):
    older = _copy_with_meta(small_model, tmp_path / "m", feedback_nlp_version="0.0.1")
    result = _tag(older, demo("social"), "--out", tmp_path / "out", "-q")
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if line.startswith("note: ")]
    assert len(notes) == 1 and "saved by feedback_nlp 0.0.1" in notes[0]


def test_resuming_with_other_options_names_the_option_and_both_values(small_model, tmp_path):
    """Probe 51: "the read options differ (was {'chunk_rows': 5000, ...})", a Python dict."""
    assert (
        _tag(small_model, demo("social"), "--out", tmp_path, "--chunk-rows", "100").exit_code == 0
    )
    result = _tag(small_model, demo("social"), "--out", tmp_path, "--chunk-rows", "50", "--resume")
    assert result.exit_code == EXIT_JOB_CONFLICT
    assert "the read options differ: --chunk-rows was 100, now 50." in result.output
    assert "{" not in result.output
