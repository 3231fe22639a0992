"""Common first names of the cue languages, for the weak sign-off cues of
:mod:`feedback_nlp.text.people_sign_offs` and the thanks of :mod:`feedback_nlp.text.people_crew`
(review of stop 53): after a bare thanks line, a dash, "LG" or "Merci à", one capitalised word
is a brand or a place as often as a name ("Thanks\\nNetflix", "-- Xiaomi", "Grazie a Roma"),
so it counts only when it is a known first name. A short list, not a census: a rare first
name there stays, the price of keeping brands and places readable.
"""

from __future__ import annotations

#: First names, lower case, accents kept (English, German, Dutch, French, Italian, Spanish,
#: Portuguese, Polish).
FIRST_NAMES = frozenset(
    """aaron adam adrian agnieszka alan albert alberto alejandro alessandra alessandro alex
    alexander alexandra alice alicia alina alison amanda amelia amy ana andrea andreas andrew
    andrzej angela angelika anita anja anke ann anna anne annette anouk anthony antoine antonio
    ashley barbara bart bas beata ben benjamin bernd bert beth birgit bram brian bruno carla
    carlos carmen carol caroline catherine cécile charles charlotte chloe chris christian
    christina christine christoph christopher claire clara claudia colin craig dan daan
    daniel daniela daniele danielle david davide debbie denise dennis diana diego dirk dominik
    donna dorota eduardo elena elisa elizabeth ella ellen emily emma enrico eric erik esther
    eva ewa fabian federica federico felix fernando filip florian francesca francesco
    francisco frank franziska frédéric gabriel gabriele gareth gary george gerard gert
    giorgia giorgio giovanni giulia giuseppe grace greg hannah hans harry heike helen helena
    hendrik henk henry hugo ian inés ingrid isabel isabelle ivan jack jacob jakub james jan
    jana jane janet jasmin jason javier jean jen jenny jennifer jeroen jessica jim joanna joao
    joão joe johan johanna john jonas jonathan jordi jorge josé josef joseph josh joshua
    juan judith julia julian julie julien jürgen justyna karen karin karl karolina kasia
    kate katarzyna katharina katherine kathrin katie katja kevin kim klaus krzysztof kai
    lara laura lauren laurent lea leon lisa lorenzo louis louise lucas lucía lucia luca
    luis luisa lukas łukasz luke maarten magdalena maja manuel marc marcel marco marcos
    marek margaret maria marie marina mario mark markus marta martin martina mary mateusz
    mathias matteo matthew matthias max maximilian megan melanie michael michał michel
    michelle miguel mike monika nadine natalia nathalie neil nicholas nick nicola nicolas
    nicole niels nina noah nuno oliver olivia pablo paola patricia patrick paul paula paulo
    pedro peter petra philipp philippe piet pierre piotr pieter rachel rafael rafał raúl
    rebecca rené rene ricardo richard rob robert roberto robin rosa ruben rui ryan sabine
    sam samuel sandra sara sarah sascha sebastian sergio simon simone sofia sophie stefan
    stefanie stephan stephanie steve steven susan susanne sven sylvie tanja thomas tim tobias
    tom tomás tomasz tony ursula valentina valérie vanessa vera victoria vincent wojciech
    wolfgang yvonne""".split()  # noqa: SIM905 (a word list)
)


def is_first_name(word: str) -> bool:
    """Whether `word` (any case, "'s" or trailing punctuation aside) is a known first name."""
    return word.lower().strip("'’-.") in FIRST_NAMES
