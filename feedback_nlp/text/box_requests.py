"""Answers that ask for a change ("Would have liked more updates for family", "Stop the
endless meetings", "Start giving us laptops that work", "J'aurais aimé plus d'infos"): in a
box of complaints or improvements (:mod:`feedback_nlp.text.boxes`) they are complaints,
unless the model is very sure of the praise its words make ("liked", "nice").

An answer asks for a change when it opens (after an optional "I", "we" or "it") with a wish
("would have liked", "would be nice", "I wish", "hätte mir … gewünscht", "j'aurais aimé",
"me hubiera gustado", "avrei voluto", "had graag"), "please", a verb of stopping or starting
("stop", "start", "quit", "begin") or "more", "less" or "fewer" (not "more than"), and asks
to keep nothing: not "please keep it up", "more of the same", "start to finish", "please
don't change a thing", "wish I could give 6 stars". An answer whose rest holds praise, thanks
or an emoji (:func:`feedback_nlp.text.requests.judges_or_feels`: "More staff like Sarah, she
was amazing", "Please pass my thanks to the team") praises; the opening's own word ("would
have liked", "would be nice", "j'aurais aimé") and the quality asked for ("more friendly
staff") do not count.
"""

from __future__ import annotations

import re

from feedback_nlp.text.box_nothing import words_of
from feedback_nlp.text.requests import judges_or_feels

#: The openings of a wish, a plea or a change asked for (folded words).
_ASKS_FOR_CHANGE = re.compile(
    r"((i|we|it|that|this) )?("
    r"(would|'d|wd|could|should)( have|'ve| of)? (liked|loved|preferred|appreciated|wanted|"
    r"been|be (nice|good|great|better|helpful|useful))|"
    r"wish|please|stop|start|quit|begin|(more|less|fewer) (?!than\b)\w+|"
    r"(ich )?hatte (mir|gerne|gern)|ware (schon|gut|besser|hilfreich)|bitte|"
    r"j'aurais (aime|prefere|voulu|apprecie)|il aurait fallu|"
    r"me (hubiera|habria) gustado|(avrei|avremmo) (voluto|preferito|gradito)|"
    r"(eu )?teria gostado|(ik )?had (graag|liever)|zou (fijn|leuk|beter) (zijn|geweest)"
    r")\b"
)
#: Openings that ask to keep things as they are, or praise (folded words).
_KEEPS = re.compile(
    r"((please|just|i|we) )*(keep|carry on|continue|more of the same|(from )?start to "
    r"(finish|end)|(do not|don't|dont|never) change|(i |we )?wish (i|we|you) could (give|rate|"
    r"score)|weiter so|bitte weiter so)\b"
)
#: A wish's own word of praise ("would be nice") and a quality asked for ("more friendly"):
#: not praise of what was.
_ASKED_QUALITY = re.compile(
    r"\b((would|'d|wd|could|should)( have|'ve)? (be|been) \w+|(more|less|be)( more| less)? \w+)\b"
)


def asks_for_change(text: str) -> bool:
    """True when `text` opens with a wish, a plea or a change asked for and neither asks to
    keep things nor praises (module docstring)."""
    words = words_of(text)
    opening = _ASKS_FOR_CHANGE.match(words)
    if opening is None or _KEEPS.match(words):
        return False
    rest = _ASKED_QUALITY.sub(" ", words[opening.end() :])
    return not judges_or_feels(rest) and not _emotes(text)


def _emotes(text: str) -> bool:
    """An emoji or emoticon in `text` (:func:`judges_or_feels` of its signs only)."""
    return judges_or_feels(re.sub(r"\w", " ", text))
