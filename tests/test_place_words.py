"""Place words that are not places, and the lead's unit (sentences written for the tests)."""
from helpers.extract.frame import _lead_units, key
from helpers.extract.places import find_places
from helpers.gazetteer import get_gazetteer


def test_a_firm_named_after_a_place_is_not_the_place():
    hits = find_places(get_gazetteer(), "帮助黔南州引入阿里巴巴、京东等电商平台,开展电商培训。")
    assert all(h.unit.name != "阿里地区" for h in hits)
    assert any(h.unit.name == "黔南布依族苗族自治州" for h in hits)


def test_the_prefecture_the_lead_keeps_naming_is_the_lead_unit():
    text = "杭州与黔东南州结对以来,黔东南州发展迅速,黔东南州凯里市电商指数居贵州省首位,黔东南州群众受益。"
    hits = find_places(get_gazetteer(), text)
    side = {key(h.unit): "recipient" for h in hits if h.unit.province == "贵州省"}
    units = [h.unit for h in hits if h.unit.province == "贵州省"]
    assert [u.name for u in _lead_units(units, hits, side)] == ["黔东南苗族侗族自治州"]


def test_a_lead_naming_its_counties_as_often_keeps_them():
    text = "杭州帮扶黔东南州凯里市、黔东南州雷山县,凯里市和雷山县群众受益。"
    hits = find_places(get_gazetteer(), text)
    side = {key(h.unit): "recipient" for h in hits if h.unit.province == "贵州省"}
    units = [h.unit for h in hits if h.unit.province == "贵州省"]
    assert sorted(u.name for u in _lead_units(units, hits, side)) == ["凯里市", "雷山县"]


def test_a_province_short_form_is_the_province_not_the_county_of_that_name():
    # 龙江 is the usual short form of 黑龙江省 (龙江企业, 龙江援疆); the county writes its suffix
    hits = find_places(get_gazetteer(), "黑龙江省对口支援阿勒泰地区,龙江企业捐款捐物300万元,龙江5所学校与受援地学校结对。")
    assert [h.unit.full_name for h in hits if h.surface == "龙江"] == ["黑龙江省", "黑龙江省"]
    hits = find_places(get_gazetteer(), "齐齐哈尔市龙江县向甘南县捐赠物资。")
    assert hits[0].unit.full_name == "黑龙江省齐齐哈尔市龙江县"


def test_the_source_line_of_a_county_site_supports_the_countys_short_name():
    # the page's source line (cleaning keeps it out of the text) names the county in full: its
    # two-character short form in the text is the county, and 我县 is that county
    from helpers.extract import extract_document
    from sentence_doc import Doc
    text = ("甲乙携手结硕果\n今年以来,浙江省湖州市吴兴区与我县携手奔小康,一批项目在峨边落地。\n"
            "吴兴区今年安排财政帮扶资金900万元,引导6家企业到峨边投资。\n")
    raw = "峨边新闻网\n首页 > 要闻\n甲乙携手结硕果\n发布时间：2020-12-01　来源：峨边彝族自治县融媒体中心\n" + text
    rows, _ = extract_document(Doc("t", text, raw_text=raw), get_gazetteer())
    assert {r["recipients"] for r in rows} == {"四川省乐山市峨边彝族自治县"}
    # without the source line the bare short form has no support
    hits = find_places(get_gazetteer(), text)
    assert all(h.unit.name != "峨边彝族自治县" for h in hits)


def test_a_county_short_form_that_is_an_ordinary_word_names_it_once_the_county_is_named():
    from helpers.extract.places import common_word_short_names
    gz = get_gazetteer()
    text = ("番禺区对口帮扶贵州省毕节市大方县和黔南州罗甸县。今年拨付资金1.2亿元,其中大方7000万元、罗甸5000万元,"
            "选派干部分赴大方、罗甸开展帮扶。他为人大方,待人热情。帮助销售大方、罗甸农特产品。")
    hits = common_word_short_names(text, find_places(gz, text))
    at = [h.start for h in hits if h.surface == "大方"]
    assert at == [text.index("其中大方") + 2, text.index("分赴大方") + 2, text.index("销售大方") + 2]
    # not without the county named in full
    text = "其中大方7000万元、罗甸5000万元。"
    assert all(h.surface != "大方" for h in common_word_short_names(text, find_places(gz, text)))


def test_ordinary_words_that_are_county_short_forms_stay_words():
    from helpers.extract.places import common_word_short_names
    gz = get_gazetteer()
    for text, word in [("贵州省铜仁市沿河土家族自治县发展茶产业。沿河两岸种植茶叶3000亩。", "沿河"),
                       ("青海省海东市互助土族自治县。倡导团结与互助。", "互助"),
                       ("甘肃省定西市安定区。维护社会稳定和安定。", "安定")]:
        hits = common_word_short_names(text, find_places(gz, text))
        assert all(h.surface != word for h in hits), text


def test_a_mountain_range_named_like_a_district_is_not_the_district():
    # 天山, 祁连 and 泰山 are mountains in report prose (天山脚下, 祁连山下); the districts and
    # the county write their suffix
    text = "天山脚下结硕果,祁连山下谱新篇。河北省对口支援新疆巴音郭楞州和静县,向乌鲁木齐市天山区捐赠物资。"
    hits = find_places(get_gazetteer(), text)
    assert [h.surface for h in hits if "天山" in h.surface] == ["乌鲁木齐市天山区"]
    assert not any(h.unit.name == "祁连县" for h in hits)
