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
