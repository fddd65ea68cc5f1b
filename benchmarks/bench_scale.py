"""Scale: ``helpers panel`` on N perturbed copies of the real reports, and one huge single line.

Each generated report is a real development report (``data/raw`` and ``shared/dev*/raw``) with
every number changed, about a third of its sentences dropped, and one character changed in
each remaining sentence without a number, so
copies of one report are neither byte-identical nor near-duplicates of each other (a Jaccard
of about 0.5 between two copies, under the 0.8 the near-duplicate rule needs) and the
duplicate detection cannot collapse them. The panel then runs in a fresh process (``python -m
helpers panel RAW --out OUT --jobs J``) whose wall time and peak memory (the process and its
workers, from ``getrusage``) are printed, with the CPU time of both (the wall time depends on
what else the machine runs) and the wall-time ratio per doubling of N.

Targets (issue 12, 2 cores): at most 2.2× per doubling, 32,000 documents in at most 120 s,
a 10 MB report on one line in at most 30 s with its rows extracted, and the ingest of a 30 MB
line in bounded memory (the growth is printed).

    .venv/bin/python benchmarks/bench_scale.py                      # 2,000 / 8,000 / 32,000
    .venv/bin/python benchmarks/bench_scale.py --sizes 500 1000     # quick
    .venv/bin/python benchmarks/bench_scale.py --sizes 2000 --line-mb 10 --jobs 2 --keep /tmp/b
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers import paths

TARGET_RATIO = 2.2
TARGET_32K_S = 120.0
TARGET_LINE_S = 30.0
TARGET_INGEST_GROWTH_MB = 300   # reading the 30 MB line whole took 815 MB before streaming it
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_SENTENCE_RE = re.compile(r"(?<=[。!?;!?；\n])")
_YEAR_RE = re.compile(r"(?:199\d|20[0-3]\d)")


def source_texts() -> list[str]:
    """The real report texts the corpus is made from (reports only, not the project's tables)."""
    folders = [paths.RAW, *sorted(paths.SHARED.glob("dev*/raw"))]
    texts = []
    for folder in folders:
        for p in sorted(folder.glob("*.txt")):
            text = p.read_text(encoding="utf-8", errors="replace")
            if len(text) > 200:
                texts.append(text)
    if not texts:
        raise SystemExit(f"no report texts found in {', '.join(map(str, folders))}")
    return texts


def perturb(text: str, rng: random.Random) -> str:
    """The report with its numbers changed (years and short numbers kept, so figures stay dated
    and dates stay valid), about a third of its sentences dropped (never the first line, which
    holds the title) and a typo in each kept sentence without a number."""
    def number(m: re.Match) -> str:
        s = m.group(0)
        if len(s) <= 2:            # months, days, times, list numbers
            return s
        if _YEAR_RE.fullmatch(s):   # a year (or a date's year): figures keep their dating
            return s
        digits = "".join(str(rng.randrange(10)) if c.isdigit() else c for c in s)
        return str(rng.randrange(1, 10)) + digits[1:] if s[0] != "0" else digits

    first, _, rest = text.partition("\n")
    parts = [p for p in _SENTENCE_RE.split(rest) if p]
    kept = [p if _NUMBER_RE.search(p) else _typo(p, rng) for p in parts if rng.random() >= 0.35]
    return first + "\n" + _NUMBER_RE.sub(number, "".join(kept))


def _typo(sentence: str, rng: random.Random) -> str:
    """One Chinese character of a sentence without numbers replaced by another of the same
    sentence: copies of a report then share no such sentence either."""
    at = [i for i, c in enumerate(sentence) if "\u4e00" <= c <= "\u9fff"]
    if len(at) < 2:
        return sentence
    i = rng.choice(at)
    return sentence[:i] + sentence[rng.choice(at)] + sentence[i + 1:]


def make_corpus(folder: Path, n: int, seed: int = 12) -> int:
    """``n`` perturbed reports in ``folder``; returns the total size in bytes."""
    texts = source_texts()
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        data = perturb(texts[i % len(texts)], rng).encode("utf-8")
        (folder / f"r{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def make_single_line(folder: Path, mb: float, seed: int = 12) -> int:
    """One report of ``mb`` MB on a single line: the clean texts of perturbed reports (so no
    page navigation or "related articles" list cuts the rest away) joined without line breaks,
    as a scraped page whose markup had no block tags gives."""
    from helpers.normalize import normalize

    texts = [normalize(t).text for t in source_texts()]
    folder.mkdir(parents=True, exist_ok=True)
    target, parts, size, i = int(mb * 1e6), [], 0, 0
    while size < target:
        rng = random.Random(seed * 7_919 + i)
        part = perturb(texts[i % len(texts)], rng).replace("\n", " ")
        parts.append(part)
        size += len(part.encode("utf-8"))
        i += 1
    data = "".join(parts).encode("utf-8")
    (folder / "one_line.txt").write_bytes(data)
    return len(data)


_CHILD = r"""
import json, resource, sys, time
from helpers.panel import main
t = time.perf_counter()
rc = main(sys.argv[1:])
wall = time.perf_counter() - t
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
print("BENCH " + json.dumps({"rc": rc, "wall": wall, "cpu": cpu, "peak_mb": me.ru_maxrss / 1024,
                             "worker_peak_mb": kids.ru_maxrss / 1024}))
"""


_INGEST_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from helpers.ingest import ingest_dir
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
df, _ = ingest_dir(Path(sys.argv[1]), Path(sys.argv[2]), progress=False)
wall = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("BENCH " + json.dumps({"wall": wall, "peak_mb": peak, "grew_mb": peak - base,
                             "status": df.loc[0, "status"], "chars": int(df.loc[0, "chars_clean"])}))
"""


def run_ingest(raw: Path, out: Path) -> dict:
    """Ingest alone (one process) on ``raw``: wall time and memory growth."""
    proc = subprocess.run([sys.executable, "-c", _INGEST_CHILD, str(raw), str(out)],
                          capture_output=True, text=True)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("BENCH ")), None)
    if proc.returncode != 0 or line is None:
        raise SystemExit(f"ingest failed on {raw}:\n{proc.stderr[-3000:]}")
    return json.loads(line[len("BENCH "):])


def run_panel(raw: Path, out: Path, jobs: int) -> dict:
    """``helpers panel`` in a fresh process; its wall time (import excluded) and peak memory."""
    cmd = [sys.executable, "-c", _CHILD, str(raw), "--out", str(out), "--quiet", "--jobs", str(jobs)]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    total = time.perf_counter() - t
    line = next((x for x in proc.stdout.splitlines() if x.startswith("BENCH ")), None)
    if proc.returncode != 0 or line is None:
        raise SystemExit(f"helpers panel failed on {raw}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    res = json.loads(line[len("BENCH "):])
    res["total"] = total
    res["summary"] = next((x for x in proc.stdout.splitlines() if "panel row(s)" in x), "")
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000, 32000],
                    help="numbers of documents (default: 2000 8000 32000)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--line-mb", type=float, default=10.0,
                    help="size of the single-line report in MB (0: skip)")
    ap.add_argument("--ingest-line-mb", type=float, default=30.0,
                    help="size of the single line whose ingest memory is measured (0: skip)")
    ap.add_argument("--keep", default=None, help="build the corpora in this folder and keep them")
    args = ap.parse_args(argv)
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_scale_"))
    ok = True
    try:
        print(f"{'N docs':>8} {'raw MB':>7} {'wall s':>7} {'CPU s':>7} {'peak MB':>8} "
              f"{'worker MB':>9} {'ratio':>6} {'CPU ratio':>9}  result")
        prev = None
        for n in args.sizes:
            raw = base / f"raw_{n}"
            if not raw.exists():
                make_corpus(raw, n)
            mb = sum(p.stat().st_size for p in raw.iterdir()) / 1e6
            res = run_panel(raw, base / f"out_{n}", args.jobs)
            ratio = cpu_ratio = ""
            if prev is not None:
                r = (res["wall"] / prev[1]) ** (1 / max(1e-9, _log2(n / prev[0])))
                ratio = f"{r:.2f}"
                cpu_ratio = f"{(res['cpu'] / prev[2]) ** (1 / max(1e-9, _log2(n / prev[0]))):.2f}"
                ok &= r <= TARGET_RATIO
            if n >= 32000:
                ok &= res["wall"] <= TARGET_32K_S * n / 32000
            print(f"{n:>8} {mb:>7.1f} {res['wall']:>7.1f} {res['cpu']:>7.1f} {res['peak_mb']:>8.0f} "
                  f"{res['worker_peak_mb']:>9.0f} {ratio:>6} {cpu_ratio:>9}  {res['summary']}",
                  flush=True)
            prev = (n, res["wall"], res["cpu"])
        print(f"(ratio: wall time per doubling of N, target ≤ {TARGET_RATIO}; CPU ratio: the "
              f"same for CPU time, which other work on the machine does not inflate; 32,000 "
              f"documents target ≤ {TARGET_32K_S:.0f} s on 2 cores)")
        if args.line_mb > 0:
            raw = base / f"line_{args.line_mb:g}mb"
            if not raw.exists():
                make_single_line(raw, args.line_mb)
            res = run_panel(raw, base / f"out_line_{args.line_mb:g}mb", args.jobs)
            rows = int(re.search(r"(\d+) panel row", res["summary"]).group(1))
            ok &= res["wall"] <= TARGET_LINE_S and rows > 0
            print(f"single line of {args.line_mb:g} MB: {res['wall']:.1f} s ({res['cpu']:.1f} s CPU), peak "
                  f"{res['peak_mb']:.0f} MB (workers {res['worker_peak_mb']:.0f} MB), {rows} panel "
                  f"rows (target ≤ {TARGET_LINE_S:.0f} s with rows)  {res['summary']}")
        if args.ingest_line_mb > 0:
            raw = base / f"line_{args.ingest_line_mb:g}mb"
            if not raw.exists():
                make_single_line(raw, args.ingest_line_mb)
            res = run_ingest(raw, base / f"out_ingest_{args.ingest_line_mb:g}mb")
            ok &= res["status"] == "ok" and res["grew_mb"] <= TARGET_INGEST_GROWTH_MB
            print(f"ingest of a single line of {args.ingest_line_mb:g} MB: {res['wall']:.1f} s, "
                  f"memory grew {res['grew_mb']:.0f} MB (peak {res['peak_mb']:.0f} MB; target "
                  f"≤ {TARGET_INGEST_GROWTH_MB} MB growth), status {res['status']}, "
                  f"{res['chars']} clean characters")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print("all targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


def _log2(x: float) -> float:
    import math
    return math.log2(x)


if __name__ == "__main__":
    sys.exit(main())
