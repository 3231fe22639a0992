"""Key drivers in words (their labels and notes), and the indicators the model cannot tell
apart.

Indicators are ``theme:<id>``, ``negative:<id>``, ``emotion:<label>`` and
``touchpoint:<name>`` (`insights.drivers`); identical ones are merged as "a = b". Readers see
theme names, and a theme merged with its own negative comments once. An indicator fixed by
the intercept and others (the most common of a set every unit has exactly one of) is left
out, and a separated one (its units all have the event, or none do) is named.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import linalg


def driver_label(driver: str, names: dict[str, str]) -> str:
    """A driver in words: `theme:3` → its name, `negative:3` → "name (negative)", merged
    indicators joined by " = ", a theme merged with its own negative comments once, as
    "name (always negative)" (not "name = name (negative)")."""
    parts = driver.split(" = ")
    themes = {p.partition(":")[2] for p in parts if p.startswith("theme:")}
    words = []
    for part in parts:
        kind, _, value = part.partition(":")
        name = names.get(value, value)
        if kind == "negative" and value in themes:
            continue
        if kind == "theme" and f"negative:{value}" in parts:
            words.append(f"{name} (always negative)")
        elif kind in ("theme", "negative"):
            words.append(name + (" (negative)" if kind == "negative" else ""))
        else:
            words.append(f"{kind} {value}")
    return " = ".join(words)


def identical_note(dup: str, kept: str, names: dict[str, str]) -> str:
    """Why two indicators are reported as one driver, in theme names: "every unit raising
    'late delivery' has a negative comment on it", not "negative:20 is identical to theme:20"."""
    dup_kind, _, dup_value = dup.partition(":")
    kept_kind, _, kept_value = kept.partition(":")
    if {dup_kind, kept_kind} == {"theme", "negative"} and dup_value == kept_value:
        name = names.get(kept_value, kept_value)
        return (
            f"every unit raising '{name}' has a negative comment on it: the theme and its "
            f"negative comments are one driver, '{name} (always negative)'"
        )
    return (
        f"{driver_label(dup, names)} and {driver_label(kept, names)} hold on the same units: "
        "reported as one driver"
    )


#: How many left-out drivers a note names before it counts the rest.
NAMED_RARE = 5


def rare_note(rare: list[str], min_n: int, names: dict[str, str]) -> str:
    """The note on drivers left out for having fewer than `min_n` units, naming the first
    NAMED_RARE in words: "3 driver(s) with fewer than 30 units left out: late delivery,
    emotion fear and 1 more"."""
    named = [driver_label(driver, names) for driver in rare[:NAMED_RARE]]
    rest = len(rare) - len(named)
    listed = ", ".join(named) + (f" and {rest} more" if rest else "")
    return f"{len(rare)} driver(s) with fewer than {min_n} units left out: {listed}"


# --- indicators the model cannot tell apart -------------------------------------------------


def merge_identical(features: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Keep one of each set of identical indicator columns (they cannot be told apart)."""
    duplicated = features.T.duplicated()
    merged = []
    for name in features.columns[duplicated.to_numpy()]:
        kept = next(c for c in features.columns if features[c].equals(features[name]))
        merged.append((name, kept))
    aliases = {kept: [d for d, k in merged if k == kept] for _, kept in merged}
    renamed = {kept: " = ".join([kept, *dups]) for kept, dups in aliases.items()}
    return features.loc[:, ~duplicated.to_numpy()].rename(columns=renamed), merged


def dependent_drivers(features: pd.DataFrame) -> list[tuple[str, dict[str, float]]]:
    """The indicators that are a linear combination of the intercept and other indicators,
    each with that combination (``"1"``: the intercept): a set of themes of which every unit
    has exactly one sums to 1, so the model cannot tell their effects from the intercept.

    Indicators are taken from the rarest up, so the most common one of a set is the one
    found dependent (the reference, as for touchpoints); an incremental Cholesky factor of
    the kept ones' Gram matrix tells each next one's part outside their span."""
    design = np.column_stack([np.ones(len(features)), features.to_numpy(dtype=float)])
    gram, names = design.T @ design, ["1", *features.columns]
    basis, factor, found = [0], np.sqrt(gram[:1, :1]), []
    for column in 1 + np.argsort(design[:, 1:].sum(axis=0), kind="stable"):
        inside = linalg.solve_triangular(factor, gram[basis, column], lower=True)
        residual = gram[column, column] - inside @ inside
        if residual > 1e-8 * max(gram[column, column], 1.0):
            factor = np.block(
                [[factor, np.zeros((len(basis), 1))], [inside, np.sqrt([[residual]])]]
            )
            basis.append(int(column))
            continue
        weights = linalg.solve_triangular(factor.T, inside, lower=False)
        combination = {names[b]: float(w) for b, w in zip(basis, weights, strict=True)}
        found.append((str(names[column]), {k: w for k, w in combination.items() if abs(w) > 1e-6}))
    return found


def dependence_note(driver: str, combination: dict[str, float], names: dict[str, str]) -> str:
    """Why `driver` is left out (`combination`: from `dependent_drivers`): every unit has it,
    it is the reference of a set every unit has exactly one of, or it is fixed by others."""
    others = [d for d in combination if d != "1"]
    words = [driver_label(d, names) for d in [*others, driver]]
    weights = {d: round(w, 6) for d, w in combination.items()}
    if not others and weights.get("1") == 1.0:
        return f"every unit has {words[0]}: left out, there is no unit to compare it with"
    if weights.get("1") == 1.0 and all(weights[d] == -1.0 for d in others):
        return (
            f"every unit has exactly one of {', '.join(words)}: {words[-1]} (the most common) "
            "is the reference, left out; the others' effects are against it"
        )
    fixing = [*words[:-1], *(["the intercept"] if "1" in weights else [])]
    return (
        f"{words[-1]} is fixed by {', '.join(fixing)} (a linear combination): left out, its "
        "effect cannot be told apart from theirs"
    )


def separation_notes(
    features: pd.DataFrame, events: np.ndarray, event: str, names: dict[str, str]
) -> dict[str, str]:
    """Driver → note, for each indicator whose units all have the event or none do, or whose
    other units do (separation): its odds ratio has no finite estimate, and a penalised fit
    gives it one the data do not (anger OR 27.3, range 24.3 to 35.3, for an emotion no
    promoter felt)."""
    notes = {}
    for driver in features.columns:
        has = features[driver].to_numpy() > 0
        for side, units in (("with", events[has]), ("without", events[~has])):
            if len(units) and units.min() == units.max():
                share = "all" if units[0] else "none"
                notes[driver] = (
                    f"{share} of the {len(units)} units {side} {driver_label(driver, names)} "
                    f"have the event ({event}): separation, its odds ratio has no finite "
                    "estimate (the model's value is its penalty's); no range given"
                )
    return notes
