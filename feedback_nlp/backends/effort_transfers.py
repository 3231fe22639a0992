"""The transfer cue family: passed between departments, along a chain of places, round in
circles, or transferred once or several times. Phrases written for the project in en de fr es
it pt nl ru pl ro tr (one regular-expression alternation per constant over casefolded text);
weighed by :mod:`feedback_nlp.backends.effort_cues`.
"""

from __future__ import annotations

import re

from feedback_nlp.backends import effort_lexicon as lex
from feedback_nlp.backends.effort_negation import found, words
from feedback_nlp.backends.effort_numbers import count_before, fold, repeat_count
from feedback_nlp.backends.effort_sentences import sentences

#: Going round in circles (a bot or a process that loops).
LOOP = (
    r"round in circles|in circles|im kreis|tourn\w* en rond|(?:da|dan|dando|dar) vueltas|"
    r"in tondo|às voltas|"
    r"in rondjes|по кругу|w kółko|în cerc|döndürüp"
)
#: Being sent somewhere (two in one sentence: sent from A to B and back, a strong transfer).
SENT = (
    r"told me to (?:call|go|ring|contact)|sen(?:t|ds) me|refer(?:red|s) me|"
    r"schick\w* mich|verweis\w* mich|zurück (?:zur|zum|an)|"
    r"me renvoi\w*|m'envoi\w*|m'a (?:r)?envoy\w*|me dirig\w*|"
    r"me (?:dicen|dijeron|mandan|mandaron) (?:que|a)|"
    r"mi (?:manda|rimanda|mandano|rimandano)|"
    r"manda-me|mandam-me|"
    r"verwijs\w*|verwezen|stuur\w* (?:me|mij)|weer naar|"
    r"отправля\w*|отправил\w*|обратно в|"
    r"odsyła\w*|mă trimit\w*|beni gönder\w*"
)

#: Transferred / passed between departments.
TRANSFER_STRONG = (
    r"from (?:one )?(?:department|person|agent) to (?:another|the next)|"
    r"between (?:departments|billing|\w+ and \w+ (?:support|department))|bounced|passed around|"
    r"kept (?:transferring|passing)|"
    r"von (?:einer abteilung zur|der \w+ zu[mr]? .* wieder zurück)|hin und her|"
    r"renvoyé\w* d\w* service|de service en service|baladé|"
    r"de un departamento a otro|de un lado a otro|me pasaron con \w+ agentes|"
    r"da un ufficio all'altro|rimbalzat\w+|"
    r"passado para .* depois para|de setor em setor|"
    r"van de ene afdeling naar de andere|van het kastje naar de muur|"
    r"из одного отдела в другой|по кругу|от одного к другому|"
    r"między działami|od jednego do drugiego|"
    r"de la un departament la altul|m-au pasat|"
    r"bir departmandan diğerine|im kreis (?:geschickt|herum)|herumgeschickt|"
    r"hin und her geschickt|(?:renvoi|renvoy)\w* (?:\w+ ){0,3}(?:vers|à) (?:un|une) autre|"
    r"von pontius zu pilatus|from pillar to post|de una? \w+ a otr[oa]|"
    r"(?:kept|keep) (?:putting|passing|sending|transferring) me|"
    r"(?:to|with) the wrong (?:team|department|person|people)|an die falsche abteilung|"
    r"au mauvais service|al departamento equivocado|all'ufficio sbagliato|"
    r"para o (?:setor|departamento) errado|naar de verkeerde afdeling|не в тот отдел|"
    r"from one \w+ to (?:another|the next)|d'un \w+ à l'autre|de un \w+ a otro|"
    r"da un \w+ all'altro|de um \w+ para (?:o )?outro|van de ene \w+ naar de andere|"
    r"(?:от|из) одного \w+ (?:к|в) друг\w+|od jednego \w+ do drugiego|"
    r"de la un \w+ la altul|bir \w+(?:dan|den) diğerine|"
    r"(?:sent|passed|referred|redirected) (?:\w+ )?(?:somewhere else|elsewhere)|"
    r"woandershin (?:verwiesen|geschickt)|weiterverwiesen|"
    r"renvoi\w* (?:vers|à) (?:un autre|une autre)|rimand\w* (?:a|ad) un altro|"
    r"doorgestuurd naar (?:een )?ander\w*"
)
#: Several departments or teams, counted ("four different departments") or "between" them.
DEPARTMENTS = (
    r"departments|teams|desks|abteilungen|departements|departamentos|setores|sectores|reparti|"
    r"uffici|afdelingen|отдел\w*|dział\w*|departamente|departman\w*|birim\w*"
)
BETWEEN = r"between|among|zwischen|entre|tra|fra|tussen|между|pomiędzy|między|intre|arasında"
#: Being moved on (with a chain of places in the sentence: "from A to B to C", "and back").
MOVED = (
    rf"{TRANSFER_STRONG}|passed|bounced|shunted|shuffled|handed|sent|redirected|forwarded|"
    r"weitergeleitet|verbunden|geschickt|weitergereicht|transfer\w*|renvoy\w*|envoy\w*|"
    r"pass[eé]\w*|pasaron|pasad\w*|mandaron|derivad\w*|trasferit\w*|mandat\w*|passat\w*|"
    r"encaminhad\w*|mandad\w*|doorverbonden|doorgestuurd|gestuurd|переключ\w*|перевел\w*|"
    r"отправ\w*|przełącz\w*|odesła\w*|przekaza\w*|trimis|pasat"
)
#: A hop's "from" and "to" words, per language (en de fr es it pt nl ru pl ro).
HOP_FROM = r"from|von|vom|de|du|des|del|da|dal|dalla|do|van|из|от|z|od|de la"
HOP_TO = r"to|zu|zum|zur|a|au|aux|al|alla|para|ao|naar|в|к|do|la"
HOP_BACK = r"back|zuruck|retour|vuelta|volta|indietro|terug|обратно|z powrotem|inapoi"

TRANSFER = (
    r"transferr\w+|put through|passed (?:me )?on|"
    r"weiterverbunden|weitergeleitet|"
    r"transféré\w*|"
    r"transferid\w+|transfiri\w+|me pasaron|"
    r"trasferit\w+|mi hanno passato|"
    r"fui passad\w+|"
    r"doorverbonden|doorgeschakeld|doorgestuurd|"
    r"переключ\w+|перевел\w*|перенаправ\w+|"
    r"przełącz\w+|"
    r"transferat\w*|"
    r"aktardı\w*"
)

#: Passed between two or more parties named one by one ("I was passed between the claims team,
#: the garage and the assessor", "they bounced me between the bank and the insurer"): the
#: customer is the one moved ("the invoice was sent between …" is not), and the parties are
#: organisations or their teams (`PARTIES`): not tables, nurses at shift change, buildings
#: or a time range ("sent between 2 and 4 pm").
_MOVED_ON = r"passed|bounced|shunted|shuffled|transferred|sent|handed|pushed|juggled|batted"
_WE_WERE = r"(?:i|we)(?:'ve been|'d been| have been| had been| was| were| got| kept being)"
PARTIES = (
    r"teams?|departments?|depts?|bank|banks|insurers?|insurance|garages?|assessors?|agents?|"
    r"agency|agencies|branch|branches|stores?|shops?|compan(?:y|ies)|offices?|"
    r"call cent(?:re|er)s?|helplines?|support|billing|claims|sales|customer service|"
    r"providers?|suppliers?|brokers?|lenders?|landlords?|council|dealers?|dealerships?|"
    r"manufacturers?|retailers?|couriers?|carriers?|airlines?|handlers?|warehouses?|"
    r"head office|surgery|gp|hospital|pharmacy|contractors?|engineers?|"
    r"underwriters?|recover(?:y|ies)|repairers?|"
    r"[a-z]+ (?:team|department|desk|line)"
)
PASSED_BETWEEN = (
    rf"(?:{_WE_WERE}(?: \w+)? (?:{_MOVED_ON})|(?:{_MOVED_ON}) (?:me|us)(?: around)?) "
    rf"(?:between|among) (?=[^.!?;]{{0,60}}?(?<!\w)(?:{PARTIES})(?!\w))"
    r"(?!\d)[^.!?;]{3,60}?(?:,| and )"
)

_AGAIN = words(rf"(?:{lex.AGAIN})(?!\w)")
_LOOP = words(rf"(?:{LOOP})(?!\w)")
_TRANSFER_STRONG = words(TRANSFER_STRONG)
_TRANSFER = words(TRANSFER)
_SENT = words(SENT)
_PASSED_BETWEEN = words(PASSED_BETWEEN)
#: "from department to department", "van afdeling naar afdeling", "из отдела в отдел".
_PLACE_TO_PLACE = re.compile(
    fold(
        r"(?<!\w)(?:from|van|von|de|di|из|od|din) (?P<a>department|abteil|afdel|departament|"
        r"repart|setor|sector|отдел|dział|ufficio|uffic|büro|schalter|desk|counter|loket|"
        r"guichet|agent|mitarbeiter|сотрудник|специалист)\w* (?:to|naar|zu|zum|zur|en|in|em|"
        r"para|в|do|în|a|à|ad) (?:\w+ )?(?P=a)"
    )
)
#: Moved on along a chain of places or between several departments ("passed from billing to
#: technical to sales", "from the claims team to the repairs team and back", "between four
#: departments").
_CHAIN = (
    rf"(?:{HOP_FROM}) (?:\w+ ){{1,3}}?(?:{HOP_TO}) (?:\w+ ){{1,3}}?"
    rf"(?:{HOP_TO}|{HOP_BACK})(?!\w)"
)
_HOPS = words(
    rf"(?:{MOVED}) (?:me |us |around |over |back )?{_CHAIN}|{_CHAIN}[^.!?;,]{{0,40}}?(?<!\w)"
    rf"(?:{MOVED})|"
    rf"(?:{MOVED})[^.!?;]*?(?:{BETWEEN}) (?:\w+ ){{0,2}}(?:{DEPARTMENTS})"
)


def passed_around(text: str) -> bool:
    """Passed between departments or parties, along a chain, round in circles, or sent from A
    to B and back (two sendings in one sentence): a strong transfer."""
    if found(_TRANSFER_STRONG, text) or _PLACE_TO_PLACE.search(text) or _LOOP.search(text):
        return True
    if found(_HOPS, text) or found(_PASSED_BETWEEN, text):
        return True
    return any(len(_SENT.findall(sentence)) >= 2 for sentence in sentences(text))


def transferred(text: str) -> bool:
    """Transferred or put through at least once (not negated)."""
    return found(_TRANSFER, text)


def several_transfers(text: str) -> bool:
    """Transferred more than once: counted ("three times", "two departments") or again."""
    several = repeat_count(text) >= 2 or count_before(text, DEPARTMENTS) >= 2
    return several or bool(_AGAIN.search(text))
