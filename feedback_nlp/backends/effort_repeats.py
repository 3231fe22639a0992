"""Effort cues the main phrase lists miss: requests made a counted or vague number of times
("reported it four times", "he llamado varias veces"), contacts chained by "then", calls and
e-mails that are never returned, and a wait the customer is still in ("czekam już osiem
tygodni"). Written for the project in en de fr es it pt nl ru pl ro tr, with a few Welsh (cy)
repeat-contact cues; used by :mod:`feedback_nlp.backends.effort`.
"""

from __future__ import annotations

from feedback_nlp.backends.effort_negation import SENTENCE_END, found, words
from feedback_nlp.backends.effort_numbers import counted_durations, repeat_count

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
#: Contacting, asking, reporting or sending, done by the customer (past or perfect forms).
_REQUESTED = (
    rf"{_EN_FIRST}(?:sent|submitted|asked|requested|reported|complained|raised|logged|applied|"
    r"called|rang|phoned|e-?mailed|wrote|written|messaged|contacted|chased)|"
    r"(?:habe|hab|haben) (?:\w+ ){0,4}?(?:angerufen|telefoniert|geschrieben|gemailt|gemeldet|"
    r"nachgefragt|gefragt|angefragt|reklamiert|beantragt|geschickt|gebeten|kontaktiert)|"
    r"(?:j'ai|nous avons) (?:\w+ ){0,3}?(?:appele|telephone|ecrit|envoye|signale|demande|"
    r"relance|contacte|reclame|rappele)|"
    r"(?:he|hemos) (?:\w+ )?(?:llamado|escrito|enviado|pedido|reclamado|solicitado|"
    r"preguntado|contactado|avisado)|llame|escribi|envie|pedi|reclame|solicite|denuncie|"
    r"(?:ho|abbiamo) (?:\w+ ){0,2}?(?:chiamato|telefonato|scritto|inviato|mandato|segnalato|"
    r"chiesto|richiesto|sollecitato|contattato|reclamato)|"
    r"liguei|telefonei|escrevi|enviei|mandei|pedi|reclamei|contactei|contatei|solicitei|"
    r"(?:heb|hebben) (?:\w+ ){0,4}?(?:gebeld|gemaild|geschreven|gemeld|gevraagd|gestuurd|"
    r"geklaagd)|"
    r"звонил\w*|позвонил\w*|писал\w*|написал\w*|обращал\w*|просил\w*|сообщал\w*|"
    r"dzwonił\w*|zadzwonił\w*|pisał\w*|napisał\w*|zgłaszał\w*|zgłosił\w*|prosił\w*|"
    r"wysyłał\w*|wysłał\w*|"
    r"am (?:\w+ )?(?:sunat|scris|trimis|cerut|reclamat|contactat|semnalat)|"
    r"aradım|yazdım|gönderdim|istedim|bildirdim|"
    r"wedi (?:\w+ )?(?:ffonio|e-?bostio|ysgrifennu|cysylltu|rhoi gwybod|gofyn|anfon)|"
    r"ffoniais|ysgrifennais|cysylltais|gofynnais|anfonais"
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
#: Waiting for a delivery or an order is a delay, not effort.
_DELAY = (
    r"deliver\w*|parcel|package|courier|order|lieferung|paket|bestellung|livraison|colis|"
    r"commande|entrega|paquete|pedido|consegna|pacco|ordine|encomenda|levering|pakket|"
    r"bestelling|доставк\w*|посылк\w*|заказ\w*|dostaw\w*|paczk\w*|zamowien\w*|livrare|colet|"
    r"comanda|teslimat|kargo|siparis"
)

_REQUESTED_RE = words(rf"(?:{_REQUESTED})(?!\w)")
_COURTESY_RE = words(_COURTESY)
_SEVERAL_RE = words(rf"(?:{_SEVERAL_TIMES})(?!\w)")
_CHAIN_RE = words(_CHAIN)
_IGNORED_RE = words(rf"(?:{_IGNORED})(?!\w)")
_ONGOING_WAIT_RE = words(rf"(?:{_ONGOING_WAIT})(?!\w)")
_DELAY_RE = words(rf"(?:{_DELAY})(?!\w)")


def requested(sentence: str) -> bool:
    """The customer contacted, asked, reported or sent something here (not negated)."""
    return found(_REQUESTED_RE, sentence)


def courtesy(sentence: str) -> bool:
    """The contact was made to thank or praise ("called twice to say thanks")."""
    return bool(_COURTESY_RE.search(sentence))


def repeated_request(text: str) -> bool:
    """A request made two or more times ("reported it four times", "he llamado varias
    veces", "This is the second time I've asked to cancel")."""
    return any(
        (repeat_count(sentence) >= 2 or _SEVERAL_RE.search(sentence))
        and requested(sentence)
        and not courtesy(sentence)
        for sentence in SENTENCE_END.split(text)
    )


def chained_contacts(text: str) -> bool:
    """Two or more contacts chained by "then" ("had to phone, then email photos")."""
    return found(_CHAIN_RE, text)


def ignored(sentence: str) -> bool:
    """Calls or e-mails that are never returned ("does not return calls or emails")."""
    return bool(_IGNORED_RE.search(sentence))


def ongoing_wait(text: str) -> bool:
    """A wait of a day or more the customer is still in, not for a delivery or transport."""
    return any(
        _ONGOING_WAIT_RE.search(sentence)
        and not _DELAY_RE.search(sentence)
        and any(minutes >= DAY_MINUTES for minutes in counted_durations(sentence))
        for sentence in SENTENCE_END.split(text)
    )
