"""The one-screen summary: co-raised costly themes noted, mixed units counted as units."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.methods import methods_section
from feedback_nlp.report.summary import closing_lines, gather_facts, summary_section
from tests.report.test_co_raised import drivers, tagged, two_screens


def _impact(rows: list[tuple[str, float, int]]) -> pd.DataFrame:
    """A clear-cost impact table: (theme, impact, units) per row."""
    return pd.DataFrame(
        {
            "theme": [t for t, _, _ in rows],
            "theme_label": [t for t, _, _ in rows],
            "impact": [i for _, i, _ in rows],
            "impact_ci_low": [i - 2 for _, i, _ in rows],
            "impact_ci_high": [i + 2 for _, i, _ in rows],
            "units": [u for _, _, u in rows],
            "share_of_units": [u / 40 for _, _, u in rows],
            "small_n": False,
            "q_value": 0.001,
            "lift": 1.5,
            "event_rate": 50.0,
            "unit_of_analysis": "40 respondents",
        }
    )


def _metrics(score: str, described: str) -> pd.DataFrame:
    metric = {"nps": "nps", "csat": "csat_satisfied_share"}[score]
    return pd.DataFrame(
        {
            "metric": [metric], "value": [10.0], "n": [40], "ci_low": [1.0], "ci_high": [20.0],
            "unit_of_analysis": [described],
        }
    )  # fmt: skip


def test_the_summary_notes_a_costly_theme_mostly_raised_with_a_costlier_one() -> None:
    tables = {
        "score_metrics": _metrics("nps", "40 respondents"),
        "theme_impact_nps": _impact([("refund", -7.0, 20), ("form", -6.0, 16)]),
        "drivers_nps": drivers(0.46, 1.59),
    }
    facts = gather_facts(tagged(), tables, None, [])
    lines = closing_lines(facts, {})
    assert (
        "Costliest: 'refund' costs 7.0 NPS points (95 % range −9.0 to −5.0), 50 % of " in (lines[2])
    )
    assert lines[2].endswith("respondents.")
    assert (
        "'form'" in lines[3] and "mostly raised together with 'refund' (62 % of its " in (lines[3])
    )
    assert "does not single it out (odds ratio 0.84, 95 % range 0.46 to 1.59)." in lines[3]
    cards = [b for b in summary_section(facts).blocks if getattr(b, "heading", "") != "Scores"]
    details = [c.detail for block in cards for c in getattr(block, "cards", [])]
    assert any("its cost may be that theme's" in d for d in details)


def test_a_summary_of_mixed_units_counts_units_not_each_kind() -> None:
    table = tagged().assign(csat=lambda t: t["nps"].map({3: 2, 9: 5}))
    tables = {
        "score_metrics": _metrics("csat", "30 respondents, 10 responses"),
        "theme_impact_csat": _impact([("refund", 0.1, 20)]),  # adds: no clear cost
    }
    facts = gather_facts(table, tables, None, [])
    assert "40 units: 30 respondents and 10 responses)" in closing_lines(facts, {})[1]
    assert facts.bad_group == "units not satisfied"


def test_themes_on_other_responses_are_not_raised_together_when_the_unit_is_a_response() -> None:
    tables = {
        "score_metrics": _metrics("nps", "20 responses"),
        "theme_impact_nps": _impact([("card", -7.0, 10), ("app", -6.0, 10)]),
    }
    by_response = gather_facts(two_screens(), tables, None, [], unit="response")
    assert [theme.note for theme in by_response.costliest] == ["", ""]
    by_respondent = gather_facts(two_screens(), tables, None, [])
    assert "mostly raised together with 'card'" in str(by_respondent.costliest[1].note)


def _praise_and_complaint() -> pd.DataFrame:
    """40 respondents, each with two comments: 20 detractors complain of 'refund' and
    praise 'tutor'; 20 promoters praise 'tutor' too."""
    rows = [
        {"response_id": f"r{person}-{turn}", "respondent_id": f"p{person}",
         "nps": 3 if person < 20 else 9, "themes": theme, "sentiment": mood}
        for person in range(40)
        for turn, (theme, mood) in enumerate(
            [("refund", "negative"), ("tutor", "positive")] if person < 20
            else [("tutor", "positive")]
        )
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_the_bad_groups_themes_leave_out_what_it_praises():
    """Education probe (stop 51): "What the respondents not satisfied raise most: 'gave
    really useful feedback' (22 …)", a theme of 0 % negative mentions."""
    impact = _impact([("tutor", 1.0, 40), ("refund", 1.0, 20)])  # adds: no clear cost
    impact = impact.assign(event_rate=[50.0, 100.0], share_of_units=[0.99, 0.5])
    tables = {"score_metrics": _metrics("nps", "40 respondents"), "theme_impact_nps": impact}
    facts = gather_facts(_praise_and_complaint(), tables, None, [])
    assert [t.label for t in facts.bad_group_themes] == ["refund"]
    unread = _praise_and_complaint().drop(columns="sentiment")  # no sentiment: none left out
    assert [t.label for t in gather_facts(unread, tables, None, []).bad_group_themes] == [
        "refund",
        "tutor",
    ]


def test_a_theme_the_bad_group_mostly_criticises_stays_even_if_others_praise_it():
    from feedback_nlp.report.summary_notes import praised_by_bad_group
    from feedback_nlp.score_scales import ScoreScales

    table = _praise_and_complaint()
    table.loc[table["nps"].eq(3) & table["themes"].eq("tutor"), "sentiment"] = "negative"
    assert praised_by_bad_group(table, "nps", ScoreScales()) == frozenset()
    assert praised_by_bad_group(_praise_and_complaint(), "nps", ScoreScales()) == {"tutor"}


def test_the_summary_counts_what_the_scores_count_not_customers():
    """B2B probe (stop 51): "customers" read as accounts where responses were counted."""
    table = _praise_and_complaint().drop(columns="sentiment")
    impact = _impact([("tutor", 1.0, 40)]).assign(share_of_units=1.0)
    tables = {"score_metrics": _metrics("nps", "40 respondents"), "theme_impact_nps": impact}
    facts = gather_facts(table, tables, None, [])
    facts.small_costly = 2
    words = " ".join(getattr(b, "text", "") for b in summary_section(facts).blocks)
    assert "No theme lowers the score clearly (with enough respondents)." in words
    assert "2 themes of fewer than 30 respondents have a range below 0" in words
    assert "Raised by every respondent: 'tutor'" in words
    assert "customer" not in words


def _rejects(reasons: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"reason": reasons, "row_kept": False})


#: A call-centre export: 4 agent turns and a staff post set apart, 2 rows that are faults.
SET_APART_AND_FAULTS = [
    "an agent turn, not customer feedback (speaker 'Agent'): its text is the context",
    *["an agent turn, not customer feedback (speaker 'Agente'): its text is the context"] * 3,
    "a post by the company's side (author_role 'staff'), not customer feedback",
    "no text and no score",
    "no text and no score",
]


def test_rows_set_apart_by_design_are_not_counted_as_rows_that_could_not_be_used() -> None:
    """A call-centre probe (stop 51) read "1,200 rows could not be used" of agent turns."""
    facts = gather_facts(tagged(), {}, _rejects(SET_APART_AND_FAULTS), [])
    said = "4 agent turns and 1 staff post set apart; 2 rows could not be used (see Methods)."
    assert closing_lines(facts, {})[0].endswith(said)
    methods = methods_section(
        comments=40, source="", rejects=_rejects(SET_APART_AND_FAULTS), stages=[], meta={},
        notes=[],
    )  # fmt: skip
    assert "4 agent turns and 1 staff post set apart; 2 rows could not be used;" in (
        methods.blocks[0].text
    )
    captions = [getattr(block, "caption", "") for block in methods.blocks]
    assert "Rows set apart by design." in captions and "Rejected rows." in captions


def _long_comments(partly: int) -> pd.DataFrame:
    """40 comments, `partly` of them longer than the encoder reads."""
    issues = ["embedded_partly"] * partly + [""] * (40 - partly)
    return tagged().assign(text_clean="a comment", text_issues=issues)


def test_comments_longer_than_the_encoder_reads_are_noted_in_summary_and_methods() -> None:
    """A call-centre probe (stop 51): 30 of 60 transcripts read in part, and nothing said."""
    facts = gather_facts(_long_comments(20), {}, None, [])
    line = "20 of 40 comments (50 %) were longer than the encoder reads: their themes and "
    assert any(text.startswith(line) for text in closing_lines(facts, {}))
    assert any(getattr(b, "text", "").startswith(line) for b in summary_section(facts).blocks)
    few = gather_facts(_long_comments(2), {}, None, [])  # 5 %: Methods alone says so
    assert not any("longer than the encoder" in text for text in closing_lines(few, {}))
    embed = {"name": "embed", "params": {"windowed": False, "max_length": 512}}
    methods = methods_section(
        comments=40, source="", rejects=None, stages=[embed], meta={}, notes=[], partly_read=2
    )
    texts = [getattr(block, "text", "") for block in methods.blocks]
    assert any(t.startswith("2 comments were longer than the encoder reads (512") for t in texts)
    assert any("`--windowed` reads them whole" in t for t in texts)
    embed["params"]["windowed"] = True
    methods = methods_section(
        comments=40, source="", rejects=None, stages=[embed], meta={}, notes=[], partly_read=1
    )
    assert any("1 comment was longer than the encoder reads even with" in getattr(b, "text", "")
               for b in methods.blocks)  # fmt: skip
