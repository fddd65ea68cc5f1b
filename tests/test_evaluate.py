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


# ----------------------------------------------------------------------------- the reference scorer
def _reference_scorer():
    path = paths.SHARED / "tools" / "score.py"
    if not path.exists():
        pytest.skip("the reference scorer is not beside the project")
    import importlib.util
    spec = importlib.util.spec_from_file_location("reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_matching_agrees_with_the_reference_scorer(tmp_path):
    """The same hits as shared/tools/score.py on rows built to hit each of its conditions:
    value within 1 %, donor and recipients as last-level sets, empty gold recipients, status,
    two candidate rows for one gold row, and a row of a document the gold does not have."""
    score = _reference_scorer()
    gold = pd.DataFrame([
        row(),
        row(value=2e6, recipients="甘肃省天水市武山县;甘肃省兰州市永登县"),
        row(indicator="employment", value=275.0, recipients=""),
        row(indicator="projects", value=12.0, status="target"),
        row(doc_id="e", donor="天津市", value=5e6),
        row(doc_id="e", donor="天津市", value=5e6, recipients="甘肃省"),
    ])
    panel = pd.DataFrame([
        row(value=1009000.0, recipients="武山县", donor="宝坻区"),          # within 1 %
        row(value=2e6, recipients="永登县;武山县"),                           # set order
        row(indicator="employment", value=275.0, recipients="甘肃省"),        # gold names none
        row(indicator="projects", value=12.0, status="actual"),              # wrong status
        row(doc_id="e", donor="天津市和平区", value=5e6),                     # wrong donor
        row(doc_id="e", donor="天津市", value=5e6, recipients="甘肃省"),
        row(doc_id="e", donor="天津市", value=5.02e6, recipients="甘肃省"),    # a second candidate
        row(doc_id="z", value=1e6),                                           # not in the gold
    ])
    g, p = tmp_path / "gold.csv", tmp_path / "panel.csv"
    gold.to_csv(g, index=False)
    panel.to_csv(p, index=False)
    ref_gold, ref_pred = score.load(g), score.load(p)
    docs = set(ref_gold.doc_id)
    ref_pred = ref_pred[ref_pred.doc_id.isin(docs)].reset_index(drop=True)
    ours = evaluate(pd.read_csv(g, dtype=str, keep_default_na=False), pd.read_csv(p, dtype=str, keep_default_na=False))
    for mode in ("strict", "lenient"):
        hits = score.match(ref_gold, ref_pred, strict=(mode == "strict"))
        assert ours[mode]["overall"]["tp"] == len(hits), mode
    assert ours["strict"]["overall"]["tp"] == 4 and ours["lenient"]["overall"]["tp"] == 6


def test_every_gold_set_is_found_and_scored_in_one_call(tmp_path, capsys):
    from helpers.evaluate import GoldSet, evaluate_sets, format_sets, gold_sets
    found = {s.name for s in gold_sets()}
    if paths.SHARED.exists() and (paths.SHARED / "dev2").exists():
        assert {"seeds", "dev", "dev2", "dev3"} <= found
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("2020年,天津市红桥区结对帮扶甘肃省临夏州积石山县。\n"
                               "全年向积石山县拨付财政帮扶资金2600万元。\n", encoding="utf-8")
    (raw / "SOURCES.csv").write_text("file,doc_id,donor\na.txt,a,天津市河西区\n", encoding="utf-8")
    gold = tmp_path / "gold.csv"
    pd.DataFrame([row(doc_id="a", donor="天津市红桥区", recipients="甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县",
                      value=2.6e7)]).to_csv(gold, index=False)
    results = evaluate_sets([GoldSet("mine", raw, gold)])
    # the folder is read as an unseen one: SOURCES.csv (which names another donor) is left out
    assert results[0][1]["strict"]["overall"]["tp"] == 1
    table = format_sets(results)
    assert table.splitlines()[1].startswith("mine") and "donor 1.000" in table
