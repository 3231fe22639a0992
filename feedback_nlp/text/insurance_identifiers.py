"""Insurance numbers for :func:`feedback_nlp.text.identifiers.redact_ids` (all become ``<ID>``;
the label stays):

- a policy number after its label in German, French, Dutch, Italian, Spanish or Portuguese
  (``Policennummer 88123456``, ``numéro de police``, ``polisnummer``, ``numero di polizza``);
  the English ``policy number`` is a customer number (`feedback_nlp.text.identifiers`);
- a claim number after its label (``claim number is CLM-2024-00123``, ``Schadennummer``,
  ``numéro de sinistre``, ``schadenummer``, ``numero di sinistro``), or a code of capitals and
  digits right after a bare ``claim``, ``sinistre``, ``sinistro``, ``Schaden`` (``Claim
  CLM-2024-00123``, ``du sinistre CLM-2024-55123``);
- a vehicle plate of letters and digits after a plate word (``Kennzeichen B-XY 4321``,
  ``immatriculation AB-123-CD``, ``kenteken 12-ABC-3``, ``targa AB123CD``).

The value needs four digits (a plate: a digit and a capital letter), so "claim number one"
or "Kennzeichen falsch" stay.
"""

from __future__ import annotations

import re

from feedback_nlp.text.uk_identifiers import Labelled

_IS = r"[\s.:#°º-]*(?:(?:is|was|ist|war|lautet|est|es|è|era|=)\s+)?"
#: A reference of letters and digits: four digits or more, one space, "-" or "/" between groups.
_REFERENCE = (
    r"(?P<value>(?=(?:[A-Za-z/-]*\d){4})[A-Za-z0-9](?:[A-Za-z0-9]|[ /-](?=\d)){3,24})"
    r"(?![0-9A-Za-z]|[.,/]\d)"
)
_POLICY_LABEL = (
    r"policen-?(?:nummer|nr\.?)|polizzen-?(?:nummer|nr\.?)|"
    r"versicherungs(?:schein)?-?(?:nummer|nr\.?)|"
    r"(?:num[ée]ro|n°|nº) (?:de (?:la )?)?police|polis-?(?:nummer|nr\.?)|"
    r"numero (?:di |della )?polizza|polizza (?:n\.?|nr\.?|numero)|"
    r"n[úu]mero de (?:la )?p[óo]liza|p[óo]liza (?:n[º°.]?|nr\.?|n[úu]mero)|"
    r"n[úu]mero da ap[óo]lice|ap[óo]lice (?:n[º°.]?|n[úu]mero)"
)
_CLAIM_LABEL = (
    r"claims? ?(?:number|no\.?|nr\.?|ref(?:erence)?\.?|id|#)|"
    r"schadens?(?:fall)?-?(?:nummer|nr\.?)|"
    r"(?:num[ée]ro|n°|nº) (?:de |du )?sinistre|sinistre (?:n[°º.]?|num[ée]ro)|"
    r"schade-?(?:nummer|nr\.?)|schadedossiernummer|"
    r"numero (?:di |del )?sinistro|sinistro (?:n\.?|nr\.?|numero)|"
    r"n[úu]mero (?:de |del )?siniestro|siniestro (?:n[º°.]?|n[úu]mero)|n[úu]mero do sinistro"
)
_LABELLED_NUMBER = re.compile(rf"(?i)\b(?:{_POLICY_LABEL}|{_CLAIM_LABEL})(?!\w){_IS}{_REFERENCE}")
#: "Claim CLM-2024-00123", "du sinistre CLM-…": capitals, then digits ("claim 2024" is a year).
_BARE_CLAIM = re.compile(
    r"(?i)\b(?:claim|sinistre|sinistro|siniestro|schaden(?:fall)?|schade)[\s(#:]+"
    r"(?P<value>(?-i:[A-Z]{2,5})[-/]?\d[\d/-]{3,20}\d)(?![0-9A-Za-z])"
)
_PLATE_LABEL = (
    r"(?:kfz-|auto)?kennzeichen|nummernschild|immatriculation|plaque(?: d'immatriculation)?|"
    r"kenteken|nummerbord|targa|matr[íi]cula|tablica rejestracyjna"
)
#: Up to three groups of capitals and digits ("M-AB 1234", "AB-123-CD", "12-ABC-3").
_PLATE = re.compile(
    rf"(?i)\b(?:{_PLATE_LABEL})(?!\w)[\s.:#(-]*(?:(?:ist|war|est|è|es|is)\s+)?"
    r"(?P<value>(?-i:[A-Z0-9]{1,7}(?:[ -][A-Z0-9]{1,4}){0,2}))(?![0-9A-Za-z])"
)


def _plate_like(value: str) -> bool:
    """Five to nine letters and digits, with a digit and a letter each."""
    compact = re.sub(r"[ -]", "", value)
    return (
        5 <= len(compact) <= 9
        and any(c.isdigit() for c in compact)
        and any(c.isalpha() for c in compact)
    )


INSURANCE_LABELLED: Labelled = (
    (_LABELLED_NUMBER, lambda v: True, None),
    (_BARE_CLAIM, lambda v: True, None),
    (_PLATE, _plate_like, None),
)
