"""A transcript in one cell: its customer's lines, its agent's lines, and what is no transcript."""

from __future__ import annotations

import pandas as pd

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


def test_an_unknown_speaker_is_the_agent_side_and_a_lowercase_phrase_goes_on():
    read = read_transcript(
        "Kunde: Die Lieferung fehlt\nund dann: nichts\n"
        "Supervisor Kim: Wir prüfen\nMitarbeiter: Danke"
    )
    assert read is not None
    assert read.customer == ["Die Lieferung fehlt\nund dann: nichts"]
    assert read.agent == ["Wir prüfen", "Danke"]
    assert read.labels["Supervisor Kim"] is None


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
