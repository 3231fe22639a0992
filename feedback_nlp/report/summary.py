"""The one-screen summary: scores with their ranges, the costliest themes, what grew.

The same facts feed the page's first section, the Markdown summary and the CLI's closing
lines, so all three say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.insights.core import commented
from feedback_nlp.insights.distinct import Similar
from feedback_nlp.io.scale_hints import FIVE_POINT_CES, ces_looks_five_point
from feedback_nlp.report import methods
from feedback_nlp.report.clear import range_costs
from feedback_nlp.report.co_raised import theme_units, with_co_raised_notes
from feedback_nlp.report.document import Card, Cards, Paragraph, Section
from feedback_nlp.report.outcome_summary import OutcomeTheme, bad_side_of
from feedback_nlp.report.plain import count, count_noun, counted, language_name, percent
from feedback_nlp.report.score_facts import (
    OutcomeFact,
    ScoreFact,
    ThemeFact,
    costliest_themes,
    outcome_facts,
    score_card,
    score_facts,
    theme_card,
)
from feedback_nlp.report.summary_notes import (
    NO_DATES,
    GroupTheme,
    bad_group,
    bad_group_themes,
    duplicates_sentence,
    grown_themes,
    judgement_sentence,
    no_clear_cost,
    no_growth,
    praised_by_bad_group,
    score_drop_sentence,
)
from feedback_nlp.schema import UNDETERMINED_LANGUAGE
from feedback_nlp.score_scales import ScoreScales


@dataclass
class Facts:
    """What the summary says."""

    comments: int  # rows holding a comment
    languages: list[tuple[str, int]]
    channels: list[tuple[str, int]]
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    rejected: int | None  # rows that could not be used, not those set apart by design
    scores: list[ScoreFact] = field(default_factory=list)
    #: Declared outcomes (churned, recommended, resolution time…) over all units.
    outcomes: list[OutcomeFact] = field(default_factory=list)
    costliest: list[ThemeFact] = field(default_factory=list)
    small_costly: int = 0  # themes too small to rank whose range is below 0
    judgements: list[ThemeFact] = field(default_factory=list)  # costly, but judge, not cause
    #: Rows without a comment (a score or an outcome only: the open question skipped).
    score_only: int = 0
    #: Themes every unit raises (no one without them: their cost cannot be measured).
    universal: list[str] = field(default_factory=list)
    #: Without a score: the themes on the first declared outcome's bad side, or with none the
    #: themes that carry the negative comments (`report.outcome_summary`).
    bad_side: list[OutcomeTheme] = field(default_factory=list)
    grew: list[str] = field(default_factory=list)
    #: What "What grew" says when no theme grew: none did, or growth could not be measured.
    no_growth: str = NO_DATES
    top_themes: list[tuple[str, int]] = field(default_factory=list)
    #: What may make the numbers wrong and needs the reader's check (a CES scale read the
    #: wrong way round).
    warnings: list[str] = field(default_factory=list)
    #: With no clear cost: who is on the main score's bad side ("detractors") and the themes
    #: they raise most.
    bad_group: str = ""
    bad_group_themes: list[GroupTheme] = field(default_factory=list)
    #: How many comments repeat an earlier one, when they are a notable share.
    duplicates: str | None = None
    #: A month whose main score fell below the months before it.
    score_drop: str | None = None
    #: Rows set apart by design, per kind (agent turns, staff posts: `report.methods`).
    set_apart: list[tuple[str, int]] = field(default_factory=list)
    #: Comments longer than the encoder reads: their first part alone was read.
    partly_read: int = 0

    @property
    def primary_score(self) -> str | None:
        """The first score present, in the order NPS, CSAT, CES."""
        return self.scores[0].score if self.scores else None


def gather_facts(
    table: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    rejects: pd.DataFrame | None,
    theme_sizes: list[tuple[str, int]],
    judged: frozenset[str] = frozenset(),
    similar: Similar | None = None,
    scales: ScoreScales | None = None,
    main_score: str | None = None,
    unit: str = "auto",
) -> Facts:
    """The summary's facts from the tagged table and the explain tables; the themes in `judged`
    (ids as text: themes that judge the whole experience) are not listed as costliest, and a
    costly theme `similar` to a costlier one is named beside it, not listed again. `unit` is
    the explain tables' unit, by which themes raised together are counted."""
    has_comment = commented(table)
    said = table[has_comment]
    langs = said["lang"].fillna("und").value_counts() if "lang" in said else pd.Series()
    channels = table["channel"].fillna("unknown").value_counts() if "channel" in table else None
    dates = table["created_at"].dropna() if "created_at" in table else pd.Series()
    facts = Facts(
        comments=int(has_comment.sum()),
        score_only=int((~has_comment).sum()),
        languages=[(str(k), int(v)) for k, v in langs.items()],
        channels=[(str(k), int(v)) for k, v in channels.items()] if channels is not None else [],
        first=dates.min() if len(dates) else None,
        last=dates.max() if len(dates) else None,
        rejected=None if rejects is None else len(methods.split_rejects(rejects)[1]),
        set_apart=methods.set_apart_counts(rejects),
        partly_read=methods.comments_read_partly(table),
        scores=score_facts(tables.get("score_metrics"), scales or ScoreScales()),
        outcomes=outcome_facts(tables.get("outcome_metrics")),
        top_themes=theme_sizes[:5],
        warnings=_scale_warnings(table, scales or ScoreScales()),
    )
    facts.scores = _main_first(facts.scores, main_score)
    score = facts.primary_score
    if score and f"theme_impact_{score}" in tables:
        impact, quotes = tables[f"theme_impact_{score}"], tables.get("quotes")
        is_judged = impact["theme"].astype(str).isin(judged)
        facts.costliest = costliest_themes(impact[~is_judged], quotes, score, similar or {})
        if len(facts.costliest) > 1:
            units, drivers = theme_units(table, score, unit), tables.get(f"drivers_{score}")
            facts.costliest = with_co_raised_notes(facts.costliest, units, drivers)
        small = impact["small_n"].fillna(False).astype(bool) & ~is_judged
        facts.small_costly = int((small & range_costs(impact)).sum())
        facts.judgements = costliest_themes(impact[is_judged], quotes, score, similar or {})
        everyone = impact[impact["share_of_units"].astype(float) >= 1]
        facts.universal = [str(label) for label in everyone["theme_label"]]
        if not facts.costliest:
            facts.bad_group = bad_group(score, count_noun(facts.scores[0].units))
            praised = praised_by_bad_group(table, score, scales or ScoreScales(), unit)
            facts.bad_group_themes = bad_group_themes(impact, judged | praised)
    if score:
        units = count_noun(facts.scores[0].units)
        facts.score_drop = score_drop_sentence(tables.get("segments"), score, units)
    facts.duplicates = duplicates_sentence(table, has_comment)
    if not facts.scores:
        facts.bad_side = bad_side_of(table, tables, facts.outcomes, judged, similar or {})
    if "theme_trends" in tables and len(tables["theme_trends"]):
        facts.grew = grown_themes(tables["theme_trends"])
    facts.no_growth = no_growth(tables.get("theme_trends"))
    return facts


def _main_first(scores: list[ScoreFact], main_score: str | None) -> list[ScoreFact]:
    """`scores` with `main_score` first (it leads the report); an error when it is absent."""
    if main_score is None:
        return scores
    present = [s.score for s in scores]
    if main_score not in present:
        raise ConfigError(
            f"the report cannot lead with {main_score.upper()}: these data have "
            f"{', '.join(p.upper() for p in present) or 'no NPS, CSAT or CES scores'}"
        )
    return sorted(scores, key=lambda s: s.score != main_score)


def _scale_warnings(table: pd.DataFrame, scales: ScoreScales) -> list[str]:
    """A CES whose answers all fit 1-5, read on the default 1-7 (the reader's note, repeated
    where the numbers are read)."""
    if "ces" not in table or not ces_looks_five_point(table["ces"], scales):
        return []
    return [
        f"Check the CES scale: {FIVE_POINT_CES}. Until it is declared, a survey that asked on "
        "1-5 has its CES numbers and theme costs read the wrong way round."
    ]


def summary_section(facts: Facts) -> Section:
    """The first, one-screen section of the report."""
    section = Section("summary", "At a glance")
    section.add(Paragraph(_volume_sentence(facts)))
    if partly := methods.partly_read_sentence(facts.partly_read, facts.comments):
        section.add(Paragraph(partly, note=True))
    if facts.duplicates:
        section.add(Paragraph(facts.duplicates))
    if facts.scores:
        cards = [score_card(s) for s in facts.scores]
        section.add(Cards("Scores", cards))
        if facts.score_drop:
            section.add(Paragraph(facts.score_drop))
        for warning in facts.warnings:
            section.add(Paragraph(warning, note=True))
    elif facts.outcomes:
        weighed = f"the themes are weighed by {facts.outcomes[0].outcome}"
        section.add(Paragraph(f"No NPS, CSAT or CES scores in these data: {weighed}."))
    else:
        section.add(Paragraph("No NPS, CSAT or CES scores in these data: text signals only."))
    if facts.outcomes:
        section.add(Cards("Outcomes", [outcome.card() for outcome in facts.outcomes]))
    if facts.bad_side:
        title = facts.bad_side[0].side.title
        section.add(Cards(title, [theme.card() for theme in facts.bad_side]))
    if facts.costliest:
        section.add(Cards("The costliest themes", [theme_card(t) for t in facts.costliest]))
    elif facts.scores:
        units = count_noun(facts.scores[0].units)
        text = no_clear_cost(facts.small_costly, facts.bad_group, facts.bad_group_themes, units)
        section.add(Paragraph(text))
    if facts.universal:
        themes = ", ".join(f"'{label}'" for label in facts.universal)
        every = count_noun(facts.scores[0].units).removesuffix("s")  # "every respondent"
        section.add(
            Paragraph(
                f"Raised by every {every}: {themes}. With no one to compare with, what it "
                "costs cannot be measured; see its score in the themes table."
            )
        )
    if facts.judgements:
        section.add(Paragraph(judgement_sentence(facts.judgements)))
    grew = facts.grew[:3] or [facts.no_growth]
    section.add(Cards("What grew", [Card("", g) for g in grew]))
    return section


def _volume_sentence(facts: Facts) -> str:
    parts = [counted(facts.comments, "comment")]
    if facts.score_only:
        parts.append(
            f"(and {counted(facts.score_only, 'response')} without one: blank, or a non-answer "
            'such as "-" or "n/a")'
        )
    if facts.channels:
        parts.append(f"from {len(facts.channels)} channel{'s' * (len(facts.channels) > 1)}")
    if facts.languages:
        parts.append(_languages_phrase(facts.languages, facts.comments))
    sentence = " ".join(parts)
    if facts.first is not None and facts.last is not None:
        first, last = f"{facts.first:%d %b %Y}", f"{facts.last:%d %b %Y}"
        sentence += f", written {first}" if first == last else f", written {first} to {last}"
    if facts.rejected is not None:
        sentence += f"; {methods.unused_phrase(facts.set_apart, facts.rejected)} (see Methods)"
    return sentence + "."


def _languages_phrase(languages: list[tuple[str, int]], comments: int) -> str:
    """The languages of the comments, e.g. `in 3 languages (German 90 %, English 8 %, French
    2 %; 4 undetermined)`: comments whose language could not be told are counted apart."""
    known = [(code, n) for code, n in languages if code != UNDETERMINED_LANGUAGE]
    unknown = sum(n for code, n in languages if code == UNDETERMINED_LANGUAGE)
    if not known:
        return "of undetermined language"
    if len(known) == 1:
        named = f"in {language_name(known[0][0])}"
        return f"{named} ({count(unknown)} undetermined)" if unknown else named
    shares = [f"{language_name(code)} {_share(n, comments)}" for code, n in known[:3]]
    listed = ", ".join(shares) + (", …" if len(known) > 3 else "")
    listed += f"; {count(unknown)} undetermined" if unknown else ""
    return f"in {len(known)} languages ({listed})"


def _share(part: int, whole: int) -> str:
    """`97 %`, or `<1 %` for a share that would round to nothing."""
    share = 100 * part / max(whole, 1)
    return "<1 %" if 0 < share < 0.5 else percent(share)


#: What each output is, for the CLI's closing lines.
OUTPUT_WORDS = {
    "html": "the insight report (open it in a browser)",
    "markdown": "a short summary for tickets and wikis",
    "xlsx": "every table behind the report, and the tagged comments",
    "tagged": "one row per comment with every tag",
    "tagged_xlsx": "the same, for Excel",
    "rejects": "rows that could not be used, with the reason",
    "tables": "every insight table as CSV",
    "model": "the fitted analysis, to tag new comments",
}


def closing_lines(facts: Facts, paths: dict[str, Path]) -> list[str]:
    """A few lines on what was found and where each output is (the CLI prints them)."""
    lines = [_volume_sentence(facts)]
    lines += [score.text() for score in facts.scores]
    lines += [facts.score_drop] if facts.score_drop else []
    lines += [f"Warning: {warning}" for warning in facts.warnings]
    lines += [p] if (p := methods.partly_read_sentence(facts.partly_read, facts.comments)) else []
    lines += [outcome.text() for outcome in facts.outcomes]
    if facts.top_themes:
        top = ", ".join(f"{label} ({n:,})" for label, n in facts.top_themes[:3])
        lines.append(f"Most mentioned themes: {top}.")
    lines += [f"Costliest: {theme.text()}." for theme in facts.costliest[:3]]
    lines += [f"{theme.side.closing}: {theme.text()}." for theme in facts.bad_side]
    lines.append("")
    width = max((len(str(p)) for p in paths.values()), default=0)
    for name, path in paths.items():
        lines.append(f"  {path!s:{width}s}  {OUTPUT_WORDS.get(name, name)}")
    return lines
