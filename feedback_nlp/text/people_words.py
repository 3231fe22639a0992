"""Which words after a cue can be a person's name, for :mod:`feedback_nlp.text.people` and
:mod:`feedback_nlp.text.people_cues`: capitalised words, surname particles inside them
(``van Dijk``, ``De Vries``), no sentence-function word."""

from __future__ import annotations

import re

#: The words of a name after a cue: one to four words of letters (``'``, ``’``, ``-`` inside).
NAME_WORDS = r"(?P<name>(?:[^\W\d_][\w'’-]*)(?:[ \t]+[^\W\d_][\w'’-]*){0,3})"
#: A word that looks capitalised but is no name: sentence-initial words a cue may precede.
NOT_NAMES = frozenset(
    """i the a an and but or your our my we you he she they it this that is was thanks thank
    team support customer service staff le la les un une et de du des der die das und ein eine
    el los las y una il lo gli e o os as и в bardzo dziękuję dziekuje dzięki dzieki proszę
    prosze dobrze děkuji dekuji prosím prosim""".split()  # noqa: SIM905 (a word list)
)
#: Brands that feedback names after "von" or "de" where a surname could stand ("von Telekom").
NOT_CUE_BRANDS = frozenset(
    """vodafone amazon google apple microsoft telekom orange movistar o2 ee sky virgin bt
    vattenfall eon e.on rwe enbw ryanair easyjet lufthansa klm iberia vueling""".split()  # noqa: SIM905
)
#: Particles that are also articles: never a name's first word in lower case ("Frau den Flug
#: …": German nouns are capitalised); capitalised they may be ("Madame Le Pen").
_ARTICLES = frozenset(["der", "den", "la", "le"])
#: Words inside a surname ("van Dijk", "de la Cruz", "von Hirschhausen", Welsh "ap Gwilym",
#: "ab Owen"), or capitalised first
#: as Dutch writes them without a first name ("mevrouw De Vries").
PARTICLES = frozenset("von van de der den da di del dos du la le ap ab".split())  # noqa: SIM905


def _is_particle(word: str, first: bool) -> bool:
    """Whether `word` is a surname particle here: lower case, or capitalised (``De``, ``VAN``)."""
    lower = word.lower()
    if lower not in PARTICLES or not (word.islower() or word.istitle() or word.isupper()):
        return False
    return not (first and word.islower() and lower in _ARTICLES)


#: German particles and articles that, after a name, start an organisation: "Herr Schneider
#: von der Hotline" (since stop 53; "Ursula von der Leyen" is the price: 1 in 52 in the data).
_GERMAN_ARTICLES = frozenset(["der", "den", "dem"])
#: Nouns that start an organisation after "de", "da", "di", "du" ("García de la Oficina
#: Virtual"), where a surname that is a word ("de la Fuente", "van Dam") would stand.
_ORGANISATION_NOUNS = frozenset(
    """oficina oficinas tienda empresa compañía compania atención atencion servicio servicios
    departamento sucursal agencia banco central centro delegación delegacion área area equipo
    soporte agência loja serviço servico apoio filial balcão ufficio negozio servizio
    assistenza banca agenzia reparto filiale bureau agence boutique société societe magasin
    banque clientèle""".split()  # noqa: SIM905
)


def _starts_organisation(particles: list[str], word: str) -> bool:
    """Whether `particles` after a name word and the capitalised `word` after them name where
    the person works ("von der Hotline", "von Vattenfall", "de la Oficina Virtual"), not the
    rest of a surname ("van der Berg", "de la Cruz", "von Hirschhausen")."""
    lowered = [p.lower() for p in particles]
    if lowered[0] == "von" and _GERMAN_ARTICLES.intersection(lowered[1:]):
        return True
    return word.lower() in NOT_CUE_BRANDS | _ORGANISATION_NOUNS


def name_word_count(
    words: list[str], not_names: frozenset[str] = NOT_NAMES, organisations: bool = True
) -> int:
    """How many of the leading `words` can be a name (0: none): capitalised words not in
    `not_names`, with particles inside or first when a capitalised word follows ("van Dijk",
    "De Vries"), written like the first (``JOHN SMITH``; ``Smith LOVED it`` stops at LOVED);
    when `organisations`, a particle after a name that starts one ends it (a signed name, all
    that is left of a text, needs no such end: `_starts_organisation`)."""
    taken: list[str] = []
    for word in words:
        if _is_particle(word, first=not taken):
            taken.append(word)  # kept only when a name follows (trailing ones are dropped)
            continue
        named = [w for w in taken if w.lower() not in PARTICLES]
        if not word[0].isupper() or word.lower() in not_names:
            break
        if named and word.isupper() != named[0].isupper():
            break
        particles = taken[len(taken) - _trailing_particles(taken) :]
        if organisations and named and particles and _starts_organisation(particles, word):
            break
        taken.append(word)
    return len(taken) - _trailing_particles(taken)


def _trailing_particles(taken: list[str]) -> int:
    """How many of the last `taken` words are particles."""
    count = 0
    while count < len(taken) and taken[-1 - count].lower() in PARTICLES:
        count += 1
    return count


#: Last words of a street, square, station or shopping centre: a store named after one is
#: thanked like a person ("Thank you Florence Road.", "cheers Oxford Street!").
PLACE_WORDS = frozenset(
    """road rd street broadway park square centre center station mall avenue plaza arcade
    parade precinct promenade quay wharf boulevard circus junction retail outlet
    westfield""".split()  # noqa: SIM905 (a word list)
)


def ends_on_place(words: list[str]) -> bool:
    """Whether two or more name `words` end on a place word ("Wimbledon Broadway")."""
    return len(words) > 1 and words[-1].lower().strip("'’-.") in PLACE_WORDS


_CASED_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: A text whose words after the first are mostly capitalised ("I'm Very Happy With It") is
#: written in Title Case: there a capital tells nothing.
_TITLE_CASE_SHARE = 0.5
_TITLE_CASE_WORDS = 4


def is_title_case(text: str) -> bool:
    """Whether most cased words of `text` after its first are capitalised (at least four)."""
    words = [w for w in _CASED_WORD.findall(text)[1:] if w.lower() != w.upper()]
    if len(words) < _TITLE_CASE_WORDS:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= _TITLE_CASE_SHARE
