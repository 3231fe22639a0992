"""Links in feedback that carry personal data or credentials, for :mod:`feedback_nlp.text.pii`.

Only links that carry credentials or personal data are redacted: ``user:pass@host``, a query
or fragment key such as ``token=``, ``key=``, ``sig=``, ``session``, ``auth``, ``code=``,
``email=``, ``phone=``, an e-mail inside the link, a token in the path (a long one, a webhook,
a reset or invite token: `feedback_nlp.text.link_tokens`), or a link to a
person's social profile or post (``https://x.com/jane_doe/status/1``; not a hashtag, search or
subreddit). ``https://shop.example.com/help`` stays.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlsplit

from feedback_nlp.text.link_tokens import has_secret_path

#: Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Hangul, kana,
#: Han): an address or number written inside them ends where such a letter starts.
NO_SPACE_SCRIPTS = (
    "\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3000-\u318f"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0002fa1f"
)
#: A word character (``\w``) of a script that puts spaces between words, and a letter of one.
WORD = f"[^\\W{NO_SPACE_SCRIPTS}]"
LETTER = f"[^\\W\\d_{NO_SPACE_SCRIPTS}]"
#: An e-mail address, alone or inside a link; inside CJK, Hangul or Thai text only the
#: address itself ("请发邮件到wang.fang@163.com告诉我").
EMAIL = re.compile(
    rf"(?<!{WORD})(?<![.+-])(?:{WORD}|[.+-])+@(?:{WORD}|-)+(?:\.(?:{WORD}|-)+)*\.{LETTER}{{2,}}"
    rf"(?!{WORD})"
)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}»"
_SENSITIVE_KEY_PARTS = frozenset(
    [
        "token",
        "key",
        "apikey",
        "sig",
        "signature",
        "session",
        "sess",
        "sessionid",
        "sid",
        "auth",
        "authorization",
        "code",
        "otp",
        "password",
        "passwd",
        "pwd",
        "pass",
        "secret",
        "jwt",
        "email",
        "mail",
        "phone",
        "tel",
        "mobile",
        "user",
        "username",
        "uid",
        "userid",
        "customer",
        "firstname",
        "lastname",
        "name",
        "dob",
        "iban",
        "card",
        "credential",
        "credentials",
    ]
)
#: Social sites whose links start their path with a person's handle ("x.com/jane/status/1").
_SOCIAL_HOSTS = frozenset(
    ["twitter.com", "x.com", "instagram.com", "facebook.com", "fb.com", "tiktok.com",
     "threads.net", "linkedin.com", "youtube.com", "reddit.com", "vk.com", "t.me",
     "pinterest.com"]
)  # fmt: skip
#: First path parts of those sites that name no one (a hashtag, a search, a subreddit, a post,
#: a company or school page). A brand's own account (x.com/AcmeSupport) cannot be told apart.
_SOCIAL_PAGES = frozenset(
    ["", "hashtag", "search", "explore", "home", "i", "intent", "share", "sharer", "sharer.php",
     "watch", "help", "about", "r", "p", "reel", "groups", "events", "tags", "tag", "topics",
     "settings", "login", "privacy", "legal", "tos", "policies", "shorts", "playlist",
     "results", "channel", "c", "company", "school", "showcase", "jobs", "feed", "pages",
     "embed", "pin", "notifications", "marketplace", "business"]
)  # fmt: skip


def _split_url(url: str) -> SplitResult:
    full = url if "://" in url else "http://" + url
    try:
        return urlsplit(full)
    except ValueError:  # "shop.com]label[" (forum markup): brackets that are no IPv6 host
        return urlsplit(full.replace("[", "/").replace("]", "/"))


def _is_sensitive_url(url: str) -> bool:
    parts = _split_url(url)
    if "@" in parts.netloc or EMAIL.search(url):
        return True
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    pairs += parse_qsl(parts.fragment, keep_blank_values=True)
    for key, _value in pairs:
        key = key.lower()
        pieces = set(re.split(r"[_\-.\[\]]+", key)) | {key.replace("_", "").replace("-", "")}
        if pieces & _SENSITIVE_KEY_PARTS:
            return True
    if _names_a_person(parts):
        return True
    return has_secret_path(parts)  # "/reset-password/Zk9pQ2mX7vL4nR8s", a webhook


def _names_a_person(parts: SplitResult) -> bool:
    """A link to someone's social profile or post: its path starts with their handle."""
    host = ".".join((parts.hostname or "").split(".")[-2:])  # "uk.linkedin.com", "old.reddit…"
    first = parts.path.strip("/").split("/")[0].lower()
    return host in _SOCIAL_HOSTS and first not in _SOCIAL_PAGES


def redact_urls(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with every sensitive link replaced by `placeholder`, and whether one was."""
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        url = match.group(0)
        trailing = ""
        while url and url[-1] in _URL_TRAILING:
            trailing = url[-1] + trailing
            url = url[:-1]
        if not _is_sensitive_url(url):
            return match.group(0)
        found = True
        return placeholder + trailing

    return _URL.sub(replace, text), found


_OPEN, _CLOSE = r"\s?[\[({<]\s?", r"\s?[\])}>]\s?"
#: "erika[at]web.de", "erika (at) web [dot] de": a bracketed "at" is never prose.
_BRACKETED_EMAIL = re.compile(
    rf"(?<!{WORD})(?<![.+-])(?:{WORD}|[.+-]){{1,64}}{_OPEN}(?:at|@){_CLOSE}(?:{WORD}|-)+"
    rf"(?:(?:{_OPEN}dot{_CLOSE}|\.)(?:{WORD}|-)+)*(?:{_OPEN}dot{_CLOSE}|\.){LETTER}{{2,}}(?!{WORD})",
    re.IGNORECASE,
)
_TLDS = (
    "com|net|org|edu|gov|info|biz|io|me|eu|de|at|ch|fr|be|nl|uk|it|es|pt|pl|ro|ru|se|no|dk|fi|"
    "cz|gr|tr|br|mx|ar|ca|us|au|nz|jp|cn|kr|in"
)
_DOT = r"(?:\s+dot\s+|\.)"
#: "jane dot doe at gmail dot com", "jane.doe at gmail.com": spelled out, the local part must
#: have a dot, or the domain be a mail provider spelled with "dot" ("jane at gmail dot com"),
#: so "buy it at amazon dot com" and "support at yahoo.com is useless" stay.
_SPELLED_EMAIL = re.compile(
    rf"(?<!{WORD})(?<!\.)(?P<local>{WORD}{{1,64}}(?:{_DOT}{WORD}{{1,64}}){{0,4}})\s+at\s+"
    rf"(?P<domain>{WORD}+(?:-{WORD}+)*(?:{_DOT}{WORD}+)*){_DOT}(?:{_TLDS})(?!{WORD}|\.{WORD})",
    re.IGNORECASE,
)
#: Not "live", "free", "orange", "mail": "shop at orange.fr" names no one.
_MAIL_PROVIDERS = frozenset(
    ["gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "msn", "icloud", "aol",
     "gmx", "web", "t-online", "freenet", "protonmail", "yandex", "wanadoo", "laposte",
     "libero", "virgilio", "tiscali", "qq", "163", "126", "naver", "hanmail", "seznam"]
)  # fmt: skip


def _is_spelled_email(match: re.Match[str]) -> bool:
    provider = re.split(_DOT, match["domain"].lower())[0]
    spelled_dot = re.search(r"\s+dot\s+", match.group(0), re.IGNORECASE) is not None
    if not any(c.isalpha() for c in match["local"]):  # "Rated 4.5 at icloud.com"
        return False
    return bool(re.search(_DOT, match["local"])) or (spelled_dot and provider in _MAIL_PROVIDERS)


def redact_emails(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with every e-mail address replaced by `placeholder`, also those written
    ``name[at]host.de`` or ``jane dot doe at gmail dot com``, and whether one was."""
    text, count = EMAIL.subn(placeholder, text)
    text, bracketed = _BRACKETED_EMAIL.subn(placeholder, text)
    spelled = [m for m in _SPELLED_EMAIL.finditer(text) if _is_spelled_email(m)]
    for match in reversed(spelled):
        text = text[: match.start()] + placeholder + text[match.end() :]
    return text, bool(count or bracketed or spelled)
