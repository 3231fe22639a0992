"""Energy and water supply numbers for :func:`feedback_nlp.text.identifiers.redact_ids`
(``<ID>``; the label stays), each only after its label (since stop 53, an energy supplier's
probe):

- a UK supply number: ``MPAN 1200012345678`` (13 or 21 digits), ``MPRN 1234567890``;
- a meter's serial or number (``Meter serial E10BG12345``, ``meter number 19K0123456``,
  ``Zählernummer``, ``numéro de compteur``, ``número de contador``, ``meternummer``,
  ``numer licznika``), with four digits or more;
- a German, Spanish, French or Italian supply point or contract account (``Zählpunkt
  DE000…``, ``Marktlokations-ID``, ``Vertragskonto``, ``CUPS ES0021…``, ``PDL``, ``codice
  POD``).

A reading (``Zählerstand 12345 kWh``, ``meter reading 0123456789``), an amount or a use in
kWh has no such label and stays.
"""

from __future__ import annotations

import re

from feedback_nlp.text.uk_identifiers import Labelled

_IS = r"[\s.:#°º-]*(?:(?:is|was|ist|war|lautet|est|es|è|era|é|jest|=)\s+)?"
_END = r"(?![0-9A-Za-z]|[.,/]\d)"
#: A code of letters and digits, single spaces, "/" or "-" before digits ("G4A 00123456 7890").
_CODE = rf"(?P<value>[A-Za-z0-9](?:[A-Za-z0-9]|[ /-](?=\d)){{3,40}}){_END}"

#: Labels of a meter or a supply point.
METER_LABEL = (
    r"(?:(?:gas|electricity|electric|smart|water) )?meter (?:serial(?: number| no\.?)?|"
    r"number|no\.?|id|msn)|meter point (?:administration |reference )?(?:number|no\.?)|"
    r"supply (?:number|no\.?)|mprn(?: (?:number|no\.?))?|mpan(?: (?:number|no\.?))?|"
    r"z[äa]hler-?(?:nummer|nr\.?)|z[äa]hlpunkt(?:bezeichnung|nummer)?|"
    r"(?:markt|mess)lokation(?:s-?(?:id|nummer))?|(?:malo|melo)-?id|"
    r"vertragskonto(?:nummer)?|n[úu]mero (?:de |del )?(?:contador|suministro)|"
    r"num[ée]ro (?:de |du )?(?:compteur|pdl|pce|point de livraison)|point de livraison|pdl|"
    r"(?:numero|matricola) (?:del )?contatore|codice (?:pod|pdr)|meternummer|"
    r"numer (?:licznika|ppe)"
)
_METER = re.compile(rf"(?i)\b(?:{METER_LABEL})(?!\w){_IS}{_CODE}")
#: A Spanish supply point (CUPS): ES, 16 digits, two check letters, maybe a border point.
_CUPS = re.compile(
    rf"(?i)\bcups(?!\w){_IS}(?P<value>ES ?\d{{4}} ?\d{{4}} ?\d{{4}} ?\d{{4}} ?[A-Z]{{2}}"
    rf"(?:\d[A-Z])?){_END}"
)


def _has_four_digits(value: str) -> bool:
    """Four digits or more: "meter number 3" or "Zähler-Nr. fehlt" is no number."""
    return sum(c.isdigit() for c in value) >= 4


UTILITY_LABELLED: Labelled = (
    (_METER, _has_four_digits, None),
    (_CUPS, lambda v: True, None),
)
