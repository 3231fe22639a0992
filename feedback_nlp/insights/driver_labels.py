"""Key drivers in words: their labels and the notes on indicators merged into one driver.

Indicators are ``theme:<id>``, ``negative:<id>``, ``emotion:<label>`` and
``touchpoint:<name>`` (`insights.drivers`); identical ones are merged as "a = b". Readers see
theme names, and a theme merged with its own negative comments once.
"""

from __future__ import annotations


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
