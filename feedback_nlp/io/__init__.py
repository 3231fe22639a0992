"""Readers: any supported export in, the feedback table and a rejects table out.

>>> from feedback_nlp.io import read_feedback
>>> result = read_feedback("survey.csv")        # doctest: +SKIP
>>> print(result.summary())                     # doctest: +SKIP
"""

from __future__ import annotations

from feedback_nlp.io.reader import ReadResult, read_feedback, read_many

__all__ = ["ReadResult", "read_feedback", "read_many"]
