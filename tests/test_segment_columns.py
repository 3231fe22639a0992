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
