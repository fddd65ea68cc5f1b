"""Scale without changing the output: --jobs, Dask, hash seed and locale give the same bytes;
near-duplicate detection by index gives the decisions of comparing every pair.

Timings and memory are measured by benchmarks/bench_scale.py, not here."""
from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys

import pytest

from helpers import ingest, paths
from helpers.panel import build_panel
from helpers.parallel import Backend

FILES = ("000_d2a4b9fed8e568a6.txt", "001_c52947674760a02e.txt", "003_6c6ff32b062797d8.txt",
         "d01.txt", "d03.txt", "d08.txt", "d19.txt")


def tree_hashes(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for name in FILES:
        shutil.copy(paths.RAW / name, raw / name)
    shutil.copy(paths.RAW / FILES[0], raw / "copy_of_000.txt")          # a duplicate
    (raw / "undated.txt").write_text("天津市和平区向甘肃省白银市靖远县捐赠财政援助资金300万元,"
                                     "用于修建村道和饮水工程。", encoding="utf-8")   # set aside
    (raw / "folder").mkdir()
    return raw


@pytest.fixture(scope="module")
def reference(raw, tmp_path_factory):
    out = tmp_path_factory.mktemp("jobs1")
    build_panel(raw, out, progress=False, jobs=1)
    return tree_hashes(out)


def test_backend_returns_results_in_input_order():
    items = list(range(200))
    with Backend(2) as b:
        assert list(b.map(abs, [-x for x in items], batch=7)) == items


def test_jobs_2_writes_the_same_bytes_as_jobs_1(raw, reference, tmp_path):
    build_panel(raw, tmp_path / "out", progress=False, jobs=2)
    got = tree_hashes(tmp_path / "out")
    assert {"documents.csv", "panel.csv", "panel.parquet", "mentions.csv", "set_aside.csv"} <= set(got)
    assert got == reference


def test_a_dask_local_cluster_of_2_workers_writes_the_same_bytes(raw, reference, tmp_path):
    build_panel(raw, tmp_path / "out", progress=False, jobs=2, dask=True)
    assert tree_hashes(tmp_path / "out") == reference


@pytest.mark.parametrize("seed, lang, backend", [("1", "C", ["--jobs", "2"]),
                                                   ("4242", "C.UTF-8", ["--jobs", "1"]),
                                                   ("99", "POSIX", ["--jobs", "2", "--dask"])])
def test_hash_seed_and_locale_do_not_change_the_bytes(raw, reference, tmp_path, seed, lang,
                                                      backend):
    env = {**os.environ, "PYTHONHASHSEED": seed, "LC_ALL": lang, "LANG": lang}
    proc = subprocess.run([sys.executable, "-m", "helpers", "panel", str(raw), "--out",
                           str(tmp_path / "out"), "--quiet", *backend],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert tree_hashes(tmp_path / "out") == reference


def test_indexed_near_duplicates_decide_as_comparing_every_pair():
    """The inverted index must find every pair the all-pairs loop would accept: random
    sketches with planted near-copies (subsets, supersets, fuller copies) decided both ways."""
    rng = random.Random(7)

    def row(i, sketch, chars):
        doc = ingest._empty_doc(f"d{i:04d}", f"d{i:04d}.txt", "ok", "txt", "", sha=f"s{i}")
        return ingest._Row(doc, chars_clean=chars, sketch=frozenset(sketch))

    base = [set(rng.sample(range(10**6), rng.choice([3, 8, 40, 600]))) for _ in range(60)]
    rows = []
    for i in range(400):
        b = sorted(base[rng.randrange(len(base))])
        keep = [h for h in b if rng.random() < rng.choice([0.75, 0.85, 0.95, 1.0])]
        extra = set(rng.sample(range(10**6, 2 * 10**6), rng.choice([0, 1, 5])))
        sketch = ingest._bottom_k(set(keep) | extra)
        rows.append(row(i, sketch, rng.choice([100, 120, 200])))

    def all_pairs(rows):
        live = sorted(rows, key=lambda r: r.doc.doc_id)
        kept, out = [], {}
        for r in live:
            for i, k in enumerate(kept):
                same, _, _ = ingest._near_same(r.sketch, k.sketch)
                if same:
                    keep, dup = (r, k) if r.chars_clean > 1.1 * k.chars_clean else (k, r)
                    out[dup.doc.doc_id] = keep.doc.doc_id
                    if keep is r:
                        kept[i] = r
                        for d, kk in out.items():
                            if kk == k.doc.doc_id and d != k.doc.doc_id:
                                out[d] = r.doc.doc_id
                    break
            else:
                kept.append(r)
        return out

    want = all_pairs(rows)
    ingest._mark_duplicates(rows)
    got = {r.doc.doc_id: r.doc.duplicate_of for r in rows if r.doc.status == "duplicate"}
    assert len(want) > 100 and got == want
