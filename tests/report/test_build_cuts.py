"""Report options chosen at report time: segment columns, the trend period and the
confidentiality of small groups (`write_insight_report(segments=, explain_options=)`)."""

import openpyxl
import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.insights import explain
from feedback_nlp.report.build import write_insight_report
from feedback_nlp.report.trends import trends_section
from tests.report.conftest import tagged_table

SMALL_STORE = "Tiny Store"


def stores_table() -> pd.DataFrame:
    """The tagged table with a store per respondent; SMALL_STORE holds three respondents."""
    table = tagged_table()
    person = table["respondent_id"].str[1:].astype(int)
    table["store_name"] = person.mod(2).map({0: "Leeds", 1: "Derby"})
    table.loc[person < 3, "store_name"] = SMALL_STORE
    return table


def small_store_nps(table: pd.DataFrame) -> str:
    """The small store's NPS as the report prints it (`−33.3`), from explain without a floor."""
    segments = explain(table, segments=["store_name"]).tables["segments"]
    row = segments[(segments["segment"] == SMALL_STORE) & (segments["metric"] == "nps")]
    return f"{float(row['value'].iloc[0]):+.1f}".replace("-", "−")


def test_segment_columns_chosen_at_report_time_get_their_section(tmp_path):
    written = write_insight_report(stores_table(), tmp_path, segments=["store_name"])
    markdown = written.paths["markdown"].read_text(encoding="utf-8")
    assert "## By store\\_name" in markdown and "| Leeds |" in markdown


def test_a_segment_column_not_in_the_table_names_the_columns_there_are(tmp_path):
    with pytest.raises(ConfigError, match=r"\['region'\].*store_name"):
        write_insight_report(stores_table(), tmp_path, segments=["region"])


def test_quarters_are_named_as_quarters(tmp_path):
    table = tagged_table()
    tables = explain(table, period="Q").tables
    section = trends_section(tables, "nps", [], "Q")
    chart = section.blocks[0]
    assert "NPS per quarter" in chart.caption
    assert chart.figure["layout"]["xaxis"]["title"]["text"] == "Quarter"
    assert "month" not in chart.caption
    written = write_insight_report(table, tmp_path, explain_options={"period": "Q"})
    assert "2026-Q1" in written.paths["html"].read_text(encoding="utf-8")


def test_a_small_group_shows_no_score_count_or_themes_anywhere(tmp_path):
    table = stores_table()
    shown = small_store_nps(table)
    options = {"min_group_size": 5}
    written = write_insight_report(
        table, tmp_path, segments=["store_name"], explain_options=options
    )
    markdown = written.paths["markdown"].read_text(encoding="utf-8")
    row = next(line for line in markdown.splitlines() if line.startswith(f"| {SMALL_STORE}"))
    assert "fewer than 5 respondents: not shown" in row
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == [SMALL_STORE, "fewer than 5 respondents: not shown", *[""] * (len(cells) - 2)]
    html = written.paths["html"].read_text(encoding="utf-8")
    assert html.count(SMALL_STORE) == 1  # the table's row, not a chart's dot
    sheet = _workbook_rows(written.paths["xlsx"], "segments", SMALL_STORE)
    assert sheet and all(r["value"] is None and r["suppressed"] for r in sheet)
    assert shown not in row


def test_without_a_floor_the_small_group_is_shown(tmp_path):
    table = stores_table()
    written = write_insight_report(table, tmp_path, segments=["store_name"])
    markdown = written.paths["markdown"].read_text(encoding="utf-8")
    row = next(line for line in markdown.splitlines() if line.startswith(f"| {SMALL_STORE}"))
    assert small_store_nps(table) in row and "not shown" not in row


def _workbook_rows(path, sheet: str, segment: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, r, strict=True)) for r in rows[1:] if segment in r]


def test_a_rating_segment_is_listed_in_order_without_no_answers(tmp_path):
    """The airline probe of stop 53: "By Baggage rating" listed 2, 1, 3, 5, 4 by count, "2.0"
    for 2, and "N/A" and "n.v.t." as ratings."""
    table = tagged_table()
    person = table["respondent_id"].str[1:].astype(int)
    weights = {0: "2.0", 1: "2", 2: "1", 3: "5", 4: "3", 5: "4", 6: "N/A", 7: "n.v.t."}
    table["Baggage rating"] = person.mod(8).map(weights)
    written = write_insight_report(table, tmp_path, segments=["Baggage rating"])
    section = written.paths["markdown"].read_text(encoding="utf-8").split("## By Baggage")[1]
    rows = [line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| ")]
    assert rows[1:] == ["1", "2", "3", "4", "5"]  # after the header
