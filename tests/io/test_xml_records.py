"""XML exports: one row per record element (feedback_nlp.io.xml_records)."""

from __future__ import annotations

import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io import read_feedback, read_many
from feedback_nlp.io.stream import stream_feedback
from tests.io.conftest import check_result

SURVEY = """<?xml version="1.0" encoding="UTF-8"?>
<export>
  <meta><survey>Q3 relationship</survey><exported>2026-11-30</exported></meta>
  <Responses>
    <Response id="R_1" lang="de">
      <recommend>3</recommend>
      <comment>Die Lieferung kam zwei Wochen zu spät.</comment>
      <channel_used>app</channel_used>
      <channel_used>web</channel_used>
    </Response>
    <Response id="R_2">
      <recommend>10</recommend>
      <comment>Quick &amp; friendly &lt;3</comment>
      <aspects><aspect name="staff" polarity="positive"/></aspects>
    </Response>
    <Response id="R_3">
      <recommend>7</recommend>
      <comment/>
      <aspects/>
    </Response>
  </Responses>
</export>
"""


def write(tmp_path, text, name="export.xml", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_each_record_is_a_row_with_its_attributes_and_text_elements(tmp_path):
    result = check_result(read_feedback(write(tmp_path, SURVEY)))
    table = result.table
    assert table["response_id"].tolist() == ["R_1", "R_2", "R_3"]  # R_3: a score, no comment
    assert table["text"].fillna("").tolist() == [
        "Die Lieferung kam zwei Wochen zu spät.",
        "Quick & friendly <3",
        "",
    ]
    assert table["nps"].tolist() == [3, 10, 7]
    assert table["lang_hint"].fillna("").tolist() == ["de", "", ""]
    assert table["channel_used"].fillna("").tolist() == ["app | web", "", ""]
    assert "aspects" not in table.columns
    assert result.rejects.empty
    assert result.info["format"] == "xml"
    summary = result.summary()
    assert "not read: ['aspects']" in summary
    assert "joined with ' | ': ['channel_used']" in summary


def test_html_markup_inside_a_comment_is_read_through(tmp_path):
    text = SURVEY.replace(
        "Quick &amp; friendly &lt;3",
        'Quick <b>and</b> <a href="x">friendly</a><br/>would <i>come back</i>',
    )
    result = check_result(read_feedback(write(tmp_path, text)))
    assert result.table["text"].tolist()[1] == "Quick and friendly\nwould come back"
    assert result.table["text"].tolist()[0] == "Die Lieferung kam zwei Wochen zu spät."  # as before
    assert "not read: ['aspects']" in result.summary()  # a real part of its own is still left


def test_a_list_of_text_elements_is_one_row_each(tmp_path):
    path = write(
        tmp_path, "<comments><comment>Too slow</comment><comment>Great</comment></comments>"
    )
    table = check_result(read_feedback(path)).table
    assert table["text"].tolist() == ["Too slow", "Great"]


def test_a_single_record_is_one_row(tmp_path):
    path = write(
        tmp_path, "<Responses><Response><id>7</id><text>Fine</text></Response></Responses>"
    )
    table = check_result(read_feedback(path)).table
    assert table[["response_id", "text"]].values.tolist() == [["7", "Fine"]]


def test_a_declared_encoding_and_damaged_characters_keep_the_rows(tmp_path):
    latin = SURVEY.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    assert (
        check_result(read_feedback(write(tmp_path, latin, encoding="latin-1")))
        .table.loc[0, "text"]
        .endswith("spät.")
    )
    damaged = SURVEY.replace("Quick", "Qu\x01ick")  # a control character XML forbids
    table = check_result(read_feedback(write(tmp_path, damaged, name="damaged.xml"))).table
    assert table["response_id"].tolist() == ["R_1", "R_2", "R_3"]
    assert table.loc[1, "text_issues"]  # flagged, not refused


def test_a_truncated_file_names_its_line(tmp_path):
    path = write(tmp_path, SURVEY[: SURVEY.index('<Response id="R_3">')])
    with pytest.raises(ReadError, match=r"export\.xml, line \d+: not well-formed XML"):
        read_feedback(path)


def test_entity_declarations_are_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r><x><text>&b;</text></x></r>'
    )
    with pytest.raises(ReadError, match=r"declares the XML entity 'a'"):
        read_feedback(write(tmp_path, bomb))


def test_xml_is_streamed_for_tagging_like_the_other_whole_file_formats(tmp_path):
    path = write(tmp_path, SURVEY)
    chunks = list(stream_feedback([path], chunk_rows=1))
    assert [len(c.table) for c in chunks] == [1, 1, 1]
    assert sum(c.rows_read for c in chunks) == 3
    assert read_many([path]).table["response_id"].tolist() == ["R_1", "R_2", "R_3"]


def test_the_encoding_its_declaration_names_is_used(tmp_path):
    cyrillic = (
        '<?xml version="1.0" encoding="windows-1251"?>\n'
        "<rows><row><id>1</id><text>Доставка опоздала на неделю</text></row>"
        "<row><id>2</id><text>Всё отлично</text></row></rows>"
    )
    result = check_result(read_feedback(write(tmp_path, cyrillic, encoding="cp1251")))
    assert result.table["text"].tolist() == ["Доставка опоздала на неделю", "Всё отлично"]
    assert result.info["encoding"] == "windows-1251"
