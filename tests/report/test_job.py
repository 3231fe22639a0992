"""The report of a tagging job's folder (`feedback-nlp report tagged-week-32/`)."""

from __future__ import annotations

import json
import shutil

import pytest

from feedback_nlp.engines import tag_files
from feedback_nlp.engines.parts import read_parts
from feedback_nlp.errors import ReadError
from feedback_nlp.pipeline import DEFAULT_STAGE_NAMES, demo_files
from feedback_nlp.report import write_insight_report
from feedback_nlp.report.inputs import load_inputs


@pytest.fixture(scope="module")
def job(demo_analysis, tmp_path_factory):
    """The demo model, saved, tagging the demo survey as a weekly job would."""
    folder = tmp_path_factory.mktemp("weekly")
    model = demo_analysis.analyzer.save(folder / "model")
    survey = next(p for p in demo_files() if p.name.startswith("survey"))
    tag_files(model, [survey], folder / "week", progress=False)
    return folder / "week"


def test_a_job_is_read_with_its_models_themes_counted_over_its_comments(job, demo_analysis):
    inputs = load_inputs(job)
    manifest = json.loads((job / "manifest.json").read_text(encoding="utf-8"))
    assert len(inputs.table) == manifest["totals"]["rows"]
    fitted = demo_analysis.tables["topics"].set_index("topic")["label"]
    themes = inputs.themes.set_index("topic")
    assert themes["label"].to_dict() == fitted.to_dict()
    mentions = read_parts(job / "theme_mentions")
    assert themes["mentions"].sum() == len(mentions) == len(inputs.mentions)
    assert themes["mentions"].sum() < themes["size"].sum()  # this week's, not the fit's
    raised = themes[themes["mentions"] > 0]["negative_share"]
    assert raised.between(0, 1).all()
    assert [s["name"] for s in inputs.stages] == list(DEFAULT_STAGE_NAMES)
    assert inputs.meta["fitted_on"]["rows"] == len(demo_analysis.table)


def test_the_report_of_a_job_names_its_themes(job, tmp_path):
    written = write_insight_report(job, tmp_path)
    labels = set(load_inputs(job).themes["label"])
    assert written.facts.top_themes
    assert {label for label, _ in written.facts.top_themes} <= labels
    assert written.facts.costliest
    assert {theme.label for theme in written.facts.costliest} <= labels
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert written.facts.costliest[0].label in markdown


def test_a_table_without_its_theme_table_still_names_its_themes(job, tmp_path):
    part = next((job / "tagged").glob("*.parquet"))
    written = write_insight_report(part, tmp_path)
    labels = set(load_inputs(job).themes["label"])
    assert {label for label, _ in written.facts.top_themes} <= labels


def test_an_unfinished_job_is_refused(job, tmp_path):
    copy = shutil.copytree(job, tmp_path / "week")
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["status"] = "running"
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ReadError, match=r"not finished.*--resume"):
        load_inputs(copy)


def test_a_job_that_tagged_nothing_says_so(job, tmp_path):
    model = job.parent / "model"
    empty = tmp_path / "header_only.csv"
    empty.write_text("id,comment,nps\n", encoding="utf-8")
    summary = tag_files(model, [empty], tmp_path / "week", progress=False)
    assert "0 comments tagged (no part written), 0 rejected (" in summary.describe()
    with pytest.raises(ReadError, match="tagged no comments \\(0 rows read, 0 rejected\\)"):
        load_inputs(tmp_path / "week")


def test_a_job_is_reported_by_the_outcomes_its_model_was_made_with(tmp_path):
    from dataclasses import asdict

    import pandas as pd

    from feedback_nlp.outcomes import OUTCOMES_FILE, parse_outcome_option
    from tests.engines.conftest import make_small_model

    model = make_small_model(tmp_path / "model")
    resolved = parse_outcome_option("resolved:binary:bad=no")
    churned = parse_outcome_option("churned:binary")  # this week's file has "Churned"
    declared = json.dumps([asdict(resolved), asdict(churned)])
    (model / OUTCOMES_FILE).write_text(declared, encoding="utf-8")
    week = tmp_path / "week.csv"
    pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(40)],
            "comment": ["The parcel never arrived", "Quick and friendly help"] * 20,
            "resolved": ["no", "yes"] * 20,
            "Churned": ["yes", "no"] * 20,
        }
    ).to_csv(week, index=False)
    tag_files(model, [week], tmp_path / "job", progress=False)
    assert (tmp_path / "job" / OUTCOMES_FILE).is_file()
    inputs = load_inputs(tmp_path / "job")
    assert inputs.outcomes == [resolved.stored()]  # the raw yes/no parsed, as analyze reads it
    assert inputs.notes == [
        "the model's outcome(s) ['churned'] are in none of this job's files: not reported "
        "('churned' is 'Churned' in the files: add :column=Churned)"
    ]
    by_text = inputs.table.groupby("text_clean")["resolved"].unique()
    assert by_text.map(list).to_dict() == {
        "The parcel never arrived": [0.0],
        "Quick and friendly help": [1.0],
    }
    written = write_insight_report(tmp_path / "job", tmp_path / "report")
    facts = written.facts
    assert [(o.outcome, o.value, o.n) for o in facts.outcomes] == [("resolved", 50.0, 40)]
    html = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert "'churned' is 'Churned' in the files" in html.replace("&#x27;", "'")


def test_a_jobs_duration_from_the_date_column_is_reported(tmp_path):
    """A ticket export's "Created at" is read as `created_at` and also starts the resolution
    time: before stop 48 a job of the model read it without the outcome, and the report
    said the outcome was in none of the job's files."""
    from dataclasses import asdict

    import pandas as pd

    from feedback_nlp.outcomes import OUTCOMES_FILE, parse_outcome_option
    from tests.engines.conftest import make_small_model

    model = make_small_model(tmp_path / "model")
    spent = parse_outcome_option("resolution_time:duration:start=Created at:end=Solved at")
    (model / OUTCOMES_FILE).write_text(json.dumps([asdict(spent)]), encoding="utf-8")
    week = tmp_path / "week.csv"
    pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(40)],
            "comment": ["The parcel never arrived", "Quick and friendly help"] * 20,
            "Created at": ["2026-05-01 10:00"] * 40,
            "Solved at": ["2026-05-01 12:00", "2026-05-01 11:00"] * 20,
        }
    ).to_csv(week, index=False)
    tag_files(model, [week], tmp_path / "job", progress=False)
    inputs = load_inputs(tmp_path / "job")
    assert inputs.notes == [] and [o.name for o in inputs.outcomes] == ["resolution_time"]
    assert inputs.table["created_at"].notna().all()
    facts = write_insight_report(tmp_path / "job", tmp_path / "report").facts
    assert [(o.outcome, o.n) for o in facts.outcomes] == [("resolution_time", 40)]
    assert facts.outcomes[0].value == pytest.approx(90.0)  # minutes, as analyze shows them


def test_a_jobs_summary_quotes_the_bad_side_of_its_raw_yes_no_outcome(demo_analysis, tmp_path):
    from dataclasses import asdict

    from feedback_nlp.io import read_many
    from feedback_nlp.outcomes import OUTCOMES_FILE, parse_outcome_option

    model = demo_analysis.analyzer.save(tmp_path / "model")
    resolved = parse_outcome_option("resolved:binary:bad=no")
    (model / OUTCOMES_FILE).write_text(json.dumps([asdict(resolved)]), encoding="utf-8")
    survey = read_many([next(p for p in demo_files() if p.name.startswith("survey"))]).table
    # half the negative comments unresolved: a theme's quotes fall on both sides
    unresolved = survey["true_sentiment"].eq("negative") & (survey.index % 2 == 0)
    week = survey[["response_id", "text"]].assign(
        resolved=unresolved.map({True: "no", False: "yes"})
    )
    week.to_csv(tmp_path / "week.csv", index=False)
    tag_files(model, [tmp_path / "week.csv"], tmp_path / "job", progress=False)
    facts = write_insight_report(tmp_path / "job", tmp_path / "report").facts
    quoted = [t.quote.text for t in facts.bad_side if t.quote is not None]
    assert quoted
    bad_texts = survey.loc[unresolved, "text"]
    assert all(bad_texts.str.contains(q, regex=False).any() for q in quoted)


def test_a_job_with_an_unreadable_outcome_value_names_it(tmp_path):
    """Since stop 48 the job reads its files with the model's outcomes, as `analyze` does:
    the value is named in the rejects (before, the report stopped on it); since stop 49 the
    comment is kept with the outcome empty, as a bad score is under keep-text."""
    from dataclasses import asdict

    import pandas as pd

    from feedback_nlp.outcomes import OUTCOMES_FILE, parse_outcome_option
    from tests.engines.conftest import make_small_model

    model = make_small_model(tmp_path / "model")
    resolved = parse_outcome_option("resolved:binary:bad=no")
    (model / OUTCOMES_FILE).write_text(json.dumps([asdict(resolved)]), encoding="utf-8")
    week = tmp_path / "week.csv"
    pd.DataFrame(
        {"id": ["r1", "r2"], "comment": ["Never arrived", "Fine"], "resolved": ["no", "maybe"]}
    ).to_csv(week, index=False)
    summary = tag_files(model, [week], tmp_path / "job", progress=False)
    # stop 49's weekly probe: "0 rejected" while rejects/ listed the row kept with it emptied
    assert summary.kept_with_problem == 1
    assert ", 0 rejected, 1 kept with a field emptied (see " in summary.describe()
    rejects = read_parts(tmp_path / "job" / "rejects")
    assert rejects["reason"].str.contains("resolved").any()
    assert rejects["raw"].str.contains("maybe").all() and rejects["row_kept"].all()
    resolved = load_inputs(tmp_path / "job").table["resolved"]
    assert resolved.iloc[0] == 0 and pd.isna(resolved.iloc[1])


def test_a_job_is_broken_down_by_the_segments_its_model_was_made_with(tmp_path):
    import pandas as pd

    from feedback_nlp.segment_columns import write_segments
    from tests.engines.conftest import make_small_model

    model = make_small_model(tmp_path / "model")
    write_segments(model, ["region"])
    week = tmp_path / "week.csv"
    pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(40)],
            "comment": ["The parcel never arrived", "Quick and friendly help"] * 20,
            "region": ["North"] * 30 + ["South"] * 10,
        }
    ).to_csv(week, index=False)
    tag_files(model, [week], tmp_path / "job", progress=False)
    assert load_inputs(tmp_path / "job").segments == ["region"]
    written = write_insight_report(tmp_path / "job", tmp_path / "report")
    markdown = written.paths["markdown"].read_text(encoding="utf-8")
    assert "## By region" in markdown and "| North | 30 |" in markdown


def test_a_job_cuts_a_numeric_segment_into_its_models_ranges(tmp_path):
    """A probe's job cut ARR at 7000-23000 where the analysis of its model said 7000-30000."""
    import pandas as pd

    from feedback_nlp.segment_columns import SavedRanges, write_segments
    from tests.engines.conftest import make_small_model

    model = make_small_model(tmp_path / "model")
    cut = SavedRanges((1.0, 10.0, 20.0, 30.0), ("1-10", "11-20", "21-30"))
    write_segments(model, ["tenure"], {"tenure": cut})
    week = tmp_path / "week.csv"
    pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(40)],
            "comment": ["The parcel never arrived", "Quick and friendly help"] * 20,
            "tenure": [str(v) for v in range(12, 52)],
        }
    ).to_csv(week, index=False)
    tag_files(model, [week], tmp_path / "job", progress=False)
    written = write_insight_report(tmp_path / "job", tmp_path / "report")
    markdown = written.paths["markdown"].read_text(encoding="utf-8")
    assert "| 11-20 | 9 |" in markdown and "| ≥ 21 | 31 |" in markdown


def test_a_job_tagged_before_its_reader_parsed_outcomes_has_them_parsed_by_the_report(tmp_path):
    """A reviewer found a job of raw minute values read as parsed seconds (60× off) when the
    report took every numeric outcome column for one its reader had parsed."""
    import pandas as pd

    from feedback_nlp.outcomes import parse_outcome_option
    from feedback_nlp.report.inputs import ReportInputs
    from feedback_nlp.report.job import _with_outcomes

    spec = parse_outcome_option("handle_time:duration:unit=minutes")
    raw = pd.DataFrame({"response_id": ["a", "b", "c"], "handle_time": [5, 90, 30]})
    old = ReportInputs(raw.copy())
    _with_outcomes(old, [spec], tmp_path, read=False)
    assert old.table["handle_time"].tolist() == [300.0, 5400.0, 1800.0]  # seconds
    new = ReportInputs(raw.assign(handle_time=[300.0, 5400.0, 1800.0]))
    _with_outcomes(new, [spec], tmp_path, read=True)
    assert new.table["handle_time"].tolist() == [300.0, 5400.0, 1800.0]
