import os
from pathlib import Path, PurePosixPath

import pandas as pd
import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io.frame_input import checked_paths
from feedback_nlp.io.reader import read_feedback


class CloudPath(os.PathLike):
    """A path type of another library: only ``__fspath__``."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return self.path


def test_any_path_like_is_read_as_the_path_it_names(tmp_path: Path) -> None:
    file = tmp_path / "week.csv"
    file.write_text("comment\nthe parcel came late\n", encoding="utf-8")
    for given in (PurePosixPath(file), CloudPath(str(file))):
        assert read_feedback(given).table["text"].tolist() == ["the parcel came late"]


def test_paths_come_back_as_str_or_path() -> None:
    assert checked_paths(["a.csv", CloudPath("b.csv")], "read_many") == ["a.csv", Path("b.csv")]
    assert checked_paths(PurePosixPath("c.csv"), "read_feedback") == [Path("c.csv")]


@pytest.mark.parametrize("given", [42, ["a.csv", 3.5]])
def test_something_that_is_no_path_is_refused_by_its_type_not_as_a_data_frame(
    given: object,
) -> None:
    with pytest.raises(TypeError, match=r"read_many\(\) reads files, and was given (int|float)"):
        checked_paths(given, "read_many")


def test_a_series_among_the_paths_points_to_tag_frame() -> None:
    with pytest.raises(ReadError, match=r"given a Series among the paths.*tag_frame"):
        checked_paths(["a.csv", pd.Series(["late"])], "read_many")
