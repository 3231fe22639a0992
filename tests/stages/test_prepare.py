import pandas as pd
import pytest

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.schema import validate
from feedback_nlp.stages import STAGES
from feedback_nlp.stages.prepare import PrepareStage, brand_handles


@pytest.fixture
def table():
    return pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
            "text": [
                "<p>Delivery was LATE!</p>",
                "delivery was late",
                None,
                "",
                "Mail me at ana@example.com or call 06 12 34 56 78",
                "Mail me at bob@example.com or call 07 98 76 54 32",
            ],
            "nps": pd.array([2, 3, None, 9, 5, 5], dtype="Int64"),
        },
        index=[10, 11, 12, 13, 14, 15],
    )


def test_prepare_adds_columns_with_schema_dtypes(table):
    out = PrepareStage()(table)
    validate(out)
    assert out.index.equals(table.index)
    assert out["text"].equals(table["text"])
    assert out["text_clean"].tolist() == [
        "Delivery was LATE!",
        "delivery was late",
        "",
        "",
        "Mail me at <EMAIL> or call <PHONE>",
        "Mail me at <EMAIL> or call <PHONE>",
    ]
    assert out["pii_types"].tolist() == ["", "", "", "", "email|phone", "email|phone"]
    assert out["is_duplicate"].tolist() == [False, True, False, False, False, True]
    assert out["duplicate_of"].tolist() == [pd.NA, "r1", pd.NA, pd.NA, pd.NA, "r5"]


def test_input_is_not_mutated(table):
    before = table.copy()
    PrepareStage()(table)
    pd.testing.assert_frame_equal(table, before)


def test_redaction_can_be_turned_off(table):
    out = PrepareStage(redact=False)(table)
    assert out.loc[14, "text_clean"] == "Mail me at ana@example.com or call 06 12 34 56 78"
    assert out["pii_types"].eq("").all()
    assert not out.loc[15, "is_duplicate"]


def test_only_chosen_types_are_redacted(table):
    out = PrepareStage(pii_types=["email"])(table)
    assert out.loc[14, "text_clean"] == "Mail me at <EMAIL> or call 06 12 34 56 78"
    assert out.loc[14, "pii_types"] == "email"


def test_unknown_pii_type_fails_at_construction():
    with pytest.raises(ConfigError, match="unknown PII type"):
        PrepareStage(pii_types=["ssn"])


def test_missing_text_column_is_reported():
    with pytest.raises(SchemaError, match=r"stage 'prepare' needs the column\(s\) \['text'\]"):
        PrepareStage()(pd.DataFrame({"response_id": ["a"]}))


def test_empty_table():
    out = PrepareStage()(
        pd.DataFrame({"response_id": pd.Series(dtype="string"), "text": pd.Series(dtype="string")})
    )
    assert len(out) == 0
    validate(out)


def test_registered_and_round_trips_through_analyzer(table, tmp_path):
    assert STAGES["prepare"] is PrepareStage
    stage = PrepareStage(redact=True, pii_types=["email", "handle"], keep_handles=["@Brand"])
    analyzer = Analyzer([stage])
    expected = analyzer.transform(table)
    loaded = Analyzer.load(analyzer.save(tmp_path / "model"))
    assert loaded.stages[0].get_config() == {
        "redact": True,
        "pii_types": ["email", "handle"],
        "max_chars": 20_000,
        "keep_handles": ["@Brand"],
        "strip_quotes": True,
    }
    kept = pd.DataFrame({"response_id": ["x"], "text": ["@Brand thanks to @jane"]})
    assert loaded.transform(kept)["text_clean"].tolist() == ["@Brand thanks to @user"]
    pd.testing.assert_frame_equal(loaded.transform(table), expected)


def test_long_comments_are_cut_and_flagged_and_text_is_kept():
    long_text = "word " * 10_000
    table = pd.DataFrame({"response_id": ["a", "b"], "text": [long_text, "short"]})
    out = PrepareStage(max_chars=1_000)(table)
    assert len(out.loc[0, "text_clean"]) <= 1_000
    assert out.loc[0, "text_clean"].endswith("word")
    assert out["text_issues"].tolist() == ["truncated", ""]
    assert out.loc[0, "text"] == long_text
    assert PrepareStage(max_chars=None)(table).loc[0, "text_issues"] == ""


@pytest.mark.parametrize(
    ("number", "kind", "kept"),
    [("4111 1111 1111 1111", "card", "4111"), ("DE89 3704 0044 0532 0130 00", "iban", "DE89")],
)
def test_a_number_across_the_cut_is_redacted_whole_not_left_with_its_first_digits(
    number, kind, kept
):
    text = "x" * 985 + " pay with " + number + " please"  # the cut falls inside the number
    out = PrepareStage(max_chars=1_000)(pd.DataFrame({"response_id": ["a"], "text": [text]}))
    assert kept not in out.loc[0, "text_clean"] and out.loc[0, "pii_types"] == kind
    assert out.loc[0, "text_issues"] == "truncated"


def test_max_chars_must_be_positive():
    with pytest.raises(ConfigError, match="max_chars must be >= 1"):
        PrepareStage(max_chars=0)


PRAISE = "Refund arrived today, great support, thank you!"
COMPLAINT = "I was charged twice, worst service"
SIGNATURE = "--\nJan Kowalski | Senior IT Admin | jan.kowalski@example.com | +48 601 234 567"


@pytest.fixture
def forum():
    return pd.DataFrame(
        {
            "response_id": ["p1", "p2", "p3", "p4", "p5", "p6"],
            "text": [
                f"> {COMPLAINT}\n{PRAISE}",
                f"Printer works again.\n{SIGNATURE}",
                f"[quote=angry_bob]{COMPLAINT}[/quote]",
                "Great app\n\nSent from my iPhone",
                f"angry_bob wrote:\n> {COMPLAINT}\nsame here",
                "Am 03.05.2026 schrieb Bob:\n> Lieferung kam nie\nsame here",
            ],
        }
    )


def test_quotes_and_signatures_are_left_out_of_text_clean_and_flagged(forum):
    out = PrepareStage()(forum)
    validate(out)
    assert len(out) == len(forum)
    assert out["text"].equals(forum["text"])
    assert out["text_clean"].tolist() == [
        PRAISE,
        "Printer works again.",
        "",
        "Great app",
        "same here",
        "same here",
    ]
    assert out["text_issues"].tolist() == [
        "quoted_text_removed",
        "signature_removed",
        "quoted_text_removed|quote_only",  # in ISSUE_KINDS order
        "signature_removed",
        "quoted_text_removed",
        "quoted_text_removed",
    ]
    assert out["pii_types"].eq("").all()  # the signature's e-mail and phone are gone with it
    # duplicates compare the author's own words: the same reply to different posts
    assert out["is_duplicate"].tolist() == [False, False, False, False, False, True]
    assert out.loc[5, "duplicate_of"] == "p5"


def test_quote_flags_merge_with_the_readers_and_the_cut():
    table = pd.DataFrame(
        {
            "response_id": ["a"],
            "text": [f"> {COMPLAINT}\n" + "word " * 300],
            "text_issues": ["mojibake"],
        }
    )
    out = PrepareStage(max_chars=100)(table)
    assert out.loc[0, "text_issues"] == "mojibake|truncated|quoted_text_removed"
    assert "charged" not in out.loc[0, "text_clean"]


def test_quote_removal_can_be_turned_off(forum):
    out = PrepareStage(strip_quotes=False)(forum)
    assert out.loc[0, "text_clean"] == f"> {COMPLAINT}\n{PRAISE}"
    assert out.loc[2, "text_clean"] == COMPLAINT
    assert out["text_issues"].eq("").all()


def test_a_praising_reply_quoting_a_complaint_through_reader_and_pipeline(forum, tmp_path):
    from feedback_nlp.io import read_many
    from feedback_nlp.stages.language import LanguageStage

    path = tmp_path / "forum.csv"
    forum.assign(channel="forum").to_csv(path, index=False)
    read = read_many([path])
    out = Analyzer([PrepareStage(), LanguageStage()]).transform(read.table)
    validate(out)
    assert out["response_id"].tolist() == forum["response_id"].tolist()  # rows in = rows out
    praise = out.set_index("response_id").loc["p1"]
    assert praise["text_clean"] == PRAISE and praise["lang"] == "en"
    assert "charged" not in praise["text_clean"] and "charged" in praise["text"]
    quote_only = out.set_index("response_id").loc["p3"]
    assert quote_only["text_clean"] == "" and quote_only["lang"] == "und"
    assert "quote_only" in quote_only["text_issues"]
    assert not out["text_clean"].str.contains("Kowalski|iPhone|wrote:|schrieb").any()


def test_retweets_are_duplicates_of_the_redacted_original():
    posts = pd.DataFrame(
        {
            "response_id": ["t1", "t2", "t3"],
            "text": [
                "RT @some_fan: router down since noon, again @Brand",
                "router down since noon, again @Brand",
                "router down since noon, again @Brand via @other_fan",
            ],
        }
    )
    out = PrepareStage(keep_handles=["@Brand"])(posts)
    assert out["text_clean"].iat[0] == "RT @user: router down since noon, again @Brand"
    assert out["is_duplicate"].tolist() == [True, False, True]
    assert out["duplicate_of"].tolist() == ["t2", pd.NA, "t2"]


def test_brand_handles_are_the_prepare_stages_kept_handles():
    stages = [PrepareStage(keep_handles=["@Brand", "@Brand_Help"]), STAGES["language"]()]
    assert brand_handles(stages) == ["@Brand", "@Brand_Help"]
    assert brand_handles([PrepareStage()]) == []
