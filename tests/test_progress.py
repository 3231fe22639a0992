"""Progress bars: the innermost task moves, capped at its total; silent unless watched."""

import pandas as pd
import pytest

from feedback_nlp import progress
from feedback_nlp.analyzer import Analyzer
from feedback_nlp.stages import STAGES


@pytest.fixture
def shown(monkeypatch):
    monkeypatch.setattr(progress, "DELAY_S", 0.0)
    monkeypatch.setattr(progress, "REDRAW_S", 0.0)
    monkeypatch.setenv(progress.ENV_VAR, "1")
    progress.set_enabled(None)


def test_advance_moves_the_innermost_task_and_stops_at_its_total(shown, capsys):
    with progress.task("Outer", total=10):
        progress.advance(4)
        with progress.task("Inner", total=3, unit="sentences"):
            progress.advance(5)
        progress.advance(100)
    err = capsys.readouterr().err
    assert "Inner: 100%" in err and "3/3" in err
    assert "Outer: 100%" in err and "10/10" in err and "11/10" not in err


def test_silent_when_quiet_or_switched_off(shown, capsys, monkeypatch):
    with progress.quiet(), progress.task("Hidden", total=2):
        progress.advance(2)
    monkeypatch.setenv(progress.ENV_VAR, "0")
    with progress.task("Off", total=2):
        progress.advance(2)
    assert capsys.readouterr().err == ""
    progress.advance(3)  # no task open: nothing happens


def test_not_a_terminal_means_no_bars(monkeypatch, capsys):
    monkeypatch.delenv(progress.ENV_VAR, raising=False)
    progress.set_enabled(None)
    assert not progress.enabled()  # pytest's captured stderr is not a terminal
    progress.set_enabled(True)
    try:
        assert progress.enabled()
    finally:
        progress.set_enabled(None)


def test_language_stage_reports_each_chunk(shown, capsys, monkeypatch):
    from feedback_nlp.stages import language

    monkeypatch.setattr(language, "DETECT_CHUNK", 10)
    texts = ["the parcel came late again"] * 15 + ["le colis est arrivé en retard"] * 15
    table = pd.DataFrame({"response_id": [f"r{i}" for i in range(30)], "text": texts})
    tagged = Analyzer([STAGES["prepare"](), STAGES["language"]()]).transform(table)
    assert tagged["lang"].tolist() == ["en"] * 15 + ["fr"] * 15
    err = capsys.readouterr().err
    assert "Language:" in err and "10/30" in err and "30/30" in err and "comments/s" in err
