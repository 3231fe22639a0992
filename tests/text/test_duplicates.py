import pandas as pd

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
