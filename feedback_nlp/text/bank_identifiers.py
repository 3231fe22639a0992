"""Bank account numbers for :func:`feedback_nlp.text.identifiers.redact_ids` (``<ID>``; the
label stays), since stop 53 (a bank's chat probe):

- after an account label in Polish, Portuguese, German, Dutch or Italian (``numer konta``,
  ``nr rachunku``, ``número de conta``, ``NIB``, ``Kontonummer``, ``rekeningnummer``,
  ``numero di conto``): eight digits or more, grouped or not (a Polish NRB of 26 digits,
  ``12 1090 1014 0000 0712 1981 2874``);
- after a bare ``account``, ``acc``, ``acct`` or ``a/c`` (``Acc 8512345678``, ``a/c
  31926819``): eight digits or more; six or seven only near a sort code
  (`feedback_nlp.text.uk_identifiers`);
- after a bare ``konto``, ``rachunek``, ``conta``, ``cuenta``, ``compte`` or ``conto``: 16
  digits or more (``przelew na konto 12 1090 …``).

The English ``account number`` is a customer number (`feedback_nlp.text.identifiers`). An
amount (``£1,234.56``, ``1.234,56 €``) has no digits run of eight and stays, and so do a date
or year range (``account 2019-2024``, ``acc 01-01-2024``, as the loyalty rule reads them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from feedback_nlp.text.loyalty_identifiers import is_date_shape
from feedback_nlp.text.uk_identifiers import Labelled

_IS = r"[\s.:#°º-]*(?:(?:is|was|ist|war|lautet|est|es|è|era|é|jest|=)\s+)?"
_DIGITS = r"(?P<value>\d(?:[ -]?\d){5,33})(?![0-9A-Za-z]|[.,/]\d)"

#: Account labels with a word of a number (or a bank's own name of the number: NIB, NRB).
ACCOUNT_NUMBER_LABEL = (
    r"(?:numer|nr\.?) (?:konta|rachunku)(?: bankowego)?|"
    r"n[úu]mero (?:de |da )?conta|conta (?:n[º°.]?|n[úu]mero)|nib|nrb|"
    r"konto-?(?:nummer|nr\.?)|kto\.?-?nr\.?|rekening-?(?:nummer|nr\.?)|"
    r"numero (?:di |del )?conto(?: corrente)?|conto corrente(?: n\.?)?|"
    r"acc(?:oun)?t?\.? (?:no\.?|nr\.?|number|#)|a/c (?:no\.?|number)"
)
#: A bare English word of an account (eight digits or more after it).
BARE_ACCOUNT_LABEL = r"(?:bank )?(?:account|acct|acc|a/c)"
_FOREIGN_ACCOUNT_WORD = r"konto|konta|rachunek|rachunku|conta|cuenta|compte|conto|rekening"

_LABELLED_ACCOUNT = re.compile(rf"(?i)(?<![\w/])(?:{ACCOUNT_NUMBER_LABEL})(?!\w){_IS}{_DIGITS}")
_BARE_ACCOUNT = re.compile(rf"(?i)(?<![\w/])(?:{BARE_ACCOUNT_LABEL})\.?(?!\w){_IS}{_DIGITS}")
_FOREIGN_BARE_ACCOUNT = re.compile(
    rf"(?i)(?<![\w/])(?:{_FOREIGN_ACCOUNT_WORD})(?!\w){_IS}{_DIGITS}"
)


def _digits(least: int) -> Callable[[str], bool]:
    """A check that a value holds at least `least` digits and is no date or year range."""
    return lambda value: sum(c.isdigit() for c in value) >= least and not is_date_shape(value)


BANK_LABELLED: Labelled = (
    (_LABELLED_ACCOUNT, _digits(8), None),
    (_BARE_ACCOUNT, _digits(8), None),
    (_FOREIGN_BARE_ACCOUNT, _digits(16), None),
)
