"""Posts by the company's own people in a forum or social export: staff, moderators, agents.

A community forum's export holds the customers' posts and the replies of the vendor's
support team side by side, told apart by a role column (`author_role`, `poster_type`,
`is_staff`, …; not a plain "role": a survey's respondents have jobs). Read as feedback, a
forum probe's 63 staff replies (31 % of the comments) became its top themes ("thanks for
reporting", the team's sign-off) and diluted every rate. They are rejected with the reason,
as the chat reader sets an agent's turns apart; the mapping's ``[options] keep_staff =
true`` keeps them.
"""

from __future__ import annotations

import re

import pandas as pd

#: Headers of a column that says who wrote a post (compared case-folded, `_`/`-`/space alike).
#: A plain "role" or "user type" is left alone: a B2B survey's "Role" is the respondent's job
#: (Developer, Admin, Support), not the company's side.
ROLE_HEADERS = frozenset({
    "author role", "author type", "poster role", "poster type", "author badge", "is staff",
    "is employee", "author is staff", "from staff",
})  # fmt: skip
#: Role values of the company's side (whole cell, case-folded).
STAFF_ROLES = frozenset({
    "staff", "moderator", "mod", "admin", "administrator", "employee", "agent", "support",
    "support team", "team", "official", "brand", "company", "vendor", "community manager",
    "community team", "developer", "dev", "customer service", "customer care",
})  # fmt: skip
_TRUE = frozenset({"true", "yes", "1", "y"})
_SEPARATORS = re.compile(r"[\s_-]+")


def staff_reasons(raw: pd.DataFrame) -> tuple[str | None, pd.Series]:
    """The role column and a reason per row written by the company's side (NA elsewhere)."""
    reasons = pd.Series(pd.NA, index=raw.index, dtype="string")
    for column in raw.columns:
        header = _SEPARATORS.sub(" ", str(column).strip().casefold())
        if header not in ROLE_HEADERS:
            continue
        cells = raw[column].astype("string").str.strip()
        values = cells.str.casefold()
        flag_column = header.startswith(("is ", "from ", "author is"))
        staff = values.isin(_TRUE if flag_column else STAFF_ROLES).fillna(False).astype(bool)
        if staff.any():
            reasons[staff] = (
                f"a post by the company's side ({column} '" + cells[staff] + "'), not customer "
                "feedback ([options] keep_staff = true keeps it)"
            )
            return str(column), reasons
    return None, reasons
