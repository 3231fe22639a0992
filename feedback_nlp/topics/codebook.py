"""Codebooks: named customer-experience themes with descriptions, examples and keyword rules.

A codebook is a TOML or YAML file (the built-in one is ``feedback_nlp/data/codebook/
cx_core.toml``)::

    [codebook]
    name = "my-codebook"

    [[theme]]
    id = "late_delivery"                 # stable id: keeps its name across runs
    level = "category"                   # "category" (default) or "theme"
    description = "Orders arriving after the promised date."
    name = { en = "Late delivery", fr = "Livraison en retard" }
    examples = { en = ["my parcel came a week late"], fr = ["colis arrivé en retard"] }
    rules = ['"late" NEAR "delivery"', '"never arrived"']   # optional
    judgement = false                    # optional: true for judgements of the whole experience

    [content_free]                       # optional: replies that say nothing, per language,
    nl = ["n.v.t.", "geen idee"]          # added to the built-in lists (replace = true:
                                         # instead of them); "n.v.t." also reads "nvt"

Entries of level ``category`` name the upper level: each discovered theme is filed under the
entry most of its units match (see `feedback_nlp.topics.matching`). Entries of level
``theme`` are themes of their own: units that match them are not clustered. An entry with
``judgement = true`` ("Overall experience": "really pleased", "never again") says how
customers feel, not why: reports list its themes apart from the causes.
"""

from __future__ import annotations

import codecs
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics.codebook_format import (  # also imported from here
    HEADER_KEYS,
    LEVELS,
    TOP_KEYS,
    Codebook,
    CodebookEntry,
    content_free_lists,
    parse_codebook,
)

__all__ = ["BUILTIN", "HEADER_KEYS", "LEVELS", "TOP_KEYS", "Codebook", "CodebookEntry",
           "builtin_content_free", "builtin_path", "codebook_text", "load_codebook",
           "parse_codebook"]  # fmt: skip

BUILTIN = "builtin"


def builtin_path() -> Path:
    """Where the built-in customer-experience codebook lives."""
    return Path(str(resources.files("feedback_nlp") / "data" / "codebook" / "cx_core.toml"))


@lru_cache(maxsize=1)
def _builtin_content_free() -> tuple[tuple[str, tuple[str, ...]], ...]:
    document = tomllib.loads(builtin_path().read_text(encoding="utf-8"))
    lists = content_free_lists(document.get("content_free", {}), str(builtin_path()))
    return tuple((lang, tuple(items)) for lang, items in sorted(lists.items()))


def builtin_content_free() -> dict[str, list[str]]:
    """The built-in codebook's content-free replies per language (no embedding needed)."""
    return {lang: list(items) for lang, items in _builtin_content_free()}


def load_codebook(source: str | Path) -> Codebook:
    """Read and validate a codebook file (TOML or YAML), or ``"builtin"``."""
    path = builtin_path() if str(source) == BUILTIN else Path(source)
    if not path.is_file():
        raise ConfigError(f"{path}: codebook file not found")
    text = codebook_text(path)
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            document = yaml.safe_load(text)
        else:
            document = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError) as error:
        raise ConfigError(f"{path}: not a valid codebook file ({error})") from error
    except Exception as error:  # yaml.YAMLError and friends
        raise ConfigError(f"{path}: not a valid codebook file ({error})") from error
    builtin = None if str(source) == BUILTIN else builtin_content_free()
    book = parse_codebook(document, str(path), builtin)
    book.source = BUILTIN if str(source) == BUILTIN else str(path)
    return book


def codebook_text(path: Path) -> str:
    """The text of a codebook file: UTF-8 (Notepad may start it with a byte-order mark) or
    UTF-16 with its byte-order mark; any other encoding is refused with what to do, never
    guessed (a wrong guess would make rules that never fire)."""
    data = path.read_bytes()
    encoding = "utf-16" if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"{path}: the codebook is not saved as UTF-8 (byte {error.start} is not UTF-8 "
            "text; Shift-JIS, GBK or another legacy encoding?): save it as UTF-8"
        ) from error
