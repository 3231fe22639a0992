"""The words of an outcome's name (`name_words`) and the bad side they say when ``bad=`` is not
given: `named_bad_side` for a numeric outcome's name, `default_bad` for every kind."""

from __future__ import annotations

import itertools
import re

#: Words of a numeric outcome's name that say which side is bad when ``bad=`` is not given:
#: the good side's (a rating, a saving, a resolution, "on time", work done or a failure avoided:
#: low is bad) win over a burden's (a time, a cost, an effort: high is bad). Units (rate, pct,
#: share) say neither.
GOOD_SIDE_WORDS = frozenset(
    {"star", "stars", "rating", "ratings", "score", "satisfaction", "satisfied", "saved"}
    | {"saving", "savings", "resolved", "solved", "fixed", "ontime", "punctuality", "retention"}
    | {"answered", "handled", "closed", "processed", "ok", "avoided", "prevented", "free"}
    | {"success", "successful", "completed", "uptime"}
)
BURDEN_WORDS = frozenset(
    {"time", "wait", "waiting", "delay", "delays", "duration", "minutes", "mins", "hours"}
    | {"seconds", "cost", "costs", "effort", "complaint", "complaints", "churn", "error", "errors"}
)
#: Words that make a burden likely but not certain (``calls`` may be calls answered,
#: ``returns`` an investment's): high is bad by default, assumed, never named (`default_bad`).
LIKELY_BURDEN_WORDS = frozenset(
    {"downtime", "outage", "outages", "defect", "defects", "bug", "bugs", "late", "returns"}
    | {"returned", "cancellations", "escalations", "contacts", "calls", "tickets", "failures"}
)
#: Words that turn a good-side word around ("not_resolved"): the name is then ambiguous.
NEGATIONS = frozenset({"not", "no", "non", "without", "never"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def name_words(name: str) -> set[str]:
    """The lower-case words of a column name, camelCase and separators split, "on time" as
    ``ontime``: ``avgHandleTimeMinutes`` -> {avg, handle, time, minutes}."""
    words = re.split(r"[^a-z]+", _CAMEL.sub(" ", name).lower())
    joined = {a + b for a, b in itertools.pairwise(words) if (a, b) == ("on", "time")}
    return (set(words) | joined) - {""}


def named_bad_side(name: str) -> str | None:
    """The bad side a numeric outcome's name says ('low' for ``on_time_rate``,
    ``time_saved_minutes``; 'high' for ``waitTime``), or None when it says none or is
    ambiguous (``not_resolved``)."""
    words = name_words(name)
    if words & GOOD_SIDE_WORDS:
        return None if words & NEGATIONS else "low"
    return "high" if words & BURDEN_WORDS else None


def default_bad(name: str, kind: str) -> str:
    """The bad side of a numeric, duration or count outcome without ``bad=``: 'high' for
    durations and counts, the side a numeric outcome's name says (`named_bad_side`), else
    'high' for a name with a burden word or a likely one (``defects``) and 'low' for any other
    (``spend``), assumed."""
    if kind != "numeric":
        return "high"
    burdens = BURDEN_WORDS | LIKELY_BURDEN_WORDS
    return named_bad_side(name) or ("high" if name_words(name) & burdens else "low")
