"""Repeated contacts written in short form, with no subject or auxiliary: "Zählerstand dreimal
gemeldet", "Lectura enviada tres veces", "Relevé envoyé trois fois", "Lettura inviata tre
volte", "Meter reading submitted 3 times". Written for the project in en de fr es it pt nl;
used by the ``repeat_contact`` cue of :mod:`feedback_nlp.backends.effort_cues`.

A clause is such a form when a participle of contacting, reporting or submitting comes within
its first six words, with a count of two or more in the two words before it or the two after,
and no word before it names another subject or a passive ("they sent it twice", "wurde
dreimal angerufen", "me han enviado dos veces"). Sending for a delivery or an order ("Paket
zweimal verschickt") is no contact, nor is a negated one.
"""

from __future__ import annotations

import re

from feedback_nlp.backends.effort_negation import CLAUSE_END, negated
from feedback_nlp.backends.effort_numbers import fold, repeat_count
from feedback_nlp.backends.effort_repeats import courtesy
from feedback_nlp.backends.effort_sentences import sentences

#: Participles of getting in touch, reporting or submitting (folded).
_PARTICIPLE = re.compile(
    fold(
        r"reported|submitted|called|phoned|e-?mailed|rang|chased|complained|"
        r"gemeldet|angerufen|telefoniert|geschrieben|gemailt|nachgefragt|reklamiert|eingereicht|"
        r"übermittelt|kontaktiert|beantragt|eingeschickt|"
        r"envoyée?s?|appelée?s?|téléphoné|écrit|signalée?s?|relancée?s?|réclamée?s?|transmise?s?|"
        r"soumise?s?|"
        r"enviad[oa]s?|llamado|reclamad[oa]s?|escrito|comunicad[oa]s?|solicitad[oa]s?|"
        r"notificad[oa]s?|reportad[oa]s?|mandad[oa]s?|"
        r"inviat[oaie]|mandat[oaie]|chiamato|telefonato|scritto|segnalat[oaie]|sollecitat[oaie]|"
        r"reclamat[oaie]|richiest[oaie]|trasmess[oaie]|"
        r"ligado|telefonado|reclamad[oa]s?|"
        r"gemeld|gebeld|gemaild|opgestuurd|ingediend"
    )
)
#: Words before the participle that name another subject, a passive or an auxiliary: then the
#: full grammar is there and :mod:`feedback_nlp.backends.effort_repeats` reads it.
_OTHER_SUBJECT = frozenset(
    fold(
        "i we they he she it you me us them was were been has have had is are got "
        "ich wir sie er es man mich mir uns wurde wurden worden hat habe haben hatte ist sind war "
        "je nous ils elle elles on m'a a ai ont été était me te se lui "
        "yo nosotros ellos ella nos mi ti ci si gli ha han hanno he hemos fue fueron era è "
        "stato stata sono foi foram eu ele eles "
        "ik wij zij hij ze werd werden heb hebben heeft is"
    ).split()
)
#: Sending goods is a delivery, not a contact ("Paket zweimal verschickt", "colis envoyé").
_DELIVERY = re.compile(
    fold(
        r"(?<!\w)(?:parcel|package|order|item|goods|paket|ware|bestellung|lieferung|colis|"
        r"commande|article|paquete|pedido|producto|articulo|pacco|ordine|articolo|prodotto|"
        r"encomenda|pakket|bestelling)"
    )
)
#: How far into its clause the participle may come, and how near its count must be.
_MAX_LEAD, _NEAR = 6, 2


def _clauses(text: str) -> list[str]:
    """The clauses of `text` (normalised), sentence by sentence."""
    return [c.strip() for s in sentences(text) for c in CLAUSE_END.split(s) if c.strip()]


def _short_form(clause: str) -> bool:
    """The clause opens with a counted contact in short form (module docstring)."""
    tokens = clause.split()
    for i, token in enumerate(tokens[:_MAX_LEAD]):
        if token in _OTHER_SUBJECT:
            return False
        if _PARTICIPLE.fullmatch(token):
            near = " ".join(tokens[max(0, i - _NEAR) : i + _NEAR + 1])
            start = len(" ".join(tokens[:i])) + (1 if i else 0)
            return repeat_count(near) >= 2 and not negated(clause, start)
    return False


def short_repeat(text: str) -> bool:
    """A contact counted two or more times in short form ("Zählerstand dreimal gemeldet",
    "enviado tres veces"), not a delivery, a courtesy or a negated one; `text` normalised."""
    return any(
        _short_form(clause) and not _DELIVERY.search(sentence) and not courtesy(sentence)
        for sentence in sentences(text)
        for clause in _clauses(sentence)
    )
