"""The cheap pre-check of :mod:`feedback_nlp.text.secrets` (stop 53 review: "pin" and "TAN"
matched inside ordinary words and sent 10 times more comments to the detector)."""

import pytest

from feedback_nlp.text.secrets import may_hold_secret


@pytest.mark.parametrize(
    "text",
    [
        "In my opinion the shopping app is important and constant.",
        "Spinning wheel forever, tangled menus",
    ],
)
def test_ordinary_words_do_not_pass_the_pre_check(text):
    assert not may_hold_secret(text)


@pytest.mark.parametrize(
    "text", ["my PIN is 4821", "TAN 123456", "Bestätigungscode 123456", "OTP 119283"]
)
def test_labels_of_codes_pass_the_pre_check(text):
    assert may_hold_secret(text)
