"""PII that names a person in running text: @handles, and names after a cue.

No detector finds every name (that needs a named-entity model per language, and the ones we can
ship miss most names in short, lower-case feedback); these two find the forms feedback writes
most and that can be told without one:

- an ``@handle`` (``thanks @jane_doe``, ``RT @ana.b:``) becomes ``@user``, the placeholder of
  the XLM-T tweets, which the encoder already reads every handle as;
- a name right after a cue that introduces one becomes ``<NAME>``: a title (``Mr Smith``,
  ``Frau Müller``, ``Mme Dupont``, ``Sra. López``, ``госпожа Иванова``), a self-introduction
  (``my name is``, ``je m'appelle``, ``ich heiße``, ``me llamo``, ``mi chiamo``, ``meu nome é``,
  ``mă numesc``, ``меня зовут``, ``mijn naam is``, ``nazywam się``, ``benim adım``), or a
  sign-off that ends the text (``Regards,``, ``Cordialement,``, ``Mit freundlichen Grüßen``,
  ``Saludos,`` …) before a name. Only capitalised words are taken (one to four, particles such
  as ``van``, ``de la`` inside or first: ``Mr Smith``, ``my name is Anna Maria Rossi``,
  ``Frau von der Leyen``); ``my name is on the account`` is left alone.
"""

from __future__ import annotations

import re

#: Titles before a surname (case-insensitive, at a word start): words, then a space;
#: English abbreviations, with or without a full stop; others (also words or brands elsewhere:
#: ``sig.``, ``dl.``), only with it; ``M.`` (``M. Dupont``) only in capitals.
_TITLES = (
    r"(?:herr|frau|monsieur|madame|mademoiselle|mme|mlle|señor|señora|señorita|signor|signora|"
    r"signorina|senhor|senhora|domnul|doamna|господин|госпожа|meneer|mevrouw|sayın)"
    r"(?=[ \t])"
    r"|(?:mr|mrs|ms|dr)(?:\.|(?=[ \t]))"
    r"|(?:sr|sra|srta|sig|sig\.ra|dott|dott\.ssa|dl|dna|dhr|mevr|(?-i:M))\."
)
#: Self-introductions; "named", "called" and their kin are left out: products are named too.
_INTRODUCTIONS = (
    r"my name is|my name's|je m['’]appelle|mon nom est|ich heiße|ich heisse|mein name ist|"
    r"me llamo|mi nombre es|mi chiamo|il mio nome è|meu nome é|me chamo|chamo-me|mă numesc|"
    r"ma numesc|numele meu este|меня зовут|моё имя|мое имя|mijn naam is|ik heet|"
    r"nazywam się|mam na imię|benim adım|adım|ismim"
)
#: Sign-offs, which count only when the name after them ends the text or a signature's tail
#: follows it (since stop 48: "Best regards,\nJohn Carter\nProcurement Manager | Acme Ltd").
_SIGN_OFFS = (
    r"regards|kind regards|best regards|best wishes|sincerely|yours sincerely|cordialement|"
    r"bien à vous|mit freundlichen grüßen|mit freundlichen grüssen|viele grüße|liebe grüße|"
    r"saludos|un saludo|atentamente|cordiali saluti|distinti saluti|atenciosamente|"
    r"cumprimentos|cu stimă|cu respect|с уважением|met vriendelijke groet|z poważaniem|"
    r"pozdrawiam|saygılarımla|iyi çalışmalar"
)
_NAME_WORDS = r"(?P<name>(?:[^\W\d_][\w'’-]*)(?:[ \t]+[^\W\d_][\w'’-]*){0,3})"
_CUED_NAME = re.compile(
    rf"(?i)(?<![\w'’])(?P<cue>{_TITLES}|(?:{_INTRODUCTIONS})\b)[ \t]*{_NAME_WORDS}"
)
#: What may follow a signed name: the end, or a signature's tail on lines of their own (a job
#: title, a company, a phone, an address: at most `_TAIL_LINES` lines of 80 characters).
_TAIL_LINES = 6
_SIGNATURE_END = rf"[ \t]*[.!]?(?:\s*$|[ \t]*\n(?:[^\n]{{0,80}}(?:\n|$)){{1,{_TAIL_LINES}}}$)"
_SIGNED_NAME = re.compile(
    rf"(?i)(?<!\w)(?:{_SIGN_OFFS})[ \t]*[,!]?[ \t]*\n?[ \t]*{_NAME_WORDS}(?={_SIGNATURE_END})"
)
#: A word that looks capitalised but is no name: sentence-initial words a cue may precede.
_NOT_NAMES = frozenset(
    """i the a an and but or your our my we you he she they it this that is was thanks thank
    team support customer service staff le la les un une et de du des der die das und ein eine
    el los las y una il lo gli e o os as и в""".split()  # noqa: SIM905 (a word list)
)

#: Particles that are also articles: never a name's first word ("Frau den Flug …": German
#: nouns are capitalised).
_ARTICLES = frozenset(["der", "den", "la", "le"])
#: Lower-case words inside a surname ("van Dijk", "de la Cruz", "von Hirschhausen").
_PARTICLES = frozenset(
    ["von", "van", "de", "der", "den", "da", "di", "del", "dos", "du", "la", "le"]
)


def _name_words(words: str) -> str:
    """The leading words of `words` that can be a name, or ``""``: capitalised words, with
    particles inside or first when a capitalised word follows ("van Dijk", "von der Leyen");
    written like the first (``JOHN SMITH`` in capitals; ``Smith LOVED it`` stops at LOVED)."""
    taken: list[str] = []
    for word in words.split():
        if word in _PARTICLES and (taken or word not in _ARTICLES):
            taken.append(word)  # kept only when a name follows (trailing ones are dropped)
            continue
        named = [w for w in taken if w not in _PARTICLES]
        if not word[0].isupper() or word.lower() in _NOT_NAMES:
            break
        if named and word.isupper() != named[0].isupper():
            break
        taken.append(word)
    while taken and taken[-1] in _PARTICLES:
        taken.pop()
    return " ".join(taken)


def _is_acronym(cue: str | None) -> bool:
    """Whether a one-word cue is written in capitals (``MS Paint``, ``DR``, ``SENHOR``): an
    acronym, or shouting that makes the next word no sign of a name."""
    word = (cue or "").rstrip(".")
    return len(word) > 1 and " " not in word and word.isupper()


def redact_names(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with every name after a cue replaced by `placeholder`; whether one was."""
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        name = _name_words(match.group("name"))
        signed = match.re is _SIGNED_NAME  # there the name must be all that is left
        if not name or _is_acronym(match.groupdict().get("cue")):
            return match.group()
        if signed and name != " ".join(match.group("name").split()):
            return match.group()
        found = True
        start = match.start("name") - match.start()
        return match.group()[:start] + placeholder + match.group()[start + len(name) :]

    for pattern in (_CUED_NAME, _SIGNED_NAME):
        text = pattern.sub(replace, text)
    return text, found


def may_name_someone(text: str) -> bool:
    """Cheap test before :func:`redact_names`: some letter is upper case."""
    return not text.islower()


#: An @handle in running text (``.@jane``, ``@007bond`` included): not inside a word or an
#: e-mail (``jane@host``; e-mails are redacted before), ending on a letter or digit
#: (``@jane.`` ends a sentence), not a spreadsheet function (``@SUM(A1)``).
_TEXT_HANDLE = re.compile(r"(?<![\w@])@\w(?:[\w.]*\w)?(?![\w@(])")
#: What follows an "@" without being a handle: a price, a time, a size, a frequency ("@10€",
#: "@10am", "@2x", "@2.66GHz", "@144hz"): digits, perhaps a decimal part, at most a unit.
_NOT_A_HANDLE = re.compile(
    r"(?i)\d+(?:[.,:]\d+)?"
    r"(?:am|pm|h|hrs?|mins?|ms|s|x|k|kg|g|m|km|cm|mm|in|gb|mb|tb|p|hz|khz|mhz|ghz|fps|w|v|mah|"
    r"eur|usd|gbp)?"
)


def redact_handles(
    text: str, placeholder: str, keep: frozenset[str] = frozenset()
) -> tuple[str, bool]:
    """`text` with handles other than `keep` (lower case, without ``@``) and the placeholder
    itself replaced by `placeholder`; whether one was."""
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        handle = match.group()
        if handle == placeholder or handle[1:].lower() in keep:
            return handle
        if _NOT_A_HANDLE.fullmatch(handle[1:]):
            return handle
        found = True
        return placeholder

    return _TEXT_HANDLE.sub(replace, text), found


def handle_names(handles: str | list[str] | tuple[str, ...] | None) -> frozenset[str]:
    """`handles` as :func:`redact_handles` compares them: lower case, without the ``@``."""
    if isinstance(handles, str):
        handles = [handles]
    return frozenset(h.strip().lstrip("@").lower() for h in handles or ())
