"""Text preparation: clean-up, PII redaction, duplicate detection (and sentence splitting)."""

from __future__ import annotations

from feedback_nlp.text.clean import clean_text, clean_texts
from feedback_nlp.text.duplicates import find_duplicates, normalise_for_duplicates
from feedback_nlp.text.pii import PII_TYPES, check_pii_types, redact_pii

__all__ = [
    "PII_TYPES",
    "check_pii_types",
    "clean_text",
    "clean_texts",
    "find_duplicates",
    "normalise_for_duplicates",
    "redact_pii",
]
