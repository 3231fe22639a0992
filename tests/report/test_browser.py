"""The report in a real browser: headless Chromium, every request blocked and recorded.

Needs Debian's `chromium` (.ci/run installs it) and the `playwright` package (test extra);
skipped where either is missing, except in CI (CI=true), where that is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

from feedback_nlp.report.browser import chromium_path, open_report
from feedback_nlp.report.build import write_insight_report
from feedback_nlp.report.inputs import ReportInputs
from tests.report.conftest import theme_table

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module", autouse=True)
def browser_available():
    missing = []
    if chromium_path() is None:
        missing.append("chromium (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -e '.[test]')")
    if missing and os.environ.get("CI"):
        pytest.fail(f"the browser test needs {', '.join(missing)}")
    if missing:
        pytest.skip(f"no {', '.join(missing)}")


def assert_clean(check, charts: int):
    assert check.requests == []
    assert check.console_errors == [] and check.page_errors == [] and check.dialogs == []
    assert len(check.charts) == charts
    for chart in check.charts:
        assert chart.width > 100 and chart.height > 100 and chart.has_svg, chart


def test_hostile_report_runs_no_injected_script_and_fetches_nothing(hostile_table, tmp_path):
    inputs = ReportInputs(hostile_table, themes=theme_table(hostile=True))
    paths = write_insight_report(inputs, tmp_path).paths
    check = open_report(paths["html"], screenshot=tmp_path / "hostile.png")
    assert_clean(check, charts=11)
    from playwright.sync_api import sync_playwright  # the page's own state, checked directly

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        page = browser.new_page()
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        page.goto(paths["html"].resolve().as_uri())
        page.wait_for_function("window.reportRendered !== undefined")
        assert page.evaluate("window.injected") is None
        assert page.locator("img, svg[onload], iframe").count() == 0
        browser.close()


@pytest.mark.slow
def test_demo_report_renders_offline_with_every_chart(demo_analysis, tmp_path):
    from feedback_nlp.pipeline import write_outputs

    paths = write_outputs(demo_analysis, tmp_path, save_model=False).paths
    screenshot = tmp_path / "demo-report.png"
    check = open_report(paths["html"], screenshot=screenshot)
    # every chart the page holds is drawn; which heatmaps have cells of 30 units moves with
    # the themes (with stop 48's contact lines the journey stage's last such cell fell below 30)
    figures = paths["html"].read_text(encoding="utf-8").count("data-figure=")
    assert figures >= 10
    assert_clean(check, charts=figures)
    assert screenshot.stat().st_size > 50_000
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(screenshot, ARTIFACTS / "demo-report.png")


def test_a_report_with_declared_outcomes_draws_every_chart(tmp_path):
    """Outcome charts hold missing ranges (NaN): before stop 47 the first one stopped the
    page's script, and every chart after it stayed blank."""
    from tests.insights.test_outcomes import CHURNED, CONTACTS, RESOLUTION, with_outcomes

    table = with_outcomes()
    timed = table.index[table["resolution_time"].notna()]
    table.loc[timed[:1], "themes"] = "solo"  # a theme of 1 conversation: no range (NaN)
    inputs = ReportInputs(table, outcomes=[CHURNED, RESOLUTION, CONTACTS])
    paths = write_insight_report(inputs, tmp_path).paths
    figures = paths["html"].read_text(encoding="utf-8").count("data-figure=")
    assert figures > 11
    assert_clean(open_report(paths["html"]), charts=figures)
