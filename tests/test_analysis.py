"""Analytic tables (read from facts) from a small synthetic panel whose answer is worked out by hand.

The panel (report-style sentences as evidence) has, for 天津市宝坻区 in 2020:
- a district total of fiscal aid (1000万, no recipient named) and its two county parts (600万 武山,
  400万 永登) → count 1000万 once;
- a joint figure: 30 professionals for 武山 and 永登 together;
- an "each" pair: 各选派2名党政干部 → 2 to each county, 4 in all;
- a cumulative figure (累计5000万) and a target (力争3000人): out of the default tables;
- the same 1200 beneficiaries of 武山 stated in two reports, and printed twice in one;
- a donation total (100万) next to a named gift (30万 武山) that does not add up to it: the
  gift lies inside the total (facts: part_kind nested), so the donor's total is 100万.
And for 天津市和平区 → 靖远县: a total 516.2万 with three use-specific parts 386.4 + 113 + 16.86万
(= 516.26万, ≈ the total), and beneficiaries as households and persons.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import analysis as A
from helpers.codebook import PANEL_COLUMNS, panel_schema

WUSHAN, YONGDENG, JINGYUAN = "甘肃省天水市武山县", "甘肃省兰州市永登县", "甘肃省白银市靖远县"
CODES = {WUSHAN: "620524", YONGDENG: "620121", JINGYUAN: "620421"}
BAODI, HEPING = "天津市宝坻区", "天津市和平区"


def row(doc, donor, recipients, indicator, value, unit, evidence, period="annual", status="actual",
        detail="", qualifier="exact", year=2020, start=0):
    names = recipients.split(";") if recipients else []
    return {"doc_id": doc, "donor": donor, "recipients": recipients, "program": "east_west",
            "year": year, "period": period, "status": status, "indicator": indicator,
            "value": float(value), "unit": unit, "qualifier": qualifier, "detail": detail,
            "evidence": evidence, "recipient_adcodes": ";".join(CODES[n] for n in names),
            "start": start, "end": start + len(evidence), "raw_start": start,
            "raw_end": start + len(evidence), "origin": "extracted"}


def synthetic_panel() -> pd.DataFrame:
    both = f"{WUSHAN};{YONGDENG}"
    rows = [
        row("t1", BAODI, "", "fiscal_aid", 10_000_000, "yuan", "全年共安排财政帮扶资金1000万元", start=10),
        row("t1", BAODI, WUSHAN, "fiscal_aid", 6_000_000, "yuan", "其中武山县600万元", start=30),
        row("t1", BAODI, YONGDENG, "fiscal_aid", 4_000_000, "yuan", "永登县400万元", start=40),
        row("t1", BAODI, both, "professionals_sent", 30, "person", "选派30名专业技术人才赴武山县、永登县", start=60),
        row("t1", BAODI, WUSHAN, "cadres_sent", 2, "person", "向两县各选派2名党政干部", start=90),
        row("t1", BAODI, YONGDENG, "cadres_sent", 2, "person", "向两县各选派2名党政干部", start=90),
        row("t1", BAODI, "", "fiscal_aid", 50_000_000, "yuan", "累计投入财政资金5000万元", period="cumulative", start=120),
        row("t1", BAODI, "", "poor_beneficiaries", 3000, "person", "力争带动3000名贫困人口脱贫", status="target", start=140),
        row("t1", BAODI, WUSHAN, "poor_beneficiaries", 1200, "person", "带动武山县1200名贫困人口脱贫", start=160),
        # the same text printed twice in t1, and the same figure in a second report t2
        row("t1", BAODI, WUSHAN, "poor_beneficiaries", 1200, "person", "带动武山县1200名贫困人口脱贫", start=560),
        row("t2", BAODI, WUSHAN, "poor_beneficiaries", 1200, "person", "武山县1200名贫困人口脱贫", start=5),
        row("t1", BAODI, "", "social_aid", 1_000_000, "yuan", "募集社会帮扶资金100万元", start=200),
        row("t1", BAODI, WUSHAN, "social_aid", 300_000, "yuan", "捐赠助学资金30万元", detail="education", start=220),
        row("h1", HEPING, JINGYUAN, "fiscal_aid", 5_162_000, "yuan", "财政帮扶资金516.2万元", start=10),
        row("h1", HEPING, JINGYUAN, "fiscal_aid", 3_864_000, "yuan", "安排资金386.4万元", detail="greenhouse", start=30),
        row("h1", HEPING, JINGYUAN, "fiscal_aid", 1_130_000, "yuan", "安排资金113万元", detail="infrastructure", start=50),
        row("h1", HEPING, JINGYUAN, "fiscal_aid", 168_600, "yuan", "安排资金16.86万元", detail="disabled", start=70),
        row("h1", HEPING, JINGYUAN, "poor_beneficiaries", 195, "household", "受益195户208人", start=90),
        row("h1", HEPING, JINGYUAN, "poor_beneficiaries", 208, "person", "受益195户208人", start=90),
    ]
    return pd.DataFrame(rows, columns=list(PANEL_COLUMNS))


@pytest.fixture
def panel():
    p = synthetic_panel()
    panel_schema().validate(p)   # the synthetic panel is a valid panel
    return A.coerce_panel(p)


def cell(table, donor, recipient, column):
    hit = table[(table["donor"] == donor) & (table["recipient"] == recipient)]
    assert len(hit) == 1, f"expected one row for {donor} → {recipient!r}, found {len(hit)}"
    return hit.iloc[0][column]


def test_default_dyad_year_counts_totals_once_and_keeps_the_parts(panel):
    d = A.dyad_year(panel)
    assert cell(d, BAODI, WUSHAN, "fiscal_aid") == 6_000_000
    assert cell(d, BAODI, YONGDENG, "fiscal_aid") == 4_000_000
    assert pd.isna(cell(d, BAODI, "", "fiscal_aid"))          # the 1000万 total is not added again
    # 516.2万 total of 靖远 replaced by its three parts 386.4 + 113 + 16.86 = 516.26万
    assert cell(d, HEPING, JINGYUAN, "fiscal_aid") == pytest.approx(5_162_600)
    assert cell(d, HEPING, JINGYUAN, "n_fiscal_aid") == 3


def test_keep_total_keeps_the_stated_totals_instead(panel):
    d = A.dyad_year(panel, keep="total")
    assert cell(d, BAODI, "", "fiscal_aid") == 10_000_000
    assert pd.isna(cell(d, BAODI, WUSHAN, "fiscal_aid"))
    assert cell(d, HEPING, JINGYUAN, "fiscal_aid") == 5_162_000
    assert cell(d, HEPING, JINGYUAN, "n_fiscal_aid") == 1


def test_each_figures_are_per_recipient_and_joint_figures_go_to_the_donor_row(panel):
    d = A.dyad_year(panel)
    assert cell(d, BAODI, WUSHAN, "cadres_sent") == 2
    assert cell(d, BAODI, YONGDENG, "cadres_sent") == 2
    assert cell(d, BAODI, "", "professionals_sent") == 30
    assert pd.isna(cell(d, BAODI, WUSHAN, "professionals_sent"))
    assert cell(d, BAODI, "", "n_split") == 0


def test_split_shares_joint_figures_equally_and_flags_them(panel):
    d = A.dyad_year(panel, joint="split")
    assert cell(d, BAODI, WUSHAN, "professionals_sent") == 15
    assert cell(d, BAODI, YONGDENG, "professionals_sent") == 15
    assert cell(d, BAODI, WUSHAN, "n_split") == 1
    # nothing says which county the unallocated donation total is for: it stays at donor level
    assert cell(d, BAODI, "", "social_aid") == 1_000_000
    assert pd.isna(cell(d, BAODI, "", "professionals_sent"))


def test_split_can_use_a_list_of_the_donors_recipients(panel):
    d = A.dyad_year(panel, joint="split", recipients_of={BAODI: [WUSHAN, YONGDENG]})
    # 武山's half of the 100万 donation total already holds the 30万 gift inside that total
    assert cell(d, BAODI, WUSHAN, "social_aid") == 500_000
    assert cell(d, BAODI, YONGDENG, "social_aid") == 500_000
    assert cell(d, BAODI, YONGDENG, "recipient_adcode") == "620121"
    assert (d["recipient"] != "").all()


def test_drop_keeps_only_single_recipient_figures(panel):
    d = A.dyad_year(panel, joint="drop")
    assert (d["recipient"] != "").all()
    assert d["professionals_sent"].isna().all()
    assert cell(d, BAODI, WUSHAN, "cadres_sent") == 2


def test_a_figure_repeated_in_two_reports_or_printed_twice_counts_once(panel):
    d = A.dyad_year(panel)
    assert cell(d, BAODI, WUSHAN, "poor_beneficiaries") == 1200
    assert cell(d, BAODI, WUSHAN, "n_poor_beneficiaries") == 1
    assert cell(d, BAODI, WUSHAN, "doc_ids") == "t1;t2"


def test_units_are_never_added_together(panel):
    d = A.dyad_year(panel)
    assert cell(d, HEPING, JINGYUAN, "poor_beneficiaries") == 208
    assert cell(d, HEPING, JINGYUAN, "poor_beneficiaries_household") == 195


def test_donor_year_totals(panel):
    dy = A.donor_year(panel).set_index("donor")
    assert dy.at[BAODI, "fiscal_aid"] == 10_000_000
    assert dy.at[BAODI, "cadres_sent"] == 4
    assert dy.at[BAODI, "professionals_sent"] == 30
    assert dy.at[BAODI, "poor_beneficiaries"] == 1200
    # a named gift inside a donation total it does not add up to is counted in the total once
    assert dy.at[BAODI, "social_aid"] == 1_000_000
    inside = A.nested_figures(A.as_facts(panel))
    gift = inside[inside["value"] == 300_000].iloc[0]
    assert gift["broader_value"] == 1_000_000 and gift["detail"] == "education"
    # ... and keeps its own dyad
    assert cell(A.dyad_year(panel), BAODI, WUSHAN, "social_aid") == 300_000


def test_cumulative_and_target_figures_are_opt_in(panel):
    default = A.donor_year(panel).set_index("donor")
    assert default.at[BAODI, "fiscal_aid"] == 10_000_000          # not + 5000万 cumulative
    cum = A.donor_year(panel, period="cumulative").set_index("donor")
    assert cum.at[BAODI, "fiscal_aid"] == 50_000_000
    tgt = A.donor_year(panel, status="target").set_index("donor")
    assert tgt.at[BAODI, "poor_beneficiaries"] == 3000
    with pytest.raises(ValueError, match="period"):
        A.donor_year(panel, period="monthly")


def test_county_year_is_keyed_by_adcode_and_sums_over_donors(panel):
    extra = A.coerce_panel(pd.DataFrame([row("t3", "天津市河西区", WUSHAN, "fiscal_aid", 1_000_000, "yuan",
                                             "为武山县拨付100万元")], columns=list(PANEL_COLUMNS)))
    c = A.county_year(pd.concat([panel, extra], ignore_index=True)).set_index(["adcode", "year"])
    assert c.at[("620524", 2020), "fiscal_aid"] == 7_000_000
    assert c.at[("620524", 2020), "donors"] == "天津市宝坻区;天津市河西区"
    assert c.at[("620421", 2020), "fiscal_aid"] == pytest.approx(5_162_600)
    assert set(c["level"]) == {"county"}
    split = A.county_year(panel, joint="split").set_index(["adcode", "year"])
    assert split.at[("620121", 2020), "professionals_sent"] == 15


def test_part_of_total_by_place_with_a_prefecture_total_and_county_parts():
    rows = [row("q1", "江苏省", "", "fiscal_aid", 1, "yuan", "x")]  # placeholder, replaced below
    p = pd.DataFrame(rows, columns=list(PANEL_COLUMNS))
    p = pd.concat([p.assign(recipients="青海省海东市", recipient_adcodes="", value=40_000_000.0,
                            evidence="追加海东市专项资金4000万元", detail="supplementary"),
                   p.assign(recipients="青海省海东市乐都区", recipient_adcodes="", value=25_000_000.0,
                            evidence="乐都区2500万元", detail="health_posts"),
                   p.assign(recipients="青海省海东市平安区", recipient_adcodes="", value=15_000_000.0,
                            evidence="平安区1500万元", detail="consolidation")], ignore_index=True)
    m = A.as_facts(p)
    total = m[m["value"] == 40_000_000].iloc[0]
    assert total["n_parts"] == 2
    assert (m.loc[m["value"] < 40_000_000, "part_of"] == total["fact_id"]).all()
    assert (m.loc[m["value"] < 40_000_000, "part_kind"] == "sum").all()


def test_unnamed_total_is_not_matched_to_unrelated_gifts_of_other_kinds():
    base = row("g1", BAODI, "", "social_aid", 360_000, "yuan", "捐赠物资折合人民币36万元", detail="goods")
    parts = [row("g1", BAODI, WUSHAN, "social_aid", 300_000, "yuan", "捐赠社会帮扶款30万元", detail="health"),
             row("g1", BAODI, YONGDENG, "social_aid", 60_000, "yuan", "捐赠6万元", detail="covid")]
    m = A.as_facts(pd.DataFrame([base, *parts], columns=list(PANEL_COLUMNS)))
    assert (m["n_parts"] == 0).all() and m["part_of"].isna().all()


def test_outputs_are_deterministic_whatever_the_row_order(panel, tmp_path):
    a = A.write_table(A.dyad_year(panel), tmp_path / "a.csv")
    shuffled = panel.sample(frac=1, random_state=7).reset_index(drop=True)
    b = A.write_table(A.dyad_year(shuffled), tmp_path / "b.csv")
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text(encoding="utf-8")
    assert "6000000.00" in text and "\r" not in text


def test_bad_input_names_the_file_and_the_problem(tmp_path):
    p = synthetic_panel()
    bad = tmp_path / "panel.csv"
    p.drop(columns="indicator").to_csv(bad, index=False)
    with pytest.raises(ValueError, match=r"panel\.csv.*indicator"):
        A.read_panel(bad)
    p2 = p.astype({"value": object})
    p2.loc[3, "value"] = "三十"
    p2.to_csv(bad, index=False)
    with pytest.raises(ValueError, match=r"panel\.csv: row 3 .*'三十'"):
        A.read_panel(bad)
    p3 = p.copy()
    p3.loc[3, "recipient_adcodes"] = "620524"
    p3.to_csv(bad, index=False)
    with pytest.raises(ValueError, match="2 recipients but 1 adcodes"):
        A.read_panel(bad)
    with pytest.raises(FileNotFoundError, match="nowhere.csv"):
        A.read_panel(tmp_path / "nowhere.csv")


def test_ratios_need_both_terms():
    t = pd.DataFrame({"year": [2020, 2020, 2019],
                      "fiscal_aid": [1e6, 1e6, np.nan], "social_aid": [2e5, np.nan, np.nan],
                      "poor_beneficiaries": [600, 0, 10], "cadres_sent": [3, np.nan, 2]})
    r = A.add_ratios(t)
    assert r.at[0, "yuan_per_beneficiary"] == pytest.approx(1.2e6 / 600)
    assert pd.isna(r.at[1, "yuan_per_beneficiary"])          # zero beneficiaries
    assert pd.isna(r.at[2, "yuan_per_beneficiary"])          # no aid stated
    assert r.at[0, "beneficiaries_per_cadre"] == 200
    assert r.at[2, "beneficiaries_per_cadre"] == 5


def test_ratios_are_refused_over_sums_of_several_years(panel):
    by_donor = A.totals(A.donor_year(panel), "donor", ["fiscal_aid", "poor_beneficiaries"])
    with pytest.raises(ValueError, match="within one year"):
        A.add_ratios(by_donor.assign(social_aid=np.nan, cadres_sent=np.nan))
    # in a donor-year row both terms are of that year
    r = A.add_ratios(A.donor_year(panel)).set_index("donor")
    assert r.at[BAODI, "yuan_per_beneficiary"] == pytest.approx((10_000_000 + 1_000_000) / 1200)


def test_example_join_with_the_covariate_template(panel):
    from helpers import paths

    template = paths.DATA / "templates" / "county_covariates_template.csv"
    cov = A.read_covariates(template)
    assert {"adcode", "year", "name"} <= set(cov.columns)
    county = A.county_year(panel)
    joined = A.join_covariates(county, cov)
    assert len(joined) == len(county)
    assert joined.set_index("adcode").at["620421", "matched"]
    # without adcodes (no gazetteer) the full name in the template still finds the county
    nameless = county.assign(adcode="")
    assert A.join_covariates(nameless, cov).set_index("recipient").at[JINGYUAN, "adcode"] == "620421"


def test_covariate_file_errors(tmp_path):
    f = tmp_path / "cov.csv"
    f.write_text("adcode,year,pop\n62052,2020,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="6 digits"):
        A.read_covariates(f)
    f.write_text("adcode,year,pop\n620524,2020,1\n620524,2020,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="appears twice"):
        A.read_covariates(f)


def test_gold_panel_tables_hold_the_seed_totals(seeds_gold_path):
    """On the real gold seeds: 宝坻's 2020 fiscal total 6406万 = 160 + 866 + 5380万 is counted once."""
    gold = A.gold_panel([seeds_gold_path], resolve_adcodes=False)
    dy = A.donor_year(gold).set_index(["donor", "year"])
    # 6406万 (parts 160 + 866 + 5380万) plus the separately stated 300万 labour funds
    assert dy.at[("天津市宝坻区", 2020), "fiscal_aid"] == pytest.approx(64_060_000 + 3_000_000)
    total = A.donor_year(gold, keep="total").set_index(["donor", "year"])
    assert total.at[("天津市宝坻区", 2020), "fiscal_aid"] == pytest.approx(64_060_000 + 3_000_000)
    # 4580 beneficiaries of the three counties hold 4206 (永登;武山) and 民丰's figures: 374
    # benefiting and, in another passage, 600 lifted, one cell for the facts (no detail tells
    # the two measures apart) and listed by the figures_added check
    assert dy.at[("天津市宝坻区", 2020), "poor_beneficiaries"] == pytest.approx(4580)
    facts = A.as_facts(gold)
    minfeng = facts[(facts["recipients"] == "新疆维吾尔自治区和田地区民丰县")
                    & (facts["indicator"] == "poor_beneficiaries")].iloc[0]
    assert minfeng["value"] == 974 and minfeng["part_kind"] == "nested"
    from helpers.facts import consistency_checks

    checks = consistency_checks(facts)
    assert minfeng["fact_id"] in set(checks.loc[checks["check"] == "figures_added", "fact_id"])


def test_empty_panel_gives_empty_tables_with_the_full_schema(panel):
    empty = panel.iloc[:0]
    for table in (A.dyad_year(empty), A.donor_year(empty), A.county_year(empty)):
        assert table.empty
        assert {"fiscal_aid", "n_fiscal_aid", "poor_beneficiaries_household", "doc_ids"} <= set(table.columns)


def test_html_table_links_every_document_to_its_evidence_page():
    t = pd.DataFrame({"donor": ["天津市宝坻区<b>"], "fiscal_aid": [64_060_000.0],
                      "doc_ids": ["000_d2a4b9fed8e568a6;d01"]})
    out = A.html_table(t)
    assert '<a href="evidence/000_d2a4b9fed8e568a6.html">000_d2a4b9fed8e568a6</a>' in out
    assert '<a href="evidence/d01.html">d01</a>' in out
    assert "天津市宝坻区&lt;b&gt;" in out and "64,060,000" in out


def test_unnamed_figures_can_be_split_over_the_pairings_of_that_year(panel):
    pairings = pd.DataFrame({
        "donor": [BAODI, BAODI, "天津市", "天津市"],
        "recipient": [WUSHAN, YONGDENG, "甘肃省", "新疆维吾尔自治区和田地区民丰县"],
        "recipient_adcode": ["620524", "620121", "620000", "653227"],
        "start_year": ["2020", "2020", "2016", "2010"], "end_year": ["2020", "", "", ""]})
    rec = A.recipients_from_pairings(pairings)
    assert rec[(BAODI, 2020)] == [(YONGDENG, "620121"), (WUSHAN, "620524")]
    assert rec[(BAODI, 2021)] == [(YONGDENG, "620121")]      # 武山 ended in 2020, 永登 goes on
    assert (BAODI, 2019) not in rec
    assert ("天津市", 2020) not in rec            # a province among the recipients: no equal split
    d = A.dyad_year(panel, joint="split", recipients_of=rec)
    assert cell(d, BAODI, YONGDENG, "social_aid") == 500_000
    assert cell(d, BAODI, WUSHAN, "social_aid") == 500_000     # the gift is inside this half
    with pytest.raises(ValueError, match="start_year"):
        A.recipients_from_pairings(pairings.drop(columns="start_year"))


def test_each_rows_at_one_offset_are_kept_but_a_reprinted_text_is_not():
    # 青山村、九棵树村分别捐款人民币20万元: two villages of 武山县, one span, 20万 each
    each = [row("v1", BAODI, WUSHAN, "social_aid", 200_000, "yuan", "分别捐款人民币20万元", start=6652)] * 2
    reprint = [row("v1", BAODI, WUSHAN, "social_aid", 200_000, "yuan", "分别捐款人民币20万元", start=16652)] * 2
    p = A.coerce_panel(pd.DataFrame(each + reprint, columns=list(PANEL_COLUMNS)))
    assert cell(A.dyad_year(p), BAODI, WUSHAN, "social_aid") == 400_000


def test_totals_sum_stated_figures_and_keep_every_document():
    table = pd.DataFrame({"donor": ["天津市宝坻区", "天津市宝坻区", "天津市和平区"],
                          "year": [2019, 2020, 2020],
                          "fiscal_aid": [1.6e6, np.nan, 5.2e7],
                          "social_aid": [np.nan, np.nan, 3.0e5],
                          "n_figures": [1, 2, 3],
                          "doc_ids": ["000", "000;d03", "001"]})
    out = A.totals(table, "donor", ["fiscal_aid", "social_aid"]).set_index("donor")
    assert out.at["天津市宝坻区", "fiscal_aid"] == 1.6e6
    assert np.isnan(out.at["天津市宝坻区", "social_aid"])     # nothing stated is not zero
    assert out.at["天津市宝坻区", "n_figures"] == 3
    assert out.at["天津市宝坻区", "doc_ids"] == "000;d03"
    assert out.at["天津市和平区", "social_aid"] == 3.0e5


# --------------------------------------------------------------------------- the sample frame

FRAME_PAIRINGS = pd.DataFrame({
    "donor": [BAODI, BAODI, BAODI, HEPING],
    "recipient": [WUSHAN, YONGDENG, WUSHAN, JINGYUAN],
    "recipient_adcode": ["620524", "620121", "620524", "620421"],
    "program": ["east_west"] * 4,
    "start_year": ["2019", "2020", "", "2017"], "end_year": ["2020", "", "2020", "2020"]})


def test_the_pairings_are_the_sample_frame_and_pairs_without_figures_are_missing(panel):
    frame = A.pairing_frame(FRAME_PAIRINGS, [2019, 2020, 2021])
    # 武山 from two sources is one dyad-year; 永登 is open-ended; 靖远 ends in 2020
    assert len(frame) == 2 + 2 + 2 and frame.duplicated(["donor", "recipient", "year"]).sum() == 0
    dyads, outside = A.on_frame(A.dyad_year(panel), frame)
    assert len(dyads) == len(frame)
    row = dyads.set_index(["donor", "recipient", "year"])
    assert row.at[(BAODI, WUSHAN, 2020), "fiscal_aid"] == 6_000_000
    assert row.at[(BAODI, WUSHAN, 2020), "has_figures"]
    # a pairing-year no report speaks of: missing, never zero
    assert not row.at[(BAODI, YONGDENG, 2021), "has_figures"]
    assert pd.isna(row.at[(BAODI, YONGDENG, 2021), "fiscal_aid"])
    assert outside.empty
    donors, _ = A.on_frame(A.donor_year(panel), A.pairing_frame(FRAME_PAIRINGS, [2019, 2020], by="donor"))
    assert set(zip(donors["donor"], donors["year"])) == {(BAODI, 2019), (BAODI, 2020), (HEPING, 2019), (HEPING, 2020)}
    assert donors.set_index(["donor", "year"]).at[(BAODI, 2020), "fiscal_aid"] == 10_000_000


def test_rows_of_pairs_the_reference_does_not_list_are_outside_the_frame(panel):
    only_baodi = FRAME_PAIRINGS[FRAME_PAIRINGS["donor"] == BAODI]
    _, outside = A.on_frame(A.dyad_year(panel), A.pairing_frame(only_baodi, [2020]))
    assert set(outside["donor"]) == {HEPING}
    with pytest.raises(ValueError, match="lacks columns"):
        A.pairing_frame(FRAME_PAIRINGS.drop(columns="program"), [2020])


def test_counts_per_donor_year_show_what_is_stated(panel):
    per = A.stated_by_donor_year(A.donor_year(panel), ["fiscal_aid", "poor_beneficiaries", "employment"])
    baodi = per[per["donor"] == BAODI].iloc[0]
    assert (baodi["fiscal_aid"], baodi["poor_beneficiaries"], baodi["employment"], baodi["stated"]) == (1, 1, 0, 2)
