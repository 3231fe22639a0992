"""Column recognition and mapping files."""

from __future__ import annotations

from pathlib import Path

import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.io.column_names import normalise_name, recognise
from feedback_nlp.io.mapping import load_mapping


def test_recognise_by_alias_without_reusing_columns():
    mapped = recognise(["ID", "Comment", "Likelihood to recommend", "Date"], {"text": "Comment"})
    assert mapped == {
        "text": "Comment",
        "response_id": "ID",
        "created_at": "Date",
        "nps": "Likelihood to recommend",
    }


@pytest.mark.parametrize(
    ("columns", "text", "identifier"),
    [
        (["post_id", "post"], "post", "post_id"),  # a forum or social export
        (["tweet_id", "full_text", "lang"], "full_text", "tweet_id"),  # the Twitter API's names
        (["Title", "selftext"], "selftext", None),  # Reddit
        (["message_id", "Message"], "Message", "message_id"),
    ],
)
def test_social_and_forum_exports_are_recognised(columns, text, identifier):
    mapped = recognise(columns)
    assert mapped["text"] == text
    assert mapped.get("response_id") == identifier


def test_normalise_name_keeps_letters_of_any_script():
    assert normalise_name(" Комментарий клиента ") == "комментарий_клиента"


def test_flat_dict_is_a_columns_table(tmp_path):
    mapping = load_mapping({"text": "body"}, {}, tmp_path / "x.csv")
    assert mapping.columns == {"text": "body"}


def test_bad_mapping_file(tmp_path):
    path = tmp_path / "m.toml"
    path.write_text("[columns\n")
    with pytest.raises(ConfigError, match="cannot read the mapping file"):
        load_mapping(path, {}, tmp_path / "x.csv")


def test_unknown_option(tmp_path):
    with pytest.raises(ConfigError, match=r"unknown option\(s\) \['sep'\]"):
        load_mapping({"options": {"sep": ";"}}, {}, tmp_path / "x.csv")


def test_camel_case_names_of_json_and_xml_exports_are_recognised():
    from feedback_nlp.io.column_names import recognise

    columns = ["postId", "createdAt", "customerId", "npsScore", "userLanguage", "comment"]
    assert recognise(columns) == {
        "response_id": "postId",
        "text": "comment",
        "respondent_id": "customerId",
        "created_at": "createdAt",
        "lang_hint": "userLanguage",
        "nps": "npsScore",
    }
    assert recognise(["created_at", "createdAt", "text"])["created_at"] == "created_at"


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ({"text": "Comment", "nps": "Comment"}, "'Comment' is mapped to both text and nps"),
        ({"text": ["Why", "Else"], "csat": "Else"}, "'Else' is mapped to both csat and text"),
    ],
)
def test_a_file_column_mapped_twice_is_refused_naming_both(columns, message):
    with pytest.raises(ConfigError, match=message):
        load_mapping({"columns": columns}, {}, Path("export.csv"))
