"""Gazetteer timings on the real reports: load, find over all of data/raw, resolve the gold names.

Run: .venv/bin/python benchmarks/bench_gazetteer.py
(scan = the name matching alone; find = scan plus chains, support, townships and doubtful names)
"""
from __future__ import annotations

import csv
import time

import opencc

from helpers import gazetteer as G
from helpers.paths import RAW, SHARED


def main() -> None:
    t0 = time.perf_counter()
    gz = G.Gazetteer(G._read_csv(G.UNITS_CSV, ()), G._read_csv(G.CHANGES_CSV, ()),
                     G._read_csv(G.ZONES_CSV, ()), G._read_csv(G.ALIASES_CSV, ()))
    t_load = time.perf_counter() - t0

    cc = opencc.OpenCC("t2s")
    texts = [cc.convert(p.read_text(encoding="utf-8")) for p in sorted(RAW.glob("*.txt"))]
    t0 = time.perf_counter()
    n_scan = sum(len(gz._scan(t)) for t in texts)
    t_scan = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(len(gz.find(t)) for t in texts)
    t_find = time.perf_counter() - t0

    names = set()
    for path in (SHARED / "gold" / "seeds_gold.csv", SHARED / "dev" / "gold.csv"):
        if path.exists():
            with open(path, encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    names.add(r["donor"])
                    names.update(x for x in r["recipients"].split(";") if x)
    t0 = time.perf_counter()
    resolved = sum(gz.resolve(x) is not None for x in sorted(names))
    t_resolve = time.perf_counter() - t0

    chars = sum(map(len, texts))
    print(f"load      {t_load * 1000:8.1f} ms  ({len(gz.places())} units)")
    print(f"scan      {t_scan * 1000:8.1f} ms  ({n_scan} name matches, "
          f"{chars / t_scan / 1000:.0f}k chars/s)")
    print(f"find      {t_find * 1000:8.1f} ms  ({len(texts)} reports, {chars} chars, {n} mentions, "
          f"{chars / t_find / 1000:.0f}k chars/s)")
    print(f"resolve   {t_resolve * 1000:8.1f} ms  ({resolved}/{len(names)} gold names are places)")


if __name__ == "__main__":
    main()
