"""One-time codes and PINs written after their label, for :mod:`feedback_nlp.text.secrets`.

"OTP 119283 never came", "kod SMS 582913", "my PIN is 4821", "Bestätigungscode 123456", "Ihre
TAN lautet 123456": the number (4-8 digits, or "384 912", "482-913", "48 29 13") becomes
``<SECRET>`` and the label stays. A bare "code", "kod", "código", "codice", "код" or lower-case
"pin" is a secret only in a one-time-code context ("Your code is 482913", "Code: 482913", "the
code 482913 I got by SMS expired"), and never near an error or a promotion ("Error: code 5023",
"failed with code 80244019", "(code 80070005)", "Use code 2024 at checkout", "Rabatt-Code
2024", "I pin 1000 of my posts"). Left alone too: codes of letters ("promo code SUMMER20"),
numbers after a qualifier ("zip code 90210", "area code 0415"), "postcode", and numbers not
right after the label ("code 3 times", "the code was wrong").
"""

from __future__ import annotations

import re

from feedback_nlp.text.code_context import in_one_time_context, qualified

_LABEL = (
    r"\b(?:otp|passcode|2fa|mfa|(?-i:m?TAN|PIN))(?:[- ]?(?:nummer|number|nr\b\.?))?"
    r"|\b\w*(?:bestätigungs|sicherheits|verifizierungs|einmal|anmelde|login|sms|pin|tan)-?code"
    r"|\bkod(?:\s+(?:sms|weryfikacyjny|autoryzacyjny|jednorazowy|blik))?"
    r"|\bc[óo]digo(?:\s+(?:de\s+)?(?:verifica[çc][ãa]o|verificaci[óo]n|seguran[çc]a|seguridad|"
    r"confirma[çc][ãa]o|confirmaci[óo]n|acesso|acceso))?"
    r"|\bcodice(?:\s+(?:otp|di\s+verifica|di\s+sicurezza))?"
    r"|\bкод(?:\s+(?:подтверждения|из\s+смс))?"
    r"|\bcode(?:\s+(?:de\s+)?(?:vérification|verification|confirmation|sécurité|connexion))?"
    r"|\bpin"
)
_CONNECTOR = (
    r"(?:\s+sms)?(?:\s*(?:\b(?:is|was|ist|war|lautet|lautete|est|es|é|è|jest|to)\b|[:=\-]))*\s*"
)
_VALUE = r"(?P<value>\d{4,8}|\d{3}[ -]\d{3}|\d{2} \d{2} \d{2})(?!\w|[.,:/-]\d| \d)"
_LABELLED_CODE = re.compile(
    rf"(?<!\w)(?P<label>(?P<name>{_LABEL})(?P<connector>{_CONNECTOR})[\"'(]?){_VALUE}",
    re.IGNORECASE,
)
#: A label that is a secret without context: not a bare "code", "kod", … or lower-case "pin".
_BARE = re.compile(r"(?:code|kod|c[óo]digo|codice|код|pin)", re.IGNORECASE)

#: A cheap test: some label of a code in the text (case-sensitive "TAN": not "important").
MAY_HOLD_CODE = r"\b(?:otp|pin|2fa|mfa)\b|code|kod|c[óo]digo|codice|код|(?-i:\bm?TAN\b)"


def _is_bare(name: str) -> bool:
    return _BARE.fullmatch(name) is not None and name != "PIN"


def _is_secret(text: str, match: re.Match[str]) -> bool:
    """Whether the labelled number of `match` is a one-time code or PIN."""
    if not _is_bare(match["name"]):
        return True
    if qualified(text, match.start(), match.end()):
        return False
    return in_one_time_context(text, match.start(), match.end(), match["connector"])


def redact_one_time_codes(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with each labelled one-time code or PIN replaced; whether one was."""
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        if not _is_secret(text, match):
            return match[0]
        found = True
        return match["label"] + placeholder

    return _LABELLED_CODE.sub(replace, text), found
