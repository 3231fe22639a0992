"""Contact-centre exports: a per-turn file's agent turns and a transcript's agent lines are
set apart (context, or dropped), the customer's words are the comment."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.io import delimited, read_feedback
from feedback_nlp.io.stream import stream_feedback
from feedback_nlp.io.transcript_turns import speaker_column

TURNS = (
    "conversation_id,speaker,text,csat\n"
    "C1,Agent,Good morning you are through to billing,2\n"
    "C1,Customer,My bill doubled this month and nobody told me,2\n"
    "C1,Agent,Can you confirm the account holder's postcode,2\n"
    "C1,Customer,Still waiting on a refund from March,2\n"
    "C2,Cliente,La app se cierra cada vez que pago,4\n"
    "C2,Atendente,Vou abrir um chamado para o time técnico,4\n"
    "C2,Cliente,Gracias por la rapidez,4\n"
)


def _write(tmp_path: Path, content: str, name: str = "calls.csv") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_a_speaker_column_sets_the_agent_turns_apart_as_context(tmp_path):
    result = read_feedback(_write(tmp_path, TURNS))
    table = result.table
    assert table["text"].tolist() == [
        "My bill doubled this month and nobody told me",
        "Still waiting on a refund from March",
        "La app se cierra cada vez que pago",
        "Gracias por la rapidez",
    ]
    assert table["context"].tolist()[:2] == [
        "Good morning you are through to billing",
        "Can you confirm the account holder's postcode",
    ]
    assert pd.isna(table["context"].iat[2])  # the customer spoke first in C2
    assert table["context"].iat[3] == "Vou abrir um chamado para o time técnico"
    reasons = result.rejects["reason"].tolist()
    assert len(reasons) == 3 and reasons[0].startswith("an agent turn, not customer feedback")
    assert "(speaker 'Agent')" in reasons[0] and "(speaker 'Atendente')" in reasons[2]
    notes = " ".join(result.info["notes"])
    assert "speaker column 'speaker': 3 agent turn(s)" in notes


def test_agent_turns_drop_leaves_no_context_but_still_sets_them_apart(tmp_path):
    result = read_feedback(_write(tmp_path, TURNS), agent_turns="drop")
    assert "context" not in result.table.columns and len(result.table) == 4
    assert len(result.rejects) == 3
    assert not any("next customer turn's context" in note for note in result.info["notes"])
    with pytest.raises(ConfigError, match="agent_turns"):
        read_feedback(_write(tmp_path, TURNS), agent_turns="keep")


def test_the_context_goes_on_across_chunks(tmp_path):
    path = _write(tmp_path, TURNS)
    chunks = list(stream_feedback([path], chunk_rows=2))
    table = pd.concat([c.table for c in chunks], ignore_index=True)
    assert table["context"].iat[1] == "Can you confirm the account holder's postcode"
    dropped = list(stream_feedback([path], chunk_rows=2, agent_turns="drop"))
    assert all("context" not in c.table.columns for c in dropped)


def test_a_sender_of_addresses_or_one_side_only_is_no_speaker_column():
    mails = pd.DataFrame({"sender": ["ann@example.org", "bo@example.org"], "text": ["a", "b"]})
    assert speaker_column(mails) is None
    one_side = pd.DataFrame({"speaker": ["Customer", "Caller"], "text": ["a", "b"]})
    assert speaker_column(one_side) is None
    named = pd.DataFrame({"who": ["Kunde", "Mitarbeiter"], "text": ["a", "b"]})
    assert speaker_column(named) is None and speaker_column(named, "who") == "who"


def test_a_speaker_the_lists_do_not_know_is_the_agent_side_and_named(tmp_path):
    content = TURNS + "C2,Escalation desk,Le pasamos con el supervisor,4\nC2,Cliente,Vale,4\n"
    result = read_feedback(_write(tmp_path, content))
    assert result.table["text"].iat[-1] == "Vale"
    assert result.table["context"].iat[-1] == "Le pasamos con el supervisor"
    assert any("'Escalation desk' (1)" in note for note in result.info["notes"])


CALLS = (
    "call_id,transcript,csat\n"
    'A1,"Agent: Thanks for calling, how can I help?\n'
    "Customer: The router drops every evening.\n"
    "It has done so for a week.\n"
    'Agent: I am sorry to hear that, let me book an engineer.",2\n'
    'A2,"Agente: Buenas tardes, le atiende Marta.\nCliente: Me cobraron dos veces el envío.",1\n'
    'A3,"[10:02] Atendente (Rui): Bom dia!\n[10:03] Cliente: A fatura veio errada.",3\n'
    'A4,"Note: the courier was polite.\nUpdate: parcel arrived today.",5\n'
)


def test_transcripts_keep_the_customer_lines_one_row_per_call(tmp_path):
    result = read_feedback(_write(tmp_path, CALLS), text="transcript")
    table = result.table
    assert len(table) == 4
    assert table["text"].tolist() == [
        "The router drops every evening.\nIt has done so for a week.",
        "Me cobraron dos veces el envío.",
        "A fatura veio errada.",
        "Note: the courier was polite.\nUpdate: parcel arrived today.",
    ]
    assert table["context"].iat[0] == (
        "Thanks for calling, how can I help?\nI am sorry to hear that, let me book an engineer."
    )
    assert pd.isna(table["context"].iat[3])
    note = next(n for n in result.info["notes"] if n.startswith("transcripts:"))
    assert "3 cell(s) of column 'transcript'" in note
    assert "Customer ×1" in note and "Cliente ×2" in note and "Atendente ×1" in note


def test_transcripts_with_agent_turns_drop_have_no_context(tmp_path):
    result = read_feedback(_write(tmp_path, CALLS), agent_turns="drop", text="transcript")
    assert "context" not in result.table.columns
    assert result.table["text"].iat[1] == "Me cobraron dos veces el envío."


def test_a_file_of_ordinary_comments_is_left_alone(tmp_path):
    content = 'id,comment\n1,"Note: great staff.\nUpdate: still great."\n2,"Agent: was rude"\n'
    result = read_feedback(_write(tmp_path, content))
    assert result.table["text"].tolist() == [
        "Note: great staff.\nUpdate: still great.",
        "Agent: was rude",
    ]
    assert "context" not in result.table.columns
    assert not any(n.startswith("transcripts:") for n in result.info.get("notes", []))


def test_a_file_context_column_is_kept_beside_the_agent_context(tmp_path):
    content = TURNS.replace("csat\n", "csat,context\n", 1).replace(",2\n", ",2,web\n")
    content = content.replace(",4\n", ",4,app\n")
    table = read_feedback(_write(tmp_path, content), agent_turns="drop").table
    assert table["source_context"].tolist() == ["web", "web", "app", "app"]
    assert "context" not in table.columns


@pytest.mark.parametrize(
    ("header", "respondent", "colleague"),
    [
        ("participant type", "Customer", "Agent"),
        ("participant role", "Customer", "Employee"),
        ("participant role", "Member", "Staff"),
        ("participant role", "User", "Admin"),
    ],
)
def test_a_survey_of_two_kinds_of_respondent_keeps_every_response(
    tmp_path, header, respondent, colleague
):
    """Review of stop 51: one row per respondent, typed Customer/Agent, is no per-turn export
    (an insurer's survey of its agents lost their NPS, and chained their words as context)."""
    rows = [f"response_id,{header},nps,comment"]
    for number in range(6):
        who = colleague if number % 3 == 2 else respondent
        rows.append(f"s{number},{who},{number + 3},renewal letters arrive after the due date")
    result = read_feedback(_write(tmp_path, "\n".join(rows) + "\n"))
    assert len(result.table) == 6 and result.rejects.empty
    assert result.table["nps"].tolist() == [3, 4, 5, 6, 7, 8]
    assert "context" not in result.table.columns


def test_a_speaker_column_needs_rows_that_share_a_conversation():
    raw = pd.DataFrame({"speaker": ["Agent", "Customer", "Agent"], "text": ["a", "b", "c"]})
    assert speaker_column(raw) is None
    assert speaker_column(raw, keys=pd.Series(["k1", "k2", "k3"])) is None
    assert speaker_column(raw, keys=pd.Series(["k1", "k1", "k2"])) == "speaker"


def test_the_context_never_crosses_calls_of_a_call_id_column(tmp_path):
    content = (
        "call_id,speaker,text\n"
        "K1,Agent,Hello you are through to the help desk\n"
        "K1,Customer,the bill is wrong again\n"
        "K2,Agent,Good afternoon\n"
        "K3,Customer,my modem has no signal\n"
    )
    result = read_feedback(_write(tmp_path, content))
    assert result.table["text"].tolist() == ["the bill is wrong again", "my modem has no signal"]
    assert result.table["context"].iat[0] == "Hello you are through to the help desk"
    assert pd.isna(result.table["context"].iat[1])  # K2's words are no context of K3
    assert len(result.rejects) == 2


def test_a_mapped_role_without_conversations_chains_no_context(tmp_path):
    content = "id,who,text\nm1,Agent,Welcome back\nm2,Customer,the lift is broken\n"
    result = read_feedback(_write(tmp_path, content), role="who")
    assert result.table["text"].tolist() == ["the lift is broken"]
    assert result.table["context"].isna().all()


def test_turns_that_share_a_response_id_are_numbered_not_duplicates(tmp_path):
    content = (
        "response_id,speaker,text\n"
        "T1,Agent,Thanks for waiting\nT1,Customer,the parcel is still missing\n"
        "T1,Agent,I will reorder it\nT1,Customer,please do it today\n"
        "T2,Customer,the tracking page is blank\n"
    )
    result = read_feedback(_write(tmp_path, content))
    table = result.table
    assert table["text"].tolist() == [
        "the parcel is still missing",
        "please do it today",
        "the tracking page is blank",
    ]
    assert table["response_id"].tolist() == ["T1#t2", "T1#t4", "T2#t1"]
    assert table["conversation_id"].tolist() == ["T1", "T1", "T2"]
    assert table["context"].tolist()[:2] == ["Thanks for waiting", "I will reorder it"]
    assert result.rejects["reason"].str.startswith("an agent turn").all()


def test_a_turn_with_no_speaker_is_kept_as_the_customers(tmp_path):
    content = (
        "conversation_id,sender,message\n"
        "c1,Customer,the card was declined twice\n"
        "c1,Agent,let me look into it\n"
        "c1,,and the statement page times out\n"
    )
    result = read_feedback(_write(tmp_path, content))
    assert result.table["text"].tolist()[-1] == "and the statement page times out"
    assert result.table["context"].iat[-1] == "let me look into it"
    assert len(result.rejects) == 1
    notes = " ".join(result.info["notes"])
    assert "1 turn(s) with no speaker kept as the customer's" in notes


def test_a_templated_form_column_is_read_whole(tmp_path):
    """Review of stop 51: "Member: …\\nStaff: …\\nClasses: …" cells were split as calls."""
    cell = '"Member: Platinum\nStaff: nobody at the desk after six\nPool: closed again"'
    content = "response_id,comment\n" + "".join(f"f{n},{cell}\n" for n in range(4))
    result = read_feedback(_write(tmp_path, content))
    assert result.table["text"].iat[0] == (
        "Member: Platinum\nStaff: nobody at the desk after six\nPool: closed again"
    )
    assert "context" not in result.table.columns


LAST_ROW_CSAT = (
    "conversation_id,sender,message,csat\n"
    "K1,customer,My card was blocked abroad,\n"
    "K1,agent,I have unblocked it now,5\n"
    "K2,bot,Hi! How can I help?,\n"
    "K2,customer,The transfer failed twice,2\n"
    "K3,customer,Where is my new card,\n"
    "K3,agent,It was posted on Monday,\n"
    "K3,bot,Please rate this chat,4\n"
)


def test_a_conversation_score_on_an_agent_or_bot_row_is_kept(tmp_path):
    result = read_feedback(_write(tmp_path, LAST_ROW_CSAT))
    table = result.table.set_index("conversation_id")
    assert table["csat"].to_dict() == {"K1": 5, "K2": 2, "K3": 4}
    assert len(result.rejects) == 4
    notes = " ".join(result.info["notes"])
    assert "csat: the score of 2 conversation(s) written on an agent or bot row" in notes


def test_rows_of_a_conversation_that_disagree_keep_the_last_and_say_so(tmp_path):
    disagreeing = "conversation_id,sender,message,csat\nK1,customer,Slow reply,2\nK1,bot,Bye,5\n"
    result = read_feedback(_write(tmp_path, disagreeing + "K2,customer,Fine,3\nK2,agent,x,\n"))
    assert result.table["csat"].tolist() == [5, 3]
    assert "1 whose rows disagree: the last row's score kept" in " ".join(result.info["notes"])


def test_a_conversation_score_before_its_customer_turn_crosses_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(delimited, "CHUNK_ROWS", 3)
    first = LAST_ROW_CSAT.replace("K3,customer,Where is my new card,\n", "")
    path = _write(tmp_path, first.replace("K2,bot,Hi! How can I help?,", "K2,bot,Hi,1"))
    result = read_feedback(path)
    assert result.table["csat"].tolist() == [5, 2]  # K2's own later score; K3 had no customer turn
    notes = " ".join(result.info["notes"])
    assert "1 whose rows disagree" in notes and "1 such score(s) left out" in notes
