"""What a tagging job keeps of its model, so that its folder can be reported on by itself.

`feedback-nlp report <out>` reads a job folder like an `analyze` folder: besides the parts it
needs the names, categories and similar themes of the model's themes, and the model's stages
for the methods section. They are written beside the parts when a run starts (both engines):

- ``themes.parquet``: the model's theme table (`topics.tables.theme_table`, one row per
  theme; its `mentions` and `negative_share` are counted by the report over the job's
  theme_mentions parts), redacted as every export is; only where the model has themes;
- ``model.json``: the model's ``config.toml`` (as ``config``) and ``meta.json`` (``meta``),
  and ``outcomes_read`` (since stop 48): the job's reader parsed the outcomes below;
- ``outcomes.json``: the outcomes declared when the model was made (`analyze` or `fit` with
  ``--outcome``: churned, recommended…), read by the report from the job's own columns.

`missing_outcomes` warns when the job's files carry none of a declared outcome (a weekly
export tagged without the ``--mapping`` the model was fitted with), naming the columns that
could hold it (never one named as an id, a code or a reference: ``respondent_id``).
"""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.engines.manifest import write_atomic
from feedback_nlp.engines.parts import TAGGED
from feedback_nlp.insights.ranges import names_codes
from feedback_nlp.io.mapping import MAPPABLE
from feedback_nlp.outcomes import OUTCOMES_FILE, OutcomeSpec, name_words, read_outcomes
from feedback_nlp.schema import INPUT_COLUMNS
from feedback_nlp.score_scales import SCALES_FILE
from feedback_nlp.segment_columns import SEGMENTS_FILE

#: Words of a column name that say it references a record, beside `names_codes`' id words.
_ID_WORDS = frozenset({"reference", "references", "ref", "uuid", "guid"})
THEMES = "themes.parquet"
MODEL_INFO = "model.json"
#: What the analysis declared, copied from the model beside the parts: outcomes, segment
#: columns, score scales.
ANALYSIS_FILES = (OUTCOMES_FILE, SEGMENTS_FILE, SCALES_FILE)


def write_model_context(analyzer: Analyzer, model: Path, out: Path) -> None:
    """Write the model's theme table (when it has themes) and settings into the job `out`."""
    from feedback_nlp.report.export import redact_for_export
    from feedback_nlp.stages.topics import TopicsStage
    from feedback_nlp.topics.tables import theme_table

    config = tomllib.loads((model / "config.toml").read_text(encoding="utf-8"))
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    info = json.dumps(
        {"config": config, "meta": meta, "outcomes_read": True}, indent=1, default=str
    )
    write_atomic(out / MODEL_INFO, info.encode("utf-8"))
    for name in ANALYSIS_FILES:
        if (model / name).is_file():
            write_atomic(out / name, (model / name).read_bytes())
        else:
            (out / name).unlink(missing_ok=True)
    themes = next(
        (s.model_ for s in analyzer.stages if isinstance(s, TopicsStage) and s.model_ is not None),
        None,
    )
    if themes is None:
        (out / THEMES).unlink(missing_ok=True)
        return
    buffer = io.BytesIO()
    redact_for_export(theme_table(themes, quotes=False)).to_parquet(buffer, index=False)
    write_atomic(out / THEMES, buffer.getvalue())


def missing_outcomes(analyzer: Analyzer, model: Path, out: Path) -> list[str]:
    """A warning for each outcome the model declares, read from the feedback rows (not
    joined from a customer table), that no tagged part of the job `out` carries: the job's
    report leaves it out. It names the carried columns the model's fit did not have whose
    values could be that outcome's."""
    parts = sorted((out / TAGGED).glob("*.parquet"))
    if not (model / OUTCOMES_FILE).is_file() or not parts:
        return []
    carried = set().union(*(pq.read_schema(part).names for part in parts))
    declared = read_outcomes(model / OUTCOMES_FILE)
    missing = [o for o in declared if o.level != "customer" and o.name not in carried]
    if not missing:
        return []
    new = _new_columns(analyzer, pq.read_schema(parts[0]).names)
    sample = pq.read_table(parts[0], columns=new).to_pandas()
    return [_missing_note(spec, _could_be(spec, sample)) for spec in missing]


def _new_columns(analyzer: Analyzer, columns: list[str]) -> list[str]:
    """The `columns` of a tagged part that neither the model's fit table nor its stages had."""
    fitted = (analyzer.fitted_on_ or {}).get("columns") or INPUT_COLUMNS
    made = {column for stage in analyzer.stages for column in stage.produces}
    known = {*fitted, *made, "nps_group"}
    return [c for c in columns if c not in known]


def _could_be(spec: OutcomeSpec, sample: pd.DataFrame) -> list[str]:
    """The columns of `sample` whose values fit the outcome's kind, none named as an id."""
    return [c for c in sample.columns if not names_an_id(c) and _fits(spec.kind, sample[c])]


def names_an_id(name: object) -> bool:
    """True for a column named as an id, a code or a reference (``respondent_id``,
    ``conversation_id``, ``Reservation number``, ``booking_reference``): never an outcome."""
    return names_codes(name) or bool(isinstance(name, str) and name_words(name) & _ID_WORDS)


def _fits(kind: str, values: pd.Series) -> bool:
    """Whether the answered `values` could be an outcome of `kind` (all of them for a
    duration, read from dates or numbers in many ways)."""
    answered = values.dropna().astype(str).str.strip()
    answered = answered[answered != ""]
    if answered.empty:
        return False
    if kind == "binary":
        return answered.str.lower().nunique() <= 2
    if kind in ("numeric", "count"):
        return bool(pd.to_numeric(answered, errors="coerce").notna().mean() >= 0.9)
    return True


def _missing_note(spec: OutcomeSpec, candidates: list[str]) -> str:
    """The warning for one declared outcome none of the job's files carries."""
    text = (
        f"the model declares the outcome {spec.describe()}, but the job's files have no "
        f"'{spec.name}' column, so its report leaves it out"
    )
    if not candidates:
        return text + "; tag with the --mapping the model was fitted with"
    named = ", ".join(f"'{c}'" for c in candidates)
    if spec.name in MAPPABLE:
        example = f'[columns] {spec.name} = "{candidates[0]}"'
    else:
        example = f'[outcomes] {spec.name} = {{kind = "{spec.kind}", column = "{candidates[0]}"}}'
    return (
        f"{text}; it could be {named}: tag with the --mapping the model was fitted with "
        f"(e.g. {example})"
    )
