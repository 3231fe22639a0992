"""Small groups in the report's breakdowns (`explain(..., min_group_size=N)`,
`insights.segment_privacy`): a segment the segment table suppressed is shown as suppressed,
with no count, value, range or themes."""

from __future__ import annotations

import pandas as pd


def hidden_reasons(rows_of: pd.DataFrame) -> dict[str, str]:
    """Segment (as text) → why it is suppressed, of one dimension's rows of the segment
    table; empty when none is (or the table was made without a small-group floor)."""
    if not len(rows_of) or "suppressed" not in rows_of:
        return {}
    hidden = rows_of[rows_of["suppressed"].astype("boolean").fillna(False).astype(bool)]
    reasons = hidden.get("suppressed_reason", pd.Series("", index=hidden.index)).fillna("")
    return dict(zip(hidden["segment"].astype(str), reasons.astype(str), strict=True))


def hidden_text(reason: str) -> str:
    """What a suppressed segment's row says: 'fewer than 5 respondents: not shown'."""
    if not reason:
        return "not shown (too small a group)"
    return f"{reason}: not shown" if reason.startswith("fewer than") else f"not shown: {reason}"


def blank_hidden(
    frame: pd.DataFrame, segments: list[str], reasons: dict[str, str], header: str
) -> pd.DataFrame:
    """`frame` (one row per segment of `segments`, named in column `header`) with every other
    cell of a suppressed segment's row blank, its first one saying why."""
    rows = [i for i, segment in enumerate(segments) if segment in reasons]
    if not rows:
        return frame
    frame = frame.astype(object)
    others = [c for c in frame.columns if c != header]
    for i in rows:
        frame.loc[frame.index[i], others] = ""
        if others:
            frame.loc[frame.index[i], others[0]] = hidden_text(reasons[segments[i]])
    return frame


def hidden_note(reasons: dict[str, str], noun: str) -> str:
    """The caption's sentence on the suppressed segments, if any."""
    if not reasons:
        return ""
    return (
        f" Confidentiality: {len(reasons)} {noun} group(s) too small to show (or that would "
        "give a smaller one away by subtraction) are not shown: no count, score, range or "
        "themes."
    )
