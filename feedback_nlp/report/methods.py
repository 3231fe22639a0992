"""The methods section: models and versions, data counts, rejected rows, what metrics mean."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from feedback_nlp.report.document import Glossary, Paragraph, Section, Table
from feedback_nlp.report.inputs import models_table, package_versions
from feedback_nlp.report.plain import count, counted, glossary
from feedback_nlp.schema import rejected_rows
from feedback_nlp.score_scales import ScoreScales
from feedback_nlp.scores import SMALL_N

ASSOCIATIONS = (
    "Every impact and driver is an association in observational data, not a proven cause: a "
    "theme that goes with low scores may be a symptom of something the data do not show."
)

#: How to rank the themes the report leaves unranked (the summary used to give the command).
SMALL_THEMES = (
    f"Themes of fewer than {SMALL_N} customers are shown but not ranked ('Too few'). To rank "
    "smaller themes too, with wider ranges, run `feedback-nlp explain FOLDER --min-n 15` on "
    "the analysis folder."
)


def rejected_reasons(rejects: pd.DataFrame) -> pd.DataFrame:
    """Rejected rows counted by reason (ids and positions in the reason left out)."""
    if rejects is None or not len(rejects) or "reason" not in rejects:
        return pd.DataFrame(columns=["reason", "rows"])
    general = rejects["reason"].astype(str).map(_general_reason)
    counts = general.value_counts().rename_axis("reason").rename("rows").reset_index()
    return counts


def _general_reason(reason: str) -> str:
    reason = re.sub(r"'[^']*'", "…", reason)
    return re.sub(r"\s*\([^)]*\)", "", reason).strip()


def _add_reasons(section: Section, rejects: pd.DataFrame, header: str, caption: str) -> None:
    reasons = rejected_reasons(rejects)
    if len(reasons):
        frame = reasons.rename(columns={"reason": header, "rows": "Rows"})
        section.add(Table(frame.assign(Rows=frame["Rows"].map(count)), caption))


def methods_section(
    *,
    comments: int,
    source: str,
    rejects: pd.DataFrame | None,
    stages: list[dict[str, Any]],
    meta: dict[str, Any],
    notes: list[str],
    scales: ScoreScales | None = None,
) -> Section:
    """How the numbers were made, for readers who want to check them."""
    section = Section("methods", "Methods")
    where = f" from {source}" if source else ""
    lines = f"{counted(comments, 'comment')}{where}."
    if rejects is not None:
        unused = rejected_rows(rejects)
        flawed = rejects.drop(index=unused.index)  # used, a score or date left empty
        lines += f" {counted(len(unused), 'row')} could not be used"
        if len(flawed):
            lines += f", and {counted(len(flawed), 'row')} used with a score or date left empty"
        lines += "; every one is on the rejects sheet of the workbook, with its reason."
        section.add(Paragraph(lines))
        _add_reasons(section, unused, "Why a row was not used", "Rejected rows.")
        _add_reasons(section, flawed, "What was left empty", "Rows used with a problem.")
    else:
        section.add(Paragraph(lines))
    if stages:
        version = meta.get("feedback_nlp_version")
        fitted = (meta.get("fitted_on") or {}).get("rows")
        text = "The analysis ran these steps"
        if version:
            text += f" (feedback_nlp {version}"
            text += f", fitted on {counted(fitted, 'comment')})" if fitted else ")"
        section.add(Paragraph(text + "."))
        models = models_table(stages).rename(
            columns={
                "step": "Step",
                "what": "What it finds",
                "model": "Model",
                "settings": "Settings",
            }
        )
        section.add(Table(models, "Models and settings.", collapsed=False))
    else:
        section.add(
            Paragraph(
                "The table was tagged elsewhere; pass the analysis output folder to list the "
                "models and settings that tagged it.",
                note=True,
            )
        )
    versions = package_versions().rename(columns={"package": "Package", "version": "Version"})
    section.add(Table(versions, "Software that made this report.", collapsed=True))
    section.add(Paragraph("What the numbers mean:"))
    section.add(Glossary(glossary(scales or ScoreScales())))
    section.add(Paragraph(ASSOCIATIONS))
    section.add(Paragraph(SMALL_THEMES))
    if notes:
        frame = pd.DataFrame({"Note": notes})
        title = "Notes on the analysis: what was skipped, and how units were counted"
        section.add(Table(frame, title, collapsed=True))
    return section
