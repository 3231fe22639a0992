"""CSAT and CES scales other than 1-5 and 1-7: declared, checked, kept beside the outputs."""

from __future__ import annotations

import pytest

from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.score_scales import (
    SCALES_FILE,
    ScoreScales,
    describe_scales,
    one_scale,
    read_scales,
    scales_from_table,
    write_scales,
)
from feedback_nlp.scores import score_metrics

TEN_POINT = {"csat": [1, 10], "csat_satisfied": [9, 10]}


def test_a_scales_table_gives_the_scales_and_the_answers_that_count():
    scales = scales_from_table({**TEN_POINT, "ces": [1, 5], "ces_low_effort": [1, 2]}, "m.toml")
    assert scales.range_of("csat") == (1, 10) and scales.counted("csat") == (9, 10)
    assert scales.range_of("ces") == (1, 5) and scales.counted("ces") == (1, 2)
    assert scales.range_of("nps") == (0, 10)
    assert describe_scales(scales) == "csat 1-10 (counted: 9-10), ces 1-5 (counted: 1-2)"


def test_only_what_differs_from_the_defaults_is_declared():
    assert ScoreScales().declared() == {} and describe_scales(ScoreScales()) == ""
    assert ScoreScales(ces_low_effort=(6, 7)).declared() == {"ces_low_effort": [6, 7]}
    assert scales_from_table({"csat": [1, 5], "csat_satisfied": [5, 5]}, "m").declared() == {
        "csat_satisfied": [5, 5]
    }


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"nps": [0, 10]}, r"m.toml: \[scales\] nps: NPS is 0-10 by definition"),
        ({"csat_scale": [1, 10]}, r"unknown entries \['csat_scale'\]"),
        ({"csat": [1, 10]}, r"csat = \[1, 10\] needs csat_satisfied too, .* never guessed"),
        ({"ces": [1, 5]}, r"ces = \[1, 5\] needs ces_low_effort too"),
        ({"csat": [1, 10], "csat_satisfied": [9, 11]}, r"csat_satisfied = \[9, 11\] is not within"),
        ({"csat": [5, 1], "csat_satisfied": [4, 5]}, "low must be < high"),
        ({"csat": [1, 10], "csat_satisfied": [1, 10]}, r"must run from one end of csat 1-10"),
        ({"csat": [1, 10], "csat_satisfied": [8, 9]}, r"must run from one end"),
        (
            {"csat": "1-10", "csat_satisfied": [9, 10]},
            r"two whole numbers like \[1, 5\], got '1-10'",
        ),
        ({"ces": [1, 5.5], "ces_low_effort": [1, 2]}, "two whole numbers"),
        ({"ces": [True, 5], "ces_low_effort": [1, 2]}, "two whole numbers"),
    ],
)
def test_a_malformed_scales_table_names_the_file_and_the_entry(table, message):
    with pytest.raises(ConfigError, match=message):
        scales_from_table(table, "m.toml")


def test_scales_are_kept_in_a_folder_and_read_back(tmp_path):
    scales = scales_from_table(TEN_POINT, "m")
    write_scales(tmp_path, scales)
    assert read_scales(tmp_path) == scales
    write_scales(tmp_path, ScoreScales())  # back to the defaults: no file
    assert not (tmp_path / SCALES_FILE).exists() and read_scales(tmp_path) == ScoreScales()


def test_a_damaged_scales_file_is_refused_naming_it(tmp_path):
    (tmp_path / SCALES_FILE).write_text("[1, 10]", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{SCALES_FILE}: expected a JSON object"):
        read_scales(tmp_path)
    (tmp_path / SCALES_FILE).write_text('{"csat": [1, 10]}', encoding="utf-8")
    with pytest.raises(ConfigError, match="needs csat_satisfied"):
        read_scales(tmp_path)


def test_files_read_on_different_scales_are_not_counted_together():
    files = [{"file": "a.csv", "scales": TEN_POINT}, {"file": "b.csv", "scales": {}}]
    with pytest.raises(ConfigError, match=r"a\.csv and b\.csv are read on different scales"):
        one_scale(files)
    assert one_scale([files[0], {**files[0], "file": "c.csv"}]) == TEN_POINT
    assert one_scale([]) == {}


def test_the_satisfied_share_counts_the_declared_answers(tiny_scores):
    scales = scales_from_table(TEN_POINT, "m")
    metrics = score_metrics(tiny_scores, scales=scales).set_index("metric")
    assert metrics.loc["csat_satisfied_share", "value"] == pytest.approx(50.0)  # 9 and 10 of 4
    with pytest.raises(SchemaError, match=r"declare the survey's scale: the mapping's \[scales\]"):
        score_metrics(tiny_scores)  # read against 1-5, 8-10 are out of range


@pytest.fixture
def tiny_scores():
    import pandas as pd

    return pd.DataFrame(
        {"response_id": ["a", "b", "c", "d"], "csat": pd.array([3, 9, 10, 8], dtype="Int64")}
    )


def test_scales_built_in_python_are_checked_and_compare_as_declared():
    assert ScoreScales(csat=[1, 10], csat_satisfied=[9, 10]) == scales_from_table(TEN_POINT, "m")
    with pytest.raises(ConfigError, match=r"ScoreScales: \[scales\] csat = \[1, 10\] needs"):
        ScoreScales(csat=(1, 10))  # the default 4-5 would be the "satisfied" of a 1-10 scale
    assert ScoreScales(ces_low_effort=(1, 3)).counted("ces") == (1, 3)
