"""scripts/eval_tagging.py: a saved model's themes on new comments, read through a mapping."""

from tests.data.script_loader import load_script


def test_themes_read_through_a_fixed_mapping_give_micro_f1():
    script = load_script("eval_tagging")
    gold = [["food"], ["food", "staff"], ["price"], []]
    themes = [{0}, {0, 1}, {2}, {1}]
    mapping = {0: "food", 1: "food", 2: "staff"}
    # tp: food, food; fp: staff (row 3); fn: staff (row 2), price (row 3); row 4 has no gold
    assert script.mapped_f1(gold, themes, mapping) == round(2 * (2 / 3) * (2 / 4) / (7 / 6), 3)
    assert script.mapped_f1(gold, [set(), set(), set(), set()], mapping) == 0.0
