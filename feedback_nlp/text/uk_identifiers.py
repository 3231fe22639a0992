"""UK identifiers a council's or public body's feedback holds, for
:func:`feedback_nlp.text.identifiers.redact_ids` (all become ``<ID>``; the label stays):

- a National Insurance number (``AB 12 34 56 C``, valid prefixes) anywhere in capitals, and in
  lower case after its label (``NINO jt 45 67 89 a``, ``NI number jt456789a``);
- a number after a public-service label: passport, driving licence, Blue Badge, NHS number,
  council tax reference or account, housing benefit reference (``Council tax ref: 4001 2345``);
- a bank account number written after a bare "account", "acc", "acct" or "a/c" near a sort
  code (``Sort code 20-00-00, account 41234567``, ``sort code 40-47-84 acc 31926819``; the sort
  code names a branch and stays);
- an address: a house number, street words and a full postcode (``12 Albany Road CF24 3RW``
  becomes ``<ID>``); a postcode alone (``SW1A 1AA London``) is a place for about fifteen
  addresses and stays;
- a current-format vehicle plate (``CY19 KDF``) after a word of a car (``reg``,
  ``registration``, ``plate``, ``permit for``, ``car``, ``van``, ``vehicle``), also in
  brackets (``my car (WX19 KLM)``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: A UK National Insurance number in capitals (prefixes that are never issued left out).
NINO = re.compile(
    r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
)
_IS = r"[\s.:#°-]*(?:(?:is|was|number|no\.?)\s+)?"
_LABELLED_NINO = re.compile(
    r"(?i)\b(?:nino|ni[ -]?(?:number|no\.?|nr\.?)|national insurance(?: number| no\.?)?|"
    rf"rhif yswiriant gwladol){_IS}(?P<value>[a-z]{{2}} ?\d{{2}} ?\d{{2}} ?\d{{2}} ?[a-d])"
    r"(?![0-9A-Za-z])"
)
#: A public service's number label: the service and a word of a number ("council tax 2024"
#: and "NHS 111" are no ids).
_PUBLIC_LABEL = (
    r"(?:driving licen[cs]e|driver'?s licen[cs]e|blue badge|nhs|council tax|housing benefit|"
    r"benefit claim|treth gyngor)[ -]?(?:number|no\.?|nr\.?|ref\.?|reference|account|#|"
    r"account (?:number|no\.?|ref\.?|reference))"
    r"|cyfeirnod treth gyngor|passport(?:[ -]?(?:number|no\.?|nr\.?|#))?|rhif pasbort"
)
_PUBLIC_ID = re.compile(
    rf"(?i)\b(?:{_PUBLIC_LABEL})(?!\w){_IS}"
    r"(?P<value>(?=(?:[A-Za-z -]*\d){6})[A-Za-z0-9](?:[A-Za-z0-9]|[ -](?=\d)){5,24})"
    r"(?![0-9A-Za-z]|[.,]\d)"
)
_BARE_ACCOUNT = re.compile(
    r"(?i)(?<![\w/])(?:bank )?(?:account|acct|acc|a/c)\.?[\s.:#-]*(?:(?:is|was)\s+)?"
    r"(?P<value>\d{6,10})(?![0-9A-Za-z]|[.,]\d)"
)
_SORT_CODE = re.compile(r"(?i)\bsort[ -]?code\b")
_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?(?!\d[TGP]B\b)\d[ABD-HJLNP-UW-Z]{2}"  # not "PS5 1TB"
_STREET_WORD = r"(?:[A-Z][\w'’-]*|y|yr|the|of|upon|on|le|la|de),?"
_ADDRESS = re.compile(
    rf"(?<![\w/.,-])(?P<value>\d{{1,4}}[A-Za-z]?,?(?:[ \t]+{_STREET_WORD}){{1,6}}[ \t]+"
    rf"{_POSTCODE})(?!\w)"
)
_PLATE = re.compile(
    r"(?i)\b(?:reg|registration|plate|permit for|car|van|vehicle|motorbike)\b"
    r"(?:[\s.:#-]+[^\W\d_]+){0,2}?[\s.:#(-]+"  # "my car (WX19 KLM)"
    r"(?P<value>(?-i:[A-Z]{2}\d{2} ?[A-Z]{3}))(?![0-9A-Za-z])"
)


def _near_sort_code(text: str, start: int) -> bool:
    """A sort code within 60 characters of `start`, before or after."""
    return _SORT_CODE.search(text, max(0, start - 60), start + 60) is not None


#: Pattern, check of the value, check of the context (the text and the value's start).
Labelled = tuple[
    tuple[re.Pattern[str], Callable[[str], bool], Callable[[str, int], bool] | None], ...
]
UK_LABELLED: Labelled = (
    (_LABELLED_NINO, lambda v: NINO.fullmatch(v.upper()) is not None, None),
    (_PUBLIC_ID, lambda v: sum(c.isdigit() for c in v) >= 6, None),  # the value's own digits
    (_BARE_ACCOUNT, lambda v: True, _near_sort_code),
    (_ADDRESS, lambda v: True, None),
    (_PLATE, lambda v: True, None),
)
