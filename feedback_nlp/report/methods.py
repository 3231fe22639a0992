"""The methods section: models and versions, data counts, rejected rows, what metrics mean."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from feedback_nlp.report.document import Glossary, Paragraph, Section, Table
from feedback_nlp.report.inputs import models_table, package_versions
from feedback_nlp.report.plain import count, counted, glossary, percent
from feedback_nlp.schema import lists_of, rejected_rows
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


#: Rows set apart by design, not for a fault: how their reason starts (`io.transcript_turns`,
#: `io.staff`) and what the report calls them ("1,200 agent turns set apart").
SET_APART = {
    "an agent turn,": "agent turn",
    "a post by the company's side": "staff post",
    "a post by an account of the brand": "brand post",
}


def set_apart_kind(reason: object) -> str | None:
    """What a rejected row set apart by design is ("agent turn"), or None for a fault."""
    return next((k for start, k in SET_APART.items() if str(reason).startswith(start)), None)


def split_rejects(rejects: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows not used (`rejected_rows`): those set apart by design (agent turns, staff
    posts, the brand's replies), and those that could not be used."""
    unused = rejected_rows(rejects)
    reasons = unused["reason"] if "reason" in unused else pd.Series("", index=unused.index)
    apart = reasons.map(set_apart_kind).notna().astype(bool)
    return unused[apart], unused[~apart]


def set_apart_counts(rejects: pd.DataFrame | None) -> list[tuple[str, int]]:
    """Each kind of row set apart by design and how many, most first."""
    if rejects is None:
        return []
    apart = split_rejects(rejects)[0]
    kinds = apart["reason"].map(set_apart_kind).value_counts() if len(apart) else pd.Series()
    return [(str(kind), int(n)) for kind, n in kinds.items()]


def unused_phrase(set_apart: list[tuple[str, int]], unusable: int) -> str:
    """'1,200 agent turns set apart; 3 rows could not be used': rows set apart on purpose
    are not counted as rows that could not be used."""
    said = [counted(n, kind) for kind, n in set_apart]
    apart = " and ".join([", ".join(said[:-1]), said[-1]] if len(said) > 2 else said)
    unused = f"{counted(unusable, 'row')} could not be used"
    return f"{apart} set apart; {unused}" if apart else unused


def comments_read_partly(table: pd.DataFrame) -> int:
    """Comments longer than the encoder reads (`text_issues` lists ``embedded_partly``)."""
    if "text_issues" not in table:
        return 0
    return int(lists_of(table["text_issues"]).map(lambda kinds: "embedded_partly" in kinds).sum())


#: Share of the comments only partly read above which the summary says so (Methods always).
PARTLY_READ_SHARE = 0.05


def partly_read_sentence(partly: int, comments: int) -> str | None:
    """The summary's line on the `partly` read comments, when more than PARTLY_READ_SHARE."""
    if partly <= PARTLY_READ_SHARE * max(comments, 1):
        return None
    return (
        f"{count(partly)} of {counted(comments, 'comment')} ({percent(100 * partly / comments)})"
        " were longer than the encoder reads: their themes and sentiment read only the first "
        "part (see Methods)."
    )


def partly_read_note(comments: int, stages: list[dict[str, Any]]) -> str:
    """What `comments` longer than the encoder reads mean, and how to read them whole."""
    embed = next((dict(s.get("params", {})) for s in stages if s.get("name") == "embed"), {})
    were = f"{counted(comments, 'comment')} {'was' if comments == 1 else 'were'}"
    windows = embed.get("max_windows", 8)
    if embed.get("windowed"):
        return (
            f"{were} longer than the encoder reads even with `--windowed` ({windows} windows): "
            f"their themes and sentiment read only the first {windows} windows."
        )
    return (
        f"{were} longer than the encoder reads ({embed.get('max_length', 512)} tokens): their "
        "themes and sentiment read only the first part; `--windowed` reads them whole, up to "
        f"{windows} windows each (slower: a run on 60 long call transcripts took about 4× as long)."
    )


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
    partly_read: int = 0,
) -> Section:
    """How the numbers were made, for readers who want to check them; `partly_read`: the
    comments longer than the encoder reads (`comments_read_partly`), noted when any are."""
    section = Section("methods", "Methods")
    where = f" from {source}" if source else ""
    lines = f"{counted(comments, 'comment')}{where}."
    if rejects is not None:
        apart, unused = split_rejects(rejects)
        flawed = rejects.drop(index=rejected_rows(rejects).index)  # a score or date left empty
        lines += f" {unused_phrase(set_apart_counts(rejects), len(unused))}"
        if len(flawed):
            lines += f", and {counted(len(flawed), 'row')} used with a score or date left empty"
        lines += "; every one is on the rejects sheet of the workbook, with its reason."
        section.add(Paragraph(lines))
        _add_reasons(section, apart, "Why a row was set apart", "Rows set apart by design.")
        _add_reasons(section, unused, "Why a row was not used", "Rejected rows.")
        _add_reasons(section, flawed, "What was left empty", "Rows used with a problem.")
    else:
        section.add(Paragraph(lines))
    if partly_read:
        section.add(Paragraph(partly_read_note(partly_read, stages)))
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
