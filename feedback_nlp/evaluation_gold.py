"""The gold of a labelled file for `feedback-nlp evaluate`: the file read by its extension,
its sentiment labels (or 1-5 stars read as labels), its emotion labels as a 0/1 matrix (NaN:
not annotated), and the rows that have a text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.schema import EMOTION_LABELS, NEUTRAL_EMOTION, SENTIMENT_LABELS
from feedback_nlp.stages.sentiment import MIXED


def read_labelled(path: Path) -> pd.DataFrame:
    """Read a labelled file by its extension."""
    if not path.exists():
        raise ReadError(path, "file not found")
    suffix = path.suffix.lower()
    encoding = _encoding_of(path) if suffix in (".csv", ".tsv") else None
    text_options = {"keep_default_na": False, "na_values": [""], "encoding": encoding}
    readers = {
        ".csv": lambda: pd.read_csv(path, **text_options),
        ".tsv": lambda: pd.read_csv(path, sep="\t", **text_options),
        ".jsonl": lambda: pd.read_json(path, lines=True),
        ".parquet": lambda: pd.read_parquet(path),
        ".xlsx": lambda: pd.read_excel(path),
    }
    if suffix not in readers:
        raise ReadError(
            path, f"unsupported extension '{suffix}'", hint=f"use one of {list(readers)}"
        )
    try:
        return readers[suffix]()
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        raise ReadError(path, f"cannot be read as a {suffix} table: {error}") from None


def _encoding_of(path: Path) -> str:
    """The encoding of a text file as the reader detects it (a Google Play export is
    UTF-16: read as UTF-8 it was a traceback before stop 47)."""
    from feedback_nlp.io.encoding import detect_encoding

    with path.open("rb") as handle:
        return detect_encoding(handle.read(1 << 16), path)


def _column(frame: pd.DataFrame, name: str, path: Path) -> pd.Series:
    if name not in frame.columns:
        raise ReadError(path, f"no column '{name}' (columns: {list(frame.columns)})", field=name)
    return frame[name]


def sentiment_truth(frame: pd.DataFrame, label_col: str, path: Path) -> np.ndarray:
    """The sentiment labels, checked against the canonical set (plus ``mixed``)."""
    labels = _column(frame, label_col, path).astype("string").str.strip().str.lower()
    allowed = [*SENTIMENT_LABELS, MIXED]
    bad = labels[~labels.isin(allowed)]
    if len(bad):
        raise ReadError(
            path,
            f"label {bad.iloc[0]!r} is not one of {allowed}",
            line=int(bad.index[0]) + 2,
            field=label_col,
        )
    return labels.to_numpy(dtype=object)


def labels_from_stars(frame: pd.DataFrame, stars_col: str, path: Path) -> pd.Series:
    """Sentiment labels from 1-5 star ratings: 1-2 negative, 3 neutral, 4-5 positive (the
    binary reading then compares 1-2 with 4-5 stars). Anything but a whole number from 1 to
    5 is an error naming its line."""
    raw = _column(frame, stars_col, path)
    stars = pd.to_numeric(raw, errors="coerce")
    bad = stars[~stars.isin([1, 2, 3, 4, 5])]
    if len(bad):
        row = bad.index[0]
        raise ReadError(
            path, f"'{raw.loc[row]}' is not a star rating from 1 to 5",
            line=int(row) + 2, field=stars_col,
        )  # fmt: skip
    names = np.select([stars <= 2, stars == 3], ["negative", "neutral"], "positive")
    return pd.Series(names, index=frame.index, dtype=object)


def emotion_truth(frame: pd.DataFrame, label_col: str | None, path: Path) -> np.ndarray:
    """(rows, labels) 0/1 matrix, NaN for labels the file does not annotate."""
    if label_col is None:
        if not any(label in frame.columns for label in EMOTION_LABELS):
            raise ReadError(path, f"no label column and none of {list(EMOTION_LABELS)}")
        columns = [
            frame[label].astype(float) if label in frame else pd.Series(np.nan, index=frame.index)
            for label in EMOTION_LABELS
        ]
        return np.column_stack(columns)
    truth = np.zeros((len(frame), len(EMOTION_LABELS)))
    cells = _column(frame, label_col, path).fillna("")
    for row, (where, cell) in enumerate(cells.items()):  # `where`: the file's row (line - 2)
        for label in str(cell).replace(",", "|").split("|"):
            label = label.strip().lower()
            if not label or label == NEUTRAL_EMOTION:
                continue
            if label not in EMOTION_LABELS:
                line = int(where) + 2 if isinstance(where, int | np.integer) else row + 2
                raise ReadError(
                    path, f"emotion {label!r} is not one of {list(EMOTION_LABELS)}", line=line
                )
            truth[row, EMOTION_LABELS.index(label)] = 1.0
    truth[:, truth.sum(axis=0) == 0] = np.nan  # a label the file never uses: not annotated
    return truth


def rows_with_text(frame: pd.DataFrame, text_col: str, path: Path) -> tuple[pd.DataFrame, int]:
    """The rows of `frame` whose text is not empty or white space, and how many are left out."""
    texts = _column(frame, text_col, path).astype("string").str.strip()
    has_text = (texts.str.len() > 0).fillna(False).to_numpy(dtype=bool)
    if not has_text.any():
        raise ReadError(path, f"no row has a text in column '{text_col}'", field=text_col)
    return frame.loc[has_text], int((~has_text).sum())
