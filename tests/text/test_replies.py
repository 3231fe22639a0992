"""Replies that judge nothing: the list, its matching and its agreement with the codebook."""

from __future__ import annotations

import pytest

from feedback_nlp.text.replies import is_no_judgement_reply, no_judgement_replies
from feedback_nlp.topics.codebook import builtin_content_free


@pytest.mark.parametrize(
    "text",
    ["no", "No.", "  N/A ", "nothing to add!", "Keine Angabe", "k.A.", "нет", "«Rien à signaler»"],
)
def test_replies_that_judge_nothing_match_whole_and_in_any_language(text: str):
    assert is_no_judgement_reply(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "great",
        "bad",
        "thanks",
        "no, the parcel never came",
        "nothing works",
        "nein!!! nie wieder",
    ],
)
def test_judgements_and_longer_comments_do_not_match(text: str):
    assert not is_no_judgement_reply(text)


def test_every_listed_reply_is_a_content_free_reply_of_the_builtin_codebook():
    content_free = builtin_content_free()
    for lang, replies in no_judgement_replies().items():
        assert set(replies) <= set(content_free[lang]), lang
