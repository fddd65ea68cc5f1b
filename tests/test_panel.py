"""Panel assembly, schema validation, deterministic files, pairings check and the CLI."""
import shutil
from dataclasses import dataclass, field

import pandas as pd
import pytest

from helpers import codebook, paths
from helpers.panel import (PanelSchemaError, coerce_panel, check_pairings, format_number, main,
                           read_panel, sort_panel, validate, write_panel)

DOC = "000_d2a4b9fed8e568a6"
TEXT = (paths.RAW / f"{DOC}.txt").read_text(encoding="utf-8")
WUSHAN, YONGDENG = "甘肃省天水市武山县", "甘肃省兰州市永登县"
MINFENG = "新疆维吾尔自治区和田地区民丰县"


def row(indicator, value, unit, evidence, recipients=None, **kw):
    start = TEXT.index(evidence)
    r = {"doc_id": DOC, "donor": "天津市宝坻区", "recipients": recipients, "program": "east_west",
         "year": 2020, "period": "annual", "status": "actual", "indicator": indicator,
         "value": value, "unit": unit, "qualifier": "exact", "detail": None,
         "evidence": evidence, "recipient_adcodes": None, "start": start,
         "end": start + len(evidence), "raw_start": start, "raw_end": start + len(evidence),
         "origin": "extracted"}
    r.update(kw)
    return r


def seed_panel():
    rows = [
        # 1418.21万 → 14182100; multiplying in floats gives 14182100.000000002-type noise
        row("social_aid", 1418.21 * 10000, "yuan", "募集款物1418.21万元", program="mixed"),
        row("trained", 330, "person_time", "培训干部人才330人次", WUSHAN, detail="cadres"),
        row("poor_beneficiaries", 600, "person", "600余人通过劳动脱贫致富", MINFENG,
            program="counterpart", qualifier="lower_bound"),
        row("social_aid", 300000, "yuan", "捐赠社会帮扶款各30万元", YONGDENG, detail="health"),
        row("social_aid", 300000, "yuan", "捐赠社会帮扶款各30万元", WUSHAN, detail="health"),
        row("investment", 0.29 * 1e8, "yuan", "实际投资到位额5654.8万元", program="mixed"),
    ]
    return sort_panel(coerce_panel(pd.DataFrame(rows)[list(codebook.PANEL_COLUMNS)]))


def test_sort_is_by_position_then_indicator_then_recipients():
    p = seed_panel()
    assert p["start"].is_monotonic_increasing
    each = p[p["evidence"] == "捐赠社会帮扶款各30万元"]
    assert each["recipients"].tolist() == sorted([WUSHAN, YONGDENG])
    assert list(p.columns) == list(codebook.PANEL_COLUMNS)


def test_valid_panel_passes_the_schema():
    out = validate(seed_panel())
    assert len(out) == 6


def test_schema_violation_stops_with_the_failing_rows():
    p = seed_panel()
    bad = p.index[p["indicator"] == "trained"][0]
    p.loc[bad, "status"] = "planned"          # not in the vocabulary
    p.loc[bad, "unit"] = "yuan"               # does not fit 'trained'
    with pytest.raises(PanelSchemaError) as err:
        validate(p)
    msg = str(err.value)
    assert "status" in msg and "planned" in msg
    assert "unit does not fit the indicator" in msg
    assert "培训干部人才330人次" in msg       # the offending row is shown
    assert "募集款物1418.21万元" not in msg    # and the good ones are not


def test_employment_rows_need_a_detail():
    p = seed_panel()
    p.loc[0, "indicator"], p.loc[0, "unit"] = "employment", "person"
    with pytest.raises(PanelSchemaError, match="employment rows need detail"):
        validate(p)


@pytest.mark.parametrize("value, text", [(14182100.000000002, "14182100"), (0.29 * 1e8, "29000000"),
                                         (2.5, "2.5"), (1e10, "10000000000"), (0.0, "0"),
                                         (None, "")])
def test_numbers_print_without_float_noise(value, text):
    assert format_number(value) == text


def test_writes_are_deterministic_and_read_back(tmp_path):
    p = validate(seed_panel())
    mentions = pd.DataFrame({"doc_id": [DOC, DOC], "start": [20, 10], "end": [25, 15],
                             "text": ["330人次", "1418.21万元"], "value": [330.0, 1418.21 * 10000],
                             "unit": ["person_time", "yuan"], "qualifier": ["exact", "exact"],
                             "decision": ["row", "row"], "indicator": ["trained", "social_aid"],
                             "reason": ["", ""]})
    a, b = tmp_path / "a", tmp_path / "b"
    write_panel(p, mentions, a)
    # a shuffled copy must give the same bytes: the writer sorts
    write_panel(p.sample(frac=1, random_state=1), mentions.iloc[::-1], b)
    for name in ("panel.csv", "panel.parquet", "mentions.csv", "codebook.yaml",
                 "corrections_log.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    csv_text = (a / "panel.csv").read_text(encoding="utf-8")
    assert "\r" not in csv_text and ",14182100," in csv_text and ",29000000," in csv_text
    assert "14182100.0" not in csv_text
    assert (a / "mentions.csv").read_text(encoding="utf-8").splitlines()[1].startswith(
        f"{DOC},10,15,1418.21万元,14182100,")
    for name in ("panel.csv", "panel.parquet"):
        back = read_panel(a / name)
        pd.testing.assert_frame_equal(back, p, check_dtype=False)


def test_pairings_check_lists_pairs_not_in_the_file(tmp_path):
    pairings = tmp_path / "pairings.csv"
    pairings.write_text(
        "donor,recipient,program,start_year,end_year,source\n"
        "天津市宝坻区,甘肃省天水市武山县,east_west,2017,2020,seed 000\n"
        "天津市,民丰县,counterpart,2010,,ts.cn\n"          # city-level, short name, open end
        "天津市宝坻区,甘肃省兰州市永登县,east_west,2021,2025,made up for the test\n",
        encoding="utf-8")
    p = seed_panel()
    province = p.iloc[[0]].assign(recipients="甘肃省", year=2019)   # a province-level row
    p = pd.concat([p, province], ignore_index=True)
    out = check_pairings(p, pairings)
    assert out[["recipient", "years"]].values.tolist() == [[YONGDENG, "2020"]]
    assert "listed only for 2021–2025" in out["problem"].iloc[0]


def test_pairings_check_says_when_the_file_is_missing(tmp_path):
    with pytest.raises(FileNotFoundError, match="pairings.csv: pairings file not found"):
        check_pairings(seed_panel(), tmp_path / "pairings.csv")


def test_cli_reports_a_missing_folder(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "nowhere: no such folder" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2            # --out is required
    assert "--out" in capsys.readouterr().err


def test_pairings_check_uses_adcodes_when_names_differ(tmp_path):
    # 水城县 became 水城区 in 2020 (same place, today's adcode 520204): the adcode says so.
    pairings = tmp_path / "pairings.csv"
    pairings.write_text("donor,recipient,recipient_adcode,start_year,end_year\n"
                        "大连高新技术产业园区,贵州省六盘水市水城县,520204,2018,2020\n",
                        encoding="utf-8")
    p = seed_panel().iloc[[0]].assign(donor="大连高新技术产业园区", recipients="贵州省六盘水市水城区",
                                      recipient_adcodes="520204")
    assert check_pairings(p, pairings).empty
    p = p.assign(recipient_adcodes="520201", recipients="贵州省六盘水市钟山区")
    assert check_pairings(p, pairings)["recipient"].tolist() == ["贵州省六盘水市钟山区"]


# ---------------------------------------------------------------------------------------------
# the real pipeline on copies of real reports

REAL = ("000_d2a4b9fed8e568a6.txt", "d01.txt", "d03.txt")  # plain, Traditional, HTML-in-text


@pytest.fixture(scope="module")
def raw_copy(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for name in REAL:
        shutil.copy(paths.RAW / name, raw / name)
    return raw


def test_assemble_maps_every_evidence_back_to_the_raw_text(raw_copy):
    from helpers import ingest, normalize
    from helpers.attribute import extract_corpus
    from helpers.panel import assemble

    _, docs = ingest.ingest_dir(raw_copy, None, progress=False)
    rows, _ = extract_corpus(docs)
    p = assemble(rows, docs)
    assert list(p.columns) == list(codebook.PANEL_COLUMNS)
    assert set(p["doc_id"]) == {n[:-4] for n in REAL} and set(p["origin"]) == {"extracted"}
    keys = list(zip(p["doc_id"], p["start"]))
    assert keys == sorted(keys)
    for r in p.itertuples():
        doc = docs[r.doc_id]
        assert doc.text[r.start:r.end] == r.evidence
        # the raw span holds the same words before normalisation (d01 is in Traditional script)
        assert normalize.normalize_fragment(doc.raw_text[r.raw_start:r.raw_end]) == r.evidence
    d01 = p[p["doc_id"] == "d01"].iloc[0]
    raw01 = docs["d01"].raw_text[d01.raw_start:d01.raw_end]
    assert raw01 != d01.evidence and any(ch in raw01 for ch in "億縣區個實")


def test_cli_builds_the_panel_and_applies_corrections(raw_copy, tmp_path, capsys):
    header = "action,doc_id,match_evidence,set_donor,set_program,set_year,set_period," \
             "set_status,set_indicator,set_value,set_unit,set_qualifier,set_evidence,reason\n"
    (raw_copy / "corrections.csv").write_text(
        header
        + f"add,{DOC},,天津市宝坻区,mixed,2020,cumulative,actual,cadres_sent,42,person,exact,"
          "先后派驻42名党员干部,test: a reader counts them as cadres\n"
        + f"drop,{DOC},这句话不在报告里,,,,,,,,,,,test: stale\n"
        + "drop,no_such_report,某句话,,,,,,,,,,,test: unknown document\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(raw_copy), "--out", str(out), "--quiet",
                 "--evidence", str(tmp_path / "evidence")]) == 0
    printed = capsys.readouterr()
    assert "panel row(s)" in printed.out and "2 unmatched" in printed.out
    # every correction that matched nothing is printed, an unknown doc_id said as such
    assert f"correction on line 3 (drop {DOC}) matched nothing: no row matches" in printed.err
    assert "line 4 (drop no_such_report) matched nothing" in printed.err
    assert "doc_id 'no_such_report' is not an ingested document" in printed.err
    for name in ("documents.csv", "panel.csv", "panel.parquet", "mentions.csv", "codebook.yaml",
                 "corrections_log.csv", f"text/{DOC}.txt"):
        assert (out / name).exists(), name
    docs = pd.read_csv(out / "documents.csv", dtype=str)
    assert docs.set_index("file").loc["corrections.csv", "status"] == "reference"
    panel = read_panel(out / "panel.csv")
    added = panel[panel["origin"] == "correction"]
    assert added[["indicator", "value", "evidence"]].values.tolist() == [
        ["cadres_sent", 42.0, "先后派驻42名党员干部"]]
    text = (out / "text" / f"{DOC}.txt").read_text(encoding="utf-8")
    assert text[added["start"].iloc[0]:added["end"].iloc[0]] == "先后派驻42名党员干部"
    page = (tmp_path / "evidence" / f"{DOC}.html").read_text(encoding="utf-8")
    assert page.count("先后派驻42名党员干部") >= 2     # marked in the text and in the row table
    assert (tmp_path / "evidence" / "index.html").exists()
    log = pd.read_csv(out / "corrections_log.csv", dtype=str)
    assert log[["result", "line", "action"]].values.tolist() == [["applied", "2", "add"],
                                                                  ["unmatched", "3", "drop"],
                                                                  ["unmatched", "4", "drop"]]


def test_cli_stops_on_a_malformed_corrections_file(raw_copy, tmp_path, capsys):
    bad = tmp_path / "corrections.csv"
    bad.write_text("action,doc_id,reason\nerase,x,why\n", encoding="utf-8")
    assert main([str(raw_copy), "--out", str(tmp_path / "out"), "--corrections", str(bad)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "line 2" in err and "'erase'" in err
    assert not (tmp_path / "out" / "panel.csv").exists()


def test_rejected_mentions_are_counted_by_kind_with_context():
    from dataclasses import dataclass

    from helpers.panel import rejected_by_reason

    @dataclass
    class Doc:
        text: str

    text = (paths.RAW / "d19.txt").read_text(encoding="utf-8")
    at = text.index("366个")
    m = pd.DataFrame({
        "doc_id": ["d19", "d19", "d19"], "start": [at, 0, 10], "end": [at + 4, 2, 12],
        "text": ["366个", "19日", "x"], "value": [366.0, 19.0, 1.0],
        "unit": ["count", "count", "count"], "qualifier": ["exact"] * 3,
        "decision": ["rejected", "rejected", "panel"], "indicator": ["", "", "projects"],
        "reason": ["facilities (扶贫车间)", "no indicator cue near the figure", "cue 项目"]})
    out = rejected_by_reason(m, {"d19": Doc(text)}, width=6)
    # the reason's cue word in parentheses is dropped; ties keep alphabetical order
    assert out.index.tolist() == ["facilities", "no indicator cue near the figure"]
    assert out.loc["facilities", "mentions"] == 1
    assert out.loc["facilities", "examples"] == "d19: …援建扶贫车间366个"


def test_pairings_check_does_not_let_a_bare_level_word_cover_every_county(tmp_path):
    # 社旗县 ends in 旗+县: cutting the name at 旗 once left "县", and every county "ended with" it.
    pairings = tmp_path / "pairings.csv"
    pairings.write_text("donor,recipient,start_year,end_year\n"
                        "天津市宝坻区,河南省南阳市社旗县,2017,2020\n", encoding="utf-8")
    p = seed_panel()
    p = p[p["recipients"] == WUSHAN]
    out = check_pairings(p, pairings)
    assert out["recipient"].tolist() == [WUSHAN]
    assert out["problem"].iloc[0].startswith("no pairing")


def test_a_pairing_year_that_is_not_a_year_is_an_error_naming_the_line(tmp_path):
    # "2017年" used to read as an open start, so the pairing silently covered every earlier year.
    from helpers.panel import read_pairings

    pairings = tmp_path / "pairings.csv"
    pairings.write_text("donor,recipient,start_year,end_year\n"
                        "天津市宝坻区,甘肃省天水市武山县,2017,2020\n"
                        "天津市宝坻区,甘肃省兰州市永登县,2017年,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pairings\.csv, line 3: start_year '2017年'"):
        read_pairings(pairings)
    with pytest.raises(ValueError, match="line 3"):
        check_pairings(seed_panel(), pairings)


# ---------------------------------------------------------------------------------------------
# one bad row never stops the run

def test_rows_failing_the_schema_are_set_aside_with_their_reason():
    from helpers.panel import set_aside_invalid

    p = seed_panel()
    p.loc[0, "year"] = pd.NA           # an undated figure is a row (its year stays empty)
    p.loc[1, "donor"] = None
    p.loc[3, "status"] = "planned"
    p.loc[4, "unit"] = "person"
    valid, aside = set_aside_invalid(coerce_panel(p))
    assert len(valid) == 3 and len(aside) == 3
    assert valid["year"].isna().sum() == 1
    assert sorted(aside["reason"]) == sorted([
        "donor missing", "status planned fails isin(['actual', 'target', 'expected'])",
        "unit does not fit the indicator"])
    assert list(aside.columns) == [*codebook.PANEL_COLUMNS, "reason"]
    assert validate(valid).equals(valid)


UNDATED = "天津市和平区向甘肃省白银市靖远县捐赠财政援助资金300万元,用于修建村道和饮水工程。"
DATED = ("西湖区帮扶台江县工作纪实\n2020年,杭州市西湖区投入财政帮扶资金1200万元,实施帮扶项目15个,"
         "带动贫困人口3400人脱贫。")


def test_an_undated_report_keeps_its_rows_with_an_empty_year(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (raw / "dated.txt").write_text(DATED, encoding="utf-8")
    assert main([str(raw), "--out", str(tmp_path / "out"), "--quiet", "--jobs", "1"]) == 0
    panel = read_panel(tmp_path / "out" / "panel.csv")
    assert set(panel["doc_id"]) == {"dated", "undated"}
    undated = panel[panel["doc_id"] == "undated"]
    assert undated[["indicator", "value"]].values.tolist() == [["fiscal_aid", 3000000]]
    assert undated["year"].isna().all() and panel[panel["doc_id"] == "dated"]["year"].notna().all()
    mentions = pd.read_csv(tmp_path / "out" / "mentions.csv", dtype=str, keep_default_na=False)
    m = mentions[mentions["doc_id"] == "undated"]
    assert m[["text", "decision", "year_from"]].values.tolist() == [["300万元", "panel", "year:none"]]


def test_a_row_with_no_donor_is_set_aside_and_the_run_goes_on(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "nodonor.txt").write_text("2020年,全县投入帮扶资金300万元,修建村道。", encoding="utf-8")
    (raw / "dated.txt").write_text(DATED, encoding="utf-8")
    assert main([str(raw), "--out", str(tmp_path / "out"), "--quiet", "--jobs", "1"]) == 0
    printed = capsys.readouterr()
    assert "1 row(s) set aside (donor missing 1)" in printed.out
    assert "set_aside.csv" in printed.err
    panel = read_panel(tmp_path / "out" / "panel.csv")
    assert set(panel["doc_id"]) == {"dated"}
    aside = pd.read_csv(tmp_path / "out" / "set_aside.csv", dtype=str, keep_default_na=False)
    assert aside[["doc_id", "indicator", "value", "reason"]].values.tolist() == [
        ["nodonor", "fiscal_aid", "3000000", "donor missing"]]
    mentions = pd.read_csv(tmp_path / "out" / "mentions.csv", dtype=str, keep_default_na=False)
    m = mentions[mentions["doc_id"] == "nodonor"]
    assert m[["text", "decision", "reason"]].values.tolist() == [
        ["300万元", "set_aside", "set aside: donor missing"]]
    # a runner that only sees the written files prints the same news
    from helpers.panel import problems_in_outputs
    assert problems_in_outputs(tmp_path / "out") == [
        "1 row(s) set aside (donor missing 1): see set_aside.csv"]


@pytest.mark.parametrize("text, problem", [
    ("", r"line 1: the file is empty"),
    ("donor,recipient,start_year\n天津市宝坻区,甘肃省天水市武山县,2017,2020\n",
     r"line 2: 4 fields, but the header has 3"),
    ('donor,recipient\n天津市宝坻区,"甘肃省天水市武山县\n天津市宝坻区,甘肃省兰州市永登县\n',
     r"line 2: unexpected end of data"),
    ("donor,place\n天津市宝坻区,甘肃省天水市武山县\n", r"line 1: header lacks column\(s\) recipient"),
])
def test_a_malformed_pairings_file_names_the_file_and_the_line(tmp_path, text, problem):
    from helpers.panel import read_pairings

    path = tmp_path / "pairings.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"pairings\.csv, " + problem):
        read_pairings(path)
