"""A ministry's or central SOE's own page: the unit is the page's donor (sentences written for
the tests)."""
import pytest

from helpers.extract import extract_document
from helpers.extract.givers import page_central
from helpers.gazetteer import get_gazetteer
from sentence_doc import Doc


@pytest.mark.parametrize("title, head, lead, name", [
    ("", ["中国南方电网有限责任公司", "公司2022年定点帮扶工作情况"], "2022年,公司持续做好帮扶工作。", "中国南方电网有限责任公司"),
    ("", ["帮扶工作综述", "来源：南方电网"], "今年以来,公司持续做好帮扶工作。", "中国南方电网有限责任公司"),
    ("教育部定点帮扶两县工作综述", [], "", "教育部"),
    ("", [], "2021年以来,教育部持续加大对两县的帮扶力度。", "教育部"),
    # a central university's own news site, and a headline whose second part opens with it
    ("", ["浙江大学新闻网 > 要闻", "情系景东"], "", "浙江大学"),
    ("山海情深——四川大学2021年定点帮扶甘洛县纪实", [], "", "四川大学"),
])
def test_the_page_of_a_central_unit(title, head, lead, name):
    assert page_central(title, head, lead)[0] == name


@pytest.mark.parametrize("title, head, lead", [
    ("国家乡村振兴局调研组来我县调研", [], "近日,调研组一行到我县调研东西部协作工作。"),
    ("", ["甘肃日报"], "今年以来,天津市投入帮扶资金2亿元,教育部也给予大力支持。"),
])
def test_a_central_unit_mentioned_on_another_page(title, head, lead):
    assert page_central(title, head, lead) is None


def test_a_central_units_figures_go_to_the_counties_its_lead_names():
    text = ("中国南方电网有限责任公司\n公司2022年定点帮扶工作综述\n"
            "2022年,南方电网持续做好云南省双江拉祜族佤族布朗族傣族自治县、广西壮族自治区田东县定点帮扶工作。\n"
            "全年公司向两县投入无偿帮扶资金8000万元,选派挂职干部6名。\n")
    rows, _ = extract_document(Doc("t", text), get_gazetteer())
    money = [r for r in rows if r["value"] == 8e7]
    assert [r["donor"] for r in money] == ["中国南方电网有限责任公司"]
    assert money[0]["indicator"] == "social_aid"
    assert set(money[0]["recipients"].split(";")) == {
        "云南省临沧市双江拉祜族佤族布朗族傣族自治县", "广西壮族自治区百色市田东县"}


def test_a_central_unit_heading_a_later_clause_of_the_sentence_gives():
    text = ("2020年,江苏省无锡市惠山区对口帮扶青海省海东市乐都区。\n"
            "在惠山区牵线搭桥下,中国华电集团有限公司在乐都区投资建设光伏电站,完成投资【1.6亿元】。\n")
    rows, _ = extract_document(Doc("t", text.replace("【", "").replace("】", "")), get_gazetteer())
    got = [r for r in rows if r["value"] == 1.6e8]
    assert [r["donor"] for r in got] == ["中国华电集团有限公司"]


def test_a_central_unit_named_in_the_lead_without_helping_leaves_the_page_to_its_giver():
    text = ("国务院扶贫办近日通报了2020年东西部扶贫协作考核情况。江苏省常州市天宁区向青海省果洛藏族自治州玛沁县拨付帮扶资金500万元。\n")
    rows, _ = extract_document(Doc("t", text), get_gazetteer())
    assert [(r["donor"], r["recipients"]) for r in rows] == [("江苏省常州市天宁区", "青海省果洛藏族自治州玛沁县")]


def test_a_central_universitys_money_is_fiscal_aid_under_its_own_name():
    text = ("西南大学新闻网 > 综合新闻\n西南大学2020年定点帮扶工作纪实\n"
            "2020年,西南大学持续做好重庆市秀山土家族苗族自治县定点帮扶工作。\n"
            "全年学校直接投入帮扶资金600万元,选派挂职干部2名。\n")
    rows, _ = extract_document(Doc("t", text, title="西南大学新闻网 > 综合新闻"), get_gazetteer())
    money = [r for r in rows if r["value"] == 6e6]
    assert [(r["donor"], r["indicator"], r["program"]) for r in money] == [("西南大学", "fiscal_aid", "designated")]


@pytest.mark.parametrize("title, name", [
    # 对口援藏/援疆 after the unit and its year, as a headline writes it
    ("中国华电2020年对口援藏工作取得新成效", "中国华电集团有限公司"),
    ("国家民委定点帮扶工作纪实", "国家民族事务委员会"),
    ("中广核2021年援疆投入再创新高", "中国广核集团有限公司"),
])
def test_the_headline_of_a_central_units_page(title, name):
    assert page_central(title, [], "")[0] == name


@pytest.mark.parametrize("sentence, donor, indicator", [
    # the central units of the reference table: ministries, SOEs, national foundations
    ("国家民委今年直接投入帮扶资金2400万元,支持两县产业发展。", "国家民族事务委员会", "fiscal_aid"),
    ("中国宝武全年向两县投入无偿援助资金4200万元。", "中国宝武钢铁集团有限公司", "social_aid"),
    ("中国扶贫基金会向两县捐赠帮扶资金360万元。", "中国扶贫基金会", "social_aid"),
    # the unit's own bodies between it and the verb
    ("国家民委机关食堂和直属单位采购两县农产品320万元。", "国家民族事务委员会", "consumption_aid"),
])
def test_a_central_unit_named_as_the_giver_of_a_sentence(sentence, donor, indicator):
    text = "2021年,红桥区结对帮扶积石山县和广河县。\n" + sentence + "\n"
    rows, _ = extract_document(Doc("t", text), get_gazetteer())
    (row,) = [r for r in rows if r["donor"] == donor]
    assert row["indicator"] == indicator


def test_the_site_header_cleaning_drops_names_the_central_unit():
    # the raw page opens with the unit's own site header (name | 首页 > …), which cleaning drops;
    # the cleaned text says only 集团 and names the county's east–west partner
    raw = ("中国华电集团有限公司 | 首页 > 社会责任 > 定点帮扶\n集团2021年定点帮扶工作纪实\n"
           "2021年,集团持续做好甘肃省天水市张家川回族自治县定点帮扶工作,天津市也给予大力支持。\n"
           "全年向张家川县投入无偿帮扶资金1200万元。\n")
    text = raw.split("\n", 1)[1]
    rows, _ = extract_document(Doc("t", text, title="集团2021年定点帮扶工作纪实", raw_text=raw), get_gazetteer())
    (row,) = [r for r in rows if r["value"] == 1.2e7]
    assert row["donor"] == "中国华电集团有限公司"


@pytest.mark.parametrize("title, name", [
    # 定点扶贫, the older word for 定点帮扶, after the unit and its year
    ("教育部2019年定点扶贫工作综述", "教育部"),
])
def test_the_headline_of_a_central_units_page_with_the_older_word(title, name):
    assert page_central(title, [], "")[0] == name


def test_a_section_headed_by_a_central_unit_on_a_receivers_page_is_the_units():
    # a county's review of two kinds of help, one section each: the central SOE's section gives
    # its figures to the SOE (its money is social aid), the east–west section to the city
    text = ("荔波县2020年定点帮扶和东西部扶贫协作工作综述\n"
            "2020年,在中国华能集团有限公司定点帮扶和广东省广州市东西部扶贫协作的支持下,我县各项帮扶任务圆满完成。\n"
            "一、中国华能集团有限公司定点帮扶\n"
            "华能集团把荔波县定点帮扶作为重要政治任务。全年投入帮扶资金1500万元,培训基层干部860人次。\n"
            "二、东西部扶贫协作\n"
            "广州市向荔波县拨付财政帮扶资金4200万元。全年选派挂职干部5名。\n")
    rows, _ = extract_document(Doc("t", text, title=text.split("\n")[0]), get_gazetteer())
    soe = only_row(rows, 1.5e7)
    assert (soe["donor"], soe["indicator"]) == ("中国华能集团有限公司", "social_aid")
    assert only_row(rows, 860)["donor"] == "中国华能集团有限公司"
    assert only_row(rows, 4.2e7)["donor"] == "广东省广州市"
    assert only_row(rows, 5)["donor"] == "广东省广州市"


def only_row(rows, value):
    (row,) = [r for r in rows if r["value"] == value]
    return row
