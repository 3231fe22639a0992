"""stream_feedback: the same rows and rejects as read_many, chunk by chunk."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io import read_many
from feedback_nlp.io.stream import stream_feedback
from feedback_nlp.pipeline import demo_files
from tests.io.conftest import FIXTURES

READABLE = [
    "qualtrics.csv",
    "surveymonkey.csv",
    "typeform.csv",
    "google_play.csv",
    "plain.tsv",
    "semicolon_cp1252.csv",
    "multiline_malformed.csv",
    "bad_scores.csv",
    "bad_duplicate_ids.csv",
    "forum.jsonl",
    "generic.parquet",
    "generic.xlsx",
    "chat.json",
    "app_store.json",
]


def _joined(paths, chunk_rows):
    chunks = list(stream_feedback(paths, chunk_rows=chunk_rows))
    table = pd.concat([c.table for c in chunks], ignore_index=True)
    rejects = pd.concat([c.rejects for c in chunks], ignore_index=True)
    return chunks, table, rejects


def _same(streamed: pd.DataFrame, whole: pd.DataFrame) -> None:
    assert list(streamed.columns) == list(whole.columns)
    pd.testing.assert_frame_equal(
        streamed.astype(object).where(streamed.notna(), None),
        whole.astype(object).where(whole.notna(), None),
    )


@pytest.mark.parametrize("name", READABLE)
@pytest.mark.parametrize("chunk_rows", [1, 2, 10_000])
def test_chunks_hold_the_rows_and_rejects_of_read_many(name, chunk_rows):
    path = FIXTURES / name
    whole = read_many([path])
    chunks, table, rejects = _joined([path], chunk_rows)
    _same(table, whole.table)
    order = ["line", "reason"]
    _same(
        rejects.sort_values(order).reset_index(drop=True),
        whole.rejects.sort_values(order).reset_index(drop=True),
    )
    assert sum(c.rows_read for c in chunks) == whole.info["rows_read"]
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert len({c.key for c in chunks}) == len(chunks)
    assert chunks[-1].position == chunks[-1].size


def test_demo_files_stream_as_read_many_reads_them_with_ids_checked_across_files():
    files = demo_files()
    whole = read_many(files)
    chunks, table, _ = _joined(files + files[:1], 50)
    first = len(whole.table)
    _same(table.iloc[:first].reset_index(drop=True), whole.table)
    repeated = [c for c in chunks if c.file_index == len(files)]
    assert sum(len(c.table) for c in repeated) == 0
    reasons = pd.concat([c.rejects for c in repeated])["reason"]
    assert reasons.str.startswith("duplicate response_id").all()


def test_csv_chunks_have_at_most_chunk_rows_source_rows(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"id": range(25), "text": [f"t{i}" for i in range(25)]}).to_csv(path)
    chunks = list(stream_feedback([path], chunk_rows=10))
    assert [c.rows_read for c in chunks] == [10, 10, 5]
    assert [len(c.table) for c in chunks] == [10, 10, 5]
    assert all(0 < c.position <= c.size for c in chunks)


def test_jsonl_fields_keep_one_dtype_across_chunks(tmp_path):
    path = tmp_path / "f.jsonl"
    rows = [{"id": 1, "text": "a", "n": None, "mixed": 1}, {"id": 2, "text": "b", "n": 3}]
    rows += [{"id": 3, "text": "c", "n": 4, "mixed": "x"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    chunks = list(stream_feedback([path], chunk_rows=1))
    assert {str(c.table["n"].dtype) for c in chunks} == {"Int64"}
    assert {str(c.table["mixed"].dtype) for c in chunks} == {"string"}
    assert [c.table["mixed"].iloc[0] for c in chunks][::2] == ["1", "x"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad_binary.csv", "not text"),
        ("bad_truncated_quote.csv", "never closed"),
        ("bad_truncated.jsonl", "the last line is cut off"),
        ("bad_missing_text.csv", "no text column"),
        ("bad_empty.csv", "empty"),
        ("bad_truncated.json", "truncated"),
    ],
)
def test_unreadable_files_raise_the_read_error_read_many_raises(name, message):
    with pytest.raises(ReadError, match=message) as streamed:
        list(stream_feedback([FIXTURES / name], chunk_rows=2))
    with pytest.raises(ReadError) as whole:
        read_many([FIXTURES / name])
    assert str(streamed.value) == str(whole.value)


def test_no_files_is_an_error():
    with pytest.raises(ReadError, match="no files given"):
        list(stream_feedback([]))


def test_a_file_with_a_header_only_gives_no_chunk():
    assert len(read_many([FIXTURES / "bad_header_only.csv"]).table) == 0
    assert list(stream_feedback([FIXTURES / "bad_header_only.csv"])) == []


def test_nested_jsonl_fields_stream_as_dotted_columns(tmp_path):
    path = tmp_path / "t.jsonl"
    rows = [{"id": i, "description": f"t{i}", "via": {"channel": "email"}} for i in range(3)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    chunks = list(stream_feedback([path], chunk_rows=2))
    assert [c.table["channel"].tolist() for c in chunks] == [["email", "email"], ["email"]]


def test_a_file_read_whole_streams_with_the_bad_scores_policy_as_read_many_reads_it(tmp_path):
    path = tmp_path / "scored.json"
    rows = [{"id": "1", "Comment": "Late", "CSAT": "9"}, {"id": "2", "Comment": "ok", "CSAT": "4"}]
    path.write_text(json.dumps(rows), encoding="utf-8")
    options = {"csat": "CSAT", "bad_scores": "reject-row"}
    chunks = list(stream_feedback([path], chunk_rows=1, **options))
    whole = read_many([path], **options)
    assert pd.concat([c.table for c in chunks])["response_id"].tolist() == ["2"]
    assert whole.table["response_id"].tolist() == ["2"]
    assert pd.concat([c.rejects for c in chunks])["reason"].tolist() == ["csat is outside 1-5: '9'"]


def test_a_streamed_read_rejects_the_posts_of_the_brands_handles(tmp_path):
    """`feedback-nlp tag` streams: the brand's replies were tagged as customer feedback."""
    path = tmp_path / "mentions.csv"
    path.write_text(
        "Tweet Id,Author,Full Text\n1,@some_fan,modem dead again\n"
        "2,@Acme_Help,Sorry! Please DM us your account number\n",
        encoding="utf-8",
    )
    chunks = list(stream_feedback([path], brand_handles=["@Acme_Help"]))
    kept = pd.concat([c.table for c in chunks])
    rejects = pd.concat([c.rejects for c in chunks])
    assert kept["response_id"].tolist() == ["1"]
    assert rejects["reason"].iat[0].startswith("a post by an account of the brand (")
    assert len(pd.concat([c.table for c in stream_feedback([path])])) == 2


def test_a_csv_chunks_position_is_where_its_rows_end_not_the_read_ahead(tmp_path):
    """Probe 51: a CSV chunk's position was the end of the reader's last 1 MB block, so a
    job's progress total was ~10 % low ("of about 54,086" for 60,000 rows)."""
    header = "response_id,comment\n"
    rows = [f"r{i:06d},comment {i} on the checkout page\n" for i in range(60_000)]
    path = tmp_path / "big.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    chunks = list(stream_feedback([path], chunk_rows=10_000))
    for number, chunk in enumerate(chunks[:-1], start=1):
        parsed = len(header) + sum(map(len, rows[: 10_000 * number]))
        assert abs(chunk.position - parsed) <= 200
    assert chunks[-1].position == path.stat().st_size
