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
