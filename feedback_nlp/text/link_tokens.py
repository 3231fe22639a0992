"""Secrets in the path of a link, for :mod:`feedback_nlp.text.links`.

A link whose path holds a credential grants access to whoever reads it:

- a webhook ("https://hooks.slack.com/services/T…/B…/…", "hooks.zapier.com/hooks/catch/…"):
  a host named ``hooks.``/``webhook.`` and a digit in the path;
- the part after a webhook, reset, invite, verify, confirm, activate, magic-link or login word,
  when it is 6+ letters and digits with a digit ("/reset-password/Zk9pQ2mX7vL4nR8s",
  "/invite/7f9c2b1d4e6a8f0c"; not "/help/how-to-reset-your-password");
- a part of 32+ letters, digits, "-" and "_" with a digit, unless it is a slug of words
  ("360001234567-How-to-reset-your-password");
- a random-looking part of 16+ letters and digits anywhere (hexadecimal, or upper and lower
  case mixed with digits), except on sites whose public content ids look so (Spotify, YouTube,
  Instagram, imgur, Figma, GitHub commits); a Discord invite is public, too.
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import SplitResult

_WEBHOOK_HOST = re.compile(r"^(?:hooks|webhooks?)\.", re.IGNORECASE)
_CAPABILITY_PARTS = frozenset(
    ["reset", "reset-password", "password-reset", "reset_password", "password_reset",
     "resetpassword", "forgot-password", "invite", "invites", "invitation", "invitations",
     "verify", "verification", "verify-email", "confirm", "confirmation", "confirm-email",
     "activate", "activation", "magic-link", "magic", "magiclink", "login", "signin",
     "sign-in", "auth", "token", "tokens", "unsubscribe", "share", "shared", "s", "webhook",
     "webhooks", "webhookb2"]
)  # fmt: skip
#: Hosts whose public content ids are random-looking (a track, a video, a post, a commit): no
#: secret, however long.
_MEDIA_HOSTS = frozenset(
    ["spotify.com", "youtube.com", "youtu.be", "vimeo.com", "soundcloud.com", "deezer.com",
     "apple.com", "tidal.com", "twitch.tv", "dailymotion.com", "instagram.com", "imgur.com",
     "figma.com", "github.com", "discord.gg"]
)  # fmt: skip
#: Hosts whose invites are public links to a community, not an account's token.
_PUBLIC_INVITE_HOSTS = frozenset(["discord.com", "discord.gg"])
_INVITE_PARTS = frozenset(["invite", "invites"])
_LONG_TOKEN = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_\-]{32,}$")
#: A word of a slug: letters only, one of them no hexadecimal digit ("reset", not "beef").
_SLUG_WORD = re.compile(r"^(?=.*[g-z])[a-z]{2,}$", re.IGNORECASE)
_CAPABILITY_TOKEN = re.compile(r"^(?=.*\d)[A-Za-z0-9]{6,}$")
_HEX_TOKEN = re.compile(r"^(?=(?:.*\d){4})(?=.*[a-f])[0-9a-f]{16,}$")
_MIXED_TOKEN = re.compile(r"^(?=(?:.*\d){2})(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{16,}$")


def _registered_domain(parts: SplitResult) -> str:
    return ".".join((parts.hostname or "").split(".")[-2:])


def _is_webhook(parts: SplitResult, segments: list[str]) -> bool:
    return _WEBHOOK_HOST.match(parts.hostname or "") is not None and any(
        c.isdigit() for segment in segments for c in segment
    )


def _follows_capability_word(segments: list[str], public_invites: bool) -> bool:
    """Whether a token follows a reset, invite, … word (a public host's invites aside)."""
    words = _CAPABILITY_PARTS - _INVITE_PARTS if public_invites else _CAPABILITY_PARTS
    return any(
        previous.lower() in words and _CAPABILITY_TOKEN.match(segment) is not None
        for previous, segment in itertools.pairwise(segments)
    )


def _is_long_token(segment: str) -> bool:
    """32+ characters with a digit, and not a slug of two or more words."""
    words = [piece for piece in re.split(r"[-_]", segment) if _SLUG_WORD.match(piece)]
    return _LONG_TOKEN.match(segment) is not None and len(words) < 2


def _looks_random(segment: str) -> bool:
    return bool(_HEX_TOKEN.match(segment) or _MIXED_TOKEN.match(segment))


def has_secret_path(parts: SplitResult) -> bool:
    """Whether the path of the link `parts` holds a webhook, reset or invite token."""
    segments = [s for s in parts.path.split("/") if s]
    domain = _registered_domain(parts)
    if _is_webhook(parts, segments):
        return True
    if _follows_capability_word(segments, domain in _PUBLIC_INVITE_HOSTS):
        return True
    if domain in _MEDIA_HOSTS:
        return False
    return any(_is_long_token(s) or _looks_random(s) for s in segments)
