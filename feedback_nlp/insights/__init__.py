"""Explain scores with text signals: segments, theme impact, drivers, pain points, quotes.

Pure functions over the feedback table (one row per comment). Every function counts each unit
(respondent, conversation or response; see :mod:`feedback_nlp.scores`) once per group, works
with whatever columns are present, and says what it skipped.
"""

from feedback_nlp.insights.core import Outcome, resolve_outcome, theme_labels
from feedback_nlp.insights.drivers import DriverResult, key_drivers
from feedback_nlp.insights.explain import Explanation, explain
from feedback_nlp.insights.impact import pain_point_matrix, theme_impact, theme_trends
from feedback_nlp.insights.quotes import representative_quotes
from feedback_nlp.insights.segments import segment_metrics

__all__ = [
    "DriverResult",
    "Explanation",
    "Outcome",
    "explain",
    "key_drivers",
    "pain_point_matrix",
    "representative_quotes",
    "resolve_outcome",
    "segment_metrics",
    "theme_impact",
    "theme_labels",
    "theme_trends",
]
