"""Hand corrections (data/raw/corrections.csv): drop, change, add, unmatched, malformed files.

The panel under correction holds real rows of seed report 000 (宝坻区 2020): its text is used
as given, so the evidence offsets are positions in the raw file.
"""
import shutil
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest

from helpers import codebook, paths
from helpers.ingest import ingest_dir
from helpers.panel import (CORRECTION_COLUMNS, CorrectionsFileError, apply_corrections,
                           corrections_log, read_corrections, sort_panel, coerce_panel)

DOC = "000_d2a4b9fed8e568a6"
TEXT = (paths.RAW / f"{DOC}.txt").read_text(encoding="utf-8")
DONOR = "天津市宝坻区"
WUSHAN, YONGDENG = "甘肃省天水市武山县", "甘肃省兰州市永登县"


def real_docs():
    """The ingested Document of seed 000 (clean text, raw text and the offset map)."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(paths.RAW / f"{DOC}.txt", Path(tmp) / f"{DOC}.txt")
        _, docs = ingest_dir(tmp, None, progress=False)
    return docs


def row(indicator, value, unit, evidence, recipients=None, status="actual", detail=None,
        program="east_west", qualifier="exact"):
    start = TEXT.index(evidence)
    return {"doc_id": DOC, "donor": DONOR, "recipients": recipients, "program": program,
            "year": 2020, "period": "annual", "status": status, "indicator": indicator,
            "value": value, "unit": unit, "qualifier": qualifier, "detail": detail,
            "evidence": evidence, "recipient_adcodes": None, "start": start,
            "end": start + len(evidence), "raw_start": start, "raw_end": start + len(evidence),
            "origin": "extracted"}


def seed_panel():
    rows = [
        row("cadres_sent", 13, "person", "选派13名优秀处科级党政干部", program="mixed"),
        row("professionals_sent", 81, "person", "81名专业技术人才", program="mixed"),
        row("cadres_received", 9, "person", "接收受援地区9名党政干部", program="mixed"),
        row("trained", 330, "person_time", "培训干部人才330人次", WUSHAN, detail="cadres"),
        row("trained", 121, "person_time", "培训干部人才121人次", YONGDENG, detail="cadres"),
        # one "各" evidence, one row per county
        row("social_aid", 300000, "yuan", "捐赠社会帮扶款各30万元", WUSHAN, detail="health"),
        row("social_aid", 300000, "yuan", "捐赠社会帮扶款各30万元", YONGDENG, detail="health"),
    ]
    return sort_panel(coerce_panel(pd.DataFrame(rows)[list(codebook.PANEL_COLUMNS)]))


def write(tmp_path, lines, header=None):
    header = header or ",".join(CORRECTION_COLUMNS)
    path = tmp_path / "corrections.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def line(**kw):
    return ",".join(kw.get(c, "") for c in CORRECTION_COLUMNS)


def test_shipped_corrections_file_parses():
    # The project's own file must always be well-formed (it may hold only the header).
    read_corrections(paths.RAW / "corrections.csv")


def test_drop_removes_the_matched_row_and_logs_it(tmp_path):
    path = write(tmp_path, [line(action="drop", doc_id=DOC, match_evidence="81名专业技术人才",
                                 reason="mixes cadres and professionals (ambiguous.md)",
                                 author="lz", date="2026-11-22")])
    panel, log, unmatched = apply_corrections(seed_panel(), path)
    assert len(panel) == 6
    assert "81名专业技术人才" not in set(panel["evidence"])
    assert unmatched.empty
    assert log[["line", "action", "indicator", "value", "change", "author"]].values.tolist() == [
        [2, "drop", "professionals_sent", 81.0, "dropped", "lz"]]


def test_change_sets_columns_marks_origin_and_lists_old_and_new_values(tmp_path):
    path = write(tmp_path, [line(action="change", doc_id=DOC, match_evidence="选派13名",
                                 set_status="target", set_detail="party",
                                 reason="test: recode status")])
    panel, log, unmatched = apply_corrections(seed_panel(), path)
    changed = panel[panel["indicator"] == "cadres_sent"].iloc[0]
    assert (changed["status"], changed["detail"], changed["origin"]) == ("target", "party",
                                                                         "correction")
    assert (panel["origin"] == "correction").sum() == 1
    assert log["change"].tolist() == ["status: actual → target; detail: ∅ → party"]
    assert unmatched.empty


def test_match_recipients_picks_one_of_the_each_rows(tmp_path):
    # The two 各30万 rows share the evidence; the recipients set (any order) picks one.
    path = write(tmp_path, [line(action="drop", doc_id=DOC, match_evidence="各30万元",
                                 match_recipients=YONGDENG, reason="test: keep 武山 only")])
    panel, log, _ = apply_corrections(seed_panel(), path)
    left = panel[panel["evidence"] == "捐赠社会帮扶款各30万元"]
    assert left["recipients"].tolist() == [WUSHAN]
    assert log["recipients"].tolist() == [YONGDENG]


def test_without_narrowing_every_matched_row_is_changed(tmp_path):
    path = write(tmp_path, [line(action="change", doc_id=DOC, match_evidence="培训干部人才",
                                 match_indicator="trained", set_unit="person",
                                 reason="test: 人次 read as persons")])
    panel, log, _ = apply_corrections(seed_panel(), path)
    assert sorted(log["value"]) == [121.0, 330.0]
    assert set(panel.loc[panel["indicator"] == "trained", "unit"]) == {"person"}


def test_add_locates_the_evidence_and_marks_the_row(tmp_path):
    evidence = "接受三地104名教师"
    path = write(tmp_path, [line(action="add", doc_id=DOC, set_donor=DONOR,
                                 set_program="mixed", set_year="2020", set_period="annual",
                                 set_status="actual", set_indicator="professionals_received",
                                 set_value="104", set_unit="person", set_qualifier="exact",
                                 set_detail="teachers", set_evidence=evidence,
                                 reason="test: missed by the rules")])
    docs = real_docs()
    panel, log, unmatched = apply_corrections(seed_panel(), path, docs)
    added = panel[panel["origin"] == "correction"]
    assert len(added) == 1 and len(panel) == 8
    r = added.iloc[0]
    assert docs[DOC].text[r["start"]:r["end"]] == evidence
    assert docs[DOC].raw_text[r["raw_start"]:r["raw_end"]] == evidence
    assert (r["value"], r["unit"], r["detail"], pd.isna(r["recipients"])) == (104.0, "person",
                                                                             "teachers", True)
    assert log["change"].tolist() == ["added"] and unmatched.empty
    # the panel stays sorted by position
    assert panel["start"].is_monotonic_increasing


def test_stale_corrections_are_reported_with_a_warning_not_ignored(tmp_path):
    path = write(tmp_path, [
        line(action="drop", doc_id=DOC, match_evidence="选派14名", reason="evidence changed"),
        line(action="drop", doc_id="999_gone", match_evidence="x", reason="document gone"),
        line(action="change", doc_id=DOC, match_evidence="选派13名", set_status="actual",
             reason="already so"),
        line(action="add", doc_id=DOC, set_donor=DONOR, set_program="mixed", set_year="2020",
             set_period="annual", set_status="actual", set_indicator="professionals_sent",
             set_value="81", set_unit="person", set_qualifier="exact",
             set_evidence="81名专业技术人才", reason="rules now extract it"),
    ])
    with pytest.warns(UserWarning, match="4 correction"):
        panel, log, unmatched = apply_corrections(seed_panel(), path)
    assert len(panel) == 7 and log.empty
    assert unmatched["line"].tolist() == [2, 3, 4, 5]
    problems = unmatched["problem"].tolist()
    assert "no row matches" in problems[0]
    assert "999_gone" in problems[1]
    assert "already have these values" in problems[2]
    assert "already has this row" in problems[3]
    both = corrections_log(log, unmatched)
    assert both["result"].tolist() == ["unmatched"] * 4


def test_add_whose_evidence_is_not_in_the_text_is_reported(tmp_path):
    path = write(tmp_path, [line(action="add", doc_id=DOC, set_donor=DONOR, set_program="mixed",
                                 set_year="2020", set_period="annual", set_status="actual",
                                 set_indicator="projects", set_value="7", set_unit="count",
                                 set_qualifier="exact", set_evidence="新增落地项目7个",
                                 reason="typo in evidence")])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        panel, log, unmatched = apply_corrections(seed_panel(), path, real_docs())
    assert len(panel) == 7 and log.empty
    assert "not found in the clean text" in unmatched["problem"].iloc[0]


@pytest.mark.parametrize("lines, header, message", [
    ([line(action="remove", doc_id=DOC, match_evidence="x", reason="r")], None,
     r"line 2: action 'remove' is not one of drop, change, add"),
    ([line(action="drop", doc_id=DOC, match_evidence="x")], None, r"line 2: reason is empty"),
    ([line(action="drop", doc_id=DOC, reason="r")], None, r"line 2: drop needs match_evidence"),
    ([line(action="change", doc_id=DOC, match_evidence="x", set_status="planned", reason="r")],
     None, r"line 2: set_status 'planned' is not one of actual, target, expected"),
    ([line(action="change", doc_id=DOC, match_evidence="x", set_value="三千", reason="r")],
     None, r"line 2: set_value '三千' is not a number"),
    ([line(action="change", doc_id=DOC, match_evidence="x", set_donor="<empty>", reason="r")],
     None, r"donor may not be empty"),
    ([line(action="add", doc_id=DOC, set_indicator="trained", set_value="5", reason="r")],
     None, r"line 2: add needs set_donor"),
    ([line(action="change", doc_id=DOC, match_evidence="x", set_indicator="fiscal_aid",
           set_unit="person", reason="r")], None, r"unit 'person' does not fit"),
    (["drop," + DOC], None, r"line 2: 2 fields, but the header has"),
    ([line(action="drop", doc_id=DOC, match_evidence="x", reason="r") + ",extra"], None,
     r"line 2: \d+ fields, but the header has"),
    ([line(action="drop", doc_id=DOC, match_evidence='"x', reason="r")], None,
     r"line 2: unexpected end of data"),
    ([], "action,doc_id,match_evidence,set_valeu,reason", r"line 1: unknown column\(s\) set_valeu"),
    ([], "action,match_evidence,reason", r"line 1: header lacks column\(s\) doc_id"),
])
def test_malformed_file_names_file_line_and_problem(tmp_path, lines, header, message):
    ok = line(action="drop", doc_id=DOC, match_evidence="81名", reason="fine")
    # a good first line makes sure the reported line number is that of the bad one
    body = lines if header else [ok, *lines]
    path = write(tmp_path, body, header)
    if not header:
        message = message.replace("line 2", "line 3")
    with pytest.raises(CorrectionsFileError, match=message) as err:
        read_corrections(path)
    assert str(path) in str(err.value)


def test_quoted_multiline_reason_and_bom_are_read(tmp_path):
    path = tmp_path / "corrections.csv"
    text = ("\ufeffaction,doc_id,match_evidence,reason\n"
            f'drop,{DOC},81名专业技术人才,"两行的\n理由, 含逗号"\n'
            f"drop,{DOC},接收受援地区9名,second\n")
    path.write_text(text, encoding="utf-8")
    corr = read_corrections(path)
    assert [c.line for c in corr] == [2, 4]
    assert corr[0].reason == "两行的\n理由, 含逗号"


def test_an_empty_corrections_file_names_the_file_and_line_1(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(CorrectionsFileError, match=r"corrections\.csv, line 1: the file is empty"):
        read_corrections(path)


def test_missing_or_non_utf8_file_is_a_clear_error(tmp_path):
    with pytest.raises(CorrectionsFileError, match="not found"):
        read_corrections(tmp_path / "nope.csv")
    bad = tmp_path / "gbk.csv"
    bad.write_bytes("action,doc_id,reason\ndrop,x,理由\n".encode("gbk"))
    with pytest.raises(CorrectionsFileError, match="not UTF-8"):
        read_corrections(bad)


def test_changed_recipients_get_their_adcodes_from_the_gazetteer(tmp_path):
    path = write(tmp_path, [line(action="change", doc_id=DOC, match_evidence="培训干部人才330人次",
                                 set_recipients=f"{WUSHAN};{YONGDENG}",
                                 reason="test: both counties trained")])
    panel, log, _ = apply_corrections(seed_panel(), path)
    r = panel[panel["evidence"] == "培训干部人才330人次"].iloc[0]
    # official adcodes: 武山县 620524 (天水), 永登县 620121 (兰州)
    assert r["recipient_adcodes"] == "620524;620121"
    assert log["change"].iloc[0] == f"recipients: {WUSHAN} → {WUSHAN};{YONGDENG}"


def test_a_change_to_the_values_already_there_is_reported(tmp_path):
    # year is an integer column: 2020 in the file equals the panel's 2020, whatever its dtype
    path = write(tmp_path, [line(action="change", doc_id=DOC, match_evidence="81名专业技术人才",
                                 set_year="2020", set_value="81", reason="test: no-op")])
    with pytest.warns(UserWarning, match="already have these values"):
        panel, log, unmatched = apply_corrections(seed_panel(), path)
    assert log.empty and unmatched["line"].tolist() == [2]
    assert set(panel["origin"]) == {"extracted"}
