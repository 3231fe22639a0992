"""A phone line nobody could get through to: engaged, busy, nobody picking up ("The phone line
was engaged all day", "Die Störungshotline war dauerhaft besetzt", "Nadie cogía el teléfono").
Written for the project in en de fr es it pt nl ru pl; used by the ``repeat_contact`` cue of
:mod:`feedback_nlp.backends.effort_cues` beside :data:`effort_phrases.UNREACHABLE`.

A line called busy needs a word of the line ("phone line", "number", "hotline", "Leitung",
"línea"); a bare "line" only as the subject of "was busy" or with "engaged" ("the line was
engaged"): "engaged staff", "checkout lines always busy" and "the line moved quickly" are no
cue. "Never picked up" needs the phone: its object ("the phone", "my call") or a word of
calling before it in the sentence ("I rang, they never picked up"); "the courier never picked
up my parcel" is no cue. Patterns are written folded (no accents), as the effort cues read
text.
"""

from __future__ import annotations

#: The line itself: phone line, number, hotline ("Störungshotline", "servicenummer").
_LINE = (
    r"(?:phone |telephone )lines?|(?:phone |telephone )?numbers?|hotline|helpline|switchboard|"
    r"\w*(?:hotline|leitung|nummer)|telefon|linea|ligne|linha|lijn|nummer|линия|linia"
)
_ALWAYS = (
    r"always|constantly|permanently|still|just|dauerhaft|standig|immer|permanent|toujours|"
    r"siempre|sempre|steeds|altijd|всё время|ciagle|zawsze"
)
_BUSY = (
    r"engaged|busy|besetzt|occupee|saturee|ocupad[oa]|comunicando|occupat[oa]|bezet|"
    r"in gesprek|занята|zajeta"
)
_IS = r"was|were|is|are|kept|war|ist|etait|est|estaba|esta|era|e|estava|is|была|byla"
#: A bare "line": "the line was busy" (not "checkout lines always busy") or engaged.
_BARE_LINE = (
    rf"(?:the|a|their|your) line (?:was|is|kept) (?:(?:{_ALWAYS}) )?(?:{_BUSY})(?!\w)|"
    rf"line (?:(?:{_IS}) )?(?:(?:{_ALWAYS}) )?engaged(?!\w)"
)
#: The phone that is picked up: its object after ("never picked up the phone") or a word of
#: calling before, in the same sentence ("I rang five times, they never picked up").
_PHONE_OBJECT = r"(?= the phone| the call| my calls?| our calls?| the line| the hotline)"
_CALLING_BEFORE = (
    r"(?:(?:phon|call|rang|ring)\w*|dial(?:l?ed|l?ing)?|hotline|helpline|phone line|number)"
    r"[^.!?\n]{0,80}?"
)

#: A busy line or a busy tone, once: with a duration or "always" it is strong.
LINE_BUSY = (
    rf"(?:{_LINE}) (?:(?:{_IS}|(?:{_ALWAYS})|the whole day|all day|den ganzen tag) ){{0,3}}"
    rf"(?:{_BUSY})(?!\w)|{_BARE_LINE}|"
    r"(?:engaged|busy) (?:tone|signal)|besetztzeichen|daba (?:siempre )?(?:comunicando|ocupado)|"
    r"(?:nobody|no one|no-one) (?:picked|picks) up"
    r"(?= the phone| the call| my call| our call| the line| at all|\s*$| for | all | so )|"
    r"niemand (?:ging|geht|hat) (?:\w+ )?(?:ran|ans telefon|abgenommen)|niemand nimmt ab|"
    r"personne ne (?:decroche|repond)(?! jamais)|"
    r"nadie (?:coge|cogio|contesta|contesto|atiende|atendio|descuelga|descolgo)"
    r"(?= el telefono| la llamada| las llamadas|\s*$)|"
    r"nessuno (?:risponde|ha risposto)(?= al telefono|\s*$)|"
    r"ninguem (?:atende|atendeu)(?= o telefone| a chamada|\s*$)|niemand (?:nam|neemt) op|"
    r"никто не (?:взял|берет|берёт) трубку|nikt nie (?:odebral|odbiera)"
)
#: Nobody picking up, again and again (habitual forms): strong on their own.
NEVER_PICKED_UP = (
    r"(?:nobody|no one|no-one) (?:ever|would|was) (?:picks?|picked|picking|answers?|answered|"
    r"answering)(?: up)?(?= the phone| the call| my call| our call| the line| at all|\s*$)|"
    rf"never (?:picked|picks) up{_PHONE_OBJECT}|"
    rf"{_CALLING_BEFORE}never (?:picked|picks) up|"
    r"(?:kept|keep) getting (?:an? |the )?(?:engaged|busy) (?:tone|signal)|"
    r"nadie (?:cogia|contestaba|atendia|descolgaba)|"
    r"personne ne (?:decrochait|repondait)|nessuno rispondeva|ninguem atendia|"
    r"niemand nam ooit op|никто не брал трубку|nikt nie odbieral"
)
#: "dauerhaft", "stundenlang": a line busy for a long time (like "always" or a duration).
LONG_TIME = r"dauerhaft|stundenlang|tagelang|wochenlang|permanent|non-stop|nonstop|endlessly"
