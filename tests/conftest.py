"""Fixtures shared across test packages."""

import pytest


@pytest.fixture(scope="session")
def demo_analysis():
    """The whole default analysis of the bundled demo data (run once per test session)."""
    from feedback_nlp.pipeline import analyze, demo_files

    return analyze(demo_files())
