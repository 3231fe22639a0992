"""Bare complaints: a short comment that states a service failure and nothing else ("Claim
still open after three months.", "Sinistro ancora aperto dopo tre mesi.", "De expert is nooit
komen opdagen."). The sentiment model, reading no judgement word, may take such a statement
for praise; the failure it states makes it a complaint.

A comment is a *bare complaint* when all of these hold:

- it states a service failure (:func:`feedback_nlp.text.complaints.states_failure`);
- it has at most :data:`MAX_WORDS` words (@handles and retweet markers left out): a longer
  comment tells more than the failure, and the model reads it in context;
- it holds no word that judges or feels (the `judging` words of requests.toml, any
  language's words of praise of ironic_praise.toml, positive one-word replies), no emoji or
  emoticon, and no contrast word of its language ("but", "aber", "mais"; all languages'
  when the language is unknown);
- it reports no fix (:func:`feedback_nlp.text.irony.reports_a_fix`: "arrived damaged,
  replaced the next day").
"""

from __future__ import annotations

from feedback_nlp.text.complaints import WORD, contrast_cue, normalise, states_failure
from feedback_nlp.text.irony import reports_a_fix
from feedback_nlp.text.requests import judges_or_feels
from feedback_nlp.text.social import strip_social

#: Longer comments tell more than the failure; the model reads them in context.
MAX_WORDS = 25


def bare_complaint(text: str, lang: str | None = None) -> bool:
    """True when `text` only states a service failure (see the module); `lang` picks the
    contrast words."""
    if not isinstance(text, str) or not states_failure(text):
        return False
    plain = strip_social(text)
    folded = normalise(plain)
    if len(WORD.findall(folded)) > MAX_WORDS or judges_or_feels(plain):
        return False
    return contrast_cue(lang).search(folded) is None and not reports_a_fix(plain)
