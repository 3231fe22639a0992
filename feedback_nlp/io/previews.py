"""Responses a survey tool marks as not a respondent's: previews, tests, spam.

Qualtrics records the survey designer's previews and the generated test responses beside the
real ones, in its `Status` column ("Survey Preview", "Survey Test", "Spam", or the codes 1, 2,
8, 9, 12 in a numeric export) and `DistributionChannel` ("preview", "test"). Read as
responses, a survey probe's four previews and tests moved its NPS from −26.1 to −28 and
formed a theme "test test". They are rejected with the reason; the rejects keep them.
"""

from __future__ import annotations

import pandas as pd

#: Status values (case-folded) and numeric Qualtrics codes of responses no respondent gave.
NOT_RESPONDENTS = {
    "survey preview": "a survey preview",
    "survey test": "a survey test",
    "spam": "spam",
    "preview spam": "a survey preview",
    "imported spam": "spam",
}
_QUALTRICS_CODES = {"1": "survey preview", "2": "survey test", "8": "spam", "9": "preview spam",
                    "12": "imported spam"}  # fmt: skip
_CHANNELS = {"preview": "survey preview", "test": "survey test"}


def preview_reasons(raw: pd.DataFrame, platform: str | None) -> tuple[str | None, pd.Series]:
    """The column that marks them and the reason per row (NA where the row is a response)."""
    reasons = pd.Series(pd.NA, index=raw.index, dtype="string")
    for column in raw.columns:
        header = str(column).strip().casefold()
        if header not in ("status", "distributionchannel"):
            continue
        values = raw[column].astype("string").str.strip().str.casefold()
        if header == "distributionchannel":
            values = values.map(_CHANNELS.get, na_action="ignore")
        elif platform == "qualtrics":
            values = values.map(lambda v: _QUALTRICS_CODES.get(v, v), na_action="ignore")
        kinds = values.map(NOT_RESPONDENTS.get, na_action="ignore").astype("string")
        marked = kinds.notna() & reasons.isna()
        reasons[marked] = kinds[marked] + f" ({column} '" + raw[column].astype("string")[marked]
        reasons[marked] += "'), not a respondent's answer"
        if marked.any():
            return str(column), reasons
    return None, reasons
