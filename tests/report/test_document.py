import openpyxl
import pandas as pd

from feedback_nlp.report.document import Report, Section, to_html, to_markdown, write_report


def report() -> Report:
    table = pd.DataFrame(
        {"theme": ["late delivery", "<script>x</script>"], "impact": [-7.5, 2.0], "n": [120, 40]}
    )
    result = Report("Northwind feedback")
    result.add(Section("Theme impact", ["Impact is NPS points."], table, bar_column="impact"))
    result.add(Section("Notes", ["Only text."]))
    return result


def test_markdown_has_headings_and_rows():
    text = to_markdown(report())
    assert text.startswith("# Northwind feedback")
    assert "## Theme impact" in text
    assert "| late delivery | -7.5 | 120 |" in text


def test_html_is_escaped_and_self_contained():
    page = to_html(report())
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert 'class="bar neg"' in page
    assert "http" not in page


def test_write_report_writes_three_files(tmp_path):
    paths = write_report(report(), tmp_path)
    assert sorted(paths) == ["html", "markdown", "xlsx"]
    book = openpyxl.load_workbook(paths["xlsx"])
    assert book.sheetnames == ["01 Theme impact"]
