"""Posts by the company's own people in a forum or social export: staff, moderators, agents.

A community forum's export holds the customers' posts and the replies of the vendor's
support team side by side, told apart by a role column (`author_role`, `poster_type`,
`is_staff`, …; not a plain "role": a survey's respondents have jobs). Read as feedback, a
forum probe's 63 staff replies (31 % of the comments) became its top themes ("thanks for
reporting", the team's sign-off) and diluted every rate. They are rejected with the reason,
as the chat reader sets an agent's turns apart; the mapping's ``[options] keep_staff =
true`` keeps them.

A social export has no role column: the brand's replies ("please DM us your account number")
are told apart by their author, one of the handles the user declared as the brand's own
(``--keep-handle @Brand_Help``, ``PrepareStage(keep_handles=...)``). A probe's 38 such replies
became its top theme. :func:`brand_post_reasons` rejects them the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from feedback_nlp.text.people import handle_names

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
#: Headers of a column holding a post's author handle, besides the one read as
#: `respondent_id` (compared like ROLE_HEADERS; a nested JSON key's dots alike: "author.handle").
AUTHOR_HEADERS = frozenset({
    "author", "author handle", "author username", "author screen name", "user", "username",
    "user name", "user handle", "user screen name", "screen name", "handle", "profile",
    "account", "posted by", "from user",
})  # fmt: skip
_TRUE = frozenset({"true", "yes", "1", "y"})
_SEPARATORS = re.compile(r"[\s_.-]+")


def _header(column: object) -> str:
    """`column` as the header lists compare it: case-folded, ``_ - .`` and spaces alike."""
    return _SEPARATORS.sub(" ", str(column).strip().casefold())


def staff_reasons(raw: pd.DataFrame) -> tuple[str | None, pd.Series]:
    """The role column and a reason per row written by the company's side (NA elsewhere)."""
    reasons = pd.Series(pd.NA, index=raw.index, dtype="string")
    for column in raw.columns:
        header = _header(column)
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


def brand_post_reasons(
    raw: pd.DataFrame, brand_handles: Iterable[str], author_column: str | None = None
) -> tuple[str | None, pd.Series]:
    """The author column and a reason per row posted by one of `brand_handles` (the brand's
    own accounts, compared without ``@`` and case), NA elsewhere. `author_column` (the
    column read as `respondent_id`) is tried first, then the AUTHOR_HEADERS columns."""
    reasons = pd.Series(pd.NA, index=raw.index, dtype="string")
    names = handle_names(list(brand_handles))
    if not names:
        return None, reasons
    for column in _author_columns(raw, author_column):
        cells = raw[column].astype("string").str.strip()
        brand = cells.str.lstrip("@").str.lower().isin(names).fillna(False).astype(bool)
        if brand.any():
            reasons[brand] = (
                f"a post by an account of the brand ({column} '" + cells[brand] + "', a "
                "declared brand handle), not customer feedback ([options] keep_staff = true "
                "keeps it)"
            )
            return str(column), reasons
    return None, reasons


def _author_columns(raw: pd.DataFrame, author_column: str | None) -> list[str]:
    """`author_column` (when `raw` has it), then the columns with an AUTHOR_HEADERS header."""
    named = [c for c in raw.columns if c != author_column and _header(c) in AUTHOR_HEADERS]
    return ([author_column] if author_column in raw.columns else []) + named


def company_side_reasons(
    raw: pd.DataFrame, brand_handles: Iterable[str] = (), author_column: str | None = None
) -> list[tuple[str, pd.Series]]:
    """The column and reasons of each rule that found company posts: a role column's staff
    (:func:`staff_reasons`), then the brand's own handles (:func:`brand_post_reasons`)."""
    found = [staff_reasons(raw), brand_post_reasons(raw, brand_handles, author_column)]
    return [(column, reasons) for column, reasons in found if column is not None]
