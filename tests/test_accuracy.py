"""Extraction accuracy on the hand-annotated golds (floors set at the measured level minus a margin).

The held-out sets (tests/heldout, tests/heldout2) were written by colleagues who never saw the rules:
their floors guard against rules that only fit the seeds and dev reports. heldout2 scored 0.905 / 0.974
before round 3 fixed general rules its misses pointed to, so it is in-sample from round 3 on; heldout3
scored 0.944 / 0.965 before round 4, and is in-sample from round 4 on; heldout4 scored 0.674 / 0.944
on the round-4 rules and 0.868 / 0.966 after the fixes it pointed to (the page-header 我县 rule).
"""
import contextlib
import io

import pandas as pd
import pytest

from helpers import paths
from helpers.attribute import extract_corpus
from helpers.evaluate import evaluate

SEEDS_GOLD = paths.SHARED / "gold" / "seeds_gold.csv"
DEV_GOLD = paths.SHARED / "dev" / "gold.csv"
HELDOUT = paths.ROOT / "tests" / "heldout"
HELDOUT2 = paths.ROOT / "tests" / "heldout2"
HELDOUT3 = paths.ROOT / "tests" / "heldout3"
HELDOUT4 = paths.ROOT / "tests" / "heldout4"

# measured (round 4): seeds 0.969 / 0.985; dev 0.936 / 0.981; held-out 0.990 / 0.995; heldout2 0.994 / 1.000;
# heldout3 0.997 / 0.997 (0.944 / 0.965 before round 4)
# measured (round 3): seeds strict 0.969 / lenient 0.985; dev 0.936 / 0.981; held-out 0.990 / 0.995;
# heldout2 0.988 / 1.000
# (round 2 was seeds 0.967 / 0.982, dev 0.906 / 0.972, held-out 0.974 / 0.995, heldout2 0.905 / 0.974)
# The shared gold was unified under conventions v2 (shared/*/CHANGES.md): on it the round-4 rules
# score seeds 0.923 / 0.979 and dev 0.871 / 0.972. Floors are that first look on the new gold
# minus a margin, so they guard against regressions without encoding today's exact output.
FLOORS = {
    "seeds": {"strict": 0.90, "lenient": 0.96},
    "dev": {"strict": 0.85, "lenient": 0.95},
    "heldout": {"strict": 0.96, "lenient": 0.98},
    "heldout2": {"strict": 0.96, "lenient": 0.98},
    "heldout3": {"strict": 0.96, "lenient": 0.98},
    "heldout4": {"strict": 0.84, "lenient": 0.94},
}
# per indicator with >= 5 gold rows on the seeds (strict F1); on the unified gold the weakest are
# projects 0.727 and investment 0.762 (their recipients became the donor's complete set)
SEED_INDICATOR_FLOOR = 0.70


def _extract(folder):
    from helpers.ingest import ingest_dir
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        _, docs = ingest_dir(folder, out_dir=None, progress=False)   # nothing written to data/clean
    rows, _ = extract_corpus(docs)
    return rows


@pytest.fixture(scope="module")
def panel():
    return _extract(paths.RAW)


def _heldout(folder):
    if not (folder / "docs").is_dir():
        pytest.skip(f"held-out documents not available: {folder}")
    return _extract(folder / "docs")


def _gold(path):
    if not path.exists():
        pytest.skip(f"gold file not available: {path}")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _check(name, res):
    for mode, floor in FLOORS[name].items():
        f1 = res[mode]["overall"]["f1"]
        assert f1 >= floor, f"{name} {mode} F1 {f1:.3f} fell below {floor}"


@pytest.mark.parametrize("name, path", [("seeds", SEEDS_GOLD), ("dev", DEV_GOLD)])
def test_overall_f1_floor(panel, name, path):
    _check(name, evaluate(_gold(path), panel))


HELDOUTS = {"heldout": HELDOUT, "heldout2": HELDOUT2, "heldout3": HELDOUT3, "heldout4": HELDOUT4}


@pytest.mark.parametrize("name", sorted(HELDOUTS))
def test_heldout_f1_floor(name):
    folder = HELDOUTS[name]
    _check(name, evaluate(_gold(folder / "gold.csv"), _heldout(folder)))


def test_seed_indicators_floor(panel):
    res = evaluate(_gold(SEEDS_GOLD), panel)
    low = {k: round(v["f1"], 3) for k, v in res["strict"]["per_indicator"].items()
           if v["gold"] >= 5 and v["f1"] < SEED_INDICATOR_FLOOR}
    assert not low, f"indicators below {SEED_INDICATOR_FLOOR}: {low}"
