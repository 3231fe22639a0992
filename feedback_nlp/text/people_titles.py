"""Titles before a surname, for :func:`feedback_nlp.text.people.redact_names`, and the checks
that refuse a title where its word means something else (bread, a frying pan, a computer).

Titles match case-insensitively at a word start: words, then a space; English abbreviations,
with or without a full stop; others (also words or brands elsewhere: ``sig.``, ``dl.``), only
with it; ``Prof``, ``M.``, ``Mag.``, ``Ing.``, ``Drs.``, ``Ir.`` only so capitalised. Several
may follow each other (``Frau Dr.``, ``Herr Prof. Dr.``). Inflected forms count too (``bei
Herrn Müller``, ``panu Nowakowi``, ``господину Иванову``, ``doamnei Popescu``).

Polish and Czech ``pan``/``pane`` count only in a text with Polish or Czech evidence (a
letter such as ``ł`` or ``ř``, or a word such as ``jest``, ``bardzo``): Spanish and English
"pan" and Italian "pane" are bread and a frying pan ("el pan Bimbo"). Capitalised (``Pan
Kowalski`` at a sentence start, since stop 51) they need that evidence too, and are refused
after a capitalised word (``Peter Pan``) and before ``Am`` (``Pan Am``).

UK public-sector titles (since stop 51): ``Cllr``, ``Councillor``, ``Officer``,
``Inspector``, ``Sergeant``, ``Sgt``, ``Constable``, ``Supt``; the police ranks ``PC``,
``PCSO``, ``DC``, ``DS``, ``DCI`` only in capitals, before a surname that is not a computer's,
a store's or a console's word (``PC World``, ``PC Gamer``, ``DC Comics``, ``DS Lite``) and
not after a determiner (``my PC Lenovo``, ``mon PC Asus``). After these ranks and offices
(since stop 51, round 2) a name is refused when all its words are common words
(``Officer Training``, ``Sergeant Pepper``, ``DC Fast charging``: `needs_uncommon_name`).

Care titles (since stop 52): ``Nurse``, ``Sister``, ``Matron``, ``Midwife``, ``HCA`` (in
capitals), Welsh ``Nyrs``, Polish ``Pielęgniarka``, ``Położna``, ``Doktor``, Portuguese and
Spanish ``Enfermeira``, ``Enfermera``, ``Doutora``, ``Dra.``, German ``Schwester``,
``Hebamme``. None takes a word that makes it a job or a compound (``Nurse Practitioner``,
``Sister Company``: `_NOT_AFTER_CARE`). A capitalised English one takes a one-word name of
common words too (``Nurse Jo``, ``Sister Grace``) when no capitalised word follows; written in
lower case (``my sister Anna``), before Title Case (``The Nurse Did A Great Job``) or in
another language, its name must hold an uncommon word, as after a rank.
"""

from __future__ import annotations

import re

from feedback_nlp.text.care_names import is_plain_word

TITLES = (
    r"(?:herrn?|frau|monsieur|madame|mademoiselle|mme|mlle|señor|señora|señorita|signor|signora|"
    r"signorina|senhor|senhora|domnul|domnului|doamna|doamnei|господин(?:а|у|ом|е)?|"
    r"госпож(?:а|и|е|у|ой)|г-н|г-жа|г-на|г-ну|г-жи|г-же|пан(?:а|у|ом|ові|і|е)?|"
    r"pana|panu|panem|panie|pani|panią|paní|pán|pánovi|(?-i:[Pp]ane?)|meneer|mevrouw|sayın|"
    r"councillor|officer|inspector|sergeant|constable|(?-i:PC|PCSO|DC|DS|DCI)|"
    r"nurse|sister|matron|midwife|(?-i:HCA)|nyrs|pielęgniar(?:ka|ki|ce|kę|z|za|zowi)|"
    r"położn(?:a|ej|ą)|doktor(?:a|owi|em|ze)?|enfermeir[ao]|enfermer[ao]|doutora?|"
    r"schwester|hebamme)"
    r"(?=[ \t])"
    r"|(?:mr|mrs|ms|dr|cllr|sgt|supt|(?-i:Prof))(?:\.|(?=[ \t]))"
    r"|(?:sr|sra|srta|dra|sig|sig\.ra|dott|dott\.ssa|dl|dna|dhr|mevr|dipl\.-ing|dipl\.-kfm|"
    r"(?-i:M|Mag|Ing|Drs|Ir)|(?-i:med|phil|jur|dent|rer\. nat|med\. dent))\."  # "Dr. med."
)

#: Titles that are also words of Spanish, English or Italian.
_BREAD_TITLES = frozenset(["pan", "pane"])
#: Letters of Polish, Czech and Slovak, and Polish (and Czech) words typed without them.
_WEST_SLAVIC = re.compile("[ąćęłńśźżěčřšžůďťňľĺŕýĄĆĘŁŃŚŹŻĚČŘŠŽŮĎŤŇĽĹŔÝ]")
_WEST_SLAVIC_WORD = re.compile(
    r"(?i)\b(?:jest|byl|byla|bylo|bardzo|przez|juz|tylko|jeszcze|dzien|dobry|dziekuje|prosze|"
    r"ktory|ktora|zeby|wiec|oraz|mnie|nigdy|urzedu|dzialu)\b"
)
#: Words after a capitalised "Pan" that make it no title ("Pan Am").
_NOT_AFTER_CAPITAL_PAN = frozenset(["Am"])

#: Police ranks written as acronyms: titles only in capitals and before a surname.
POLICE_RANKS = frozenset(["PC", "PCSO", "DC", "DS", "DCI"])
#: Care titles written as acronyms (a health-care assistant): titles in capitals only.
_CARE_ACRONYMS = frozenset(["HCA"])
#: English care titles that, capitalised, take a name made of common words ("Nurse Jo").
_ENGLISH_CARE_TITLES = frozenset(["nurse", "sister", "matron", "midwife"])
#: Other care titles: their name must hold an uncommon word ("Schwester Anna", "Dra. Sousa").
_CARE_TITLE = re.compile(
    r"(?i)nyrs|pielęgniar\w*|położn\w*|doktor\w*|enfermei?r[ao]|doutora?|dra|schwester|hebamme"
)
#: The first letter of the word after a name.
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_])")
#: Capitalised words after an English care title that make it a job, a team or a compound.
_NOT_AFTER_CARE = frozenset(
    """practitioner practitioners specialist specialists led lead leads manager managers
    associate associates assistant assistants consultant consultants prescriber educator
    station stations unit units ward wards team teams bank home homes call calls staff
    training practice clinic clinics advisor adviser navigator companies company act acts
    brand brands site sites store stores hotel hotels ship ships city cities school schools
    paper papers publication publications concern organisation organization i'm i’m i'd i’d
    i've i’ve i'll i’ll lt capt""".split()  # noqa: SIM905
)


def in_capitals(word: str) -> bool:
    """Whether a title or cue `word` is written in capitals (``MS``, ``DR``, ``SENHOR``): an
    acronym, or shouting, unless it is a police rank (``PC``, ``DCI``)."""
    return len(word) > 1 and word.isupper() and word not in POLICE_RANKS | _CARE_ACRONYMS


#: Capitalised words after "PC", "DC", "DS" that are no surname: computers, stores, comics,
#: consoles, brands, days and months.
_NOT_AFTER_RANK = frozenset(
    """world version games game gamer gaming magazine mag plus pro mode case tower builder
    specialist specialists support repair repairs store shop master build health format port
    edition player user users monitor richard richards optimum connection manager suite app
    apps client cleaner doctor desktop laptop portable fixe bureau card speaker speakers setup
    software hardware upgrade home office windows mac bundle only specs power motor motors
    comics comic universe fandome studios movies lite xl game pass lenovo dell asus acer hp
    automobiles
    samsung apple microsoft intel amd nvidia msi medion linux ubuntu steam xbox monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()  # noqa: SIM905 (a word list)
)
#: A determiner or possessive right before "PC": the computer ("my PC Lenovo", "mon PC").
_DETERMINER_BEFORE = re.compile(
    r"(?i)(?:^|\W)(?:my|your|his|her|our|their|the|a|an|this|that|new|old|work|gaming|mon|ma|"
    r"le|un|une|ce|mi|el|tu|su|il|mio|mein|meinen|meinem|der|den|dem|das|ein|einen|mijn|het|"
    r"een|mój|moj|meu|o)\W*$"
)


def _has_west_slavic_evidence(text: str) -> bool:
    """A Polish, Czech or Slovak letter, or a Polish word typed without its letters."""
    return _WEST_SLAVIC.search(text) is not None or _WEST_SLAVIC_WORD.search(text) is not None


def _first_title_word(match: re.Match[str]) -> str:
    """The first word of the title group, without its full stop ("" for another cue)."""
    words = (match.groupdict().get("title") or "").replace(".", " ").split()
    return words[0] if words else ""


def _word_before(match: re.Match[str]) -> str:
    """The word right before the title ("" at the start of a text or after punctuation)."""
    before = match.string[: match.start("title")]
    found = re.search(r"([^\W\d_][\w'’-]*)[ \t]+$", before)
    return found.group(1) if found else ""


def _is_bread(match: re.Match[str], title: str, name: str) -> bool:
    """Whether "pan"/"pane" (alone as the title) is bread, a frying pan, Peter Pan or Pan Am."""
    if title.lower() not in _BREAD_TITLES or match["title"].strip() != title:
        return False
    if not _has_west_slavic_evidence(match.string):
        return True
    capital = title[0].isupper()
    return capital and (_word_before(match)[:1].isupper() or name in _NOT_AFTER_CAPITAL_PAN)


def _is_computer(match: re.Match[str], name: str) -> bool:
    """Whether a police rank's acronym ("PC", "DC", "DS") names a computer, store or comic."""
    if name.lower() in _NOT_AFTER_RANK or (len(name) > 1 and name.isupper()):
        return True
    return _DETERMINER_BEFORE.search(match.string[: match.start("title")]) is not None


#: Titles that are also words of rank or office ("Officer Training", "Sergeant Pepper", "DC
#: Fast charging"): a name after them must not be made of common words only.
_WORD_TITLES = POLICE_RANKS | frozenset(
    "councillor officer inspector sergeant constable".split()  # noqa: SIM905
)


def _is_lax_care_title(match: re.Match[str], title: str, name_end: int) -> bool:
    """Whether `title` is a capitalised English care title whose name is one word that no
    capitalised word follows (Title Case: "The Nurse Did A Great Job", "Nurse Will Be
    Missed")."""
    if title.lower() not in _ENGLISH_CARE_TITLES or not title[0].isupper():
        return False
    words = match.string[match.start("name") : name_end].split()
    if len(words) > 1 or is_plain_word(words[0].strip("'’-")):
        return False  # "Nurse Never came", "Midwife Brilliant care"
    following = _NEXT_WORD.match(match.string, name_end)
    return following is None or not following.group(1).isupper()


def _is_care_title(title: str) -> bool:
    """Whether `title` (one word, without its full stop) is a care title."""
    lower = title.lower()
    return (
        lower in _ENGLISH_CARE_TITLES
        or title in _CARE_ACRONYMS
        or bool(_CARE_TITLE.fullmatch(lower))
    )


#: Capitalised words that make a care title's name a place ("Sister Dora Ward").
_CARE_PLACES = frozenset(
    "ward wards unit units clinic centre center suite wing house hospital home".split()  # noqa: SIM905
)


def _names_a_place(match: re.Match[str]) -> bool:
    """Whether a capitalised word among the name's next three ends it as a place."""
    start = match.start("name") if match.groupdict().get("name") is not None else match.end()
    for word in match.string[start:].split()[1:3]:
        if not word[:1].isupper():
            return False
        if word.strip(".,;:!?").lower() in _CARE_PLACES:
            return True
    return False


def needs_uncommon_name(match: re.Match[str], name_end: int) -> bool:
    """Whether the title of `match` is a rank, office or care title that is also a word
    (`_WORD_TITLES`, "Officer Training"; "my sister Anna"): its name, which ends at
    `name_end`, must hold an uncommon word. A capitalised English care title ("Nurse Jo")
    needs none."""
    title = _first_title_word(match)
    if _is_care_title(title):
        return not _is_lax_care_title(match, title, name_end)
    return (title if title in POLICE_RANKS else title.lower()) in _WORD_TITLES


def refuses_title(match: re.Match[str], name: str) -> bool:
    """Whether the title of `match` (a cue match with `title` and `name` groups) is no title
    before `name`, its first name word."""
    title = _first_title_word(match)
    if not title:
        return False
    if title in POLICE_RANKS:
        return _is_computer(match, name)
    if _is_care_title(title):  # "Nurse Practitioner", "Sister Company", "Sister Dora Ward"
        return name.lower() in _NOT_AFTER_CARE or _names_a_place(match)
    return _is_bread(match, title, name)
