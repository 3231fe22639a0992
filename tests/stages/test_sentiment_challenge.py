"""The project's challenge set (tests/data/challenge_sentiment.jsonl) and the shipped heads on it:
factual complaints, negation, sarcasm, mixed, requests, thanks, short replies, emoji."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.backends.heads import DEFAULT_HEADS_DIR
from feedback_nlp.schema import EMOTION_LABELS, SENTIMENT_LABELS
from feedback_nlp.stages.base import Batch
from feedback_nlp.stages.embed import EmbedStage
from feedback_nlp.stages.emotion import EmotionStage
from feedback_nlp.stages.sentiment import MIXED, SentimentStage, sentiment_with_mixed

CHALLENGE = Path(__file__).resolve().parents[1] / "data" / "challenge_sentiment.jsonl"
#: Floors (4-way accuracy, mixed read by the mixed head's p_mixed) the shipped heads and the
#: stage's rules must keep; measured values (0.909 overall, 0.85-0.97 per language of 50+
#: comments, factual 1.0 with the sentiment head of stop 31 and the rules of stop 35)
#: are in docs/sentiment_emotion.md.
ACCURACY_FLOOR = 0.88
LANGUAGE_FLOOR = 0.80
FACTUAL_NEGATIVE_FLOOR = 0.90
shipped = pytest.mark.skipif(
    not (DEFAULT_HEADS_DIR / "sentiment.json").exists(), reason="heads not trained"
)


def challenge() -> pd.DataFrame:
    return pd.DataFrame([json.loads(line) for line in CHALLENGE.read_text("utf-8").splitlines()])


def tagged(texts: list[str], langs: list[str], replies_neutral: bool = True) -> pd.DataFrame:
    table = pd.DataFrame(
        {"response_id": [str(i) for i in range(len(texts))], "text_clean": texts, "lang": langs}
    )
    batch = EmbedStage(device="cpu").transform(Batch(table))
    batch = SentimentStage(device="cpu", replies_neutral=replies_neutral).transform(batch)
    return EmotionStage(device="cpu", replies_neutral=replies_neutral).transform(batch).table


def test_challenge_set_is_well_formed():
    frame = challenge()
    assert len(frame) >= 400
    counts = frame["lang"].value_counts()
    assert (counts >= 50).sum() >= 8
    assert set(frame["sentiment"]) == {*SENTIMENT_LABELS, MIXED}
    labels = {label for cell in frame["emotion"] for label in cell.split("|") if label}
    assert labels <= set(EMOTION_LABELS)
    expected = {"fact", "neg", "sarc", "mixed", "req", "thanks", "short", "emoji", "effort"}
    assert set(frame["kind"]) == expected
    assert set(frame["effort"]) == {"high", "low", "none"}
    assert set(frame["effort_part"]) == {"dev", "test"}
    repeated = frame[frame["text"].duplicated(keep=False)]
    assert set(repeated["kind"]) <= {"short", "emoji"}  # "ok", "👍" recur across languages


def test_without_a_mixed_head_mixed_needs_both_signs():
    probs = np.array([[0.45, 0.1, 0.45], [0.8, 0.1, 0.1], [0.35, 0.4, 0.25], [0.3, 0.1, 0.6]])
    assert sentiment_with_mixed(probs, minimum=0.3).tolist() == [
        "mixed", "negative", "neutral", "mixed",
    ]  # fmt: skip
    assert sentiment_with_mixed(probs, minimum=0.5).tolist() == [
        "negative", "negative", "neutral", "positive",
    ]  # fmt: skip


@shipped
def test_shipped_heads_on_the_challenge_set_per_language():
    frame = challenge()
    out = tagged(frame["text"].tolist(), frame["lang"].tolist())
    probs = out[[f"p_{label}" for label in SENTIMENT_LABELS]].to_numpy()
    right = sentiment_with_mixed(probs, out["p_mixed"].to_numpy()) == frame["sentiment"].to_numpy()
    assert right.mean() >= ACCURACY_FLOOR
    big = frame["lang"].map(frame["lang"].value_counts()) >= 50
    by_language = pd.Series(right[big]).groupby(frame["lang"][big].to_numpy()).mean()
    assert (by_language >= LANGUAGE_FLOOR).all(), by_language.to_dict()
    facts = (frame["kind"] == "fact").to_numpy()
    assert (out["sentiment"].to_numpy()[facts] == "negative").mean() >= FACTUAL_NEGATIVE_FLOOR


GREETINGS = {
    "en": "Hello, ", "de": "Guten Tag, ", "fr": "Bonjour, ", "es": "Hola, ", "it": "Buongiorno, ",
    "pt": "Olá, ", "nl": "Goedendag, ", "ru": "Здравствуйте, ", "pl": "Dzień dobry, ",
    "ro": "Bună ziua, ", "tr": "Merhaba, ",
}  # fmt: skip


@shipped
def test_a_greeting_does_not_turn_a_complaint_positive():
    """Every negative comment of the challenge set opened with a greeting in its language:
    before stop 47 the heads read the greeting as warmth and 16 % came out positive (Polish
    and Romanian under 60 % negative); they are read without it now."""
    frame = challenge()
    negative = frame[frame["sentiment"] == "negative"]
    pairs = zip(negative["text"], negative["lang"], strict=True)
    greeted = [GREETINGS[lang] + text for text, lang in pairs]
    out = tagged(greeted, negative["lang"].tolist())
    assert (out["sentiment"] == "negative").mean() >= 0.95
    assert (out["sentiment"] == "positive").mean() <= 0.03


@shipped
def test_content_free_comments_get_no_emotion():
    texts = ["ok", "n/a", "-", "Order 48213", "Please send me the invoice.", "Kundennummer 1234"]
    emotional = ["I am furious, this is the third time!", "Thank you so much, great help!"]
    langs = ["en", "en", "en", "en", "en", "de", "en", "en"]
    out = tagged([*texts, *emotional], langs, replies_neutral=False)  # the gate alone
    free, rest = out["emotion"].iloc[: len(texts)], out["emotion"].iloc[len(texts) :]
    assert (free == "neutral").mean() >= 5 / 6, free.tolist()
    # the gate silences content-free comments, not emotional ones
    assert "anger" in rest.iloc[0] and "joy" in rest.iloc[1], rest.tolist()


@shipped
def test_replies_that_judge_nothing_are_neutral_without_emotion():
    texts, langs = ["no", "Nein.", "nothing to add", "без комментариев"], ["en", "de", "en", "ru"]
    out = tagged(texts, langs)
    assert (out["sentiment"] == "neutral").all() and (out["p_neutral"] == 1.0).all()
    assert (out["emotion"] == "neutral").all()
    by_model = tagged(texts, langs, replies_neutral=False)
    assert (by_model["p_neutral"] < 1.0).all()
