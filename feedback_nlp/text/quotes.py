"""Quoted posts, quote headers and signature blocks: told apart from the author's own words.

Forum and e-mail exports carry earlier posts and signatures inside a post's text; analysed as
the author's words, a praising reply that quotes a complaint reads negative and gets the
complaint's theme. :func:`split_quote_tags` cuts a raw text at its quote tags, the caller
cleans each part (:func:`feedback_nlp.text.clean.clean_comment`), and :func:`strip_quotes`
returns the own words with what was taken out beside them. Nothing is lost: the raw `text`
stays as written.

Taken out: the text of a closed ``[quote=…]``…``[/quote]`` or ``<blockquote>``…
``</blockquote>`` (nested ones inside it too), and of an untitled ``[quote]``…``[/quote]``
after a quote header (alone, Steam reviewers use it to box their own verdict: 8 of 1,100
Steam reviews in ../shared/data did, none quoted anyone); in a text of two lines or more,
runs of lines marked ``> `` or ``>>``; the header right before such a quote (``bob wrote:``,
``Am … schrieb Bob:``, ``Le … a écrit :``, ``El … escribió:``, …; two lines when a mail
client wrapped it); after a line that is exactly ``--`` (RFC 3676 ``-- ``) the at most
`MAX_SIGNATURE_LINES` lines of `MAX_SIGNATURE_CHARS` characters that follow; mobile footers
alone on their line (``Sent from my iPhone``, ``Von meinem iPhone gesendet``, ``Get Outlook
for Android``, …); and an earlier message a mail client appended, from its ``-----Original
Message-----`` line (``Ursprüngliche Nachricht``, ``Message d'origine``, ``Mensaje
original``, …) or from a ``From:`` line with ``Sent:``/``Date:`` and ``To:`` lines after it
(``Von:``/``Gesendet:``/``An:``, …), to the end.

Left alone, when no header comes first: ``> 5 days late`` or ``>50%`` (a one-line text, no
space after ``>``, only numbers after ``> ``), a menu path (``> Privacy``: fewer than
`MIN_QUOTE_WORDS` words), a list (``> fast`` after ``Pros:``); and ``--`` inside a line, a
footer phrase inside a sentence, a header with no quote after it, "From:" and "To:" in the
author's own sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: The `text_issues` kinds this module reports, in the order `Stripped.issues` lists them.
QUOTE_ISSUES = ("quoted_text_removed", "signature_removed", "quote_only")
#: Most lines and characters after a ``--`` delimiter read as a signature; a longer tail is
#: the post going on after a separator (or a long disclaimer), left in.
MAX_SIGNATURE_LINES = 8
MAX_SIGNATURE_CHARS = 400
#: A line of this many words after ``--`` is the post going on, not a signature.
MAX_SIGNATURE_WORDS = 8
_WORD = re.compile(r"[^\W\d_]{2,}")
_CONTACT_TOKEN = re.compile(r"[@/\d]|\w\.\w|^<[A-Z]+>$")
#: Longest quote header, in characters.
MAX_HEADER_CHARS = 200
#: Without a header, a run of ``>`` lines is a quote only when one of them has this many
#: words: "Settings\n> Privacy\n> Delete account" is a menu path.
MIN_QUOTE_WORDS = 3

_QUOTE_TAG = re.compile(r"\[(/?)quote(?:[= ][^\[\]\n]*)?\]|<\s*(/?)\s*blockquote\b[^<>]*>", re.I)
_CLOSING_TAG = re.compile(r"\[/quote\]|<\s*/\s*blockquote\b", re.I)
_UNTITLED = re.compile(r"\[quote\]", re.I)
_RAW_BREAK = re.compile(r"\n|<\s*br\s*/?>|<\s*/?\s*(?:p|div)\b[^<>]*>", re.I)
_MARKED = re.compile(r">")  # a line that starts with ">": a quote only after a header
_STRICT = re.compile(r">(?:[ \t>]|$)")  # "> text", ">>text", ">": a quote without a header
_QUANTITY = re.compile(r">[ \t]*[-+~≈]?[\d€$£¥%]")  # "> 5 days", "> €20": more than, not a quote
_HEADER = re.compile(
    r"\b(?:wrote|schrieb|a écrit|escribió|ha scritto|escreveu|schreef|napisała?)\b"
    r"[^.!?\n]{0,80}:$",
    re.I,
)
#: The first half of a header a mail client wrapped ("On 3 May 2026 at 10:15, Bob <b@x.com>").
_OPENER = re.compile(r"(?:On|Am|Le|El|Il|Em|Op)\s")
_DATED = re.compile(r"\d{4}|\d{1,2}:\d{2}")
_DEVICE = (
    r"(?i:iPhone|iPad|Galaxy|Samsung|Android|Huawei|Xiaomi|Pixel|BlackBerry|Nokia|Motorola"
    r"|OnePlus|Oppo|smartphone|mobile|phone|tablet)"
)
_MODEL = r"(?:[A-Z0-9][\w+'-]*|(?i:smartphone|phone|tablet|device|pro|max|plus|mini|ultra))"
_FOOTER = re.compile(
    r"(?:(?i:sent from my|envoyé de mon|enviado desde mi|inviato da|inviato dal mio"
    r"|enviado do meu|von meinem|gesendet von meinem|verstuurd vanaf mijn)"
    rf" {_DEVICE}(?: {_MODEL}){{0,3}}(?: (?i:gesendet))?"
    r"|(?i:get outlook for (?:android|ios)"
    r"|sent from (?:outlook|mail for windows|yahoo mail)(?: (?:for|on) (?:ios|android|iphone))?))"
    r"[.!]?"
)


#: The line that opens an earlier message a mail client appended (Outlook and its kin).
_ORIGINAL = re.compile(
    r"-{2,}\s*(?i:original message|forwarded message|ursprüngliche nachricht|"
    r"weitergeleitete nachricht|message d'origine|message transféré|mensaje original|"
    r"mensaje reenviado|messaggio originale|messaggio inoltrato|mensagem original|"
    r"mensagem encaminhada|oorspronkelijk bericht|doorgestuurd bericht|исходное сообщение|"
    r"wiadomość oryginalna)\s*-{2,}"
)
_FROM = re.compile(r"(?i:from|von|de|da|van|от|od)\s*:\s*\S")
_SENT = re.compile(
    r"(?i:sent|gesendet|envoyé|enviado(?: el| em)?|enviada(?: em)?|inviato|verzonden|"
    r"отправлено|wysłano)\s*:"
)
#: A "From:" value that is a mail sender: an address (or its placeholder) or a <…> part.
_SENDER = re.compile(r"@|<[^<>]*>|<EMAIL>")
_DATE = re.compile(r"(?i:date|datum|data|fecha)\s*:")
_TO = re.compile(r"(?i:to|an|à|a|para|aan|кому|do)\s*:")


@dataclass(frozen=True)
class Stripped:
    """A cleaned comment in three parts, lines joined by "\\n": the author's own words
    (`text`), the quoted posts with their headers, the signature blocks and footers."""

    text: str
    quoted: str = ""
    signature: str = ""

    @property
    def issues(self) -> list[str]:
        """The `text_issues` kinds that say what was taken out (see `QUOTE_ISSUES`)."""
        taken = {
            "quoted_text_removed": self.quoted,
            "signature_removed": self.signature,
            "quote_only": self.quoted and not self.text,
        }
        return [kind for kind in QUOTE_ISSUES if taken[kind]]


def split_quote_tags(text: str) -> list[tuple[bool, str]]:
    """`text` cut into (is_quote, raw part), in order: each outermost closed ``<blockquote>``
    or ``[quote=…]`` block, tags included, is a quoted part, and an untitled ``[quote]`` one
    after a quote header (Steam reviewers box their own verdict in ``[quote]``); empty parts
    are left out."""
    if not _CLOSING_TAG.search(text):
        return [(False, text)] if text else []
    parts: list[tuple[bool, str]] = []
    start = opened = depth = 0
    quotes = False
    for tag in _QUOTE_TAG.finditer(text):
        if not (tag.group(1) or tag.group(2)):
            if depth == 0:
                opened, quotes = tag.start(), _quotes_someone(tag[0], text[start : tag.start()])
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and quotes:
                parts += [(False, text[start:opened]), (True, text[opened : tag.end()])]
                start = tag.end()
    parts.append((False, text[start:]))
    return [(quoted, part) for quoted, part in parts if part]


def _quotes_someone(opening_tag: str, before: str) -> bool:
    """A ``<blockquote>``, a ``[quote=…]`` that names its author, or an untitled ``[quote]``
    right after a quote header ("bob wrote:")."""
    if _UNTITLED.fullmatch(opening_tag) is None:
        return True
    lines = [line.strip() for line in _RAW_BREAK.split(before) if line.strip()]
    return bool(lines) and _is_header(lines[-1])


def strip_quotes(parts: Sequence[tuple[bool, str]]) -> Stripped:
    """Own words, quotes and signatures of a comment given as cleaned (is_quote, text) parts
    (:func:`split_quote_tags`, each part cleaned); a quote takes the header before it along."""
    own: list[str] = []
    quoted: list[str] = []
    for is_quote, part in parts:
        if is_quote:
            quoted += [*_pop_header(own), part]
        elif part:
            own.extend(part.split("\n"))
    lines, forwarded = _without_earlier_mail(own)
    lines, marked = _without_marked_quotes(lines)
    lines, signature = _without_signature(lines)
    quoted_all = _joined([*quoted, *marked, *forwarded])
    return Stripped("\n".join(lines).strip(), quoted_all, _joined(signature))


def _without_earlier_mail(lines: list[str]) -> tuple[list[str], list[str]]:
    """`lines` up to an Outlook-style earlier message ("-----Original Message-----", or a
    "From:" line with "Sent:"/"To:" lines after it), and that message to the end."""
    for index, line in enumerate(lines):
        if _ORIGINAL.fullmatch(line.strip()) or _is_mail_header(lines, index):
            return lines[:index], lines[index:]
    return lines, []


def _is_mail_header(lines: list[str], index: int) -> bool:
    """A "From:" line followed, within three lines, by a "Sent:" and a "To:" line, or, with a
    sender's address in it, by a "Date:" and a "To:" line ("From: London / To: Paris / Date:
    12 May" in a booking is no mail)."""
    if not _FROM.match(lines[index]):
        return False
    after = lines[index + 1 : index + 4]
    if not any(_TO.match(line) for line in after):
        return False
    dated = _SENDER.search(lines[index]) and any(_DATE.match(line) for line in after)
    return any(_SENT.match(line) for line in after) or bool(dated)


def _pop_header(lines: list[str]) -> list[str]:
    """The quote header that ends `lines`, taken off them ([] when none)."""
    start = _header_start(lines, len(lines))
    header = lines[start:]
    del lines[start:]
    return header


def _header_start(lines: list[str], end: int) -> int:
    """Where the quote header right before `lines[end]` starts (`end` when there is none):
    the header line, and the line before it too when a mail client wrapped the header."""
    if end == 0 or not _is_header(lines[end - 1]):
        return end
    header = end - 1
    return header - 1 if header and _is_wrapped(lines[header - 1], lines[header]) else header


def _is_header(line: str) -> bool:
    return len(line) <= MAX_HEADER_CHARS and _HEADER.search(line) is not None


def _is_wrapped(before: str, header: str) -> bool:
    """True when `before` is the dated first half of `header` ("On 3 May 2026, Bob" + "wrote:")."""
    return (
        _OPENER.match(header) is None
        and _OPENER.match(before) is not None
        and _DATED.search(before) is not None
        and before[-1] not in ".!?"
        and len(before) + len(header) <= MAX_HEADER_CHARS
    )


def _without_marked_quotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """`lines` without their ``>`` quotes and headers, and those taken out."""
    if sum(1 for line in lines if line) < 2:
        return lines, []
    taken: set[int] = set()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and _MARKED.match(lines[end]):
            end += 1
        if end > start:
            first = _header_start(lines, start)
            before = lines[start - 1] if start else ""
            if first < start or _reads_as_quote(lines[start:end], before):
                taken.update(range(first, end))
        start = end + 1
    return _split_by(lines, taken)


def _reads_as_quote(block: list[str], before: str) -> bool:
    """True for ``>`` lines that quote without a header: each marked ``> ``, ``>>`` or ``>``
    alone, not every one a quantity (``> 5 days late``), one of `MIN_QUOTE_WORDS` words, and
    not items of a list (the line `before` them ends with ":" or is an item marked "<")."""
    return (
        not before.endswith(":")
        and not before.startswith("<")
        and all(_STRICT.match(line) for line in block)
        and not all(_QUANTITY.match(line) for line in block)
        and any(len(line.lstrip("> \t").split()) >= MIN_QUOTE_WORDS for line in block)
    )


def _without_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    """`lines` without the signature after a ``--`` line and without footers, and those."""
    signature: list[str] = []
    if "--" in lines:
        cut = lines.index("--")
        tail = lines[cut + 1 :]
        short = sum(map(len, tail)) <= MAX_SIGNATURE_CHARS
        if 0 < len(tail) <= MAX_SIGNATURE_LINES and short and not any(map(_is_prose, tail)):
            lines, signature = lines[:cut], tail
    kept, footers = _split_by(lines, _footer_lines(lines))
    return kept, [*footers, *signature]


def _is_prose(line: str) -> bool:
    """A sentence of the author's ("Update: after the last release it crashes on start"),
    not a signature's name, title, company, address or number: `MAX_SIGNATURE_WORDS` words
    or more, an address, a link or a number not counted."""
    kept = [token for token in line.split() if not _CONTACT_TOKEN.search(token)]
    return len(_WORD.findall(" ".join(kept))) >= MAX_SIGNATURE_WORDS


def _footer_lines(lines: list[str]) -> set[int]:
    return {i for i, line in enumerate(lines) if _FOOTER.fullmatch(line)}


def _split_by(lines: list[str], taken: set[int]) -> tuple[list[str], list[str]]:
    """(lines not in `taken`, lines in `taken`), each in order."""
    if not taken:
        return lines, []
    kept = [line for i, line in enumerate(lines) if i not in taken]
    return kept, [lines[i] for i in sorted(taken)]


def _joined(parts: list[str]) -> str:
    return "\n".join(part for part in parts if part)
