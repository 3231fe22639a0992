"""Job titles and departments that sign a hotel's or a shop's reply, for
:mod:`feedback_nlp.text.people` and :mod:`feedback_nlp.text.people_salutations` (since stop 53,
hotel-chain probe): "Kind regards, John Smith, General Manager" signs a person whose title
stays; "Kind regards, Front Office" or "Warm regards, Guest Relations" signs a department,
no person."""

from __future__ import annotations

import re

#: Words of a job title or a department, in lower case, in the languages of the cues.
ROLE_WORDS = frozenset(
    """manager managers director directors directeur directrice directora direttore
    direttrice gerente gérant gérante geschäftsführer geschäftsführerin leiter leiterin
    leitung hoteldirektor hoteldirektorin direktor direktorin directeur-général responsable
    responsabile manager-in-charge gm ceo coo owner owners proprietor propriétaire
    propietario proprietario eigentümer inhaber inhaberin host hostess hosts concierge
    receptionist réceptionniste recepcionista rezeptionist rezeptionistin receptionista
    supervisor coordinator coordinatrice coordinador coordinadora executive officer assistant
    assistante agent agents representative ambassador relations office reception réception
    recepción recepcion rezeption empfang receptie desk frontdesk management department
    departement operations housekeeping reservations reservierung réservations reservas
    prenotazioni direction direzione dirección direccion directie bedrijfsleider team teams
    équipe equipo squadra staff service services care support receção recepção recepcao
    atendimento kundenservice kundendienst hotel hotels hostel resort restaurant
    ristorante""".split()  # noqa: SIM905
)
#: Endings of German and Dutch compounds that name a department ("Rezeptionsteam").
_ROLE_ENDINGS = ("team", "service", "leitung", "rezeption", "abteilung", "receptie", "directie")
#: Possessives before a signed department or hotel ("Ihr Rezeptionsteam", "Votre équipe").
_POSSESSIVES = frozenset(
    """ihr ihre euer eure dein deine votre vos su sus vostro vostra uw jullie seu sua
    vosso""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def role_words(text: str) -> list[str]:
    """The words of `text` (lower case) that belong to a job title or a department."""
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w in ROLE_WORDS]


def is_department(words: list[str]) -> bool:
    """Whether signed `words` name a role, a department or a hotel ("Front Office", "Guest
    Relations", "Ihr Rezeptionsteam"), not a person: a role word, or a possessive first."""
    lowered = [w.lower().strip("'’-.") for w in words]
    if lowered and lowered[0] in _POSSESSIVES:
        return True
    return any(w in ROLE_WORDS or w.endswith(_ROLE_ENDINGS) for w in lowered)


def names_a_role(text: str) -> bool:
    """Whether `text`, what follows a signed name after a comma, is a job title or a
    department ("General Manager", "Front Office Manager", "Directeur", "Guest Relations")."""
    return bool(role_words(text))
