"""Scores asked on another scale: read on the declared one, or refused with a note naming it."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.io import read_feedback, read_many
from feedback_nlp.io.stream import stream_feedback
from feedback_nlp.score_scales import scales_from_table
from tests.io.conftest import check_result

SCALES = {"csat": [1, 10], "csat_satisfied": [9, 10], "ces": [1, 5], "ces_low_effort": [1, 2]}
EXPORT = (
    "id,Comment,CSAT,CES\n1,Late parcel,3,4\n2,Easy checkout,9,1\n3,Fine,10,2\n4,Billed twice,8,5\n"
)


def _export(tmp_path, name="export.csv", text=EXPORT):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_declared_scale_reads_every_answer_on_it(tmp_path):
    mapping = {"columns": {"csat": "CSAT", "ces": "CES"}, "scales": SCALES}
    result = check_result(read_feedback(_export(tmp_path), mapping=mapping))
    assert result.table["csat"].tolist() == [3, 9, 10, 8] and result.rejects.empty
    assert result.scales == scales_from_table(SCALES, "") and result.info["scales"] == SCALES
    assert "  scales: csat 1-10 (counted: 9-10), ces 1-5 (counted: 1-2)" in result.summary()


def test_answers_above_the_default_scale_are_left_out_with_a_note_naming_the_table(tmp_path):
    result = check_result(read_feedback(_export(tmp_path), csat="CSAT", ces="CES"))
    assert result.table["csat"].isna().sum() == 3
    assert set(result.rejects["reason"]) == {
        "csat is outside 1-5: '9'", "csat is outside 1-5: '10'", "csat is outside 1-5: '8'"
    }  # fmt: skip
    assert (
        "csat scale ('CSAT'): 3 answer(s) above 5, up to 10, were left out: if the survey asks "
        "on 1-10, declare it in the mapping ([scales] csat = [1, 10] and csat_satisfied, the "
        "answers that count)"
    ) in result.info["notes"]


def test_a_ces_answered_only_from_1_to_5_gets_a_note(tmp_path):
    rows = "".join(f"{i},comment {i},{1 + i % 5}\n" for i in range(40))
    path = _export(tmp_path, text="id,Comment,CES\n" + rows)
    notes = check_result(read_feedback(path, ces="CES")).info["notes"]
    assert any(n.startswith("ces scale ('CES'): every answer is 1-5") for n in notes)
    few = _export(tmp_path, "few.csv", "id,Comment,CES\n" + rows[: rows.index("10,")])
    assert not any(
        "ces scale" in n for n in check_result(read_feedback(few, ces="CES")).info["notes"]
    )
    declared = {"columns": {"ces": "CES"}, "scales": {"ces": [1, 5], "ces_low_effort": [1, 2]}}
    notes = check_result(read_feedback(path, mapping=declared)).info["notes"]
    assert not any("ces scale" in n for n in notes)


def test_score_labels_are_checked_against_the_declared_scale(tmp_path):
    path = _export(tmp_path, text="id,Comment,CSAT\n1,Great,Delighted\n2,Bad,1\n")
    labels = {"csat": {"Delighted": 10}}
    with pytest.raises(ConfigError, match="give a whole number from 1 to 5"):
        read_feedback(path, mapping={"columns": {"csat": "CSAT"}, "score_labels": labels})
    mapping = {"columns": {"csat": "CSAT"}, "score_labels": labels, "scales": SCALES}
    assert check_result(read_feedback(path, mapping=mapping)).table["csat"].tolist() == [10, 1]


def test_files_on_different_scales_are_refused_together(tmp_path):
    first = _export(tmp_path, "a.csv")
    (tmp_path / "a.mapping.toml").write_text(
        '[columns]\ncsat = "CSAT"\n[scales]\ncsat = [1, 10]\ncsat_satisfied = [9, 10]\n',
        encoding="utf-8",
    )
    second = _export(tmp_path, "b.csv", "id,Comment,CSAT\n9,Good,4\n")
    with pytest.raises(ConfigError, match=r"a\.csv and .*b\.csv are read on different scales"):
        read_many([first, second], csat="CSAT")
    assert check_result(read_many([first])).info["scales"] == {
        "csat": [1, 10], "csat_satisfied": [9, 10]
    }  # fmt: skip


def test_scales_given_to_the_read_must_agree_with_the_mapping(tmp_path):
    mapping = {"columns": {"csat": "CSAT"}, "scales": SCALES}
    with pytest.raises(ConfigError, match=r"\[scales\] .* differ from the scales given"):
        read_feedback(_export(tmp_path), mapping=mapping, scales=scales_from_table({}, ""))
    given = scales_from_table(SCALES, "")
    result = check_result(read_feedback(_export(tmp_path), csat="CSAT", scales=given))
    assert result.table["csat"].tolist() == [3, 9, 10, 8]
    alone = read_feedback(_export(tmp_path, "alone.csv", "id,comment,csat\n1,ok,9\n"), scales=given)
    assert alone.table["csat"].tolist() == [9] and "mapping:" not in alone.summary()


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_streamed_chunks_are_read_on_the_given_scales(tmp_path, suffix):
    frame = pd.read_csv(_export(tmp_path), dtype=str)
    path = tmp_path / f"scored.{suffix}"
    if suffix == "json":
        path.write_text(json.dumps(frame.to_dict("records")), encoding="utf-8")
    else:
        frame.to_csv(path, index=False)
    scales = scales_from_table(SCALES, "")
    options = {"csat": "CSAT", "scales": scales, "bad_scores": "reject-row"}
    chunks = list(stream_feedback([path], chunk_rows=2, **options))
    assert pd.concat([c.table for c in chunks])["csat"].tolist() == [3, 9, 10, 8]
    assert all(c.rejects.empty for c in chunks)


def test_answers_off_a_declared_scale_are_said_to_be_off_it_not_another_scale(tmp_path):
    path = _export(tmp_path, text="id,Comment,CSAT\n1,ok,9\n2,odd,11\n")
    mapping = {"columns": {"csat": "CSAT"}, "scales": SCALES}
    notes = check_result(read_feedback(path, mapping=mapping)).info["notes"]
    assert "csat scale ('CSAT'): 1 answer(s) above the declared 1-10, up to 11, were left out" in (
        notes
    )


def test_the_scale_hint_reads_labelled_and_decimal_comma_answers_as_the_reader_does(tmp_path):
    text = 'id;Comment;CSAT\n1;ok;3\n2;good;10 - Very satisfied\n3;fine;"6,0"\n'
    path = _export(tmp_path, text=text)
    notes = check_result(read_feedback(path, csat="CSAT")).info["notes"]
    assert any(n.startswith("csat scale ('CSAT'): 2 answer(s) above 5, up to 10") for n in notes)
