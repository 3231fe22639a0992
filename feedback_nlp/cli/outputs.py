"""What an analysis folder holds besides the outputs the closing lines of `analyze` and
`demo` name from `write_outputs` (report, tagged table, rejects, explain/, model/)."""

from __future__ import annotations

from pathlib import Path


def other_output_words() -> dict[str, str]:
    """Each other file or folder `write_outputs` may write, with what it is."""
    from feedback_nlp.outcomes import OUTCOMES_FILE  # imported here: the CLI starts fast
    from feedback_nlp.score_scales import SCALES_FILE
    from feedback_nlp.segment_columns import SEGMENTS_FILE

    return {
        "tables": "the analysis's own tables as CSV (themes, theme mentions)",
        "read_summary.txt": "what was read from each file, and what was rejected",
        OUTCOMES_FILE: "the outcomes explained beside the scores (declared or found)",
        SEGMENTS_FILE: "the columns declared with --segment",
        SCALES_FILE: "the score scales that are not the default ones",
    }


def other_outputs(folder: Path, listed: dict[str, Path]) -> dict[str, Path]:
    """{what it is: path} for each other output that `folder` holds and `listed` (the paths
    the closing lines name already) does not name."""
    named = {Path(path) for path in listed.values()}
    found = {words: folder / name for name, words in other_output_words().items()}
    return {words: path for words, path in found.items() if path.exists() and path not in named}
