"""data/raw/SOURCES.csv describes every report of data/raw, and each row still fits its file."""
import csv
import hashlib

import pandas as pd
import pytest

from helpers import paths
from helpers.ingest import SOURCES_COLUMNS, read_sources

SOURCES = paths.RAW / "SOURCES.csv"


def rows():
    with open(SOURCES, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def reports():
    return sorted(p for p in paths.RAW.iterdir() if p.is_file() and p.name not in paths.RAW_TABLES)


def test_the_corpus_holds_over_a_hundred_reports():
    assert len(reports()) >= 100


def test_every_row_names_a_file_whose_sha256_matches():
    bad = []
    for r in rows():
        path = paths.RAW / r["file"]
        if not path.is_file():
            bad.append(f"{r['file']}: listed but missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != r["sha256"]:
            bad.append(f"{r['file']}: sha256 differs (the file changed; update its row)")
    assert bad == []


def test_every_report_has_exactly_one_row_and_its_doc_id_is_the_stem():
    listed = [r["file"] for r in rows()]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == [p.name for p in reports()]
    assert all(r["doc_id"] == r["file"].rsplit(".", 1)[0] for r in rows())


def test_ingest_accepts_the_file():
    df = read_sources(paths.RAW)   # raises on a missing column, a file listed twice, a bad date
    assert [c for c in df.reset_index().columns if c != "line"] == list(SOURCES_COLUMNS)


@pytest.mark.parametrize("gold_set", ["dev2", "dev3"])
def test_imported_reports_carry_the_gold_doc_ids_and_no_annotator_judgement(gold_set):
    gold = paths.SHARED / gold_set / "gold.csv"
    if not gold.exists():
        pytest.skip(f"{gold} not beside the project")
    raw = {p.stem for p in (paths.SHARED / gold_set / "raw").iterdir()}
    ours = {r["doc_id"]: r for r in rows()}
    assert raw <= set(ours), sorted(raw - set(ours))
    gold_ids = set(pd.read_csv(gold, dtype=str)["doc_id"])
    assert gold_ids <= raw
    # donor/recipients are what the extractor is scored on: never taken from the annotators
    assert all(ours[d]["donor"] == "" for d in raw)


def test_a_chinese_report_with_a_translation_appended_is_read(tmp_path):
    from helpers.ingest import ingest_dir

    raw = tmp_path / "raw"
    raw.mkdir()
    chinese = "某区今年向结对县选派干部12名，投入帮扶资金300万元，带动贫困人口脱贫。"
    english = ("This district sent twelve cadres to the paired county this year and invested three "
               "million yuan of assistance funds, lifting poor households out of poverty. ") * 3
    (raw / "with_translation.txt").write_text(chinese + "\n" + english + "\n", encoding="utf-8")
    (raw / "english_only.txt").write_text(english + "\n", encoding="utf-8")
    df, _ = ingest_dir(raw, tmp_path / "out", progress=False)
    status = dict(zip(df["file"], df["status"]))
    assert status == {"with_translation.txt": "ok", "english_only.txt": "not_chinese"}
