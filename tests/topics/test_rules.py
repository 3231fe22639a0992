"""Keyword rules in scripts written without spaces, and misspelt NEAR operators."""

import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics.rules import parse_rule, rule_words


def fires(rule: str, text: str) -> bool:
    return parse_rule(rule).matches(rule_words(text))


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ('"配達"', "配達が遅い"),
        ('"配達*"', "昨日の配達がまだ来ない"),
        ('"配送"', "配送太慢了，等了很久"),
        ('"配送" NEAR "慢"', "配送太慢了"),
        ('"配達" NEAR "遅い"', "配達がとても遅いです"),
        ('"ส่ง" NEAR "ช้า"', "ส่งช้ามาก รอนานเกินไป"),
        ('"ช้า"', "ส่งช้ามาก"),
        ('"app" NEAR/1 "遅い"', "APPが遅い"),
        ('"アプリ"', "ｱﾌﾟﾘが落ちる"),  # half-width kana read as full-width
    ],
)
def test_a_term_of_an_unspaced_script_matches_inside_a_run_of_characters(rule, text):
    """Before, a run of Han, kana or Thai between punctuation was one word: never matched."""
    assert fires(rule, text)


@pytest.mark.parametrize(
    ("rule", "text", "hit"),
    [
        ('"配達" NEAR/1 "遅"', "配達が遅い", True),  # 1 character between, NEAR/1 allows 2
        ('"配達" NEAR/1 "遅"', "配達がとても遅い", False),  # 4 between
        ('"配達" NEAR/2 "遅"', "配達がとても遅い", True),
        ('"配達" NEAR "遅"', "配達は今日も昨日も本当にとても遅い", False),  # 12 between
    ],
)
def test_near_with_an_unspaced_term_counts_two_characters_a_word(rule, text, hit):
    assert fires(rule, text) is hit


@pytest.mark.parametrize(
    ("rule", "text", "hit"),
    [
        ('"late"', "chocolate cake", False),
        ('"app"', "a happy customer", False),
        ('"app"', "the APP crashed", True),
        ('"배달"', "배달이 늦었어요", False),  # Korean is written with spaces: whole words
        ('"배달*" NEAR "늦*"', "배달이 너무 늦었어요", True),
    ],
)
def test_spaced_scripts_still_match_whole_words(rule, text, hit):
    assert fires(rule, text) is hit


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ('"配達" NEAR10 "遅"', "unknown operator 'NEAR10': write NEAR/10"),
        ('"配達" NEAR/x "遅"', "unknown operator 'NEAR/x': write NEAR or NEAR/n"),
        ('"late" near10 "parcel"', "unknown operator 'near10': write NEAR/10"),
        ('"late" NEAR/0 "parcel"', "use NEAR/1"),
    ],
)
def test_a_misspelt_near_says_how_to_write_it(rule, message):
    """Before, NEAR10 and NEAR/x were told to put terms in double quotes."""
    with pytest.raises(ConfigError, match=message):
        parse_rule(rule)
