"""Write the bundled demo data: feedback about "Northwind", a fictional retailer.

    python scripts/make_demo_data.py            # rewrites feedback_nlp/data/demo/ byte-identically
    python scripts/make_demo_data.py --out DIR  # writes the same files elsewhere

Every comment is built here from hand-written phrases in eight languages (en, fr, de, es, ro,
ru, it, pt); nothing is copied from any data set. The planted ground truth (which themes drive
detractors and promoters, the Romanian delivery problem that grows from May, …) is described in
docs/demo_data.md, and every generated row keeps `true_theme`, `true_themes`,
`true_sentiment` and `true_pii` as extra columns: generator truth for measuring the analysis,
never inputs to it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

SEED = 20260101
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "feedback_nlp" / "data" / "demo"
START = datetime(2026, 1, 1, tzinfo=UTC)
END = datetime(2026, 9, 30, 23, 59, tzinfo=UTC)

N_SURVEY = 470
N_FORUM = 160
N_SOCIAL = 230
N_CHATS = 90

LANGUAGE_WEIGHTS = {
    "en": 24,
    "fr": 14,
    "de": 12,
    "es": 11,
    "ro": 16,
    "ru": 10,
    "it": 8,
    "pt": 7,
}


@dataclass(frozen=True)
class Theme:
    """A planted theme: its polarity, where it happens and how it moves the scores."""

    sentiment: str
    touchpoints: tuple[str, ...]
    stages: tuple[str, ...]
    weight: float
    score_shift: float = 0.0


THEMES: dict[str, Theme] = {
    "late_delivery": Theme("negative", ("delivery",), ("purchase", "retention"), 11, -1.0),
    "app_crash": Theme("negative", ("app", "checkout"), ("purchase",), 12, -0.4),
    "billing_refund": Theme("negative", ("billing",), ("retention",), 10, -0.7),
    "friendly_staff": Theme("positive", ("store",), ("purchase", "advocacy"), 14, 0.4),
    "easy_returns": Theme("positive", ("support", "store", "website"), ("retention",), 12, 0.2),
    "loyalty_points": Theme("neutral", ("website", "app"), ("retention", "advocacy"), 8),
    "product_range": Theme("neutral", ("website", "store"), ("awareness", "consideration"), 10),
}
NO_THEME = "none"
NO_THEME_PLACES = {
    "touchpoints": ("website", "app", "store", "support"),
    "stages": ("awareness", "consideration", "purchase", "retention", "advocacy"),
}

# ---------------------------------------------------------------------------------------------
# Phrases. Slots: {item} {store} {days} {n} {order} {amount} {version} {date}.
# ---------------------------------------------------------------------------------------------

PHRASES: dict[str, dict] = {
    "en": {
        "items": [
            "sofa",
            "winter jacket",
            "coffee machine",
            "running shoes",
            "desk lamp",
            "kettle",
        ],
        "stores": ["Leeds", "Camden", "Bristol", "Glasgow"],
        "but": "But",
        "openers": {
            "negative": ["Honestly,", "Really disappointed.", "Not happy at all.", "Ugh."],
            "positive": ["Great experience!", "Really pleased.", "Lovely."],
            "neutral": ["Quick question.", "Hi!"],
        },
        "closers": {
            "negative": ["Not ordering again.", "Sort it out please.", "Shocking service tbh."],
            "positive": ["Keep it up!", "Will definitely recommend.", "10/10 would shop again."],
            "neutral": ["Thanks.", "Cheers."],
        },
        "themes": {
            "late_delivery": [
                "My order {order} arrived {days} days late and nobody told me why.",
                "The courier kept rescheduling, the parcel turned up almost two weeks after "
                "the promised date.",
                "Delivery was supposed to take 2 days, it took {days}. Tracking just said "
                "'in transit' the whole time.",
                "The driver marked my parcel as delivered but it wasn't here, it finally came "
                "{days} days later.",
                "Waited in all day for the courier and he never showed up.",
            ],
            "app_crash": [
                "The app crashes every time I get to the payment step.",
                "Tried to pay in the app three times, it froze on the card screen and closed "
                "itself.",
                "Since the last update ({version}) checkout in the app just spins and kicks me "
                "out.",
                "Couldn't finish my order in the app, it crashed when I pressed 'Pay now'.",
            ],
            "billing_refund": [
                "I was charged twice for the same order and I'm still waiting for the refund.",
                "Sent the {item} back on {date} and the refund of {amount} still hasn't shown "
                "up after {days} days.",
                "Double charge on my card, support says it will 'sort itself out'. It hasn't.",
                "The invoice says {amount} but my bank was debited twice.",
            ],
            "friendly_staff": [
                "The staff at the {store} store were lovely and really took their time with me.",
                "Big thanks to the lady at the till, super friendly and helpful.",
                "The guy in the {store} shop helped me find the right size and even checked "
                "stock in another store.",
                "Always a warm welcome in the store, and the staff actually know the products.",
            ],
            "easy_returns": [
                "Returning the {item} was really easy, printed the label and dropped it off.",
                "Return done in two minutes and the money was back the next day.",
                "No-questions-asked returns, exactly how it should be.",
                "Love that I can return online orders in any store.",
            ],
            "loyalty_points": [
                "How do I see my loyalty points in the app?",
                "I have {n} points on my card, can I use them on sale items?",
                "Not sure how the points work, does the balance expire at the end of the year?",
                "The loyalty card is fine, I mostly use it for the member prices.",
            ],
            "product_range": [
                "Would be good to have more sizes in the clothing section.",
                "The range is ok, a bit smaller than last year.",
                "Do you plan to sell the {item} in other colours?",
                "Found what I needed, nothing special to report.",
            ],
        },
        "details": {
            "negative": [
                "Had to chase it three times.",
                "It was a present, so that was a bit pointless.",
                "Three emails, no answer.",
                "Order total was {amount}, not exactly cheap either.",
            ],
            "positive": ["That's why I keep coming back.", "Service like that is rare these days."],
            "neutral": ["Not a big deal, just wondering.", "I shop there about once a month."],
        },
        "short": {
            "positive": ["Great", "Perfect", "Love it", "Top"],
            "negative": ["Slow", "Rubbish", "Disappointing"],
            "neutral": ["ok", "fine", "n/a", "-", "nothing"],
        },
        "pii": {
            "email": "You can reach me at {email}.",
            "phone": "Please call me back on {phone}.",
            "card": "The card I used is {card}.",
            "iban": "Please refund to my account {iban}.",
            "url": "The link you sent me doesn't work: {url}",
        },
        "follow_ups": {
            "neutral": ["My order number is {order}.", "Ok, thanks.", "It was on {date}."],
            "negative": ["Still nothing...", "This is the third time I'm writing about this."],
            "positive": ["Perfect, thank you so much!", "Great, that was quick."],
        },
        "agent": [
            "Hi, thanks for getting in touch! Let me look into that for you.",
            "Sorry about that. I've passed it on to the team &amp; they'll get back to you.",
            "Thanks for your patience, could you confirm your order number?",
        ],
        "bot": "Hi 👋 I'm the Northwind assistant. What can I help you with today?",
    },
    "fr": {
        "items": [
            "le canapé",
            "le manteau",
            "la machine à café",
            "les baskets",
            "la lampe de bureau",
            "la bouilloire",
        ],
        "stores": ["Lyon Part-Dieu", "Lille", "Nantes", "Bordeaux"],
        "but": "Par contre,",
        "openers": {
            "negative": ["Franchement,", "Très déçue.", "Pas content du tout."],
            "positive": ["Super expérience !", "Très satisfait.", "Au top."],
            "neutral": ["Petite question.", "Bonjour !"],
        },
        "closers": {
            "negative": ["Je ne commanderai plus.", "Inadmissible.", "Revoyez votre service svp."],
            "positive": ["Continuez comme ça !", "Je recommande vivement.", "Merci encore !"],
            "neutral": ["Merci.", "Bonne journée."],
        },
        "themes": {
            "late_delivery": [
                "Ma commande {order} est arrivée avec {days} jours de retard, sans aucune "
                "explication.",
                "Le livreur a reporté trois fois, le colis est arrivé presque deux semaines "
                "après la date prévue.",
                "Livraison annoncée en 48h, reçue au bout de {days} jours. Le suivi indiquait "
                "« en cours d'acheminement » tout le temps.",
                "Colis marqué comme livré alors que je n'avais rien reçu, il est arrivé "
                "{days} jours plus tard.",
                "J'ai attendu le transporteur toute la journée, personne n'est venu.",
            ],
            "app_crash": [
                "L'appli plante à chaque fois que j'arrive au paiement.",
                "Trois essais pour payer dans l'application, elle se fige sur l'écran de la "
                "carte puis se ferme.",
                "Depuis la mise à jour {version}, impossible de valider le panier dans l'appli.",
                "L'application a crashé au moment où j'ai appuyé sur « Payer ».",
            ],
            "billing_refund": [
                "J'ai été débité deux fois pour la même commande et j'attends toujours le "
                "remboursement.",
                "J'ai renvoyé {item} le {date} et toujours pas de remboursement des {amount} "
                "après {days} jours.",
                "Double prélèvement sur ma carte, le service client dit que « ça va se régler "
                "tout seul ». Rien.",
                "La facture indique {amount} mais ma banque a été débitée deux fois.",
            ],
            "friendly_staff": [
                "Le personnel du magasin de {store} est adorable et prend vraiment le temps de "
                "conseiller.",
                "Merci à la vendeuse en caisse, hyper souriante et serviable.",
                "Le vendeur de {store} m'a aidé à trouver la bonne taille et a même vérifié le "
                "stock d'un autre magasin.",
                "Toujours bien accueillie en boutique, et l'équipe connaît ses produits.",
            ],
            "easy_returns": [
                "J'ai retourné {item} super facilement : étiquette imprimée, colis déposé en "
                "magasin, fini.",
                "Retour fait en deux minutes, remboursée le lendemain.",
                "Retour sans aucune question, c'est comme ça que ça devrait être partout.",
                "J'adore pouvoir rendre les commandes internet dans n'importe quel magasin.",
            ],
            "loyalty_points": [
                "Comment voir mes points fidélité dans l'appli ?",
                "J'ai {n} points sur ma carte, est-ce qu'ils marchent sur les soldes ?",
                "Je ne comprends pas bien le système de points, ils expirent en fin d'année ?",
                "La carte de fidélité, ça va, je m'en sers surtout pour les prix membres.",
            ],
            "product_range": [
                "Ce serait bien d'avoir plus de tailles au rayon vêtements.",
                "Le choix est correct, un peu plus réduit que l'an dernier.",
                "Vous allez proposer {item} dans d'autres couleurs ?",
                "J'ai trouvé ce que je cherchais, rien de spécial à signaler.",
            ],
        },
        "details": {
            "negative": [
                "J'ai dû relancer trois fois.",
                "C'était un cadeau, donc raté.",
                "Trois mails, zéro réponse.",
                "Pour une commande de {amount}, ça fait mal.",
            ],
            "positive": ["C'est pour ça que je reviens.", "Un service comme ça, c'est rare."],
            "neutral": [
                "Rien de grave, c'est juste une question.",
                "Je viens environ une fois par mois.",
            ],
        },
        "short": {
            "positive": ["Parfait", "Top", "Nickel", "Génial"],
            "negative": ["Nul", "Lent", "Décevant"],
            "neutral": ["ok", "bof", "ça va", "RAS"],
        },
        "pii": {
            "email": "Vous pouvez me joindre à {email}.",
            "phone": "Rappelez-moi au {phone} svp.",
            "card": "La carte utilisée est la {card}.",
            "iban": "Merci de rembourser sur mon IBAN {iban}.",
            "url": "Le lien reçu ne marche pas : {url}",
        },
        "follow_ups": {
            "neutral": [
                "Le numéro de commande est {order}.",
                "D'accord, merci.",
                "C'était le {date}.",
            ],
            "negative": ["Toujours rien...", "C'est la troisième fois que j'écris."],
            "positive": ["Parfait, merci beaucoup !", "Super, c'était rapide."],
        },
        "agent": [
            "Bonjour, merci de nous avoir contactés ! Je regarde cela tout de suite.",
            "Toutes nos excuses. J'ai transmis votre demande au service concerné.",
            "Merci pour votre patience, pouvez-vous me confirmer le numéro de commande ?",
        ],
        "bot": "Bonjour 👋 Je suis l'assistant Northwind. Comment puis-je vous aider ?",
    },
    "de": {
        "items": [
            "das Sofa",
            "die Winterjacke",
            "die Kaffeemaschine",
            "die Laufschuhe",
            "die Schreibtischlampe",
        ],
        "stores": ["Köln", "Hamburg-Altona", "Leipzig", "München"],
        "but": "Was gar nicht geht:",
        "openers": {
            "negative": ["Ehrlich gesagt:", "Sehr enttäuscht.", "Ärgerlich."],
            "positive": ["Tolle Erfahrung!", "Sehr zufrieden.", "Klasse."],
            "neutral": ["Kurze Frage.", "Hallo!"],
        },
        "closers": {
            "negative": ["Nie wieder.", "Bitte dringend verbessern.", "Echt schwach."],
            "positive": ["Weiter so!", "Gerne wieder.", "Absolut empfehlenswert."],
            "neutral": ["Danke.", "Viele Grüße."],
        },
        "themes": {
            "late_delivery": [
                "Meine Bestellung {order} kam {days} Tage zu spät, ohne jede Info.",
                "Der Paketdienst hat dreimal verschoben, das Paket kam fast zwei Wochen nach "
                "dem versprochenen Termin.",
                "Lieferung sollte 2 Tage dauern, es waren {days}. In der Sendungsverfolgung "
                "stand die ganze Zeit nur „in Zustellung“.",
                "Paket wurde als zugestellt markiert, war aber nicht da. Kam dann {days} Tage "
                "später.",
                "Den ganzen Tag auf den Fahrer gewartet, er ist nie gekommen.",
            ],
            "app_crash": [
                "Die App stürzt jedes Mal beim Bezahlen ab.",
                "Dreimal versucht in der App zu zahlen, sie friert bei der Karteneingabe ein "
                "und schließt sich.",
                "Seit dem Update {version} hängt der Checkout in der App und wirft mich raus.",
                "Konnte die Bestellung in der App nicht abschließen, Absturz bei „Jetzt kaufen“.",
            ],
            "billing_refund": [
                "Mir wurde dieselbe Bestellung doppelt abgebucht und die Erstattung lässt auf "
                "sich warten.",
                "Habe {item} am {date} zurückgeschickt, nach {days} Tagen immer noch keine "
                "Erstattung der {amount}.",
                "Doppelte Abbuchung von meiner Karte, der Kundenservice meint, das „regelt sich "
                "von selbst“. Tut es nicht.",
                "Auf der Rechnung stehen {amount}, abgebucht wurde aber zweimal.",
            ],
            "friendly_staff": [
                "Die Mitarbeiter in der Filiale {store} sind super nett und nehmen sich Zeit.",
                "Großes Lob an die Kassiererin, total freundlich und hilfsbereit.",
                "Der Verkäufer in {store} hat mir die richtige Größe rausgesucht und sogar in "
                "einer anderen Filiale nachgefragt.",
                "Im Laden wird man immer freundlich empfangen und gut beraten.",
            ],
            "easy_returns": [
                "Die Rücksendung war total einfach: Etikett ausgedruckt, abgegeben, fertig.",
                "Retoure in zwei Minuten erledigt, Geld war am nächsten Tag zurück.",
                "Rückgabe ohne Diskussion, so muss das sein.",
                "Super, dass man Online-Bestellungen in jeder Filiale zurückgeben kann.",
            ],
            "loyalty_points": [
                "Wo sehe ich meine Treuepunkte in der App?",
                "Ich habe {n} Punkte auf der Karte, gelten die auch für reduzierte Artikel?",
                "Wie funktionieren die Punkte genau, verfallen die am Jahresende?",
                "Die Kundenkarte ist ok, ich nutze sie vor allem für die Mitgliederpreise.",
            ],
            "product_range": [
                "Es wäre schön, mehr Größen in der Modeabteilung zu haben.",
                "Das Sortiment ist in Ordnung, etwas kleiner als letztes Jahr.",
                "Gibt es {item} bald auch in anderen Farben?",
                "Habe gefunden, was ich brauchte, sonst nichts Besonderes.",
            ],
        },
        "details": {
            "negative": [
                "Musste dreimal nachhaken.",
                "War ein Geschenk, also leider zu spät.",
                "Drei E-Mails, keine Antwort.",
                "Bei einem Bestellwert von {amount} erwarte ich mehr.",
            ],
            "positive": ["Deshalb komme ich immer wieder.", "So einen Service findet man selten."],
            "neutral": [
                "Ist nicht schlimm, nur eine Frage.",
                "Ich kaufe etwa einmal im Monat dort.",
            ],
        },
        "short": {
            "positive": ["Super", "Top", "Klasse", "Perfekt"],
            "negative": ["Schlecht", "Langsam", "Enttäuschend"],
            "neutral": ["ok", "passt", "nichts", "keine Angabe"],
        },
        "pii": {
            "email": "Erreichbar bin ich unter {email}.",
            "phone": "Bitte rufen Sie mich zurück: {phone}.",
            "card": "Bezahlt habe ich mit der Karte {card}.",
            "iban": "Bitte auf mein Konto {iban} erstatten.",
            "url": "Der Link aus der Mail funktioniert nicht: {url}",
        },
        "follow_ups": {
            "neutral": ["Die Bestellnummer ist {order}.", "Ok, danke.", "Das war am {date}."],
            "negative": ["Immer noch nichts...", "Ich schreibe jetzt zum dritten Mal."],
            "positive": ["Perfekt, vielen Dank!", "Super, das ging schnell."],
        },
        "agent": [
            "Hallo und danke für Ihre Nachricht! Ich schaue mir das gleich an.",
            "Das tut uns leid. Ich habe es an das zuständige Team weitergegeben.",
            "Danke für Ihre Geduld, können Sie mir die Bestellnummer bestätigen?",
        ],
        "bot": "Hallo 👋 Ich bin der Northwind-Assistent. Wobei kann ich helfen?",
    },
    "es": {
        "items": [
            "el sofá",
            "el abrigo",
            "la cafetera",
            "las zapatillas",
            "la lámpara",
            "el hervidor",
        ],
        "stores": ["Valencia", "Sevilla", "Madrid Goya", "Bilbao"],
        "but": "Eso sí,",
        "openers": {
            "negative": ["La verdad,", "Muy decepcionada.", "Fatal."],
            "positive": ["¡Muy buena experiencia!", "Encantado.", "Genial."],
            "neutral": ["Una pregunta.", "¡Hola!"],
        },
        "closers": {
            "negative": ["No vuelvo a comprar.", "A ver si lo arreglan.", "Vergonzoso."],
            "positive": ["¡Seguid así!", "Lo recomiendo.", "Repetiré seguro."],
            "neutral": ["Gracias.", "Un saludo."],
        },
        "themes": {
            "late_delivery": [
                "Mi pedido {order} llegó con {days} días de retraso y nadie me explicó nada.",
                "El repartidor fue aplazando la entrega, el paquete llegó casi dos semanas "
                "después de lo prometido.",
                "Entrega prevista en 48 horas y tardó {days} días. El seguimiento ponía "
                "«en tránsito» todo el rato.",
                "Marcaron el paquete como entregado y no estaba, llegó {days} días después.",
                "Me quedé todo el día esperando al mensajero y no apareció.",
            ],
            "app_crash": [
                "La app se cierra cada vez que llego al pago.",
                "Intenté pagar tres veces en la aplicación, se queda congelada en la pantalla "
                "de la tarjeta y se cierra.",
                "Desde la actualización {version} el carrito de la app no termina de cargar.",
                "No pude terminar el pedido en la app, se colgó al darle a «Pagar».",
            ],
            "billing_refund": [
                "Me cobraron dos veces el mismo pedido y sigo esperando el reembolso.",
                "Devolví {item} el {date} y después de {days} días no me han devuelto los "
                "{amount}.",
                "Doble cargo en la tarjeta y en atención al cliente dicen que «se soluciona "
                "solo». Pues no.",
                "La factura pone {amount} pero el banco me lo cobró dos veces.",
            ],
            "friendly_staff": [
                "El personal de la tienda de {store} es encantador, te atienden sin prisas.",
                "Gracias a la chica de la caja, súper amable y atenta.",
                "El dependiente de {store} me ayudó con la talla y hasta llamó a otra tienda "
                "para ver si había stock.",
                "En tienda siempre te reciben con una sonrisa y saben de lo que hablan.",
            ],
            "easy_returns": [
                "Devolver {item} fue facilísimo: imprimes la etiqueta, dejas el paquete y listo.",
                "Devolución hecha en dos minutos y el dinero al día siguiente.",
                "Devolución sin preguntas, como debería ser siempre.",
                "Me encanta poder devolver los pedidos online en cualquier tienda.",
            ],
            "loyalty_points": [
                "¿Dónde veo mis puntos de fidelidad en la app?",
                "Tengo {n} puntos en la tarjeta, ¿sirven para artículos rebajados?",
                "No entiendo muy bien cómo van los puntos, ¿caducan a final de año?",
                "La tarjeta de socio está bien, la uso sobre todo para los precios de socio.",
            ],
            "product_range": [
                "Estaría bien tener más tallas en la sección de ropa.",
                "El surtido está bien, algo más corto que el año pasado.",
                "¿Vais a sacar {item} en otros colores?",
                "Encontré lo que buscaba, nada más que comentar.",
            ],
        },
        "details": {
            "negative": [
                "Tuve que reclamar tres veces.",
                "Era un regalo, así que llegó tarde.",
                "Tres correos y ninguna respuesta.",
                "Para un pedido de {amount}, no es normal.",
            ],
            "positive": ["Por eso siempre vuelvo.", "Un trato así ya casi no se ve."],
            "neutral": [
                "No es grave, solo es una duda.",
                "Compro allí más o menos una vez al mes.",
            ],
        },
        "short": {
            "positive": ["Genial", "Perfecto", "Muy bien", "Top"],
            "negative": ["Lento", "Fatal", "Decepcionante"],
            "neutral": ["ok", "normal", "nada", "regular"],
        },
        "pii": {
            "email": "Mi correo es {email}.",
            "phone": "Llámame al {phone}, por favor.",
            "card": "Pagué con la tarjeta {card}.",
            "iban": "Por favor, devolvedlo a mi cuenta {iban}.",
            "url": "El enlace que me mandasteis no funciona: {url}",
        },
        "follow_ups": {
            "neutral": ["El número de pedido es {order}.", "Vale, gracias.", "Fue el {date}."],
            "negative": ["Sigo sin noticias...", "Es la tercera vez que escribo."],
            "positive": ["¡Perfecto, muchas gracias!", "Genial, qué rápido."],
        },
        "agent": [
            "¡Hola! Gracias por escribirnos, lo reviso ahora mismo.",
            "Lo sentimos mucho. He pasado tu caso al equipo correspondiente.",
            "Gracias por tu paciencia, ¿me confirmas el número de pedido?",
        ],
        "bot": "Hola 👋 Soy el asistente de Northwind. ¿En qué te puedo ayudar?",
    },
    "ro": {
        "items": ["canapeaua", "geaca de iarnă", "espressorul", "pantofii de alergare", "lampa"],
        "stores": ["Cluj", "Iași", "Timișoara", "București Militari"],
        "but": "În schimb,",
        "openers": {
            "negative": ["Sincer,", "Foarte dezamăgită.", "Nu sunt deloc mulțumit."],
            "positive": ["Experiență super!", "Foarte mulțumit.", "Bravo."],
            "neutral": ["O întrebare.", "Bună ziua!"],
        },
        "closers": {
            "negative": ["Nu mai comand.", "Rezolvați, vă rog.", "Jalnic."],
            "positive": ["Continuați așa!", "Recomand cu drag.", "Mulțumesc!"],
            "neutral": ["Mersi.", "O zi bună."],
        },
        "themes": {
            "late_delivery": [
                "Comanda {order} a venit cu {days} zile întârziere și nimeni nu m-a anunțat.",
                "Curierul tot a amânat livrarea, coletul a ajuns după aproape două săptămâni.",
                "Livrarea trebuia să dureze 2 zile, a durat {days}. La urmărire scria doar "
                "„în tranzit”.",
                "Coletul apărea livrat, dar nu era nimic la ușă. A venit abia după {days} zile.",
                "Am stat toată ziua acasă după curier și n-a mai venit.",
                "Curierul nu răspunde la telefon, iar coletul stă de {days} zile în depozit.",
            ],
            "app_crash": [
                "Aplicația se închide de fiecare dată când ajung la plată.",
                "Am încercat de trei ori să plătesc în aplicație, se blochează la card și se "
                "închide.",
                "De la actualizarea {version} coșul din aplicație se încarcă la nesfârșit.",
                "Nu am putut finaliza comanda în aplicație, a crăpat când am apăsat „Plătește”.",
            ],
            "billing_refund": [
                "Mi s-a luat banii de două ori pentru aceeași comandă și aștept în continuare "
                "rambursarea.",
                "Am returnat {item} pe {date} și după {days} zile tot nu am primit cei "
                "{amount} înapoi.",
                "Plată dublă pe card, iar la suport mi se spune că „se rezolvă singur”. Nu s-a "
                "rezolvat.",
                "Pe factură scrie {amount}, dar banca mi-a retras suma de două ori.",
            ],
            "friendly_staff": [
                "Personalul din magazinul din {store} e foarte amabil și își face timp pentru "
                "tine.",
                "Mulțumiri doamnei de la casă, foarte drăguță și de ajutor.",
                "Vânzătorul din {store} m-a ajutat să găsesc mărimea potrivită și a sunat "
                "chiar și la alt magazin.",
                "În magazin ești mereu primit frumos, iar angajații chiar cunosc produsele.",
            ],
            "easy_returns": [
                "Returul a fost foarte simplu: am printat eticheta, l-am lăsat în magazin și gata.",
                "Retur făcut în două minute, banii au intrat a doua zi.",
                "Retur fără nicio întrebare, așa ar trebui peste tot.",
                "Îmi place că pot returna comenzile online în orice magazin.",
            ],
            "loyalty_points": [
                "Unde văd punctele de fidelitate în aplicație?",
                "Am {n} puncte pe card, le pot folosi și la reduceri?",
                "Nu înțeleg prea bine cum funcționează punctele, expiră la sfârșitul anului?",
                "Cardul de fidelitate e ok, îl folosesc mai ales pentru prețurile de membru.",
            ],
            "product_range": [
                "Ar fi bine să aveți mai multe mărimi la haine.",
                "Oferta e ok, puțin mai mică decât anul trecut.",
                "O să aveți {item} și în alte culori?",
                "Am găsit ce căutam, nimic deosebit.",
            ],
        },
        "details": {
            "negative": [
                "Am sunat de trei ori.",
                "Era un cadou, deci degeaba.",
                "Trei emailuri, niciun răspuns.",
                "Pentru o comandă de {amount} mă așteptam la mai mult.",
            ],
            "positive": ["De asta revin mereu.", "Rar mai găsești așa ceva."],
            "neutral": ["Nu e grav, doar întreb.", "Cumpăr de acolo cam o dată pe lună."],
        },
        "short": {
            "positive": ["Super", "Perfect", "Excelent", "Bravo"],
            "negative": ["Lent", "Jalnic", "Dezamăgitor"],
            "neutral": ["ok", "nimic", "normal", "fără comentarii"],
        },
        "pii": {
            "email": "Mă puteți contacta la {email}.",
            "phone": "Vă rog să mă sunați la {phone}.",
            "card": "Am plătit cu cardul {card}.",
            "iban": "Vă rog să returnați banii în contul {iban}.",
            "url": "Linkul primit nu merge: {url}",
        },
        "follow_ups": {
            "neutral": ["Numărul comenzii este {order}.", "Bine, mulțumesc.", "A fost pe {date}."],
            "negative": ["Tot nimic...", "Vă scriu a treia oară."],
            "positive": ["Perfect, mulțumesc mult!", "Super, a fost rapid."],
        },
        "agent": [
            "Bună ziua și mulțumim că ne-ați scris! Verific imediat.",
            "Ne pare rău. Am transmis solicitarea colegilor de la departamentul responsabil.",
            "Mulțumim pentru răbdare, îmi puteți confirma numărul comenzii?",
        ],
        "bot": "Bună 👋 Sunt asistentul Northwind. Cu ce te pot ajuta?",
    },
    "ru": {
        "items": ["диван", "зимнюю куртку", "кофемашину", "кроссовки", "настольную лампу"],
        "stores": ["на Тверской", "в Казани", "в Екатеринбурге", "на Невском"],
        "but": "Но",
        "openers": {
            "negative": ["Честно говоря,", "Очень разочарована.", "Ужас."],
            "positive": ["Отличный опыт!", "Очень доволен.", "Класс."],
            "neutral": ["Вопрос.", "Здравствуйте!"],
        },
        "closers": {
            "negative": ["Больше не закажу.", "Разберитесь, пожалуйста.", "Позор."],
            "positive": ["Так держать!", "Всем советую.", "Спасибо!"],
            "neutral": ["Спасибо.", "Хорошего дня."],
        },
        "themes": {
            "late_delivery": [
                "Заказ {order} привезли с опозданием на {days} дней, никто ничего не объяснил.",
                "Курьер трижды переносил доставку, посылка пришла почти через две недели.",
                "Обещали доставку за 2 дня, а везли {days}. В отслеживании всё время было "
                "«в пути».",
                "Посылку отметили как доставленную, а её не было. Привезли через {days} дней.",
                "Весь день ждала курьера, он так и не приехал.",
            ],
            "app_crash": [
                "Приложение вылетает каждый раз на этапе оплаты.",
                "Три раза пытался оплатить в приложении, оно зависает на вводе карты и "
                "закрывается.",
                "После обновления {version} корзина в приложении бесконечно грузится.",
                "Не смог оформить заказ в приложении, оно упало после кнопки «Оплатить».",
            ],
            "billing_refund": [
                "С меня дважды списали деньги за один заказ, а возврата до сих пор нет.",
                "Вернула {item} {date}, прошло {days} дней, а {amount} так и не вернули.",
                "Двойное списание с карты, в поддержке говорят «само рассосётся». Не рассосалось.",
                "В чеке {amount}, а банк списал сумму два раза.",
            ],
            "friendly_staff": [
                "Продавцы в магазине {store} очень приветливые, никуда не торопят.",
                "Спасибо девушке на кассе, очень вежливая и внимательная.",
                "Консультант {store} помог подобрать размер и даже позвонил в другой магазин.",
                "В магазине всегда приятно встречают, и сотрудники реально разбираются в товаре.",
            ],
            "easy_returns": [
                "Вернуть {item} было очень просто: распечатал наклейку, отнёс, готово.",
                "Возврат за две минуты, деньги пришли на следующий день.",
                "Возврат без лишних вопросов, так и должно быть.",
                "Удобно, что онлайн-заказ можно вернуть в любом магазине.",
            ],
            "loyalty_points": [
                "Где в приложении посмотреть бонусные баллы?",
                "У меня {n} баллов на карте, их можно тратить на товары со скидкой?",
                "Не очень понимаю, как работают баллы, они сгорают в конце года?",
                "Карта лояльности нормальная, пользуюсь в основном ради цен для участников.",
            ],
            "product_range": [
                "Хотелось бы больше размеров в отделе одежды.",
                "Ассортимент нормальный, чуть меньше, чем в прошлом году.",
                "Планируете продавать {item} в других цветах?",
                "Нашла что искала, ничего особенного.",
            ],
        },
        "details": {
            "negative": [
                "Пришлось звонить три раза.",
                "Это был подарок, так что уже не актуально.",
                "Три письма, ни одного ответа.",
                "За заказ на {amount} такое отношение.",
            ],
            "positive": ["Поэтому и возвращаюсь.", "Такой сервис сейчас редкость."],
            "neutral": ["Ничего страшного, просто вопрос.", "Покупаю там примерно раз в месяц."],
        },
        "short": {
            "positive": ["Отлично", "Супер", "Класс", "Всё понравилось"],
            "negative": ["Ужасно", "Долго", "Плохо"],
            "neutral": ["норм", "нормально", "нет", "без комментариев"],
        },
        "pii": {
            "email": "Пишите мне на {email}.",
            "phone": "Перезвоните мне, пожалуйста: {phone}.",
            "card": "Платила картой {card}.",
            "iban": "Верните, пожалуйста, на счёт {iban}.",
            "url": "Ссылка из письма не работает: {url}",
        },
        "follow_ups": {
            "neutral": ["Номер заказа {order}.", "Хорошо, спасибо.", "Это было {date}."],
            "negative": ["До сих пор ничего...", "Пишу уже третий раз."],
            "positive": ["Отлично, большое спасибо!", "Супер, быстро."],
        },
        "agent": [
            "Здравствуйте, спасибо за обращение! Сейчас проверю.",
            "Приносим извинения. Я передал ваш вопрос профильной команде.",
            "Спасибо за терпение, подтвердите, пожалуйста, номер заказа.",
        ],
        "bot": "Привет 👋 Я ассистент Northwind. Чем могу помочь?",
    },
    "it": {
        "items": [
            "il divano",
            "il piumino",
            "la macchina del caffè",
            "le scarpe da corsa",
            "la lampada",
        ],
        "stores": ["Milano Centrale", "Torino", "Bologna", "Napoli"],
        "but": "Però",
        "openers": {
            "negative": ["Sinceramente,", "Molto delusa.", "Pessimo."],
            "positive": ["Ottima esperienza!", "Molto soddisfatto.", "Bravi."],
            "neutral": ["Una domanda.", "Buongiorno!"],
        },
        "closers": {
            "negative": ["Non ordino più.", "Sistemate per favore.", "Vergognoso."],
            "positive": ["Continuate così!", "Consigliatissimo.", "Grazie!"],
            "neutral": ["Grazie.", "Buona giornata."],
        },
        "themes": {
            "late_delivery": [
                "Il mio ordine {order} è arrivato con {days} giorni di ritardo e nessuno mi ha "
                "avvisato.",
                "Il corriere ha rimandato tre volte, il pacco è arrivato quasi due settimane dopo.",
                "Consegna prevista in 48 ore, ci sono voluti {days} giorni. Il tracking diceva "
                "sempre «in transito».",
                "Pacco segnato come consegnato ma non c'era, è arrivato {days} giorni dopo.",
                "Ho aspettato il corriere tutto il giorno e non si è visto.",
            ],
            "app_crash": [
                "L'app si chiude ogni volta che arrivo al pagamento.",
                "Ho provato a pagare tre volte nell'app, si blocca sulla schermata della carta.",
                "Dall'aggiornamento {version} il carrello nell'app non si carica più.",
                "Non sono riuscito a completare l'ordine, l'app è crashata su «Paga ora».",
            ],
            "billing_refund": [
                "Mi hanno addebitato due volte lo stesso ordine e aspetto ancora il rimborso.",
                "Ho reso {item} il {date} e dopo {days} giorni niente rimborso dei {amount}.",
                "Doppio addebito sulla carta, l'assistenza dice che «si sistema da solo». No.",
                "In fattura ci sono {amount} ma la banca li ha presi due volte.",
            ],
            "friendly_staff": [
                "Il personale del negozio di {store} è gentilissimo e ti segue con calma.",
                "Grazie alla ragazza alla cassa, simpaticissima e disponibile.",
                "Il commesso di {store} mi ha aiutato con la taglia e ha chiamato un altro "
                "negozio per la disponibilità.",
                "In negozio ti accolgono sempre bene e conoscono i prodotti.",
            ],
            "easy_returns": [
                "Rendere {item} è stato facilissimo: stampi l'etichetta, lasci il pacco in "
                "negozio, fatto.",
                "Reso fatto in due minuti, soldi riaccreditati il giorno dopo.",
                "Reso senza domande, come dovrebbe essere ovunque.",
                "Comodissimo poter rendere gli ordini online in qualsiasi negozio.",
            ],
            "loyalty_points": [
                "Dove vedo i punti fedeltà nell'app?",
                "Ho {n} punti sulla carta, valgono anche sui saldi?",
                "Non ho capito bene come funzionano i punti, scadono a fine anno?",
                "La carta fedeltà va bene, la uso soprattutto per i prezzi riservati.",
            ],
            "product_range": [
                "Sarebbe utile avere più taglie nel reparto abbigliamento.",
                "L'assortimento va bene, un po' più ridotto dell'anno scorso.",
                "Avrete {item} anche in altri colori?",
                "Ho trovato quello che cercavo, niente di particolare.",
            ],
        },
        "details": {
            "negative": [
                "Ho dovuto sollecitare tre volte.",
                "Era un regalo, quindi inutile.",
                "Tre email, nessuna risposta.",
                "Per un ordine da {amount} non è accettabile.",
            ],
            "positive": ["Per questo torno sempre.", "Un servizio così è raro."],
            "neutral": [
                "Niente di grave, è solo una domanda.",
                "Compro lì circa una volta al mese.",
            ],
        },
        "short": {
            "positive": ["Ottimo", "Perfetto", "Top", "Bene"],
            "negative": ["Lento", "Pessimo", "Deludente"],
            "neutral": ["ok", "normale", "niente", "così così"],
        },
        "pii": {
            "email": "Potete scrivermi a {email}.",
            "phone": "Richiamatemi al {phone}, grazie.",
            "card": "Ho pagato con la carta {card}.",
            "iban": "Per favore rimborsate sul conto {iban}.",
            "url": "Il link ricevuto non funziona: {url}",
        },
        "follow_ups": {
            "neutral": ["Il numero d'ordine è {order}.", "Va bene, grazie.", "Era il {date}."],
            "negative": ["Ancora niente...", "È la terza volta che scrivo."],
            "positive": ["Perfetto, grazie mille!", "Ottimo, velocissimi."],
        },
        "agent": [
            "Ciao e grazie per averci scritto! Controllo subito.",
            "Ci dispiace molto. Ho inoltrato la richiesta al team competente.",
            "Grazie per la pazienza, mi confermi il numero d'ordine?",
        ],
        "bot": "Ciao 👋 Sono l'assistente Northwind. Come posso aiutarti?",
    },
    "pt": {
        "items": [
            "o sofá",
            "o casaco",
            "a máquina de café",
            "os ténis de corrida",
            "o candeeiro",
        ],
        "stores": ["Porto", "Lisboa Colombo", "Braga", "Coimbra"],
        "but": "Mas",
        "openers": {
            "negative": ["Sinceramente,", "Muito desiludida.", "Péssimo."],
            "positive": ["Ótima experiência!", "Muito satisfeito.", "Adorei."],
            "neutral": ["Uma pergunta.", "Olá!"],
        },
        "closers": {
            "negative": ["Não volto a encomendar.", "Resolvam isto, por favor.", "Vergonhoso."],
            "positive": ["Continuem assim!", "Recomendo.", "Obrigado!"],
            "neutral": ["Obrigado.", "Bom dia."],
        },
        "themes": {
            "late_delivery": [
                "A minha encomenda {order} chegou com {days} dias de atraso e ninguém avisou.",
                "O estafeta adiou três vezes, a encomenda chegou quase duas semanas depois.",
                "Entrega prevista em 48 horas, demorou {days} dias. O seguimento dizia sempre "
                "«em trânsito».",
                "A encomenda apareceu como entregue mas não estava cá, chegou {days} dias depois.",
                "Fiquei o dia todo à espera do estafeta e ele não apareceu.",
            ],
            "app_crash": [
                "A app fecha sempre que chego ao pagamento.",
                "Tentei pagar três vezes na aplicação, bloqueia no ecrã do cartão e fecha.",
                "Desde a atualização {version} o carrinho na app não carrega.",
                "Não consegui terminar a encomenda, a app foi abaixo quando carreguei em «Pagar».",
            ],
            "billing_refund": [
                "Cobraram-me duas vezes a mesma encomenda e ainda estou à espera do reembolso.",
                "Devolvi {item} a {date} e passados {days} dias ainda não recebi os {amount}.",
                "Cobrança duplicada no cartão, o apoio ao cliente diz que «resolve-se sozinho». "
                "Não resolveu.",
                "A fatura diz {amount} mas o banco cobrou duas vezes.",
            ],
            "friendly_staff": [
                "O pessoal da loja do {store} é simpatiquíssimo e tem paciência para explicar.",
                "Obrigada à menina da caixa, muito simpática e prestável.",
                "O funcionário do {store} ajudou-me com o tamanho e ainda ligou para outra loja.",
                "Na loja somos sempre bem recebidos e a equipa conhece os produtos.",
            ],
            "easy_returns": [
                "Devolver {item} foi facílimo: imprimi a etiqueta, deixei na loja e pronto.",
                "Devolução feita em dois minutos, o dinheiro voltou no dia seguinte.",
                "Devolução sem perguntas, como devia ser sempre.",
                "Adoro poder devolver encomendas online em qualquer loja.",
            ],
            "loyalty_points": [
                "Onde vejo os meus pontos de fidelização na app?",
                "Tenho {n} pontos no cartão, posso usá-los em artigos com desconto?",
                "Não percebo bem como funcionam os pontos, expiram no fim do ano?",
                "O cartão de cliente é ok, uso sobretudo pelos preços de membro.",
            ],
            "product_range": [
                "Seria bom haver mais tamanhos na secção de roupa.",
                "A oferta é razoável, um pouco menor do que no ano passado.",
                "Vão ter {item} noutras cores?",
                "Encontrei o que procurava, nada de especial.",
            ],
        },
        "details": {
            "negative": [
                "Tive de insistir três vezes.",
                "Era uma prenda, portanto já não serviu.",
                "Três emails, nenhuma resposta.",
                "Numa encomenda de {amount}, não é aceitável.",
            ],
            "positive": ["É por isso que volto sempre.", "Um atendimento assim é raro."],
            "neutral": [
                "Nada de grave, é só uma dúvida.",
                "Compro lá mais ou menos uma vez por mês.",
            ],
        },
        "short": {
            "positive": ["Ótimo", "Perfeito", "Top", "Excelente"],
            "negative": ["Lento", "Péssimo", "Fraco"],
            "neutral": ["ok", "normal", "nada", "assim-assim"],
        },
        "pii": {
            "email": "Podem contactar-me para {email}.",
            "phone": "Liguem-me para o {phone}, por favor.",
            "card": "Paguei com o cartão {card}.",
            "iban": "Por favor devolvam para o IBAN {iban}.",
            "url": "O link que recebi não funciona: {url}",
        },
        "follow_ups": {
            "neutral": ["O número da encomenda é {order}.", "Ok, obrigado.", "Foi a {date}."],
            "negative": ["Ainda nada...", "É a terceira vez que escrevo."],
            "positive": ["Perfeito, muito obrigado!", "Ótimo, foi rápido."],
        },
        "agent": [
            "Olá, obrigado pelo contacto! Vou verificar já.",
            "Lamentamos imenso. Encaminhei o pedido para a equipa responsável.",
            "Obrigado pela paciência, pode confirmar o número da encomenda?",
        ],
        "bot": "Olá 👋 Sou o assistente Northwind. Em que posso ajudar?",
    },
}

# Comments that mix English with another language (language = the other one).
CODE_SWITCHED: list[tuple[str, str, str, str]] = [
    # (lang, text, theme, sentiment)
    (
        "fr",
        "The app is super, mais la livraison a pris deux semaines...",
        "late_delivery",
        "negative",
    ),
    (
        "fr",
        "Franchement le click and collect c'est top, staff très friendly !",
        "friendly_staff",
        "positive",
    ),
    (
        "de",
        "Die App ist eigentlich nice, aber beim Checkout crasht sie jedes Mal. So annoying.",
        "app_crash",
        "negative",
    ),
    (
        "es",
        "El refund todavía no ha llegado, already two weeks waiting!!",
        "billing_refund",
        "negative",
    ),
    ("ro", "Livrarea a fost super late, curierul total useless 😤", "late_delivery", "negative"),
    ("ro", "Staff-ul din magazin e really nice, m-au ajutat mult", "friendly_staff", "positive"),
    ("ru", "Приложение опять crash на оплате, что за bug такой?", "app_crash", "negative"),
    ("it", "Il return è stato super easy, complimenti!", "easy_returns", "positive"),
    ("pt", "A entrega foi tipo super slow, nunca mais", "late_delivery", "negative"),
    (
        "es",
        "Muy buen customer service en tienda, la chica super nice",
        "friendly_staff",
        "positive",
    ),
]

EMOJI = {
    "negative": ["😡", "😤", "🙄", "👎", "😞", "🤬"],
    "positive": ["😍", "👍", "🙏", "❤️", "🥰", "👌", "⭐⭐⭐⭐⭐"],
    "neutral": ["🤔", "🙂", "🤷"],
}
EMOJI_ONLY = [("👍", "positive"), ("😡😡😡", "negative"), ("🙂", "neutral"), ("❤️❤️", "positive")]

QUESTION_TEXTS = {
    "Q1": "How likely are you to recommend Northwind to a friend or colleague?",
    "Q2": "Overall, how satisfied are you with your experience?",
    "Q3": "How easy was it to get what you needed?",
    "Q4": "What is the main reason for your score?",
}
USER_LANGUAGE = {
    "en": "EN",
    "fr": "FR",
    "de": "DE",
    "es": "ES",
    "ro": "RO",
    "ru": "RU",
    "it": "IT",
    "pt": "PT",
}
FIRST_NAMES = ["ana", "mihai", "claire", "jonas", "lucia", "olga", "marco", "joana", "tom", "ines"]
LAST_NAMES = ["popescu", "martin", "schmidt", "garcia", "ionescu", "petrova", "rossi", "silva"]
SAME_HERE = {
    "en": "Same here.",
    "fr": "Pareil pour moi.",
    "de": "Geht mir genauso.",
    "es": "Me pasa lo mismo.",
    "ro": "Și la mine la fel.",
    "ru": "У меня то же самое.",
    "it": "Anche a me.",
    "pt": "Comigo passa-se o mesmo.",
}
STRIP_DIACRITICS_RATE = {"ro": 0.45, "fr": 0.12, "es": 0.2, "pt": 0.2, "it": 0.1, "de": 0.08}
HELP_LINK = "https://shop.northwind.example/help"

# ---------------------------------------------------------------------------------------------
# Building comments
# ---------------------------------------------------------------------------------------------


@dataclass
class Comment:
    """One generated comment and its ground truth."""

    lang: str
    text: str
    theme: str
    themes: list[str]
    sentiment: str
    created_at: datetime
    pii: list[str] = field(default_factory=list)
    mixed: bool = False

    @property
    def touchpoint_stage(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if self.theme == NO_THEME:
            return NO_THEME_PLACES["touchpoints"], NO_THEME_PLACES["stages"]
        theme = THEMES[self.theme]
        return theme.touchpoints, theme.stages

    def truth(self) -> dict[str, str]:
        return {
            "true_theme": self.theme,
            "true_themes": "|".join(self.themes),
            "true_sentiment": self.sentiment,
            "true_pii": "|".join(self.pii),
        }


class Generator:
    """Seeded comment generator; every random choice goes through `self.rng`."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.customers = [f"cust-{i:04d}" for i in range(1, 701)]

    # -- small random values ---------------------------------------------------------------

    def date(self) -> datetime:
        seconds = int((END - START).total_seconds())
        return START + timedelta(seconds=self.rng.randrange(seconds))

    def language(self) -> str:
        return self.rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0]

    def theme(self, lang: str, when: datetime, sentiment: str | None = None) -> str:
        weights = {
            name: theme.weight
            for name, theme in THEMES.items()
            if sentiment is None or theme.sentiment == sentiment
        }
        # Planted trend: the delivery problem grows from May and is worse in Romania.
        if "late_delivery" in weights:
            weights["late_delivery"] *= 1 + 0.6 * max(0, when.month - 4)
            if lang == "ro":
                weights["late_delivery"] *= 4.0
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def amount(self, lang: str) -> str:
        value = self.rng.randint(1500, 249900) / 100
        whole, cents = f"{value:,.2f}".split(".")
        if lang == "en":
            return f"£{whole}.{cents}"
        if lang == "ro":
            return f"{round(value * 5)} lei"
        if lang == "ru":
            return f"{round(value * 95):,} ₽".replace(",", " ")
        separator = " " if lang == "fr" else "."
        return f"{whole.replace(',', separator)},{cents} €"

    def slots(self, lang: str, when: datetime) -> dict[str, str]:
        phrases = PHRASES[lang]
        earlier = when - timedelta(days=self.rng.randint(5, 40))
        date_format = "%d.%m.%Y" if lang in ("de", "ro", "ru") else "%d/%m/%Y"
        order = (
            f"NW-{self.rng.randint(100000, 999999)}"
            if self.rng.random() < 0.7
            else f"#{self.rng.randint(100000000, 999999999)}"
        )
        return {
            "item": self.rng.choice(phrases["items"]),
            "store": self.rng.choice(phrases["stores"]),
            "days": str(self.rng.randint(5, 21)),
            "n": str(self.rng.randint(120, 4800)),
            "order": order,
            "amount": self.amount(lang),
            "version": ".".join(str(self.rng.randint(*span)) for span in ((3, 5), (0, 19), (0, 9))),
            "date": earlier.strftime(date_format),
        }

    def fill(self, template: str, lang: str, when: datetime) -> str:
        return template.format(**self.slots(lang, when))

    # -- PII ---------------------------------------------------------------------------------

    def email(self) -> str:
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        domain = self.rng.choice(["example.com", "example.org", "example.net", "mail.example"])
        return f"{first}.{last}{self.rng.randint(1, 99)}@{domain}"

    def digits(self, count: int) -> str:
        return "".join(str(self.rng.randint(0, 9)) for _ in range(count))

    def phone(self, lang: str) -> str:
        d = self.digits
        formats = {
            "en": [f"+44 20 7946 0{d(3)}", f"07700 900{d(3)}"],
            "fr": [f"06 {d(2)} {d(2)} {d(2)} {d(2)}", f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}"],
            "de": [f"0151 {d(8)}", f"+49 151 {d(4)} {d(4)}"],
            "es": [f"6{d(2)} {d(2)} {d(2)} {d(2)}", f"+34 6{d(2)} {d(3)} {d(3)}"],
            "ro": [f"07{d(2)} {d(3)} {d(3)}", f"+40 7{d(2)} {d(3)} {d(3)}"],
            "ru": [f"+7 9{d(2)} {d(3)}-{d(2)}-{d(2)}", f"8 9{d(2)} {d(3)} {d(2)} {d(2)}"],
            "it": [f"3{d(2)} {d(3)} {d(4)}", f"+39 3{d(2)} {d(3)} {d(4)}"],
            "pt": [f"9{d(2)} {d(3)} {d(3)}", f"+351 9{d(2)} {d(3)} {d(3)}"],
        }
        return self.rng.choice(formats[lang])

    def card(self) -> str:
        body = self.rng.choice("45") + self.digits(14)
        check = next(str(c) for c in range(10) if _luhn_valid(body + str(c)))
        number = body + check
        groups = [number[i : i + 4] for i in range(0, 16, 4)]
        return self.rng.choice([" ".join(groups), "-".join(groups), number])

    def iban(self, lang: str) -> str:
        country = {"en": "GB", "fr": "FR", "de": "DE", "es": "ES", "ro": "RO", "it": "IT"}.get(
            lang, "PT"
        )
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        bank = "".join(self.rng.choice(letters) for _ in range(4))
        bban = {
            "GB": bank + self.digits(14),
            "FR": self.digits(23),
            "DE": self.digits(18),
            "ES": self.digits(20),
            "RO": bank + self.digits(16),
            "IT": self.rng.choice(letters) + self.digits(22),
            "PT": self.digits(21),
        }[country]
        numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
        compact = f"{country}{98 - int(numeric) % 97:02d}{bban}"
        if self.rng.random() < 0.5:
            return compact
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))

    def token_url(self) -> str:
        token = "".join(self.rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(24))
        return self.rng.choice(
            [
                f"https://northwind.example/account/reset?token={token}",
                f"https://pay.northwind.example/confirm?session_id={token[:16]}&sig={token[16:]}",
                f"https://northwind.example/orders/track?email={self.email()}&order=NW-{self.digits(6)}",
            ]
        )

    def pii_sentence(self, lang: str) -> tuple[str, str]:
        kind = self.rng.choices(["email", "phone", "card", "iban", "url"], [30, 30, 12, 12, 16])[0]
        if kind == "iban" and lang == "ru":
            kind = "card"
        value = {
            "email": self.email,
            "phone": lambda: self.phone(lang),
            "card": self.card,
            "iban": lambda: self.iban(lang),
            "url": self.token_url,
        }[kind]()
        return PHRASES[lang]["pii"][kind].format(**{kind: value}), kind

    # -- warts -------------------------------------------------------------------------------

    def typo(self, text: str) -> str:
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        for index in self.rng.sample(candidates, min(len(candidates), self.rng.randint(1, 2))):
            word = words[index]
            at = self.rng.randrange(1, len(word) - 2)
            kind = self.rng.random()
            if kind < 0.4:
                word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
            elif kind < 0.7:
                word = word[:at] + word[at + 1 :]
            else:
                word = word[:at] + word[at] + word[at:]
            words[index] = word
        return " ".join(words)

    def roughen(self, text: str, lang: str, typo_rate: float = 0.12) -> str:
        if self.rng.random() < typo_rate:
            text = self.typo(text)
        if self.rng.random() < STRIP_DIACRITICS_RATE.get(lang, 0.0):
            text = strip_diacritics(text)
        if self.rng.random() < 0.06:
            text = text.lower()
        return text

    def add_emoji(self, text: str, sentiment: str, rate: float) -> str:
        if self.rng.random() >= rate:
            return text
        return f"{text} {self.rng.choice(EMOJI[sentiment])}"

    # -- whole comments ----------------------------------------------------------------------

    def sentence(self, lang: str, theme: str, when: datetime) -> str:
        return self.fill(self.rng.choice(PHRASES[lang]["themes"][theme]), lang, when)

    def themed(self, lang: str, theme: str, when: datetime) -> Comment:
        phrases = PHRASES[lang]
        sentiment = THEMES[theme].sentiment
        parts = []
        core = self.sentence(lang, theme, when)
        if self.rng.random() < 0.3:
            opener = self.rng.choice(phrases["openers"][sentiment])
            parts.append(opener)
            core = continue_sentence(core, lang) if opener.endswith(",") else core
        parts.append(core)
        if self.rng.random() < 0.35:
            parts.append(self.fill(self.rng.choice(phrases["details"][sentiment]), lang, when))
        if self.rng.random() < 0.3:
            parts.append(self.rng.choice(phrases["closers"][sentiment]))
        return Comment(lang, " ".join(parts), theme, [theme], sentiment, when)

    def mixed(self, lang: str, when: datetime) -> Comment:
        """Praise one theme, complain about another; the clause after "but" is the primary."""
        positive = self.rng.choice(["friendly_staff", "easy_returns"])
        negative = self.theme(lang, when, sentiment="negative")
        praise, complaint = self.sentence(lang, positive, when), self.sentence(lang, negative, when)
        connector = PHRASES[lang]["but"]
        if self.rng.random() < 0.5:
            text = f"{praise} {connector} {continue_sentence(complaint, lang)}"
            primary = negative
        else:
            text = f"{complaint} {connector} {continue_sentence(praise, lang)}"
            primary = positive
        themes = [primary, negative if primary == positive else positive]
        sentiment = THEMES[primary].sentiment
        return Comment(lang, text, primary, themes, sentiment, when, mixed=True)

    def short(self, lang: str, when: datetime) -> Comment:
        if self.rng.random() < 0.2:
            text, sentiment = self.rng.choice(EMOJI_ONLY)
        else:
            sentiment = self.rng.choice(["positive", "negative", "neutral"])
            text = self.rng.choice(PHRASES[lang]["short"][sentiment])
        return Comment(lang, text, NO_THEME, [], sentiment, when)

    def code_switched(self, when: datetime) -> Comment:
        lang, text, theme, sentiment = self.rng.choice(CODE_SWITCHED)
        return Comment(lang, text, theme, [theme], sentiment, when)

    def long(self, lang: str, when: datetime) -> Comment:
        """A 1,500+ character story around one theme, with asides about others."""
        theme = self.theme(lang, when)
        sentiment = THEMES[theme].sentiment
        phrases = PHRASES[lang]
        parts = [self.rng.choice(phrases["openers"][sentiment])]
        core = list(phrases["themes"][theme])
        self.rng.shuffle(core)
        parts += [self.fill(t, lang, when) for t in core]
        parts += [self.fill(t, lang, when) for t in phrases["details"][sentiment]]
        aside = self.rng.choice(
            [t for t in THEMES if t != theme and THEMES[t].sentiment == "neutral"]
        )
        while len(" ".join(parts)) < 1550:
            parts.append(self.sentence(lang, self.rng.choice([theme, theme, aside]), when))
        parts.append(self.rng.choice(phrases["closers"][sentiment]))
        return Comment(lang, " ".join(parts), theme, [theme, aside], sentiment, when)

    def comment(self, *, when: datetime | None = None, long_rate: float = 0.01) -> Comment:
        when = when or self.date()
        lang = self.language()
        roll = self.rng.random()
        if roll < long_rate:
            comment = self.long(lang, when)
        elif roll < long_rate + 0.05:
            comment = self.short(lang, when)
        elif roll < long_rate + 0.08:
            comment = self.code_switched(when)
        elif roll < long_rate + 0.21:
            comment = self.mixed(lang, when)
        else:
            comment = self.themed(lang, self.theme(lang, when), when)
        if comment.theme != NO_THEME:
            comment.text = self.roughen(comment.text, comment.lang)
        return comment

    def with_pii(self, comment: Comment, rate: float) -> Comment:
        if comment.theme == NO_THEME or self.rng.random() >= rate:
            return comment
        sentence, kind = self.pii_sentence(comment.lang)
        comment.text = f"{comment.text} {sentence}"
        comment.pii = [kind]
        return comment

    def place(self, comment: Comment) -> tuple[str, str]:
        touchpoints, stages = comment.touchpoint_stage
        return self.rng.choice(touchpoints), self.rng.choice(stages)


def continue_sentence(sentence: str, lang: str) -> str:
    """Lower-case the first letter so the sentence can follow a comma or a connector."""
    if lang == "de" or sentence.startswith(("I ", "I'")):
        return sentence
    return sentence[0].lower() + sentence[1:]


def strip_diacritics(text: str) -> str:
    """'livrare rapidă' -> 'livrare rapida' (what people type on phones without the keyboard)."""
    decomposed = unicodedata.normalize("NFD", text.replace("ß", "ss"))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    )


def _luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


# ---------------------------------------------------------------------------------------------
# Scores: noisy functions of the comment's sentiment and theme
# ---------------------------------------------------------------------------------------------

BASE_SCORE = {"positive": 8.9, "neutral": 7.1, "negative": 3.7}


def latent_score(comment: Comment, rng: random.Random) -> float:
    """A 0-10 'true' satisfaction behind all three scores."""
    if rng.random() < 0.08:  # some respondents score the brand, not what they wrote about
        return rng.uniform(0, 10)
    value = BASE_SCORE[comment.sentiment] + rng.gauss(0, 1.8)
    if comment.theme in THEMES:
        value += THEMES[comment.theme].score_shift
    if comment.mixed:
        value += 1.4 if comment.sentiment == "negative" else -1.4
    if comment.lang == "ro" and comment.theme == "late_delivery":
        value -= 0.5
    return min(10.0, max(0.0, value))


def scores(comment: Comment, rng: random.Random) -> tuple[int, int | None, int | None]:
    """NPS 0-10, CSAT 1-5 and CES 1-7 (7 = very easy); CSAT/CES sometimes skipped."""
    latent = latent_score(comment, rng)
    nps = min(10, max(0, round(latent + rng.gauss(0, 0.8))))
    csat = min(5, max(1, round(1 + latent * 0.4 + rng.gauss(0, 0.8))))
    effort_shift = -1.0 if comment.theme in ("app_crash", "billing_refund") else 0.0
    ces = min(7, max(1, round(1 + latent * 0.6 + effort_shift + rng.gauss(0, 1.4))))
    return (
        nps,
        None if rng.random() < 0.04 else csat,
        None if rng.random() < 0.06 else ces,
    )


def nps_group(nps: int) -> str:
    return "Detractor" if nps <= 6 else "Passive" if nps <= 8 else "Promoter"


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------

TRUTH_COLUMNS = ["true_theme", "true_themes", "true_sentiment", "true_pii"]


def random_id(rng: random.Random, length: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rng.choice(alphabet) for _ in range(length))


def csv_text(rows: list[list[object]], line_end: str = "\n") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    writer.writerows(rows)
    return buffer.getvalue()


def survey_rows(gen: Generator) -> list[list[object]]:
    """The Qualtrics export: three header rows, then one row per response."""
    columns = [
        "StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate", "ResponseId",
        "UserLanguage", "Q1", "Q1_NPS_GROUP", "Q2", "Q3", "Q4", "touchpoint", "journey_stage",
        "customer_id", *TRUTH_COLUMNS,
    ]  # fmt: skip
    texts = {
        **{name: name for name in columns},
        "Q1": QUESTION_TEXTS["Q1"],
        "Q1_NPS_GROUP": f"{QUESTION_TEXTS['Q1']} - Group",
        "Q2": QUESTION_TEXTS["Q2"],
        "Q3": QUESTION_TEXTS["Q3"],
        "Q4": QUESTION_TEXTS["Q4"],
    }
    import_ids = {
        "StartDate": "startDate", "EndDate": "endDate", "Status": "status",
        "Progress": "progress", "Finished": "finished", "RecordedDate": "recordedDate",
        "ResponseId": "_recordId", "UserLanguage": "userLanguage", "Q1": "QID1",
        "Q1_NPS_GROUP": "QID1_NPS_GROUP", "Q2": "QID2", "Q3": "QID3", "Q4": "QID4_TEXT",
    }  # fmt: skip
    rows: list[list[object]] = [
        columns,
        [texts[c] for c in columns],
        [json.dumps({"ImportId": import_ids.get(c, c)}) for c in columns],
    ]
    records = []
    for _ in range(N_SURVEY):
        comment = gen.with_pii(gen.comment(long_rate=0.012), rate=0.04)
        if gen.rng.random() < 0.04:  # respondents who skip the open question
            comment.text, comment.theme, comment.themes = "", NO_THEME, []
            comment.pii, comment.mixed = [], False
        records.append(comment)
    for index in gen.rng.sample(range(40, N_SURVEY), 8):  # the same short complaint twice
        source = records[gen.rng.randrange(index)]
        if source.text and len(source.text) < 200:
            records[index].text = source.text
            for name in ("lang", "theme", "themes", "sentiment", "pii", "mixed"):
                setattr(records[index], name, getattr(source, name))
    records.sort(key=lambda c: c.created_at)
    for comment in records:
        nps, csat, ces = scores(comment, gen.rng)
        touchpoint, stage = gen.place(comment)
        start = comment.created_at - timedelta(seconds=gen.rng.randint(60, 900))
        end = comment.created_at.strftime("%Y-%m-%d %H:%M:%S")
        truth = comment.truth()
        rows.append(
            [
                start.strftime("%Y-%m-%d %H:%M:%S"), end, "IP Address", 100, "True", end,
                f"R_{random_id(gen.rng, 15)}", USER_LANGUAGE[comment.lang], nps, nps_group(nps),
                "" if csat is None else csat, "" if ces is None else ces, comment.text,
                touchpoint, stage, gen.rng.choice(gen.customers),
                *(truth[c] for c in TRUTH_COLUMNS),
            ]
        )  # fmt: skip
    return rows


def html_body(text: str, rng: random.Random) -> str:
    """Forum/chat HTML: paragraphs, line breaks, entities."""
    sentences = [s for s in text.replace("! ", "!\n").replace(". ", ".\n").split("\n") if s]
    escaped = [
        s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        for s in sentences
    ]
    if len(escaped) == 1:
        return f"<p>{escaped[0]}</p>" if rng.random() < 0.7 else escaped[0]
    cut = rng.randint(1, len(escaped) - 1)
    first, rest = " ".join(escaped[:cut]), " ".join(escaped[cut:])
    if rng.random() < 0.5:
        return f"<p>{first}</p>\n<p>{rest}</p>"
    return f"{first}<br>{rest}" if rng.random() < 0.5 else f"<div><b>{first}</b><br/>{rest}</div>"


def forum_records(gen: Generator) -> list[dict[str, object]]:
    """Forum posts in threads; replies agree with the thread starter."""
    records: list[dict[str, object]] = []
    thread = 0
    while len(records) < N_FORUM:
        thread += 1
        when = gen.date()
        starter = gen.with_pii(gen.comment(when=when, long_rate=0.08), rate=0.05)
        while starter.theme == NO_THEME:
            starter = gen.with_pii(gen.comment(when=when, long_rate=0.08), rate=0.05)
        touchpoint, stage = gen.place(starter)
        posts = [starter]
        for _ in range(gen.rng.choice([0, 0, 1, 1, 2, 3])):
            when = min(END, when + timedelta(minutes=gen.rng.randint(5, 3000)))
            reply = gen.themed(starter.lang, starter.theme, when)
            if reply.sentiment == "negative" and gen.rng.random() < 0.6:
                reply.text = f"{SAME_HERE[starter.lang]} {reply.text}"
            if gen.rng.random() < 0.15:
                reply.text = f"{reply.text} {HELP_LINK}"
            posts.append(reply)
        for post in posts:
            records.append(
                {
                    "post_id": f"p-{len(records) + 1:05d}",
                    "thread_id": f"t-{thread:04d}",
                    "author": f"{gen.rng.choice(FIRST_NAMES)}_{gen.rng.randint(1, 999)}",
                    "posted_at": post.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "board": touchpoint,
                    "stage": stage,
                    "language": post.lang,
                    "body": html_body(post.text, gen.rng),
                    **post.truth(),
                }
            )
    return records[:N_FORUM]


def social_rows(gen: Generator) -> list[list[object]]:
    """Social posts, emoji-heavy, with reposts (exact duplicates) and near duplicates."""
    header = [
        "response_id", "created_at", "channel", "source", "respondent_id", "touchpoint",
        "journey_stage", "text", *TRUTH_COLUMNS,
    ]  # fmt: skip
    comments = []
    for _ in range(N_SOCIAL):
        comment = gen.with_pii(gen.comment(long_rate=0.0), rate=0.03)
        comment.text = gen.add_emoji(comment.text, comment.sentiment, rate=0.5)
        if gen.rng.random() < 0.25:
            comment.text = f"@Northwind {comment.text}"
        comments.append(comment)
    for index in gen.rng.sample(range(20, N_SOCIAL), 18):
        source = comments[gen.rng.randrange(index)]
        copy = Comment(**{**source.__dict__, "created_at": comments[index].created_at})
        copy.themes, copy.pii = list(source.themes), list(source.pii)
        if index % 2:  # near duplicate: same words, different case, punctuation or emoji
            copy.text = gen.rng.choice(
                [copy.text.upper(), copy.text.rstrip(".!") + "!!!", copy.text.lower() + " 😤"]
            )
        comments[index] = copy
    comments.sort(key=lambda c: c.created_at)
    rows: list[list[object]] = [header]
    for number, comment in enumerate(comments, start=1):
        touchpoint, stage = gen.place(comment)
        truth = comment.truth()
        rows.append(
            [
                f"s-{number:05d}", comment.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"), "social",
                gen.rng.choice(["twitter", "instagram", "facebook"]),
                f"@{gen.rng.choice(FIRST_NAMES)}{gen.rng.randint(10, 9999)}", touchpoint, stage,
                comment.text, *(truth[c] for c in TRUTH_COLUMNS),
            ]
        )  # fmt: skip
    # Planted rejects (see docs/demo_data.md): a deleted post and a post exported twice.
    rows.append(
        [f"s-{len(rows):05d}", "2026-07-14T10:00:00Z", "social", "twitter", "@deleted", "app",
         "retention", "", NO_THEME, "", "neutral", ""]
    )  # fmt: skip
    rows.append(list(rows[len(rows) // 2]))
    return rows


class Transcript:
    """The parts of one chat conversation, each a few seconds to minutes after the last."""

    def __init__(self, rng: random.Random, clock: int) -> None:
        self.rng, self.clock = rng, clock
        self.parts: list[dict[str, object]] = []

    def add(self, author: str, body: str, truth: dict[str, str] | None = None) -> None:
        self.clock += self.rng.randint(15, 400)
        part = {"id": f"p{len(self.parts) + 1}", "author": {"type": author}}
        part.update({"created_at": self.clock, "body": body, **(truth or {})})
        self.parts.append(part)


#: Themes that are hard to settle in one contact, and how much longer they take to resolve.
SLOW_THEMES = {"late_delivery": 2.2, "billing_refund": 3.0, "app_crash": 1.6}


def case_outcomes(opening: Comment, rng: random.Random) -> dict[str, object]:
    """FCR, resolution time (HH:MM:SS) and contacts of a support case, noisily tied to the text.

    Drawn from their own random stream so the rest of the demo data stays byte-identical.
    """
    slow = SLOW_THEMES.get(opening.theme, 1.0)
    negative = opening.sentiment == "negative"
    p_resolved = 0.82 - 0.16 * (slow - 1.0) - (0.08 if negative else 0.0)
    resolved = rng.random() < max(0.2, p_resolved)
    hours = math.exp(rng.gauss(math.log(1.5 * slow), 0.9)) * (1.0 if resolved else 3.5)
    seconds = int(min(hours, 240.0) * 3600)
    contacts = 1 if resolved else 2 + min(6, int(rng.expovariate(0.7 / slow)))
    return {
        "resolved_first_contact": "yes" if resolved else "no",
        "resolution_time": f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}",
        "contacts": contacts,
    }


def chat_document(gen: Generator, case_rng: random.Random) -> dict[str, object]:
    """Intercom-style conversations: bot greeting, customer turns, agent replies.

    Each conversation's custom attributes carry its case outcomes (see case_outcomes).
    """
    conversations = []
    for number in range(1, N_CHATS + 1):
        opening = gen.with_pii(gen.comment(long_rate=0.0), rate=0.12)
        while opening.theme == NO_THEME:
            opening = gen.with_pii(gen.comment(long_rate=0.0), rate=0.12)
        lang, phrases = opening.lang, PHRASES[opening.lang]
        transcript = Transcript(gen.rng, int(opening.created_at.timestamp()))
        add = transcript.add
        if gen.rng.random() < 0.6:
            add("bot", f"<p>{phrases['bot']}</p>")
        add("user", html_body(opening.text, gen.rng), opening.truth())
        add("admin", f"<p>{gen.rng.choice(phrases['agent'])}</p>")
        for _ in range(gen.rng.choice([1, 1, 2])):
            mood = gen.rng.choice(["neutral", "neutral", "negative", "positive"])
            follow = gen.fill(gen.rng.choice(phrases["follow_ups"][mood]), lang, opening.created_at)
            truth = Comment(lang, follow, NO_THEME, [], mood, opening.created_at).truth()
            add("user", html_body(follow, gen.rng), truth)
            add("admin", f"<p>{gen.rng.choice(phrases['agent'])}</p>")
        rating = None
        if gen.rng.random() < 0.7:
            rating = scores(opening, gen.rng)[1] or 3
        touchpoint, stage = gen.place(opening)
        conversations.append(
            {
                "id": f"c-{number:04d}",
                "created_at": int(opening.created_at.timestamp()),
                "contact": {"id": gen.rng.choice(gen.customers)},
                "custom_attributes": {
                    "touchpoint": touchpoint,
                    "journey_stage": stage,
                    "language": lang,
                    **case_outcomes(opening, case_rng),
                },
                "conversation_rating": None if rating is None else {"rating": rating},
                "conversation_parts": transcript.parts,
            }
        )
    return {"type": "conversation.list", "conversations": conversations}


MAPPING_TOML = """\
# Column mapping for forum_posts.jsonl (read_feedback picks it up from beside the file).
[columns]
response_id = "post_id"
respondent_id = "author"
created_at = "posted_at"
touchpoint = "board"
journey_stage = "stage"
lang_hint = "language"
text = "body"

[constants]
channel = "forum"
source = "northwind_community"
"""


def customer_rows(
    gen: Generator, survey: list[list[object]], chats: dict[str, object], rng: random.Random
) -> list[list[object]]:
    """customers.csv: one row per customer, churned yes/no, noisily tied to what they wrote.

    A customer's churn risk rises with a detractor NPS, a negative comment on a theme that
    hurts (late delivery, refunds, crashes) and a support case not resolved at first contact.
    """
    risk = dict.fromkeys(gen.customers, 0.0)
    header = survey[0]
    for row in survey[3:]:
        record = dict(zip(header, row, strict=True))
        customer = str(record["customer_id"])
        risk[customer] += 0.22 if int(record["Q1"]) <= 6 else -0.02
        if record["true_sentiment"] == "negative" and record["true_theme"] in SLOW_THEMES:
            risk[customer] += 0.12
    for conversation in chats["conversations"]:  # type: ignore[union-attr]
        customer = conversation["contact"]["id"]
        attributes = conversation["custom_attributes"]
        risk[customer] += 0.18 if attributes["resolved_first_contact"] == "no" else 0.0
        themes = {p.get("true_theme") for p in conversation["conversation_parts"]}
        risk[customer] += 0.1 if themes & set(SLOW_THEMES) else 0.0
    rows: list[list[object]] = [["customer_id", "churned", "tenure_months"]]
    for customer in gen.customers:
        churned = rng.random() < min(0.85, max(0.03, 0.09 + risk[customer]))
        rows.append([customer, "yes" if churned else "no", rng.randint(1, 60)])
    return rows


def write_demo(out: Path, seed: int = SEED) -> list[Path]:
    """Generate every demo file into `out`; the same seed gives the same bytes."""
    out.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed)
    outcome_rng = random.Random(seed + 1)  # outcomes only: the texts do not depend on it
    survey = survey_rows(gen)
    forum = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in forum_records(gen))
    social = csv_text(social_rows(gen))
    chats = chat_document(gen, outcome_rng)
    files = {
        "survey_qualtrics.csv": "\ufeff" + csv_text(survey, line_end="\r\n"),
        "forum_posts.jsonl": forum,
        "forum_posts.mapping.toml": MAPPING_TOML,
        "social_posts.csv": social,
        "support_chats.json": json.dumps(chats, ensure_ascii=False, indent=1) + "\n",
        "customers.csv": csv_text(customer_rows(gen, survey, chats, outcome_rng)),
    }
    written = []
    for name, content in files.items():
        path = out / name
        path.write_bytes(content.encode("utf-8"))
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write into")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    for path in write_demo(args.out, args.seed):
        print(f"{path}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
