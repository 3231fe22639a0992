import math

import pandas as pd
import pytest

from feedback_nlp.text.clean import clean_text, clean_texts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>Hello</p><p>World</p>", "Hello\nWorld"),
        ("line one<br>line two<br/>three", "line one\nline two\nthree"),
        ("<b>bold</b> and <a href='x'>link</a>", "bold and link"),
        ("Fish &amp; chips &eacute;t&eacute; &#128512;", "Fish & chips été 😀"),
        ("&lt;script&gt; stays text", "<script> stays text"),
        ("a < b and I <3 it", "a < b and I <3 it"),
        ("bell\x07 and\x00nul", "bell and nul"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("  many \t  spaces\r\n\r\n\n next  ", "many spaces\nnext"),
        ("cafe\u0301", "café"),
        ("👨‍👩‍👧 family emoji", "👨‍👩‍👧 family emoji"),
        ("Привет, 你好, مرحبا", "Привет, 你好, مرحبا"),
        ("kept <EMAIL> placeholder", "kept <EMAIL> placeholder"),
        ("<!-- note --><div>text</div>", "text"),
        (
            "[h1]Verdict[/h1][b]Pros:[/b] [list][*]story[*]price[/list]",
            "Verdict\nPros:\nstory\nprice",
        ),
        ("see [url=https://example.org/x]my guide[/url] [i]now[/i]", "see my guide now"),
        ('[quote="ann"]it crashes[/quote] same here', "it crashes\nsame here"),
        ("a [SPOILER]twist[/SPOILER] b [color=#f00]red[/color]", "a twist b red"),
        (
            "refund [1] asked [sic], [deleted] [b]twice[/b]",
            "refund [1] asked [sic], [deleted] twice",
        ),
        (
            "arr[i] = 3 and [b] stays when nothing closes",
            "arr[i] = 3 and [b] stays when nothing closes",
        ),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA, ""])
def test_missing_gives_empty_string(missing):
    assert clean_text(missing) == ""


def test_clean_text_is_nfc_normalised():
    assert clean_text("e\u0301") == "\u00e9"


def test_clean_texts_keeps_index_and_string_dtype():
    series = pd.Series(["<i>a</i>", None], index=[10, 20])
    cleaned = clean_texts(series)
    assert cleaned.index.tolist() == [10, 20]
    assert cleaned.dtype == "string"
    assert cleaned.tolist() == ["a", ""]
