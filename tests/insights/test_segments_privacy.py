import numpy as np
import pandas as pd
import pytest

from feedback_nlp.insights import segment_metrics
from feedback_nlp.outcomes import OutcomeSpec


def staff(sizes: dict[str, int]) -> pd.DataFrame:
    """One answer per employee: an eNPS, a 1-5 Likert item and a department."""
    departments = [d for d, size in sizes.items() for _ in range(size)]
    count = len(departments)
    return pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(count)],
            "department": departments,
            "nps": pd.array([(3 * i) % 11 for i in range(count)], dtype="Int64"),
            "valued": [1 + (2 * i) % 5 for i in range(count)],
        }
    )


def rows_of(result: pd.DataFrame, segment: str) -> pd.DataFrame:
    return result[(result["dimension"] == "department") & (result["segment"] == segment)]


def test_a_group_below_the_threshold_has_its_values_suppressed_with_the_reason() -> None:
    """Probe 52: Legal (3 people) showed an eNPS of -100 and its mean answer."""
    table = staff({"Engineering": 12, "Sales": 9, "HR": 4, "Legal": 3})
    valued = [OutcomeSpec("valued", "numeric")]
    result = segment_metrics(table, by=["department"], outcomes=valued, min_group_size=5)
    for small in ("HR", "Legal"):
        hidden = rows_of(result, small)
        assert set(hidden["metric"]) >= {"nps", "comments", "valued_mean"}
        assert hidden["suppressed"].all()
        assert hidden[["value", "n", "ci_low", "ci_high"]].isna().all().all()
        assert hidden["suppressed_reason"].str.contains("fewer than 5").all()
    for large in ("Engineering", "Sales"):
        shown = rows_of(result, large)
        assert not shown["suppressed"].any() and shown["value"].notna().all()


def test_a_lone_small_group_hides_the_next_smallest_so_subtraction_cannot_find_it() -> None:
    table = staff({"Engineering": 12, "Sales": 9, "Finance": 6, "Legal": 3})
    result = segment_metrics(table, by=["department"], min_group_size=5)
    hidden = result.loc[result["suppressed"], ["segment", "suppressed_reason"]].drop_duplicates()
    assert sorted(hidden["segment"]) == ["Finance", "Legal"]
    assert "subtraction" in hidden.set_index("segment").loc["Finance", "suppressed_reason"]


def test_without_a_threshold_small_groups_keep_their_values() -> None:
    result = segment_metrics(staff({"Sales": 9, "Legal": 3}), by=["department"])
    assert "suppressed" not in result and rows_of(result, "Legal")["value"].notna().all()


def test_a_segments_mean_range_stays_within_the_values_the_outcome_takes() -> None:
    """Probe 52: Legal's 1-5 answers 1, 3, 5 gave a 95 % range of -1.30 to 7.30."""
    table = staff({"Sales": 20, "Legal": 3}).assign(valued=[1, 2, 3, 4, 5] * 4 + [1, 3, 5])
    result = segment_metrics(table, by=["department"], outcomes=[OutcomeSpec("valued", "numeric")])
    legal = rows_of(result, "Legal").set_index("metric").loc["valued_mean"]
    assert legal["value"] == pytest.approx(3.0)
    assert (legal["ci_low"], legal["ci_high"]) == (pytest.approx(1.0), pytest.approx(5.0))
    sales = rows_of(result, "Sales").set_index("metric").loc["valued_mean"]
    assert 1 < sales["ci_low"] < sales["value"] < sales["ci_high"] < 5
    assert np.isfinite(sales[["ci_low", "ci_high"]].astype(float)).all()
