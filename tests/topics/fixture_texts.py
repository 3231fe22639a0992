"""A small multilingual feedback fixture written for these tests: 6 themes x 5 languages."""

from __future__ import annotations

THEME_TEXTS: dict[str, dict[str, list[str]]] = {
    "delivery": {
        "en": [
            "My parcel arrived a week late.",
            "The delivery was late again and nobody told me.",
            "Shipping took far too long, the package came days after the promised date.",
        ],
        "fr": [
            "Mon colis est arrivé avec une semaine de retard.",
            "La livraison était encore en retard et personne ne m'a prévenu.",
            "L'expédition a pris beaucoup trop de temps, le colis est arrivé bien après la date.",
        ],
        "de": [
            "Mein Paket kam eine Woche zu spät an.",
            "Die Lieferung war wieder verspätet und niemand hat mich informiert.",
            "Der Versand hat viel zu lange gedauert, das Paket kam Tage nach dem Termin.",
        ],
        "es": [
            "Mi paquete llegó con una semana de retraso.",
            "La entrega volvió a llegar tarde y nadie me avisó.",
            "El envío tardó demasiado, el paquete llegó días después de la fecha prometida.",
        ],
        "it": [
            "Il mio pacco è arrivato con una settimana di ritardo.",
            "La consegna era di nuovo in ritardo e nessuno mi ha avvisato.",
            "La spedizione ha impiegato troppo tempo, il pacco è arrivato giorni dopo la data.",
        ],
    },
    "app_crash": {
        "en": [
            "The app crashes every time I open it.",
            "Since the last update the mobile app keeps freezing and closing.",
            "The application crashed twice while I was browsing products.",
        ],
        "fr": [
            "L'application plante à chaque fois que je l'ouvre.",
            "Depuis la dernière mise à jour l'appli se fige et se ferme sans arrêt.",
            "L'application a planté deux fois pendant que je regardais les produits.",
        ],
        "de": [
            "Die App stürzt jedes Mal ab, wenn ich sie öffne.",
            "Seit dem letzten Update friert die App ständig ein und schließt sich.",
            "Die Anwendung ist zweimal abgestürzt, während ich Produkte angesehen habe.",
        ],
        "es": [
            "La aplicación se cierra cada vez que la abro.",
            "Desde la última actualización la app se congela y se cierra sola.",
            "La aplicación falló dos veces mientras miraba productos.",
        ],
        "it": [
            "L'app si blocca ogni volta che la apro.",
            "Dall'ultimo aggiornamento l'applicazione si congela e si chiude da sola.",
            "L'applicazione è andata in crash due volte mentre guardavo i prodotti.",
        ],
    },
    "billing": {
        "en": [
            "I was charged twice for the same order.",
            "There is a wrong amount on my invoice.",
            "My credit card was billed two times, I want a refund of the extra charge.",
        ],
        "fr": [
            "J'ai été débité deux fois pour la même commande.",
            "Il y a un montant erroné sur ma facture.",
            "Ma carte bancaire a été prélevée deux fois, je veux être remboursé.",
        ],
        "de": [
            "Mir wurde dieselbe Bestellung zweimal berechnet.",
            "Auf meiner Rechnung steht ein falscher Betrag.",
            "Meine Kreditkarte wurde doppelt belastet, ich möchte eine Erstattung.",
        ],
        "es": [
            "Me cobraron dos veces el mismo pedido.",
            "Hay un importe incorrecto en mi factura.",
            "Cargaron dos veces mi tarjeta de crédito, quiero un reembolso.",
        ],
        "it": [
            "Mi hanno addebitato due volte lo stesso ordine.",
            "C'è un importo sbagliato sulla mia fattura.",
            "La mia carta di credito è stata addebitata due volte, voglio un rimborso.",
        ],
    },
    "support": {
        "en": [
            "The customer service agent was very friendly and helpful.",
            "Support answered quickly and solved my problem.",
            "Great help from the hotline, the advisor was patient and kind.",
        ],
        "fr": [
            "Le conseiller du service client était très aimable et serviable.",
            "Le support a répondu rapidement et a résolu mon problème.",
            "Très bonne aide de la hotline, la conseillère était patiente et gentille.",
        ],
        "de": [
            "Der Mitarbeiter vom Kundenservice war sehr freundlich und hilfsbereit.",
            "Der Support hat schnell geantwortet und mein Problem gelöst.",
            "Tolle Hilfe von der Hotline, die Beraterin war geduldig und nett.",
        ],
        "es": [
            "El agente de atención al cliente fue muy amable y servicial.",
            "El soporte respondió rápido y resolvió mi problema.",
            "Muy buena ayuda de la línea de atención, la asesora fue paciente y amable.",
        ],
        "it": [
            "L'operatore del servizio clienti è stato molto gentile e disponibile.",
            "L'assistenza ha risposto velocemente e ha risolto il mio problema.",
            "Ottimo aiuto dal call center, la consulente è stata paziente e gentile.",
        ],
    },
    "login": {
        "en": [
            "I cannot log in to my account, the password reset email never arrives.",
            "Login fails every time even with the right password.",
            "I am locked out of my account after resetting my password.",
        ],
        "fr": [
            "Je n'arrive pas à me connecter à mon compte, l'email de réinitialisation "
            "du mot de passe n'arrive jamais.",
            "La connexion échoue à chaque fois même avec le bon mot de passe.",
            "Mon compte est bloqué après avoir réinitialisé mon mot de passe.",
        ],
        "de": [
            "Ich kann mich nicht in mein Konto einloggen, die E-Mail zum "
            "Zurücksetzen des Passworts kommt nie an.",
            "Die Anmeldung schlägt jedes Mal fehl, obwohl das Passwort stimmt.",
            "Nach dem Zurücksetzen meines Passworts ist mein Konto gesperrt.",
        ],
        "es": [
            "No puedo iniciar sesión en mi cuenta, el correo para "
            "restablecer la contraseña nunca llega.",
            "El inicio de sesión falla siempre aunque la contraseña es correcta.",
            "Mi cuenta quedó bloqueada después de restablecer la contraseña.",
        ],
        "it": [
            "Non riesco ad accedere al mio account, l'email per "
            "reimpostare la password non arriva mai.",
            "L'accesso non funziona mai anche con la password giusta.",
            "Il mio account è bloccato dopo aver reimpostato la password.",
        ],
    },
    "price": {
        "en": [
            "The prices are far too expensive compared to other shops.",
            "Everything got more expensive, the prices went up again.",
            "Too expensive for what you get, poor value for money.",
        ],
        "fr": [
            "Les prix sont beaucoup trop chers par rapport aux autres magasins.",
            "Tout est devenu plus cher, les prix ont encore augmenté.",
            "Trop cher pour ce que c'est, mauvais rapport qualité prix.",
        ],
        "de": [
            "Die Preise sind im Vergleich zu anderen Läden viel zu teuer.",
            "Alles ist teurer geworden, die Preise sind schon wieder gestiegen.",
            "Zu teuer für das, was man bekommt, schlechtes Preis-Leistungs-Verhältnis.",
        ],
        "es": [
            "Los precios son demasiado caros comparados con otras tiendas.",
            "Todo se ha vuelto más caro, los precios subieron otra vez.",
            "Demasiado caro para lo que ofrece, mala relación calidad precio.",
        ],
        "it": [
            "I prezzi sono troppo cari rispetto ad altri negozi.",
            "È tutto più caro, i prezzi sono aumentati di nuovo.",
            "Troppo caro per quello che offre, pessimo rapporto qualità prezzo.",
        ],
    },
}

#: Comments that belong to no theme above (for outlier flagging).
UNRELATED_TEXTS: list[tuple[str, str]] = [
    ("en", "My grandmother taught me how to knit a scarf last winter."),
    ("fr", "Le match de rugby de samedi s'est terminé sur un score nul."),
]

#: Comments that carry two themes at once.
TWO_THEME_TEXTS: list[tuple[str, str, tuple[str, str]]] = [
    (
        "en",
        "The app keeps crashing on startup, and on top of that my parcel arrived a week late.",
        ("app_crash", "delivery"),
    ),
]


def fixture_rows() -> list[tuple[str, str, str]]:
    """(language, text, theme) for every themed comment, theme by theme."""
    return [
        (lang, text, theme)
        for theme, by_lang in THEME_TEXTS.items()
        for lang, texts in by_lang.items()
        for text in texts
    ]
