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


def one_topic_each(n: int = 900, seed: int = 8) -> pd.DataFrame:
    """Every response has exactly one of three topics (no "Other"); only topic 1 raises the
    detractor rate (40 % against 20 %). Detractors alone feel anger; the rest feel joy."""
    rng = np.random.default_rng(seed)
    topic = rng.integers(0, 3, n)
    nps = np.where(rng.random(n) < np.where(topic == 1, 0.4, 0.2), 3, 9)
    angry = (nps <= 6) & (rng.random(n) < 0.7)
    return pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(n)],
            "text_clean": "a comment",
            "nps": nps,
            "topic": topic,
            "topic_label": pd.Series(topic).map({0: "parcel", 1: "invoice", 2: "login"}),
            "emotion": np.where(angry, "anger", "joy"),
        }
    )


def test_a_set_every_unit_has_one_of_loses_its_most_common_as_reference():
    """A probe: each comment one topic, no Other. Both topics without an effect read
    "clearly against" a bad NPS (OR 0.75 and 0.71) and the true OR 2.67 fell outside the
    third's range: the three indicators sum to the intercept."""
    table = one_topic_each().drop(columns="emotion")
    common = str(table["topic"].value_counts().idxmax())
    assert common != "1"  # the reference is a topic without an effect
    result = key_drivers(table, theme_column="topic", n_bootstrap=40)
    drivers = result.drivers.set_index("driver")
    assert f"theme:{common}" not in drivers.index and len(drivers) == 2
    assert drivers.loc["theme:1", "or_ci_low"] > 1
    others = drivers.drop(index="theme:1")
    assert (others["or_ci_low"] < 1).all() and (others["or_ci_high"] > 1).all()
    label = dict(enumerate(["parcel", "invoice", "login"]))[int(common)]
    note = next(s for s in result.skipped if s.startswith("every unit has exactly one of"))
    assert note.endswith(
        f"{label} (the most common) is the reference, left out; the others' effects are against it"
    )


def test_a_driver_whose_units_are_all_events_gets_a_note_not_a_range():
    """A probe: anger never came without a detractor and read OR 27.3 (24.3 to 35.3)."""
    table = one_topic_each()
    result = key_drivers(table, theme_column="topic", n_bootstrap=20)
    drivers = result.drivers.set_index("driver")
    assert "emotion:joy" not in drivers.index  # anger or joy: the commoner is the reference
    anger = drivers.loc["emotion:anger"]
    assert anger["separated"] and np.isnan(anger["or_ci_low"]) and np.isnan(anger["or_ci_high"])
    assert not drivers.drop(index="emotion:anger")["separated"].any()
    assert (
        f"all of the {int(anger['units'])} units with emotion anger have the event (detractor): "
        "separation, its odds ratio has no finite estimate (the model's value is its "
        "penalty's); no range given"
    ) in result.skipped


def test_dependence_notes_say_which_indicator_is_left_out_and_why():
    from feedback_nlp.insights.driver_labels import dependence_note, dependent_drivers

    features = pd.DataFrame(
        {
            "theme:7": [1, 0, 0, 1, 0, 1, 0, 0],
            "theme:8": [0, 1, 1, 0, 0, 0, 1, 1],
            "theme:9": [1, 1, 0, 0, 1, 1, 0, 0],
            "touchpoint:app": [1, 1, 1, 1, 1, 1, 1, 1],
        },
        dtype=float,
    )
    features["theme:10"] = features["theme:7"] + features["theme:8"]  # the two never meet
    found = dict(dependent_drivers(features))
    assert set(found) == {"touchpoint:app", "theme:10"}
    names = {"7": "late parcel", "8": "refund", "10": "parcel or refund"}
    assert dependence_note("touchpoint:app", found["touchpoint:app"], names) == (
        "every unit has touchpoint app: left out, there is no unit to compare it with"
    )
    assert dependence_note("theme:10", found["theme:10"], names) == (
        "parcel or refund is fixed by late parcel, refund (a linear combination): left out, "
        "its effect cannot be told apart from theirs"
    )
    partition = {"1": 1.0, "theme:7": -1.0}
    assert dependence_note("theme:8", partition, names).startswith(
        "every unit has exactly one of late parcel, refund: refund (the most common) is the "
        "reference"
    )


def test_drivers_every_unit_has_leave_nothing_to_model():
    """A constant indicator was fitted beside the intercept, its effect the penalty's split."""
    table = noisy_table()
    table["themes"], table["sentiment"], table["emotion"] = "late_delivery", "negative", "anger"
    with pytest.raises(SchemaError, match=r"^nothing to model \(every unit has late_delivery"):
        key_drivers(table.drop(columns="touchpoint"), n_bootstrap=5)
