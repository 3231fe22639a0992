"""One-time codes and PINs written after their label, for :mod:`feedback_nlp.text.secrets`.

"Your code is 482913", "OTP 119283 never came", "kod SMS 582913", "my PIN is 4821",
"Bestätigungscode 123456": the number (4-8 digits, or "384 912") becomes ``<SECRET>`` and the
label stays. Left alone: codes of letters ("promo code SUMMER20": a shared marketing code, no
secret), numbers after a qualifier that makes "code" something else ("error code 5023", "zip
code 90210", "area code 0415", "discount code 2024"), "postcode", and numbers not right after
the label ("code 3 times", "the code was wrong").
"""

from __future__ import annotations

import re

_LABEL = (
    r"\b(?:otp|pin|passcode|2fa|mfa|(?-i:m?TAN))"
    r"|\b\w*(?:bestätigungs|sicherheits|verifizierungs|einmal|anmelde|login|sms|pin|tan)-?code"
    r"|\bkod(?:\s+(?:sms|weryfikacyjny|autoryzacyjny|jednorazowy|blik))?"
    r"|\bc[óo]digo(?:\s+(?:de\s+)?(?:verifica[çc][ãa]o|verificaci[óo]n|seguran[çc]a|seguridad|"
    r"confirma[çc][ãa]o|confirmaci[óo]n|acesso|acceso))?"
    r"|\bcodice(?:\s+(?:otp|di\s+verifica|di\s+sicurezza))?"
    r"|\bкод(?:\s+(?:подтверждения|из\s+смс))?"
    r"|\bcode"
)
_CONNECTOR = r"(?:\s+sms)?(?:\s*(?:\b(?:is|was|ist|war|est|es|é|è|jest|to)\b|[:=\-]))*\s*"
_VALUE = r"(?P<value>\d{4,8}|\d{3} \d{3})(?!\w|[.,:/-]\d| \d)"
_LABELLED_CODE = re.compile(
    rf"(?<!\w)(?P<label>(?:{_LABEL}){_CONNECTOR}[\"'(]?){_VALUE}", re.IGNORECASE
)
#: Words before a bare "code" that make it no secret: "error code 5023", "zip code 90210".
_QUALIFIERS = frozenset(
    ["error", "status", "http", "exit", "response", "return", "fault", "reason", "event",
     "promo", "promotional", "discount", "coupon", "voucher", "gift", "referral", "offer",
     "post", "postal", "zip", "area", "country", "dial", "dialling", "dialing", "sort", "bank",
     "swift", "bic", "iso", "product", "item", "article", "bar", "qr", "tax", "source",
     "region", "branch", "colour", "color", "style", "model", "course", "class", "order",
     "tracking", "reference", "booking", "ean", "sku", "hs", "naf", "ape", "siret"]
)  # fmt: skip
_WORD_BEFORE = re.compile(r"(\w+)[\s-]*$")
_BARE_CODE = re.compile(r"(?i)code|kod|c[óo]digo|codice|код")

#: A cheap test: some label of a code in the text.
MAY_HOLD_CODE = r"otp|pin|code|kod|c[óo]digo|codice|код|2fa|mfa|TAN"


def _qualified(text: str, start: int) -> bool:
    """Whether the word before `start` makes a bare "code" something else than a secret."""
    if not _BARE_CODE.match(text, start):
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    return before is not None and before[1].lower() in _QUALIFIERS


def redact_one_time_codes(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with each labelled one-time code or PIN replaced; whether one was."""
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        if _qualified(text, match.start()):
            return match[0]
        found = True
        return match["label"] + placeholder

    return _LABELLED_CODE.sub(replace, text), found
