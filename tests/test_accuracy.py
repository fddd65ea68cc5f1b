"""Extraction accuracy on the hand-annotated golds (floors set at the measured level minus a margin)."""
import contextlib
import io

import pandas as pd
import pytest

from helpers import paths
from helpers.attribute import extract_corpus
from helpers.evaluate import evaluate

SEEDS_GOLD = paths.SHARED / "gold" / "seeds_gold.csv"
DEV_GOLD = paths.SHARED / "dev" / "gold.csv"

# measured: seeds strict 0.967 / lenient 0.982; dev strict 0.804 / lenient 0.944
FLOORS = {
    "seeds": {"strict": 0.95, "lenient": 0.97},
    "dev": {"strict": 0.78, "lenient": 0.92},
}
# per indicator with >= 5 gold rows on the seeds (strict F1)
SEED_INDICATOR_FLOOR = 0.82


@pytest.fixture(scope="module")
def panel():
    from helpers.ingest import ingest_dir
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        _, docs = ingest_dir(paths.RAW, progress=False)
    rows, _ = extract_corpus(docs)
    return rows


def _gold(path):
    if not path.exists():
        pytest.skip(f"gold file not available: {path}")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.mark.parametrize("name, path", [("seeds", SEEDS_GOLD), ("dev", DEV_GOLD)])
def test_overall_f1_floor(panel, name, path):
    res = evaluate(_gold(path), panel)
    for mode, floor in FLOORS[name].items():
        f1 = res[mode]["overall"]["f1"]
        assert f1 >= floor, f"{name} {mode} F1 {f1:.3f} fell below {floor}"


def test_seed_indicators_floor(panel):
    res = evaluate(_gold(SEEDS_GOLD), panel)
    low = {k: round(v["f1"], 3) for k, v in res["strict"]["per_indicator"].items()
           if v["gold"] >= 5 and v["f1"] < SEED_INDICATOR_FLOOR}
    assert not low, f"indicators below {SEED_INDICATOR_FLOOR}: {low}"
