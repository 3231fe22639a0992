"""Numbers in feedback text: how many times ("3 times", "third time", "dreimal") and how long
("45 minutes", "une demi-heure", "seit 5 Wochen", "полтора часа"), in the toolkit's languages.

Used by the effort cues (:mod:`feedback_nlp.backends.effort_cues`). Text is expected casefolded
and folded (:func:`fold`: accents dropped, so "tres"/"três" and "dupa"/"după" read alike).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def fold(text: str) -> str:
    """`text` without combining marks (ü → u, ă → a, й → и); ı, ł and ß stay as they are."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


#: Cardinal number words (casefolded) → value, for en de fr es it pt nl ru pl ro tr.
CARDINALS: dict[str, float] = {}
_CARDINAL_WORDS = {
    1: "one a an ein eine einen einem einer un une uno una um uma een один одна одну jeden jedna "
    "jedną o bir another noch wieder encore otra otro altra mais weer ещё еще kolejna kolejną "
    "încă",
    2: "two zwei deux dos due dois duas twee два две двум dwa dwie doi două iki dwy ddwy",
    3: "three drei trois tres tre três drie три трём trzy trei üç tair dair",
    4: "four vier quatre cuatro quattro quatro четыре четырём cztery patru dört pedair bedair",
    5: "five fünf cinq cinco cinque vijf пять пяти pięć cinci beş pum",
    6: "six sechs seis sei zes шесть шести sześć șase altı chwe",
    7: "seven sieben sept siete sette sete zeven семь siedem șapte yedi",
    8: "eight acht huit ocho otto oito восемь osiem opt sekiz",
    9: "nine neun neuf nueve nove negen девять dziewięć nouă dokuz",
    10: "ten zehn dix diez dieci dez tien десять dziesięć zece",
    15: "fifteen fünfzehn quinze quince quindici vijftien пятнадцать piętnaście cincisprezece",
    20: "twenty zwanzig vingt veinte venti vinte twintig двадцать dwadzieścia douăzeci yirmi",
    30: "thirty dreißig trente treinta trenta trinta dertig тридцать trzydzieści treizeci otuz",
    40: "forty vierzig quarante cuarenta quaranta quarenta veertig сорок czterdzieści patruzeci "
    "kırk",
    45: "forty-five",
    50: "fifty fünfzig cinquante cincuenta cinquanta cinquenta vijftig пятьдесят pięćdziesiąt "
    "cincizeci elli",
}
for _value, _words in _CARDINAL_WORDS.items():
    CARDINALS.update(dict.fromkeys(fold(_words).split(), float(_value)))

#: Ordinal stems → value ("third", "dritten", "troisième", "tercera", "третий", "üçüncü").
ORDINALS: dict[str, int] = {}
_ORDINAL_WORDS = {
    2: "second zweit deuxième segund second tweede втор drug doua ikinci ail",
    3: "third dritt troisième tercer terz terceir derde трет trzec treia üçüncü trydydd",
    4: "fourth viert quatrième cuart quart vierde четв czwart patra dördüncü pedwerydd",
    5: "fifth fünft cinquième quint vijfde пят piąt cincea beşinci",
    6: "sixth sechst sixième sext sest sext zesde шест szóst șasea altıncı",
    7: "seventh siebt septième séptim settim sétim zevende седьм siódm șaptea yedinci",
    8: "eighth acht huitième octav ottav oitav achtste восьм ósm opta sekizinci",
    9: "ninth neunt neuvième noven non non negende девят dziewiąt noua dokuzuncu",
    10: "tenth zehnt dixième décim decim décim tiende десят dziesiąt zecea onuncu",
}
for _value, _words in _ORDINAL_WORDS.items():
    ORDINALS.update(dict.fromkeys(fold(_words).split(), _value))

_NUMBER = r"\d+(?:[.,]\d+)?|" + "|".join(
    sorted((re.escape(w) for w in CARDINALS), key=len, reverse=True)
)
#: "times" words: 3 times, 3 fois, 3 veces, 3 volte, 3 vezes, 3 keer, 3 раза, 3 razy, 3 ori,
#: 3 kez/defa, 3x, and German "3 Mal".
_TIMES = r"times|x|fois|veces|volte|vezes|keer|maal|mal|раза?|razy|ori|kez|defa|kere|gwaith"
#: "three times better", "drei Mal so teuer", "trois fois plus cher": a comparison, no count.
_COMPARED = (
    r"better|worse|less|as|cheaper|faster|slower|bigger|larger|smaller|higher|lower|longer|"
    r"the (?:price|cost|amount|size)|mehr|besser|plus|mieux|moins|mejor|menos|piu|meglio|meno|"
    r"mais|melhor|meer|beter|minder|больше|лучше|меньше|wiecej|lepiej|mniej|daha"
)
_TIMES_RE = re.compile(
    fold(rf"(?<!\w)({_NUMBER})\s*(?:{_TIMES})(?!\w)(?!\s+(?:{_COMPARED})(?!\w))")
)
#: One-word multiples: twice, dreimal, viermal, трижды, twee keer is handled above.
_MULTIPLES = {
    "twice": 2, "thrice": 3, "zweimal": 2, "dreimal": 3, "viermal": 4, "fünfmal": 5,
    "sechsmal": 6, "siebenmal": 7, "zehnmal": 10, "mehrmals": 3, "дважды": 2, "трижды": 3,
    "четырежды": 4, "dwukrotnie": 2, "trzykrotnie": 3,
}  # fmt: skip
_MULTIPLES = {fold(word): count for word, count in _MULTIPLES.items()}
_MULTIPLE_RE = re.compile(r"(?<!\w)(" + "|".join(_MULTIPLES) + r")(?!\w)(?! as\b)")
_ORDINAL_RE = re.compile(
    fold(
        r"(?<!\w)(?:a\s+)?("
        + "|".join(sorted((re.escape(w) for w in ORDINALS), key=len, reverse=True))
        + r")\w*\s+(?:time|mal|fois|vez|volta|keer|раз|raz|oară|oara|kez|defa|tro|dro|waith|"
        r"call|appel|"
        r"llamada|chiamata|chamada|звон|anruf|attempt|try|versuch|tentative|intento|tentativ|"
        r"poging|попытк|prób|încercar|deneme)"
    )
)

#: Unit word → minutes; a number must precede ambiguous short words (it. "ora", tr. "ay").
_UNITS: tuple[tuple[str, float], ...] = (
    (r"min(?:ute[ns]?|s|\.)?|minutos?|minuti|minuut|минут\w*|minut\w*|dakika\w*", 1.0),
    (r"hours?|hrs?|stunden?|heures?|horas?|or[aeă]|uur|час\w*|godzin\w*|saat\w*", 60.0),
    (r"days?|tage?n?|jours?|d[ií]as?|giorn[oi]|dagen?|дн[еяий]\w*|день|dni|dzie[nń]|zile|gün\w*",
     1440.0),
    (r"weeks?|wochen?|semaines?|semanas?|settiman[ae]|weken|недел\w+|tygodni\w*|tydzie[nń]|"
     r"săptămân\w+|hafta\w*", 10080.0),
    (r"months?|monat\w*|mois|mes(?:es)?|mes[ei]|mês|meses|maand\w*|месяц\w*|miesi[aą]c\w*|"
     r"lun[aăi]\w*|ay", 43200.0),
)  # fmt: skip
#: Fixed phrases: half an hour, a quarter of an hour, an hour and a half.
_PHRASES: tuple[tuple[str, float], ...] = (
    (r"lunch ?break|mittagspause|pause déjeuner|pausa (?:para|de) (?:comer|almoço)|"
     r"pausa pranzo|lunchpauze|обеденный перерыв|przerw\w* obiadow\w*", 60.0),
    (r"(?:whole |entire |all )?morning|(?:halben |ganzen )?vormittag|(?:toute ma |la )?matinée|"
     r"(?:toda la )?mañana entera|toda la mañana|(?:una )?mattinata(?: intera)?|"
     r"(?:a )?manhã inteira|(?:de )?hele ochtend|всё утро|весь утро|całe przedpołudnie|"
     r"toată dimineața|bütün sabah", 180.0),
    (r"half (?:a|the) day|halben tag|demi-journée|medio día|mezza giornata|meio dia|"
     r"halve dag|полдня|pół dnia|jumătate de zi|yarım gün", 240.0),
    (r"half an hour|halbe stunde|demi-heure|media hora|mezz'ora|mezzora|meia hora|half uur|"
     r"полчаса|pół godziny|jumătate de oră|yarım saat", 30.0),
    (r"quarter of an hour|viertelstunde|quart d'heure|cuarto de hora|quarto d'ora|kwartier|"
     r"четверть часа|kwadrans|sfert de oră|çeyrek saat", 15.0),
    (r"hour and a half|anderthalb stunden|eineinhalb stunden|heure et demie|hora y media|"
     r"ora e mezza|hora e meia|anderhalf uur|полтора часа|półtorej godziny|oră și jumătate|"
     r"bir buçuk saat", 90.0),
)  # fmt: skip


def _number(token: str | None) -> float:
    if not token:
        return 1.0
    token = token.strip()
    if token in CARDINALS:
        return CARDINALS[token]
    return float(token.replace(",", "."))


def _unit_pattern(unit: str) -> str:
    return rf"(?:(?<!\w)({_NUMBER})(?:\s*-?\s*|')?(?:de\s+)?)?(?<![^\W'])(?:{unit})(?!\w)"


_DURATION_RES = [(re.compile(fold(_unit_pattern(u))), minutes) for u, minutes in _UNITS]
_PHRASE_RES = [(re.compile(fold(rf"(?<!\w)(?:{p})(?!\w)")), minutes) for p, minutes in _PHRASES]
_NEEDS_NUMBER = re.compile(r"^(?:or[aeă]|ay|mes[ei]?)$")


def durations(text: str) -> list[float]:
    """Every duration in `text`, in minutes ("45 minutes" → 45, "2 semaines" → 20160)."""
    return [minutes for _, minutes in duration_spans(text)]


def starts_with_duration(text: str) -> bool:
    """True when `text` opens with a duration ("5 minutes on hold", "half an hour", "a minute")."""
    return any(start == 0 for start, _ in duration_spans(text))


def duration_spans(text: str) -> list[tuple[int, float]]:
    """Every duration in `text`: where it starts and how many minutes it is."""
    found: list[tuple[int, float]] = []
    taken: list[tuple[int, int]] = []
    for pattern, minutes in _PHRASE_RES:
        for match in pattern.finditer(text):
            found.append((match.start(), minutes))
            taken.append(match.span())
    for pattern, minutes in _DURATION_RES:
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            unit = text[match.end(1) if match.group(1) else match.start() : match.end()].strip()
            if match.group(1) is None and _NEEDS_NUMBER.match(unit):
                continue
            found.append((match.start(), _number(match.group(1)) * minutes))
    return found


def counted_durations(text: str) -> list[float]:
    """Durations in `text` written with a number ("3 weeks", "a month", "osiem tygodni"), in
    minutes; a bare unit ("all week", "for days") is left out."""
    return [
        _number(match.group(1)) * minutes
        for pattern, minutes in _DURATION_RES
        for match in pattern.finditer(text)
        if match.group(1)
    ]


#: Larger numbers before a noun are amounts ("118 Sekunden"), not how many times.
MAX_COUNT = 20


def repeat_count(text: str) -> int:
    """The largest "how many times" in `text` (3 times, third time, dreimal, трижды); 0 if none."""
    counts = [int(_number(m.group(1))) for m in _TIMES_RE.finditer(text)]
    counts += [_MULTIPLES[m.group(1)] for m in _MULTIPLE_RE.finditer(text)]
    counts += [ORDINALS[m.group(1)] for m in _ORDINAL_RE.finditer(text)]
    return max((c for c in counts if c <= MAX_COUNT), default=0)


def count_before(text: str, noun: str) -> int:
    """The largest number (up to 20, not a price) before `noun`: "four emails" → 4; else 0."""
    counts = (int(_number(m.group(1))) for m in _count_pattern(noun).finditer(text))
    return max((c for c in counts if c <= MAX_COUNT), default=0)


@lru_cache(maxsize=64)
def _count_pattern(noun: str) -> re.Pattern[str]:
    """The compiled pattern of :func:`count_before` for `noun` (built once: the number
    alternation is long, and folding and compiling it per text was most of the stage's time)."""
    # a lookahead, so that "à six personnes" is read as six, not as "a" (one) + a word
    return re.compile(fold(rf"(?=(?<![\w$€£])({_NUMBER})\s+(?:\w+\s+)?(?:{noun}))"))
