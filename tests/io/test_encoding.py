"""Encoding detection: BOMs, UTF-16, cp1252 fallback, and no silently garbled text."""

from __future__ import annotations

import codecs

import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io import read_feedback
from feedback_nlp.io.encoding import detect_encoding
from tests.io.conftest import FIXTURES, check_result

TEXT = "id,text\n1,Crème brûlée à Brașov – “top”\n2,Всё хорошо\n"


@pytest.mark.parametrize(
    ("prefix", "encoding", "detected"),
    [
        (b"", "utf-8", "utf-8"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (b"", "utf-16-le", "utf-16-le"),
        (b"", "utf-16-be", "utf-16-be"),
    ],
)
def test_unicode_files_read_identically(tmp_path, prefix, encoding, detected):
    path = tmp_path / "f.csv"
    path.write_bytes(prefix + TEXT.encode(encoding))
    result = check_result(read_feedback(path))
    assert result.info["encoding"] == detected
    assert result.table["text"].tolist() == ["Crème brûlée à Brașov – “top”", "Всё хорошо"]


def test_cp1252_fallback(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("id,text\n1,Café – “très” bon\n".encode("cp1252"))
    result = check_result(read_feedback(path))
    assert result.info["encoding"] == "cp1252"
    assert result.table.loc[0, "text"] == "Café – “très” bon"


def test_cp1252_after_a_long_ascii_start_switches_encoding(tmp_path):
    path = tmp_path / "f.csv"
    ascii_rows = "".join(f"{i},plain text {i}\n" for i in range(5000))
    path.write_bytes(("id,text\n" + ascii_rows + "x,Größe\n").encode("cp1252"))
    result = check_result(read_feedback(path))
    assert result.info["encoding"] == "cp1252"
    assert result.table["text"].iloc[-1] == "Größe"


def test_utf8_file_with_a_cp1252_line_later_keeps_the_line(tmp_path):
    path = tmp_path / "f.csv"
    filler = "".join(f"{i},plain text number {i}\n" for i in range(4000)).encode()
    head = "id,text\n1,Grüße\n".encode() + filler
    path.write_bytes(head + "x,Grüße\n".encode("cp1252"))
    result = read_feedback(path)
    check_result(result)
    assert result.table["text"].iloc[-1] == "Grüße"
    assert result.info["mixed_encoding_lines"] == [4003]
    assert "1 line(s) not valid utf-8 were read as cp1252" in result.summary()


def test_mixed_encodings_in_a_small_file_are_read_line_by_line(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("id,text\n1,Grüße\n".encode() + "2,Grüße\n".encode("cp1252"))
    result = read_feedback(path)
    assert result.table["text"].tolist() == ["Grüße", "Grüße"]
    assert result.info["encoding"] == "utf-8"
    assert result.info["mixed_encoding_lines"] == [3]


def test_forced_encoding_is_used(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("id,text\n1,Ærø\n".encode("latin-1"))
    result = read_feedback(path, encoding="latin-1")
    assert result.table.loc[0, "text"] == "Ærø"


def test_mojibake_rows_are_kept_and_flagged():
    result = read_feedback(FIXTURES / "bad_mojibake.csv")
    assert result.table["text_issues"].tolist() == ["", "mojibake"]
    assert result.info["text_issues"] == {"mojibake": 1}


def test_binary_file_is_refused():
    with pytest.raises(ReadError, match=r"bad_binary\.csv, line 1: the file is not text: .* NUL"):
        read_feedback(FIXTURES / "bad_binary.csv")


def test_detect_encoding_ignores_a_character_cut_by_the_sample_end():
    assert detect_encoding("abc é".encode()[:-1], "x.csv") == "utf-8"


LEGACY_ROWS = {  # one export per script that cp1252 used to read as gibberish
    "gbk": "id,nps,comment\n1,3,快递太慢了\n2,9,客服态度很好\n3,6,价格有点贵\n",
    "gb18030": "id,nps,comment\n1,2,退货流程太复杂\n2,10,包装很好非常满意\n",
    "shift_jis": "id,nps,comment\n1,4,値段が高いです\n2,9,サーバーは速いです\n",
    "cp1256": "id,nps,comment\n1,3,التوصيل متأخر جدا\n2,9,المنتج ممتاز\n",
    "cp1251": "id,nps,comment\n1,3,Доставка очень медленная\n2,9,Отличный сервис\n",
    "euc_kr": "id,nps,comment\n1,3,배송이 너무 늦어요\n2,9,상담원이 친절했어요\n",
}


@pytest.mark.parametrize("encoding", list(LEGACY_ROWS))
def test_legacy_exports_of_other_scripts_are_read_not_garbled(tmp_path, encoding):
    """Before, each was read as cp1252 gibberish (or refused on a byte cp1252 lacks)."""
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(LEGACY_ROWS[encoding].encode(encoding))
    result = check_result(read_feedback(path))
    expected = [line.split(",")[2] for line in LEGACY_ROWS[encoding].splitlines()[1:]]
    assert result.table["text"].tolist() == expected
    assert result.info["encoding"] != "cp1252" and not result.info.get("mixed_encoding_lines")


@pytest.mark.parametrize(
    "comment",
    [
        "It’s “fine” – really… €20 — ok",
        "Très déçu: où est la boîte ?",
        "Größe ÄÖÜ",
        "Price: €€€ for a coffee",  # a repeated symbol is no other script (stop 49's review)
        "Great pool - water 30°°° though",
        "Stars ••• and dots ……… ±±±",
    ],
)
def test_latin_cp1252_exports_keep_cp1252(tmp_path, comment):
    path = tmp_path / "latin.csv"
    path.write_bytes(f"id,text\n1,{comment}\n".encode("cp1252"))
    result = check_result(read_feedback(path))
    assert result.info["encoding"] == "cp1252" and result.table["text"].iloc[0] == comment
