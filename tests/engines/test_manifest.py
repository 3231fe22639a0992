"""The job manifest: identity, what changed, atomic writes."""

from __future__ import annotations

import json

from feedback_nlp.engines.manifest import (
    Manifest,
    conflicts,
    describe_job,
    model_hash,
    write_atomic,
)


def _job(tmp_path, text="a,b\n", config="x = 1\n", **options):
    model = tmp_path / "model"
    model.mkdir(exist_ok=True)
    (model / "config.toml").write_text(config)
    if not (model / "weights.json").exists():
        (model / "weights.json").write_text("[1, 2]")
    source = tmp_path / "in.csv"
    source.write_text(text)
    return describe_job(model, [source], {"chunk_rows": 10, **options}, "local")


def test_the_same_job_has_no_conflict_and_survives_json(tmp_path):
    job = _job(tmp_path, mapping=tmp_path / "in.csv")
    assert conflicts(json.loads(json.dumps(job)), _job(tmp_path, mapping=tmp_path / "in.csv")) == []


def test_each_change_is_named(tmp_path):
    job = _job(tmp_path)
    assert conflicts(job, _job(tmp_path, text="a,b\n1,2\n")) == [
        f"the input {tmp_path / 'in.csv'} changed since the job started"
    ]
    assert conflicts(job, _job(tmp_path, config="x = 2\n")) == [
        f"the model configuration changed ({tmp_path / 'model'}/config.toml)"
    ]
    assert "the read options differ" in conflicts(job, _job(tmp_path, chunk_rows=5))[0]
    (tmp_path / "model" / "weights.json").write_text("[1, 3]")
    assert conflicts(job, _job(tmp_path)) == [f"the model changed ({tmp_path / 'model'})"]
    other_version = {**job, "toolkit_version": "0.0.1"}
    assert "tagged by feedback_nlp 0.0.1" in conflicts(other_version, job)[0]


def test_model_hash_covers_names_and_bytes(tmp_path):
    (tmp_path / "a.json").write_text("1")
    first = model_hash(tmp_path)
    (tmp_path / "a.json").rename(tmp_path / "b.json")
    assert model_hash(tmp_path) != first


def test_manifest_round_trips_and_counts(tmp_path):
    manifest = Manifest(folder=tmp_path, job={"engine": "local"})
    manifest.parts["00000-000000"] = {"rows_read": 5, "rows": 4, "rejects": 1}
    manifest.save()
    loaded = Manifest.load(tmp_path)
    assert loaded is not None and loaded.parts == manifest.parts
    assert loaded.totals() == {"rows_read": 5, "rows": 4, "rejects": 1, "kept_with_problem": 0}
    assert json.loads((tmp_path / "manifest.json").read_text())["totals"]["rows"] == 4


def test_write_atomic_leaves_no_temporary_file(tmp_path):
    write_atomic(tmp_path / "f.bin", b"one")
    write_atomic(tmp_path / "f.bin", b"two")
    assert (tmp_path / "f.bin").read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["f.bin"]


def test_a_file_named_twice_a_mapping_named_two_ways_and_a_mapping_beside_are_read_right(
    tmp_path, monkeypatch
):
    job = _job(tmp_path)
    source, model = tmp_path / "in.csv", tmp_path / "model"
    twice = describe_job(model, [source, source], {"chunk_rows": 10}, "local")
    assert conflicts(json.loads(json.dumps(twice)), twice) == []  # the same job, not "differ"
    (tmp_path / "m.toml").write_text("[columns]\n")
    monkeypatch.chdir(tmp_path)
    relative = describe_job(model, [source], {"mapping": "m.toml"}, "local")
    absolute = describe_job(model, [source], {"mapping": tmp_path / "m.toml"}, "local")
    assert conflicts(relative, absolute) == []
    (tmp_path / "in.mapping.toml").write_text("[columns]\n")
    assert conflicts(job, _job(tmp_path)) == [
        f"the mapping beside the input {source} changed since the job started"
    ]


def test_theme_counts_and_the_fit_baseline_round_trip_old_parts_counting_none(tmp_path):
    manifest = Manifest(folder=tmp_path, job={}, theme_baseline={"said": 9, "themed": 8})
    manifest.parts["00000-000000"] = {"rows_read": 5, "rows": 5, "rejects": 0}  # before 51
    manifest.parts["00000-000001"] = {"said": 4, "unthemed": 1, "unseen_languages": {"tr": 2}}
    manifest.parts["00000-000002"] = {"said": 3, "unthemed": 3, "unseen_languages": {"tr": 1}}
    manifest.save()
    loaded = Manifest.load(tmp_path)
    assert loaded is not None and loaded.theme_baseline == {"said": 9, "themed": 8}
    counts = loaded.theme_counts()
    assert (counts.said, counts.unthemed, counts.unseen_languages) == (7, 4, {"tr": 3})
    old = json.loads(loaded.path.read_text())
    del old["theme_baseline"]  # a manifest written before the baseline
    loaded.path.write_text(json.dumps(old))
    assert Manifest.load(tmp_path).theme_baseline is None
