"""Extraction accuracy on every hand-annotated gold set, each read as an unseen folder.

Each set's report files are copied into an empty folder (no SOURCES.csv, no pairings or
corrections), ingested and extracted, and scored with the reference scorer's matching rule
(``helpers.evaluate``), as the hidden sets are. Floors are regression guards: the score
measured on the unified gold (conventions v2) minus a margin, never the score to the digit.

Honest reading: seeds, dev, dev2 and dev3 were all used to build the rules, so they are not
estimates of accuracy on unseen reports. The first looks, before any rule saw a set, were
(strict / lenient, reference scorer): dev2 0.401 / 0.751 and dev3 0.538 / 0.815 on the old
rules; dev3 0.503 / 0.812 on the new grammar tuned on seeds, dev and dev2 only. The held-out
sets under tests/heldout* were written by colleagues and are synthetic (kinder than real pages).
"""
import contextlib
import io
import shutil

import pandas as pd
import pytest

from helpers import paths
from helpers.evaluate import evaluate, gold_sets
from helpers.extract import extract_corpus

# floors set when the new grammar measured (strict / lenient): seeds 0.879 / 0.982, dev 0.802 /
# 0.957, dev2 0.694 / 0.811, dev3 0.690 / 0.843, heldout 0.93 / 0.99, heldout2 0.85 / 1.00,
# heldout3 0.93 / 0.99, heldout4 0.90 / 0.96; kept there since (end of round 8: seeds 0.940,
# dev 0.892, dev2 0.754, dev3 0.744 strict; end of round 9: 0.951, 0.908, 0.851, 0.850, all
# four sets tuned on), not raised to follow the code. heldout5 and heldout6 (round 10, written
# blind): floors a margin under their first looks (0.908 / 0.967 and 0.518 / 0.964); heldout7
# and heldout8 the same (0.913 / 0.977 and 0.771 / 0.917), heldout9 and heldout10 too
# (0.815 / 0.935 and 0.845 / 0.967), heldout11 and heldout12 (0.869 / 0.948 and 0.859 / 0.923),
# heldout13 and heldout14 (0.960 / 0.982 and 0.782 / 0.946), heldout15 and heldout16 (round 11:
# 0.676 / 0.962 and 0.838 / 0.868; heldout16 reads 0.784 strict here, where rows without a donor
# are kept, which the panel sets aside); heldout17 and heldout18 (0.898 / 0.954 and 0.848 / 0.924),
# heldout19 and heldout20 (0.821 / 0.940 and 0.850 / 0.955), heldout21 and
# heldout22 (0.840 / 0.922 and 0.538 / 0.916), heldout23 and heldout24 (0.959 / 0.979 and 0.911 / 0.943),
# heldout25 and heldout26 (0.733 / 0.945 and 0.813 / 0.933), heldout27 and heldout28 (0.846 / 0.923
# and 0.862 / 0.970), heldout29 and heldout30 (round 12: 0.875 / 0.919 and 0.886 / 0.927),
# heldout31 and heldout32 (0.892 / 0.937 and 0.791 / 0.910), heldout33 and heldout34 (0.857 / 0.948
# and 0.837 / 0.918), heldout35 and heldout36 (0.748 / 0.969 and 0.804 / 0.916), heldout37,
# heldout38, heldout39 and heldout40 (round 13: 0.751 / 0.951, 0.903 / 0.961, 0.758 / 0.900,
# 0.927 / 0.969), heldout41 to heldout44 (0.841 / 0.916, 0.866 / 0.958, 0.896 / 0.919,
# 0.853 / 0.989), heldout46 and heldout47 (0.899 / 0.953, 0.895 / 0.958),
# heldout45 and heldout48 (0.562 / 0.777, 0.801 / 0.869), heldout49 to heldout52 (0.884 / 0.937,
# 0.851 / 0.966, 0.868 / 0.944, 0.797 / 0.937), heldout53 to heldout56 (0.916 / 0.950,
# 0.730 / 0.872, 0.807 / 0.942, 0.926 / 0.965), heldout57 to heldout60 (round 14: 0.914 / 0.974,
# 0.739 / 0.944, 0.771 / 0.917, 0.885 / 0.934), heldout61 to heldout64 (0.563 / 0.941, 0.844 / 0.965,
# 0.833 / 0.922, 0.945 / 0.951), heldout65 to heldout68 (0.772 / 0.946, 0.837 / 0.963, 0.821 / 0.967,
# 0.803 / 0.976), heldout69 to heldout72 (round 15: 0.847 / 0.930, 0.804 / 0.935, 0.834 / 0.921,
# 0.920 / 0.927), heldout73 to heldout75 (round 16: 0.551 / 0.984, 0.778 / 0.985, 0.874 / 0.931),
# heldout76 to heldout78 (round 17, at its start: 0.721 / 0.964, 0.789 / 0.959, 0.893 / 0.926),
# heldout79 to heldout81 (round 17, written during it, first looks at 38f7e81: 0.892 / 0.967,
# 0.782 / 0.887, 0.825 / 0.985), heldout82 to heldout84 (round 18, at its start 1f302fe: 0.976 / 0.983,
# 0.825 / 0.951, 0.880 / 0.938), heldout85 to heldout87 (round 18, written during it, first looks at 1f302fe:
# 0.590 / 0.930, 0.787 / 0.945, 0.859 / 0.920), heldout88 to heldout90 (round 19, written at its start,
# first looks at 01568e0: 0.848 / 0.956, 0.923 / 0.986, 0.881 / 0.954), heldout91 to heldout93 (round 19,
# written during it, first looks at 1f6a50b: 0.831 / 0.980, 0.719 / 0.980, 0.970 / 0.977), heldout94 to
# heldout96 (round 19/20, first looks at fe529c6: 0.811 / 0.965, 0.753 / 0.937, 0.955 / 0.974), heldout97 to
# heldout99 (round 20, written at its start, first looks at fe529c6: 0.907 / 0.990, 0.931 / 0.986, 0.905 / 0.926),
# heldout100 and heldout101 (round 20, written during it, first looks at fe529c6: 0.590 / 0.929, 0.435 / 0.939),
# heldout102–104 (round 21, written at its start, first looks at e168b29: 0.857 / 0.926, 0.969 / 0.990,
# 0.860 / 0.990), heldout105 and heldout106 (round 21, first looks at e168b29: 0.873 / 0.955, 0.912 / 0.968),
# heldout107 and heldout108 (round 22, written during it, first looks at 225b559: 0.752 / 0.950, 0.737 / 0.933)
FLOORS = {
    "seeds": {"strict": 0.85, "lenient": 0.95},
    "dev": {"strict": 0.77, "lenient": 0.93},
    "dev2": {"strict": 0.66, "lenient": 0.78},
    "dev3": {"strict": 0.65, "lenient": 0.81},
    "heldout": {"strict": 0.90, "lenient": 0.96},
    "heldout2": {"strict": 0.82, "lenient": 0.97},
    "heldout3": {"strict": 0.90, "lenient": 0.96},
    "heldout4": {"strict": 0.86, "lenient": 0.93},
    "heldout5": {"strict": 0.88, "lenient": 0.94},
    "heldout6": {"strict": 0.50, "lenient": 0.94},
    "heldout7": {"strict": 0.89, "lenient": 0.95},
    "heldout8": {"strict": 0.75, "lenient": 0.89},
    "heldout9": {"strict": 0.79, "lenient": 0.91},
    "heldout10": {"strict": 0.82, "lenient": 0.94},
    "heldout11": {"strict": 0.84, "lenient": 0.92},
    "heldout12": {"strict": 0.83, "lenient": 0.90},
    "heldout13": {"strict": 0.93, "lenient": 0.95},
    "heldout14": {"strict": 0.76, "lenient": 0.92},
    "heldout15": {"strict": 0.65, "lenient": 0.94},
    "heldout16": {"strict": 0.76, "lenient": 0.84},
    "heldout17": {"strict": 0.87, "lenient": 0.93},
    "heldout18": {"strict": 0.82, "lenient": 0.90},
    "heldout19": {"strict": 0.79, "lenient": 0.91},
    "heldout20": {"strict": 0.82, "lenient": 0.93},
    "heldout21": {"strict": 0.81, "lenient": 0.89},
    "heldout22": {"strict": 0.51, "lenient": 0.89},
    "heldout23": {"strict": 0.93, "lenient": 0.95},
    "heldout24": {"strict": 0.88, "lenient": 0.91},
    "heldout25": {"strict": 0.70, "lenient": 0.91},
    "heldout26": {"strict": 0.78, "lenient": 0.90},
    "heldout27": {"strict": 0.81, "lenient": 0.89},
    "heldout28": {"strict": 0.83, "lenient": 0.94},
    "heldout29": {"strict": 0.84, "lenient": 0.89},
    "heldout30": {"strict": 0.85, "lenient": 0.90},
    "heldout31": {"strict": 0.86, "lenient": 0.91},
    "heldout32": {"strict": 0.76, "lenient": 0.88},
    "heldout33": {"strict": 0.82, "lenient": 0.91},
    "heldout34": {"strict": 0.80, "lenient": 0.88},
    "heldout35": {"strict": 0.71, "lenient": 0.93},
    "heldout36": {"strict": 0.77, "lenient": 0.88},
    "heldout37": {"strict": 0.71, "lenient": 0.91},
    "heldout38": {"strict": 0.86, "lenient": 0.92},
    "heldout39": {"strict": 0.72, "lenient": 0.86},
    "heldout40": {"strict": 0.89, "lenient": 0.93},
    "heldout41": {"strict": 0.80, "lenient": 0.88},
    "heldout42": {"strict": 0.83, "lenient": 0.92},
    "heldout43": {"strict": 0.86, "lenient": 0.88},
    "heldout44": {"strict": 0.81, "lenient": 0.95},
    "heldout45": {"strict": 0.52, "lenient": 0.73},
    "heldout46": {"strict": 0.86, "lenient": 0.91},
    "heldout47": {"strict": 0.85, "lenient": 0.92},
    "heldout48": {"strict": 0.76, "lenient": 0.83},
    "heldout49": {"strict": 0.84, "lenient": 0.89},
    "heldout50": {"strict": 0.81, "lenient": 0.92},
    "heldout51": {"strict": 0.83, "lenient": 0.90},
    "heldout52": {"strict": 0.75, "lenient": 0.89},
    "heldout53": {"strict": 0.87, "lenient": 0.91},
    "heldout54": {"strict": 0.76, "lenient": 0.90},
    "heldout55": {"strict": 0.69, "lenient": 0.83},
    "heldout56": {"strict": 0.88, "lenient": 0.92},
    "heldout57": {"strict": 0.88, "lenient": 0.94},
    "heldout58": {"strict": 0.70, "lenient": 0.91},
    "heldout59": {"strict": 0.73, "lenient": 0.88},
    "heldout60": {"strict": 0.85, "lenient": 0.90},
    "heldout61": {"strict": 0.53, "lenient": 0.91},
    "heldout62": {"strict": 0.81, "lenient": 0.93},
    "heldout63": {"strict": 0.80, "lenient": 0.89},
    "heldout64": {"strict": 0.91, "lenient": 0.92},
    "heldout65": {"strict": 0.74, "lenient": 0.91},
    "heldout66": {"strict": 0.80, "lenient": 0.93},
    "heldout67": {"strict": 0.79, "lenient": 0.93},
    "heldout68": {"strict": 0.77, "lenient": 0.94},
    "heldout69": {"strict": 0.81, "lenient": 0.90},
    "heldout70": {"strict": 0.77, "lenient": 0.90},
    "heldout71": {"strict": 0.80, "lenient": 0.89},
    "heldout72": {"strict": 0.88, "lenient": 0.89},
    "heldout73": {"strict": 0.52, "lenient": 0.95},
    "heldout74": {"strict": 0.75, "lenient": 0.95},
    "heldout75": {"strict": 0.84, "lenient": 0.90},
    "heldout76": {"strict": 0.69, "lenient": 0.93},
    "heldout77": {"strict": 0.76, "lenient": 0.93},
    "heldout78": {"strict": 0.86, "lenient": 0.89},
    "heldout79": {"strict": 0.86, "lenient": 0.93},
    "heldout80": {"strict": 0.75, "lenient": 0.85},
    "heldout81": {"strict": 0.79, "lenient": 0.95},
    "heldout82": {"strict": 0.94, "lenient": 0.95},
    "heldout83": {"strict": 0.79, "lenient": 0.92},
    "heldout84": {"strict": 0.85, "lenient": 0.90},
    "heldout85": {"strict": 0.56, "lenient": 0.90},
    "heldout86": {"strict": 0.75, "lenient": 0.91},
    "heldout87": {"strict": 0.83, "lenient": 0.89},
    "heldout88": {"strict": 0.82, "lenient": 0.93},
    "heldout89": {"strict": 0.89, "lenient": 0.95},
    "heldout90": {"strict": 0.85, "lenient": 0.92},
    "heldout91": {"strict": 0.80, "lenient": 0.95},
    "heldout92": {"strict": 0.69, "lenient": 0.95},
    "heldout93": {"strict": 0.94, "lenient": 0.95},
    "heldout94": {"strict": 0.78, "lenient": 0.93},
    "heldout95": {"strict": 0.72, "lenient": 0.90},
    "heldout96": {"strict": 0.92, "lenient": 0.94},
    "heldout97": {"strict": 0.87, "lenient": 0.95},
    "heldout98": {"strict": 0.90, "lenient": 0.95},
    "heldout99": {"strict": 0.87, "lenient": 0.89},
    "heldout100": {"strict": 0.56, "lenient": 0.90},
    "heldout101": {"strict": 0.40, "lenient": 0.91},
    "heldout102": {"strict": 0.82, "lenient": 0.89},
    "heldout103": {"strict": 0.93, "lenient": 0.95},
    "heldout104": {"strict": 0.82, "lenient": 0.95},
    "heldout105": {"strict": 0.84, "lenient": 0.92},
    "heldout106": {"strict": 0.88, "lenient": 0.94},
    "heldout107": {"strict": 0.72, "lenient": 0.92},
    "heldout108": {"strict": 0.70, "lenient": 0.90},
}
# per indicator with >= 5 gold rows on the seeds (strict F1)
SEED_INDICATOR_FLOOR = 0.70

SETS = {s.name: s for s in gold_sets()}


def _unseen_rows(raw, tmp_path):
    """Rows of a folder read as an unseen one: report files only, nothing of ours beside them."""
    from helpers.ingest import ingest_dir
    src = tmp_path / "raw"
    src.mkdir()
    for f in sorted(raw.iterdir()):
        if f.is_file() and f.name not in paths.RAW_TABLES:
            shutil.copy2(f, src / f.name)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        _, docs = ingest_dir(src, out_dir=None, progress=False)
    rows, _ = extract_corpus({k: d for k, d in docs.items() if d.status == "ok"})
    return rows


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = {}
    for name, s in SETS.items():
        gold = pd.read_csv(s.gold, dtype=str, keep_default_na=False)
        out[name] = evaluate(gold, _unseen_rows(s.raw, tmp_path_factory.mktemp(name)))
    return out


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_floor(results, name):
    if name not in results:
        pytest.skip(f"gold set {name} not available beside the project")
    for mode, floor in FLOORS[name].items():
        f1 = results[name][mode]["overall"]["f1"]
        assert f1 >= floor, f"{name} {mode} F1 {f1:.3f} fell below {floor}"


def test_seed_indicators_floor(results):
    if "seeds" not in results:
        pytest.skip("seeds gold not available")
    low = {k: round(v["f1"], 3) for k, v in results["seeds"]["strict"]["per_indicator"].items()
           if v["gold"] >= 5 and v["f1"] < SEED_INDICATOR_FLOOR}
    assert not low, f"indicators below {SEED_INDICATOR_FLOOR}: {low}"
