"""Scoring against a gold panel: last-level names, the matching rule, the printed report."""
import pandas as pd
import pytest

from helpers import paths
from helpers.evaluate import evaluate, format_report, last_level, main


@pytest.mark.parametrize("full, last", [
    ("甘肃省天水市武山县", "武山县"),
    ("新疆维吾尔自治区和田地区民丰县", "民丰县"),
    ("山东省青岛市", "青岛市"),
    ("江苏省", "江苏省"),
    ("大连高新技术产业园区", "大连高新技术产业园区"),
    ("武汉经济技术开发区", "武汉经济技术开发区"),
    ("福建省福州市长乐区", "长乐区"),          # 福州: 州 inside a name is not a level
    ("福建省福州市福清市", "福清市"),
    ("贵州省黔东南苗族侗族自治州黄平县", "黄平县"),
    ("甘肃省庆阳市环县", "环县"),
    ("新疆维吾尔自治区石河子市", "石河子市"),
    ("云南省西双版纳傣族自治州", "西双版纳傣族自治州"),
    ("", ""),
])
def test_last_level(full, last):
    assert last_level(full) == last


def row(**kw):
    base = dict(doc_id="d", donor="天津市宝坻区", recipients="甘肃省天水市武山县", status="actual",
                indicator="fiscal_aid", value=1000000.0)
    base.update(kw)
    return base


def test_strict_needs_status_donor_and_recipients_lenient_does_not():
    gold = pd.DataFrame([row(), row(indicator="employment", value=275.0, recipients="")])
    panel = pd.DataFrame([
        row(value=1005000.0, recipients="武山县", donor="宝坻区"),   # within 1 %, short names agree
        row(indicator="employment", value=275.0, status="target"),   # wrong status
    ])
    res = evaluate(gold, panel)
    assert res["strict"]["overall"]["tp"] == 1
    assert res["lenient"]["overall"]["tp"] == 2
    assert res["strict"]["per_indicator"]["employment"]["f1"] == 0.0


def test_value_must_be_within_one_percent_and_matching_is_one_to_one():
    gold = pd.DataFrame([row()])
    panel = pd.DataFrame([row(value=1020000.0), row(), row()])
    res = evaluate(gold, panel)
    assert res["strict"]["overall"]["tp"] == 1
    assert res["strict"]["overall"]["panel"] == 3
    assert res["strict"]["overall"]["precision"] == pytest.approx(1 / 3)


def test_empty_gold_recipients_accept_any_recipients_but_named_ones_must_agree():
    gold = pd.DataFrame([row(recipients=""), row(value=2.0, recipients="甘肃省天水市武山县;甘肃省兰州市永登县")])
    panel = pd.DataFrame([row(recipients="甘肃省天水市武山县"), row(value=2.0, recipients="甘肃省天水市武山县")])
    res = evaluate(gold, panel)
    assert res["strict"]["overall"]["tp"] == 1


def test_only_gold_documents_are_scored():
    gold = pd.DataFrame([row()])
    panel = pd.DataFrame([row(), row(doc_id="other")])
    res = evaluate(gold, panel)
    assert res["panel_rows_outside_gold"] == 1
    assert res["strict"]["overall"]["precision"] == 1.0


def test_missing_column_is_a_clear_error():
    with pytest.raises(ValueError, match="panel lacks columns"):
        evaluate(pd.DataFrame([row()]), pd.DataFrame([{"doc_id": "d"}]))


def test_report_ends_with_strict_and_lenient_lines():
    res = evaluate(pd.DataFrame([row()]), pd.DataFrame([row()]))
    tail = format_report(res).splitlines()[-4:]
    assert tail[-2].startswith("overall strict") and tail[-1].startswith("overall lenient")
    assert "documents of the gold only" in tail[0]


def test_gold_against_itself_scores_one(capsys):
    gold = paths.SHARED / "gold" / "seeds_gold.csv"
    if not gold.exists():
        pytest.skip("shared gold not available")
    assert main([str(gold), str(gold)]) == 0
    out = capsys.readouterr().out
    assert "F1=1.000" in out.splitlines()[-2] and "F1=1.000" in out.splitlines()[-1]


def test_missing_file_gives_exit_code_and_message(tmp_path, capsys):
    assert main([str(tmp_path / "nope.csv"), str(tmp_path / "panel.csv")]) == 2
    assert "not found" in capsys.readouterr().err


def test_agreement_on_columns_the_match_ignores():
    gold = pd.DataFrame([row(year=2019, period="annual"), row(indicator="projects", value=12.0, year=2020,
                                                              period="cumulative")])
    panel = pd.DataFrame([row(year=2020, period="annual"), row(indicator="projects", value=12.0, year="2020",
                                                               period="cumulative")])
    agree = evaluate(gold, panel)["strict"]["agreement"]
    assert agree["year"] == 0.5 and agree["period"] == 1.0
    assert agree["program"] is None                      # neither side has the column
    assert "agreement of strict matches: year 0.500, period 1.000" in format_report(evaluate(gold, panel))
