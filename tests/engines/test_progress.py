"""The progress bar's estimate of the total from the bytes read so far."""

from feedback_nlp.engines.progress import Progress


def test_total_is_estimated_from_bytes_and_fixed_at_the_end():
    with Progress(total_bytes=1000, enabled=False) as bar:
        bar.advance(10, 100)
        assert bar.bar.total == 100
        bar.advance(10, 500, skipped=True)
        assert bar.bar.total == 40
    assert bar.bar.total == 20
