"""Who speaks in a contact-centre turn or transcript line: the customer's side or the agent's.

A per-turn export says it in a speaker column ("Agent", "Customer"); a transcript in one cell
says it at the start of each line ("Agent: Thank you for calling"). Both are read with the
same words, in English, Spanish, Portuguese, German, French, Italian and Dutch (compared
case-folded, `_`/`-` as spaces, a trailing number left out: "Agent 2", "agent_1"). A
transcript line's label may add a name ("Supervisor Kim", "Agente María"): :func:`role_key`.
"""

from __future__ import annotations

import re
from typing import Literal

Side = Literal["customer", "agent"]

#: Speakers of the customer's side.
CUSTOMER_LABELS = frozenset({
    "customer", "caller", "client", "user", "end user", "visitor", "consumer", "member",
    "guest", "contact", "requester", "lead", "subscriber",
    "cliente", "usuario", "usuaria", "llamante", "consumidor", "consumidora",  # es, pt, it
    "usuário", "usuária", "utilizador", "utilizadora",  # pt
    "kunde", "kundin", "anrufer", "anruferin", "nutzer", "nutzerin", "benutzer",  # de
    "appelant", "appelante", "utilisateur", "utilisatrice", "abonné", "abonnée",  # fr
    "utente", "chiamante",  # it
    "klant", "beller", "gebruiker", "bezoeker",  # nl
})  # fmt: skip
#: Speakers of the company's side: agents, bots, the phone system.
AGENT_LABELS = frozenset({
    "agent", "advisor", "adviser", "rep", "representative", "operator", "bot", "chatbot",
    "virtual agent", "virtual assistant", "assistant", "system", "ivr", "support", "staff",
    "csr", "associate", "specialist", "consultant", "supervisor", "admin", "team",
    "teammate", "employee", "moderator", "customer service", "customer care",
    "agente", "asesor", "asesora", "operador", "operadora", "ejecutivo", "ejecutiva",  # es, pt
    "representante", "sistema", "asistente", "gestor", "gestora",  # es
    "atendente", "consultor", "consultora", "assistente",  # pt, it
    "mitarbeiter", "mitarbeiterin", "berater", "beraterin", "kundenberater",  # de
    "kundenberaterin", "kundenbetreuer", "kundenbetreuerin", "servicemitarbeiter",
    "conseiller", "conseillère", "opérateur", "opératrice", "système", "téléconseiller",  # fr
    "téléconseillère",
    "operatore", "operatrice", "consulente",  # it
    "medewerker", "adviseur", "systeem", "klantenservice",  # nl
})  # fmt: skip
#: Speaker words that also head a form's fields or the aspects a survey rates ("Member: Gold",
#: "Staff: friendly", "Support: slow"): a cell whose labels are all such is no transcript.
FIELD_LIKE_LABELS = frozenset({
    "member", "guest", "user", "end user", "contact", "lead", "subscriber", "visitor",
    "staff", "support", "team", "system", "admin", "employee", "customer service",
    "customer care", "specialist", "consultant", "associate",
})  # fmt: skip
_SEPARATORS = re.compile(r"[\s_-]+")
_NUMBERED = re.compile(r"\s*#?\d+$")


def label_key(label: object) -> str:
    """`label` as the word lists hold it: case-folded, `_`/`-` as spaces, no trailing number."""
    text = _SEPARATORS.sub(" ", str(label).strip().casefold())
    return _NUMBERED.sub("", text).strip()


def speaker_side(label: object) -> Side | None:
    """The side `label` (a speaker cell or a transcript line's label) names, None when the
    words above do not know it."""
    key = label_key(label)
    if key in CUSTOMER_LABELS:
        return "customer"
    if key in AGENT_LABELS:
        return "agent"
    return None


def role_key(label: str) -> str | None:
    """The known speaker word of a transcript label ("agent" for "Agent", "Agent 2" or "Agent
    Ana"): the whole label, or its first words when the words after them are a name (each
    capitalised); None when the label names no known speaker ("Issue", "Client portal")."""
    words = label.split()
    for size in range(len(words), 0, -1):
        key = label_key(" ".join(words[:size]))
        rest = words[size:]
        if speaker_side(key) is not None and all(word[:1].isupper() for word in rest):
            return key
    return None


def listed(counts: dict[str, int]) -> str:
    """`{"Agent": 3}` as "'Agent' (3)", in the order the labels were first seen."""
    return ", ".join(
        f"'{label}' ({n:,})" if label else f"none ({n:,})" for label, n in counts.items()
    )
