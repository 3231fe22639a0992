"""Report wording adapts to the data: one language, and counts that name their unit."""

from __future__ import annotations

from feedback_nlp.report.plain import language_name, unit_noun
from feedback_nlp.report.summary import Facts, _volume_sentence


def _facts(languages: list[tuple[str, int]]) -> Facts:
    return Facts(
        comments=120, languages=languages, channels=[("survey", 120)], first=None, last=None,
        rejected=None,
    )  # fmt: skip


def test_one_language_is_named_not_counted() -> None:
    sentence = _volume_sentence(_facts([("en", 120)]))
    assert "in English" in sentence and "languages" not in sentence
    assert "in 2 languages (English 83 %, French 17 %)" in _volume_sentence(
        _facts([("en", 100), ("fr", 20)])
    )


def test_comments_of_undetermined_language_are_counted_apart_not_named_a_language() -> None:
    sentence = _volume_sentence(_facts([("de", 117), ("en", 2), ("und", 1)]))
    assert "in 2 languages (German 98 %, English 2 %; 1 undetermined)" in sentence
    assert "in German (3 undetermined)" in _volume_sentence(_facts([("de", 117), ("und", 3)]))
    assert "of undetermined language" in _volume_sentence(_facts([("und", 120)]))
    many = _volume_sentence(_facts([("en", 100), ("fr", 10), ("de", 9), ("it", 1)]))
    assert "in 4 languages (English 83 %, French 8 %, German 8 %, …)" in many


def test_every_iso_language_is_named_in_words() -> None:
    sentence = _volume_sentence(_facts([("en", 100), ("th", 15), ("nb", 5)]))
    assert "in 3 languages (English 83 %, Thai 12 %, Norwegian Bokmål 4 %)" in sentence
    assert [language_name(code) for code in ("sw", "ia", "fr")] == [
        "Swahili", "Interlingua", "French",
    ]  # fmt: skip
    assert [language_name(code) for code in ("xx", "ast", None)] == ["xx", "ast", "Undetermined"]


def test_unit_nouns_come_from_the_unit_of_analysis() -> None:
    assert unit_noun("90 conversations") == "conversations"
    assert unit_noun("1 conversation") == "conversations"
    assert unit_noun("470 responses, 90 conversations") == "responses and conversations"
    # 412 units are neither 412 respondents nor 412 responses: both nouns
    assert unit_noun("400 responses, 12 respondents") == "responses and respondents"
    assert (
        unit_noun("1 response, 2 respondents, 3 conversations")
        == "responses, respondents and conversations"
    )
    assert unit_noun(None) == "customers"


def test_what_grew_says_when_growth_cannot_be_measured() -> None:
    import pandas as pd

    from feedback_nlp.report.summary_notes import no_growth as _no_growth

    assert "No comment dates" in _no_growth(None)
    one_month = pd.DataFrame({"period": ["2026-03", "2026-03"], "theme": ["1", "2"]})
    assert "one month" in _no_growth(one_month)
    two_months = pd.DataFrame({"period": ["2026-03", "2026-04"], "theme": ["1", "1"]})
    assert _no_growth(two_months).startswith("No theme grew significantly")
    assert "in 2026-04 compared with 2026-03" in _no_growth(two_months)  # stop 50
    one_week = pd.DataFrame({"period": ["2026-03-02/2026-03-08"], "theme": ["1"]})
    assert "one week: no earlier week" in _no_growth(one_week)
    assert _facts([("en", 120)]).no_growth == _no_growth(None)


def test_rows_with_a_score_only_are_no_comments() -> None:
    import pandas as pd

    from feedback_nlp.report.summary import gather_facts

    table = pd.DataFrame(
        {
            "text_clean": ["late parcel", "", "  ", "great staff", pd.NA],
            "lang": ["en", "und", "und", "en", "und"],
            "nps": [2, 9, 10, 8, 7],
        }
    )
    facts = gather_facts(table, {}, None, [], frozenset(), None, None)
    assert (facts.comments, facts.score_only, facts.languages) == (2, 3, [("en", 2)])
    sentence = _volume_sentence(facts)
    assert sentence.startswith(
        "2 comments (and 3 responses without one: blank, or a non-answer such as "
        '"-" or "n/a") in English'
    )


def test_a_theme_cost_on_a_csat_mean_is_said_on_the_mean_to_two_decimals() -> None:
    """CSAT theme impacts are on the 1-5 mean: "CSAT points" beside a % headline, and one
    decimal (every theme −0.1, a range ending at −0.05 shown as reaching 0.0), misled."""
    from feedback_nlp.report.score_facts import ThemeFact, theme_card

    theme = ThemeFact("late delivery", -0.081, -0.117, -0.046, 40, 9.0, "csat")
    assert theme.text().startswith(
        "'late delivery' costs 0.08 on the mean CSAT (95 % range −0.12 to −0.05)"
    )
    assert theme_card(theme).value == "−0.08"
    nps = ThemeFact("late delivery", -20.26, -24.4, -16.2, 40, 23.0, "nps")
    assert "costs 20.3 NPS points (95 % range −24.4 to −16.2)" in nps.text()


def test_no_clear_cost_points_to_the_small_themes_and_names_the_detractors_themes() -> None:
    """An executive got a shell command in the summary (exec probe, stop 49): it is in Methods
    now, and the summary names what the detractors raise most, as too few to tell."""
    from feedback_nlp.report.methods import SMALL_THEMES
    from feedback_nlp.report.summary_notes import GroupTheme, no_clear_cost

    assert no_clear_cost(0) == "No theme lowers the score clearly (with enough customers)."
    text = no_clear_cost(3)
    assert "3 themes of fewer than 30 customers have a range below 0" in text
    assert "--min-n" not in text and "--min-n 15" in SMALL_THEMES
    assert "1 theme of fewer than 30 customers has a range below 0" in no_clear_cost(1)
    themes = [GroupTheme("parcel late", 13, True), GroupTheme("refund slow", 9, True)]
    assert no_clear_cost(2, "detractors", themes).endswith(
        "What the detractors raise most: 'parcel late' (13 detractors), 'refund slow' (9); "
        "each is raised by too few customers to tell what it costs."
    )
    mixed = no_clear_cost(0, "detractors", [themes[0], GroupTheme("app", 40, False)])
    assert mixed.endswith(
        "none clearly lowers the score, and 'parcel late': too few customers to tell."
    )


def test_the_detractors_themes_are_counted_from_the_impact_table() -> None:
    import pandas as pd

    from feedback_nlp.report.summary_notes import GroupTheme, bad_group_themes

    impact = pd.DataFrame(
        {"theme": ["0", "1", "2", "3", "4"],
         "theme_label": ["parcel late", "refund slow", "nice staff", "meh", "app"],
         "units": [16, 9, 20, 12, 10], "event_rate": [81.25, 100.0, 0.0, 100.0, 50.0],
         "small_n": [True, True, True, True, False]}
    )  # fmt: skip
    found = bad_group_themes(impact, judged=frozenset({"3"}))
    assert found == [
        GroupTheme("parcel late", 13, True),
        GroupTheme("refund slow", 9, True),
        GroupTheme("app", 5, False),
    ]


def test_a_notable_share_of_repeated_comments_is_said_once() -> None:
    """Social exports repeat posts (retweets, pasted campaigns: 110 of 194 in the social
    probe of stop 49) and the report never said so."""
    import pandas as pd

    from feedback_nlp.report.summary_notes import duplicates_sentence

    table = pd.DataFrame(
        {"text_clean": ["a", "a", "b", "", "c"] * 4,
         "is_duplicate": pd.array([False, True, False, False, False] * 4, dtype="boolean")}
    )  # fmt: skip
    said = table["text_clean"].ne("")
    assert duplicates_sentence(table, said).startswith(
        "4 of 16 comments repeat another comment's words"
    )
    assert "count in every number below, and the quotes leave them out" in duplicates_sentence(
        table, said
    )
    few = table.assign(is_duplicate=pd.array([False] * 20, dtype="boolean"))
    assert duplicates_sentence(few, said) is None
    assert duplicates_sentence(table.drop(columns="is_duplicate"), said) is None


def test_a_month_whose_whole_range_is_below_the_months_before_is_said() -> None:
    """The exec probe's NPS went +22, +25, then +3 (95 % range −6 to +11) in the last month,
    and the summary did not say."""
    import pandas as pd

    from feedback_nlp.report.summary_notes import score_drop_sentence

    def months(last_high: float, last_n: int = 378) -> pd.DataFrame:
        return pd.DataFrame(
            {"dimension": "period", "segment": ["2026-07", "2026-08", "2026-09"],
             "metric": "nps", "value": [21.6, 24.8, 2.6], "n": [319, 303, last_n],
             "ci_low": [12.4, 15.2, -6.2], "ci_high": [30.5, 33.8, last_high]}
        )  # fmt: skip

    said = score_drop_sentence(months(11.4), "nps", "responses")
    assert said == (
        "NPS fell in 2026-09: +3 (95 % range −6 to +11, 378 responses), against +23 over the "
        "months before; its whole range is below them."
    )
    assert score_drop_sentence(months(30.0), "nps") is None  # its range reaches them
    assert score_drop_sentence(months(11.4, last_n=20), "nps") is None  # too few
    assert score_drop_sentence(None, "nps") is None


def test_counts_of_comments_are_not_called_customers_nor_contrasted_with_comments() -> None:
    """Social posts have no respondent: the social probe of stop 49 read "counts are comments,
    not comments" and a trend chart of "customers"."""
    import pandas as pd

    from feedback_nlp.report import charts, trend_charts
    from feedback_nlp.report.plain import not_comments

    assert not_comments("comments") == "" and not_comments("customers") == ", not comments"
    impact = pd.DataFrame(
        {"impact": [-9.0], "impact_ci_low": [-15.0], "impact_ci_high": [-3.0], "units": [12],
         "event_rate": [50.0], "small_n": [True], "unit_of_analysis": ["12 comments"]}
    )  # fmt: skip
    tip = charts.impact_hover(impact, "NPS").iloc[0]
    assert "12 comments" in tip and "too few comments" in tip and "customers" not in tip
    trends = pd.DataFrame(
        {"period": ["2026-01", "2026-02"], "theme_label": ["outage", "outage"],
         "share": [10.0, 20.0], "grew_significantly": [False, True],
         "unit_of_analysis": ["40 comments", "40 comments"]}
    )  # fmt: skip
    figure = trend_charts.theme_share_chart(trends, ["outage"])
    assert "comments" in figure.layout.yaxis.title.text
    assert "customers" not in figure.to_json()


def test_a_theme_impact_hover_on_a_mean_reads_on_the_mean_to_hundredths():
    """A reviewer (stop 51): the hover said "impact −0.1 CSAT points" for −0.12 on the mean."""
    import pandas as pd

    from feedback_nlp.report import charts

    impact = pd.DataFrame(
        {"impact": [-0.12], "impact_ci_low": [-0.2], "impact_ci_high": [-0.05], "units": [40],
         "event_rate": [30.0], "small_n": [False], "unit_of_analysis": ["40 respondents"]}
    )  # fmt: skip
    tip = charts.impact_hover(impact, "mean CSAT (1–5)").iloc[0]
    assert "impact −0.12 on the mean CSAT (1–5) (95 % range −0.20 to −0.05)" in tip
    nps = charts.impact_hover(impact.assign(impact=[3.04]), "NPS").iloc[0]
    assert nps.startswith("impact +3.0 NPS points (95 % range −0.2 to −0.1)")


def test_period_sentences_name_the_period_asked_for() -> None:
    """The airline probe of stop 53 (`--period Q`, January to March) read "All comments fall
    in one month", and a quarter's drop was set "against … the months before"."""
    import pandas as pd

    from feedback_nlp.report.summary_notes import no_growth, score_drop_sentence

    one_quarter = pd.DataFrame({"period": ["2026-Q1", "2026-Q1"], "theme": ["1", "2"]})
    assert "one quarter: no earlier quarter" in no_growth(one_quarter)
    three = pd.DataFrame({"period": ["2025-Q3", "2025-Q4", "2026-Q1"], "theme": "1"})
    assert "compared with the quarters before it" in no_growth(three)
    iso_week = pd.DataFrame({"period": ["2026-W07"], "theme": ["1"]})
    assert "one week: no earlier week" in no_growth(iso_week)
    quarters = pd.DataFrame(
        {"dimension": "period", "segment": ["2025-Q3", "2025-Q4", "2026-Q1"],
         "metric": "nps", "value": [21.6, 24.8, 2.6], "n": [319, 303, 378],
         "ci_low": [12.4, 15.2, -6.2], "ci_high": [30.5, 33.8, 11.4]}
    )  # fmt: skip
    said = score_drop_sentence(quarters, "nps", "responses")
    assert said is not None and "against +23 over the quarters before" in said
    assert "month" not in said
