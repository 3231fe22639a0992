"""The bundled demo data: deterministic, complete, readable, and carrying its planted truth."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from feedback_nlp.io import read_feedback
from feedback_nlp.pipeline import DEMO_BRAND_HANDLE
from feedback_nlp.schema import JOURNEY_STAGES, TOUCHPOINTS
from feedback_nlp.stages.prepare import PrepareStage

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "feedback_nlp" / "data" / "demo"
SCRIPT = ROOT / "scripts" / "make_demo_data.py"
DATA_FILES = ["survey_qualtrics.csv", "forum_posts.jsonl", "social_posts.csv", "support_chats.json"]
TRUTH = ["true_theme", "true_themes", "true_sentiment", "true_pii"]


@pytest.fixture(scope="module")
def demo() -> pd.DataFrame:
    table = pd.concat([read_feedback(DEMO / name).table for name in DATA_FILES], ignore_index=True)
    for column in TRUTH:
        table[column] = table[column].fillna("").astype("string")
    return table


def test_generator_is_deterministic_and_matches_shipped_files(tmp_path):
    for folder in ("a", "b"):
        subprocess.run(
            [sys.executable, str(SCRIPT), "--out", str(tmp_path / folder)],
            check=True,
            capture_output=True,
        )
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in DEMO.iterdir() if p.is_file())
    for name in names:
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes(), name
        assert first == (DEMO / name).read_bytes(), f"{name} is stale: rerun {SCRIPT.name}"


def test_files_are_small():
    assert sum(p.stat().st_size for p in DEMO.iterdir()) < 2_000_000


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_file_reads_without_unplanted_rejects(name):
    result = read_feedback(DEMO / name)
    if name == "social_posts.csv":  # the two planted rejects, see docs/demo_data.md
        assert result.rejects["reason"].tolist() == [
            "no text and no score",
            "duplicate response_id 's-00116' (first at social_posts.csv:117)",
        ]
    else:
        assert result.rejects.empty, result.rejects["reason"].tolist()


def test_counts_languages_channels_touchpoints_and_months(demo):
    assert len(demo) >= 900
    languages = demo["lang_hint"].value_counts()
    assert set(languages.index) == {"en", "fr", "de", "es", "ro", "ru", "it", "pt"}
    assert languages.min() >= 40
    assert set(demo["channel"]) == {"survey", "forum", "social", "chat"}
    assert set(demo["touchpoint"]) == set(TOUCHPOINTS)
    assert set(demo["journey_stage"]) == set(JOURNEY_STAGES)
    months = demo["created_at"].dt.strftime("%Y-%m")
    assert sorted(months.unique()) == [f"2026-{m:02d}" for m in range(1, 10)]


def test_warts_of_real_data_are_present(demo):
    text = demo["text"].fillna("")
    assert (text.str.len() >= 1500).sum() >= 5
    assert (text.str.strip() == "").sum() >= 10
    assert (text.str.split().str.len() == 1).sum() >= 10
    assert text.str.contains("[\U0001f300-\U0001faff]", regex=True).sum() >= 50
    assert text.str.contains("<p>|<br", regex=True).sum() >= 100
    assert text.str.contains("livrare|curier", case=False).sum() >= 20
    assert text.str.contains("mais la livraison", regex=False).any()


def test_prepare_finds_exactly_the_planted_pii(demo):
    prepared = PrepareStage(keep_handles=[DEMO_BRAND_HANDLE])(demo)
    planted = demo["true_pii"]
    assert (planted != "").sum() >= 30
    assert set(planted[planted != ""]) == {"email", "phone", "card", "iban", "url"}
    wrong = prepared[prepared["pii_types"] != planted]
    assert wrong.empty, wrong[["response_id", "true_pii", "pii_types", "text_clean"]].head()


def test_the_brand_handle_is_a_handle_unless_kept(demo):
    """Without `keep_handles` the brand's account is redacted like a person's handle."""
    prepared = PrepareStage()(demo)
    addressed = demo["text"].str.contains(DEMO_BRAND_HANDLE, regex=False)
    assert addressed.sum() >= 20
    flagged = prepared["pii_types"].str.contains("handle", regex=False)
    assert (flagged == addressed).all()
    assert not prepared["text_clean"].str.contains(DEMO_BRAND_HANDLE, regex=False).any()


def test_duplicates_are_found(demo):
    prepared = PrepareStage()(demo)
    assert prepared["is_duplicate"].sum() >= 20


def test_planted_truth_is_in_the_data(demo):
    late = demo["true_theme"] == "late_delivery"
    romanian = demo["lang_hint"] == "ro"
    from_may = demo["created_at"].dt.month >= 5
    assert late[romanian].mean() > late[~romanian].mean() + 0.1
    assert late[from_may].mean() > late[~from_may].mean() + 0.1
    survey = demo[demo["channel"] == "survey"]
    nps = survey.groupby("true_theme")["nps"].mean()
    assert nps["late_delivery"] == nps.min()
    assert (
        nps[["friendly_staff", "easy_returns"]].min()
        > nps[["loyalty_points", "product_range"]].max()
    )
    assert nps[["loyalty_points", "product_range"]].min() > nps["billing_refund"]
    scores = survey[["nps", "csat", "ces"]].astype("float64").corr()
    assert 0.5 < scores.loc["nps", "csat"] < 0.95
    assert 0.5 < scores.loc["nps", "ces"] < 0.95
