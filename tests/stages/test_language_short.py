"""Short comments in the language stage (`feedback_nlp.stages.language_short`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from feedback_nlp.backends.language import Result
from feedback_nlp.stages.language import LanguageStage
from feedback_nlp.stages.language_short import (
    HINTED_SCORE,
    batch_languages,
    conversation_languages,
    is_short,
    with_batch_languages,
    with_conversation_languages,
    with_replies_of_no_language,
    with_short_text_hints,
)


class FirstCandidate:
    """A detector that answers the first candidate, and records what it was asked."""

    name = "first-candidate"

    def __init__(self) -> None:
        self.asked: list[list[object]] = []

    def detect(
        self,
        texts: Sequence[object],
        candidates: Sequence[str] | None = None,
        hints: Sequence[object] | None = None,
        min_letters: int = 1,
    ) -> list[Result]:
        self.asked.append(list(texts))
        return [((candidates or ["en"])[0], 0.7) for _ in texts]


def test_short_means_one_or_two_words_that_carry_language():
    assert is_short("ok!") and is_short("très bien") and is_short("👍 top 10")
    assert not is_short("la app va lenta") and not is_short("!!!") and not is_short(None)


def test_a_short_unsure_comment_takes_its_own_hint():
    texts = ["ok!", "ok!", "Die Lieferung kam zu spät", "ok!", "ok!", "Доставка"]
    found = [("pl", 0.4), ("pl", 0.4), ("de", 0.6), ("pl", 0.9), ("pl", 0.4), ("ru", 0.7)]
    hints = ["de-DE", None, "fr", "es", "x", "fr"]
    assert with_short_text_hints(texts, found, hints, None) == [
        ("de", HINTED_SCORE),
        ("pl", 0.4),  # no hint
        ("de", 0.6),  # a sentence: its words decide
        ("pl", 0.9),  # the detector is sure
        ("pl", 0.4),  # no language code
        ("ru", 0.7),  # a script French is not written in
    ]
    assert with_short_text_hints(texts[:1], found[:1], ["de"], ["pl", "en"]) == [("pl", 0.4)]


def _four_language_batch() -> list[Result]:
    return [("de", 0.99)] * 20 + [("en", 0.99)] * 20 + [("fr", 0.99)] * 20 + [("es", 0.99)] * 20


def test_the_batch_languages_are_those_of_five_percent_of_fifty_or_more_comments():
    found = [*_four_language_batch(), ("it", 0.2), ("und", 0.0)]
    assert batch_languages(found) == ["de", "en", "fr", "es"]
    assert batch_languages(found[:40]) == []


def test_a_short_unsure_comment_in_a_language_foreign_to_the_batch_is_read_among_its_own():
    texts = ["a long enough sentence here"] * 80 + ["Nul", "Nul", "Fatal", "ein langer Satz hier"]
    found = [*_four_language_batch(), ("ro", 0.6), ("ro", 0.6), ("it", 0.95), ("it", 0.3)]
    detector = FirstCandidate()
    hints = [None] * 81 + ["ro", None, None]
    result = with_batch_languages(detector, texts, found, hints)
    assert result[80:] == [("de", 0.7), ("ro", 0.6), ("it", 0.95), ("it", 0.3)]
    assert detector.asked == [["Nul"]]


def test_a_reply_of_several_languages_without_a_hint_is_undetermined():
    texts = ["ok", "OK!", "n/a", "nie", "ok", None]
    found = [("pl", 0.4), ("en", 0.6), ("de", 0.5), ("pl", 0.9), ("de", 0.5), ("und", 0.0)]
    hints = [None, None, None, None, "de", None]
    assert with_replies_of_no_language(texts, found, hints) == [
        ("und", 0.0),
        ("und", 0.0),
        ("und", 0.0),
        ("pl", 0.9),  # Polish only
        ("de", 0.5),  # its hint says which
        ("und", 0.0),
    ]


def test_the_stage_reads_ok_with_its_locale_and_without_one_as_undetermined():
    """Probe 50: "ok!" was read as Polish in rows with locale de, es, fr or tr."""
    texts = ["ok!", "ok!", "ok!", "ok!", "ok"]
    frame = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(len(texts))],
            "text_clean": texts,
            "lang_hint": pd.Series(["de", "es", "fr", "tr", None], dtype="string"),
        }
    )
    assert LanguageStage(n_jobs=1)(frame)["lang"].tolist() == ["de", "es", "fr", "tr", "und"]


def test_a_reply_misread_often_does_not_make_its_misreading_a_batch_language():
    """Review 50: 20 x "Nul" read as Romanian in a French batch made Romanian the batch's own."""
    texts = ["une phrase assez longue ici"] * 95 + ["Nul"] * 20
    found = [("fr", 0.99)] * 95 + [("ro", 0.6)] * 20
    result = with_batch_languages(FirstCandidate(), texts, found, None)
    assert result[95:] == [("fr", 0.7)] * 20


def test_a_hint_that_names_no_language_is_no_hint():
    """Review 50: "US" and "xx" became the languages 'us' and 'xx'; "zh-Hans-CN" was unused."""
    texts = ["ok!", "ok!", "好!", "ok!"]
    found = [("pl", 0.4)] * 4
    hints = ["US", "xx", "zh-Hans-CN", "de_DE.UTF-8"]
    assert with_short_text_hints(texts, found, hints, None) == [
        ("pl", 0.4),
        ("pl", 0.4),
        ("zh", HINTED_SCORE),
        ("de", HINTED_SCORE),
    ]


class HintReader(FirstCandidate):
    """A detector that answers each text's hint, and records what it was asked."""

    def detect(
        self,
        texts: Sequence[object],
        candidates: Sequence[str] | None = None,
        hints: Sequence[object] | None = None,
        min_letters: int = 1,
    ) -> list[Result]:
        self.asked.append(list(texts))
        return [(str(hint), 0.6) for hint in hints or []]


def test_a_conversations_language_is_that_of_its_other_sure_turns():
    conversations = ["c1", "c1", "c1", "c1", "c2", "c2", "c2", None]
    found = [("pt", 0.99), ("pt", 0.95), ("it", 0.92), ("pt", 0.4)]
    found += [("en", 0.99), ("es", 0.99), ("en", 0.5), ("pt", 0.99)]
    assert conversation_languages(conversations, found) == [
        "",  # one other sure turn in Portuguese is not enough
        "",
        "pt",
        "pt",
        "",  # c2's sure turns disagree
        "",
        "",
        "",  # no conversation
    ]


def test_a_short_or_unsure_turn_is_read_again_with_its_conversations_language():
    long_turn = "a turn long enough to be read on its own words alone"
    texts = ["Sim, sou eu.", "Está bem.", "Obrigado.", "Sim, chamo-me", long_turn, long_turn]
    texts += ["Sim", "Sim"]
    found = [("pt", 0.99)] * 3 + [("it", 0.92), ("it", 0.92), ("it", 0.5), ("it", 0.7)]
    found += [("it", 0.7)]
    conversations = ["c1"] * 7 + [None]
    hints = [None] * 6 + ["it", None]
    reader = HintReader()
    result = with_conversation_languages(reader, texts, found, hints, conversations, None)
    assert result == [("pt", 0.99)] * 3 + [("pt", 0.6), ("it", 0.92), ("pt", 0.6)] + [
        ("it", 0.7),  # its own hint
        ("it", 0.7),  # no conversation
    ]
    assert reader.asked == [["Sim, chamo-me", long_turn]]  # not the long, sure turn
    assert with_conversation_languages(reader, texts, found, hints, None, None) == found
    assert with_conversation_languages(reader, texts, found, hints, conversations, ["it"]) == found


def test_the_stage_reads_a_portuguese_turn_in_a_portuguese_call_as_portuguese():
    """Probe 51: "Sim, chamo-me <NAME>, nasci a …" was Italian (0.92) in Portuguese calls."""
    turns = [
        "O meu pedido ainda não chegou e já passaram duas semanas.",
        "Sim, chamo-me <NAME>, nasci a 02/03/1985.",
        "Já liguei três vezes para o apoio e ninguém me ajudou.",
        "Can you speak English please?",
    ]
    frame = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(len(turns))],
            "conversation_id": pd.Series(["call-1"] * len(turns), dtype="string"),
            "text_clean": turns,
        }
    )
    assert LanguageStage(n_jobs=1)(frame)["lang"].tolist() == ["pt", "pt", "pt", "en"]
    alone = LanguageStage(n_jobs=1)(frame.drop(columns="conversation_id"))
    assert alone["lang"].tolist()[1] == "it"  # the detector alone: fastText's short reading
    assert LanguageStage(n_jobs=1, corpus_prior=False)(frame)["lang"].tolist()[1] == "it"


def test_an_unsure_sentence_takes_its_own_hint_and_a_sure_one_keeps_its_language():
    """Before, an airline survey's Dutch rows (`lang_hint` nl) were read as English (0.63)."""
    texts = [
        "Stoel 18E was kapot en de beenruimte was slecht.",
        "Stoel 18E was kapot en de beenruimte was slecht.",
        "Der Sitz war kaputt und die Beinfreiheit war leider sehr schlecht.",
        "Der Sitz war kaputt und die Beinfreiheit war leider sehr schlecht.",
    ]
    frame = pd.DataFrame(
        {
            "response_id": ["1", "2", "3", "4"],
            "text_clean": texts,
            "lang_hint": ["nl", "zz", "en", "German"],
        }
    )
    assert LanguageStage(n_jobs=1)(frame)["lang"].tolist() == ["nl", "en", "de", "de"]
