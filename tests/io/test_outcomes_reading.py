"""Declared outcomes when reading: validated like scores, customer tables joined by customer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import feedback_nlp
from feedback_nlp.errors import ConfigError
from feedback_nlp.io import read_feedback, read_many
from feedback_nlp.io.customers import is_customer_table, join_customer_outcomes
from feedback_nlp.outcomes import OutcomeSpec, parse_outcome_option
from feedback_nlp.pipeline import demo_files
from tests.io.conftest import check_result

DEMO = Path(feedback_nlp.__file__).parent / "data" / "demo"
SPECS = {
    s.name: s
    for s in map(
        parse_outcome_option,
        [
            "churned:binary",
            "resolved_first_contact:binary:bad=no",
            "resolution_time:duration",
            "contacts:count",
        ],
    )
}


def test_a_bad_outcome_value_rejects_the_row_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(
        "id,text,fcr,handle,opened,closed\n"
        "1,late again,yes,01:30:00,2026-01-01 10:00,2026-01-01 12:30\n"
        "2,fine,maybe,00:10:00,2026-01-02 10:00,2026-01-02 10:05\n"
        "3,slow,No,1.5h,2026-01-03 10:00,2026-01-03 11:00\n"
        "4,odd,no,00:20:00,2026-01-04 10:00,2026-01-03 11:00\n"
        "5,ok,TRUE,,2026-01-05 10:00,2026-01-05 10:45\n",
        encoding="utf-8",
    )
    outcomes = {
        "fcr": parse_outcome_option("fcr:binary:bad=no"),
        "handle": parse_outcome_option("handle:duration"),
        "wait": parse_outcome_option("wait:duration:start=opened:end=closed"),
    }
    result = read_feedback(path, outcomes=outcomes, bad_scores="reject-row")  # keep-text: kept
    assert len(result.table) + len(result.rejects) == 5
    rejected = result.rejects.set_index("line")
    assert "fcr is not yes/no" in rejected.loc[3, "reason"]
    assert rejected.loc[3, "field"] == "fcr"
    assert "handle is not a duration" in rejected.loc[4, "reason"]
    assert "wait: closed is before opened" in rejected.loc[5, "reason"]
    table = result.table.set_index("response_id")
    assert table.loc["1", "fcr"] == 1.0 and table.loc["5", "fcr"] == 1.0
    assert table.loc["1", "handle"] == 5400 and np.isnan(table.loc["5", "handle"])
    assert table.loc["5", "wait"] == 45 * 60
    assert "source_fcr" not in result.table.columns


def test_outcomes_can_be_declared_in_a_mapping_file(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("id,text,minutes\n1,a,12\n2,b,x\n", encoding="utf-8")
    (tmp_path / "s.mapping.toml").write_text(
        '[outcomes.minutes]\nkind = "duration"\nunit = "minutes"\n', encoding="utf-8"
    )
    result = read_feedback(path)
    assert result.table["minutes"].tolist()[0] == 720.0
    assert pd.isna(result.table["minutes"].iloc[1])  # the row kept, as for a bad score
    assert result.rejects["line"].tolist() == [3]


def test_unknown_outcome_settings_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("id,text,x\n1,a,1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown outcome setting"):
        read_feedback(path, mapping={"outcomes": {"x": {"kind": "count", "colour": "red"}}})


def test_chat_custom_attributes_carry_the_case_outcomes() -> None:
    result = read_feedback(DEMO / "support_chats.json", outcomes=SPECS)
    table = result.table
    per_case = table.groupby("conversation_id")[["resolved_first_contact", "resolution_time"]]
    assert per_case.nunique().max().max() == 1  # one value per conversation, on every turn
    assert set(table["resolved_first_contact"].unique()) == {0.0, 1.0}
    assert table["resolution_time"].min() > 0 and table["contacts"].min() >= 1


def test_the_demo_customer_table_is_detected_and_joined(tmp_path: Path) -> None:
    files = demo_files(customers=True)
    customers = [p for p in files if is_customer_table(p)]
    assert [p.name for p in customers] == ["customers.csv"]
    feedback = read_many([p for p in files if p not in customers], outcomes=SPECS).table
    joined = join_customer_outcomes(feedback, customers[0], SPECS)
    assert len(joined.table) == len(feedback) and joined.rejects.empty
    assert joined.outcomes["churned"].level == "customer"
    survey = joined.table[joined.table["channel"] == "survey"]
    assert survey["churned"].notna().mean() > 0.95


def test_customer_rows_with_bad_values_or_repeated_ids_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("customer_id,churned\nc1,yes\nc2,perhaps\nc1,no\nc3,0\n", encoding="utf-8")
    feedback = read_many([DEMO / "social_posts.csv"]).table.head(3)
    joined = join_customer_outcomes(feedback, path, {"churned": SPECS["churned"]})
    reasons = dict(zip(joined.rejects["line"], joined.rejects["reason"], strict=True))
    assert set(reasons) == {3, 4}
    assert "perhaps" in reasons[3] and "repeated customer_id 'c1'" in reasons[4]


def test_customer_ids_stored_as_numbers_join_comments_with_whole_number_ids(tmp_path) -> None:
    feedback = pd.DataFrame({"respondent_id": ["1001", "1002"], "text": ["late", "great"]})
    pd.DataFrame({"customer_id": [1001.0, 1002.0], "churned": [1.0, 0.0]}).to_parquet(
        tmp_path / "customers.parquet"
    )
    joined = join_customer_outcomes(feedback, tmp_path / "customers.parquet", SPECS)
    assert joined.rejects.empty and joined.table["churned"].tolist() == [1.0, 0.0]


def test_a_customer_table_in_semicolons_and_cp1252_is_read_like_a_feedback_file(tmp_path) -> None:
    path = tmp_path / "customers.csv"
    path.write_bytes("customer_id;churned;région\nc1;oui;Île\nc2;non;Genève\n".encode("cp1252"))
    assert is_customer_table(path)
    feedback = pd.DataFrame({"respondent_id": ["c1", "c2"], "text": ["late", "great"]})
    joined = join_customer_outcomes(feedback, path, {"churned": SPECS["churned"]})
    assert joined.rejects.empty and joined.table["churned"].tolist() == [1.0, 0.0]


def test_demo_files_leave_the_customer_table_out_unless_asked() -> None:
    assert "customers.csv" not in {p.name for p in demo_files()}
    assert "customers.csv" in {p.name for p in demo_files(customers=True)}


def test_yes_and_no_in_the_form_language_are_read(tmp_path: Path) -> None:
    path = tmp_path / "formulaire.csv"
    path.write_text(
        "id,text,reco\n1,a,Oui\n2,b,Non\n3,c,Nein\n4,d,Sim\n5,e,Не знаю\n", encoding="utf-8"
    )
    spec = parse_outcome_option("reco:binary:bad=non")
    result = read_feedback(path, outcomes={"reco": spec})
    # "don't know" is no answer, as in a score column (since stop 48; before, the row and
    # its comment were rejected)
    assert result.table["reco"].tolist()[:4] == [1.0, 0.0, 0.0, 1.0]
    assert pd.isna(result.table["reco"].iloc[4]) and result.rejects.empty


def test_good_and_bad_ratings_are_read_and_offered_is_not_answered(tmp_path: Path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Id,Description,Satisfaction Score\n1,Still no refund,Bad\n2,Quick answer,Good\n"
        "3,Where is my parcel,Offered\n4,Card declined,unoffered\n5,Thanks,Meh\n",
        encoding="utf-8",
    )
    spec = parse_outcome_option("satisfied:binary:column=Satisfaction Score:bad=no")
    result = read_feedback(path, outcomes={"satisfied": spec})
    assert result.table["satisfied"].tolist()[:2] == [0.0, 1.0]
    assert result.table["satisfied"].isna().tolist() == [False, False, True, True, True]
    assert result.rejects["reason"].tolist() == [
        "satisfied is not yes/no, true/false, good/bad or 1/0: 'Meh'"
    ]


def test_a_legacy_encoded_feedback_file_is_not_probed_into_a_customer_table_error(tmp_path):
    """Before, a Shift-JIS export (byte 0x81) stopped analyze with "cannot read the customer
    table: 'charmap' codec can't decode byte 0x81", though no customer table was given."""
    path = tmp_path / "reviews.csv"
    path.write_bytes("user_id,nps,comment\nu1,3,値段が高いです\n".encode("cp932"))
    assert not is_customer_table(path)


def test_numeric_outcomes_written_as_money_amounts_are_read(tmp_path) -> None:
    """Before, every cell below was "refund_amount is not a number" and rejected its row."""
    path = tmp_path / "returns.csv"
    path.write_text(
        'id,comment,refund_amount\nr1,slow,"€49,99"\nr2,broken,"$1,234.50"\n'
        'r3,wrong size,"1.299,00 €"\nr4,fine,CHF 12.50\n',
        encoding="utf-8",
    )
    result = check_result(
        read_feedback(path, outcomes={"refund_amount": OutcomeSpec("refund_amount", "numeric")})
    )
    assert result.table["refund_amount"].tolist() == [49.99, 1234.5, 1299.0, 12.5]
    assert result.rejects.empty


def test_a_bad_outcome_cell_keeps_the_comment_under_keep_text(tmp_path) -> None:
    """Before, the row and its comment were rejected; now the outcome is emptied, as a score."""
    path = tmp_path / "returns.csv"
    path.write_text("id,comment,refund_amount\nr1,slow refund,lots\nr2,ok,5\n", encoding="utf-8")
    spec = {"refund_amount": OutcomeSpec("refund_amount", "numeric")}
    result = check_result(read_feedback(path, outcomes=spec))
    assert result.table["text"].tolist() == ["slow refund", "ok"]
    assert pd.isna(result.table["refund_amount"].iloc[0])
    assert result.rejects["row_kept"].tolist() == [True]
    assert result.rejects["reason"].iloc[0] == "refund_amount is not a number: 'lots'"
    strict = check_result(read_feedback(path, outcomes=spec, bad_scores="reject-row"))
    assert strict.table["response_id"].tolist() == ["r2"]


def test_a_numeric_rating_written_as_review_sites_write_it_is_read_or_said_not_rescaled():
    from feedback_nlp.outcomes import parse_outcome

    spec = parse_outcome_option("Rating:numeric")
    cells = pd.Series(["8", "9.2", "10/10", "4 stars", "4/5"], dtype=object)
    values, reasons = parse_outcome({"Rating": cells}, spec)
    assert values.tolist()[:3] == [8.0, 9.2, 10.0]
    assert np.isnan(values.iat[3]) and np.isnan(values.iat[4])  # stars are out of 5
    assert "out of another scale" in reasons.iat[4] and "(out of 5;" in reasons.iat[3]
    assert reasons[:3].isna().all()
