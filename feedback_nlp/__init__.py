"""feedback_nlp: turn raw customer feedback into explained scores.

The one-line entry points are re-exported here; see the README for the tour.
"""

from __future__ import annotations

__version__ = "0.1.0"
