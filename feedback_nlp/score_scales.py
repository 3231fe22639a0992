"""The scales of the CSAT and CES questions, and the answers that count as satisfied or easy.

NPS is 0-10 by definition. CSAT defaults to 1-5 (4-5 satisfied) and CES to the CES 2.0
agreement scale 1-7 (5-7 easy). A survey asked on another scale declares it in its mapping's
``[scales]`` table (or with ``scales=ScoreScales(...)`` from Python), with the answers that
count, which the toolkit never guesses (is 8 on a 1-10 CSAT satisfied? is 1 on a 1-5 CES
easy?)::

    [scales]
    csat = [1, 10]
    csat_satisfied = [9, 10]
    ces = [1, 5]
    ces_low_effort = [4, 5]   # "1 = very difficult, 5 = very easy"; [1, 2] where 1 = very easy

Answers outside a declared scale are rejected on reading like any out-of-range score. The
analysis keeps non-default scales in ``scales.json`` in its folder, its model folder and the
folders of the tagging jobs made with that model, so `explain`, `report` and every job report
read the scores as the analysis did. A light module (no pandas).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import SCORE_RANGES

#: The file, in an analysis folder, its model folder and its tagging jobs' folders.
SCALES_FILE = "scales.json"
#: Keys of a ``[scales]`` table: a scale, and the answers of it that count.
SCALE_KEYS = {"csat": "csat_satisfied", "ces": "ces_low_effort"}


@dataclass(frozen=True)
class ScoreScales:
    """Scales and the answers that count as 'satisfied' (CSAT) or 'low effort' (CES).

    The CES default follows CES 2.0 ("the company made it easy", 1 = strongly disagree,
    7 = strongly agree): answers 5-7 are low effort. For an effort scale where 1 means the
    least effort, pass ``ces_low_effort=(1, 3)``.
    """

    nps: tuple[int, int] = SCORE_RANGES["nps"]
    csat: tuple[int, int] = SCORE_RANGES["csat"]
    ces: tuple[int, int] = SCORE_RANGES["ces"]
    csat_satisfied: tuple[int, int] = (4, 5)
    ces_low_effort: tuple[int, int] = (5, 7)
    extra: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Pairs kept as tuples (scales given as lists compare equal) and checked as a
        ``[scales]`` table is: ``ScoreScales(csat=(1, 10))`` without the answers that count
        is refused, as in a mapping."""
        for name in ("nps", "csat", "ces", "csat_satisfied", "ces_low_effort"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "extra", {k: tuple(v) for k, v in self.extra.items()})
        _check({key: getattr(self, key) for key in _DEFAULTS}, "ScoreScales")

    def range_of(self, column: str) -> tuple[int, int]:
        """The allowed (low, high) of a score column."""
        return self.ranges()[column]

    def ranges(self) -> dict[str, tuple[int, int]]:
        """The allowed (low, high) of every score column these scales know."""
        return {"nps": self.nps, "csat": self.csat, "ces": self.ces, **self.extra}

    def higher_is_better(self, score: str) -> bool:
        """Is a higher answer the better one? NPS yes; CSAT or CES when the answers that
        count (satisfied, low effort) are not the scale's lowest (a CES of 1 = very easy: no)."""
        counted = self.counted(score)
        return counted is None or counted[0] > self.range_of(score)[0]

    def counted(self, score: str) -> tuple[int, int] | None:
        """The answers that count as satisfied (csat) or low effort (ces); None for others."""
        return {"csat": self.csat_satisfied, "ces": self.ces_low_effort}.get(score)

    def declared(self) -> dict[str, list[int]]:
        """The CSAT and CES settings that differ from the defaults, as a ``[scales]`` table."""
        default = asdict(ScoreScales())
        mine = asdict(self)
        keys = [*SCALE_KEYS, *SCALE_KEYS.values()]
        return {key: list(mine[key]) for key in keys if mine[key] != default[key]}


def scales_from_table(table: Mapping[str, object], origin: str) -> ScoreScales:
    """The scales a ``[scales]`` table (or scales.json) declares; ConfigError naming `origin`
    and the entry for anything malformed."""
    if "nps" in table:
        raise ConfigError(f"{origin}: [scales] nps: NPS is 0-10 by definition; remove the entry")
    unknown = sorted(set(table) - {*SCALE_KEYS, *SCALE_KEYS.values()})
    if unknown:
        raise ConfigError(
            f"{origin}: [scales] has unknown entries {unknown}; known: "
            + ", ".join(f"{scale}, {counted}" for scale, counted in SCALE_KEYS.items())
        )
    settings = {key: _pair(table, key, origin, default) for key, default in _DEFAULTS.items()}
    _check(settings, origin)
    return ScoreScales(**settings)


#: The CSAT and CES settings of ScoreScales() (the defaults; NPS is not one).
_DEFAULTS = {
    "csat": SCORE_RANGES["csat"],
    "csat_satisfied": (4, 5),
    "ces": SCORE_RANGES["ces"],
    "ces_low_effort": (5, 7),
}


def _check(settings: Mapping[str, tuple[int, int]], origin: str) -> None:
    """ConfigError naming `origin` and the entry when a scale or its counted band is wrong."""
    for scale, counted in SCALE_KEYS.items():
        low, high = settings[scale]
        if low >= high:
            raise ConfigError(f"{origin}: [scales] {scale} = [{low}, {high}]: low must be < high")
        band = settings[counted]
        if (low, high) != _DEFAULTS[scale] and band == _DEFAULTS[counted]:
            raise ConfigError(
                f"{origin}: [scales] {scale} = [{low}, {high}] needs {counted} too, the answers "
                f"that count (e.g. {counted} = [{high - 1}, {high}]); it is never guessed"
            )
        if not low <= band[0] <= band[1] <= high:
            raise ConfigError(
                f"{origin}: [scales] {counted} = {list(band)} is not within {scale} {low}-{high}"
            )
        if (band[0] == low) == (band[1] == high):  # the whole scale, or neither end
            raise ConfigError(
                f"{origin}: [scales] {counted} = {list(band)} must run from one end of {scale} "
                f"{low}-{high} and not to the other (e.g. [{high - 1}, {high}] or [{low}, "
                f"{low + 1}]): the other answers are the bad side every analysis compares"
            )


def _pair(
    table: Mapping[str, object], key: str, origin: str, default: tuple[int, int] | None
) -> tuple[int, int]:
    """The two whole numbers of entry `key` (`default` when absent)."""
    if key not in table:
        assert default is not None
        return default
    value = table[key]
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise ConfigError(
            f"{origin}: [scales] {key} must be two whole numbers like [1, 5], got {value!r}"
        )
    return (value[0], value[1])


def model_scales(model: Path, given: ScoreScales | None) -> ScoreScales:
    """A saved model's scales (its scales.json); `given` scales must be the same: a model's
    jobs read scores as its analysis read them, and their reports count on its scales."""
    kept = read_scales(model)
    if given is not None and given != kept:
        raise ConfigError(
            f"scales={given.declared() or 'the defaults'} differ from the model's "
            f"({kept.declared() or 'the defaults'}, {model}): a model's jobs read scores on "
            "its scales; fit a model on the survey's scales instead"
        )
    return kept


def write_scales(folder: Path, scales: ScoreScales) -> None:
    """Keep non-default scales in `folder` (default scales: the file is removed)."""
    path = folder / SCALES_FILE
    declared = scales.declared()
    if declared:
        path.write_text(json.dumps(declared), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def read_scales(folder: Path) -> ScoreScales:
    """The scales kept in `folder` (the defaults when it has none)."""
    path = folder / SCALES_FILE
    if not path.is_file():
        return ScoreScales()
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: expected a JSON object like {{"csat": [1, 10], ...}}')
    return scales_from_table(table, str(path))


def describe_scales(scales: ScoreScales) -> str:
    """The declared scales in words, for read summaries and notes ('' for the defaults)."""
    parts = []
    declared = scales.declared()
    for scale, counted in SCALE_KEYS.items():
        if scale in declared or counted in declared:
            low, high = scales.range_of(scale)
            band = scales.counted(scale)
            assert band is not None
            parts.append(f"{scale} {low}-{high} (counted: {band[0]}-{band[1]})")
    return ", ".join(parts)


def one_scale(files: list[dict[str, object]]) -> dict[str, list[int]]:
    """The scales every file of a read declares (its info's "scales"); ConfigError naming two
    files that differ: their scores cannot be counted together."""
    declared = [dict(f.get("scales") or {}) for f in files]  # type: ignore[call-overload]
    for other, scales in zip(files[1:], declared[1:], strict=True):
        if scales != declared[0]:
            raise ConfigError(
                f"{files[0].get('file')} and {other.get('file')} are read on different scales "
                f"({declared[0] or 'the defaults'} and {scales or 'the defaults'}): give every "
                "file the same [scales], or analyse them apart"
            )
    return declared[0] if declared else {}
