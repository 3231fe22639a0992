"""Phrases of each effort cue family (repeat contacts, chasing, no reply, explaining again,
hoops), written for the project, in en de fr es it pt nl ru pl ro tr; the transfer phrases are
in :mod:`feedback_nlp.backends.effort_transfers`.

Like :mod:`feedback_nlp.backends.effort_lexicon` (the shared words: contact, obligation,
waits): one regular-expression alternation per constant over casefolded text, all languages in
one pattern.
"""

from __future__ import annotations

#: Calling or writing again in one word or phrase ("j'ai rappelé", "ho richiamato io").
CONTACTED_AGAIN = (
    r"j'ai (?:\w+ )?rappelé|ho richiamato io|richiamato di nuovo|rang (?:them )?again|"
    r"called (?:them )?again|wrote (?:to them )?again|emailed (?:them )?again"
)
#: Not followed by an object that makes the verb naming or gossip, not contacting the company
#: ("kept calling it the best shop", "keeps messaging me about the app").
NOT_NAMING = r"(?! (?:it|him|her|this|that|me|my|his|our|us|you|everyone|everybody)\b)"
#: Trying to get in touch, not trying things ("kept trying new dishes").
_TRYING_TO_REACH = (
    r"trying to (?:get through|get hold|reach|call|ring|phone|e-?mail|contact|speak|talk)"
)
#: Contacting over and over ("kept ringing", "ringing and ringing", "ständig angerufen"); a tail
#: that starts with a negation word ("sans cesse") is only looked ahead at, not read as negating.
KEPT_CONTACTING = (
    r"(?:keep|kept|keeps|keeping) (?:on )?(?:(?:ringing|calling|phoning|e-?mailing|writing|"
    rf"messaging|contacting){NOT_NAMING}|{_TRYING_TO_REACH})|"
    r"(?:ringing|calling|phoning|e-?mailing) and (?:ringing|"
    r"calling|phoning|e-?mailing)|(?:call|e-?mail|message) after (?:call|e-?mail|message)|"
    r"standig (?:\w+ )?(?:anrufen|angerufen|anzurufen|geschrieben)|"
    r"(?:angerufen|telefoniert) und (?:angerufen|telefoniert)|"
    r"(?:appel\w*|rappel\w*|ecri\w*) (?:\w+ )?(?=sans cesse|sans arret|encore et encore)|"
    r"(?:llam\w*|escrib\w*) (?:\w+ )?(?=sin parar|una y otra vez)|llamando y llamando|"
    r"(?:segui|sigo|seguir) llamando|"
    r"(?:chiam\w*|scriv\w*) (?:\w+ )?(?:in continuazione|continuamente|senza sosta)|"
    r"chiamato e richiamato|continua\w* a chiamare|"
    r"(?:lig\w*|escrev\w*) (?:\w+ )?(?=sem parar|vezes sem conta)|continu\w* a ligar|"
    r"bleef (?:maar )?(?:bellen|mailen)|blijven bellen|keer op keer (?:ge)?(?:beld|mail\w*)|"
    r"звонил\w* и звонил\w*|(?:постоянно|без конца) (?:\w+ )?звон\w*|"
    r"dzwonił\w* i dzwonił\w*|(?:ciągle|bez końca) (?:\w+ )?dzwoni\w*|"
    r"am tot (?:sunat|scris)|(?:defalarca|durmadan) (?:\w+ )?(?:aradım|yazdım)"
)
#: Verbs of getting in touch (a verb next to "again" is a repeated contact).
CONTACT_VERBS = (
    r"call(?:ed|ing)?|rang|ring|rung|phoned|e-?mailed|wrote|written|contacted|"
    r"anruf\w*|angerufen|telefoniert|geschrieben|gemailt|appel\w*|écrit|llam\w*|escrib\w*|"
    r"chiam\w*|scritt\w*|lig\w*|escrev\w*|bel(?:d|de|den|len)|gebeld|gemaild|звон\w*|позвон\w*|"
    r"писал\w*|написал\w*|dzwoni\w*|zadzwoni\w*|napisał\w*|sunat|sun|scris|aradım|ara\w*|yazdım"
)

#: Several people or agents dealt with ("six different people", "à six personnes différentes").
_DIFFERENT = (
    r"different|verschiedene\w*|différent\w*|distint\w*|divers\w*|diferent\w*|verschillende|"
    r"разн\w+|różn\w+|farklı"
)
_PEOPLE = (
    r"people|persons|agents|employees|staff|advisers|advisors|operators|leute|personen|"
    r"mitarbeiter\w*|berater\w*|personnes|conseillers|interlocuteurs|personas|agentes|"
    r"empleados|persone|operatori|pessoas|atendentes|funcionários|mensen|medewerkers|"
    r"людям|людей|сотрудник\w*|специалист\w*|osob\w*|konsultant\w*|persoane|angajați|"
    r"kişi\w*|temsilci\w*"
)
DIFFERENT_PEOPLE = rf"(?:{_DIFFERENT})\s+(?:{_PEOPLE})|(?:{_PEOPLE})\s+(?:{_DIFFERENT})"
#: Trips made in person ("deux déplacements", "two trips to the branch").
VISITS = (
    r"trips to the (?:store|shop|branch|office)|visits to the (?:store|shop|branch|office)|"
    r"déplacements|besuche in der filiale|visitas a la (?:tienda|oficina)|"
    r"visite in (?:filiale|negozio)|bezoeken aan|визит\w* в|wizyt\w* w|vizite la"
)

#: Could not get through ("line always busy", "impossible de les joindre", "не мог дозвониться").
UNREACHABLE = (
    r"(?:couldn't|could not|can't|cannot|unable to|impossible to) (?:get through|reach|contact)|"
    r"line (?:was )?(?:always|constantly|permanently) busy|"
    r"telefonisch nicht durch|(?:komme|kam) (?:ich )?(?:\w+ ){0,2}nicht durch|immer besetzt|"
    r"(?:telefonisch|hotline|kundenservice|service|support) (?:\w+ ){0,3}nicht erreichbar|"
    r"impossible de (?:les |vous |le |la )?joindre|toujours occupé|injoignable|"
    r"sin poder (?:contactar|hablar)|imposible (?:contactar|comunicar)|siempre comunicando|"
    r"impossibile (?:prendere la linea|contattar\w*|parlare)|sempre occupato|irraggiungibil\w*|"
    r"sem conseguir (?:falar|contactar|ligar)|impossível (?:contactar|falar)|sempre impedido|"
    r"kwam (?:ik )?(?:\w+ ){0,2}niet door|steeds in gesprek|onbereikbaar|"
    r"не (?:мог|могу|смог|удалось) дозвониться|не дозвониться|всё время занято|постоянно занято|"
    r"nie (?:mogłem|mogłam|można) się dodzwonić|ciągle zajęte|"
    r"n-am reușit să (?:îi |-i |i )?(?:prind|contactez)|nu am reușit să (?:îi )?contactez|"
    r"mereu ocupat|"
    r"ulaşamadım|ulaşamıyorum|hat (?:hep|sürekli) meşgul"
)
#: Mail or calls back and forth.
BACK_AND_FORTH = (
    r"back and forth|hin und her|ping-?pong|allers?-retours?|ida y vuelta|avanti e indietro|"
    r"para trás e para a frente|heen en weer|туда-сюда|w tę i z powrotem|du-te-vino|"
    r"gidip gel\w*|yazış\w*|переписк\w*"
)

#: A call back promised and never made ("promised a call back within 24 hours, never came").
_PROMISED = (
    r"promised|promis|versprochen|versprach\w*|prometi\w*|promes\w*|promet\w*|beloofd\w*|"
    r"обещал\w*|obieca\w*|söz ver\w*"
)
_CALL_BACK = (
    r"call\w* (?:me |us )?back|callback|call-back|ring\w* (?:me )?back|get back to me|"
    r"rückruf\w*|zurück\w*|rappel\w*|devolver\w* la llamada|llamar\w*|llamada|richiam\w*|"
    r"ricontatt\w*|ligar de volta|ligar-me|retorno|terugbel\w*|terug te bellen|"
    r"перезвон\w*|oddzwon\w*|sun\w* (?:inapoi|inapoi)|ma sun\w*|geri ara\w*|geri don\w*"
)
#: English needs the verb ("never came", "nobody called"), not a later "never had such …".
_NEVER_MADE = (
    r"(?:never|didn't|did not) (?:came|come|happened|happen|called|call|rang|ring|phoned|"
    r"arrived|arrive|got back|get back|heard|hear|materiali[sz]ed|receiv\w*|"
    r"(?:get|got) (?:one|it|any|a call))|"
    r"(?:nobody|no one) (?:ever )?(?:called|rang|phoned|came|got back|did)"
)
_NEVER_CAME = (
    rf"{_NEVER_MADE}|nie|niemand|jamais|personne|nunca|nadie|\bmai\b|"
    r"nessuno|ninguém|nooit|так и не|никто|не перезвон\w*|nigdy|nikt|niciodat\w*|nimeni|"
    r"aramadı\w*|dönmedi\w*"
)
#: No answer, nobody calls back, hung up on me.
NO_REPLY = (
    r"no (?:answer|reply|response|one (?:called|calls|answers|replies|got back))|"
    r"nobody (?:has )?(?:called|calls|answers|answered|replies|replied|got back|owned)|"
    r"never (?:called|got back|replied|answered)|hung up|line (?:dropped|went dead)|"
    r"(?:doesn't|does not|don't|do not|won't) (?:answer|pick up) the phone|"
    r"(?:geht|gehen) nicht ans telefon|ne répond(?:ent)? (?:pas au téléphone|jamais)|"
    r"no (?:contesta|contestan|coge) el teléfono|non rispond\w* al telefono|não atende\w*|"
    r"neemt (?:de telefoon )?niet op|nemen (?:de telefoon )?niet op|не отвечает на звонки|"
    r"не берут трубку|nie odbiera\w* telefonu|nu (?:răspunde|raspunde|rasp\w*) la telefon|"
    r"telefonu açmıyor|"
    r"(?:callback|call back|call-back|rückruf|rappel|richiamo|llamada|terugbel\w*|звонок) "
    rf"(?:[\w']+,? ){{0,6}}(?:{_NEVER_MADE}|nie|jamais|nunca|mai|nooit|так и не|n'est jamais)|"
    rf"(?:{_PROMISED}) (?:[\w']+,? ){{0,4}}?(?:{_CALL_BACK})[^.!?;]*?(?:{_NEVER_CAME})|"
    rf"(?:{_CALL_BACK}) (?:[\w']+,? ){{0,3}}?(?:{_PROMISED})[^.!?;]*?(?:{_NEVER_CAME})|"
    r"niemand ruft|keine antwort|keine rückmeldung|keiner (?:fühlte|meldet|ruft)|"
    r"(?:einfach|hat|haben|wieder|dann|mir) aufgelegt|"
    r"personne ne (?:m'a|me) (?:rappel|répond)|aucune réponse|sans réponse|zéro réponse|"
    r"raccroché|personne n'a (?:jamais )?répondu|"
    r"nadie (?:me|nos) (?:devuelve|contesta|responde|llama)|sin respuesta|ninguna respuesta|"
    r"me colgaron|me colgó|"
    r"nessuno (?:mi|ci) (?:ha richiamat|richiama|rispond)|nessuna risposta|"
    r"chiuso il telefono|senza risposta|"
    r"ninguém (?:retorna|responde|ligou|me ligou)|sem resposta|nenhuma resposta|"
    r"desligaram|desligou|"
    r"niemand belt|geen (?:reactie|antwoord)|hingen .*op|opgehangen|verbinding (?:werd )?verbroken|"
    r"никто не (?:перезвон|ответ|отвеча)|без ответа|не отвечают|бросили трубку|"
    r"nikt nie (?:oddzwania|odpowiada|oddzwonił|odpisał)|brak odpowiedzi|żadnej odpowiedzi|"
    r"rozłączy\w+|"
    r"nu (?:m-a sunat|a răspuns|mi-a răspuns) nimeni|nimeni nu (?:mi-a răspuns|m-a sunat|răspunde)|"
    r"fără răspuns|niciun răspuns|mi-au închis|"
    r"kimse (?:geri dönmedi|aramadı|cevap vermedi)|yanıt yok|cevap yok|hiç cevap|"
    r"telefonu kapattılar"
)

#: Chasing stretched over days in one Dutch or German word ("wekenlang", "wochenlang").
FOR_DAYS = r"(?:dagen|weken|maanden|tage|wochen|monate)lang"

#: Chasing: reminders, follow-ups, insisting (and mail back and forth).
CHASING = (
    rf"{BACK_AND_FORTH}|"
    r"chas\w+|remind(?:ed|ing)? (?!me\b)|reminders?|follow(?:ed)?[- ]up|"
    rf"kept (?:asking|(?:calling|writing){NOT_NAMING})|"
    r"nachfragen|nachhaken|nachgehakt|mehrmals nachgefragt|erinnerung\w*|gemahnt|"
    r"hinterher(?:telefon|geschrieben|schreib|gemailt|mail)\w*|"
    r"(?:telefonier|schreib|mail)\w* (?:\w+ ){0,3}hinterher|"
    r"(?:geld|erstattung|ruckerstattung|auszahlung) hinterher(?:lauf|gelaufen|renn|gerannt)\w*|"
    r"relanc\w+|"
    r"reclamando|insistiendo|insistir|"
    r"sollecit\w+|"
    r"insisto|insisti\w*|"
    r"herinnering\w*|nagebeld|"
    r"achter de broek|achteraan (?:moeten )?(?:bellen|gebeld|zitten|gezeten)|"
    r"напомина\w+|напомнил\w*|"
    r"przypomina\w+|ponagla\w+|monitowa\w+|"
    r"am revenit|reaminti\w*|"
    r"hatırlat\w+|tekrar tekrar"
)

#: Having to explain again / start from scratch.
EXPLAIN_AGAIN = (
    r"explain\w* (?:\w+ ){0,3}(?:again|over)|"
    r"repeat(?:ed|ing)? (?:my|the) (?:story|problem|details)|"
    r"start(?:ed)? (?:again )?from (?:scratch|the beginning)|"
    r"(?:neu|noch ?mal|wieder|erneut) erklären|von vorne|"
    r"réexpliqu\w+|tout répéter|répéter mon|"
    r"explicar (?:\w+ ){0,2}(?:de nuevo|otra vez|de novo)|desde el principio|"
    r"rispiega\w+|ripetere da capo|da capo|"
    r"explicar tudo de novo|"
    r"opnieuw (?:uitleggen|vertellen|doen)|"
    r"объясн\w+ заново|заново объясн\w+|"
    r"od nowa|"
    r"repet totul|de la capăt|"
    r"baştan anlat\w*|"
    r"(?:go|went|going) through (?:the whole|my whole|the entire|my) story|"
    r"the whole story (?:again|with every)|from scratch|"
    r"tout recommencer|recommencer à zéro|à zéro|da zero|desde cero|do zero|do início|"
    r"desde o início|van voren af aan|с нуля|od zera|de la zero|sıfırdan|"
    r"заново рассказ\w+|рассказ\w+ заново"
)

#: Obligations the shared list lacks: the Dutch perfect ("ik heb de foto's drie keer moeten
#: opsturen"; not "ik had eerder moeten bellen", what one should have done), the Spanish and
#: Portuguese perfect or plural ("he tenido que", "tivemos de").
MORE_OBLIGATION = (
    r"(?:heb|hebt|heeft|hebben) (?:[\w']+ ){0,6}?moeten|(?:he|hemos) tenido que|"
    r"tivemos (?:de|que)"
)
#: Papers sent again in one word ("had to resend the documents", "reenviar", "reinviare"); not
#: "redo" or "reapply", said of games and of new applications ("you'll need to redo the level").
REDONE = (
    r"re-?send\w*|re-?sent|re-?submit\w*|re-?upload\w*|re-?fil(?:e|ed)|reenvi\w*|reinvi\w*|"
    r"rispedi\w*"
)

#: Hoops: forms, paperwork, documents, steps, going in person.
HOOPS = (
    r"forms?|paperwork|fax\w*|by post|print(?:ed|ing)?|sign it|scan(?:ned|ning)?|upload\w*|"
    r"proof of|in person|steps|create an account|"
    r"formular(?:e|en|s|ul|ului)?|ausweis\w*|hochladen|nachweis\w*|per post|schritte|"
    r"formulaire\w*|justificatif\w*|par courrier|créer un compte|valider par sms|étapes|"
    r"formulario\w*|fotocopia\w*|carta firmada|justificante\w*|pasos|ir a la tienda|"
    r"modul[oi]|scontrino|pec|raccomandata|passaggi|"
    r"formulários?|ir à loja|comprovativo\w*|"
    r"formulier(?:en)?|brief sturen|bewijs\w*|stappen|"
    r"заявлени\w+|справк\w+|ехать в офис|бланк\w*|"
    r"formularz\w*|pocztą|"
    r"la ghișeu|"
    r"form doldur\w*|şubeye git\w*|dilekçe\w*|"
    r"visit to the (?:branch|store|shop|office)|in die filiale|aufs amt|"
    r"lettre recommandée|carta certificada|raccomandata|carta registada|aangetekende brief|"
    r"einschreiben|brief mit unterschrift|заказное письмо|list polecony|"
    r"scrisoare recomandată|taahhütlü|registered letter|recorded delivery|"
    r"ausdruck\w*|imprim\w*|stampa\w*|printen|распечата\w*|wydruk\w*|printez\w*|yazdır\w*|"
    r"post office|zur post|à la poste|a correos|in posta|aos correios|postkantoor|на почту|"
    r"na pocztę|la poștă|kargoya|postaneye|"
    r"log in|konto anlegen|registrieren|einloggen|code eingeben|se connecter|saisir un code|"
    r"crear una cuenta|registrarse|introducir un código|creare un account|registrarsi|"
    r"inserire un codice|criar uma conta|inserir um código|account aanmaken|inloggen|"
    r"code invoeren|создать аккаунт|зарегистрироваться|ввести код"
)
#: Screens to get through: counted ("five menus") they are hoops; a single menu is not.
MENUS = r"menus|menüs|menús|menu's|screens|bildschirme|écrans|pantallas|schermate|ecrãs|telas"

#: A process called complicated or long ("the form is a bit long").
COMPLICATED = (
    r"long|complicated|tedious|kompliziert|umständlich|lang|compliqué|long|complicado|largo|"
    r"complicato|lungo|complicado|longo|ingewikkeld|omslachtig|сложн\w+|долг\w+|"
    r"skomplikowan\w+|długi|complicat\w*|lung|karmaşık|uzun|"
    r"exhausting|tiring|anstrengend|nervig|épuisant|pénible|agotador|estenuante|faticoso|"
    r"cansativo|vermoeiend|утомительн\w*|męcząc\w*|obositor|yorucu"
)
