import pandas as pd
import pytest

from feedback_nlp.text.duplicates import find_duplicates, normalise_for_duplicates


def test_normalisation_ignores_case_space_and_punctuation():
    assert normalise_for_duplicates("Great app!!  ") == normalise_for_duplicates("great, app")
    assert normalise_for_duplicates("Livrare rapidă") != normalise_for_duplicates("livrare rapida")
    assert normalise_for_duplicates("👍") == "👍"


def test_find_duplicates_points_to_first_row():
    texts = pd.Series(
        ["Late again!", "late again", "", "", "other", "LATE AGAIN."], index=[5, 6, 7, 8, 9, 10]
    )
    ids = pd.Series(["a", "b", "c", "d", "e", "f"], index=texts.index)
    result = find_duplicates(texts, ids)
    assert result["is_duplicate"].tolist() == [False, True, False, False, False, True]
    assert result["duplicate_of"].tolist() == [pd.NA, "a", pd.NA, pd.NA, pd.NA, "a"]
    assert result.index.equals(texts.index)
    assert result["is_duplicate"].dtype == "boolean"
    assert result["duplicate_of"].dtype == "string"


def test_punctuation_only_texts_are_never_duplicates():
    texts = pd.Series(["...", "...", "!!"])
    result = find_duplicates(texts, pd.Series(["a", "b", "c"]))
    assert not result["is_duplicate"].any()


@pytest.mark.parametrize(
    "retweet",
    [
        "RT @anna: Router dead, third day now",
        "rt @anna router dead, third day now",
        "RT: Router dead, third day now",
        "RT @bob: RT @anna: Router dead, third day now",
        "Router dead, third day now via @anna",
    ],
)
def test_a_retweet_repeats_the_post_it_shares(retweet: str):
    assert normalise_for_duplicates(retweet) == normalise_for_duplicates(
        "Router dead, third day now"
    )


def test_retweet_markers_inside_the_text_are_kept():
    assert normalise_for_duplicates("art: @anna drew it") != normalise_for_duplicates("drew it")
    assert normalise_for_duplicates("RT is a channel") == "rtisachannel"


def test_retweets_point_to_the_original_wherever_it_is_listed():
    texts = pd.Series(
        [
            "RT @anna: Router dead, third day now",
            "Router dead, third day now",
            "RT @carl: Router dead, third day now",
            "RT @dan: Billing page down",
            "RT @erin: Billing page down",
        ]
    )
    result = find_duplicates(texts, pd.Series(["t1", "t2", "t3", "t4", "t5"]))
    assert result["is_duplicate"].tolist() == [True, False, True, False, True]
    assert result["duplicate_of"].tolist() == ["t2", pd.NA, "t2", pd.NA, "t4"]
