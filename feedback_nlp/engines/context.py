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
"""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.engines.manifest import write_atomic
from feedback_nlp.outcomes import OUTCOMES_FILE
from feedback_nlp.score_scales import SCALES_FILE
from feedback_nlp.segment_columns import SEGMENTS_FILE

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
