import numpy as np
import pandas as pd
import pytest

from feedback_nlp.errors import SchemaError
from feedback_nlp.insights import key_drivers
from feedback_nlp.insights.driver_labels import rare_note
from feedback_nlp.insights.drivers import TEXT_SIGNALS_OFF, fit_logistic, fit_ridge
from feedback_nlp.insights.explain import NEGATIVE_SENTIMENT, with_negative_sentiment
from feedback_nlp.outcomes import parse_declared
from tests.insights.conftest import BAD_THEMES, synthetic_table


def noisy_table() -> pd.DataFrame:
    """The synthetic table with sentiment and emotion not tied one-to-one to the theme."""
    table = synthetic_table(n_respondents=500, seed=3)
    rng = np.random.default_rng(0)
    flip = rng.random(len(table)) < 0.3
    table.loc[flip, "sentiment"] = "neutral"
    table.loc[rng.random(len(table)) < 0.4, "emotion"] = "neutral"
    return table


def test_logistic_matches_scikit_learn():
    LogisticRegression = pytest.importorskip("sklearn.linear_model").LogisticRegression  # noqa: N806
    rng = np.random.default_rng(1)
    x = (rng.random((300, 4)) < 0.3).astype(float)
    y = (rng.random(300) < 1 / (1 + np.exp(-(x @ [2.0, -1.0, 0.0, 0.5] - 0.5)))).astype(float)
    ours = fit_logistic(x, y, c=0.7)
    theirs = LogisticRegression(C=0.7, tol=1e-10, max_iter=10_000).fit(x, y)
    assert ours[0] == pytest.approx(theirs.intercept_[0], abs=1e-4)
    assert ours[1:] == pytest.approx(theirs.coef_[0], abs=1e-4)


def test_ridge_matches_scikit_learn():
    Ridge = pytest.importorskip("sklearn.linear_model").Ridge  # noqa: N806
    rng = np.random.default_rng(2)
    x = rng.random((100, 3))
    y = x @ [1.0, -2.0, 0.5] + rng.normal(0, 0.1, 100)
    ours = fit_ridge(x, y, c=0.5)
    theirs = Ridge(alpha=1 / 0.5).fit(x, y)
    assert ours[1:] == pytest.approx(theirs.coef_)
    assert ours[0] == pytest.approx(theirs.intercept_)


def test_planted_causes_are_the_strongest_theme_drivers():
    result = key_drivers(noisy_table(), n_bootstrap=30)
    drivers = result.drivers.set_index("driver")
    theme_effects = drivers.filter(like="theme:", axis=0)
    top = list(theme_effects["coef"].nlargest(2).index)
    assert {name.split(" = ")[0] for name in top} == {"theme:late_delivery", "theme:app_crash"}
    assert (theme_effects.loc[top, "coef_ci_low"] > 0).all()
    assert drivers.loc["theme:late_delivery", "odds_ratio"] == pytest.approx(
        np.exp(drivers.loc["theme:late_delivery", "coef"])
    )
    fit = result.fit.iloc[0]
    assert fit["model"] == "logistic (L2)" and fit["units"] == 500
    assert 0 < fit["mcfadden_r2"] < 1 and fit["auc_in_sample"] > 0.8


def test_bootstrap_is_seeded():
    table = noisy_table()
    first = key_drivers(table, n_bootstrap=10, seed=4).drivers
    again = key_drivers(table, n_bootstrap=10, seed=4).drivers
    other = key_drivers(table, n_bootstrap=10, seed=5).drivers
    pd.testing.assert_frame_equal(first, again)
    assert not np.allclose(first["coef_ci_low"], other["coef_ci_low"])


def test_numeric_outcome_uses_ridge():
    table = noisy_table()
    table["resolution_hours"] = np.where(table["themes"] == "late_delivery", 30.0, 5.0)
    result = key_drivers(table, "resolution_hours", n_bootstrap=5)
    assert result.fit.iloc[0]["model"] == "ridge"
    assert result.drivers.iloc[0]["driver"] in {"theme:late_delivery", "negative:late_delivery"}
    assert "odds_ratio" not in result.drivers.columns


def test_missing_signals_are_skipped_and_said():
    table = noisy_table().drop(columns=["sentiment", "emotion"])
    result = key_drivers(table, n_bootstrap=5)
    assert result.skipped[:2] == [
        "no 'sentiment' column: theme × sentiment drivers skipped",
        "no 'emotion' column: emotion drivers skipped",
    ]
    assert not result.drivers["driver"].str.startswith("negative:").any()


def test_an_outcome_read_from_the_text_is_not_explained_by_the_text_signals():
    table = with_negative_sentiment(noisy_table())
    table = parse_declared(table, [NEGATIVE_SENTIMENT])
    result = key_drivers(table, NEGATIVE_SENTIMENT, n_bootstrap=5, text_signals=False)
    assert result.skipped[0] == TEXT_SIGNALS_OFF
    assert result.drivers["driver"].str.startswith("theme:").all()
    with_signals = key_drivers(table, NEGATIVE_SENTIMENT, n_bootstrap=5)
    assert with_signals.drivers["driver"].str.startswith(("negative:", "emotion:")).any()


def test_no_driver_with_enough_units_is_an_error():
    table = noisy_table().head(20)
    with pytest.raises(SchemaError, match="no driver has at least 30 units"):
        key_drivers(table, n_bootstrap=5)


def test_identical_indicators_are_reported_as_one_driver():
    table = synthetic_table(n_respondents=300)  # app_crash: always negative, always in the app
    result = key_drivers(table, n_bootstrap=5)
    merged = "theme:app_crash = negative:app_crash = touchpoint:app"
    assert merged in set(result.drivers["driver"])
    assert "touchpoint app and app_crash hold on the same units: reported as one driver" in (
        result.skipped
    )
    assert (
        "every unit raising 'app_crash' has a negative comment on it: the theme and its negative "
        "comments are one driver, 'app_crash (always negative)'" in result.skipped
    )
    label = result.drivers.set_index("driver").loc[merged, "label"]
    assert label == "app_crash (always negative) = touchpoint app"


def test_driver_labels_and_notes_name_themes_once_and_never_by_id():
    """The exec probe of stop 49 read "app keeps logging me out = app keeps logging me out
    (negative)" on the chart and "negative:20 is identical to theme:20" in Methods."""
    from feedback_nlp.insights.driver_labels import driver_label, identical_note

    names = {"20": "logged out", "7": "late parcel"}
    assert driver_label("theme:20 = negative:20", names) == "logged out (always negative)"
    assert driver_label("negative:7", names) == "late parcel (negative)"
    assert driver_label("theme:7 = touchpoint:app", names) == "late parcel = touchpoint app"
    note = identical_note("negative:20", "theme:20", names)
    assert "'logged out (always negative)'" in note and ":20" not in note
    other = identical_note("touchpoint:app", "theme:7", names)
    assert other == "touchpoint app and late parcel hold on the same units: reported as one driver"


def test_drivers_count_only_the_units_that_have_the_outcome():
    """Respondents without a score count for no driver: a theme raised by many respondents
    of whom 10 have a score is left out at min_n 30 (before stop 47 it stayed, with units
    10, since the count was taken over every respondent)."""
    table = noisy_table()
    theme = BAD_THEMES[0]
    raising = table.loc[table["themes"] == theme, "respondent_id"].unique()
    assert len(raising) > 60
    table.loc[table["respondent_id"].isin(raising[10:]), "nps"] = pd.NA
    result = key_drivers(table, n_bootstrap=5)
    assert (result.drivers["units"] >= 30).all()
    assert not result.drivers["driver"].str.contains(f"theme:{theme}", regex=False).any()


def test_the_drivers_left_out_as_rare_are_named():
    """A probe read "drivers_nps: 12 driver(s) with fewer than 30 units left out" and could
    not tell which: the note names the first five, in words, and counts the rest."""
    table = noisy_table()
    table.loc[:2, "themes"] = "tiny_theme"  # 3 comments
    result = key_drivers(table, n_bootstrap=5)
    note = next(s for s in result.skipped if "fewer than" in s)
    assert " driver(s) with fewer than 30 units left out: tiny_theme" in note


def test_rare_note_names_five_then_counts():
    rare = ["theme:7", "negative:7", "emotion:fear", "touchpoint:app", "theme:8", "theme:9"]
    names = {"7": "late parcel", "8": "refund", "9": "app crash"}
    note = rare_note(rare, 30, names)
    assert note == (
        "6 driver(s) with fewer than 30 units left out: late parcel, late parcel (negative), "
        "emotion fear, touchpoint app, refund and 1 more"
    )
    assert rare_note(rare[:1], 30, names).endswith("left out: late parcel")
