"""Words that only say *when* or *how long* ("week ago", "last month", "two hours"), per language.

A theme name must say what customers talk about; a phrase whose content words are all of this
kind names a date or a duration, not an issue (issue 12: "never a date"). A phrase that has one
other content word stays: "delivery time", "waiting time", "week late" are issues.
Lower-case, written for the project; weekday and month names included (English "march" and
"may" left out: they are also verbs).
"""

from __future__ import annotations

_WORDS = {
    "en": "ago couple today yesterday tomorrow tonight morning afternoon evening night day days "
    "daily week weeks weekly weekend month months monthly year years hour hours minute minutes "
    "second seconds time times moment recently lately last next past long monday tuesday wednesday "
    "thursday friday saturday sunday january february april june july september october "
    "november december",
    "fr": "aujourd'hui hier demain matin soir soirée nuit jour jours journée semaine semaines "
    "mois an ans année années heure heures minute minutes seconde secondes temps fois moment "
    "dernier dernière prochain prochaine depuis longtemps lundi mardi mercredi jeudi vendredi "
    "samedi dimanche janvier février mars avril mai juin juillet août septembre octobre "
    "novembre décembre",
    "de": "heute gestern morgen vormittag nachmittag abend nacht tag tage tagen woche wochen "
    "wochenende monat monate monaten jahr jahre jahren stunde stunden minute minuten sekunde "
    "sekunden zeit mal moment letzte letzten letzter nächste nächsten seit lange montag "
    "dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april juni juli "
    "august september oktober november dezember",
    "es": "hoy ayer mañana tarde noche día días semana semanas mes meses año años hora horas "
    "minuto minutos segundo segundos tiempo vez veces momento pasado pasada próximo próxima "
    "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio "
    "julio agosto septiembre octubre noviembre diciembre",
    "it": "oggi ieri domani mattina pomeriggio sera notte giorno giorni settimana settimane mese "
    "mesi anno anni ora ore minuto minuti secondo secondi tempo volta volte momento scorso "
    "scorsa prossimo prossima lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio "
    "febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "hoje ontem amanhã manhã tarde noite dia dias semana semanas mês meses ano anos hora "
    "horas minuto minutos segundo segundos tempo vez vezes momento passado passada próximo "
    "próxima atrás segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março "
    "abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "vandaag gisteren morgen ochtend middag avond nacht dag dagen week weken weekend maand "
    "maanden jaar jaren uur uren minuut minuten seconde seconden tijd keer moment vorige "
    "volgende geleden maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari "
    "februari maart april mei juni juli augustus september oktober november december",
    "ro": "azi astăzi ieri mâine dimineață dimineața seară seara noapte zi zile ziua săptămână "
    "săptămâni lună luni an ani oră ore minut minute secundă secunde timp dată ori moment "
    "trecut trecută următor următoare marți miercuri joi vineri sâmbătă duminică ianuarie "
    "februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "ru": "сегодня вчера завтра утро утром вечер вечером ночь ночью день дня дней неделя недели "
    "неделю недель месяц месяца месяцев год года лет час часа часов минута минуты минут "
    "секунда секунды секунд время раз момент назад прошлый прошлой следующий понедельник "
    "вторник среда среду четверг пятница пятницу суббота субботу воскресенье",
    "pl": "dziś dzisiaj wczoraj jutro rano wieczór wieczorem noc dzień dni tydzień tygodnie "
    "tygodni miesiąc miesiące miesięcy rok lata lat godzina godziny godzin minuta minuty minut "
    "sekunda sekundy sekund czas raz razy moment temu zeszły ostatni następny poniedziałek "
    "wtorek środa czwartek piątek sobota niedziela",
    "tr": "bugün dün yarın sabah akşam gece gün günü gündür hafta haftadır ay aydır yıl yıldır "
    "saat saattir dakika saniye zaman kez defa an önce geçen gelecek pazartesi salı çarşamba "
    "perşembe cuma cumartesi pazar",
}
TEMPORAL_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split()) for lang, words in _WORDS.items()
}


def temporal_words(lang: str) -> frozenset[str]:
    """The time words of `lang` (empty for a language without a list)."""
    return TEMPORAL_WORDS.get(lang, frozenset())
