"""The facts table from a constructed panel whose every fact is worked out by hand.

Sentences are made up for the test. Documents: t1 (宝坻区's work report), t2 (a second 宝坻区
report), t3 (永登县's own news page: its publisher is in 永登县), t4/t5/t6 (three reports on 武山县),
h1 (和平区's report), j1 (靖远县's report, which credits 天津市), b1/b2/b3 (白银市, 靖远县 and 会宁县
pages on 和平区), q1/q2 (two undated reports), r1/r2 (digests of several pairs), t0 (a 2019 report).
"""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import facts as F
from helpers.codebook import PANEL_COLUMNS, panel_schema

WUSHAN, YONGDENG = "甘肃省天水市武山县", "甘肃省兰州市永登县"
JINGYUAN, HUINING, BAIYIN = "甘肃省白银市靖远县", "甘肃省白银市会宁县", "甘肃省白银市"
CODES = {WUSHAN: "620524", YONGDENG: "620121", JINGYUAN: "620421", HUINING: "620422",
         BAIYIN: "620400"}
BAODI, HEPING, TIANJIN = "天津市宝坻区", "天津市和平区", "天津市"


def row(doc, donor, recipients, indicator, value, unit, evidence, *, start, period="annual",
        status="actual", detail="", qualifier="exact", year=2020):
    names = recipients.split(";") if recipients else []
    return {"doc_id": doc, "donor": donor, "recipients": recipients, "program": "east_west",
            "year": year, "period": period, "status": status, "indicator": indicator,
            "value": float(value), "unit": unit, "qualifier": qualifier, "detail": detail or None,
            "evidence": evidence, "recipient_adcodes": ";".join(CODES[n] for n in names) or None,
            "start": start, "end": start + len(evidence), "raw_start": start,
            "raw_end": start + len(evidence), "origin": "extracted"}


def constructed_panel() -> pd.DataFrame:
    rows = [
        # a district total and its two county parts (t1); 永登's part is restated differently by
        # the county's own page t3
        row("t1", BAODI, "", "fiscal_aid", 10_000_000, "yuan", "全年安排财政帮扶资金1000万元", start=10),
        row("t1", BAODI, WUSHAN, "fiscal_aid", 6_000_000, "yuan", "其中武山县600万元", start=30),
        row("t1", BAODI, YONGDENG, "fiscal_aid", 4_000_000, "yuan", "永登县400万元", start=45),
        # beside a total its parts add up to, another fund of the donor is a separate amount
        row("t1", BAODI, "", "fiscal_aid", 3_000_000, "yuan", "另有劳务协作资金300万元", detail="labour", start=70),
        row("t3", BAODI, YONGDENG, "fiscal_aid", 4_500_000, "yuan", "宝坻区为我县投入财政资金450万元", start=5),
        # the same beneficiaries in two reports, and printed twice in t1
        row("t1", BAODI, WUSHAN, "poor_beneficiaries", 1200, "person", "带动武山县1200名贫困人口", start=60),
        row("t1", BAODI, WUSHAN, "poor_beneficiaries", 1200, "person", "带动武山县1200名贫困人口", start=560),
        row("t2", BAODI, WUSHAN, "poor_beneficiaries", 1200, "person", "武山县1200名贫困人口受益", start=8),
        # a donation total and a named gift inside it that does not add up to it
        row("t1", BAODI, "", "social_aid", 1_000_000, "yuan", "募集社会帮扶资金100万元", start=90),
        row("t1", BAODI, WUSHAN, "social_aid", 300_000, "yuan", "捐赠助学资金30万元", detail="education", start=110),
        # "each": two villages of 武山 get 20万 each from one sentence
        row("t2", BAODI, WUSHAN, "social_aid", 200_000, "yuan", "两村分别获捐20万元", detail="villages", start=40),
        row("t2", BAODI, WUSHAN, "social_aid", 200_000, "yuan", "两村分别获捐20万元", detail="villages", start=40),
        # a rounded headline and the exact body of one report, and a second report rounding
        row("t2", BAODI, WUSHAN, "consumption_aid", 24_000_000, "yuan", "消费帮扶逾2400万元", qualifier="lower_bound", start=0),
        row("t2", BAODI, WUSHAN, "consumption_aid", 24_280_000, "yuan", "采购销售农产品2428万元", start=70),
        row("t4", BAODI, WUSHAN, "consumption_aid", 24_000_000, "yuan", "消费帮扶约2400万元", qualifier="approx", start=3),
        # three reports disagree on 武山's cadres: two say 12, one 9
        row("t4", BAODI, WUSHAN, "cadres_sent", 12, "person", "选派12名干部赴武山挂职", start=30),
        row("t5", BAODI, WUSHAN, "cadres_sent", 12, "person", "12名干部在武山挂职", start=3),
        row("t6", BAODI, WUSHAN, "cadres_sent", 9, "person", "9名干部在武山挂职", start=3),
        # two dated reports disagree on 武山's trainees (the later one is revised)
        row("t5", BAODI, WUSHAN, "trained", 500, "person_time", "培训500人次", start=20),
        row("t6", BAODI, WUSHAN, "trained", 650, "person_time", "培训650人次", start=20),
        # two undated reports of the same kind disagree: nothing decides but the doc_id
        row("q1", BAODI, WUSHAN, "enterprises", 7, "count", "引导7家企业落地武山", start=3),
        row("q2", BAODI, WUSHAN, "enterprises", 5, "count", "引导5家企业落地武山", start=3),
        # a page about one pair against a digest of many pairs
        row("t5", BAODI, WUSHAN, "projects", 18, "count", "实施帮扶项目18个", start=40),
        row("r2", BAODI, WUSHAN, "projects", 20, "count", "宝坻区在武山实施项目20个", start=3),
        row("r2", HEPING, JINGYUAN, "projects", 4, "count", "和平区在靖远实施项目4个", start=30),
        row("r2", TIANJIN, "", "projects", 100, "count", "全市实施项目100个", start=60),
        # one transfer from both sides: the district's report and the county's own (天津市 → 靖远县)
        row("h1", HEPING, JINGYUAN, "fiscal_aid", 5_162_000, "yuan", "向靖远县投入财政资金516.2万元", start=10),
        row("j1", TIANJIN, JINGYUAN, "fiscal_aid", 5_162_000, "yuan", "天津市投入我县财政资金516.2万元", start=10),
        # ... not the same transfer: the city's figure is larger, the district's lies inside it
        row("h1", HEPING, JINGYUAN, "professionals_sent", 6, "person", "选派6名专业技术人才", start=40),
        row("j1", TIANJIN, JINGYUAN, "professionals_sent", 10, "person", "天津市选派10名专业技术人才", start=40),
        # a prefecture page and a county page on one cadre posting: one fact, under the county
        row("b1", HEPING, BAIYIN, "cadres_sent", 5, "person", "和平区向白银市选派5名干部", start=3),
        row("b2", HEPING, JINGYUAN, "cadres_sent", 5, "person", "和平区5名干部在靖远挂职", start=3),
        # a prefecture figure that two counties' figures could each restate: ambiguous, kept apart
        row("b1", HEPING, BAIYIN, "enterprises", 3, "count", "引进3家企业落户白银", start=30),
        row("b2", HEPING, JINGYUAN, "enterprises", 3, "count", "引进3家企业落户靖远", start=30),
        row("b3", HEPING, HUINING, "enterprises", 3, "count", "引进3家企业落户会宁", start=3),
        # checks: a part larger than its total, a cumulative below its years, an actual far above
        # its target, one figure under two indicators
        row("r1", TIANJIN, "", "pairings", 40, "count", "天津市结对帮扶40个", start=3),
        row("r1", BAODI, WUSHAN, "pairings", 55, "count", "宝坻区与武山县结对55个", start=20),
        row("t0", BAODI, "", "fiscal_aid", 8_000_000, "yuan", "2019年安排财政资金800万元", year=2019, start=3),
        row("t1", BAODI, "", "fiscal_aid", 15_000_000, "yuan", "累计投入财政资金1500万元", period="cumulative", start=150),
        row("t1", BAODI, "", "trained", 100, "person_time", "计划培训100人次", status="target", start=180),
        row("t2", BAODI, "", "trained", 1000, "person_time", "全年培训1000人次", start=120),
        row("t1", BAODI, YONGDENG, "cadres_sent", 25, "person", "派出干部25名", start=200),
        row("t1", BAODI, YONGDENG, "professionals_sent", 25, "person", "专业技术人才25名", start=220),
    ]
    return pd.DataFrame(rows, columns=list(PANEL_COLUMNS))


DOCUMENTS = pd.DataFrame([
    {"doc_id": "t3", "date": "2020-12-01", "publisher": "永登县融媒体中心", "unit": ""},
    {"doc_id": "t5", "date": "2020-06-30", "publisher": "", "unit": ""},
    {"doc_id": "t6", "date": "2021-01-15", "publisher": "", "unit": ""},
    {"doc_id": "j1", "date": "2020-11-02", "publisher": "", "unit": "靖远县人民政府"},
])


@pytest.fixture(scope="module")
def panel():
    p = constructed_panel()
    panel_schema().validate(p)           # a valid panel, as the pipeline writes it
    return p


@pytest.fixture(scope="module")
def facts(panel):
    return F.build_facts(panel, DOCUMENTS)


def key(donor, recipients, indicator, period="annual", status="actual", detail=None, year=2020):
    return (donor, recipients, year, period, status, indicator, detail)


def by_key(facts):
    out = {}
    for r in facts.to_dict("records"):
        k = (r["donor"], r["recipients"] if isinstance(r["recipients"], str) else "", r["year"],
             r["period"], r["status"], r["indicator"],
             r["detail"] if isinstance(r["detail"], str) else None)
        assert k not in out, f"two facts for one cell {k}"
        out[k] = r
    return out


# (value, agreement, rule, n_statements, doc_ids, part_kind, key of the broader fact or None)
TOTAL = key(BAODI, "", "fiscal_aid")
SOCIAL = key(BAODI, "", "social_aid")
EXPECTED = {
    TOTAL: (10_000_000, "single", "single", 1, "t1", None, None),
    key(BAODI, "", "fiscal_aid", detail="labour"): (3_000_000, "single", "single", 1, "t1", None, None),
    key(BAODI, WUSHAN, "fiscal_aid"): (6_000_000, "single", "single", 1, "t1", "sum", TOTAL),
    key(BAODI, YONGDENG, "fiscal_aid"): (4_500_000, "conflict", "recipient_side", 2, "t1;t3", "sum", TOTAL),
    key(BAODI, WUSHAN, "poor_beneficiaries"): (1200, "same", "agreed", 3, "t1;t2", None, None),
    SOCIAL: (1_000_000, "single", "single", 1, "t1", None, None),
    key(BAODI, WUSHAN, "social_aid", detail="education"): (300_000, "single", "single", 1, "t1", "nested", SOCIAL),
    key(BAODI, WUSHAN, "social_aid", detail="villages"): (400_000, "single", "single", 2, "t2", "nested", SOCIAL),
    key(BAODI, WUSHAN, "consumption_aid"): (24_280_000, "within_5pct", "most_precise", 3, "t2;t4", None, None),
    key(BAODI, WUSHAN, "cadres_sent"): (12, "conflict", "most_documents", 3, "t4;t5;t6", None, None),
    key(BAODI, WUSHAN, "trained"): (650, "conflict", "latest_report", 2, "t5;t6", "nested", key(BAODI, "", "trained")),
    key(BAODI, WUSHAN, "enterprises"): (7, "conflict", "first_document", 2, "q1;q2", None, None),
    key(HEPING, JINGYUAN, "fiscal_aid"): (5_162_000, "same", "agreed", 2, "h1;j1", None, None),
    key(TIANJIN, JINGYUAN, "professionals_sent"): (10, "single", "single", 1, "j1", None, None),
    key(HEPING, JINGYUAN, "professionals_sent"): (6, "single", "single", 1, "h1", "nested", key(TIANJIN, JINGYUAN, "professionals_sent")),
    key(HEPING, JINGYUAN, "cadres_sent"): (5, "same", "agreed", 2, "b1;b2", None, None),
    key(HEPING, BAIYIN, "enterprises"): (3, "single", "single", 1, "b1", None, None),
    key(HEPING, JINGYUAN, "enterprises"): (3, "single", "single", 1, "b2", "nested", key(HEPING, BAIYIN, "enterprises")),
    key(HEPING, HUINING, "enterprises"): (3, "single", "single", 1, "b3", "nested", key(HEPING, BAIYIN, "enterprises")),
    key(BAODI, WUSHAN, "projects"): (18, "conflict", "most_specific", 2, "r2;t5", "nested", key(TIANJIN, "", "projects")),
    key(HEPING, JINGYUAN, "projects"): (4, "single", "single", 1, "r2", "nested", key(TIANJIN, "", "projects")),
    key(TIANJIN, "", "projects"): (100, "single", "single", 1, "r2", None, None),
    key(TIANJIN, "", "pairings"): (40, "single", "single", 1, "r1", None, None),
    key(BAODI, WUSHAN, "pairings"): (55, "single", "single", 1, "r1", None, None),
    key(BAODI, "", "fiscal_aid", year=2019): (8_000_000, "single", "single", 1, "t0", None, None),
    key(BAODI, "", "fiscal_aid", period="cumulative"): (15_000_000, "single", "single", 1, "t1", None, None),
    key(BAODI, "", "trained", status="target"): (100, "single", "single", 1, "t1", None, None),
    key(BAODI, "", "trained"): (1000, "single", "single", 1, "t2", None, None),
    key(BAODI, YONGDENG, "cadres_sent"): (25, "single", "single", 1, "t1", None, None),
    key(BAODI, YONGDENG, "professionals_sent"): (25, "single", "single", 1, "t1", None, None),
}


def test_every_fact_of_the_constructed_panel(facts):
    got = by_key(facts)
    assert set(got) == set(EXPECTED)
    ids = {k: r["fact_id"] for k, r in got.items()}
    for k, (value, agreement, rule, n_st, docs, kind, parent) in EXPECTED.items():
        r = got[k]
        assert r["value"] == pytest.approx(value), k
        assert (r["agreement"], r["rule"]) == (agreement, rule), k
        assert (r["n_statements"], r["doc_ids"]) == (n_st, docs), k
        assert r["n_documents"] == len(docs.split(";")), k
        assert (r["part_kind"] if isinstance(r["part_kind"], str) else None) == kind, k
        assert (r["part_of"] if isinstance(r["part_of"], str) else None) == (ids[parent] if parent else None), k
        assert r["min"] <= r["value"] <= r["max"], k
        assert r["source_doc"] in r["doc_ids"].split(";"), k
        assert len(r["row_ids"].split(";")) == n_st, k


def test_parts_adding_up_are_counted_on_the_total(facts):
    got = by_key(facts)
    assert got[TOTAL]["n_parts"] == 2                         # 600万 + 400万 (as t1 states them)
    assert (facts.drop(index=facts.index[facts["fact_id"] == got[TOTAL]["fact_id"]])["n_parts"] == 0).all()
    top = facts[facts["part_of"].isna() & (facts["indicator"] == "fiscal_aid")
                & (facts["year"] == 2020) & (facts["period"] == "annual")]
    # summing only facts with no part_of never counts a yuan twice
    assert set(top["donor"]) == {BAODI, HEPING}
    assert top["value"].sum() == pytest.approx(10_000_000 + 3_000_000 + 5_162_000)


def test_a_conflict_shows_what_each_document_states(facts):
    r = by_key(facts)[key(BAODI, YONGDENG, "fiscal_aid")]
    assert (r["min"], r["max"]) == (4_000_000, 4_500_000)
    assert r["values_by_doc"] == "t1=4000000; t3=4500000"
    assert r["source_doc"] == "t3" and r["evidence"] == "宝坻区为我县投入财政资金450万元"
    table = F.conflicts(facts)
    assert set(table["fact_id"]) == set(facts.loc[facts["agreement"] == "conflict", "fact_id"])
    assert table["spread"].iloc[0] == pytest.approx(1.4)       # 7 vs 5 enterprises first


def test_one_report_restating_itself_is_one_figure(facts):
    r = by_key(facts)[key(BAODI, WUSHAN, "consumption_aid")]
    assert r["n_figures"] == 1 and r["qualifier"] == "exact"
    assert r["values_by_doc"] == "t2=24280000; t4=24000000"
    beneficiaries = by_key(facts)[key(BAODI, WUSHAN, "poor_beneficiaries")]
    assert beneficiaries["n_figures"] == 1                     # printed twice in t1


def test_both_sides_of_one_transfer_are_one_fact_under_the_specific_names(facts):
    got = by_key(facts)
    assert key(TIANJIN, JINGYUAN, "fiscal_aid") not in got
    r = got[key(HEPING, JINGYUAN, "fiscal_aid")]
    assert r["also_reported_as"] == f"{TIANJIN} → {JINGYUAN} (j1)"
    assert r["recipient_adcodes"] == "620421"
    cadres = got[key(HEPING, JINGYUAN, "cadres_sent")]
    assert cadres["also_reported_as"] == f"{HEPING} → {BAIYIN} (b1)"
    assert key(HEPING, BAIYIN, "cadres_sent") not in got


def test_consistency_checks_find_what_a_reader_would(facts):
    checks = F.consistency_checks(facts)
    got = by_key(facts)
    found = {(c, got_fact) for c, got_fact in zip(checks["check"], checks["fact_id"])}
    fid = lambda k: got[k]["fact_id"]  # noqa: E731
    assert ("part_above_total", fid(key(BAODI, WUSHAN, "pairings"))) in found
    assert ("cumulative_below_annual", fid(key(BAODI, "", "fiscal_aid", period="cumulative"))) in found
    assert ("actual_far_above_target", fid(key(BAODI, "", "trained"))) in found
    # 白银's 3 enterprises hold 靖远's 3 and 会宁's 3: which one it restates is unknown
    assert ("parts_above_total", fid(key(HEPING, BAIYIN, "enterprises"))) in found
    same = checks[checks["check"] == "same_figure_two_indicators"]
    assert len(same) == 1 and "cadres_sent and professionals_sent" in same["message"].iloc[0]
    cum = checks[checks["check"] == "cumulative_below_annual"].iloc[0]
    assert "2019, 2020" in cum["message"] and cum["doc_ids"] == "t0;t1"
    assert set(checks["check"]) <= set(F.CHECKS)
    # every finding names facts of the table
    assert set(checks["fact_id"]) <= set(facts["fact_id"])


def test_figures_a_document_adds_up_are_listed(panel):
    extra = pd.DataFrame([row("t7", HEPING, HUINING, "fiscal_aid", 3_000_000, "yuan", "投入资金300万元建设道路", start=5),
                          row("t7", HEPING, HUINING, "fiscal_aid", 1_000_000, "yuan", "投入资金100万元建设学校", start=50)],
                         columns=list(PANEL_COLUMNS))
    facts = F.build_facts(pd.concat([panel, extra], ignore_index=True), DOCUMENTS)
    r = by_key(facts)[key(HEPING, HUINING, "fiscal_aid")]
    assert r["value"] == 4_000_000 and r["n_figures"] == 2
    assert r["values_by_doc"] == "t7=3000000+1000000"
    checks = F.consistency_checks(facts)
    assert r["fact_id"] in set(checks.loc[checks["check"] == "figures_added", "fact_id"])


def test_row_ids_are_stable_and_unique():
    p = constructed_panel()
    st = F.statements(p)
    assert st["row_id"].is_unique
    assert f"t1:10-{10 + len('全年安排财政帮扶资金1000万元')}:fiscal_aid" in set(st["row_id"])
    each = sorted(st.loc[st["doc_id"] == "t2", "row_id"])
    assert any(r.endswith("#2") for r in each)                 # the second "each" row
    assert F.row_id("d", None, None, "trained", "") == "d:?-?:trained"
    shuffled = F.statements(p.sample(frac=1, random_state=3))
    assert sorted(shuffled["row_id"]) == sorted(st["row_id"])


def test_deterministic_whatever_the_row_order(panel, tmp_path):
    a = F.write_facts(F.build_facts(panel, DOCUMENTS), tmp_path / "a")
    b = F.write_facts(F.build_facts(panel.sample(frac=1, random_state=11), DOCUMENTS), tmp_path / "b")
    for name in F.FACT_FILES:
        assert a[name].read_bytes() == b[name].read_bytes(), name
    back = F.read_facts(a["facts.csv"])
    assert len(back) == len(EXPECTED) and back["fact_id"].is_unique
    assert F.read_facts(a["facts.parquet"]).equals(back)


def test_the_schema_rejects_a_broken_table(facts):
    bad = facts.copy()
    bad.loc[0, "part_of"], bad.loc[0, "part_kind"] = "Fnowhere", "sum"
    with pytest.raises(F.FactsSchemaError, match="part_of names no fact"):
        F.validate_facts(bad)
    bad = facts.copy()
    bad.loc[0, "value"] = bad.loc[0, "max"] * 2
    with pytest.raises(F.FactsSchemaError, match="outside min..max"):
        F.validate_facts(bad)
    bad = facts.copy()
    bad.loc[0, "agreement"] = "maybe"
    with pytest.raises(F.FactsSchemaError, match="agreement"):
        F.validate_facts(bad)


def test_empty_panel_gives_an_empty_valid_table():
    empty = F.build_facts(constructed_panel().iloc[:0])
    assert empty.empty and list(empty.columns) == list(F.FACT_COLUMN_NAMES)
    assert F.consistency_checks(empty).empty


def test_a_gold_panel_without_offsets_keeps_each_rows_apart_by_evidence():
    p = constructed_panel().assign(start=None, end=None, raw_start=None, raw_end=None)
    got = by_key(F.build_facts(p))
    assert got[key(BAODI, WUSHAN, "social_aid", detail="villages")]["value"] == 400_000
    assert got[key(BAODI, WUSHAN, "fiscal_aid")]["part_kind"] == "sum"


def test_command_line_writes_the_files(panel, tmp_path, capsys):
    from helpers.panel import write_panel

    write_panel(panel, pd.DataFrame({"doc_id": [], "start": [], "end": []}), tmp_path)
    assert F.main([str(tmp_path)]) == 0
    assert "fact(s)" in capsys.readouterr().out
    assert all((tmp_path / n).exists() for n in F.FACT_FILES)
    assert F.main([str(tmp_path / "nowhere")]) == 1


def test_the_map_draws_facts_once_and_parts_rather_than_their_total(facts):
    from helpers import maps

    sel = maps.select_figures(facts, "fiscal_aid", years=2020)
    pairs = set(zip(sel["donor"], sel["recipients"]))
    # 1000万 (no recipient) is drawn as its parts; 和平区 → 靖远县 once, though two reports give it
    assert (BAODI, WUSHAN) in pairs and (BAODI, YONGDENG) in pairs
    assert sel.loc[sel["recipients"] == "", "value"].tolist() == [3_000_000]   # the labour fund only
    assert sel[sel["donor"] == HEPING]["doc_ids"].tolist() == ["h1;j1"]
    assert len(sel) == len(pairs)
    social = maps.select_figures(facts, "social_aid", years=2020)
    # the gifts inside the 100万 total name recipients the total does not: both are drawn
    assert sorted(social["value"]) == [300_000, 400_000, 1_000_000]
