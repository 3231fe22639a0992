"""Legacy encodings of other scripts than Latin: detected, or the file refused with a hint."""

from __future__ import annotations

import random

import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io.legacy_encoding import legacy_encoding, looks_like_other_script


def test_latin_bytes_stay_cp1252():
    sample = "id,text\n1,Größe passt, schöne Grüße – “gut”\n".encode("cp1252")
    assert not looks_like_other_script(sample)
    assert legacy_encoding(sample, "x.csv") == "cp1252"


def test_chinese_japanese_arabic_bytes_get_their_encoding():
    chinese = "id,text\n1,快递太慢了，客服不回复\n2,质量很好\n".encode("gbk")
    japanese = "id,text\n1,値段が高いです\n2,サポートは丁寧でした\n".encode("cp932")
    arabic = "id,text\n1,التوصيل متأخر جدا\n2,المنتج ممتاز\n".encode("cp1256")
    assert legacy_encoding(chinese, "x.csv") == "gb18030"
    assert legacy_encoding(japanese, "x.csv") == "cp932"
    assert legacy_encoding(arabic, "x.csv") == "cp1256"


def test_bytes_no_encoding_reads_are_refused_naming_encodings_to_try():
    rng = random.Random(1)
    rows = [f"{n},".encode() + bytes(rng.randrange(128, 256) for _ in range(20)) for n in range(30)]
    with pytest.raises(ReadError) as caught:
        legacy_encoding(b"id,text\n" + b"\n".join(rows) + b"\n", "noise.csv")
    assert "--encoding gb18030" in str(caught.value) and "noise.csv" in str(caught.value)
