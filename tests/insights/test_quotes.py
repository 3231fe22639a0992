import numpy as np
import pandas as pd
import pytest

from feedback_nlp.errors import SchemaError
from feedback_nlp.insights import representative_quotes

#: Whole-comment embeddings of `comments()`: "b" nearest the centroid, "c" far from it.
EMBEDDINGS = np.array([[1.0, 0.0], [1.0, 0.1], [0.0, 1.0], [1.0, 0.0], [0.5, 0.5], [1.0, 0.0]])


def comments() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": ["a", "b", "c", "d", "e", "f"],
            "text_clean": [
                "Colis en retard",
                "colis  en RETARD",
                "Late parcel, call <PHONE>",
                "",
                "Fast delivery",
                "Late again",
            ],
            "lang": ["fr", "fr", "en", "und", "en", "en"],
            "nps": pd.array([2, 1, 3, 0, 10, 4], dtype="Int64"),
            "themes": ["late", "late", "late", "late", "late", "late"],
            "sentiment_score": [-0.9, -0.95, -0.5, -0.99, 0.8, -0.1],
            "is_duplicate": [False, False, False, False, False, True],
        }
    )


def test_detractor_and_promoter_quotes_deduplicated_with_language():
    quotes = representative_quotes(comments())
    detractors = quotes[quotes["group"] == "detractor"]
    assert detractors["response_id"].tolist() == ["b", "c"]  # 'a' is the same text, 'd' empty
    assert detractors["lang"].tolist() == ["fr", "en"]
    assert detractors["closeness_method"].iloc[0] == "sentiment strength"
    assert quotes.loc[quotes["group"] == "promoter", "text_clean"].tolist() == ["Fast delivery"]


def test_embedding_centroid_ranks_the_typical_comment_first():
    quotes = representative_quotes(comments(), embeddings=EMBEDDINGS, per_group=1)
    top = quotes[quotes["group"] == "detractor"].iloc[0]
    assert top["response_id"] == "b"
    assert top["closeness_method"] == "embedding centroid"


def test_the_part_raising_the_theme_ranks_quotes_before_whole_comment_embeddings():
    mentions = pd.DataFrame(
        {"response_id": ["a", "b", "c"], "theme": ["late"] * 3, "similarity": [0.2, 0.3, 0.9]}
    )
    quotes = representative_quotes(comments(), embeddings=EMBEDDINGS, mentions=mentions)
    detractors = quotes[quotes["group"] == "detractor"]
    assert detractors["response_id"].tolist()[0] == "c"  # far from the centroid, raises it most
    assert detractors["closeness_method"].iloc[0] == "similarity of the part raising the theme"


def test_each_quote_carries_the_part_of_the_comment_raising_its_theme():
    mentions = pd.DataFrame(
        {
            "response_id": ["b", "c"],
            "theme": ["late", "late"],
            "similarity": [0.3, 0.9],
            "unit_text": ["colis  en RETARD", "Late parcel"],
        }
    )
    quotes = representative_quotes(comments(), mentions=mentions)
    excerpts = dict(zip(quotes["response_id"], quotes["excerpt"], strict=True))
    assert excerpts["c"] == "Late parcel"
    assert pd.isna(excerpts["e"])  # no mention row: the part is unknown


def test_quotes_without_mentions_have_no_excerpt():
    assert representative_quotes(comments())["excerpt"].isna().all()


def test_quotes_per_cell():
    table = comments().assign(touchpoint=["delivery", "app", "app", "app", "app", "app"])
    quotes = representative_quotes(table, by="touchpoint")
    cells = quotes[quotes["group"] == "detractor"].groupby("cell")["response_id"].apply(list)
    assert cells.to_dict() == {"app": ["b", "c"], "delivery": ["a"]}


def test_quotes_without_scores_use_all_comments():
    quotes = representative_quotes(comments().drop(columns="nps"), per_group=10)
    assert set(quotes["group"]) == {"all"}
    assert len(quotes) == 3  # a/b same text, d empty, f duplicate


def test_raw_text_is_never_quoted():
    table = comments().drop(columns="text_clean").assign(text="raw with jane@example.com")
    with pytest.raises(SchemaError, match="the raw text is never quoted"):
        representative_quotes(table)


def test_each_quote_says_the_open_question_it_answers():
    asked = comments().assign(question=["Why?", "Why?", "Else?", "Why?", "Else?", "Why?"])
    quotes = representative_quotes(asked).set_index("response_id")
    assert quotes.loc["c", "question"] == "Else?" and quotes.loc["e", "question"] == "Else?"
    assert representative_quotes(comments())["question"].isna().all()
