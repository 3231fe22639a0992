"""Patient numbers for :func:`feedback_nlp.text.identifiers.redact_ids` (all become ``<ID>``;
the label stays):

- a hospital or record number after its label (``MRN 00482913``, ``Hospital no. K1234567``,
  ``medical record number``, ``patient ID``, ``Patientennummer``): six digits or more;
- an NHS number after a bare ``NHS`` (``NHS: 9434765919``) or before ``is my NHS number``
  when its mod-11 check digit holds ("NHS 111" stays; ``NHS number`` itself is a
  public-service label of `feedback_nlp.text.uk_identifiers`), and ten digits after the
  Welsh ``rhif GIG`` ("NHS number");
- a Scottish CHI number (ten digits, a date first) after ``CHI`` or ``CHI number``;
- a Polish PESEL (eleven digits) after ``PESEL``.
"""

from __future__ import annotations

import re

from feedback_nlp.text.uk_identifiers import Labelled

_IS = r"[\s.:#°º-]*(?:(?:is|was|ist|est|es|è|to)\s+)?"
_RECORD_LABEL = (
    r"mrn|m\.r\.n\.?|medical records? (?:number|no\.?|nr\.?|#)|"
    r"(?:hospital|patient|hosp\.?) (?:number|no\.?|nr\.?|id|#)|case ?notes? number|"
    r"patienten-?(?:nummer|nr\.?)|num[ée]ro (?:de )?patient|n[úu]mero de (?:paciente|historia)|"
    r"numero (?:di |del )?paziente"
)
_RECORD = re.compile(
    rf"(?i)\b(?:{_RECORD_LABEL})(?!\w){_IS}"
    r"(?P<value>[A-Za-z]{0,3}\d[0-9A-Za-z]{4,13})(?![0-9A-Za-z]|[.,/]\d)"
)
_TEN_DIGITS = r"(?P<value>\d{3}[ -]?\d{3}[ -]?\d{4})(?![0-9A-Za-z]|[.,/-]\d)"
_NHS = re.compile(rf"(?i)\bnhs(?!\w){_IS}{_TEN_DIGITS}")
_WELSH_NHS = re.compile(rf"(?i)\brhif (?:gig|iechyd)(?!\w){_IS}{_TEN_DIGITS}")  # "NHS number"
_NHS_AFTER = re.compile(
    r"(?i)(?<![\w+/.,-])(?P<value>\d{3}[ -]?\d{3}[ -]?\d{4}),?\s+(?:is|was)\s+"
    r"(?:my|his|her|their|the|our)\s+nhs\s+(?:number|no\b)"
)
_CHI = re.compile(
    rf"(?:\b(?i:chi (?:number|no\.?|nr\.?))|\bCHI)(?!\w){_IS}"
    r"(?P<value>\d{10})(?![0-9A-Za-z]|[.,/-]\d)"
)
_PESEL = re.compile(rf"(?i)\b(?:numer )?pesel(?!\w){_IS}(?P<value>\d{{11}})(?![0-9A-Za-z]|[.,]\d)")


def nhs_number_valid(value: str) -> bool:
    """Ten digits whose last is the mod-11 check of the nine before (weights 10 … 2)."""
    digits = re.sub(r"\D", "", value)
    if len(digits) != 10:
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    return check != 10 and check % 11 == int(digits[9])


def _record_number_like(value: str) -> bool:
    """Six digits or more, not a UK phone ("hospital number 01214242000")."""
    return sum(c.isdigit() for c in value) >= 6 and re.fullmatch(r"0\d{9,10}", value) is None


def _chi_date_valid(value: str) -> bool:
    """A CHI number starts with the birth date, DDMMYY."""
    return 1 <= int(value[:2]) <= 31 and 1 <= int(value[2:4]) <= 12


HEALTH_LABELLED: Labelled = (
    (_RECORD, _record_number_like, None),
    (_NHS, nhs_number_valid, None),
    (_NHS_AFTER, nhs_number_valid, None),
    (_WELSH_NHS, lambda v: True, None),
    (_CHI, _chi_date_valid, None),
    (_PESEL, lambda v: True, None),
)
