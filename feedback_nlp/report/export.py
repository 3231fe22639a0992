"""Safe export of tables: PII redacted, spreadsheet formulas neutralised.

Everything feedback_nlp writes for people goes through :func:`export_table`: the raw `text`
column (and any other free-text column) leaves only in its redacted form unless the caller
explicitly asks for raw text, and cells that a spreadsheet would run as a formula are
prefixed with an apostrophe.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.io.nested import is_arrow_nested, strings_mapped
from feedback_nlp.report.category_cells import categories_redacted
from feedback_nlp.report.column_redaction import carried_columns_redacted
from feedback_nlp.report.person_columns import is_name_column
from feedback_nlp.report.reject_raw import raws_redacted
from feedback_nlp.schema import COLUMNS
from feedback_nlp.text.pseudonyms import pseudonymise_pii_id, pseudonymise_respondent_id

#: Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: A cell that is a plain number ("-1", "+3.5", "-2e3"): a spreadsheet reads it as that
#: number, never as a formula, so it is written as it is (before, Other's id read "'-1").
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
#: CSV files are written with a UTF-8 byte order mark: without it Excel on Windows reads
#: them in the local code page and shows Arabic or Chinese as mojibake.
CSV_ENCODING = "utf-8-sig"

#: Longest text an Excel cell holds.
EXCEL_CELL_CHARS = 32_766  # 32,767 less the apostrophe a formula-like cell gets

#: Id columns: never redacted (they join tables), but an id that *is* PII (an e-mail or a phone
#: number used as the id) is replaced by a stable pseudonym, the same in every exported table.
_ID_COLUMNS = ("response_id", "respondent_id", "conversation_id", "duplicate_of")

#: Columns whose values are our own labels or numbers: never free text, left as they are. The
#: export's own values (channel, touchpoint, journey_stage, source, lang_hint: open sets, a
#: cell of which may hold an e-mail) are redacted as free text is.
_LABEL_COLUMNS = frozenset(
    {
        name
        for name, column in COLUMNS.items()
        if (column.allowed is not None and not column.open_set) or column.dtype != "string"
    }
    | {"lang", "topic_label", "themes", "pii_types", *_ID_COLUMNS}
)
_ALREADY_REDACTED = {"text_clean"}  # when `text_clean_is_redacted`
#: Comments: redacted in place, never pseudonymised (`report.category_cells`).
_COMMENT_COLUMNS = {"text", "text_clean"}
#: Columns of the rejects table that quote their row's ids: the reason and the row as read.
_QUOTING_COLUMNS = {"reason", "raw"}


def neutralise_formula(value: object) -> object:
    """Prefix a string that a spreadsheet would evaluate with an apostrophe."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_TRIGGERS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def restore_formula(value: object) -> object:
    """The text :func:`neutralise_formula` wrote, as it was before (for our own tables read
    back: a unit "- Nothing to unlock" is quoted without the apostrophe). A text that itself
    began with an apostrophe and a trigger ("'=x") cannot be told apart and loses it."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of `table` with every formula-like text cell (and column name) neutralised."""
    out = table.copy()
    for name in out.columns:
        if pd.api.types.is_object_dtype(out[name]) or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(neutralise_formula, na_action="ignore")
    out.columns = [neutralise_formula(str(c)) for c in out.columns]
    return out


def redacts_every_type(prepare: Mapping[str, Any] | None) -> bool:
    """Whether the prepare stage's settings `prepare` (its config.toml params; None: not
    known) redact every PII type: redaction on, no `pii_types` subset chosen."""
    return (
        prepare is not None and bool(prepare.get("redact", True)) and not prepare.get("pii_types")
    )


def text_clean_is_redacted(table: pd.DataFrame, prepare: Mapping[str, Any] | None) -> bool:
    """Whether `text_clean` is known to be redacted: the prepare stage wrote it (`pii_types`)
    with settings `prepare` that redact every PII type (:func:`redacts_every_type`). Unknown
    settings are not trusted: a `pii_types` column is written, all empty, with `redact = false`."""
    return "pii_types" in table.columns and redacts_every_type(prepare)


def free_text_columns(table: pd.DataFrame, *, trusted: bool = False) -> list[str]:
    """String columns that may hold free text (and so PII): all but labels and ids, and but
    `text_clean` when it is `trusted` (:func:`text_clean_is_redacted`)."""
    return [
        name
        for name in table.columns
        if name not in _LABEL_COLUMNS
        and not (trusted and name in _ALREADY_REDACTED)
        and (
            pd.api.types.is_object_dtype(table[name])
            or pd.api.types.is_string_dtype(table[name])
            or is_arrow_nested(table[name])
        )
    ]


def redact_for_export(
    table: pd.DataFrame,
    *,
    include_raw_text: bool = False,
    prepare: Mapping[str, Any] | None = None,
    rows_kept: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Drop raw `text` (kept only when asked) and redact PII in every other free-text column,
    `text_clean` too unless `prepare` (the prepare stage's settings) says it is redacted; the
    handles `prepare` keeps (a brand's account) stay. Redacting redacted text changes nothing.
    A reject's `raw` cells are redacted as their columns are (`report.reject_raw`), decided
    with `rows_kept` (the rows the same read kept, unredacted) where given."""
    from feedback_nlp.text.people import handle_names
    from feedback_nlp.text.pii import redact_pii

    kept = handle_names((prepare or {}).get("keep_handles"))

    def redact(text: str) -> str:
        return redact_pii(text, None, kept)[0]

    out = table.copy()
    if not include_raw_text and "text_clean" in out.columns:
        out = out.drop(columns=["text"], errors="ignore")
    originals = out[[c for c in _ID_COLUMNS if c in out.columns]].copy()
    for name in originals.columns:  # only the ids present, so the column keeps its dtype
        present = out[name].notna()
        rule = pseudonymise_respondent_id if name == "respondent_id" else pseudonymise_pii_id
        out.loc[present, name] = out.loc[present, name].map(rule)
    for name in _QUOTING_COLUMNS & set(out.columns):  # a reject quotes its row's ids
        out[name] = _ids_replaced(out[name], originals, out[originals.columns])
    if "raw" in out.columns:  # a reject's row as read: its cells as the table's are
        out["raw"] = raws_redacted(
            out["raw"], out.get("file"), _columns_redacted, redact, rows_kept
        )
    out, named = carried_columns_redacted(out, _LABEL_COLUMNS)
    for name in free_text_columns(out, trusted=text_clean_is_redacted(out, prepare)):
        if (include_raw_text and name == "text") or name in named:
            continue
        if name in _COMMENT_COLUMNS:
            out[name] = strings_mapped(out[name], redact)
        else:  # a segment's "Dr Patel" and "Dr Sousa": two pseudonyms, not one "Dr <NAME>"
            out[name] = categories_redacted(out[name], redact)
    return out


def _columns_redacted(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with the columns the export redacts as columns redacted (names, phones,
    whereabouts, identifiers: `report.column_redaction`)."""
    return carried_columns_redacted(table, _LABEL_COLUMNS)[0]


def export_table(
    table: pd.DataFrame,
    path: str | Path,
    *,
    include_raw_text: bool = False,
    prepare: Mapping[str, Any] | None = None,
) -> Path:
    """Write `table` as .csv (with a UTF-8 BOM), .parquet, .xlsx or .jsonl, PII-redacted
    (`prepare`: as :func:`redact_for_export`) and formula-safe."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    safe = redact_for_export(table, include_raw_text=include_raw_text, prepare=prepare)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        safe.to_parquet(path, index=False)
    elif suffix == ".csv":
        neutralise_formulas(safe).to_csv(path, index=False, encoding=CSV_ENCODING)
    elif suffix == ".xlsx":
        write_workbook({"table": safe}, path, redact=False)
    elif suffix == ".jsonl":
        safe.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    else:
        raise ValueError(f"{path}: unsupported export format '{suffix}' (csv/parquet/xlsx/jsonl)")
    return path


def write_workbook(
    sheets: dict[str, pd.DataFrame],
    path: str | Path,
    *,
    redact: bool = True,
    prepare: Mapping[str, Any] | None = None,
) -> Path:
    """Write several tables as sheets of one .xlsx, redacted (`prepare`: as
    :func:`redact_for_export`) and formula-safe; each sheet's header row frozen and filtered
    (it stays in view and tells a screen reader which row names the columns)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    names = sheet_names(list(sheets))
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, sheet in sheets.items():
            safe = redact_for_export(sheet, prepare=prepare) if redact else sheet
            safe = neutralise_formulas(_excel_compatible(safe))
            safe.to_excel(writer, sheet_name=names[name], index=False)
            worksheet = writer.sheets[names[name]]
            worksheet.freeze_panes = "A2"
            if len(safe.columns):
                worksheet.auto_filter.ref = worksheet.dimensions
    return path


def _excel_compatible(table: pd.DataFrame) -> pd.DataFrame:
    """Excel has no time zones (UTC datetimes written naive), no control characters in cells
    (removed; `text_issues` already notes them), no lists (written as JSON) and 15 digits of
    precision (a longer whole number, an id, written as text); cells are cut at 32,767."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cell(value: object) -> object:
        if isinstance(value, np.ndarray):
            value = value.tolist()
        if isinstance(value, list | tuple | dict):
            value = json.dumps(value, ensure_ascii=False, default=str)
        if isinstance(value, str):
            return ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_CELL_CHARS]
        return value

    out = table.copy()
    for name in out.columns:
        column = out[name]
        if isinstance(column.dtype, pd.DatetimeTZDtype):
            out[name] = column.dt.tz_convert("UTC").dt.tz_localize(None)
        elif pd.api.types.is_integer_dtype(column) and column.abs().ge(EXCEL_EXACT).any():
            out[name] = column.astype("string")
        elif pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column):
            out[name] = column.map(cell, na_action="ignore")
    return out


#: Whole numbers from here on lose digits in Excel, which keeps 15 significant digits.
EXCEL_EXACT = 10**15


#: Excel's longest sheet name.
SHEET_NAME_MAX = 31


def sheet_names(tables: list[str]) -> dict[str, str]:
    """Table name → its sheet's name: Excel's forbidden characters replaced, cut to 31
    characters, and made unique (Excel compares them case-blind) with ``~2``, ``~3``…:
    ``pain_points_journey_stage_resolution_time`` and ``…_resolved_first_contact`` would
    both be ``pain_points_journey_stage_resol`` and the second would overwrite the first."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for table in tables:
        cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in table) or "sheet"
        name, copy = cleaned[:SHEET_NAME_MAX], 1
        while name.casefold() in taken:
            copy += 1
            suffix = f"~{copy}"
            name = cleaned[: SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(name.casefold())
        names[table] = name
    return names


def _ids_replaced(texts: pd.Series, originals: pd.DataFrame, pseudonyms: pd.DataFrame) -> pd.Series:
    """Each text with its row's ids that are PII written as their pseudonyms."""
    out = texts.copy()
    changed = (originals.astype("string") != pseudonyms.astype("string")).fillna(False)
    for position in np.flatnonzero(changed.any(axis=1).to_numpy()):  # rows with a PII id
        text = texts.iat[position]
        if not isinstance(text, str):
            continue
        for column in originals.columns:
            original, pseudonym = originals[column].iat[position], pseudonyms[column].iat[position]
            if isinstance(original, str) and original and original != pseudonym:
                text = text.replace(original, str(pseudonym))
        out.iat[position] = text
    return out


__all__ = [
    "CSV_ENCODING",
    "FORMULA_TRIGGERS",
    "export_table",
    "free_text_columns",
    "is_name_column",
    "neutralise_formula",
    "neutralise_formulas",
    "pseudonymise_pii_id",
    "redact_for_export",
    "restore_formula",
    "text_clean_is_redacted",
    "write_workbook",
]
