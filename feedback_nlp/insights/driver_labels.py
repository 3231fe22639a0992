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
