"""Answers that ask for a change ("Would have liked more updates for family", "Stop the
endless meetings", "Start giving us laptops that work", "J'aurais aimé plus d'infos"): in a
box of complaints or improvements (:mod:`feedback_nlp.text.boxes`) they are complaints,
however sure the model is of the praise its words make ("liked", "nice").

An answer asks for a change when it opens (after an optional "I", "we" or "it") with a wish
("would have liked", "would be nice", "I wish", "hätte mir … gewünscht", "j'aurais aimé",
"me hubiera gustado", "avrei voluto", "had graag"), "please", a verb of stopping or starting
("stop", "start", "quit", "begin") or "more", "less" or "fewer" (not "more than").
"""

from __future__ import annotations

import re

from feedback_nlp.text.box_nothing import words_of

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


def asks_for_change(text: str) -> bool:
    """True when `text` opens with a wish, a plea or a change asked for (module docstring)."""
    return bool(_ASKS_FOR_CHANGE.match(words_of(text)))
