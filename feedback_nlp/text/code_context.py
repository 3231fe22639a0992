"""The context that makes a bare "code 482913" a one-time code, for
:mod:`feedback_nlp.text.one_time_codes`.

A bare "code", "kod", "código", "codice", "код" or "pin" before a number is a secret only after
a possessive ("your code", "mein Code"), with "is" or ":" before the number ("code: 482913"), or
near a word of one-time codes ("sent", "SMS", "verify", "expired", "never arrived"). A word of
errors or promotions near it, or a qualifier right before it, makes it something else ("Error:
code 5023", "Use code 2024 at checkout", "Rabatt-Code 2024", "(code 80070005)").
"""

from __future__ import annotations

import re

#: Words right before a bare "code" that make it no secret: "error code 5023", "zip code 90210".
_QUALIFIERS = frozenset(
    ["error", "status", "http", "exit", "response", "return", "fault", "reason", "event",
     "promo", "promotional", "discount", "coupon", "voucher", "gift", "referral", "offer",
     "post", "postal", "zip", "area", "country", "dial", "dialling", "dialing", "sort", "bank",
     "swift", "bic", "iso", "product", "item", "article", "bar", "qr", "tax", "source",
     "region", "branch", "colour", "color", "style", "model", "course", "class", "order",
     "tracking", "reference", "booking", "ean", "sku", "hs", "naf", "ape", "siret", "stop",
     "fehler", "rabatt", "gutschein", "plz", "aktion", "aktions", "promotion", "geschenk"]
)  # fmt: skip
_WORD_BEFORE = re.compile(r"(\w+)[\s-]*$")
#: Errors and promotions near the code, either side.
_BLOCKING_WORDS = re.compile(
    r"\b(?:errors?|fehler\w*|erreur|errore|erro|error\w*|błąd\w*|bł[ęe]d\w*|ошибк\w*|"
    r"fail\w*|crash\w*|stop|exit|status|bsod|promo\w*|discount\w*|coupon\w*|voucher\w*|"
    r"checkout|rabat\w*|gutschein\w*|aktions\w*|plz|sconto|descuento|desconto|points?|"
    r"punkte|bonus|off)\b|%",
    re.IGNORECASE,
)
_POSSESSIVE_BEFORE = re.compile(
    r"\b(?:your|my|ihr\w*|dein\w*|mein\w*|votre|ton|mon|tu|su|seu|sua|meu|minha|twój|twoj|"
    r"mój|moj|il\s+tuo|il\s+mio|ваш|твой|мой)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_ONE_TIME_WORDS = re.compile(
    r"\b(?:sent|send\w*|sms|text(?:ed)?|verif\w*|expired?|expires|login|log\s+in|sign\s*-?in|"
    r"one[- ]time|2fa|otp|arriv\w*|receiv\w*|got|gekommen|erhalten|abgelaufen|envi\w*|"
    r"recib\w*|receb\w*|re[çc]u|otrzyma\w*|przysz\w*|wygas\w*)\b",
    re.IGNORECASE,
)
_SAID_IS = re.compile(r"\b(?:is|was|ist|war|lautet|lautete|est|es|é|è|jest|to)\b|[:=]")
_WINDOW = 40


def qualified(text: str, start: int, end: int) -> bool:
    """Whether a qualifier before `start`, a word of errors or promotions around the code at
    `start:end`, or brackets around it make it no secret."""
    before = text[max(0, start - _WINDOW) : start]
    word = _WORD_BEFORE.search(before)
    if word is not None and word[1].lower() in _QUALIFIERS:
        return True
    if before.endswith("(") and text[end : end + 1] == ")":
        return True  # "Update failed (code 80070005)"
    return _BLOCKING_WORDS.search(before + text[start : end + _WINDOW]) is not None


def in_one_time_context(text: str, start: int, end: int, connector: str) -> bool:
    """Whether the bare code at `start:end` reads as a one-time code or PIN."""
    if _SAID_IS.search(connector):
        return True  # "Your code is 482913", "Code: 482-913"
    if _POSSESSIVE_BEFORE.search(text[max(0, start - _WINDOW) : start]):
        return True  # "your code 482913"
    around = text[max(0, start - _WINDOW) : end + _WINDOW]
    return _ONE_TIME_WORDS.search(around) is not None
