"""The report built from a tagged table: order, plain words, facts, workbook, every export."""

import re

import openpyxl
import pandas as pd
import pytest

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.pipeline import Analysis, write_outputs
from feedback_nlp.report.build import build_insight_report, write_insight_report
from feedback_nlp.report.document import Cards, Chart, Table
from feedback_nlp.report.export import FORMULA_TRIGGERS
from feedback_nlp.report.html import plotly_js, to_html
from feedback_nlp.report.inputs import ReportInputs, load_inputs
from feedback_nlp.schema import empty_rejects
from feedback_nlp.stages import STAGES
from tests.report.conftest import HOSTILE, theme_table

ISSUE_ORDER = [
    "summary", "volume", "themes", "pain-points", "mix", "trends", "quotes", "languages", "methods"
]  # fmt: skip
TECHNICAL = ("metric_with", "units", "small_n", "impact_ci_low", "q_value", "share_of_units")


@pytest.fixture(scope="module")
def report(table):
    return build_insight_report(ReportInputs(table, themes=theme_table()))


def test_sections_come_in_the_issue_order(report):
    assert [s.key for s in report.sections] == ISSUE_ORDER


def test_summary_names_the_planted_costs_growth_and_scores(report):
    facts = report.facts["facts"]
    assert [s.score for s in facts.scores] == ["nps", "csat"]
    assert facts.scores[0].n == 360
    assert [t.label for t in facts.costliest] == ["late delivery", "app crashes at payment"]
    worst = facts.costliest[0]
    assert worst.high < 0 and worst.low < worst.impact < worst.high
    assert worst.quote is not None and "late delivery" in worst.quote.text
    assert (
        len(facts.grew) == 1 and "'late delivery'" in facts.grew[0] and "2026-06" in facts.grew[0]
    )


def test_a_theme_in_two_comments_of_a_month_just_begun_did_not_grow(table, report):
    """Growth is said for months of at least 30 units, with the month's count; before stop
    47 two comments of a new month made a rare theme "grow to 100 %" and pushed the real
    growth out of the summary."""
    assert "of the " in report.facts["facts"].grew[0]  # "… of the 61 respondents of 2026-06"
    rare = table["themes"].dropna().str.split("|").explode().value_counts().index[-1]
    late = table.tail(2).assign(
        created_at=pd.Timestamp("2026-12-01", tz="UTC"), themes=rare, response_id=["x1", "x2"]
    )
    facts = build_insight_report(
        ReportInputs(pd.concat([table, late], ignore_index=True), themes=theme_table())
    ).facts["facts"]
    assert facts.grew and not any("2026-12" in line for line in facts.grew)
    assert "'late delivery'" in facts.grew[0]


def test_the_title_promises_what_drives_scores_only_where_there_are_scores(table, report):
    from feedback_nlp.report.build import DEFAULT_TITLE, TEXT_ONLY_TITLE

    assert report.title == DEFAULT_TITLE
    text_only = ReportInputs(table.drop(columns=["nps", "csat"]), themes=theme_table())
    assert build_insight_report(text_only).title == TEXT_ONLY_TITLE
    assert build_insight_report(text_only, title="Week 32").title == "Week 32"


def test_a_theme_that_judges_the_whole_experience_is_not_called_costliest(table, tmp_path):
    themes = theme_table().assign(judgement=[True, False, False, False])
    facts = build_insight_report(ReportInputs(table, themes=themes)).facts["facts"]
    assert [t.label for t in facts.costliest] == ["app crashes at payment"]
    assert [t.label for t in facts.judgements] == ["late delivery"]
    analysis = Analysis(table, empty_rejects(), Analyzer([]), tables={"topics": themes})
    write_outputs(analysis, tmp_path)
    report = build_insight_report(load_inputs(tmp_path))
    assert [t.label for t in report.facts["facts"].judgements] == ["late delivery"]
    summary = " ".join(getattr(b, "text", "") for b in report.sections[0].blocks)
    assert "judge the experience as a whole ('late delivery'" in summary


def test_a_costly_theme_close_to_a_costlier_one_is_named_beside_it(table, tmp_path):
    themes = theme_table().assign(similar_themes=pd.array(["1", "0", pd.NA, pd.NA], "string"))
    analysis = Analysis(table, empty_rejects(), Analyzer([]), tables={"topics": themes})
    write_outputs(analysis, tmp_path)
    for inputs in (ReportInputs(table, themes=themes), load_inputs(tmp_path)):
        report = build_insight_report(inputs)
        facts = report.facts["facts"]
        assert [t.label for t in facts.costliest] == ["late delivery"]
        assert facts.costliest[0].similar == ["app crashes at payment"]
        blocks = report.sections[0].blocks
        details = " ".join(c.detail for b in blocks if isinstance(b, Cards) for c in b.cards)
        assert "close themes: 'app crashes at payment'" in details
        impact = report.sheets["theme_impact_nps"].set_index("theme_label")
        assert impact.loc["app crashes at payment", "repeats"] == "0"
        assert pd.isna(impact.loc["app crashes at payment", "distinct_rank"])


def test_page_shows_plain_names_and_every_chart(report):
    page = to_html(report)
    headers = re.findall(r"<th scope=\"col\">(.*?)</th>", page)
    assert headers and not set(headers) & set(TECHNICAL)
    assert "Impact (points)" in headers and "95 % range" in headers
    keys = [c.key for c in report.charts()]
    assert keys == [
        "volume", "theme_impact", "category_impact", "drivers", "heatmap_touchpoint",
        "heatmap_journey_stage", "sentiment_mix", "emotion_mix", "score_trend", "theme_trends",
        "languages",
    ]  # fmt: skip
    assert page.count("plotly.js (cartesian - minified)") == 1


def test_workbook_keeps_technical_tables_and_the_tagged_comments(table, tmp_path):
    written = write_insight_report(ReportInputs(table, themes=theme_table()), tmp_path)
    assert sorted(written.paths) == ["html", "markdown", "xlsx"]
    book = openpyxl.load_workbook(written.paths["xlsx"], read_only=True)
    assert {"about", "score_metrics", "theme_impact_nps", "themes", "tagged comments"} <= set(
        book.sheetnames
    )
    header = [c.value for c in next(book["theme_impact_nps"].iter_rows(max_row=1))]
    assert {"impact_ci_low", "q_value", "units"} <= set(header)
    assert book["tagged comments"].max_row == len(table) + 1


def test_report_without_scores_or_dates_still_reads(table):
    plain = table.drop(columns=["nps", "csat", "created_at"])
    report = build_insight_report(ReportInputs(plain, themes=theme_table()))
    keys = [s.key for s in report.sections]
    assert keys[0] == "summary" and "trends" not in keys
    summary = report.sections[0]
    assert any("No NPS, CSAT or CES" in getattr(b, "text", "") for b in summary.blocks)
    assert "heatmap_touchpoint" in [c.key for c in report.charts()]


def test_feedback_without_scores_is_weighed_by_its_negative_comments(table):
    plain = table.drop(columns=["nps", "csat"])
    report = build_insight_report(ReportInputs(plain, themes=theme_table()))
    sections = {s.key: s for s in report.sections}
    assert sections["themes"].title == "Themes"
    weighed = sections["outcome-negative_sentiment"]
    assert weighed.title == "What the negative comments raise"
    intro = weighed.blocks[0].text
    assert "read as negative by the sentiment model" in intro
    ranked = next(b for b in weighed.blocks if isinstance(b, Table)).frame
    assert ranked["Theme"].iloc[0] in ("late delivery", "app crashes at payment")
    captions = [b.caption for b in weighed.blocks if isinstance(b, Chart)]
    assert captions and all("the share of negative comments" in c for c in captions)
    assert "negative_sentiment" not in " ".join(captions)
    named = [theme.label for theme in report.facts["facts"].bad_side]
    assert named and set(named) <= {"late delivery", "app crashes at payment"}
    cards = [b for b in sections["summary"].blocks if isinstance(b, Cards)]
    assert cards[0].heading == "What the negative comments raise most"
    assert "read as negative against" in cards[0].cards[0].detail


def test_output_folder_and_xlsx_give_the_same_report(table, tmp_path):
    analysis = Analysis(table, empty_rejects(), Analyzer([]), tables={"topics": theme_table()})
    folder = tmp_path / "out"
    paths = write_outputs(analysis, folder).paths
    inputs = load_inputs(folder)
    assert inputs.themes is not None and len(inputs.themes) == 4
    from_folder = build_insight_report(inputs).facts["facts"]
    from_xlsx = build_insight_report(load_inputs(paths["tagged_xlsx"])).facts["facts"]
    for facts in (from_folder, from_xlsx):
        assert facts.scores[0].value == pytest.approx(-19.2, abs=0.05)
    assert [t.label for t in from_folder.costliest][:1] == ["late delivery"]


def test_methods_list_the_models_of_an_output_folder(table, tmp_path):
    stages = [STAGES["prepare"](), STAGES["language"]()]
    analysis = Analysis(table, empty_rejects(), Analyzer(stages), tables={"topics": theme_table()})
    write_outputs(analysis, tmp_path)
    page = to_html(build_insight_report(load_inputs(tmp_path)))
    assert "fastText lid.176 + lingua" in page and "Models and settings." in page


def test_the_summary_and_methods_count_the_rows_not_used_alike(table):
    rejects = pd.DataFrame(
        {
            "file": "s.csv",
            "line": [3, 4, 9],
            "response_id": ["a", "b", "c"],
            "field": ["text", "text", "nps"],
            "reason": ["no text and no score", "no text and no score", "nps is not a number"],
            "raw": "{}",
            "row_kept": [False, False, True],  # row c is in the table, its NPS left empty
        }
    ).astype(empty_rejects().dtypes.to_dict())
    page = to_html(build_insight_report(ReportInputs(table, themes=theme_table(), rejects=rejects)))
    assert "2 rows could not be used (see Methods)" in page
    assert "2 rows could not be used, and 1 row used with a score or date left empty" in page


def test_a_month_of_comments_is_named_once(table):
    one_month = table.assign(created_at=pd.Timestamp("2026-10-05", tz="UTC"))
    report = build_insight_report(ReportInputs(one_month, themes=theme_table()))
    assert "Oct 2026" in report.subtitle and "Oct 2026 to" not in report.subtitle
    assert "written 05 Oct 2026;" in to_html(report) or "written 05 Oct 2026." in to_html(report)


def _cells(path):
    book = openpyxl.load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            yield from (v for v in row if isinstance(v, str))


def test_no_export_carries_a_formula_or_markup(hostile_table, tmp_path):
    analysis = Analysis(
        hostile_table, empty_rejects(), Analyzer([]), tables={"topics": theme_table(hostile=True)}
    )
    paths = write_outputs(analysis, tmp_path).paths
    for workbook in (paths["xlsx"], paths["tagged_xlsx"]):
        cells = list(_cells(workbook))
        assert "'=1+2" in cells
        assert not [c for c in cells if c.startswith(FORMULA_TRIGGERS)]
    for csv in [
        *tmp_path.joinpath("explain").glob("*.csv"),
        *tmp_path.joinpath("tables").glob("*.csv"),
    ]:
        for cell in pd.read_csv(csv, dtype=str).stack().dropna():
            numeric = pd.notna(pd.to_numeric(cell, errors="coerce"))
            assert numeric or not cell.startswith(FORMULA_TRIGGERS), (csv.name, cell)
    page = paths["html"].read_text(encoding="utf-8").replace(plotly_js(), "")
    assert HOSTILE["text"] not in page
    assert "<img" not in page
    assert "<svg" not in page
    assert not re.search(r"<[^>]*onerror", page)
    assert "&lt;/script&gt;&lt;script&gt;window.injected=1" in page
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "](" not in markdown and "<img" not in markdown


def test_charts_show_themes_with_enough_units_first():
    from feedback_nlp.report.charts import enough_first

    impact = pd.DataFrame(
        {"theme": ["a", "b", "c", "d"], "impact": [-30.0, -5.0, -12.0, 4.0]}
    ).assign(small_n=[True, False, False, pd.NA])
    assert enough_first(impact, "impact")["theme"].tolist() == ["c", "b", "d", "a"]
    assert enough_first(impact, "impact", ascending=False)["theme"].tolist() == ["d", "b", "c", "a"]
    assert enough_first(impact.drop(columns="small_n"), "impact")["theme"].tolist() == [
        "a", "c", "b", "d",
    ]  # fmt: skip


def test_a_theme_every_customer_raises_is_named_in_the_summary(tmp_path):
    from feedback_nlp.report import write_insight_report

    n = 60
    table = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(n)],
            "text": ["The app keeps crashing"] * n,
            "text_clean": ["The app keeps crashing"] * n,
            "nps": pd.array([i % 11 for i in range(n)], dtype="Int64"),
            "themes": pd.array(["0" if i % 2 else "0|1" for i in range(n)], dtype="string"),
            "theme_labels": pd.array(
                [
                    "app keeps crashing" if i % 2 else "app keeps crashing|late refund"
                    for i in range(n)
                ],
                dtype="string",
            ),
        }
    )
    written = write_insight_report(table, tmp_path)
    assert written.facts.universal == ["app keeps crashing"]
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Raised by every response: 'app keeps crashing'" in markdown
    assert markdown.count("app keeps crashing") >= 2  # and in the themes table


def test_a_table_whose_dates_could_not_be_read_gets_a_report(table):
    """A US-format Google Forms export leaves every date empty (the reader says which
    date_format to set); before stop 48 the report then stopped with a KeyError."""
    undated = table.assign(
        created_at=pd.Series(pd.NaT, index=table.index, dtype=table["created_at"].dtype)
    )
    report = build_insight_report(ReportInputs(undated, themes=theme_table()))
    facts = report.facts["facts"]
    assert facts.grew == [] and facts.no_growth.startswith("No comment dates")


def _with_planted_pii(table: pd.DataFrame) -> pd.DataFrame:
    """`table` as the prepare stage leaves it with `redact = false`: raw text, no types."""
    planted = table.copy()
    planted.loc[0, "text_clean"] = "pay back to DE89 3704 0044 0532 0130 00 or mail ida@example.org"
    return planted.assign(pii_types=pd.Series("", index=planted.index, dtype="string"))


def test_with_redaction_switched_off_the_report_says_so_and_its_workbook_is_redacted(
    table, tmp_path
):
    """Before, `pii_types` was trusted: the workbook's tagged comments carried the IBAN and
    e-mail as written, and the page said nothing of redaction being off."""
    stages = [{"name": "prepare", "params": {"redact": False}}]
    inputs = ReportInputs(_with_planted_pii(table), themes=theme_table(), stages=stages)
    written = write_insight_report(inputs, tmp_path)
    cells = " ".join(_cells(written.paths["xlsx"]))
    assert "DE89" not in cells and "ida@example.org" not in cells and "<IBAN>" in cells
    page = written.paths["html"].read_text(encoding="utf-8")
    assert "Personal data was not redacted in the analysis" in page
    assert page.index("Personal data was not redacted") < page.index('id="volume"')
    about = pd.read_excel(written.paths["xlsx"], sheet_name="about").set_index("item")
    said = about.loc["personal data", "value"]
    assert said.startswith("Personal data was not redacted") and "@user" not in said


def test_the_report_says_what_redaction_replaces_and_warns_only_when_it_was_off(table):
    stages = [{"name": "prepare", "params": {"redact": True}}]
    report = build_insight_report(ReportInputs(table, themes=theme_table(), stages=stages))
    page = to_html(report)
    assert "Personal data: e-mail addresses, phone numbers, card numbers, IBANs" in page
    assert "postal addresses, may remain" in page and "was not redacted" not in page


def test_the_about_sheet_names_the_files_an_analysis_folder_was_read_from(table, tmp_path):
    """Before, it said "source: a table passed in memory" after `analyze FILE`."""
    from feedback_nlp.report.export import export_table

    export_table(table, tmp_path / "tagged.parquet")
    summary = "/data/exports/survey_q3.csv\n  rows: 3 read, 3 kept\nall files: 3 read\n"
    (tmp_path / "read_summary.txt").write_text(summary, encoding="utf-8")
    about = build_insight_report(load_inputs(tmp_path)).sheets["about"].set_index("item")
    assert about.loc["source", "value"] == f"survey_q3.csv (analysis folder {tmp_path})"


def test_explain_options_other_than_the_report_s_own_are_refused(tmp_path, table):
    """Before stop 50 `explain_options={"outcomes": …}` crashed `explain` with a TypeError;
    outcomes are declared with `outcomes=`."""
    from feedback_nlp.errors import ConfigError

    with pytest.raises(
        ConfigError, match=r"takes unit, text_signals, min_group_size, period, not \['outcomes'\]"
    ):
        write_insight_report(table, tmp_path, explain_options={"outcomes": ["nps"]})
    with pytest.raises(ConfigError, match="takes unit, text_signals, min_group_size, period"):
        build_insight_report(ReportInputs(table=table, explain_options={"seed": 1}))
    rated = table.drop(columns=["nps", "csat"]).assign(rating=7.0)
    written = write_insight_report(rated, tmp_path, outcomes=["rating:numeric"])
    assert [fact.outcome for fact in written.facts.outcomes] == ["rating"]
