"""Posts by the company's own side: a role column's staff, and the brand's declared handles."""

import pandas as pd

from feedback_nlp.io.staff import brand_post_reasons, staff_reasons


def _posts(author_header: str = "Author") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Full Text": [
                "modem dead since Monday",
                "Sorry about that! Send us a DM with your postcode",
                "still waiting for the engineer",
                "Sorry about that, we are on it",
            ],
            author_header: ["@some_fan", "@Acme_Help", "@other_fan", "acme_help"],
        }
    )


def test_posts_by_a_declared_brand_handle_are_the_company_side():
    column, reasons = brand_post_reasons(_posts(), ["@ACME_help"], "Author")
    assert column == "Author"
    assert reasons.notna().tolist() == [False, True, False, True]
    assert reasons.iat[1].startswith("a post by an account of the brand (Author '@Acme_Help'")
    assert "keep_staff = true" in reasons.iat[1]


def test_an_author_handle_column_is_found_without_the_respondent_mapping():
    column, reasons = brand_post_reasons(_posts("author.handle"), ["@Acme_Help"])
    assert column == "author.handle"
    assert reasons.notna().sum() == 2


def test_no_declared_handle_or_no_author_post_rejects_nothing():
    assert brand_post_reasons(_posts(), [], "Author")[0] is None
    column, reasons = brand_post_reasons(_posts(), ["@Other_Brand"], "Author")
    assert column is None and reasons.isna().all()


def test_the_handle_in_the_text_or_another_column_is_no_author():
    posts = _posts().assign(Mentions=["@Acme_Help"] * 4)
    posts["Author"] = ["@some_fan", "@other_fan", "@third_fan", "@fourth_fan"]
    column, reasons = brand_post_reasons(posts, ["@Acme_Help"], "Author")
    assert column is None and reasons.isna().all()


def test_a_nested_role_key_is_a_role_column():
    raw = pd.DataFrame({"author.type": ["customer", "brand"], "text": ["slow", "DM us"]})
    column, reasons = staff_reasons(raw)
    assert column == "author.type"
    assert reasons.notna().tolist() == [False, True]
