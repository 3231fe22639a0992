import pandas as pd
import pytest

from feedback_nlp.insights.ranges import names_codes
from feedback_nlp.insights.segments import segment_labels

PLACE_HEADERS = [
    "Store", "Store #", "#", "Branch", "Shop", "Location", "site", "Store Nbr", "Outlet",
    "Depot", "Store Num",
]  # fmt: skip


@pytest.mark.parametrize("name", PLACE_HEADERS)
def test_a_column_naming_a_place_keeps_its_numbers_as_codes(name: str) -> None:
    """Probe 52: 60 store numbers under "Store" or "Store #" were cut into 5 ranges."""
    stores = pd.Series([str(101 + i) for i in range(60)], name=name)
    labels = segment_labels(stores)
    assert labels.nunique() == 60 and not labels.attrs.get("ranges")


@pytest.mark.parametrize(
    "name", ["store_sales", "store_size_sqft", "# of visits", "nbr_of_visits", "num_orders"]
)
def test_a_measure_or_count_named_with_a_place_or_number_is_still_cut(name: str) -> None:
    assert not names_codes(name)
    amounts = pd.Series([str(1000 + 37 * i) for i in range(60)], name=name)
    assert segment_labels(amounts).attrs.get("ranges")


def test_one_amount_written_two_ways_is_one_segment() -> None:
    """The SaaS probe of stop 53: "By MRR" showed "0" (80) and "$0" (35) apart, and "12000"
    beside "$12,000"."""
    mrr = pd.Series(["0"] * 8 + ["$0"] * 3 + ["12000"] * 2 + ["$12,000"] * 3 + ["$49"], name="MRR")
    labels = segment_labels(mrr)
    assert labels.value_counts().to_dict() == {"$0": 11, "$12,000": 5, "$49": 1}
    assert labels.attrs["order"] == ["$0", "$49", "$12,000"]


def test_a_rating_column_is_one_segment_per_whole_number_without_no_answers() -> None:
    """The airline probe of stop 53: "2.0" for 2, and "N/A" and "n.v.t." as ratings."""
    cells = ["2.0", "1.0", "2", "5", "3", "4", "N/A", "n.v.t.", "k.A.", "s/o", "nvt", "-", " "]
    labels = segment_labels(pd.Series(cells, name="Baggage rating"))
    assert sorted(labels.unique()) == ["1", "2", "3", "4", "5"]
    assert labels.value_counts()["2"] == 2 and len(labels) == 6
    assert labels.attrs["order"] == ["1", "2", "3", "4", "5"]


def test_text_and_codes_keep_their_values() -> None:
    plans = pd.Series(["Free", "Pro", "N/A", "Pro"], name="Plan")
    assert segment_labels(plans).tolist() == ["Free", "Pro", "N/A", "Pro"]
    padded = pd.Series(["01", "02", "1"], name="Area")
    assert segment_labels(padded).tolist() == ["01", "02", "1"]
    flights = pd.Series(["1.0", "2"], name="respondent_id")
    assert segment_labels(flights).tolist() == ["1.0", "2"]
