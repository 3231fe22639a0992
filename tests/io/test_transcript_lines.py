"""A transcript in one cell: its customer's lines, its agent's lines, and what is no transcript."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io import transcript_lines
from feedback_nlp.io.transcript_lines import (
    TranscriptCounts,
    is_transcript_column,
    read_transcript,
    split_cells,
)


def test_a_transcript_is_split_by_side_with_multi_line_turns():
    read = read_transcript(
        "Caller: my parcel never came\nit was due Monday\nAdvisor 2: let me check\nCaller: thanks"
    )
    assert read is not None
    assert read.customer == ["my parcel never came\nit was due Monday", "thanks"]
    assert read.agent == ["let me check"]
    assert read.labels == {"Caller": "customer", "Advisor 2": "agent"}


def test_comments_with_labels_of_one_side_or_none_are_no_transcripts():
    assert read_transcript("Note: lovely staff\nUpdate: refund arrived") is None
    assert read_transcript("Customer: I wrote this twice\nCustomer: still nothing") is None
    assert read_transcript("Agent: rude") is None
    assert read_transcript("see https://example.org: broken\nAgent: hi\nnothing") is None


def test_a_known_speaker_with_a_name_and_a_lowercase_phrase_that_goes_on():
    read = read_transcript(
        "Kunde: Die Lieferung fehlt\nund dann: nichts\n"
        "Supervisor Kim: Wir prüfen\nMitarbeiter: Danke"
    )
    assert read is not None
    assert read.customer == ["Die Lieferung fehlt\nund dann: nichts"]
    assert read.agent == ["Wir prüfen", "Danke"]
    assert read.labels["Supervisor Kim"] == "agent"
    named = read_transcript("Lena (Agent): Hallo\nCaller: my meter reading is wrong")
    assert named is not None and named.labels == {"Lena (Agent)": "agent", "Caller": "customer"}


def test_form_fields_notes_and_lists_are_no_transcripts():
    """Review of stop 51: an unknown label was read as the agent's side, so a form's fields
    and a CRM note's "Issue:" line became agent context."""
    for cell in (
        "Member: Platinum\nStaff: nobody at the desk after six\nPool: closed again",
        "Member: 3 years\nStaff: slow at the desk",
        "Guest: n/a\nStaff: helpful",
        "Customer: me\nAgent: Tom from the Leeds branch\nIssue: the invoice is still wrong",
        "Client portal: broken\nAgent: polite",
        "Pros: cheap\nCons: slow",
        "Q: Did it work?\nA: No",
    ):
        assert read_transcript(cell) is None, cell


def test_a_column_is_transcripts_when_most_cells_are():
    calls = pd.Series(
        ["Agent: hi\nClient: facture fausse", "Klant: te laat\nMedewerker: sorry", "ok"]
    )
    assert is_transcript_column(calls)
    assert not is_transcript_column(pd.Series(["Agent: hi\nClient: facture fausse", "ok", "fine"]))


def test_split_cells_leaves_other_cells_and_counts_the_labels():
    counts = TranscriptCounts()
    cells = pd.Series(["Operatore: buongiorno\nCliente: il pacco è rotto", "plain words", None])
    texts, context = split_cells(cells, counts)
    assert texts.tolist()[:2] == ["il pacco è rotto", "plain words"] and pd.isna(texts.iat[2])
    assert context.iat[0] == "buongiorno" and context.iloc[1:].isna().all()
    note = counts.note("dialogue")
    assert note.startswith("transcripts: 1 cell(s) of column 'dialogue'")
    assert "Cliente ×1" in note and "Operatore ×1" in note


def test_the_column_test_reads_a_sample_and_stops_early(monkeypatch):
    """Review of stop 51: every cell of the first chunk was parsed (1.9 s per 100k comments)."""
    read: list[str] = []

    def counted(cell: str) -> object:
        read.append(cell)
        return original(cell)

    original = transcript_lines.read_transcript
    monkeypatch.setattr(transcript_lines, "read_transcript", counted)
    assert not is_transcript_column(pd.Series(["Price: high\nand slow"] * 5_000))
    enough = transcript_lines.SAMPLE_CELLS // 2 + 1  # the answer is known by then
    assert len(read) <= enough
    read.clear()
    calls = pd.Series(["Agent: hi\nCaller: the app froze"] * 5_000)
    assert is_transcript_column(calls) and len(read) <= enough


def test_a_cell_without_a_line_break_is_not_parsed(monkeypatch):
    matched: list[str] = []

    class CountedPattern:
        def match(self, line: str) -> object:
            matched.append(line)
            return pattern.match(line)

    pattern = transcript_lines._LABEL_LINE
    monkeypatch.setattr(transcript_lines, "_LABEL_LINE", CountedPattern())
    assert read_transcript("Agent: hi Customer: it broke") is None
    assert read_transcript("no colon here\nat all") is None
    assert matched == []
