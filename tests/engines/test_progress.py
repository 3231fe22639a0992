"""The progress bar's estimate of the total from the bytes read so far, and its log lines."""

from feedback_nlp.engines.progress import Progress


def test_total_is_estimated_from_bytes_and_fixed_at_the_end():
    with Progress(total_bytes=1000, enabled=False) as bar:
        bar.advance(10, 100)
        assert bar.bar.total == 100
        bar.advance(10, 500, skipped=True)
        assert bar.bar.total == 40
    assert bar.bar.total == 20


def test_a_total_read_ahead_of_the_chunks_stays_unknown():
    """A file under the reader's 1 MB block is read whole by the first chunk: before stop 48
    the bar read 100 % with 0 s left after every chunk."""
    with Progress(total_bytes=1000, enabled=False) as bar:
        bar.advance(100, 1000)
        assert bar.bar.total is None
        bar.advance(100, 1000)
        assert bar.bar.total is None
    assert bar.bar.total == 200


def test_a_log_file_gets_one_line_per_chunk(capsys, monkeypatch):
    """With stderr not a terminal (pytest captures it) the bar is off and a line says how
    far the job is; before stop 48 a scheduled job's log stayed empty for minutes."""
    from feedback_nlp import progress

    monkeypatch.setattr(progress, "_default", [None])  # an earlier CLI test ran --quiet
    monkeypatch.delenv(progress.ENV_VAR, raising=False)
    with Progress(total_bytes=1000) as bar:
        bar.advance(250, 250)
        bar.advance(250, 500, skipped=True)  # finished chunks skipped: no line
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("tagged 250 comments of about 1,000 (25 %)")
    assert "comments/s" in lines[0] and "left" in lines[0]
    with Progress(total_bytes=1000, enabled=False) as quiet:
        quiet.advance(250, 250)
    assert capsys.readouterr().err == ""


def test_no_log_lines_when_progress_is_switched_off(capsys, monkeypatch):
    """Found by a reviewer: FEEDBACK_NLP_PROGRESS=0 and quiet() still let the lines through."""
    from feedback_nlp import progress

    monkeypatch.setenv(progress.ENV_VAR, "0")
    with Progress(total_bytes=1000) as bar:
        bar.advance(250, 250)
    monkeypatch.delenv(progress.ENV_VAR)
    with progress.quiet(), Progress(total_bytes=1000) as bar:
        bar.advance(250, 250)
    assert capsys.readouterr().err == ""
