"""The methods' table of stages: what each default stage does and with which model."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.pipeline import DEFAULT_STAGE_NAMES
from feedback_nlp.report.export import export_table
from feedback_nlp.report.inputs import load_inputs, models_table


def test_every_default_stage_names_what_it_runs_and_the_themes_name_their_method():
    table = models_table([{"name": name, "params": {}} for name in DEFAULT_STAGE_NAMES])
    assert list(table["step"]) == list(DEFAULT_STAGE_NAMES)
    assert table["model"].str.len().gt(0).all()
    themes = table.set_index("step").loc["topics", "model"]
    assert "Ward" in themes and "HDBSCAN" not in themes  # the method the topics stage uses


def test_a_hub_model_is_named_as_given():
    table = models_table(
        [{"name": "sentiment", "params": {"backend": "transformers", "model": "m"}}]
    )
    assert table["model"].iloc[0] == "transformers model m"


def test_theme_mentions_read_back_quote_each_part_as_the_comment_says_it(tmp_path, table):
    (tmp_path / "tables").mkdir()
    table.to_parquet(tmp_path / "tagged.parquet")
    mentions = pd.DataFrame(
        {"response_id": ["r0-0"], "theme": [0], "unit_text": ["- Nothing to unlock"]}
    )
    export_table(mentions, tmp_path / "tables" / "theme_mentions.csv")  # formula-safe
    assert load_inputs(tmp_path).mentions["unit_text"].tolist() == ["- Nothing to unlock"]


def test_rejects_read_back_from_a_folder_keep_which_rows_were_kept(tmp_path, table):
    """The text "False" is true as a bool: a report rebuilt from a folder said 0 rows could
    not be used where the first one said 2."""
    from feedback_nlp.schema import REJECT_COLUMNS, rejected_rows

    table.to_parquet(tmp_path / "tagged.parquet")
    rejects = pd.DataFrame(
        {
            "file": ["a.csv"] * 3,
            "line": [2, 5, 9],
            "response_id": ["r1", "r2", None],
            "field": ["nps", "text", None],
            "reason": ["score 11 out of range", "no text and no score", "duplicate"],
            "raw": ["{}"] * 3,
            "row_kept": [True, False, False],
        }
    ).astype(REJECT_COLUMNS)
    export_table(rejects, tmp_path / "rejects.csv")
    read = load_inputs(tmp_path).rejects
    assert read["row_kept"].tolist() == [True, False, False]
    assert read["line"].tolist() == [2, 5, 9]
    assert len(rejected_rows(read)) == 2


def test_a_tagged_table_exported_to_xlsx_or_csv_reads_back_as_written(tmp_path, table):
    """The export writes Other's id "-1" as "'-1" (formula-safe): read back, `explain` and
    `report` crashed on it before stop 47."""
    from feedback_nlp.report.inputs import read_tagged

    tagged = table.assign(themes=["-1", *table["themes"].tolist()[1:]])
    for suffix in (".xlsx", ".csv"):
        read = read_tagged(export_table(tagged, tmp_path / f"tagged{suffix}"))
        assert read["themes"].iloc[0] == "-1", suffix
        assert read["themes"].tolist() == tagged["themes"].tolist(), suffix


def test_the_prepare_settings_are_those_the_stages_record():
    from feedback_nlp.report.inputs import prepare_settings

    stages = [{"name": "prepare", "params": {"redact": False}}, {"name": "topics", "params": {}}]
    assert prepare_settings(stages) == {"redact": False}
    assert prepare_settings([{"name": "topics"}]) is None


def test_the_files_read_are_named_from_the_read_summary():
    from feedback_nlp.report.inputs import files_read

    summary = (
        "/data/a.csv\n  platform: generic\n  rows: 3 read\n/data/b.json\n"
        "all files: 6 read, 6 kept\nfirst problems in the rejects table (of 1):\n"
        "customers.csv: customer table, 5 customers kept\n"
    )
    assert files_read(summary) == ["a.csv", "b.json"]


def test_declared_outcomes_replace_a_folders_and_parse_their_column(tmp_path, table):
    """`with_outcomes` (`report --outcome`, stop 50): a yes/no column is parsed to 1/0 and
    declared in place of the folder's outcomes.json."""
    import json

    from feedback_nlp.outcomes import OUTCOMES_FILE, OutcomeSpec
    from feedback_nlp.report.inputs import with_outcomes

    table.assign(returned=["yes", "no"] * (len(table) // 2)).to_parquet(tmp_path / "tagged.parquet")
    stored = [{"name": "churned", "kind": "binary"}]
    (tmp_path / OUTCOMES_FILE).write_text(json.dumps(stored), encoding="utf-8")
    inputs = load_inputs(tmp_path)
    assert [o.name for o in inputs.outcomes] == ["churned"]
    declared = with_outcomes(inputs, ["returned:binary:bad=no"])
    assert declared.outcomes == [OutcomeSpec("returned", "binary", bad="no")]
    assert declared.table["returned"].head(2).tolist() == [1.0, 0.0]


def test_a_plain_outcome_name_is_read_by_its_values_and_a_star_note_goes(tmp_path, table):
    from feedback_nlp.report.inputs import with_outcomes

    path = tmp_path / "tagged.parquet"
    rated = table.drop(columns=["nps", "csat"]).assign(star_rating=4, rating=7.0)
    rated.to_parquet(path)
    inputs = load_inputs(path)
    assert [o.name for o in inputs.outcomes] == ["star_rating"] and inputs.notes
    declared = with_outcomes(inputs, ["rating"])
    assert [(o.name, o.kind) for o in declared.outcomes] == [("rating", "numeric")]
    assert len(declared.notes) == 1 and "outcome 'rating' given without a kind" in declared.notes[0]


def test_a_declared_rating_that_mixes_scales_by_source_is_noted(tmp_path, table):
    """The hotel-chain probe of stop 53: Google's stars and Booking's 1-10 in one column."""
    from feedback_nlp.report.inputs import with_outcomes

    half = len(table) // 2
    sources = ["google"] * half + ["booking"] * (len(table) - half)
    ratings = [1 + i % 5 for i in range(half)] + [1 + i % 10 for i in range(len(table) - half)]
    table.assign(source=sources, rating=ratings).to_parquet(tmp_path / "tagged.parquet")
    declared = with_outcomes(load_inputs(tmp_path), ["rating:numeric"])
    assert any("mixes rating scales by 'source'" in note for note in declared.notes)
