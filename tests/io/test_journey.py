"""The export's own journey stages and touchpoints, declared in a mapping, in their order."""

from __future__ import annotations

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.insights.impact import pain_point_matrix
from feedback_nlp.io import read_feedback
from tests.io.conftest import check_result

STAGES = ["Order", "First Payment", "Equipment Received", "Service in Use"]
MAPPING = {
    "columns": {"journey_stage": "Stage"},
    "journey_stages": {
        "order": STAGES,
        "canonical": {"Order": "purchase", "Service in Use": "retention"},
    },
    "touchpoints": {"order": ["Web", "Phone"], "canonical": {"Web": "website"}},
}


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "nps.csv"
    path.write_text(
        "id,Comment,Stage,touchpoint,nps\n"
        "1,slow,Service in Use,Web,3\n"
        "2,ok, first payment ,Phone,8\n"
        "3,late,ORDER,Web,2\n"
        "4,lost,Equipment Received,Shop,5\n"
        "5,?,Bogus,Web,9\n",
        encoding="utf-8",
    )
    return path


def test_declared_stages_are_kept_with_order_and_canonical(export):
    result = check_result(read_feedback(export, mapping=MAPPING, text="Comment"))
    table = result.table
    assert table["journey_stage"].tolist() == [
        "Service in Use",
        "First Payment",
        "Order",
        "Equipment Received",
        pd.NA,  # "Bogus": emptied, the row kept
    ]
    assert table["journey_stage_order"].tolist() == [4, 2, 1, 3, pd.NA]
    assert table["journey_stage_canonical"].tolist() == [
        "retention",
        pd.NA,
        "purchase",
        pd.NA,
        pd.NA,
    ]
    assert table["touchpoint"].tolist() == ["Web", "Phone", "Web", "Shop", "Web"]
    assert table["touchpoint_order"].tolist() == [1, 2, 1, pd.NA, 1]
    assert table["touchpoint_canonical"].tolist() == [
        "website",
        pd.NA,
        "website",
        pd.NA,
        "website",
    ]
    assert result.rejects["reason"].str.startswith("journey_stage is not one of Order").all()
    assert result.rejects["row_kept"].all()


def test_canonical_stages_get_their_journey_order_without_a_declaration(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("id,text,journey_stage\n1,a,Retention\n2,b,awareness\n")
    table = check_result(read_feedback(path)).table
    assert table["journey_stage"].tolist() == ["retention", "awareness"]
    assert table["journey_stage_order"].tolist() == [4, 1]


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"order": []}, "non-empty list"),
        ({"order": ["A", "a"]}, "names a value twice"),
        ({"order": ["A"], "canonical": {"B": "purchase"}}, "not in order"),
        ({"order": ["A"], "canonical": {"A": "payment"}}, "use one of"),
        ({"order": ["A"], "colours": {}}, "takes 'order'"),
    ],
)
def test_bad_declarations_are_config_errors(export, section, message):
    with pytest.raises(ConfigError, match=message):
        read_feedback(export, mapping={"journey_stages": section}, text="Comment")


def test_pain_point_rows_follow_the_declared_journey(export):
    table = read_feedback(export, mapping=MAPPING, text="Comment").table
    table = table.assign(themes=["billing"] * len(table), sentiment="negative")
    cells = pain_point_matrix(table, outcome=None, rows="journey_stage", min_n=1)
    assert cells["journey_stage"].tolist() == [
        "Order",
        "First Payment",
        "Equipment Received",
        "Service in Use",
    ]
    assert cells["row_order"].tolist() == [1, 2, 3, 4]


def test_mapping_file_declares_stages(export, tmp_path):
    toml = tmp_path / "m.toml"
    toml.write_text(
        '[columns]\ntext = "Comment"\njourney_stage = "Stage"\n'
        '[journey_stages]\norder = ["Order", "First Payment", "Equipment Received", '
        '"Service in Use"]\n[journey_stages.canonical]\n"Order" = "purchase"\n'
    )
    table = read_feedback(export, mapping=toml).table
    assert table["journey_stage_order"].tolist() == [4, 2, 1, 3, pd.NA]


def test_mix_chart_rows_follow_the_declared_touchpoints(export):
    from feedback_nlp.report.charts import mix_chart

    table = read_feedback(export, mapping=MAPPING, text="Comment").table
    table = table.assign(sentiment=["negative", "neutral", "positive", "negative", "neutral"])
    figure = mix_chart(table, "sentiment", by="touchpoint")
    rows = figure["data"][0]["y"] if isinstance(figure, dict) else list(figure.data[0].y)
    assert list(rows) == ["Shop", "Phone", "Web"]  # bottom-up: Web first, undeclared last


def test_an_unknown_canonical_stage_is_emptied_with_a_mapping_hint():
    from feedback_nlp.io.journey import apply_declared

    values = pd.Series(["Retention", "payments", None], dtype="string")
    columns, reasons = apply_declared(values, None)
    assert columns["journey_stage"].tolist() == ["retention", pd.NA, pd.NA]
    assert columns["journey_stage_order"].tolist() == [4, pd.NA, pd.NA]
    assert reasons.isna().tolist() == [True, False, True]
    assert "[journey_stages] mapping declares the stages of an export" in reasons[1]
    assert reasons[1].endswith(": 'payments'")


def test_the_mapping_hint_is_in_the_counted_part_of_the_reason():
    from feedback_nlp.io.cells import reason_kind
    from feedback_nlp.io.journey import apply_declared, parse_declared

    _, reasons = apply_declared(pd.Series(["Upgrade"], dtype="string"), None)
    assert "docs/reading.md" in reason_kind(reasons[0])
    declared = parse_declared("journey_stages", MAPPING["journey_stages"], "m")
    _, reasons = apply_declared(pd.Series(["Upgrade"], dtype="string"), declared)
    assert reason_kind(reasons[0]).endswith("order of the mapping")


def test_an_undeclared_stage_is_emptied_and_named_with_where_to_declare_it():
    from feedback_nlp.io.journey import apply_declared, parse_declared

    declared = parse_declared("journey_stages", MAPPING["journey_stages"], "m")
    columns, reasons = apply_declared(pd.Series(["order", "Bogus"], dtype="string"), declared)
    assert columns["journey_stage"].tolist() == ["Order", pd.NA]
    assert "add it to the [journey_stages] order of the mapping: 'Bogus'" in reasons[1]


@pytest.fixture
def unknown_stages(tmp_path):
    path = tmp_path / "stages.csv"
    path.write_text(
        "id,text,journey_stage,nps\n1,slow line,billing,2\n2,fine,retention,9\n",
        encoding="utf-8",
    )
    return path


def test_an_unknown_stage_keeps_the_row_and_lists_the_problem(unknown_stages):
    result = check_result(read_feedback(unknown_stages))
    assert result.table["journey_stage"].tolist() == [pd.NA, "retention"]
    assert result.table["nps"].tolist() == [2, 9]
    rejects = result.rejects
    assert rejects["line"].tolist() == [2] and rejects["row_kept"].all()
    assert rejects["field"].tolist() == ["journey_stage"]
    assert "rows: 2 read, 2 kept, 0 rejected" in result.summary()
    assert "[journey_stages] mapping declares the stages of an export" in result.summary()


def test_reject_row_still_rejects_a_row_with_an_unknown_stage(unknown_stages):
    result = check_result(read_feedback(unknown_stages, bad_scores="reject-row"))
    assert result.table["response_id"].tolist() == ["2"]
    assert not result.rejects["row_kept"].any()
