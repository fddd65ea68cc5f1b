"""Extraction speed: MB of clean text per CPU second on one core (target >= 1.5 MB/s, issue 11; not met yet).

Times are process CPU time, so a busy machine does not distort them.

Run: .venv/bin/python benchmarks/bench_extract.py [--repeat N]
The clean texts of data/raw are ingested once, then extracted N times as one corpus.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time

from helpers import paths
from helpers.attribute import extract_corpus
from helpers.gazetteer import get_gazetteer
from helpers.ingest import ingest_dir


class _Found:
    """The gazetteer with its text scans answered from a table."""

    def __init__(self, gz, found):
        self._gz, self._found = gz, found

    def find(self, text, context=None, **kw):
        hit = self._found.get(text) if context is None and not kw else None
        return hit if hit is not None else self._gz.find(text, context, **kw)

    def __getattr__(self, name):
        return getattr(self._gz, name)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20, help="copies of the corpus to extract")
    args = ap.parse_args(argv)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        _, docs = ingest_dir(paths.RAW, progress=False)
    docs = {k: d for k, d in docs.items() if d.status == "ok"}
    gz = get_gazetteer()
    extract_corpus(docs, gz)                      # warm caches (regexes, gazetteer)
    corpus = {f"{k}#{i}": d for i in range(args.repeat) for k, d in docs.items()}
    size = sum(len(d.text.encode("utf-8")) for d in corpus.values())
    t = time.process_time()
    rows, mentions = extract_corpus(corpus, gz)
    dt = time.process_time() - t
    print(f"extracted {len(corpus)} documents, {size / 1e6:.2f} MB of clean text, "
          f"{len(rows)} rows, {len(mentions)} mentions in {dt:.2f} s")
    print(f"speed: {size / 1e6 / dt:.2f} MB/s (target >= 1.5 MB/s)")
    # the same run with place mentions looked up beforehand: the share of the rules themselves
    found = {d.text: gz.find(d.text) for d in docs.values()}
    t = time.process_time()
    extract_corpus(corpus, _Found(gz, found))
    dt_rules = time.process_time() - t
    print(f"rules only (gazetteer lookups precomputed): {size / 1e6 / dt_rules:.2f} MB/s; "
          f"gazetteer scan takes {100 * (dt - dt_rules) / dt:.0f} % of the time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
