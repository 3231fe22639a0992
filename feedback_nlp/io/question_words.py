"""The words that say what a survey question asks for: a score (NPS, CSAT, CES) or free text.

Used by `io.questions` on column names and by the long-format reader on question wordings;
matched as lower-cased substrings.
"""

from __future__ import annotations

NPS_WORDS = (
    "recommend",
    "recommand",
    "raccomand",
    "empfehl",
    "recomend",
    "recomand",
    "aanbeve",
    "polec",
    "порекоменд",
    "рекоменд",
)
CSAT_WORDS = ("satisf", "zufrieden", "satisfech", "mulțumit", "multumit", "удовлетвор", "довольн",
              "tevreden", "soddisf", "zadowol")  # fmt: skip
CES_WORDS = ("easy", "effort", "einfach", "facile", "fácil", "facil", "ușor", "usor", "легко",
             "makkelijk", "eenvoudig")  # fmt: skip
#: The pair of open questions course and event evaluations ask: what went well, what could
#: be better ("Wat ging goed?", "Was lief gut?", "Qu'est-ce qui a bien fonctionné ?"), and
#: the Dutch and German words for why, improve and comment missing from FREE_TEXT_WORDS;
#: since stop 52 also the NHS pair "What was good (about your visit)?" / "What could we have
#: done better?" and the German and Polish "What was good?" and "What could be improved?".
WENT_WELL_WORDS = (
    "worked well", "went well", "go well", "did well", "could be better", "do better",
    "what was good", "done better", "been better", "was war gut", "było dobr", "poprawić",
    "ging goed", "gaat goed", "kan beter", "kon beter", "verbeter", "waarom", "opmerking",
    "lief gut", "gut gelaufen", "gut gefallen", "besser machen", "anmerkung",
    "bien fonctionn", "bien marché", "bien passé", "mieux faire",
    "funcionó bien", "salió bien", "funzionato bene", "andato bene", "andata bene",
    "funcionou bem", "correu bem", "a mers bine", "a funcționat bine",
)  # fmt: skip
#: The open questions of an employee survey's start / stop / continue triple ("What should we
#: start doing?", "Was sollten wir beibehalten?", "Co powinniśmy przestać robić?").
START_STOP_WORDS = (
    "start doing", "stop doing", "continue doing", "keep doing",
    "wir anfangen", "wir beginnen", "wir aufhören", "wir beibehalten", "wir weitermachen",
    "powinniśmy zacząć", "powinniśmy przestać", "powinniśmy kontynuow", "zacząć robić",
    "przestać robić", "commencer à faire", "arrêter de faire", "continuer à faire",
    "empezar a hacer", "dejar de hacer", "seguir haciendo",
)  # fmt: skip
FREE_TEXT_WORDS = (
    "why", "reason", "tell us", "comment", "anything else", "improve", "feedback", "describe",
    "pourquoi", "raison", "warum", "grund", "por qué", "motivo", "de ce", "motiv", "почему",
    "причин", "like most", "like best", "like least", "suggest", "amélior", "verbesser", "mejorar",
    "melhorar", "miglior", "îmbunătăț", "улучш", "kommentar", "comentario", "commento",
    "комментар", "vorschlag", "sugerencia", "sugestão", "suggerimento",
    *WENT_WELL_WORDS, *START_STOP_WORDS,
)  # fmt: skip
#: How a column name asking for text without a question mark may open ("Tell us why").
REQUEST_OPENINGS = (
    "tell us", "please tell", "please explain", "please describe", "please give", "let us know",
    "explain", "describe",
)  # fmt: skip

#: First words of a column name that asks a question without a question mark ("How would you
#: improve our score"), in the languages of `FREE_TEXT_WORDS`: such a name is a question even
#: when it ends in a rating word (`RATING_NAME_ENDINGS`).
QUESTION_OPENINGS = frozenset({
    "how", "what", "which", "why", "would", "could", "should", "do", "did", "does", "is", "are",
    "was", "were", "anything", "please", "wie", "warum", "welche", "welcher", "gibt",
    "pourquoi", "quel", "quelle", "quels", "qu'est-ce", "cómo", "qué", "cuál", "come", "perché",
    "cosa", "quale", "como", "porque", "cum", "как", "что", "почему", "hoe", "wat",
    "waarom", "welke", "jak", "co", "dlaczego", "czy",
})  # fmt: skip
#: Column names that hold a score without saying which (Delighted's and many tools' "Score").
BARE_SCORE_NAMES = frozenset(
    {"score", "rating", "rate", "note", "bewertung", "punteggio", "puntuación", "nota", "оценка"}
)
#: Last words of a column name that holds a rating, not a question ("Food and beverage
#: rating", "Cabin crew score"), unless it ends in a question mark.
RATING_NAME_ENDINGS = frozenset({"rating", "ratings", "score", "scores", "stars", "grade"})
