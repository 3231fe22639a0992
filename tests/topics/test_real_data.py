"""Theme names and coverage on real third-party feedback (../shared/data; skipped without it)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from feedback_nlp.topics.phrases import is_readable

DATA = Path(os.environ.get("FEEDBACK_NLP_DATA", Path(__file__).parents[3] / "shared" / "data"))
MAMS = DATA / "themes/mams/data/MAMS-ACSA/raw/val.xml"

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not MAMS.exists(), reason="../shared/data (MAMS) is not here"),
]


@pytest.fixture(scope="module")
def mams_themes():
    from feedback_nlp.stages import STAGES, Batch

    texts = [s.findtext("text") or "" for s in ET.parse(MAMS).getroot().iter("sentence")]
    table = pd.DataFrame(
        {
            "response_id": pd.array([f"m{i}" for i in range(len(texts))], dtype="string"),
            "text": pd.array(texts, dtype="string"),
        }
    )
    batch = Batch(table)
    for name in ("prepare", "language", "embed"):
        batch = STAGES[name]().fit_transform(batch)
    stage = STAGES["topics"](theme_sentiment=False)
    return stage.fit_transform(batch), stage.model_


def test_every_name_on_real_reviews_follows_the_house_rules(mams_themes):
    out, model = mams_themes
    texts = set(out.table["text_clean"].astype(str))
    for theme in model.theme_list():
        assert is_readable(theme.label, model.label_language_), theme.label
        assert 2 <= len(theme.label.replace(" / ", " ").split()) <= 5, theme.label
        assert theme.label not in texts
    for theme in model.theme_list():
        if theme.category_source == "discovered":
            assert theme.category not in {t.label for t in model.theme_list()}


def test_nearly_every_real_review_sentence_gets_a_theme(mams_themes):
    out, _ = mams_themes
    assert (out.table["topic"] >= 0).mean() >= 0.85
    assert 8 <= out.table["topic"].nunique() <= 60
