"""The methods' table of stages: what each default stage does and with which model."""

from __future__ import annotations

from feedback_nlp.pipeline import DEFAULT_STAGE_NAMES
from feedback_nlp.report.inputs import models_table


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
