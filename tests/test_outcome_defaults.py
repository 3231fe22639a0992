import pandas as pd

from feedback_nlp.outcome_defaults import (
    as_outcome,
    plain_outcome,
    plain_outcomes,
    stars_outcome,
)
from feedback_nlp.outcomes import OutcomeSpec, parse_outcome_option


def test_an_option_string_is_parsed_as_the_cli_parses_it() -> None:
    assert as_outcome("low_star:binary") == OutcomeSpec("low_star", "binary")
    assert as_outcome("nps") == "nps"


def test_a_plain_rating_reads_higher_is_better_as_its_declared_kind_does() -> None:
    spec, note = plain_outcome(pd.Series([1.0, 5.0, 3.0]), "stars")
    assert spec is not None and spec.higher_is_better
    assert spec.higher_is_better == parse_outcome_option("stars:numeric").higher_is_better
    assert note == (
        "outcome 'stars' given without a kind: read as stars (numeric, lower is worse); "
        "declare stars:numeric:bad=... to say otherwise"
    )


def test_a_plain_zero_one_column_is_binary_true_is_bad() -> None:
    spec, _ = plain_outcome(pd.Series([0, 1, 1, None], dtype="Int64"), "churned")
    assert spec == OutcomeSpec("churned", "binary") and not spec.higher_is_better


def test_scores_and_text_columns_are_not_guessed() -> None:
    assert plain_outcome(pd.Series([9, 10]), "nps") == (None, None)
    assert plain_outcome(pd.Series(["a", "b"]), "plan") == (None, None)


def test_plain_outcomes_leave_names_with_a_stated_direction_alone() -> None:
    table = pd.DataFrame({"stars": [1, 4], "spend": [2.5, 9.0]})
    read, notes = plain_outcomes(table, ["nps", "stars", "spend", "gone:count"], given={"spend"})
    assert read == ["nps", OutcomeSpec("stars", "numeric"), "spend", OutcomeSpec("gone", "count")]
    assert len(notes) == 1


def test_a_tagged_table_with_stars_and_no_score_takes_them_as_the_outcome() -> None:
    table = pd.DataFrame({"star_rating": pd.array([1, 5, None], dtype="Int64"), "nps": None})
    spec, note = stars_outcome(table)
    assert spec == OutcomeSpec("star_rating", "numeric") and spec.higher_is_better
    assert note is not None and note.startswith("'star_rating' (1-5 stars) taken as an outcome")


def test_stars_are_no_outcome_beside_a_score_or_when_declared() -> None:
    table = pd.DataFrame({"star_rating": [1, 5], "csat": [4, None]})
    assert stars_outcome(table) == (None, None)
    assert stars_outcome(table.drop(columns="csat"), declared={"star_rating"}) == (None, None)
