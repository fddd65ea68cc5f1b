"""The pairings reference data/raw/pairings.csv: the project's rows and the public-source
reference merged without loss, every name placed, conflicts between sources kept visible."""
from __future__ import annotations

import csv

import pytest

from helpers.codebook import PROGRAMS
from helpers.gazetteer import adcode_within, get_gazetteer
from helpers.panel import check_pairings, read_pairings
from helpers.paths import RAW, ROOT, SHARED

PAIRINGS = RAW / "pairings.csv"
# Read by helpers.panel.check_pairings, helpers.maps.pairing_arcs and helpers.analysis: first, in
# this order; the merge adds the reference's columns after them.
PROJECT_COLUMNS = ["donor", "donor_adcode", "recipient", "recipient_adcode", "program",
                   "start_year", "end_year", "source", "authority", "notes"]
MERGED_COLUMNS = ["level", "origin", "source_url", "source_title", "source_date",
                  "donor_as_written", "recipient_as_written", "place_note", "n_sources", "conflict"]
BEFORE_MERGE = ROOT / "tests" / "data" / "pairings_before_reference_merge.csv"
REFERENCE = SHARED / "reference" / "pairings.csv"
GOLD_FILES = [SHARED / "gold" / "seeds_gold.csv", SHARED / "dev" / "gold.csv"]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


@pytest.fixture(scope="module")
def rows():
    header, rows = read(PAIRINGS)
    assert header == PROJECT_COLUMNS + MERGED_COLUMNS
    return rows


@pytest.fixture(scope="module")
def gz():
    return get_gazetteer()


def test_no_row_of_the_project_file_was_lost_or_changed(rows):
    _, before = read(BEFORE_MERGE)
    project = [{c: r[c] for c in PROJECT_COLUMNS} for r in rows if r["origin"] == "project"]
    assert len(before) == 87
    for r in before:
        assert r in project, r
    assert len(project) == len(before)


def test_every_reference_row_is_in_the_merged_file_with_its_source(rows):
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} not beside the project")
    _, ref = read(REFERENCE)
    merged = [r for r in rows if r["origin"] == "reference"]
    assert len(merged) == len(ref) == 395
    key = lambda r, d, rec: (d, rec, r["program"], r["start_year"], r["end_year"], r["source_url"])  # noqa: E731
    have = sorted(key(r, r["donor_as_written"] or r["donor"], r["recipient_as_written"] or r["recipient"])
                  for r in merged)
    assert have == sorted(key(r, r["donor"], r["recipient"]) for r in ref)
    assert all(r["source_url"] and r["source_title"] and r["authority"] for r in merged)


def test_every_name_is_placed_by_the_gazetteer_or_says_why_not(rows, gz):
    for r in rows:
        assert r["program"] in PROGRAMS, r
        for side in ("donor", "recipient"):
            code, place = r[f"{side}_adcode"], gz.resolve(r[side])
            if place is not None:
                assert place.adcode == code and place.full_name == r[side], (side, r)
            else:
                # a zone the gazetteer lacks carries the adcode of the city around it; a central
                # unit (a ministry, an SOE) carries none
                assert r[side] in r["place_note"], (side, r)
                if code:
                    gz.by_adcode(code)
                    assert r[side].startswith(gz.by_adcode(code).full_name), r
        for y in ("start_year", "end_year"):
            assert r[y] == "" or 1980 <= int(r[y]) <= 2030, r
        if r["start_year"] and r["end_year"]:
            assert int(r["start_year"]) <= int(r["end_year"]), r
        assert r["source"], r
        assert r["level"] in ("province", "prefecture", "county"), r


def test_disagreeing_sources_are_flagged_on_every_row_concerned(rows):
    def pair(donor, recipient):
        return [r for r in rows if r["donor"] == donor and r["recipient"] == recipient]

    # 福州 → 定西: 2016, 2017 and 2018 in three pages (the reference's own list of conflicts)
    fz = pair("福建省福州市", "甘肃省定西市")
    assert len(fz) >= 3 and all("2016 vs 2017 vs 2018" in r["conflict"] for r in fz)
    assert all(int(r["n_sources"]) == len({x["source_url"] or x["source"] for x in fz}) for r in fz)
    # 承德 is given to 天津 by the guideline and to 北京 by a mirrored article
    assert all("北京市" in r["conflict"] for r in pair("天津市", "河北省承德市"))
    # one page, one statement: nothing to disagree with
    lone = [r for r in rows if r["n_sources"] == "1" and not r["conflict"]]
    assert lone


def test_the_file_is_sorted_and_holds_no_row_twice(rows):
    keys = [(r["donor_adcode"], r["donor"], r["recipient_adcode"], r["recipient"], r["program"],
             r["start_year"], r["end_year"], r["origin"], r["source_url"], r["source"]) for r in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_the_readers_of_the_file_still_read_it(rows):
    from helpers import maps

    df = read_pairings(PAIRINGS)
    assert len(df) == len(rows)
    arcs = maps.pairing_arcs(df)            # national: one arc per placed pairing, all sources
    placed = {(r["donor"], r["recipient"], r["program"]) for r in rows
              if r["donor_adcode"] and r["recipient_adcode"]}
    assert len(arcs) == len(placed) > 300
    fz = arcs[(arcs["donor"] == "福建省福州市") & (arcs["recipient"] == "甘肃省定西市")].iloc[0]
    assert fz["start_year"] == "2016" and fz["source"].count(";") >= 2
    assert {c[:2] for c in arcs["donor_adcode"]} >= {"11", "12", "31", "32", "33", "35", "37", "44"}


def _gold_rows():
    out = []
    for path in GOLD_FILES:
        if not path.exists():
            pytest.skip(f"{path} not available")
        with open(path, encoding="utf-8") as f:
            out += list(csv.DictReader(f))
    return out


def test_pairings_cover_every_donor_recipient_pair_in_the_gold_panels(rows, gz):
    """Each gold (donor, recipient) is a listed pairing, or a pairing between units inside them
    (江苏省 → 渭南市 is covered by 镇江市 → 渭南市)."""
    pairs = [(r["donor_adcode"], r["recipient_adcode"]) for r in rows if r["donor_adcode"]]
    uncovered = set()
    for row in _gold_rows():
        donor = gz.resolve(row["donor"])
        if donor is None:
            continue                                      # ministries, SOEs
        for name in filter(None, row["recipients"].split(";")):
            rec = gz.resolve(name)
            if not any(adcode_within(d, donor.adcode) and adcode_within(r, rec.adcode)
                       for d, r in pairs):
                uncovered.add((row["doc_id"], row["donor"], name))
    # seed 000 reports one figure in 镇原县, which is not 宝坻's pairing (gold/ambiguous.md)
    assert uncovered == {("000_d2a4b9fed8e568a6", "天津市宝坻区", "甘肃省庆阳市镇原县")}


def test_the_pairings_check_reads_the_merged_file(tmp_path):
    import pandas as pd

    panel = pd.DataFrame([{"doc_id": "x", "donor": "福建省福州市", "recipients": "甘肃省定西市",
                           "recipient_adcodes": "621100", "program": "east_west", "year": 2017}])
    assert check_pairings(panel, PAIRINGS).empty          # 福州 → 定西 is attested for 2017
    assert len(check_pairings(panel.assign(donor="福建省厦门市"), PAIRINGS)) == 1


def test_package_reference_is_in_step_with_raw_pairings(tmp_path):
    """The pairing reference shipped in the package (read on unseen folders) is exactly what
    ``python -m helpers.extract.reference --rebuild`` compiles from ``data/raw/pairings.csv``,
    so the two copies cannot drift apart."""
    from helpers import paths
    from helpers.extract import reference

    rebuilt = tmp_path / "pairings_reference.csv"
    reference.rebuild([paths.RAW / "pairings.csv"], rebuilt)
    assert rebuilt.read_bytes() == reference.REFERENCE_CSV.read_bytes(), (
        "src/helpers/data/pairings_reference.csv is out of step with data/raw/pairings.csv: "
        "run python -m helpers.extract.reference --rebuild data/raw/pairings.csv")
