"""Which file column feeds which schema column: explicit mappings and recognition by name."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedback_nlp.errors import ConfigError
from feedback_nlp.io.journey import SECTIONS, Declared, parse_declared
from feedback_nlp.io.score_labels import parse_score_labels
from feedback_nlp.io.scores import EXTRA_SCORE_RANGES
from feedback_nlp.schema import INPUT_COLUMNS
from feedback_nlp.score_scales import ScoreScales, scales_from_table

MAPPABLE = (*INPUT_COLUMNS, *EXTRA_SCORE_RANGES)
#: What [columns] may name: the schema's columns, a review's title, read before the text
#: as one text (`io.titles`), and a per-turn export's speaker column (`io.transcript_turns`).
COLUMN_ROLES = (*MAPPABLE, "title", "role")

#: What a score that cannot be read does to its row. ``"keep-text"`` (the default): the row is
#: kept with the score empty and the problem is listed in the rejects table (``row_kept`` True):
#: the comment is usually the point of the row, and an empty score is left out of every score
#: metric exactly like a missing one, so nothing is made up. A date that cannot be read is
#: treated the same way. ``"reject-row"``: the whole row goes to the rejects table (for
#: score-only analyses that must not mix in rows a tool mangled).
BAD_SCORES = ("keep-text", "reject-row")
DEFAULT_BAD_SCORES = "keep-text"


#: Origin of the mapping made only to carry the scales given (not reported as a mapping).
SCALES_ONLY = "declared scales"
#: Origin of the mapping made only to carry declared outcomes (not reported as a mapping).
OUTCOMES_ONLY = "declared outcomes"
#: Origin of the mapping made only to carry the brand's handles (not reported as a mapping).
BRAND_ONLY = "declared brand handles"
#: The origins of the mappings made to carry what a call declared.
NOT_A_MAPPING = frozenset({SCALES_ONLY, OUTCOMES_ONLY, BRAND_ONLY})


def check_bad_scores(value: str) -> str:
    """`value` if it is a known bad-scores policy; ConfigError otherwise."""
    if value not in BAD_SCORES:
        raise ConfigError(f"bad_scores must be one of {list(BAD_SCORES)}, not {value!r}")
    return value


@dataclass
class ColumnPlan:
    """How a file's columns become the feedback table."""

    columns: dict[str, str] = field(default_factory=dict)  # schema name -> file column
    constants: dict[str, Any] = field(default_factory=dict)  # schema name -> value for every row
    platform: str = "generic"
    date_format: str | None = None
    notes: list[str] = field(default_factory=list)
    bad_scores: str = DEFAULT_BAD_SCORES
    declared: dict[str, Declared] = field(default_factory=dict)  # column -> its own values
    outcomes: dict[str, Any] = field(default_factory=dict)  # name -> OutcomeSpec
    asks_questions: bool = False  # the columns are survey questions (forms, question tables)
    not_scores: dict[str, tuple[str, str]] = field(default_factory=dict)  # column -> score, answer
    score_labels: dict[str, dict[str, int]] = field(default_factory=dict)  # score -> label -> n
    more_texts: list[str] = field(default_factory=list)  # open questions after `text` (io.answers)
    long: bool = False  # rows of questions folded into responses (io.long_format)
    scales: ScoreScales = field(default_factory=ScoreScales)  # CSAT and CES scales
    keep_staff: bool = False  # posts of a role column's staff kept as feedback (io.staff)
    brand_handles: frozenset[str] = frozenset()  # the brand's accounts: their posts are staff's
    #: The wording of an open question whose column is an id (Qualtrics' "Q3"): the
    #: `question` column shows it.
    question_wording: dict[str, str] = field(default_factory=dict)
    title: str | None = None  # a review's title column, read before the text (io.titles)
    title_auto: bool = True  # look for a title beside the text (not when a mapping decided)

    def apply(self, mapping: Mapping | None) -> ColumnPlan:
        """Merge a user's mapping (columns, constants, options) into the plan; returns self."""
        if mapping is not None:
            columns = dict(mapping.columns)
            title = columns.pop("title", None)
            self.merge_explicit(columns, mapping.constants)
            if title is not None or "text" in columns:  # the mapping says what the text is
                self.title, self.title_auto = title or None, False
            self.date_format = mapping.date_format or self.date_format
            self.bad_scores = mapping.bad_scores or self.bad_scores
            self.declared.update(mapping.declared)
            self.outcomes.update(mapping.outcomes)
            self.score_labels.update(mapping.score_labels)
            self.scales = mapping.scales or self.scales
            self.keep_staff = mapping.keep_staff or self.keep_staff
            self.brand_handles = self.brand_handles | mapping.brand_handles
            if "text" in mapping.columns:  # the user's text column(s) replace those detected
                self.more_texts = list(mapping.more_texts)
            mapped = set(self.columns.values())
            self.more_texts = [c for c in self.more_texts if c not in mapped]
        return self

    def merge_explicit(self, explicit: dict[str, str], constants: dict[str, Any]) -> None:
        """Let an explicit mapping override what was recognised for the same name or column."""
        for name, column in explicit.items():
            self.columns = {k: v for k, v in self.columns.items() if v != column and k != name}
            self.columns[name] = column
        self.constants.update(constants)
        for name in constants:
            self.columns.pop(name, None)


@dataclass
class Mapping:
    """A user's column mapping: file columns by schema name, constants and options."""

    columns: dict[str, str] = field(default_factory=dict)
    constants: dict[str, Any] = field(default_factory=dict)
    date_format: str | None = None
    origin: str = "keyword arguments"
    bad_scores: str | None = None
    declared: dict[str, Declared] = field(default_factory=dict)
    outcomes: dict[str, Any] = field(default_factory=dict)  # name -> OutcomeSpec
    score_labels: dict[str, dict[str, int]] = field(default_factory=dict)  # score -> label -> n
    more_texts: list[str] = field(default_factory=list)  # `text = [first, *more_texts]`
    scales: ScoreScales | None = None  # the [scales] table (feedback_nlp.score_scales)
    keep_staff: bool = False  # [options] keep_staff: staff posts are feedback too
    brand_handles: frozenset[str] = frozenset()  # read_many(brand_handles=...) (io.staff)


def load_mapping(
    mapping: str | Path | dict[str, Any] | None,
    columns: dict[str, str],
    data_path: Path,
    bad_scores: str | None = None,
    scales: ScoreScales | None = None,
) -> Mapping | None:
    """Combine `mapping` (dict or TOML path), `<stem>.mapping.toml` beside the file and kwargs.

    `bad_scores`, when given, overrides the mapping's ``[options] bad_scores``. `scales`, when
    given (a model's, or ``read_many(scales=...)``), must agree with the mapping's ``[scales]``.
    """
    if mapping is None:
        beside = data_path.with_name(f"{data_path.stem}.mapping.toml")
        if beside.is_file():
            mapping = beside
    result: Mapping | None = None
    if isinstance(mapping, str | Path):
        path = Path(mapping)
        try:
            content = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read the mapping file {path}: {exc}") from exc
        result = _from_dict(content, origin=str(path))
    elif isinstance(mapping, dict):
        result = _from_dict(mapping, origin="mapping argument")
    if columns:
        result = result or Mapping()
        given, more = _check_columns(columns, "keyword arguments")
        result.columns.update(given)
        if "text" in given:
            result.more_texts = more
    if bad_scores is not None:
        result = result or Mapping()
        result.bad_scores = check_bad_scores(bad_scores)
    if scales is not None and (result is not None or scales != ScoreScales()):
        result = result or Mapping(origin=SCALES_ONLY)
        result.scales = _agreeing(result, scales)
    return result


def _agreeing(mapping: Mapping, scales: ScoreScales) -> ScoreScales:
    """`scales`, when the mapping declares none or the same; ConfigError otherwise."""
    if mapping.scales is not None and mapping.scales != scales:
        raise ConfigError(
            f"{mapping.origin}: [scales] {mapping.scales.declared()} differ from the scales "
            f"given with the model or the call ({scales.declared() or 'the defaults'}); a "
            "survey's scores are read on one scale"
        )
    return scales


def with_outcomes(mapping: Mapping | None, outcomes: dict[str, Any] | None) -> Mapping | None:
    """`mapping` with the declared `outcomes` added (a mapping made for them when none)."""
    if not outcomes:
        return mapping
    mapping = mapping or Mapping(origin=OUTCOMES_ONLY)
    mapping.outcomes.update(outcomes)
    return mapping


def with_brand_handles(mapping: Mapping | None, handles: Iterable[str]) -> Mapping | None:
    """`mapping` with the brand's own `handles` added (a mapping made for them when none)."""
    handles = frozenset(handles)
    if not handles:
        return mapping
    mapping = mapping or Mapping(origin=BRAND_ONLY)
    mapping.brand_handles = mapping.brand_handles | handles
    return mapping


def _from_dict(content: dict[str, Any], origin: str) -> Mapping:
    known = {"columns", "constants", "options", "outcomes", "score_labels", "scales", *SECTIONS}
    if not set(content) <= known:
        # a flat dict {schema name: file column} is accepted as the [columns] table
        if all(isinstance(v, str | list) for v in content.values()) and not set(content) & known:
            content = {"columns": content}
        else:
            raise ConfigError(
                f"{origin}: unknown table(s) {sorted(set(content) - known)}; "
                "a mapping has [columns], [constants], [options], [outcomes], [journey_stages], "
                "[touchpoints], [score_labels] and [scales]"
            )
    options = content.get("options", {})
    unknown_options = set(options) - {"date_format", "bad_scores", "keep_staff"}
    if unknown_options:
        raise ConfigError(f"{origin}: unknown option(s) {sorted(unknown_options)} in [options]")
    columns, more_texts = _check_columns(content.get("columns", {}), origin)
    scales = _scales(content.get("scales"), origin)
    return Mapping(
        columns=columns,
        more_texts=more_texts,
        constants=_check_names(content.get("constants", {}), origin, "constants"),
        date_format=options.get("date_format"),
        origin=origin,
        outcomes=_outcomes(content.get("outcomes", {}), origin),
        bad_scores=check_bad_scores(options["bad_scores"]) if "bad_scores" in options else None,
        declared={
            SECTIONS[name][0]: parse_declared(name, content[name], origin)
            for name in SECTIONS
            if name in content
        },
        score_labels=parse_score_labels(
            content.get("score_labels", {}), origin, scales.ranges() if scales else None
        ),
        scales=scales,
        keep_staff=_flag(options.get("keep_staff", False), origin, "keep_staff"),
    )


def _flag(value: object, origin: str, name: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{origin}: [options] {name} must be true or false, not {value!r}")
    return value


def _scales(table: object, origin: str) -> ScoreScales | None:
    """The scales of a ``[scales]`` table (None where the mapping has none)."""
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{origin}: [scales] must be a table like csat = [1, 10]")
    return scales_from_table(table, origin)


def _outcomes(table: dict[str, Any], origin: str) -> dict[str, Any]:
    """The declared outcomes of an ``[outcomes]`` table (see feedback_nlp.outcomes)."""
    from feedback_nlp.outcomes import specs_from_mapping

    return specs_from_mapping(table, origin)


def _check_names(
    table: dict[str, Any], origin: str, what: str, known: tuple[str, ...] = MAPPABLE
) -> dict[str, Any]:
    unknown = [name for name in table if name not in known]
    if unknown:
        raise ConfigError(
            f"{origin}: [{what}] names {unknown}, which are not feedback table columns; "
            f"use one of {list(known)}"
        )
    return dict(table)


def _check_columns(table: dict[str, Any], origin: str) -> tuple[dict[str, str], list[str]]:
    """The [columns] table, and the open questions after the first when `text` is a list
    (`text = ["Why?", "Anything else?"]`: one row per answer, `io.answers`)."""
    checked = _check_names(table, origin, "columns", COLUMN_ROLES)
    texts = checked.get("text")
    more: list[str] = []
    if isinstance(texts, list) and texts and all(isinstance(t, str) for t in texts):
        if len(set(texts)) < len(texts):
            raise ConfigError(f"{origin}: [columns] text names a column twice: {texts}")
        checked["text"], more = texts[0], texts[1:]
    bad = {k: v for k, v in checked.items() if not isinstance(v, str)}
    if bad:
        raise ConfigError(
            f"{origin}: [columns] values must be file column names (text may be a list of "
            f"them, one row per answer), got {bad}"
        )
    _check_fed_once({**checked, **{f"text ({c})": c for c in more}}, origin)
    return checked, more


def _check_fed_once(columns: dict[str, str], origin: str) -> None:
    """ConfigError when one file column is mapped to two schema columns (the later one
    would take it and the earlier one be searched for in vain)."""
    names: dict[str, str] = {}
    for name, column in columns.items():
        if column in names:
            raise ConfigError(
                f"{origin}: the file column '{column}' is mapped to both {names[column]} and "
                f"{name}; a file column feeds one schema column"
            )
        names[column] = name
