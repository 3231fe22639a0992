"""A job's one-line summary."""

from __future__ import annotations

from pathlib import Path

from feedback_nlp.engines.job import TagSummary, summary_of
from feedback_nlp.engines.manifest import Manifest


def test_the_speed_of_a_resumed_run_counts_the_comments_it_tagged():
    summary = TagSummary(
        out=Path("week"), engine="local", rows_read=140, rows=140, rejects=0,
        parts_done=2, parts_skipped=5, seconds=20.0, rows_this_run=60,
    )  # fmt: skip
    line = summary.describe()
    assert "140 comments tagged" in line and "5 chunk(s) done before" in line
    assert "20.0 s, 3 comments/s" in line  # 60 in 20 s, not 140


def test_the_summary_names_the_job_folder_once_and_where_its_rows_are():
    """Stop 50: "tagged into tagged/tagged/" read like a doubled folder."""
    summary = TagSummary(
        out=Path("tagged"), engine="local", rows_read=3, rows=3, rejects=0,
        parts_done=1, parts_skipped=0, seconds=1.0,
    )  # fmt: skip
    assert "tagged into tagged/ (tagged rows in tagged/tagged/)" in summary.describe()


def test_the_summary_warns_from_the_manifests_counts_and_the_fit_baseline(tmp_path):
    manifest = Manifest(folder=tmp_path, job={}, theme_baseline={"said": 500, "themed": 480})
    manifest.parts["00000-000000"] = {"rows_read": 80, "rows": 80, "rejects": 0}
    manifest.parts["00000-000001"] = {
        "rows_read": 80, "rows": 80, "rejects": 0,
        "said": 75, "unthemed": 40, "unseen_languages": {"tr": 12},
    }  # fmt: skip
    summary = summary_of(manifest, "local", 2, 0, 4.0)
    assert len(summary.drift_notes) == 2
    lines = summary.describe().splitlines()
    assert lines[1].startswith("warning: 53 % of the 75 comments that say something fit no")
    assert lines[2].startswith("warning: 16 % of the comments that say something are in")
    manifest.theme_baseline = None  # a model saved before the record: languages only
    assert len(summary_of(manifest, "local", 2, 0, 4.0).drift_notes) == 1


def test_a_run_slower_than_one_comment_a_second_says_so():
    """Probe 51: "3 rows read; 7.6 s, 0 comments/s"."""
    summary = TagSummary(
        out=Path("week"), engine="local", rows_read=3, rows=3, rejects=0,
        parts_done=1, parts_skipped=0, seconds=7.6,
    )  # fmt: skip
    assert "(3 rows read; 7.6 s, <1 comment/s, local engine)" in summary.describe()
    summary.rows_this_run = 0  # a resumed run that only found the missing part's rejects
    assert "(3 rows read; 7.6 s, local engine)" in summary.describe()
