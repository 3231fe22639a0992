"""`feedback-nlp read --out x.csv` writes CSV that Excel on Windows reads as UTF-8."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from feedback_nlp.cli import app

runner = CliRunner()


def test_read_writes_its_csv_and_rejects_with_a_byte_order_mark(tmp_path):
    """Without a BOM Excel read the file in the local code page: Arabic showed as mojibake."""
    data = tmp_path / "in.csv"
    data.write_text("id,comment,nps\n1,لم يصل الطلب,3\n2,,\n", encoding="utf-8")
    out, rejects = tmp_path / "out.csv", tmp_path / "rejects.csv"
    result = runner.invoke(app, ["read", str(data), "--out", str(out), "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert rejects.read_bytes().startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(out)["text"].tolist() == ["لم يصل الطلب"]
