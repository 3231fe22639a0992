import pandas as pd

from feedback_nlp.insights import theme_impact
from feedback_nlp.insights.distinct import fold_repeats, similar_from_table

# Twelve respondents; "late" and "late again" are the same issue worded apart, "price" another.
NPS = [10, 10, 9, 9, 8, 7, 6, 4, 3, 2, 1, 0]
THEMES = ["", "", "", "price", "", "", "late", "late", "late again", "late|price", "price", "late"]
SIMILAR = {"late": {"late again"}, "late again": {"late"}}


def twelve_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(len(NPS))],
            "nps": pd.array(NPS, dtype="Int64"),
            "themes": pd.array(THEMES, dtype="string"),
        }
    )


def test_a_theme_similar_to_a_listed_one_is_folded_under_it():
    order = ["late", "price", "late again", "app"]
    similar = {**SIMILAR, "app": {"price", "late"}}
    assert fold_repeats(order, similar) == {
        "late": None,
        "price": None,
        "late again": "late",
        "app": "late",  # the first listed theme it is similar to
    }
    assert fold_repeats(order, {}) == dict.fromkeys(order)


def test_a_folded_theme_folds_nothing_itself():
    # "b" repeats "a"; "c" is similar to "b" only, so it is listed
    assert fold_repeats(["a", "b", "c"], {"a": {"b"}, "b": {"a", "c"}, "c": {"b"}}) == {
        "a": None,
        "b": "a",
        "c": None,
    }


def test_theme_impact_ranks_distinct_themes():
    plain = theme_impact(twelve_rows(), min_n=1).set_index("theme")
    assert "distinct_rank" not in plain
    impact = theme_impact(twelve_rows(), min_n=1, similar=SIMILAR).set_index("theme")
    assert list(impact["rank"]) == list(plain["rank"])  # the plain ranking is untouched
    late_first = plain.loc["late", "rank"] < plain.loc["late again", "rank"]
    first, second = ("late", "late again") if late_first else ("late again", "late")
    assert pd.isna(impact.loc[first, "repeats"])
    assert impact.loc[second, "repeats"] == first
    assert pd.isna(impact.loc[second, "distinct_rank"])
    ranks = sorted(impact["distinct_rank"].dropna().astype(int))
    assert ranks == [1, 2]  # the two issues: late (either wording) and price


def test_similar_themes_read_from_a_theme_table():
    themes = pd.DataFrame(
        {
            "topic": pd.array([0, 1, 2], dtype="Int64"),
            "similar_themes": pd.array(["1", "0|2", pd.NA], dtype="string"),
        }
    )
    assert similar_from_table(themes) == {"0": {"1"}, "1": {"0", "2"}}
    assert similar_from_table(themes.drop(columns="similar_themes")) == {}
    assert similar_from_table(None) == {}
