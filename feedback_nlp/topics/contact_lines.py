"""Contact lines: "You can reach me at <EMAIL>", "Rufen Sie mich an: <PHONE>".

A reviewer who leaves an address or a number for a reply raises no issue with it; once the
address is redacted, the line is the same in every comment that has one, and without this rule
it becomes a large theme of its own ("email · reach"). A unit that holds a redacted e-mail
address or phone number says something only if it has a word beyond function words (its
language's and English's, since such lines are often written in English) and the contact words
below ("reach", "contactez", "erreichbar", …). "I emailed <EMAIL> three times and nobody
answered" keeps its theme: "three", "times" and "answered" are content, and so is a
negation ("I can never reach anyone on <PHONE>", "No reply from <EMAIL>").
"""

from __future__ import annotations

import re

from feedback_nlp.schema import PII_PLACEHOLDERS

#: Redacted contact details: a unit holding one of these may be a contact line.
CONTACT_PLACEHOLDERS = re.compile(
    "|".join(re.escape(PII_PLACEHOLDERS[kind]) for kind in ("email", "phone"))
)
#: Every redaction placeholder (<EMAIL>, <NAME>, …): none of them is a word of the comment.
ANY_PLACEHOLDER = re.compile(
    "|".join(re.escape(p) for p in PII_PLACEHOLDERS.values() if p.startswith("<"))
)

#: Words of a contact line, per language (lower case; hyphenated words appear as their parts).
CONTACT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("reach", "reached", "contact", "contacted", "email", "e", "mail", "call", "phone",
           "ring", "text", "message", "write", "number", "details", "touch", "anytime", "free",
           "feel", "happy", "available", "address", "mobile", "cell", "whatsapp", "dm", "info",
           "questions", "question", "reply", "respond", "let", "know", "need", "want", "like",
           "discuss", "further", "detail", "contactable", "thanks", "thank"),
    "fr": ("joindre", "joignable", "contacter", "contactez", "contact", "appeler", "appelez",
           "rappeler", "rappelez", "écrire", "écrivez", "mail", "courriel", "adresse",
           "téléphone", "numéro", "portable", "disponible", "hésitez", "questions", "question",
           "répondre", "merci", "pouvez", "pouvoir", "peux", "rappel"),
    "de": ("erreichen", "erreichbar", "kontaktieren", "kontakt", "anrufen", "rufen", "ruft",
           "schreiben", "schreibt", "mail", "email", "telefon", "telefonnummer", "nummer",
           "handy", "adresse", "gerne", "gern", "jederzeit", "melden", "meldet", "rückfragen",
           "fragen", "antworten", "danke", "rückruf", "erreicht", "können", "könnt"),
    "es": ("contactar", "contactarme", "contacto", "contacten", "llamar", "llamarme",
           "llámenme", "llamen", "escribir", "escribirme", "escríbanme", "correo", "email",
           "mail", "teléfono", "número", "móvil", "dirección", "disponible", "preguntas",
           "responder", "gracias", "puede", "pueden", "podéis"),
    "it": ("contattare", "contattarmi", "contattatemi", "contatto", "chiamare", "chiamarmi",
           "chiamatemi", "scrivere", "scrivermi", "scrivetemi", "email", "mail", "telefono",
           "numero", "cellulare", "indirizzo", "disponibile", "raggiungibile", "domande",
           "rispondere", "grazie", "potete", "può"),
    "pt": ("contactar", "contatar", "contacte", "contate", "contato", "contacto", "ligar",
           "liguem", "escrever", "escrevam", "email", "mail", "telefone", "número", "telemóvel",
           "celular", "endereço", "disponível", "dúvidas", "responder", "obrigado", "obrigada",
           "podem", "pode"),
    "ro": ("contactați", "contactat", "contacta", "sunați", "suna", "scrieți", "email", "mail",
           "telefon", "număr", "numărul", "adresa", "disponibil", "întrebări", "mulțumesc"),
    "ru": ("связаться", "свяжитесь", "звоните", "позвоните", "пишите", "напишите", "почта",
           "почте", "почту", "email", "телефон", "телефону", "номер", "номеру", "вопросы",
           "спасибо"),
    "nl": ("bereiken", "bereikbaar", "contact", "contacteren", "bellen", "bel", "mailen", "mail",
           "email", "schrijven", "telefoon", "telefoonnummer", "nummer", "adres", "vragen",
           "bedankt"),
    "pl": ("kontakt", "kontaktować", "skontaktować", "zadzwonić", "dzwonić", "napisać", "pisać",
           "mail", "email", "telefon", "numer", "adres", "dostępny", "pytania", "dziękuję"),
    "tr": ("ulaşabilirsiniz", "ulaşın", "iletişim", "arayın", "arayabilirsiniz", "yazın", "e",
           "posta", "eposta", "telefon", "numara", "numaram", "numaramdan", "adres", "mail",
           "sorularınız", "teşekkürler"),
}  # fmt: skip
ALL_CONTACT_WORDS = frozenset(w for words in CONTACT_WORDS.values() for w in words)
#: Words that turn a contact line into a complaint ("I can never reach anyone on <PHONE>",
#: "No reply from <EMAIL>"): content even there.
NEGATIONS = frozenset((
    "no", "not", "never", "nobody", "noone", "nothing", "cannot", "can't", "couldn't",
    "didn't", "won't", "doesn't", "don't", "without", "ne", "pas", "jamais", "personne",
    "aucun", "aucune", "nie", "nicht", "niemand", "kein", "keine", "keiner", "nunca", "nadie",
    "ningún", "ninguna", "sin", "mai", "nessuno", "senza", "non", "não", "ninguém", "sem",
    "nu", "niciodată", "нет", "не", "никто", "никогда", "geen", "niet", "nooit", "niemand",
))  # fmt: skip


def holds_contact_details(text: str) -> bool:
    """Does the text hold a redacted e-mail address or phone number?"""
    return CONTACT_PLACEHOLDERS.search(text) is not None
