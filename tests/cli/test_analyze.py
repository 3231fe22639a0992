"""`feedback-nlp analyze` / `fit` options that change the stages."""

from pathlib import Path

from typer.testing import CliRunner

from feedback_nlp.cli import app
from feedback_nlp.cli.analyze import _stages


def test_default_stages_are_left_to_the_pipeline():
    assert _stages(None) is None


def test_windowed_reads_long_comments_whole_and_keeps_the_theme_space(tmp_path: Path):
    stages = {stage.name: stage for stage in _stages(tmp_path, windowed=True)}
    assert stages["embed"].windowed is True
    assert stages["topics"].theme_space == str(tmp_path)
    assert {stage.name: stage for stage in _stages(None, windowed=True)}["embed"].windowed
    assert not {s.name: s for s in _stages(tmp_path)}["embed"].windowed


def test_kept_handles_reach_the_prepare_stage():
    stages = {stage.name: stage for stage in _stages(None, keep_handles=["@Brand", "@Help"])}
    assert stages["prepare"].keep_handles == ["@Brand", "@Help"]
    assert stages["prepare"]._redacted("@brand and @jane")[0] == "@brand and @user"


def test_analyze_and_fit_offer_the_options():
    for command in ("analyze", "fit"):
        result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0
        assert "--windowed" in result.output and "--keep-handle" in result.output
        assert "--codebook" in result.output and "--label-language" in result.output


def test_the_codebook_and_label_language_reach_the_topics_stage(tmp_path: Path):
    """Before stop 48 a codebook or a label language could only be given in Python."""
    book = tmp_path / "book.toml"
    book.write_text('[[theme]]\nid = "a"\nname = "Attente"\nrules = [\'"attente"\']\n')
    topics = {s.name: s for s in _stages(None, codebook=str(book), label_language="FR")}["topics"]
    assert topics.codebook == str(book) and topics.label_language == "fr"
    assert {s.name: s for s in _stages(None, codebook="none")}["topics"].codebook is None


def test_a_label_language_no_language_has_is_a_usage_error(tmp_path: Path):
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "x.csv"), "--label-language", "zz"])
    assert result.exit_code == 2 and "zz" in result.output


def test_fit_takes_outcomes_and_the_model_keeps_them_as_declared(tmp_path: Path):
    import json

    import pandas as pd

    from feedback_nlp.analyzer import Analyzer
    from feedback_nlp.outcomes import OUTCOMES_FILE, OutcomeSpec, parse_outcome_option
    from feedback_nlp.pipeline import Analysis, save_model_folder
    from feedback_nlp.schema import empty_rejects

    assert "--outcome" in CliRunner().invoke(app, ["fit", "--help"]).output
    spec = parse_outcome_option("handling_time:duration:unit=minutes")
    table = pd.DataFrame({"response_id": ["a"]})
    analysis = Analysis(table, empty_rejects(), Analyzer([]), outcomes={spec.name: spec})
    saved = save_model_folder(analysis, tmp_path / "model")
    declared = json.loads((saved / OUTCOMES_FILE).read_text(encoding="utf-8"))
    assert [OutcomeSpec(**record) for record in declared] == [spec]  # minutes, not stored()
    plain = Analysis(table, empty_rejects(), Analyzer([]))
    assert not (save_model_folder(plain, tmp_path / "plain") / OUTCOMES_FILE).exists()


def test_the_model_keeps_the_segments_of_its_analysis(tmp_path: Path):
    import pandas as pd

    from feedback_nlp.analyzer import Analyzer
    from feedback_nlp.pipeline import Analysis, save_model_folder
    from feedback_nlp.schema import empty_rejects
    from feedback_nlp.segment_columns import read_segments

    for command in ("analyze", "fit", "explain"):
        assert "--segment" in CliRunner().invoke(app, [command, "--help"]).output
    table = pd.DataFrame({"response_id": ["a"]})
    analysis = Analysis(table, empty_rejects(), Analyzer([]), segments=["region"])
    assert read_segments(save_model_folder(analysis, tmp_path / "model")) == ["region"]
    plain = Analysis(table, empty_rejects(), Analyzer([]))
    assert read_segments(save_model_folder(plain, tmp_path / "plain")) == []


def test_a_misspelt_segment_stops_analyze_and_fit_before_the_fit(tmp_path: Path):
    import pandas as pd

    path = tmp_path / "survey.csv"
    pd.DataFrame(
        {"id": ["a", "b"], "comment": ["Slow delivery", "Nice staff"], "Region": ["N", "S"]}
    ).to_csv(path, index=False)
    for command, out in (("analyze", ["--out", str(tmp_path / "o")]), ("fit", [])):
        args = [command, str(path), *out, "--segment", "Regoin"]
        if command == "fit":
            args += ["--model", str(tmp_path / "model")]
        result = CliRunner().invoke(app, args)
        assert result.exit_code != 0
        assert "--segment 'Regoin': the feedback files have no such column" in result.output
        assert "did you mean 'Region'?" in result.output
    assert not (tmp_path / "model").exists() and not (tmp_path / "o").exists()


def test_every_long_command_takes_quiet():
    for command in ("analyze", "fit", "demo", "tag", "report"):
        assert "--quiet" in CliRunner().invoke(app, [command, "--help"]).output, command


def test_analyze_leads_the_report_with_the_main_score_named(tmp_path: Path, monkeypatch):
    """A CES owner with CSAT beside it (stop 51): `report` had --main-score, `analyze` not."""
    import pandas as pd

    from feedback_nlp import pipeline
    from feedback_nlp.report.build import Written
    from feedback_nlp.report.summary import Facts

    analysis = type("Analysis", (), {"read_summary": "read", "table": pd.DataFrame({"a": [1]})})
    asked = []
    monkeypatch.setattr(pipeline, "analyze", lambda *args, **kwargs: analysis)

    def write_outputs(source, out, **options):
        asked.append(options)
        return Written({"html": tmp_path / "report.html"}, Facts(1, [], [], None, None, None))

    monkeypatch.setattr(pipeline, "write_outputs", write_outputs)
    args = ["analyze", str(tmp_path / "in.csv"), "--out", str(tmp_path), "--quiet"]
    assert CliRunner().invoke(app, [*args, "--main-score", "CES"]).exit_code == 0
    options = {"unit": "auto", "text_signals": True, "min_group_size": 0}
    assert asked == [{"explain_options": options, "main_score": "ces"}]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert asked[-1] == {"explain_options": options, "main_score": None}
    wrong = CliRunner().invoke(app, [*args, "--main-score", "stars"])
    assert wrong.exit_code == 2 and "--main-score is one of nps, csat, ces" in wrong.output
    help_text = CliRunner().invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"}).output
    assert "--main-score" in help_text


def test_analyze_takes_agent_turns_and_passes_them_to_the_reader(tmp_path: Path, monkeypatch):
    """Stop 51: `read` and `validate` had --agent-turns, `analyze` not."""
    import pandas as pd

    from feedback_nlp import pipeline
    from feedback_nlp.report.build import Written
    from feedback_nlp.report.summary import Facts

    analysis = type("Analysis", (), {"read_summary": "read", "table": pd.DataFrame({"a": [1]})})
    asked = []

    def analyze(*args, **kwargs):
        asked.append(kwargs["agent_turns"])
        return analysis

    monkeypatch.setattr(pipeline, "analyze", analyze)
    monkeypatch.setattr(
        pipeline,
        "write_outputs",
        lambda *a, **k: Written({"html": tmp_path / "r.html"}, Facts(1, [], [], None, None, None)),
    )
    args = ["analyze", str(tmp_path / "in.csv"), "--out", str(tmp_path), "--quiet"]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert CliRunner().invoke(app, [*args, "--agent-turns", "drop"]).exit_code == 0
    assert asked == ["context", "drop"]
    wrong = CliRunner().invoke(app, [*args, "--agent-turns", "keep"])
    assert wrong.exit_code == 2 and "agent_turns must be one of" in wrong.output


def test_fit_says_each_outcome_note_once(tmp_path: Path, monkeypatch):
    """Probe 51: `fit` printed "'star_rating' (1-5 stars) taken as an outcome" twice, on its
    own and again in the read summary, which ends with the outcome notes."""
    from feedback_nlp import pipeline

    note = "'star_rating' (1-5 stars) taken as an outcome"
    analysis = type(
        "Analysis",
        (),
        {"read_summary": f"rows: 3 read\n{note}", "table": [1, 2, 3], "outcome_notes": [note]},
    )
    monkeypatch.setattr(pipeline, "analyze", lambda *args, **kwargs: analysis)
    monkeypatch.setattr(pipeline, "save_model_folder", lambda *args, **kwargs: tmp_path)
    args = ["fit", str(tmp_path / "in.csv"), "--model", str(tmp_path / "m")]
    assert CliRunner().invoke(app, args).output.count(note) == 1
    assert CliRunner().invoke(app, [*args, "--quiet"]).output.count(note) == 1
