import pandas as pd
import pytest

from feedback_nlp.insights import segment_metrics
from feedback_nlp.outcomes import OutcomeSpec


def chat_and_survey() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": ["t1", "t2", "t3", "s1", "s2"],
            "conversation_id": ["c1", "c1", "c1", None, None],
            "respondent_id": ["u1", "u1", "u1", "u2", "u3"],
            "created_at": pd.to_datetime(
                ["2026-01-05", "2026-01-05", "2026-01-05", "2026-01-20", "2026-02-03"], utc=True
            ),
            "channel": ["chat", "chat", "chat", "survey", "survey"],
            "csat": pd.array([2, 2, 2, 5, 4], dtype="Int64"),
            "themes": pd.array(["refund", "refund|wait", "wait", "wait", ""], dtype="string"),
            "emotion": ["anger|sadness", "anger", "neutral", "joy", "neutral"],
            "sentiment": ["negative", "negative", "neutral", "positive", "positive"],
        }
    )


def value(result: pd.DataFrame, dimension: str, segment: str, metric: str) -> pd.Series:
    rows = result[
        (result["dimension"] == dimension)
        & (result["segment"] == segment)
        & (result["metric"] == metric)
    ]
    assert len(rows) == 1
    return rows.iloc[0]


def test_each_unit_counts_once_per_segment():
    result = segment_metrics(chat_and_survey(), min_n=1)
    chat = value(result, "channel", "chat", "csat_mean")
    assert (chat["value"], chat["n"]) == (2.0, 1)
    wait = value(result, "themes", "wait", "csat_mean")  # conversation c1 once, u2 once
    assert (wait["value"], wait["n"]) == (3.5, 2)
    assert value(result, "themes", "wait", "comments")["value"] == 3


def test_an_undated_answer_is_not_a_units_last_one_here_either():
    """The headline takes a unit's latest dated score, an undated one coming first: the
    segments did the opposite (chat CSAT 1 beside a headline of 5 for the same units)."""
    from feedback_nlp.scores import score_metrics

    table = chat_and_survey().head(3)
    table["csat"] = pd.array([1, 5, 5], dtype="Int64")
    table["created_at"] = table["created_at"].astype("datetime64[ns, UTC]")
    table.loc[0, "created_at"] = pd.NaT
    headline = score_metrics(table).set_index("metric").loc["csat_mean", "value"]
    chat = value(segment_metrics(table, min_n=1), "channel", "chat", "csat_mean")["value"]
    assert headline == chat == 5.0


def test_multi_valued_emotions_and_periods():
    result = segment_metrics(chat_and_survey(), by=["emotion", "period"], min_n=1)
    assert value(result, "emotion", "sadness", "comments")["value"] == 1
    assert value(result, "emotion", "anger", "csat_mean")["n"] == 1
    january = value(result, "period", "2026-01", "negative_share")
    assert january["value"] == pytest.approx(50.0)
    assert value(result, "period", "2026-02", "csat_satisfied_share")["value"] == 100.0


def test_weekly_periods():
    result = segment_metrics(chat_and_survey(), by=["period"], period="W", min_n=1)
    assert value(result, "period", "2026-01-05/2026-01-11", "comments")["value"] == 3


def test_small_segments_are_marked():
    result = segment_metrics(chat_and_survey())
    assert result["small_n"].all()


def test_missing_dimensions_are_skipped_and_said():
    result = segment_metrics(chat_and_survey(), by=["channel", "touchpoint", "period"])
    assert result.attrs["skipped"] == ["segment 'touchpoint' skipped: no 'touchpoint' column"]
    table = chat_and_survey().drop(columns=["created_at"])
    result = segment_metrics(table, by=["period"])
    assert result.attrs["skipped"] == ["segment 'period' skipped: no 'created_at' column"]


def test_theme_labels_from_the_theme_lists_name_themes_never_main():
    from feedback_nlp.insights.core import theme_labels

    table = pd.DataFrame(
        {
            "topic": pd.array([3, 5], dtype="Int64"),
            "topic_label": ["late parcel", "rude driver"],
            "themes": ["3|7", "5|8"],
            "theme_labels": ["late parcel|charged twice", "rude driver|app a|b"],
        }
    )
    labels = theme_labels(table)
    assert labels == {"3": "late parcel", "7": "charged twice", "5": "rude driver"}
    assert theme_labels(table, {"7": "double charge"})["7"] == "double charge"


def test_theme_labels_from_topic_pairs():
    table = pd.DataFrame(
        {
            "response_id": ["a", "b"],
            "topic": pd.array([3, -1], dtype="Int64"),
            "topic_label": ["late parcel", "outliers"],
            "nps": pd.array([2, 9], dtype="Int64"),
        }
    )
    result = segment_metrics(table, by=["topic"], theme_column="topic", min_n=1)
    assert set(result["segment"]) == {"3"}
    assert set(result["segment_label"]) == {"late parcel"}


def test_the_question_a_comment_answers_is_a_segment_where_the_table_has_it():
    table = chat_and_survey()
    assert "question" not in set(segment_metrics(table, min_n=1)["dimension"])
    assert not any("question" in s for s in segment_metrics(table).attrs["skipped"])
    asked = table.assign(question=["Why?", "Why?", "Else?", "Why?", "Else?"])
    why = value(segment_metrics(asked, min_n=1), "question", "Why?", "comments")
    assert why["value"] == 3


def test_also_adds_carried_columns_and_notes_missing_ones():
    table = chat_and_survey().assign(region=["N", "N", "N", "S", None])
    result = segment_metrics(table, min_n=1, also=["region", "plan", "Region"])
    south = value(result, "region", "S", "csat_mean")
    assert south["n"] == 1
    assert "channel" in set(result["dimension"])  # the defaults stay
    skipped = result.attrs["skipped"]
    assert "segment 'region': 1 row(s) with no value are in none" in skipped
    assert "segment 'Region' skipped: no 'Region' column; did you mean 'region'?" in skipped
    assert any(
        s.startswith("segment 'plan' skipped: no 'plan' column; the columns are ") for s in skipped
    )


def test_score_only_rows_count_for_the_scores_not_as_comments():
    from feedback_nlp.insights.explain import with_negative_sentiment

    table = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(40)],
            "text": ["Late again, no answer"] * 10 + [""] * 30,  # 30 skipped the open question
            "text_clean": ["Late again, no answer"] * 10 + ["  "] * 30,
            "nps": pd.array([2] * 10 + [9] * 30, dtype="Int64"),
            "sentiment": ["negative"] * 10 + ["neutral"] * 30,  # as staged for empty comments
        }
    )
    rows = segment_metrics(table, by=["sentiment"]).set_index(["segment", "metric"])
    assert "neutral" not in rows.index.get_level_values("segment")  # no comment, no sentiment
    assert rows.loc[("negative", "comments"), "value"] == 10
    assert rows.loc[("negative", "nps"), "n"] == 10
    flags = with_negative_sentiment(table)["negative_sentiment"]
    assert flags.tolist() == ["1"] * 10 + [pd.NA] * 30


def test_a_row_without_text_is_in_no_sentiment_emotion_or_effort_segment():
    """A probe's "neutral" sentiment segment held 533 scores beside 333 comments, and a
    star-rating mean of 10 units with no comment: the stages call empty text neutral (or no
    effort), so a score-only row made up a neutral comment in each text dimension."""
    table = pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3", "r4"],
            "nps": pd.array([9, 2, 3, 10], dtype="Int64"),
            "text_clean": ["lovely shop", "slow refund", "", None],
            "sentiment": ["positive", "neutral", "neutral", "neutral"],
            "emotion": ["joy", "neutral|anger", "neutral", "neutral"],
            "effort": ["none", "high", "none", "none"],
        }
    )
    result = segment_metrics(table, by=["sentiment", "emotion", "effort"], min_n=1)
    nps_n = result[result["metric"] == "nps"].set_index(["dimension", "segment"])["n"]
    assert nps_n.to_dict() == {
        ("sentiment", "neutral"): 1,
        ("sentiment", "positive"): 1,
        ("emotion", "anger"): 1,
        ("emotion", "joy"): 1,
        ("emotion", "neutral"): 1,
        ("effort", "high"): 1,
        ("effort", "none"): 1,
    }


def test_a_row_without_text_is_in_no_language():
    """An app-store export's star-only reviews made a language "Undetermined" of 16 rows
    (stop 49 probe) beside 344 comments: a score-only row has no language (the language
    stage gives empty text "und") and counts in no language's segment."""
    table = pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3"],
            "nps": pd.array([9, 2, 3], dtype="Int64"),
            "text_clean": ["lovely shop", "slow refund", ""],
            "lang": ["en", "en", "und"],
            "sentiment": ["positive", "negative", "neutral"],
            "emotion": ["joy", "anger", "neutral"],
        }
    )
    result = segment_metrics(table, by=["lang"], min_n=1)
    assert set(result["segment"]) == {"en"}
    english = value(result, "lang", "en", "nps")
    assert (english["n"], english["value"]) == (2, 0.0)


def test_a_numeric_column_of_many_values_is_cut_into_ranges():
    from feedback_nlp.insights.ranges import numeric_ranges
    from feedback_nlp.insights.segments import segment_labels

    months = pd.Series([str(m) for m in range(1, 41)], dtype="string")
    labels = segment_labels(months)
    assert labels.unique().tolist() == ["1-8", "9-16", "17-24", "25-32", "33-40"]
    assert labels.value_counts().eq(8).all()
    assert segment_labels(months).equals(labels)  # the same cut every time
    assert numeric_ranges(pd.Series([f"{v / 10}" for v in range(-20, 20)])).iloc[0] == (
        "-2 to -1.3"
    )


def test_a_numeric_column_of_few_values_or_a_text_column_keeps_its_values():
    from feedback_nlp.insights.segments import segment_labels

    few = pd.Series([str(v % 12) for v in range(40)])
    assert segment_labels(few).nunique() == 12
    mixed = pd.Series([str(v) for v in range(39)] + ["many"])
    assert segment_labels(mixed).nunique() == 40


def test_segment_metrics_break_a_carried_tenure_down_by_range():
    table = pd.concat([chat_and_survey()] * 4, ignore_index=True)
    table = table.assign(
        response_id=[f"r{i}" for i in range(20)],
        respondent_id=[f"u{i}" for i in range(20)],
        tenure=[str(3 * i) for i in range(20)],
    )
    result = segment_metrics(table, by=[], also=["tenure"], min_n=1)
    comments = result[result["metric"] == "comments"]
    assert sorted(comments["segment"]) == ["0-11", "12-22", "23-34", "35-45", "46-57"]
    assert comments["n"].tolist() == [4, 4, 4, 4, 4]


@pytest.mark.parametrize("name", ["store_id", "agentID", "zip", "postcode", "BranchNo"])
def test_a_column_named_like_an_id_or_code_keeps_its_values(name: str) -> None:
    from feedback_nlp.insights.segments import segment_labels

    ids = pd.Series([str(100 + 7 * i) for i in range(30)], name=name)
    assert segment_labels(ids).nunique() == 30
    assert segment_labels(ids.rename("number_of_orders")).attrs.get("ranges")


def test_zero_padded_codes_and_infinite_values_keep_their_values() -> None:
    from feedback_nlp.insights.ranges import numeric_ranges

    assert numeric_ranges(pd.Series([f"0{4000 + i}" for i in range(20)])) is None
    assert numeric_ranges(pd.Series([str(i) for i in range(20)] + ["inf"])) is None


def test_ties_that_leave_fewer_than_three_ranges_keep_the_values() -> None:
    from feedback_nlp.insights.segments import segment_labels

    skewed = pd.Series(["2"] * 90 + [str(v) for v in range(3, 16)])
    labels = segment_labels(skewed)
    assert not labels.attrs.get("ranges") and labels.value_counts()["2"] == 90


def test_range_labels_carry_the_decimals_their_width_needs() -> None:
    from feedback_nlp.insights.ranges import numeric_ranges

    tiny = numeric_ranges(pd.Series([f"{0.0002 * i:.4f}" for i in range(30)]))
    assert tiny is not None and tiny.nunique() == 5
    assert tiny.iloc[0] == "0-0.001"


def test_an_amount_column_is_cut_as_its_numbers_and_no_answer_is_in_no_range() -> None:
    """A probe's ARR column written "$48,000" made 27 segments and an "n/a" one."""
    from feedback_nlp.insights.segments import segment_labels

    plain = pd.Series([str(1000 * v) for v in range(5, 45)], dtype="string")
    dollars = "$" + plain.astype(int).map("{:,}".format)
    expected = segment_labels(plain)
    labels = segment_labels(pd.concat([dollars, pd.Series(["n/a", "-", " "])], ignore_index=True))
    assert labels.attrs.get("ranges") and labels.tolist() == expected.tolist()
    assert len(labels) == 40  # "n/a", "-" and a blank cell are in no segment


@pytest.mark.parametrize(
    ("written", "mark"),
    [("{:,} €", "."), ("{:,} €", "\u202f"), ("€{:,}", ","), ("CHF {:,}", "'"), ("EUR {:,}", ",")],
)
def test_amounts_with_the_thousands_separators_of_other_locales_are_read(
    written: str, mark: str
) -> None:
    from feedback_nlp.insights.ranges import numeric_ranges, range_numbers

    numbers = list(range(1200, 41200, 1000))
    cells = pd.Series([written.format(n).replace(",", mark) for n in numbers], dtype="string")
    plain = numeric_ranges(pd.Series([str(n) for n in numbers], dtype="string"))
    assert numeric_ranges(cells).tolist() == plain.tolist()  # "1.200 €" is not 1.2
    assert range_numbers(pd.Series(["1,234", "7"], dtype="string")) is None  # no currency


def test_a_saved_cut_is_reused_and_says_where_values_pass_its_ends() -> None:
    from feedback_nlp.insights.ranges import numeric_ranges, range_start

    first = numeric_ranges(pd.Series([str(v) for v in range(1, 41)], dtype="string"))
    saved = first.attrs["saved"]
    assert saved.labels == ("1-8", "9-16", "17-24", "25-32", "33-40")
    later = numeric_ranges(pd.Series(["0", "5", "12", "20", "41"], dtype="string"), saved)
    assert later.tolist() == ["≤ 8", "≤ 8", "9-16", "17-24", "≥ 33"]
    within = numeric_ranges(pd.Series(["3", "12", "39"], dtype="string"), saved)
    assert within.tolist() == ["1-8", "9-16", "33-40"]  # few values: the analysis's ranges
    assert sorted(later.unique(), key=range_start) == ["≤ 8", "9-16", "17-24", "≥ 33"]


def test_the_ranges_of_numeric_segment_columns_are_found_for_saving() -> None:
    from feedback_nlp.insights.segments import segment_ranges

    table = pd.DataFrame({"tenure": [str(v) for v in range(40)], "region": ["north", "south"] * 20})
    cuts = segment_ranges(table, ["tenure", "region", "missing"])
    assert list(cuts) == ["tenure"] and cuts["tenure"].labels[0] == "0-7"


def test_period_like_segment_values_are_in_time_order() -> None:
    """A carried wave column listed 2025-W10 before 2025-W9 (or by count): earliest first."""
    from feedback_nlp.insights.ranges import chronological

    mixed = ["2025-Q4", "2025-W07", "2025", "2025-03", "2025-Q1"]
    assert chronological(mixed) == ["2025", "2025-Q1", "2025-W07", "2025-03", "2025-Q4"]
    assert chronological(["2025-W10", "2025-W9", "2024-W52"]) == ["2024-W52", "2025-W9", "2025-W10"]
    assert chronological(["2025-Q1", "Enterprise"]) is None  # not all periods: keep the order
    assert chronological(["2025-13"]) is None


def test_segment_rows_of_a_period_column_come_in_time_order() -> None:
    table = pd.concat([chat_and_survey()] * 2, ignore_index=True)
    table = table.assign(
        response_id=[f"r{i}" for i in range(10)],
        wave=["2025-W10", "2025-W9", "2025-W52", "2025-W9", "2025-W10"] * 2,
    )
    result = segment_metrics(table, by=[], also=["wave"], min_n=1)
    comments = result[result["metric"] == "comments"]
    assert comments["segment"].tolist() == ["2025-W9", "2025-W10", "2025-W52"]


def test_agents_named_in_a_segment_column_are_kept_apart_under_pseudonyms() -> None:
    """A call-centre probe (stop 51): its agents' names went into the segments table as
    written. Each is a segment of their own, written as the pseudonym ids get."""
    from feedback_nlp.text.pseudonyms import pseudonymise_respondent_id

    names = ["Rosa Ferreira", "Rosa Ferreira", "李伟", "李伟", None]  # no id reads 李伟 a name
    table = chat_and_survey().assign(agent_name=names)
    result = segment_metrics(table, by=["agent_name"], min_n=1)
    rosa = pseudonymise_respondent_id("Rosa Ferreira")
    (other,) = set(result["segment"]) - {rosa}
    assert other.startswith("pii-") and value(result, "agent_name", other, "comments")["n"] == 2
    plan = segment_metrics(table.assign(plan=table["agent_name"]), by=["plan"], min_n=1)
    assert "李伟" in set(plan["segment"])  # a column not named for people keeps its values


def test_a_declared_outcome_counts_a_segments_units_as_the_whole_table_does():
    """Review 51: a1's tickets were resolved and not, so every ticket counts in the table
    (60 % of 5); in email b1's two resolved tickets were one unit (66.7 % of 3), now 75 % of 4."""
    table = pd.DataFrame(
        {
            "response_id": ["t1", "t2", "t3", "t4", "t5"],
            "respondent_id": ["a1", "a1", "b1", "b1", "c1"],
            "channel": ["email", "phone", "email", "email", "email"],
            "resolved": [1, 0, 1, 1, 0],
            "nps": pd.array([8, 8, 4, 4, 6], dtype="Int64"),
        }
    )
    result = segment_metrics(table, by=["channel"], outcomes=[OutcomeSpec("resolved", "binary")])
    email = value(result, "channel", "email", "resolved_rate")
    assert (email["value"], email["n"]) == (pytest.approx(75.0), 4)
