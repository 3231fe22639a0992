"""Credentials pasted into feedback: API keys, access tokens, passwords.

Forum posts and support tickets carry configuration and log snippets, and with them
``api_key=sk_live_…``, ``Authorization: Bearer eyJ…`` or an AWS access key. They are secrets
of the customer's, not personal data in the narrow sense, but nothing a report or a shared
export may show. Found:

- a value after a credential key, ``=`` or ``:`` (``api_key=…``, ``"client_secret": "…"``,
  ``password: hunter22``), when the value holds a digit or is at least 16 characters
  ("password: forgotten" stays);
- the credentials of an ``Authorization:`` header (``Bearer …``, ``Basic …``), a bearer token
  elsewhere (16+ characters, a digit among them: not "Bearer bonds-and-shares"), a JSON Web
  Token (``eyJ….….…``);
- a one-time code or PIN after its label ("Your code is <SECRET>", "PIN: <SECRET>";
  `feedback_nlp.text.one_time_codes`);
- keys of a known shape: AWS (``AKIA…``), Stripe (``sk_live_…``), GitHub (``ghp_…``), Slack
  (``xoxb-…``), Google (``AIza…``), and a PEM private-key block.

Each becomes ``<SECRET>``; a key word before ``=`` or ``:`` stays ("api_key=<SECRET>") so the
comment still says what was pasted ("Authorization: <SECRET>": the scheme goes with its token).
"""

from __future__ import annotations

import re

from feedback_nlp.text.one_time_codes import MAY_HOLD_CODE, redact_one_time_codes

_KEY_WORDS = (
    r"api[_-]?key|apikey|api[_-]?secret|access[_-]?key(?:[_-]?id)?|secret[_-]?access[_-]?key|"
    r"access[_-]?token|auth[_-]?token|refresh[_-]?token|id[_-]?token|token|client[_-]?secret|"
    r"secret|password|passwd|pwd|private[_-]?key|passwort|kennwort|contraseña|senha|пароль"
)
_KEY_VALUE = re.compile(
    rf"""(?P<key>\b(?:{_KEY_WORDS})\b["']?\s*[:=]\s*["']?)(?P<value>[^\s"'<>,;]+)""",
    re.IGNORECASE,
)
_SHAPED = re.compile(
    r"\bBearer\s+(?=[A-Za-z0-9\-._~+/]*\d)[A-Za-z0-9\-._~+/]{16,}=*"
    r"|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
    r"|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"
    r"|\b(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{10,}"
    r"|\bgh[pousr]_[A-Za-z0-9]{30,}"
    r"|\bxox[abprs]-[A-Za-z0-9-]{10,}"
    r"|\bAIza[0-9A-Za-z_-]{35}"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)",
    re.DOTALL,
)
_AUTHORIZATION = re.compile(
    r"(?P<key>(?i:authorization)\s*:\s*)(?:Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{8,}=*"
)
_MAY_HOLD = re.compile(
    rf"{_KEY_WORDS}|{MAY_HOLD_CODE}|Bearer|Basic|eyJ|AKIA|ASIA|_live_|_test_|gh[pousr]_|xox|AIza|"
    r"PRIVATE KEY",
    re.IGNORECASE,
)
#: Values after a key word that are no secret: placeholders and words of the sentence.
_MIN_WORD_VALUE = 16
_MIN_DIGITS = 4


def may_hold_secret(text: str) -> bool:
    """A cheap test that rules the detector out for most comments."""
    return _MAY_HOLD.search(text) is not None


def redact_secrets(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with every credential replaced by `placeholder`; whether any was found."""
    found = False

    def shaped(match: re.Match[str]) -> str:
        nonlocal found
        found = True
        return placeholder

    def keyed(match: re.Match[str]) -> str:
        nonlocal found
        value = match["value"]
        if value.startswith("<") or not _is_secret_value(value):
            return match[0]
        found = True
        return match["key"] + placeholder

    text, headers = _AUTHORIZATION.subn(rf"\g<key>{placeholder}", text)
    text = _SHAPED.sub(shaped, text)
    text = _KEY_VALUE.sub(keyed, text)
    text, coded = redact_one_time_codes(text, placeholder)  # "Your code is 482913"
    return text, found or coded or headers > 0


def _is_secret_value(value: str) -> bool:
    """A digit in it, or long: "hunter22", "sk_abc…"; not "forgotten", "reset" or a number
    of at most 3 digits ("password: 8 characters minimum")."""
    if value.isdigit():
        return len(value) >= _MIN_DIGITS
    return any(c.isdigit() for c in value) or len(value) >= _MIN_WORD_VALUE
