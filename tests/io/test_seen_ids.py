"""SeenIds: a compact response_id -> place mapping that behaves like the dict it replaces."""

from feedback_nlp.io.seen_ids import SeenIds


def test_behaves_like_a_dict_across_folds():
    seen = SeenIds(recent_limit=5)
    plain: dict[str, str] = {}
    for i in range(200):
        key = f"id-{i * 7 % 131}"
        assert seen.get(key) == plain.get(key)
        if key not in plain:
            plain[key] = f"file{i % 3}.csv:{i + 2}"
            seen[key] = plain[key]
    assert len(seen) == len(plain)
    for key, place in plain.items():
        assert seen.get(key) == place
        assert key in seen
    assert seen.get("never") is None
    assert "never" not in seen


def test_places_keep_file_names_with_colons_and_big_line_numbers():
    seen = SeenIds(recent_limit=1)
    seen["a"] = "C:data.csv:123456789"
    seen["b"] = "x.csv:1"
    seen["c"] = f"y.csv:{2**33}"
    assert seen.get("a") == "C:data.csv:123456789"
    assert seen.get("b") == "x.csv:1"
    assert seen.get("c") == f"y.csv:{2**33}"


def test_segments_merge_like_a_binary_counter():
    seen = SeenIds(recent_limit=2)
    for i in range(2 * 13):
        seen[f"k{i}"] = f"f.csv:{i + 1}"
    sizes = [len(segment[0]) for segment in seen._segments]
    assert sizes == [16, 8, 2]  # 13 folds of 2 = 0b1101
    assert all(seen.get(f"k{i}") == f"f.csv:{i + 1}" for i in range(26))
