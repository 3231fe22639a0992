"""Stage "sentiment": outputs, backends, sentence level, edge inputs."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.backends.heads import Head
from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.schema import SENTIMENT_LABELS, validate
from feedback_nlp.stages import sentiment as sentiment_module
from feedback_nlp.stages.base import Batch
from feedback_nlp.stages.sentiment import SentimentStage
from feedback_nlp.text.boxes import BOX_CONFIDENCE
from tests.backends.test_hf_classifier import build_tiny_classifier

EDGE_TEXTS = ["", "🙂🙂🙂", "word " * 20_000, None, "   ", "Good. Bad! Ok?"]


def edge_table() -> pd.DataFrame:
    ids = [f"r{i}" for i in range(len(EDGE_TEXTS))]
    texts = pd.array(EDGE_TEXTS, dtype="string")
    return pd.DataFrame(
        {"response_id": ids, "text": texts, "text_clean": texts}, index=range(5, 11)
    )


def write_random_head(folder: Path, name: str, labels: tuple[str, ...], output: str) -> Path:
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=(8, 6)).astype(np.float32), rng.normal(size=(6, len(labels)))]
    biases = [np.zeros(6, np.float32), np.zeros(len(labels), np.float32)]
    Head(labels, output, weights, biases, input_dim=8).save(folder, name)  # type: ignore[arg-type]
    return folder


@pytest.fixture(scope="module")
def heads_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from feedback_nlp.schema import EMOTION_LABELS

    folder = tmp_path_factory.mktemp("heads")
    write_random_head(folder, "sentiment", SENTIMENT_LABELS, "softmax")
    return write_random_head(folder, "emotion", EMOTION_LABELS, "sigmoid")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_classifier(
        tmp_path_factory.mktemp("tiny"), ["negative", "neutral", "positive"]
    )


def embedded(table: pd.DataFrame) -> Batch:
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(len(table), 8)).astype(np.float32)
    return Batch(table, {"embedding": vectors / np.linalg.norm(vectors, axis=1, keepdims=True)})


def check_sentiment_columns(out: pd.DataFrame, n_rows: int) -> None:
    assert len(out) == n_rows
    assert set(out["sentiment"]) <= set(SENTIMENT_LABELS)
    probs = out[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(out["sentiment_score"], probs[:, 2] - probs[:, 0])
    validate(out)


def test_default_backend_reads_the_embedding_array(heads_dir: Path):
    table = edge_table()
    out = SentimentStage(heads_dir=str(heads_dir)).transform(embedded(table)).table
    check_sentiment_columns(out, len(table))
    assert list(out.index) == list(table.index)
    empty = out["text_clean"].isna() | (out["text_clean"].fillna("").str.strip() == "")
    assert (out.loc[empty, "sentiment"] == "neutral").all()
    assert (out.loc[empty, "p_neutral"] == 1.0).all()


def test_default_backend_without_embedding_names_the_missing_stage(heads_dir: Path):
    with pytest.raises(
        SchemaError, match=r"needs the array\(s\) \['embedding or sentiment_features'\].*'embed'"
    ):
        SentimentStage(heads_dir=str(heads_dir)).transform(Batch(edge_table()))


def test_same_input_same_output(heads_dir: Path, tiny_model: Path):
    for stage in (
        SentimentStage(heads_dir=str(heads_dir)),
        SentimentStage(backend="transformers", model=str(tiny_model), device="cpu"),
    ):
        first = stage.transform(embedded(edge_table())).table
        second = stage.transform(embedded(edge_table())).table
        pd.testing.assert_frame_equal(first, second)


def test_transformers_backend_edge_inputs_and_routing(tiny_model: Path, tmp_path: Path):
    other = build_tiny_classifier(tmp_path / "other", ["NEG", "NEU", "POS"], seed=3)
    table = edge_table().assign(lang=["en", "de", "en", "und", "en", "de"])
    stage = SentimentStage(
        backend="transformers", model={"en": str(tiny_model), "*": str(other)}, device="cpu"
    )
    out = stage.transform(Batch(table)).table
    check_sentiment_columns(out, len(table))
    alone = SentimentStage(backend="transformers", model=str(other), device="cpu")
    german = alone.transform(Batch(table.iloc[[5]].assign(lang="de"))).table
    np.testing.assert_allclose(out.iloc[5]["p_positive"], german.iloc[0]["p_positive"], rtol=1e-5)


def test_sentence_level_side_table_and_aggregation(tiny_model: Path):
    table = pd.DataFrame(
        {
            "response_id": ["a", "b", "c"],
            "text": ["Good app. Bad app!", "", "very good app"],
            "text_clean": ["Good app. Bad app!", "", "very good app"],
            "lang": ["en", "en", "en"],
        }
    )
    stage = SentimentStage(
        backend="transformers", level="sentence", model=str(tiny_model), device="cpu"
    )
    batch = stage.transform(Batch(table))
    sentences = batch.tables["sentences"]
    assert sentences[["response_id", "sentence_index"]].values.tolist() == [
        ["a", 0],
        ["a", 1],
        ["c", 0],
    ]
    assert sentences["sentence"].tolist() == ["Good app.", "Bad app!", "very good app"]
    first = sentences[sentences["response_id"] == "a"]
    weights = first["sentence"].str.len().to_numpy()
    expected = np.average(first["p_positive"], weights=weights)
    assert batch.table.loc[0, "p_positive"] == pytest.approx(expected)
    assert batch.table.loc[1, "sentiment"] == "neutral"
    assert batch.table.loc[2, "p_positive"] == pytest.approx(sentences.iloc[2]["p_positive"])


def test_bad_options_are_refused():
    with pytest.raises(ConfigError, match="backend must be one of"):
        SentimentStage(backend="vader")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="backend 'transformers' needs model="):
        SentimentStage(backend="transformers")
    with pytest.raises(ConfigError, match="level must be one of"):
        SentimentStage(level="word")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="stage 'sentiment': quantize must be one of"):
        SentimentStage(quantize="int4")


def test_save_state_records_models_and_revision(tiny_model: Path, tmp_path: Path):
    stage = SentimentStage(backend="transformers", model=str(tiny_model), device="cpu")
    stage.transform(Batch(edge_table().iloc[:1]))
    stage.save_state(tmp_path)
    saved = (tmp_path / "models.json").read_text(encoding="utf-8")
    assert str(tiny_model) in saved and '"revision"' in saved
    assert stage.get_config()["trust_remote_code"] is False


def test_sentence_level_default_backend_runs_the_chosen_encoder_precision(heads_dir: Path):
    texts = ["Great app. Terrible support!", "Это ужасно."]
    table = pd.DataFrame({"response_id": ["a", "b"], "text": texts, "text_clean": texts})
    probabilities = {}
    for quantize in ("none", "int8"):
        stage = SentimentStage(
            level="sentence", device="cpu", heads_dir=str(heads_dir), quantize=quantize
        )
        assert stage.get_config()["quantize"] == quantize
        out = stage.transform(Batch(table)).table
        check_sentiment_columns(out, len(table))
        probabilities[quantize] = out[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    assert not np.array_equal(probabilities["none"], probabilities["int8"])
    np.testing.assert_allclose(probabilities["none"], probabilities["int8"], atol=0.1)


def test_a_comment_read_neutral_that_describes_high_effort_is_negative():
    from feedback_nlp.stages.sentiment import effort_read_negative

    texts = [
        "Ich habe viermal angerufen und niemand hat zurückgerufen.",  # high effort, read neutral
        "Please send me the invoice.",  # no effort: stays neutral
        "I called four times and was transferred three times, nobody called back.",  # positive
    ]
    probabilities = np.array([[0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0.1, 0.2, 0.7]])
    out = effort_read_negative(probabilities, texts)
    assert out[0] == pytest.approx([0.9, 0.0, 0.1])
    assert (out[1:] == probabilities[1:]).all()
    assert (probabilities[0] == [0.2, 0.7, 0.1]).all()  # the input is not changed


def test_effort_rule_can_be_turned_off():
    text = "Ich habe viermal angerufen und niemand hat zurückgerufen."
    stage = SentimentStage(effort_negative=False, complaint_negative=False)  # both read it
    probabilities = np.array([[0.2, 0.7, 0.1]])
    assert (stage.adjust(probabilities, [text]) == probabilities).all()
    assert SentimentStage(complaint_negative=False).adjust(probabilities, [text]).argmax() == 0


def test_a_comment_read_neutral_that_states_a_service_failure_is_negative():
    from feedback_nlp.stages.sentiment import complaint_read_negative

    texts = [
        "Le colis n'est jamais arrivé.",  # failure, read neutral: negative
        "Das Paket kam pünktlich an.",  # no failure: stays neutral
        "Arrived two days late but the staff were lovely.",  # read positive: kept
        "Mi hanno addebitato due volte.",  # read negative: kept
    ]
    probabilities = np.array([[0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0.1, 0.2, 0.7], [0.6, 0.3, 0.1]])
    out = complaint_read_negative(probabilities, texts)
    assert out[0] == pytest.approx([0.9, 0.0, 0.1])
    assert (out[1:] == probabilities[1:]).all()
    assert (probabilities[0] == [0.2, 0.7, 0.1]).all()  # the input is not changed


def test_a_short_comment_read_positive_that_only_states_a_failure_is_negative():
    """Before stop 52 "Claim still open after three months." stayed positive (p_pos .52)."""
    from feedback_nlp.stages.sentiment import complaint_read_negative

    texts = [
        "Claim still open after three months.",  # bare failure read positive: negative
        "Delivery delayed, lovely staff though.",  # praise beside it: kept
    ]
    probabilities = np.array([[0.2, 0.28, 0.52], [0.2, 0.2, 0.6]])
    out = complaint_read_negative(probabilities, texts)
    assert out[0] == pytest.approx([0.72, 0.28, 0.0])
    assert (out[1] == probabilities[1]).all()


def test_a_bare_failure_read_confidently_positive_is_kept():
    """Review 52: "Ordered Friday, delivered late Monday" read positive .70 turned negative."""
    from feedback_nlp.stages.sentiment import complaint_read_negative

    texts = ["Claim still open after three months."] * 2
    probabilities = np.array([[0.2, 0.1, 0.7], [0.2, 0.28, 0.52]])
    out = complaint_read_negative(probabilities, texts, langs=["en", "en"])
    assert (out[0] == probabilities[0]).all()  # sure of positive: kept
    assert out[1] == pytest.approx([0.72, 0.28, 0.0])


def test_a_request_to_add_that_goes_on_to_complain_stays_negative():
    """Review 52: "Please add staff at weekends, it is chaos." read negative became neutral."""
    from feedback_nlp.stages.sentiment import request_read_neutral

    texts = ["Please add staff at weekends, it is chaos.",
             "Please add a way to cancel online, I had to call five times.",
             "Please add Apple Pay at checkout.", "PLEASE ADD APPLE PAY AT CHECKOUT."]  # fmt: skip
    probabilities = np.array([[0.6, 0.3, 0.1], [0.6, 0.3, 0.1], [0.9, 0.05, 0.05],
                              [0.6, 0.3, 0.1]])  # fmt: skip
    out = request_read_neutral(probabilities, texts, ["en"] * len(texts))
    assert (out[:3] == probabilities[:3]).all()  # goes on, or sure of negative: kept
    assert out[3] == pytest.approx([0.0, 0.9, 0.1])


def test_a_reply_that_only_judges_takes_its_polarity_whatever_the_model_read():
    from feedback_nlp.stages.sentiment import evaluative_replies_read

    texts = ["gut", "Nul !", "gut, aber teuer"]  # the last is no bare judgement: kept
    probabilities = np.array([[0.1, 0.8, 0.1], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3]])
    out = evaluative_replies_read(probabilities, texts)
    assert out[0].tolist() == [0.0, 0.0, 1.0] and out[1].tolist() == [1.0, 0.0, 0.0]
    assert (out[2] == probabilities[2]).all()
    assert (probabilities[0] == [0.1, 0.8, 0.1]).all()  # the input is not changed
    assert SentimentStage().adjust(probabilities[:1], texts[:1]).argmax() == 2
    off = SentimentStage(evaluative_replies=False).adjust(probabilities[:1], texts[:1])
    assert (off == probabilities[:1]).all()


def test_complaint_rule_is_on_by_default_and_can_be_turned_off():
    text = "Le colis n'est jamais arrivé."
    probabilities = np.array([[0.2, 0.7, 0.1]])
    assert SentimentStage().adjust(probabilities, [text]).argmax() == 0
    off = SentimentStage(complaint_negative=False).adjust(probabilities, [text])
    assert (off == probabilities).all()
    assert SentimentStage(complaint_negative=False).get_config()["complaint_negative"] is False


def test_a_short_comment_read_negative_that_only_denies_a_problem_is_positive():
    from feedback_nlp.stages.sentiment import denial_read_positive

    texts = [
        "Bisher keine Probleme.",  # denies a problem, read negative: positive
        "No problems, but the parcel arrived late.",  # a contrast: kept
        "Aucun souci, merci.",  # read positive already: kept
        "The problem is still not solved.",  # affirms a problem: kept
    ]
    probabilities = np.array([[0.6, 0.1, 0.3], [0.7, 0.1, 0.2], [0.1, 0.2, 0.7], [0.8, 0.1, 0.1]])
    out = denial_read_positive(probabilities, texts)
    assert out[0] == pytest.approx([0.0, 0.1, 0.9])
    assert (out[1:] == probabilities[1:]).all()
    assert (probabilities[0] == [0.6, 0.1, 0.3]).all()  # the input is not changed


def test_a_short_comment_read_neutral_that_only_denies_a_problem_is_positive():
    from feedback_nlp.stages.sentiment import denial_read_positive

    texts = [
        "Sin problemas, el técnico llegó puntual.",
        "Sin problemas hasta que llegó la factura.",
    ]
    probabilities = np.array([[0.22, 0.46, 0.32], [0.3, 0.5, 0.2]])
    out = denial_read_positive(probabilities, texts)
    assert out[0] == pytest.approx([0.22, 0.0, 0.78])
    assert (out[1] == probabilities[1]).all()  # a problem that came later: kept


def test_denial_rule_is_on_by_default_and_can_be_turned_off():
    text = "Never had an issue with them."
    probabilities = np.array([[0.66, 0.09, 0.25]])
    assert SentimentStage().adjust(probabilities, [text]).argmax() == 2
    off = SentimentStage(denials_positive=False).adjust(probabilities, [text])
    assert (off == probabilities).all()
    assert SentimentStage(denials_positive=False).get_config()["denials_positive"] is False


def test_a_comment_read_positive_that_praises_ironically_is_negative():
    from feedback_nlp.stages.sentiment import irony_read_negative

    texts = [
        "Brilliant, my parcel is missing again.",  # ironic, read positive: negative
        "Brilliant service, I will order again.",  # praise: kept
        "Great food, but the delivery was late.",  # a contrast: kept
        "Wonderful, the refund never arrived.",  # read negative already: kept
    ]
    probabilities = np.array([[0.2, 0.1, 0.7], [0.1, 0.1, 0.8], [0.3, 0.1, 0.6], [0.7, 0.1, 0.2]])
    out = irony_read_negative(probabilities, texts, ["en"] * 4)
    assert out[0] == pytest.approx([0.9, 0.1, 0.0])
    assert (out[1:] == probabilities[1:]).all()
    assert (probabilities[0] == [0.2, 0.1, 0.7]).all()  # the input is not changed


def test_irony_rule_reads_the_language_of_each_row():
    from feedback_nlp.stages.sentiment import irony_read_negative

    texts = ["Ótimo, mais uma entrega atrasada."] * 2
    probabilities = np.array([[0.2, 0.1, 0.7]] * 2)
    out = irony_read_negative(probabilities, texts, ["pt", "fr"])  # "mais": French "but"
    assert out.argmax(axis=1).tolist() == [0, 2]


def test_irony_rule_is_on_by_default_and_can_be_turned_off():
    text = "Fantastic support, they just hung up on me."
    probabilities = np.array([[0.1, 0.05, 0.85]])
    assert SentimentStage().adjust(probabilities, [text], ["en"]).argmax() == 0
    off = SentimentStage(irony_negative=False).adjust(probabilities, [text], ["en"])
    assert (off == probabilities).all()
    assert SentimentStage(irony_negative=False).get_config()["irony_negative"] is False


def test_a_comment_read_positive_that_only_asks_is_neutral():
    from feedback_nlp.stages.sentiment import request_read_neutral

    texts = [
        "I'd like to book a single room with breakfast",  # read positive: neutral
        "I'd like to thank the night staff",  # thanks: kept
        "Can I change my booking? The app keeps crashing",  # read negative: kept
        "Ich möchte ein Zimmer buchen",  # German opener, read German: neutral
    ]
    probabilities = np.array([[0.1, 0.1, 0.8], [0.1, 0.1, 0.8], [0.7, 0.2, 0.1], [0.1, 0.3, 0.6]])
    out = request_read_neutral(probabilities, texts, ["en", "en", "en", "de"])
    assert out[0] == pytest.approx([0.1, 0.9, 0.0])
    assert out[3] == pytest.approx([0.1, 0.9, 0.0])
    assert (out[1:3] == probabilities[1:3]).all()


def test_a_request_to_add_something_read_negative_is_neutral():
    """Before stop 52 "Please add Apple Pay at checkout." read negative (42 of 43 rows)."""
    from feedback_nlp.stages.sentiment import request_read_neutral

    texts = ["Please add Apple Pay at checkout.", "Please fix your app, it crashes"]
    probabilities = np.array([[0.6, 0.3, 0.1], [0.7, 0.2, 0.1]])
    out = request_read_neutral(probabilities, texts, ["en", "en"])
    assert out[0] == pytest.approx([0.0, 0.9, 0.1])
    assert (out[1] == probabilities[1]).all()


def test_request_rule_is_on_by_default_and_can_be_turned_off():
    text = "Can I bring my dog to the hotel?"
    probabilities = np.array([[0.1, 0.3, 0.6]])
    assert SentimentStage().adjust(probabilities, [text], ["en"]).argmax() == 1
    off = SentimentStage(requests_neutral=False).adjust(probabilities, [text], ["en"])
    assert (off == probabilities).all()
    assert SentimentStage(requests_neutral=False).get_config()["requests_neutral"] is False


def test_the_box_a_comment_answers_gives_its_polarity(heads_dir: Path):
    texts = pd.array(["The lift was slow.", "Staff at the desk", "Nothing, all fine."], "string")
    table = pd.DataFrame({"response_id": ["a", "b", "c"], "text": texts, "text_clean": texts})
    stage = SentimentStage(heads_dir=str(heads_dir))
    plain = stage.transform(embedded(table)).table
    unasked = stage.transform(embedded(table.assign(question="Comments"))).table
    pd.testing.assert_frame_equal(plain, unasked.drop(columns="question"))
    disliked = stage.transform(embedded(table.assign(question="What did you dislike?"))).table
    unsure = plain["p_positive"].iloc[:2] < BOX_CONFIDENCE  # the random head's reads
    assert unsure.any() and (plain["sentiment"].iloc[:2][unsure] != "negative").any()
    assert (disliked["sentiment"].iloc[:2][unsure] == "negative").all()
    assert disliked["sentiment"].iloc[2] != "negative"
    off = SentimentStage(heads_dir=str(heads_dir), box_prior=False)
    kept = off.transform(embedded(table.assign(question="What did you dislike?"))).table
    pd.testing.assert_frame_equal(plain, kept.drop(columns="question"))
    assert off.get_config()["box_prior"] is False


def test_the_box_prior_is_dated_alike_in_the_stage_and_its_docs():
    docs = Path(__file__).parents[2] / "docs" / "sentiment_emotion.md"
    text = docs.read_text(encoding="utf-8")
    heading = re.search(r"^## Boxes that say their polarity \(stop (\d+)\)$", text, re.M)
    assert heading is not None
    stop = heading.group(1)
    assert f"(#boxes-that-say-their-polarity-stop-{stop})" in text
    stage_doc = " ".join((sentiment_module.__doc__ or "").split())
    assert f"``box_prior=False`` (since stop {stop})" in stage_doc


@pytest.mark.parametrize(
    "text",
    ["No issues apart from the rude receptionist",
     "No problem with the food, the service was slow",
     "No fuss at all, just silence for three weeks", "No problems, yeah right"],
)  # fmt: skip
def test_a_denial_that_says_more_keeps_its_neutral_reading(text: str) -> None:
    from feedback_nlp.stages.sentiment_rules import denial_read_positive

    neutral = np.array([[0.2, 0.6, 0.2]])
    assert SENTIMENT_LABELS[int(denial_read_positive(neutral, [text]).argmax())] == "neutral"


def test_a_short_denial_read_neutral_turns_positive() -> None:
    from feedback_nlp.stages.sentiment_rules import denial_read_positive

    neutral = np.array([[0.2, 0.6, 0.2]])
    text = "Keine Probleme, der Zähler wurde pünktlich getauscht."
    assert SENTIMENT_LABELS[int(denial_read_positive(neutral, [text]).argmax())] == "positive"
