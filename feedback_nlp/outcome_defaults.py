"""What an outcome is when it is not fully declared: a plain name, an option string, a star
rating carried by a tagged table. One rule for `analyze`, `explain`, `report` and the API.

- `as_outcome`: ``"low_star:binary"`` given to the Python API is parsed as ``--outcome``
  parses it (before stop 50 it was looked up as a column name).
- `plain_outcome`: a plain column name (``--outcome stars``) is read as ``NAME:KIND`` with
  that kind's default side (`outcomes.default_bad`), the kind being ``binary`` for a 0/1 or
  true/false column, else ``numeric``; the note says so (before stop 50 a plain name was
  higher-is-worse while ``stars:numeric`` was higher-is-better).
- `stars_outcome`: a review export's ``star_rating`` as a numeric outcome (low is bad) when
  the feedback has no NPS, CSAT or CES, the same for an analysis and for its tagged table.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd

from feedback_nlp.outcomes import OutcomeSpec, parse_outcome_option
from feedback_nlp.scores import SCORE_COLUMNS  # their direction is their scale's

#: The review sites' star rating (App Store, Google Play, Trustpilot: 1-5), kept apart from
#: CSAT by the reader.
STARS = "star_rating"


def as_outcome(outcome: str | OutcomeSpec) -> str | OutcomeSpec:
    """An outcome as `explain` takes it: ``"NAME:KIND[:key=value]..."`` parsed to a spec (as
    ``--outcome``), a plain column name or a spec as given."""
    if isinstance(outcome, str) and ":" in outcome:
        return parse_outcome_option(outcome)
    return outcome


def plain_outcome(values: pd.Series, name: str) -> tuple[OutcomeSpec | None, str | None]:
    """The spec a plain outcome column is read as, and the note saying so; (None, None) for
    a score or a column that is neither numeric nor true/false (its kind must be declared)."""
    kind = _plain_kind(values)
    if name in SCORE_COLUMNS or kind is None:
        return None, None
    spec = OutcomeSpec(name, kind)
    note = (
        f"outcome '{name}' given without a kind: read as {spec.describe()}; declare "
        f"{name}:{kind}:bad=... to say otherwise"
    )
    return spec, note


def _plain_kind(values: pd.Series) -> str | None:
    """'binary' for a true/false or 0/1 column, 'numeric' for other numbers, else None."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return "binary"
    if not pd.api.types.is_numeric_dtype(values.dtype):
        return None
    return "binary" if set(values.dropna().unique()) <= {0, 1} else "numeric"


def plain_outcomes(
    table: pd.DataFrame, outcomes: Sequence[str | OutcomeSpec], given: Collection[str] = ()
) -> tuple[list[str | OutcomeSpec], list[str]]:
    """`outcomes` with option strings parsed and plain non-score columns of `table` read as
    declared numeric or binary outcomes, and a note for each one read so; the names in
    `given` (a direction stated, ``higher_is_better=``) are left as they are."""
    read: list[str | OutcomeSpec] = []
    notes: list[str] = []
    for outcome in map(as_outcome, outcomes):
        spec, note = (None, None)
        if isinstance(outcome, str) and outcome in table.columns and outcome not in given:
            spec, note = plain_outcome(table[outcome], outcome)
        read.append(spec or outcome)
        notes += [note] if note else []
    return read, notes


def stars_outcome(
    table: pd.DataFrame, declared: Collection[str] = ()
) -> tuple[OutcomeSpec | None, str | None]:
    """``star_rating`` as a numeric outcome (low is bad), with its note, when `table` has
    ratings, no NPS, CSAT or CES value and no declared outcome of that name."""
    scored = any(c in table.columns and table[c].notna().any() for c in SCORE_COLUMNS)
    if STARS in declared or STARS not in table.columns or scored or table[STARS].isna().all():
        return None, None
    note = (
        f"'{STARS}' (1-5 stars) taken as an outcome: numeric, low is bad; map it to csat, or "
        f"declare --outcome {STARS}:..., to read it otherwise"
    )
    return OutcomeSpec(STARS, "numeric"), note
