"""Names in scripts without letter case (`feedback_nlp.text.people_scripts`)."""

import pytest

from feedback_nlp.text.people import redact_names

HONORIFICS = [
    ("张老师讲课很清楚。", "<NAME>老师讲课很清楚。"),
    ("希望李教授早点发课件。", "希望<NAME>教授早点发课件。"),
    ("王经理一直没回电话。", "<NAME>经理一直没回电话。"),
    ("我们找了欧阳女士。", "我们找了<NAME>女士。"),
    ("田中先生はとても親切でした。", "<NAME>先生はとても親切でした。"),
    ("佐藤さんに電話しました。", "<NAME>さんに電話しました。"),
]
NO_NAMES = ["历史老师讲得很好。", "高中老师很负责。", "皆さん、ありがとう。", "老师很好。"]


@pytest.mark.parametrize(("text", "expected"), HONORIFICS)
def test_a_surname_before_a_role_or_an_honorific_goes_and_the_role_stays(text, expected):
    """Probe 51 (education): "王老师" reached the quotes."""
    assert redact_names(text, "<NAME>") == (expected, True)


@pytest.mark.parametrize("text", NO_NAMES)
def test_a_surname_letter_inside_a_word_before_a_role_stays(text):
    assert redact_names(text, "<NAME>") == (text, False)


@pytest.mark.parametrize(
    "text",
    [
        "谢谢老师",
        "感谢老师的耐心",
        "谢谢师傅，送得很快",
        "这周老师布置了太多作业",
        "也许老师会回复",
        "我曾经理解他",
    ],
)
def test_a_surname_letter_that_ends_a_word_before_a_role_stays(text):
    """Review 51: 谢谢老师 ("thank you, teacher") became 谢<NAME>老师."""
    assert redact_names(text, "<NAME>") == (text, False)


def test_a_surname_after_thanks_still_goes():
    assert redact_names("谢谢王老师", "<NAME>") == ("谢谢<NAME>老师", True)
