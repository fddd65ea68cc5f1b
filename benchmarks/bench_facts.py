"""Facts step: CPU seconds per 1,000 panel rows as the corpus grows (the cost must stay linear).

The facts of a panel are built from copies of one panel: copy k gets its own doc_ids and donors
(``天津市宝坻区`` → a name of its own in copy k, so copies do not nest into each other), which is
how a corpus of k times as many donors and reports looks to the facts step. Times are process
CPU time, so a busy machine does not distort them.

Run: .venv/bin/python benchmarks/bench_facts.py [--copies 1 4 16]
The panel is data/clean/panel.csv (run `make all` first); without one, the shared gold seeds.
"""
from __future__ import annotations

import argparse
import sys
import time

import pandas as pd

from helpers import paths
from helpers.facts import build_facts
from helpers.gazetteer import get_gazetteer
from helpers.panel import read_panel


def corpus(panel: pd.DataFrame, k: int) -> pd.DataFrame:
    copies = []
    for i in range(k):
        c = panel.copy()
        c["doc_id"] = c["doc_id"] + f"~{i}"
        if i:
            # a donor of its own per copy (not a place: it nests in nothing of another copy)
            c["donor"] = c["donor"] + f"第{i}组"
        copies.append(c)
    return pd.concat(copies, ignore_index=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 4, 16])
    args = ap.parse_args(argv)
    source = paths.CLEAN / "panel.csv"
    if source.exists():
        panel = read_panel(source)
    else:
        from helpers.analysis import gold_panel

        source = paths.SHARED / "gold" / "seeds_gold.csv"
        panel = gold_panel([source])
    get_gazetteer()
    print(f"panel: {source} ({len(panel)} rows)")
    per = []
    for k in args.copies:
        p = corpus(panel, k)
        t0 = time.process_time()
        facts = build_facts(p)
        dt = time.process_time() - t0
        per.append(dt / len(p) * 1000)
        print(f"copies {k:>3}: {len(p):>7} rows → {len(facts):>7} facts in {dt:6.2f} s CPU "
              f"({per[-1]:.3f} s per 1,000 rows)")
    growth = per[-1] / per[0] if per[0] else float("nan")
    print(f"cost per row, largest / smallest corpus: {growth:.2f} (1 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
