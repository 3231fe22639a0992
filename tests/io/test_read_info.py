"""What a read recognised in each file and its summary (io/read_info.py)."""

from __future__ import annotations

from feedback_nlp.io import read_feedback
from tests.io.conftest import check_result

WELL, BETTER = "What worked well?", "What could be improved?"
ROWS = [
    "a,5,Lively seminars every week,Longer lunch breaks",
    "b,3,The reading list,More feedback on drafts",
    "c,2,,The exam came too early",
]


def _survey(tmp_path):
    path = tmp_path / "module.csv"
    text = f"id,csat,{WELL},{BETTER}\n" + "".join(f"{row}\n" for row in ROWS)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_score_split_over_answers_is_counted_once_per_response(tmp_path):
    """Before stop 51 the summary counted the score on every answer row (5, not 3)."""
    result = check_result(read_feedback(_survey(tmp_path)))
    assert len(result.table) == 5
    score = result.info["scores"]["csat"]
    assert score == {"column": "csat", "count": 3, "min": 2, "max": 5, "answer_rows": 5}
    assert "csat <- csat: 3 value(s) (one per response; 5 on its answer rows)" in result.summary()


def test_no_wording_note_when_the_mapping_names_the_text_columns(tmp_path):
    """Before, "text: the questions … (by their wording)" stayed beside the mapping's text."""
    found = read_feedback(_survey(tmp_path)).info["notes"]
    assert any(note.startswith("text: the questions") for note in found)
    mapped = read_feedback(_survey(tmp_path), mapping={"columns": {"text": [WELL, BETTER]}})
    assert not [n for n in mapped.info["notes"] if n.startswith("text: the question")]
    assert mapped.info["more_texts"] == [BETTER]
