"""Replies that judge nothing, and replies that only judge: the lists, their matching and
their agreement with each other and the codebook."""

from __future__ import annotations

import pytest

from feedback_nlp.text.replies import (
    asian_no_judgement_replies,
    closing_replies,
    evaluative_replies,
    is_no_judgement_reply,
    no_judgement_replies,
    normalise,
    reply_polarity,
    with_undotted,
)
from feedback_nlp.topics.codebook import builtin_content_free


@pytest.mark.parametrize(
    "text",
    ["no", "No.", "  N/A ", "nothing to add!", "Keine Angabe", "k.A.", "нет", "«Rien à signaler»",
     "Nothing really.", "nichts weiter", "-", "...", "?"],
)  # fmt: skip
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
        ":(",
        ":-)",
        ":-/",
        "n.v.t. de docent was er nooit",
        "that's all I wanted, a working app",
        "z.B. die Klausur",
    ],
)
def test_judgements_and_longer_comments_do_not_match(text: str):
    assert not is_no_judgement_reply(text)


def test_every_listed_reply_is_a_content_free_reply_of_the_builtin_codebook():
    content_free = builtin_content_free()
    for lang, replies in no_judgement_replies().items():
        assert set(replies) <= set(content_free[lang]), lang


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("super", "positive"),
        ("Sehr gut!", "positive"),
        (" Nickel. ", "positive"),
        ("всё отлично", "positive"),
        ("nul", "negative"),
        ("Terrible!!!", "negative"),
        ("pésimo", "negative"),
    ],
)
def test_replies_that_only_judge_give_their_polarity(text: str, polarity: str):
    assert reply_polarity(text) == polarity


@pytest.mark.parametrize(
    "text", ["", "ok", "no", "so-so", "super slow delivery", "not good at all, never again"]
)
def test_other_replies_and_longer_comments_have_no_listed_polarity(text: str):
    assert reply_polarity(text) is None


def test_no_reply_is_listed_with_two_polarities_or_as_judging_nothing():
    lists = evaluative_replies()
    positive = {normalise(r) for replies in lists["positive"].values() for r in replies}
    negative = {normalise(r) for replies in lists["negative"].values() for r in replies}
    lists_of_nothing = [*no_judgement_replies().values(), *asian_no_judgement_replies().values()]
    judging_nothing = {normalise(r) for replies in lists_of_nothing for r in replies}
    assert not positive & negative
    assert not (positive | negative) & judging_nothing


@pytest.mark.parametrize(
    "text",
    ["特になし", "なし。", "「特になし」", "没有", "无", "沒有！", "없음", "없어요", "ไม่มี",
     "tidak ada", "Tidak ada.", "không có gì", "Không có"],
)  # fmt: skip
def test_replies_that_judge_nothing_in_asian_languages_match(text: str):
    """Probe 50: "特になし" (nothing in particular) was read negative at p 0.84."""
    assert is_no_judgement_reply(text)


@pytest.mark.parametrize(
    "text", ["不错", "配達が遅い", "없어요 배달이 안 왔어요", "tidak ada yang datang"]
)
def test_asian_comments_that_say_something_do_not_match(text: str):
    assert not is_no_judgement_reply(text)


def test_every_asian_reply_is_a_content_free_reply_of_the_builtin_codebook():
    """Stop 50: the themes read them as saying nothing too (before, "特になし" could form a
    theme of its own)."""
    content_free = builtin_content_free()
    for lang, replies in asian_no_judgement_replies().items():
        assert set(replies) <= set(content_free[lang]), lang


@pytest.mark.parametrize(
    "text",
    ["nvt", "n.v.t.", "N.V.T", "n. v. t.", "Geen idee", "weet ik niet", "geen mening",
     "Geen opmerking.", "niet van toepassing", "entfällt", "-/-", "./.", " / ", "keine Ahnung",
     "k. A.", "kA", "Sans objet", "pas d'avis", "No aplica.", "sin opinión", "non applicabile",
     "nie dotyczy", "não se aplica", "not applicable", "No opinion", "nothing to say",
     "затрудняюсь ответить"],
)  # fmt: skip
def test_not_applicable_and_no_opinion_replies_match_with_and_without_dots(text: str):
    """Probe 51: Dutch "nvt", "n.v.t." and "Geen idee" were read as comments ("nvt" as
    Swedish and negative, forming a theme of its own)."""
    assert is_no_judgement_reply(text)


def test_a_dotted_abbreviation_is_also_listed_without_its_dots():
    assert with_undotted(["n.v.t.", "k. A.", "n/a", "nvt"]) == [
        "n.v.t.",
        "nvt",
        "k. A.",
        "kA",
        "n/a",
    ]


@pytest.mark.parametrize(
    "text", ["Всё", "Es todo", "É tudo", "Hepsi bu", "Atât", "Sonst nichts", "That's all"]
)
def test_chat_closings_are_no_no_judgement_reply(text: str) -> None:
    """Closings are for theme units only: "Всё" answering "What did you dislike?" judges."""
    assert not is_no_judgement_reply(text)


def test_closings_hold_no_single_word_that_answers_a_question() -> None:
    listed = {normalise(c) for items in closing_replies().values() for c in items}
    assert not listed & {"всё", "atât", "es todo", "é tudo", "hepsi bu"}
