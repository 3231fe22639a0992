"""The default detector's weighing reader (`CombinedBackend.weighing`)."""

from __future__ import annotations

from feedback_nlp.backends.language import SURE_PROBABILITY, get_detector

#: Written for the project: a Portuguese turn fastText reads as Italian with confidence.
PORTUGUESE_TURN = "Sim, chamo-me <NAME>, nasci a 02/03/1985."


def test_weighing_lets_a_hint_turn_a_short_text_fasttext_is_sure_of():
    detector = get_detector("default", parallel=False)
    assert detector.detect([PORTUGUESE_TURN], hints=["pt"])[0][0] == "it"
    weighing = detector.weighing()
    assert weighing.detect([PORTUGUESE_TURN], hints=["pt"])[0][0] == "pt"
    assert weighing.detect([PORTUGUESE_TURN])[0][0] == "it"  # the hint decides, not lingua alone
    assert weighing.detect(["Can you speak English please?"], hints=["pt"])[0][0] == "en"
    assert detector.sure_probability == SURE_PROBABILITY  # the shared detector is unchanged
