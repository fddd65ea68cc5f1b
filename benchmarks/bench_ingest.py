"""Ingest throughput on a corpus made by repeating the five seed reports.

Each generated file is one seed's raw text repeated with a varying paragraph in between, so that
the normaliser sees realistic text (pinyin, markup, boilerplate, line breaks) at volume and the
whole-text repeat check does not shortcut the work. Prints MB of raw text per second on one core;
the target is ≥ 2 MB/s.

    .venv/bin/python benchmarks/bench_ingest.py [--mb 20] [--files 40]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from helpers import paths
from helpers.ingest import ingest_dir

SEEDS = sorted(p for p in paths.RAW.glob("00*_*.txt"))
TARGET_MB_S = 2.0


def make_corpus(folder: Path, total_mb: float, n_files: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    if not texts:
        raise SystemExit(f"no seed reports (00*_*.txt) in {paths.RAW}")
    per_file = int(total_mb * 1e6 / n_files)
    total = 0
    for i in range(n_files):
        seed = texts[i % len(texts)]
        parts, size, k = [], 0, 0
        while size < per_file:
            chunk = f"{seed}\n第{i}批第{k}次重复:今年共投入帮扶资金{k + i}万元。\n"
            parts.append(chunk)
            size += len(chunk.encode("utf-8"))
            k += 1
        data = "".join(parts).encode("utf-8")
        (folder / f"bench_{i:03d}.txt").write_bytes(data)
        total += len(data)
    return total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="total raw MB to generate")
    ap.add_argument("--files", type=int, default=40, help="number of files")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "clean"
        raw.mkdir()
        nbytes = make_corpus(raw, args.mb, args.files)
        t0 = time.perf_counter()
        df, _ = ingest_dir(raw, out, progress=False)
        dt = time.perf_counter() - t0
    rate = nbytes / 1e6 / dt
    print(f"ingest: {len(df)} files, {nbytes / 1e6:.1f} MB raw in {dt:.2f} s "
          f"→ {rate:.2f} MB/s (target ≥ {TARGET_MB_S} MB/s) "
          f"[statuses: {df['status'].value_counts().to_dict()}]")
    return 0 if rate >= TARGET_MB_S else 1


if __name__ == "__main__":
    sys.exit(main())
