"""Cue phrases of customer effort, written for the project, in en de fr es it pt nl ru pl ro tr.

Each constant is one regular-expression alternation over casefolded text (all languages in
one pattern, so a comment whose language was misread is still read). The scoring that combines
them is in :mod:`feedback_nlp.backends.effort_cues`.
"""

from __future__ import annotations

#: Getting in touch: call, write, chase, visit (verbs and nouns).
CONTACT = (
    r"call|rang|ring|rung|phon|e-?mail|mail|wrote|writ|contact|chas|remind|store|shop|"
    r"agent|hotline|helpline|support|reach|"
    r"anruf|angerufen|ruf|telefon|geschrieben|schreib|nachgefragt|hotline|filiale|erreich|"
    r"appel|rappel|écrit|relanc|agence|boutique|magasin|joindre|"
    r"llam|escrib|correo|reclam|tienda|oficina|"
    r"chiam|telefonat|scritt|sollecit|negozio|sportell|pec|"
    r"lig|escrev|contact|insist|loja|balcão|"
    r"bel|terugbel|gebeld|gemaild|geschreven|mail|winkel|bereik|"
    r"звон|позвон|пиш|писал|писем|письм|обращ|напомин|ходил|ездил|дозвон|"
    r"dzwoni|zadzwoni|pisa|maila|sklep|"
    r"sun|scris|trimis|e-mailuri|magazin|ghișeu|"
    r"ara|arı|yaz|mail|mağaza|şube"
)

#: An obligation put on the customer: had to, musste, j'ai dû, tuve que, ho dovuto, tive de…
OBLIGATION = (
    r"had to|have to|has to|must|forced to|needed to|need to|asked me for|required|"
    r"musste|muss|müssen|mussten|man muss|verlangt|brauchte es|braucht es|"
    r"j'ai dû|a dû|avons dû|uniquement par|il faut|il fallait|il a fallu|obligé|on m'a demandé|"
    r"tuve que|tengo que|tuvimos que|hay que|me pidieron|me exigieron|"
    r"ho dovuto|devo|dovuto|servono|serve (?:una?|il|la|lo)|occorre|bisogna|mi hanno chiesto|"
    r"tive de|tive que|tenho de|tenho que|é preciso|pediram|"
    r"moest|moet|moesten|vroegen|kan alleen|alleen (?:met|via)|"
    r"пришлось|приходилось|нужно|надо|должен|должна|потребовали|"
    r"musiałem|musiałam|muszę|trzeba|musiał|"
    r"a trebuit|trebuie|mi-au cerut|"
    r"zorunda|gerekti|gerekiyor|istediler"
)

#: Again / from scratch (an obligation followed by this is a repeated step).
AGAIN = (
    r"again|once more|from scratch|erneut|nochmal|noch einmal|wieder|de nouveau|à nouveau|"
    r"encore|de nuevo|otra vez|volver a|volví a|di nuovo|ancora una volta|de novo|outra vez|"
    r"voltei a|voltar a|opnieuw|"
    r"weer|снова|заново|ещё раз|ponownie|znowu|od nowa|din nou|yeniden|tekrar"
)

#: Every time / each time.
EVERY_TIME = (
    r"every time|each time|jedes mal|chaque fois|à chaque fois|cada vez|ogni volta|"
    r"toda vez|todas as vezes|cada vez|elke keer|iedere keer|каждый раз|за каждым разом|"
    r"za każdym razem|de fiecare dată|her seferinde|her defasında"
)

#: Waiting as part of the service: hold, queue, line, counter, waiting time (nouns mostly).
WAIT_SERVICE = (
    r"on hold|hold music|queue\w*|in line|the wait(?! ?staff)|waiting time|wait time|"
    r"warteschleife|warteschlange|wartezeit|in der schlange|"
    r"file d'attente|l'attente|d'attente|en attente|temps d'attente|"
    r"en espera|la espera|la cola|en la cola|de cola|cola\b|tiempo de espera|"
    r"l'attesa|in attesa|di attesa|d'attesa|in coda|di coda|coda\b|in fila|tempi di attesa|"
    r"em espera|a espera|à espera|na fila|fila\b|tempo de espera|"
    r"in de wacht|het wachten|wachttijd|in de rij|"
    r"на линии|ожидани\w+|в очереди|очеред\w+|"
    r"czas oczekiwania|w kolejce|kolejk\w+|na infolinii|"
    r"așteptarea|de așteptare|la coadă|coad[ăa]\b|"
    r"bekleme süresi|sırada|kuyruk\w*"
)
#: Waiting as a verb; a wait only with a service context in the same sentence (or imposed).
WAIT_VERB = (
    r"wait(?!er|ress|staff| staff)\w*|wart\w*|gewartet|attendu|attends|attendre|"
    r"esper[éa]\w*|esperar|aspettat\w*|"
    r"aspettare|esperei|gewacht|wachten|wacht|жд[аеу]\w*|простоял\w*|czeka\w*|"
    r"(?<!mă )(?<!ma )(?:aștept|astept)\w*|bekle(?!me?den|meden|madan)\w*|"
    r"aspetto (?=ancora|da |la |il |una |un )|"
    r"spent|wasted|lost|verbracht|verloren|passé|perdu|tiré|pasé|perdí|perso|passato|perdi|"
    r"passei|gehangen|провисел\w*|висел\w*|провел\w*|потратил\w*|spędził\w*|stracił\w*|"
    r"am pierdut|am petrecut|harcadım|geçirdim"
)
#: On the phone: with a duration of 10 minutes or more, a service wait.
PHONE = (
    r"on the phone|am telefon|au téléphone|al teléfono|al telefono|ao telefone|aan de telefoon|"
    r"на телефоне|по телефону|przy telefonie|la telefon|telefonda"
)
#: What a service wait is for or where it happens: phone, support, reply, refund, counter.
WAIT_CONTEXT = (
    r"phone|telephon|line\b|hotline|helpline|support|agent|reply|answer|response|call|refund|"
    r"counter|desk|"
    r"telefon|hotline|antwort|rückruf|erstattung|schalter|"
    r"téléphone|réponse|retour|rappel|remboursement|guichet|"
    r"teléfono|respuesta|reembolso|ventanilla|"
    r"telefono|linea|risposta|rimborso|sportello|"
    r"telefone|resposta|reembolso|balcão|"
    r"telefoon|antwoord|terugbetaling|loket|"
    r"телефон|ответ|возврат|поддержк|окн|"
    r"telefon|infolini|odpowied|zwrot|okienk|"
    r"telefon|răspuns|rambursar|ghișeu|"
    r"telefon|cevap|yanıt|iade|gişe|"
    r"rückmeldung|reaktion|feedback|reactie|retorno|riscontro|call center|centralin|"
    r"llam|chiam|ligu|ligar|bellen|belt|dzwon|anruf|ruft|callback|call back|terugbel|"
    r"звон|перезвон|oddzwon"
)
#: Negations: before a cue in its clause they cancel it ("no wait at all", "sem fila nenhuma",
#: "I didn't have to call again", "ich musste nicht noch einmal anrufen").
NEGATION = (
    r"no|not|n't|never|without|zero|hardly|worth|dont|didnt|doesnt|wasnt|"
    r"kein\w*|nicht|nich|ohne|nie|"
    r"aucune?|pas|sans|jamais|"
    r"sin|ninguna?|nunca|"
    r"nessuna?|senza|non|mai|"
    r"sem|nenhuma?|não|nao|"
    r"geen|zonder|niet|nooit|"
    r"без|не|нет|никакой|"
    r"bez|żadnego|żadnej|"
    r"fără|fara|nicio|niciun|nu|"
    r"hiç|yok|"
    r"ddim"
)
#: Turkish negates the verb with a suffix ("aramadım", "kalmadım", "beklemedim", "aramıyorum").
NEGATED_VERB = (
    r"\w+(?:ma|me)(?:d[ıi](?:m|n|k|niz|nız|ler|lar)?|dan|den|z)|\w+m[ıi]yor(?:um|uz|lar)?"
)
#: Needing to (with a negation before it, like an obligation, it negates what follows: "no need
#: to call again", "pas eu besoin de réexpliquer", "sem precisar ligar", "without having to").
NEED = (
    r"need\w*|having to|besoin|eu à|avoir à|precis\w*|neces\w*|bisogno|dover\w*|brauch\w*|"
    r"hoef\w*|nodig|potrzeb\w*"
)
#: Words that link clauses: a negation does not reach past them ("the dish wasn't ready so
#: we had to wait", "pas de réponse donc j'ai dû rappeler").
CLAUSE_LINK = (
    r"but|so|because|although|though|aber|sondern|weil|obwohl|mais|donc|parce|pourtant|pero|"
    r"sino|porque|aunque|però|quindi|perché|mas|porém|então|maar|dus|omdat|но|поэтому|потому|"
    r"ale|więc|ponieważ|însă|deci|ama|fakat|çünkü"
)
#: "Only": qualifies a duration ("only 5 minutes", "nur 5 Minuten") and, after a negation,
#: undoes it ("not only", "nicht nur", "non seulement", "no solo", "не только").
ONLY = (
    r"only|just|merely|barely|nur|bloß|lediglich|seulement|juste|solo|sólo|apenas|somente|"
    r"alleen|slechts|всего|только|лишь|tylko|zaledwie|doar|numai|sadece|yalnızca"
)
#: A wait called short, next to the wait ("short wait", "Wartezeit war kurz", "a moment on
#: hold") or before its duration ("a quick 5 minutes").
SHORT = (
    r"short\w*|quick\w*|kurz\w*|court\w*|rapide|cort[ai]\w*|breve|curt[ao]|kort\w*|коротк\w+|"
    r"krótk\w+|scurt\w*|kısa|beklemeden|a moment|einen moment|un moment|un momento|um momento|"
    r"минутку|chwil\w*|puțin|putin"
)
#: Short-wait words of one language only, with that language's wait ("brief" is a German
#: letter, "even" English): en "brief wait", nl "even wachten" (a moment).
SHORT_WAIT = (
    r"brief(?:ly)? (?:on hold|wait\w*|hold)|(?:wait\w*|on hold) (?:was |is )?brief(?:ly)?|"
    r"even (?:\w+ ){0,3}?(?:wacht\w*|gewacht)|(?:wacht\w*|gewacht) (?:\w+ )?even"
)
#: "And" / "or": with one of these (or a clause link) between a short word and a wait, the word
#: is not about the wait ("45 minutes on hold and the quick fix did not work").
AND_OR = r"and|or|und|oder|et|ou|y|o|e|en|of|и|или|i|lub|și|sau|ve|veya"

#: Still not resolved ("still nothing", "immer noch nicht", "toujours pas", "до сих пор не").
STILL_NOT = (
    r"still (?:not|no|nothing|waiting|hasn't|haven't|isn't|doesn't)|still \w+ (?:not|no)|"
    r"immer noch (?:nicht|kein)|noch immer (?:nicht|kein)|noch nicht(?! (?:einmal|mal))|"
    r"toujours pas|toujours rien|toujours en attente|rien n'a été|"
    r"sigo sin|todavía no|aún no|nadie la ha|nadie lo ha|"
    r"non è ancora|ancora nessun|ancora non|non ancora|nessuno l'ha|"
    r"ainda não|continuo sem|ninguém corrigiu|ninguém resolveu|"
    r"nog steeds (?:niet|geen)|nog niet|"
    r"до сих пор не|до сих пор нет|так и не|"
    r"nadal nie|wciąż nie|ciągle nie|"
    r"tot nu (?!toe)|încă nu|"
    r"hâlâ|hala (?:yok|bağlan|gelmedi|çözül)"
)
#: A time reference that makes "still not" a wait: since + a date or month, a request, "ago".
MONTHS = (
    r"jan\w*|feb\w*|mar\w*|apr\w*|ma[iyg]\w*|jun\w*|jul\w*|aug\w*|sep\w*|o[ck]t\w*|"
    r"nov\w*|de[cz]\w*|juin|juil\w*|ao[uû]t|f[ée]v\w*|avr\w*|ene\w*|abr\w*|ago\w*|"
    r"dic\w*|gen\w*|giu\w*|lug\w*|set\w*|fev\w*|mrt|ma?art|янв\w*|фев\w*|мар\w*|апр\w*|"
    r"ма[яй]|июн\w*|июл\w*|авг\w*|сен\w*|окт\w*|ноя\w*|дек\w*|stycz\w*|lut\w*|"
    r"mar[cz]\w*|kwie\w*|ian\w*|oca\w*|şub\w*|mart"
)
SINCE = (
    rf"(?:since|seit|depuis|desde|da|dal|sinds|с|od|din|de la)\s+(?:\d|{MONTHS})|"
    r"requested|asked for|applied|demandé|pedí|pedi\b|richiest|aangevraagd|angefordert|"
    r"beantragt|оформлен|zgłosi|solicitat|talep|ago\b|назад|hace\b|há\b|fa\b|temu"
)
