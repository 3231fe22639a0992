"""Every bundled demo file reads with no arguments (the forum file via its mapping TOML)."""

from __future__ import annotations

from pathlib import Path

import pytest

import feedback_nlp
from feedback_nlp.io import read_feedback
from tests.io.conftest import check_result

DEMO = Path(feedback_nlp.__file__).parent / "data" / "demo"
EXPECTED_PLATFORM = {
    "survey_qualtrics.csv": "qualtrics",
    "forum_posts.jsonl": "generic",
    "social_posts.csv": "generic",
    "support_chats.json": "chat",
}


@pytest.mark.parametrize("name", sorted(EXPECTED_PLATFORM))
def test_demo_file_reads_without_arguments(name):
    path = DEMO / name
    if not path.exists():
        pytest.skip(f"{name} not generated yet (scripts/make_demo_data.py)")
    result = check_result(read_feedback(path))
    assert result.info["platform"] == EXPECTED_PLATFORM[name]
    assert len(result.table) > 0
    assert set(result.table["channel"]) <= {"survey", "forum", "social", "chat"}
