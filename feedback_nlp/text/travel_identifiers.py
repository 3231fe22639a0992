"""Travel references for :func:`feedback_nlp.text.identifiers.redact_ids` (``<ID>``; the label
stays), each only after its label (since stop 53, an airline's probe):

- a booking reference (PNR) after ``PNR``, ``booking reference``, ``Numéro de réservation``,
  ``Codice prenotazione``, ``Localizador``, ``Boekingscode``, ``Buchungsnummer`` …: five to
  eight letters and digits with a digit, or six capitals (``X7K9QL``, ``QWERTY``);
- a lost-baggage file after a bag's label (``Lost baggage file AMSKL12345``, ``PIR``,
  ``dossier bagage``, ``pratica bagaglio``), or a WorldTracer reference (three letters, two
  letters or digits, five digits) after a bare ``reference``, ``file reference``,
  ``referencia`` … with a word of a bag nearby (``referencia FCOSK27349`` of a lost suitcase);
- a frequent-flyer number after its label or programme (``Frequent flyer number``,
  ``Flying Blue``, ``Miles & More``); a number of miles or points stays;
- a 13-digit airline ticket number after ``ticket number``, ``e-ticket`` (a help desk's
  shorter ticket number stays).

A flight number (``AB1234``), a seat (``14C``), an airport code or ``EU261`` has no such label
and stays.
"""

from __future__ import annotations

import re

from feedback_nlp.text.common_words import is_common_word
from feedback_nlp.text.loyalty_identifiers import is_date_shape
from feedback_nlp.text.uk_identifiers import Labelled

_IS = r"[\s.:#°º-]*(?:(?:is|was|ist|war|lautet|est|es|è|era|é|jest|=)\s+)?"
_END = r"(?![0-9A-Za-z]|[.,/]\d)"
_NUMBER_WORD = r"(?:number|no\.?|nr\.?|#|code|ref\.?|reference)"

#: Labels of a booking reference (PNR), in the languages of the project.
BOOKING_LABEL = (
    rf"pnr(?: {_NUMBER_WORD})?|booking (?:reference|ref\.?|code|number|no\.?|id)|"
    r"reservation (?:code|number|no\.?|reference|ref\.?)|record locator|"
    r"confirmation (?:number|no\.?)|"
    r"(?:num[ée]ro|code|r[ée]f[ée]rence) (?:de (?:la |votre )?|du )?(?:r[ée]servation|dossier)|"
    r"(?:codice|numero) (?:di |della )?prenotazione|localizador(?: de (?:la )?reserva)?|"
    r"(?:c[óo]digo|n[úu]mero|referencia) (?:de |da |del )?(?:la )?reserva|"
    r"boekings(?:code|nummer|referentie)|reserverings(?:code|nummer)|"
    r"buchungs(?:nummer|code|referenz)|reservierungs(?:nummer|code)|"
    r"(?:numer|kod) rezerwacji"
)
#: Labels of a lost or damaged bag's file.
BAGGAGE_LABEL = (
    r"(?:(?:lost|delayed|missing|damaged|mishandled) )?(?:baggage|luggage|bag)(?: claim)? "
    rf"(?:file|report|claim|reference|ref\.?|case)(?: {_NUMBER_WORD})?|"
    rf"pir(?: {_NUMBER_WORD})?|property irregularity report|worldtracer(?: {_NUMBER_WORD})?|"
    r"(?:num[ée]ro |r[ée]f[ée]rence )?(?:de |du )?dossier(?: de)? bagages?|"
    r"(?:numero (?:di |della )?)?pratica (?:bagaglio|bagagli|smarrimento)|"
    r"(?:expediente|referencia|n[úu]mero) (?:de |del )?(?:equipaje|maleta)|"
    r"gep[äa]ck-?(?:nummer|referenz|akte|ermittlungsnummer)|bagagedossier|"
    r"processo (?:de |da )?bagagem"
)
#: Bare reference words before a WorldTracer file (``referencia FCOSK27349``).
_REFERENCE_WORD = (
    r"file (?:reference|ref\.?|number|no\.?)|reference|ref\.?|referencia|r[ée]f[ée]rence|"
    r"riferimento|referentie|referenz|refer[êe]ncia"
)
#: Frequent-flyer labels and programmes.
FLYER_LABEL = (
    r"frequent[ -]?fl[yi]er(?: (?:card |membership |member )?(?:number|no\.?|#|id))?|"
    r"ff (?:number|no\.?|#)|vielflieger-?(?:nummer|nr\.?)|"
    r"num[ée]ro (?:de )?(?:fid[ée]lit[ée]|grand voyageur|flying blue)|"
    r"n[úu]mero (?:de )?viajero frecuente|"
    r"(?:flying blue|miles ?(?:&|and) ?more|executive club|aadvantage|mileageplus|skywards|"
    r"krisflyer|eurobonus|iberia plus|miles ?(?:&|and) ?smiles|asia miles|skymiles|"
    r"millemiglia|volare)(?: (?:membership |member |card )?(?:number|no\.?|nr\.?|#|id|nummer))?"
)
#: Labels of an airline ticket ("e-ticket", "ticket number", "numéro de billet").
TICKET_LABEL = (
    r"e-?ticket(?: (?:number|no\.?|nr\.?|#))?|ticket(?: (?:number|no\.?|nr\.?|#))?|"
    r"ticketnummer|num[ée]ro (?:de |du )?billet|n[úu]mero (?:de |del |do )?(?:billete|bilhete)|"
    r"numero (?:del |di )?biglietto|numer biletu"
)
_BOOKING = re.compile(
    rf"(?i)\b(?:{BOOKING_LABEL})(?: {_NUMBER_WORD})?(?!\w){_IS}"
    rf"(?P<value>[A-Za-z0-9]{{5,8}}|\d(?:[ -]?\d){{5,15}}){_END}"
)
_WORLDTRACER = r"[A-Za-z]{3}[A-Za-z0-9]{2}\d{5}"
_BAGGAGE = re.compile(
    rf"(?i)\b(?:{BAGGAGE_LABEL})(?!\w){_IS}"
    rf"(?P<value>{_WORLDTRACER}|(?=(?:[A-Za-z-]*\d){{4}})[A-Za-z0-9](?:[A-Za-z0-9]|-(?=\d)){{3,20}})"
    rf"{_END}"
)
_REFERENCED_BAG_FILE = re.compile(
    rf"(?i)\b(?:{_REFERENCE_WORD})(?!\w){_IS}(?P<value>{_WORLDTRACER}){_END}"
)
_FLYER = re.compile(
    rf"(?i)\b(?:{FLYER_LABEL})(?!\w){_IS}"
    rf"(?P<value>[A-Za-z]{{0,3}}\d(?:[ -]?\d){{5,17}}){_END}"
    r"(?!\s*(?:miles|points|avios|meilen|punkte|punti|puntos|pontos|milhas|km)\b)"
)
_TICKET = re.compile(
    rf"(?i)\b(?:{TICKET_LABEL})(?!\w){_IS}(?P<value>\d{{3}}[ -]?\d{{10}}(?:-\d)?){_END}"
)


#: A word of a bag, near a WorldTracer reference after a bare "reference".
_BAG_WORD = re.compile(
    r"(?i)bag|luggage|suitcase|maleta|equipaje|valise|valigi|koffer|gep[äa]ck|mala\b|walizk|"
    r"baga[żz]"
)


def _bag_near(text: str, start: int) -> bool:
    """A word of a bag within 80 characters of `start`, before or after."""
    return _BAG_WORD.search(text, max(0, start - 80), start + 90) is not None


_BOOKING_WORD = re.compile(rf"(?i)\b(?:{BOOKING_LABEL})(?!\w)")


def may_hold_letter_reference(text: str) -> bool:
    """Whether `text` has a booking label, so a PNR of six capitals ("Localizador QWERTY")
    may follow: a cheap test for a text with no digit."""
    return _BOOKING_WORD.search(text) is not None


def _booking_like(value: str) -> bool:
    """A PNR or booking number: holds a digit, or is six capitals that are no common word
    ("QWERTY", not "CANCEL" or "URGENT")."""
    if any(c.isdigit() for c in value):
        return True
    return len(value) == 6 and value.isupper() and not is_common_word(value)


def _flyer_number(value: str) -> bool:
    """A frequent-flyer number: six digits or more, no date or year range ("2023 2024")."""
    return sum(c.isdigit() for c in value) >= 6 and not is_date_shape(value)


TRAVEL_LABELLED: Labelled = (
    (_BOOKING, _booking_like, None),
    (_BAGGAGE, lambda v: True, None),
    (_REFERENCED_BAG_FILE, lambda v: True, _bag_near),
    (_FLYER, _flyer_number, None),
    (_TICKET, lambda v: True, None),
)
