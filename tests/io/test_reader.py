"""read_feedback / read_many: rejects, ids, scores, mapping, bad files, summary."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError, ReadError
from feedback_nlp.io import read_feedback, read_many
from tests.io.conftest import FIXTURES, check_result


def test_scores_out_of_range_or_not_integer_are_rejected_never_clipped():
    result = check_result(read_feedback(FIXTURES / "bad_scores.csv", bad_scores="reject-row"))
    rejects = result.rejects.set_index("line")
    assert result.table["response_id"].tolist() == ["7"]
    assert rejects.loc[2, "reason"] == "nps is outside 0-10: '11'"
    assert rejects.loc[3, "reason"] == "csat is outside 1-5: '0'"
    assert rejects.loc[4, "reason"] == "ces is outside 1-7: '8'"
    assert rejects.loc[5, "reason"] == "nps is not a whole number: '7.5'"
    assert rejects.loc[6, "reason"] == "nps is not a number: 'seven'"
    assert rejects.loc[7, "reason"] == "nps is outside 0-10: '-1'"
    assert rejects.loc[2, "field"] == "nps"
    assert json.loads(rejects.loc[2, "raw"]) == {
        "id": "1",
        "text": "ok",
        "nps": "11",
        "csat": "3",
        "ces": "4",
    }
    assert result.info["scores"]["nps"] == {"column": "nps", "count": 1, "min": 10, "max": 10}


def test_bad_scores_keep_text_by_default_and_list_the_problem():
    result = check_result(read_feedback(FIXTURES / "bad_scores.csv"))
    assert result.info["bad_scores"] == "keep-text"
    assert len(result.table) == 7 and result.info["rows_rejected"] == 0
    table = result.table.set_index("response_id")
    assert pd.isna(table.loc["1", "nps"]) and table.loc["1", "csat"] == 3
    assert table.loc["1", "text"] == "ok"
    problems = result.rejects.set_index("line")
    assert problems["row_kept"].all()
    assert problems.loc[2, "reason"] == "nps is outside 0-10: '11'"
    assert problems.loc[6, "reason"] == "nps is not a number: 'seven'"
    assert result.info["scores_emptied"]["nps is outside 0-10"] == 2
    assert "rows kept with a score, date, outcome or journey stage emptied" in result.summary()


def test_bad_scores_policy_from_the_mapping_and_checked(tmp_path):
    mapping = {"options": {"bad_scores": "reject-row"}}
    result = check_result(read_feedback(FIXTURES / "bad_scores.csv", mapping=mapping))
    assert len(result.table) == 1
    with pytest.raises(ConfigError, match="bad_scores must be one of"):
        read_feedback(FIXTURES / "bad_scores.csv", bad_scores="keep")


def test_duplicate_ids_second_one_rejected():
    result = check_result(read_feedback(FIXTURES / "bad_duplicate_ids.csv"))
    assert result.table["text"].tolist() == ["first", "second"]
    assert result.rejects.loc[0, "line"] == 4
    assert result.rejects.loc[0, "reason"] == (
        "duplicate response_id 'a' (first at bad_duplicate_ids.csv:2)"
    )


def test_no_text_no_score_rejected_but_empty_text_with_score_kept(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("id,text,csat\n1,,\n2,,4\n3,  ,\n4,hi,\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["2", "4"]
    assert result.table["text"].tolist() == ["", "hi"]
    assert result.rejects["reason"].tolist() == ["no text and no score"] * 2
    assert result.rejects["line"].tolist() == [2, 4]


def test_missing_response_ids_are_generated_from_stem_and_line(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text('text,id\n"multi\nline",\nsecond,x\nthird,\n', encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["notes-2", "x", "notes-5"]
    assert result.info["generated_ids"] == 2
    assert "response_id generated as <file stem>-<line> for 2 row(s)" in result.summary()


def test_bad_dates_and_bad_journey_stages_are_emptied_and_listed(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(
        "id,text,date,journey_stage\n1,a,2026-13-45,retention\n2,b,2026-05-01,Retention\n"
        "3,c,2026-05-01,loyalty\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert result.table["journey_stage"].tolist() == ["retention", "retention", pd.NA]
    assert pd.isna(result.table.loc[0, "created_at"])
    rejects = result.rejects.set_index("line")
    assert rejects.loc[2, "reason"].startswith("created_at is not a date: '2026-13-45'")
    assert rejects.loc[2, "row_kept"] and rejects.loc[4, "row_kept"]
    assert rejects.loc[4, "reason"].startswith("journey_stage is not one of awareness")
    strict = check_result(read_feedback(path, bad_scores="reject-row"))
    assert strict.table["response_id"].tolist() == ["2"]


def test_missing_text_column_is_an_error():
    with pytest.raises(
        ReadError, match=r"bad_missing_text\.csv, field 'text': no text column found among"
    ):
        read_feedback(FIXTURES / "bad_missing_text.csv")


def test_unsupported_extension():
    with pytest.raises(ReadError, match=r"unsupported file type '\.pdf'"):
        read_feedback(FIXTURES / "bad_unsupported.pdf")


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_feedback(tmp_path / "absent.csv")


def test_keyword_mapping_and_constants(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("ref,Kundenmeinung,Score,when\nA,gut,9,2026-05-01\n", encoding="utf-8")
    result = check_result(
        read_feedback(
            path,
            mapping={"constants": {"channel": "email"}},
            response_id="ref",
            text="Kundenmeinung",
            nps="Score",
            created_at="when",
        )
    )
    row = result.table.iloc[0]
    assert (row["response_id"], row["text"], row["nps"], row["channel"]) == ("A", "gut", 9, "email")
    assert result.info["mapping"] == "mapping argument"


def test_mapping_to_a_column_the_file_lacks(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("id,text\n1,a\n", encoding="utf-8")
    with pytest.raises(ReadError, match=r"field 'Comment': the mapping sends column 'Comment'"):
        read_feedback(path, text="Comment")


def test_mapping_with_unknown_schema_name(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("id,text\n1,a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"names \['sentiment_hint'\], which are not feedback"):
        read_feedback(path, sentiment_hint="text")


def test_mapping_toml_beside_the_file_is_picked_up():
    result = check_result(read_feedback(FIXTURES / "forum.jsonl"))
    table = result.table
    assert result.info["mapping"].endswith("forum.mapping.toml")
    assert table["response_id"].tolist() == ["f1", "f2"]
    assert table["channel"].tolist() == ["forum", "forum"]
    assert table["source"].tolist() == ["northwind_community"] * 2
    assert table["thread_id"].tolist() == ["t1", "t1"]
    assert "conversation_id" not in table.columns
    assert table.loc[0, "created_at"] == pd.Timestamp("2026-06-01 09:12:00", tz="UTC")


def test_mapping_toml_date_format_option(tmp_path):
    data = tmp_path / "f.csv"
    data.write_text("id,text,day\n1,a,03/05/2026\n", encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\ncreated_at = "day"\n[options]\ndate_format = "%d/%m/%Y"\n')
    result = check_result(read_feedback(data, mapping=mapping))
    assert result.table.loc[0, "created_at"] == pd.Timestamp("2026-05-03", tz="UTC")


def test_slashed_dates_without_a_format_are_listed_with_the_format_to_set(tmp_path):
    data = tmp_path / "f.csv"
    data.write_text("id,text,date\n1,a,03/05/2026\n2,b,31/05/2026\n", encoding="utf-8")
    result = check_result(read_feedback(data))
    assert result.table["created_at"].isna().all() and result.rejects["row_kept"].all()
    assert result.rejects.loc[0, "reason"].startswith("created_at is not a date: '03/05/2026'")
    assert result.info["notes"] == [
        "column 'date': slashed dates, day or month first? '31/05/2026' is day first: "
        "date_format = '%d/%m/%Y' in the mapping's [options]"
    ]
    assert "note: column 'date': slashed dates" in result.summary()


def test_read_many_rejects_ids_seen_in_an_earlier_file(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("id,text\n1,a\n2,b\n", encoding="utf-8")
    second.write_text("id,text\n2,again\n3,c\n", encoding="utf-8")
    result = read_many([first, second])
    assert result.table["response_id"].tolist() == ["1", "2", "3"]
    assert result.rejects.loc[0, "reason"] == "duplicate response_id '2' (first at a.csv:3)"
    assert result.rejects.loc[0, "file"] == str(second)
    assert result.info["rows_read"] == 4 == len(result.table) + len(result.rejects)
    assert "all files: 4 read, 3 kept, 1 rejected" in result.summary()


def test_read_many_of_every_platform_fixture_is_schema_valid():
    names = [
        "qualtrics.csv",
        "surveymonkey.csv",
        "typeform.csv",
        "google_play.csv",
        "app_store.json",
        "chat.json",
        "forum.jsonl",
        "generic.xlsx",
        "generic.parquet",
    ]
    result = check_result(read_many([FIXTURES / n for n in names]))
    assert result.table["response_id"].is_unique
    assert len(result.info["files"]) == len(names)


def test_summary_names_platform_columns_scores_and_rejects():
    text = read_feedback(FIXTURES / "bad_scores.csv", bad_scores="reject-row").summary()
    assert "platform: generic, format: csv, encoding: utf-8, delimiter: ','" in text
    assert "nps             <- nps" in text
    assert "score nps <- nps: 1 value(s), range 10-10" in text
    assert "rows: 7 read, 1 kept, 6 rejected" in text
    assert "2 x nps is outside 0-10" in text
    assert "bad_scores.csv:2: nps is outside 0-10: '11'" in text


def test_the_summary_quotes_reject_reasons_with_their_personal_data_redacted(tmp_path):
    path = tmp_path / "stages.csv"
    path.write_text("id,comment,stage\n1,late,bob.smith@example.com\n", encoding="utf-8")
    result = read_feedback(path, journey_stage="stage")
    assert "bob.smith@example.com" in result.rejects["reason"].iloc[0]  # the table keeps it
    text = result.summary()
    assert "bob.smith" not in text
    assert "stages.csv:2: journey_stage is not one of" in text and "'<EMAIL>'" in text


def test_the_summary_quotes_a_duplicate_handle_id_by_its_pseudonym(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text("id,comment\n@ines1284,late\n@ines1284,again\n", encoding="utf-8")
    result = read_feedback(path)
    assert result.rejects["reason"].str.contains("@ines1284").all()  # the table keeps it
    text = result.summary()
    assert "ines1284" not in text
    assert "duplicate response_id 'pii-" in text


def test_columns_named_like_the_toolkits_own_are_carried_as_source_columns(tmp_path):
    path = tmp_path / "forum.csv"
    pd.DataFrame(
        {
            "id": ["p1", "p2"],
            "text": ["The lift is broken again", "Thanks for the quick fix"],
            "topic": ["Accessibility", "Repairs"],  # the forum's own fields
            "sentiment": ["neg", "pos"],
            "Emotion": ["anger", "joy"],  # in other letter case too
            "LANG": ["en", "en"],
        }
    ).to_csv(path, index=False)
    result = check_result(read_feedback(path))
    assert result.table["source_topic"].tolist() == ["Accessibility", "Repairs"]
    assert result.table["source_sentiment"].tolist() == ["neg", "pos"]
    assert result.table["source_Emotion"].tolist() == ["anger", "joy"]
    assert result.table["lang_hint"].tolist() == ["en", "en"]  # recognised, not carried
    assert "topic" not in result.table.columns and "sentiment" not in result.table.columns


def test_a_german_semicolon_export_is_read_whole(tmp_path):
    path = tmp_path / "umfrage.csv"
    path.write_text(
        "ID;Datum;NPS;CSAT;Kommentar\n"
        "1;31.10.2026 14:05;9;4,0;Schnelle Lieferung\n"
        "2;02.11.2026;k. A.;-;Alles gut\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    table = result.table
    assert table["created_at"].dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2026-10-31 14:05",
        "2026-11-02 00:00",
    ]
    assert table["csat"].tolist()[0] == 4 and pd.isna(table["csat"].iloc[1])
    assert result.rejects["reason"].tolist() == ["nps is not a number: 'k. A.'"]  # kept, listed


def test_notes_that_quote_cells_are_redacted_in_the_summary(tmp_path):
    path = tmp_path / "csat.csv"
    rows = ["id,comment,csat", "1,slow,call me +44 7700 900123", "2,fine,4", "3,ok,5"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = read_feedback(path)
    assert any("7700 900123" in note for note in result.info["notes"])  # the info keeps it
    text = result.summary()
    assert "7700" not in text and "call me <PHONE>" in text


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_table_written_by_read_reads_back_with_the_same_columns(tmp_path, suffix):
    path = tmp_path / "export.csv"
    path.write_text(
        "id,comment,nps,topic,stage\n1,late parcel,3,Delivery,purchase\n2,nice,9,Staff,\n"
    )
    first = read_feedback(path, journey_stage="stage")
    assert "journey_stage_order" in first.table.columns
    written = tmp_path / f"table{suffix}"
    if suffix == ".csv":
        first.table.to_csv(written, index=False)
    else:
        first.table.to_parquet(written, index=False)
    again = read_feedback(written)
    assert again.table.columns.tolist() == first.table.columns.tolist()
    assert "column 'text_issues' (`feedback-nlp read` writes it) made again" in again.summary()
    assert "column 'journey_stage_order' (`feedback-nlp read` writes it)" in again.summary()


def test_the_header_repeated_in_the_middle_is_rejected_not_a_response(tmp_path):
    path = tmp_path / "joined.csv"
    path.write_text("id,comment,nps\n1,a,9\nid,comment,nps\n2,b,8\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["1", "2"]
    assert result.rejects["line"].tolist() == [3]
    assert result.rejects["reason"].iloc[0].startswith("the header row again")
    assert "holds words such as 'nps'" not in result.summary()  # its cells are no scores


def test_reject_reasons_are_counted_by_kind_in_the_summary(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "a", "text": "late"}\n{"id": "b", "text": \n{"id": "c"}\n')
    text = read_feedback(path).summary()
    assert "1 x the line is not valid JSON\n" in text + "\n"  # not "…JSON (Expecting"


def test_a_row_without_text_names_its_unreadable_score(tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text("id,comment,nps\n1,,7.5\n2,,\n3,ok,9\n", encoding="utf-8")
    reasons = read_feedback(path).rejects["reason"].tolist()
    assert reasons == ["no text, and nps is not a whole number: '7.5'", "no text and no score"]


def test_posts_by_the_companys_side_are_rejected_with_the_reason(tmp_path):
    """A forum export's staff replies became its top themes before stop 48."""
    path = tmp_path / "forum.csv"
    path.write_text(
        "post_id,author_role,body\n1,member,The sync is broken again\n"
        "2,Staff,Thanks for reporting! Our team is looking into it.\n"
        "3,Moderator,Moved to the bugs board.\n4,member,Same here since Monday\n",
        encoding="utf-8",
    )
    result = read_feedback(path)
    assert result.table["text"].tolist() == ["The sync is broken again", "Same here since Monday"]
    assert len(result.rejects) == 2
    assert (
        result.rejects["reason"]
        .iloc[0]
        .startswith("a post by the company's side (author_role 'Staff')")
    )
    mapping = tmp_path / "keep.toml"
    mapping.write_text("[options]\nkeep_staff = true\n", encoding="utf-8")
    assert len(read_feedback(path, mapping=mapping).table) == 4


def test_posts_by_the_brands_declared_handles_are_rejected_with_the_reason(tmp_path):
    """A social export's brand replies ("DM us your account number") were its top theme."""
    path = tmp_path / "mentions.csv"
    path.write_text(
        "Tweet Id,Author,Full Text\n1,@some_fan,modem dead again @Acme_Help\n"
        "2,@Acme_Help,Sorry! Please DM us your account number\n3,@other_fan,same here\n",
        encoding="utf-8",
    )
    result = read_many([path], brand_handles=["@acme_help"])
    assert result.table["response_id"].tolist() == ["1", "3"]
    assert result.rejects["field"].tolist() == ["Author"]
    assert result.rejects["reason"].iat[0].startswith("a post by an account of the brand (")
    assert "mapping" not in result.info["files"][0]
    assert len(read_many([path]).table) == 3
    keep = {"options": {"keep_staff": True}}
    assert len(read_many([path], brand_handles=["@Acme_Help"], mapping=keep).table) == 3


def test_a_surveys_role_question_is_no_staff_column(tmp_path):
    """A B2B survey asks the respondent's role: a reviewer found its Developers and Admins
    rejected as staff posts in the first version of the rule."""
    path = tmp_path / "nps.csv"
    path.write_text(
        "response_id,nps,role,comment\n1,9,Developer,Fast API\n2,3,Admin,Billing is confusing\n",
        encoding="utf-8",
    )
    assert len(read_feedback(path).table) == 2


def test_a_file_of_arabic_and_full_width_scores_out_of_ten_is_read(tmp_path):
    """Before, one "٩/١٠" cell refused the whole file with pyarrow's ArrowInvalid."""
    path = tmp_path / "native.csv"
    rows = ["id,nps,comment", "A1,٩/١٠,خدمة جيدة جدا", "A2,９/１０,とても良い", "A3,\u200f٨,جيد"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.table["nps"].tolist() == [9, 9, 8]
    assert result.rejects.empty


def test_read_feedback_given_a_dataframe_points_to_tag_frame():
    """Stop 50: a bare TypeError before."""
    frame = pd.DataFrame({"text": ["late"], "response_id": ["a"]})
    with pytest.raises(ReadError, match=r"read_feedback\(\) reads files.*tag_frame"):
        read_feedback(frame)
    with pytest.raises(ReadError, match=r"read_many\(\) reads files"):
        read_many([frame])
