"""Effort cues the main phrase lists miss: requests made a counted or vague number of times
("reported it four times", "he llamado varias veces"), contacts chained by "then", calls and
e-mails that are never returned, and a wait the customer is still in ("czekam już osiem
tygodni"). Written for the project in en de fr es it pt nl ru pl ro tr, with a few Welsh (cy)
repeat-contact cues; used by :mod:`feedback_nlp.backends.effort_cues`.
"""

from __future__ import annotations

import re

from feedback_nlp.backends.effort_negation import found, negated, words
from feedback_nlp.backends.effort_numbers import (
    counted_durations,
    repeat_count,
    starts_with_duration,
)
from feedback_nlp.backends.effort_praise import praise_only
from feedback_nlp.backends.effort_sentences import sentences

DAY_MINUTES = 1440.0

#: Contacts counted by their noun ("4 e-mails", "trois appels", "dwa przypomnienia").
CONTACT_NOUNS = (
    r"e-?mail\w*|mails|courriels|courriers|calls|anrufe|appels|llamadas|chiamate|chamadas|"
    r"telefoontjes|звонк\w+|писем|telefonate|telefonat[ae]|pec|erinnerungen|relances|reminders|"
    r"herinneringen|przypomnie\w+|mesaje|mesaj\w*|correos|mensajes|messages|nachrichten|"
    r"berichten|сообщени\w+|wiadomości"
)
#: English needs a first person (or a sentence that opens with the verb: "Reported it twice"),
#: so that "they sent the wrong size three times" is no contact of the customer's.
_EN_FIRST = r"(?:^ ?|(?:i|we)(?:'ve|'d| have| had)?(?: (?!not|never)\w+)? )"
#: A contact the customer had to make ("I had to call back", "ho dovuto richiamare").
_HAD_TO_CONTACT = (
    r"(?:^ ?|(?:i|we)(?:'d| had| have)? )(?:had|have|needed) to (?:\w+ )?(?:call|ring|phone|"
    r"e-?mail|write|contact|chase)|"
    r"(?:musste|mussten|muss) (?:\w+ ){0,4}?(?:anrufen|telefonieren|schreiben|mailen)|"
    r"(?:j'ai|nous avons) du (?:\w+ )?(?:appeler|rappeler|telephoner|ecrire|relancer)|"
    r"(?:tuve|tuvimos|he tenido|hemos tenido) que (?:volver a )?(?:llamar|escribir|reclamar)|"
    r"(?:ho|abbiamo) dovuto (?:ri)?(?:chiamare|telefonare|scrivere|contattare)|"
    r"(?:tive|tivemos) (?:de|que) (?:voltar a )?(?:ligar|telefonar|escrever|reclamar)|"
    r"(?:moest|moesten) (?:\w+ ){0,3}?(?:bellen|mailen)|"
    r"(?:heb|hebben) (?:\w+ ){0,4}?moeten (?:bellen|mailen)"
)
#: Contacting proper, done by the customer (past or perfect forms): calling, writing,
#: reporting, complaining, chasing. A vague count ("several times") needs one of these.
_CONTACTED = (
    rf"{_EN_FIRST}(?:reported|complained|raised|logged|called|rang|phoned|e-?mailed|wrote|"
    r"written|messaged|contacted|chased)|"
    r"(?:habe|hab|haben) (?:\w+ ){0,4}?(?:angerufen|telefoniert|geschrieben|gemailt|gemeldet|"
    r"nachgefragt|reklamiert|kontaktiert)|"
    r"(?:j'ai|nous avons) (?:\w+ ){0,3}?(?:appele|telephone|ecrit|signale|relance|contacte|"
    r"reclame|rappele)|"
    r"(?:he|hemos) (?:\w+ )?(?:llamado|escrito|reclamado|contactado|avisado)|"
    r"llame|escribi|reclame|denuncie|"
    r"(?:ho|abbiamo) (?:\w+ ){0,2}?(?:(?:ri)?(?:chiamato|telefonato|scritto|contattato)|"
    r"segnalato|sollecitato|reclamato)|"
    r"liguei|telefonei|escrevi|reclamei|contactei|contatei|"
    r"(?:heb|hebben) (?:\w+ ){0,4}?(?:gebeld|gemaild|geschreven|gemeld|geklaagd)|"
    r"звонил\w*|позвонил\w*|писал\w*|написал\w*|обращал\w*|сообщал\w*|"
    r"dzwonił\w*|zadzwonił\w*|pisał\w*|napisał\w*|zgłaszał\w*|zgłosił\w*|"
    r"am (?:\w+ )?(?:sunat|scris|reclamat|contactat|semnalat)|"
    r"aradım|yazdım|bildirdim|"
    r"wedi (?:\w+ )?(?:ffonio|e-?bostio|ysgrifennu|cysylltu|rhoi gwybod)|"
    r"ffoniais|ysgrifennais|cysylltais|"
    rf"{_HAD_TO_CONTACT}"
)
#: Asking, requesting or sending ("asked", "pedí", "gevraagd", "sent"): effort only when
#: counted ("asked twice"); "ordered several times and asked for extra sauce" is none.
_ASKED = (
    rf"{_EN_FIRST}(?:sent|submitted|asked|requested|applied)|"
    r"(?:habe|hab|haben) (?:\w+ ){0,4}?(?:gefragt|angefragt|beantragt|geschickt|gebeten)|"
    r"(?:j'ai|nous avons) (?:\w+ ){0,3}?(?:envoye|demande)|"
    r"(?:he|hemos) (?:\w+ )?(?:enviado|pedido|solicitado|preguntado)|envie|pedi|solicite|"
    r"(?:ho|abbiamo) (?:\w+ ){0,2}?(?:inviato|mandato|chiesto|richiesto)|"
    r"enviei|mandei|solicitei|"
    r"(?:heb|hebben) (?:\w+ ){0,4}?(?:gevraagd|gestuurd)|"
    r"просил\w*|prosił\w*|wysyłał\w*|wysłał\w*|"
    r"am (?:\w+ )?(?:trimis|cerut)|gönderdim|istedim|"
    r"wedi (?:\w+ )?(?:gofyn|anfon)|gofynnais|anfonais"
)
#: A number of times not counted: "several times", "plusieurs fois", "wielokrotnie".
_SEVERAL_TIMES = (
    r"several times|many times|multiple times|numerous times|countless times|a few times|"
    r"a number of times|repeatedly|mehrfach|etliche male|plusieurs fois|maintes fois|"
    r"a plusieurs reprises|de nombreuses fois|varias veces|muchas veces|repetidas veces|"
    r"en varias ocasiones|piu volte|varie volte|molte volte|tante volte|diverse volte|"
    r"ripetutamente|varias vezes|muitas vezes|diversas vezes|repetidas vezes|meerdere keren|"
    r"meermaals|herhaaldelijk|verschillende keren|talloze keren|несколько раз|много раз|"
    r"неоднократно|многократно|kilka razy|wiele razy|wielokrotnie|pare razy|kilkakrotnie|"
    r"de mai multe ori|de multe ori|in repetate randuri|birkac kez|birkac defa|bircok kez|"
    r"cok kez|sawl gwaith|llawer gwaith|lawer gwaith|droeon|sawl tro"
)
#: Contacts made to thank or praise ("called several times to say thanks") are no effort.
_COURTESY = (
    r"to (?:say )?thank|to (?:say )?thanks|to (?:praise|compliment|congratulate)|"
    r"um (?:mich |uns )?zu bedanken|pour (?:vous )?(?:remercier|feliciter)|"
    r"para (?:dar las gracias|dar os parabens|agradecer|felicitar)|"
    r"per (?:ringraziar|complimentar|congratular)|om (?:te )?bedank|om (?:jullie |u )?te "
    r"feliciteren|чтобы поблагодарить|zeby podziekowac|ca sa multumesc|tesekkur"
)
#: "Then" between two contacts: "had to phone, then email photos, then phone again".
_THEN = (
    r"then|after that|dann|danach|puis|ensuite|luego|despues|poi|dopo|depois|em seguida|"
    r"daarna|потом|затем|potem|nastepnie|apoi|sonra|wedyn"
)
#: A contact in a chain: after "then" only the customer's own ("then they emailed me" is not).
_CHAIN_CONTACT = (
    r"call\w*|rang|ring\w*|phon\w*|e-?mail\w*|wrote|writ\w*|messag\w*|contact\w*|"
    r"anruf\w*|angerufen|anzurufen|telefon\w*|geschrieben|gemailt|schreib\w*|"
    r"appel\w*|rappel\w*|ecri\w*|llam\w*|escrib\w*|chiam\w*|richiam\w*|scriv\w*|scritt\w*|"
    r"liguei|ligar|escrev\w*|bel(?:d|de|den|len)|gebeld|gemaild|mailde|звон\w*|позвон\w*|"
    r"писал\w*|написал\w*|dzwoni\w*|zadzwoni\w*|napisa\w*|sunat|suna|scris|aradım|yazdım|"
    r"ffonio|e-?bostio"
)
_OTHER_SUBJECT = (
    r"(?!(?:they|he|she|it|you|sie|er|ils|elle|ellos|ella|loro|lui|eles|ele|zij|hij|они|он|"
    r"она|oni|ona|ei|ea|onlar)(?!\w))"
)
_CHAIN = (
    rf"(?:{_CHAIN_CONTACT})[^.!?;]*?(?<!\w)(?:{_THEN}),?\s+"
    rf"(?:{_OTHER_SUBJECT}[\w']+\s+){{0,2}}?{_OTHER_SUBJECT}(?:{_CHAIN_CONTACT})"
)
#: Calls and e-mails that are never returned or answered (a habit: several contacts lost).
_IGNORED = (
    r"(?:doesn't|does not|don't|do not|won't|will not|didn't|did not|never|nobody|no one|"
    r"no-one) (?:ever )?(?:return|returns|returned) (?:\w+ )?(?:phone )?(?:calls|e-?mails|"
    r"messages|voicemails|letters|calls or e-?mails)|"
    r"(?:nobody|no one|no-one) ever (?:answers|answered|picks up|replies|responds|calls back|"
    r"rings back|gets back)|"
    r"never (?:answers|replies|responds|picks up|calls back|rings back)"
    r"(?= ?(?:[,:!?]|$| the phone| my| our| e-?mails| calls| me| us| anyone))|"
    r"ignor(?:es|ed|ing|e) (?:all (?:of )?)?(?:my|our|all) (?:\w+ )?(?:e-?mails|calls|messages|"
    r"letters|complaints|requests)|"
    r"ruft nie zuruck|(?:antwortet|reagiert) nie|ignoriert (?:\w+ )?(?:e-?mails|anrufe|"
    r"nachrichten|briefe)|"
    r"ne (?:rappelle|repond|rappellent|repondent) jamais|ignore\w* (?:mes|nos|tous mes) "
    r"(?:appels|mails|e-mails|courriels|messages)|"
    r"nunca (?:devuelve|devuelven|contesta|contestan|responde|responden)|"
    r"ignora\w* (?:mis|nuestros|nuestras) (?:llamadas|correos|mensajes)|"
    r"non (?:richiama|risponde|richiamano|rispondono) mai|ignora\w* (?:le mie|i miei) "
    r"(?:chiamate|e-?mail|mail|messaggi)|"
    r"nunca (?:retorna|retornam|atende|atendem)|"
    r"(?:belt|bellen) nooit terug|(?:reageert|reageren) nooit|negeer\w* (?:mijn|onze) "
    r"(?:e-?mails|mails|telefoontjes|berichten)|"
    r"никогда не (?:перезванива\w*|отвеча\w*)|игнориру\w* (?:мои |наши )?(?:письма|звонки|"
    r"сообщения)|"
    r"nigdy nie (?:oddzwania\w*|odpowiada\w*|odbiera\w*)|ignoruj\w* (?:moje |nasze )?"
    r"(?:maile|e-maile|telefony|wiadomosci)|"
    r"nu (?:raspunde|suna inapoi) niciodata|"
    r"hicbir zaman (?:geri donmuyor|cevap vermiyor)"
)
#: A wait the customer is still in ("I've been waiting", "j'attends depuis", "czekam").
_ONGOING_WAIT = (
    r"been waiting|(?:i'm|i am|we're|we are) (?:still )?waiting|"
    r"warte\w* (?:\w+ ){0,3}?seit|seit (?:\w+ ){1,4}?warte|"
    r"j'attends|nous attendons|attends depuis|"
    r"espero (?:\w+ ){0,4}?desde|esperando desde|llevo (?:\w+ ){1,3}?esperando|estoy esperando|"
    r"(?:aspetto|attendo|aspettiamo) (?:\w+ ){0,4}?da|sto aspettando|"
    r"(?:estou|estamos) a espera|(?:espero|aguardo) ha|estou (?:esperando|aguardando)|"
    r"(?:ik|we) wacht\w* (?:nu )?al|"
    r"жд[уё]м?|czekam\w*|(?<!ma )astept (?:de|inca|deja)|bekliyorum|bekliyoruz"
)
#: A duration ahead ("in 3 weeks", "dans deux mois", "через 2 недели") is when a wait ends,
#: not how long it has lasted ("waiting for our holiday in 3 weeks").
_AHEAD = r"in|dans|tra|fra|over|через|za|(?<!de )peste|daqui a|dentro de"
#: "Nothing in 3 weeks" counts the weeks waited.
_NOTHING = r"(?:nothing|anything|none|nada|rien|niente|nichts|niets|nic|ничего|nimic)\s+$"
#: Waiting for a delivery or an order is a delay, not effort.
_DELAY = (
    r"deliver\w*|parcel|package|courier|order|lieferung|paket|bestellung|livraison|colis|"
    r"commande|entrega|paquete|pedido|consegna|pacco|ordine|encomenda|levering|pakket|"
    r"bestelling|доставк\w*|посылк\w*|заказ\w*|dostaw\w*|paczk\w*|zamowien\w*|livrare|colet|"
    r"comanda|teslimat|kargo|siparis"
)

_CONTACTED_RE = words(rf"(?:{_CONTACTED})(?!\w)")
_ASKED_RE = words(rf"(?:{_ASKED})(?!\w)")
_COURTESY_RE = words(_COURTESY)
_SEVERAL_RE = words(rf"(?:{_SEVERAL_TIMES})(?!\w)")
_CHAIN_RE = words(_CHAIN)
_IGNORED_RE = words(rf"(?:{_IGNORED})(?!\w)")
_ONGOING_WAIT_RE = words(rf"(?:{_ONGOING_WAIT})(?!\w)")
_DELAY_RE = words(rf"(?:{_DELAY})(?!\w)")
_AHEAD_RE = words(rf"(?:{_AHEAD})\s+(\S+\s+[\w']+)")
_NOTHING_RE = re.compile(_NOTHING)


def contacted(sentence: str) -> bool:
    """The customer called, wrote, reported or complained here (not negated)."""
    return found(_CONTACTED_RE, sentence)


def requested(sentence: str) -> bool:
    """The customer contacted, asked, requested or sent something here (not negated)."""
    return contacted(sentence) or found(_ASKED_RE, sentence)


def courtesy(sentence: str) -> bool:
    """The contact was made to thank or praise ("called twice to say thanks")."""
    return bool(_COURTESY_RE.search(sentence))


def _vaguely_repeated(sentence: str) -> bool:
    """A contact proper made "several times" ("I have called several times")."""
    return bool(_SEVERAL_RE.search(sentence)) and contacted(sentence)


def repeated_request(text: str) -> bool:
    """A request counted two or more times ("reported it four times", "asked twice") or a
    contact made a vague number of times ("he llamado varias veces"), not in a comment of
    praise with no problem ("called several times, always perfect")."""
    vague_allowed = not praise_only(text)
    return any(
        (repeat_count(sentence) >= 2 and requested(sentence))
        or (vague_allowed and _vaguely_repeated(sentence))
        for sentence in sentences(text)
        if not courtesy(sentence)
    )


def chained_contacts(text: str) -> bool:
    """Two or more contacts chained by "then" ("had to phone, then email photos")."""
    return found(_CHAIN_RE, text)


def ignored(sentence: str) -> bool:
    """Calls or e-mails that are never returned ("does not return calls or emails")."""
    return bool(_IGNORED_RE.search(sentence))


def _ahead(sentence: str, match: re.Match[str]) -> bool:
    """`match` (of `_AHEAD_RE`) opens a duration that is not negated ("no reply in 3 weeks")."""
    if not starts_with_duration(match.group(1)) or negated(sentence, match.start()):
        return False
    return not _NOTHING_RE.search(sentence[: match.start()])


def without_durations_ahead(sentence: str) -> str:
    """`sentence` with the durations ahead ("in 3 weeks", "za tydzień") taken out."""
    return _AHEAD_RE.sub(lambda m: " " if _ahead(sentence, m) else m.group(0), sentence)


def ongoing_wait(text: str) -> bool:
    """A wait of a day or more the customer is still in, not for a delivery or transport, nor
    one that ends ahead ("waiting for our trip in 3 weeks")."""
    return any(
        _ONGOING_WAIT_RE.search(sentence)
        and not _DELAY_RE.search(sentence)
        and any(
            minutes >= DAY_MINUTES
            for minutes in counted_durations(without_durations_ahead(sentence))
        )
        for sentence in sentences(text)
    )
