"""Attribution of figures, on short sentences in the style of the reports (not copied from them)."""
from dataclasses import dataclass

import pytest

from helpers.attribute import extract_corpus, extract_document
from helpers.codebook import CORE_COLUMNS
from helpers.gazetteer import get_gazetteer


@dataclass
class Doc:
    doc_id: str
    text: str
    title: str | None = None
    date: str | None = "2020-12-01"
    unit: str | None = None
    status: str = "ok"


@pytest.fixture(scope="module")
def gz():
    return get_gazetteer()


INTRO = "2020年,天津市红桥区认真落实东西部扶贫协作工作部署,结对帮扶甘肃省临夏州积石山县和广河县。红桥区高度重视。\n"


def rows_of(gz, body, intro=INTRO, **kw):
    rows, mentions = extract_document(Doc("t", intro + body, **kw), gz)
    return rows, mentions


def only(rows, **kw):
    out = [r for r in rows if all(r[k] == v for k, v in kw.items())]
    assert len(out) == 1, (kw, rows)
    return out[0]


# ----------------------------------------------------------------------------- indicator
@pytest.mark.parametrize("sentence, value, indicator", [
    ("全年拨付财政帮扶资金2600万元。", 26e6, "fiscal_aid"),
    ("动员社会各界捐款捐物315.6万元。", 3156000, "social_aid"),
    ("协调爱心企业捐赠物资折合人民币48万元。", 480000, "social_aid"),
    ("引导企业实际投资到位额4200万元。", 42e6, "investment"),
    ("带动当地企业投入资金1500万元。", 15e6, "investment"),
    ("组织采购受援地区农特产品1.2亿元。", 1.2e8, "consumption_aid"),
    ("完成消费扶贫8600万元。", 86e6, "consumption_aid"),
    ("选派12名党政干部赴受援县挂职。", 12, "cadres_sent"),
    ("选派45名教师、医生等专业技术人才开展帮扶。", 45, "professionals_sent"),
    ("接收受援地区18名党政干部来津挂职锻炼。", 18, "cadres_received"),
    ("接收36名专技人才到区属医院跟岗学习。", 36, "professionals_received"),
    ("举办培训班6期,培训贫困劳动力520人次。", 520, "trained"),
    ("开展致富带头人培训132人。", 132, "trained"),
    ("带动建档立卡贫困人口1860人脱贫。", 1860, "poor_beneficiaries"),
    ("帮助贫困劳动力来津就业230人。", 230, "employment"),
    ("实现就近就地就业贫困劳动力1020人。", 1020, "employment"),
    ("引导7家企业赴受援县投资兴业。", 7, "enterprises"),
    ("新增落地项目11个。", 11, "projects"),
    ("区内58家企业与受援县贫困村结对帮扶。", 58, "pairings"),
])
def test_indicator_from_governing_words(gz, sentence, value, indicator):
    rows, _ = rows_of(gz, sentence)
    assert only(rows, value=value)["indicator"] == indicator


@pytest.mark.parametrize("sentence, value, reason", [
    ("新引进企业注册资金3000万元。", 3e7, "registered_capital"),
    ("举办专场招聘会,提供就业岗位1800个。", 1800, "jobs_offered"),
    ("援建扶贫车间15个。", 15, "facilities"),
    ("受援县尚有未脱贫人口2310人。", 2310, "target_group"),
    ("项目区农民人均增收3200元。", 3200, "average"),
    ("互派党政干部6名开展交流。", 6, "two_way"),
    ("惠及当地群众5000余人。", 5000, "not said to be poor"),
])
def test_rejected_figures_keep_a_reason(gz, sentence, value, reason):
    rows, mentions = rows_of(gz, sentence)
    assert not [r for r in rows if r["value"] == value]
    m = [m for m in mentions if m["value"] == value]
    assert m and m[0]["decision"] == "rejected" and reason in m[0]["reason"]


def test_figure_without_cue_continues_the_list(gz):
    rows, _ = rows_of(gz, "全年引导6家企业到受援县投资。其中积石山县4家,广河县2家。")
    assert only(rows, value=4.0)["indicator"] == "enterprises"
    assert only(rows, value=2.0)["recipients"] == "甘肃省临夏回族自治州广河县"


# ----------------------------------------------------------------------------- status
@pytest.mark.parametrize("sentence, value, status", [
    ("今年计划投入帮扶资金3000万元。", 3e7, "target"),
    ("力争全年消费扶贫达到5000万元。", 5e7, "target"),
    ("确保来津就业贫困劳动力不少于150人。", 150, "target"),
    ("预计带动建档立卡贫困人口2000人增收。", 2000, "expected"),
    ("签订农产品采购合同金额860万元。", 8.6e6, "target"),
    ("预留采购金额300万元,已完成采购交易额320万元。", 3.2e6, "actual"),
    ("全年共拨付帮扶资金2800万元。", 2.8e7, "actual"),
])
def test_status(gz, sentence, value, status):
    rows, _ = rows_of(gz, sentence)
    assert only(rows, value=value)["status"] == status


def test_period_and_year(gz):
    rows, _ = rows_of(gz, "2017年以来,累计投入财政帮扶资金2.1亿元。2019年,拨付帮扶资金4500万元。")
    cum = only(rows, value=2.1e8)
    assert (cum["period"], cum["year"]) == ("cumulative", 2020)
    one = only(rows, value=4.5e7)
    assert (one["period"], one["year"]) == ("annual", 2019)


# ----------------------------------------------------------------------------- donor, recipients
def test_donor_and_recipients_from_the_clause(gz):
    rows, _ = rows_of(gz, "其中向积石山县拨付帮扶资金1200万元,向广河县拨付帮扶资金800万元。")
    a = only(rows, value=1.2e7)
    assert a["donor"] == "天津市红桥区"
    assert a["recipients"] == "甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县"
    assert a["recipient_adcodes"] == "622927"
    assert only(rows, value=8e6)["recipients"] == "甘肃省临夏回族自治州广河县"


def test_generic_recipient_words_leave_recipients_empty(gz):
    rows, _ = rows_of(gz, "全年为受援地区引进落地项目9个。")
    assert only(rows, value=9.0)["recipients"] == ""


def test_each_gives_one_row_per_recipient(gz):
    rows, _ = rows_of(gz, "区工商联分别向积石山县、广河县捐赠防疫资金5万元。")
    got = sorted(r["recipients"] for r in rows if r["value"] == 50000)
    assert len(got) == 2 and got[0] != got[1]


def test_recipient_side_report_names_its_donor_in_the_text(gz):
    intro = "今年以来,积石山县与东西部扶贫协作单位天津市红桥区并肩作战,积石山县脱贫攻坚成效明显。积石山县持续发力。\n"
    rows, _ = rows_of(gz, "全年到位帮扶资金4800万元。", intro=intro)
    r = only(rows, value=4.8e7)
    assert r["donor"] == "天津市红桥区"
    assert r["recipients"].endswith("积石山保安族东乡族撒拉族自治县")


def test_rows_carry_codebook_columns_and_evidence_span(gz):
    rows, mentions = rows_of(gz, "全年拨付财政帮扶资金2600万元。")
    r = only(rows, value=2.6e7)
    assert set(CORE_COLUMNS) <= set(r)
    text = INTRO + "全年拨付财政帮扶资金2600万元。"
    assert text[r["start"]:r["end"]] == r["evidence"]
    assert "2600万元" in r["evidence"]
    assert all(m["decision"] in ("panel", "rejected") for m in mentions)


def test_corpus_is_sorted_and_deterministic(gz):
    docs = {"b": Doc("b", INTRO + "拨付帮扶资金100万元。"), "a": Doc("a", INTRO + "新增落地项目3个。")}
    r1, m1 = extract_corpus(docs, gz)
    r2, m2 = extract_corpus(dict(reversed(list(docs.items()))), gz)
    assert list(r1["doc_id"]) == ["a", "b"]
    assert r1.equals(r2) and m1.equals(m2)
