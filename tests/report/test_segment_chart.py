"""The chart of a segment breakdown: groups of enough units first, each compared with the
score of all units (a retail probe, stop 52)."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.insights import explain
from feedback_nlp.report import build_insight_report, charts
from feedback_nlp.report.document import Chart
from feedback_nlp.report.inputs import ReportInputs
from tests.report.conftest import tagged_table, theme_table


def _segment_chart(table: pd.DataFrame, main_score: str | None = None) -> Chart:
    inputs = ReportInputs(table, themes=theme_table(), segments=["store"], main_score=main_score)
    report = build_insight_report(inputs)
    (section,) = [s for s in report.sections if s.key.startswith("segment-")]
    (block,) = [b for b in section.blocks if isinstance(b, Chart)]
    return block


def _with_stores(table: pd.DataFrame, store_of, nps_of) -> pd.DataFrame:
    """Each respondent (p<number>) in a store and with an NPS, both by their number."""
    person = table["respondent_id"].str.removeprefix("p").astype(int)
    return table.assign(
        store=person.map(store_of), nps=person.map(nps_of).astype("Int64")
    )  # fmt: skip


def test_stores_of_enough_respondents_come_first_and_tiny_ones_after():
    """The probe's chart opened with seven stores of 3-8 responses each, the lowest NPS on
    noise, and kept only 20 rows: the stores with enough responses never showed."""
    tiny = {p: f"tiny {p // 3}" for p in range(9)}  # three stores of three respondents
    table = _with_stores(
        tagged_table(),
        lambda p: tiny.get(p, ("North", "South", "East")[p % 3]),
        lambda p: 0 if p in tiny else (p % 11),
    )
    dots = _segment_chart(table).figure["data"][0]
    stores = list(dots["y"])
    big = [s for s in stores if not s.startswith("tiny")]
    assert stores[: len(big)] == big and len(stores) == len(big) + 3
    values = list(dots["x"])[: len(big)]
    assert values == sorted(values)  # lowest first among those of enough units


def _colours(block: Chart) -> dict[str, str]:
    dots = block.figure["data"][0]
    return dict(zip(dots["y"], dots["marker"]["color"], strict=True))


def _by_level(p: int) -> str:
    return ("Low", "Mid", "High")[p % 3]


def _nps_by_level(p: int) -> int:
    """About +20 in Low, +50 in Mid, +80 in High (of ten respondents: promoters and
    detractors in proportion), so all are above 0 and only Mid is near the whole's."""
    promoters = {"Low": 4, "Mid": 6, "High": 8}[_by_level(p)]
    detractors = {"Low": 2, "Mid": 1, "High": 0}[_by_level(p)]
    slot = (p // 3) % 10
    return 10 if slot < promoters else 0 if slot >= 10 - detractors else 8


def test_segments_are_compared_with_the_score_of_all_units_not_with_zero():
    """The probe's region at −1.4, its whole range below the chain's +10 to +16, was grey,
    and a region at the chain's level blue: the dots were tested against NPS 0."""
    table = _with_stores(tagged_table(), _by_level, _nps_by_level)
    block = _segment_chart(table)
    overall = explain(table).tables["score_metrics"].set_index("metric").loc["nps", "value"]
    assert block.figure["layout"]["shapes"][0]["x0"] == overall
    colours = _colours(block)
    assert colours == {"Low": charts.BAD, "Mid": charts.NEUTRAL, "High": charts.GOOD}
    assert f"below the NPS of all {table['respondent_id'].nunique()} respondents" in (block.caption)
    assert f"(+{overall:.1f}, the dotted line)" in block.caption


def test_a_csat_segment_is_compared_with_the_share_satisfied_of_all_units():
    """A share is above 0 wherever anyone is satisfied: every CSAT segment read blue."""
    table = _with_stores(tagged_table(), _by_level, _nps_by_level)
    table["csat"] = (table["nps"] // 2).clip(lower=1).astype("Int64")
    block = _segment_chart(table, main_score="csat")
    metrics = explain(table).tables["score_metrics"].set_index("metric")
    overall = metrics.loc["csat_satisfied_share", "value"]
    assert block.figure["layout"]["shapes"][0]["x0"] == overall
    colours = _colours(block)
    assert colours["Low"] == charts.BAD and colours["High"] == charts.GOOD
    assert f"({overall:.0f} %, the dotted line)" in block.caption
