"""Segment columns: a column the feedback table lacks is named with a hint."""

from __future__ import annotations

import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.segment_columns import check_segments


def test_a_column_carried_as_source_is_named_not_the_toolkits_own():
    columns = ["response_id", "sentiment", "source_Sentiment", "Region"]
    with pytest.raises(ConfigError, match="it is carried as 'source_Sentiment'"):
        check_segments(["Sentiment"], columns)
    with pytest.raises(ConfigError, match="did you mean 'Region'"):
        check_segments(["Regoin"], columns)
    check_segments(["source_Sentiment", "Region"], columns)


def test_the_segments_and_their_ranges_are_kept_and_read_back(tmp_path):
    from feedback_nlp.segment_columns import (
        SavedRanges,
        read_segment_ranges,
        read_segments,
        write_segments,
    )

    cut = SavedRanges((1.0, 8.0, 40.0), ("1-8", "9-40"))
    write_segments(tmp_path, ["tenure", "region"], {"tenure": cut, "other": cut})
    assert read_segments(tmp_path) == ["tenure", "region"]
    assert read_segment_ranges(tmp_path) == {"tenure": cut}  # a column not kept is left out
    write_segments(tmp_path, [])
    assert read_segments(tmp_path) == [] and read_segment_ranges(tmp_path) == {}


def test_a_segments_file_of_columns_alone_is_still_read(tmp_path):
    from feedback_nlp.segment_columns import SEGMENTS_FILE, read_segment_ranges, read_segments

    (tmp_path / SEGMENTS_FILE).write_text('["region", "tenure"]', encoding="utf-8")
    assert read_segments(tmp_path) == ["region", "tenure"]
    assert read_segment_ranges(tmp_path) == {}
