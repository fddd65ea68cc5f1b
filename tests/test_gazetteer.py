"""The gazetteer on real names: the gold panels' full names, the reports' texts, and the
historical names, zones, townships and ambiguous names that reports 2012–2022 use."""
from __future__ import annotations

import csv
import time
from collections import defaultdict

import opencc
import pytest

from helpers import gazetteer as G
from helpers.gazetteer import Gazetteer, Place, PlaceMention, get_gazetteer
from helpers.paths import RAW, SHARED
from helpers.gazetteer import last_level

GOLD_FILES = [SHARED / "gold" / "seeds_gold.csv", SHARED / "dev" / "gold.csv"]
# Donors in the gold panels that are central ministries, banks or state enterprises: not places.
NOT_PLACES = {"中国人民银行", "中国出版集团有限公司", "中国华能集团有限公司",
              "中国石油化工集团有限公司", "农业农村部", "国务院扶贫开发领导小组办公室"}


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return get_gazetteer()


@pytest.fixture(scope="module")
def t2s():
    return opencc.OpenCC("t2s")


def _gold_rows():
    rows = []
    for path in GOLD_FILES:
        if not path.exists():
            pytest.skip(f"{path} not available")
        with open(path, encoding="utf-8") as f:
            rows += list(csv.DictReader(f))
    return rows


def _gold_names():
    names = set()
    for r in _gold_rows():
        names.add(r["donor"])
        names.update(x for x in r["recipients"].split(";") if x)
    return sorted(names)


# --- gold names -----------------------------------------------------------------------------

def test_every_gold_recipient_and_donor_resolves_to_its_own_full_name(gz):
    wrong = {}
    for name in _gold_names():
        place = gz.resolve(name)
        if name in NOT_PLACES:
            assert place is None, f"{name} is not a place but resolved to {place}"
            continue
        if place is None or place.full_name != name:
            wrong[name] = place.full_name if place else None
    assert not wrong, wrong


def test_gold_recipient_adcodes_are_todays_codes(gz):
    expected = {
        "甘肃省天水市武山县": ("620524", "county"),
        "甘肃省兰州市永登县": ("620121", "county"),
        "新疆维吾尔自治区和田地区民丰县": ("653227", "county"),
        "贵州省六盘水市水城县": ("520204", "county"),      # 水城区 since 2020
        "西藏自治区那曲市索县": ("540626", "county"),      # 542427 before 2017
        "新疆维吾尔自治区石河子市": ("659001", "county"),
        "青海省黄南藏族自治州同仁市": ("632301", "county"),
        "陕西省渭南市": ("610500", "prefecture"),
        "甘肃省": ("620000", "province"),
        "天津市滨海新区塘沽街道": ("120116", "township"),
        "大连高新技术产业园区": ("210211", "zone"),
    }
    for name, (code, level) in expected.items():
        p = gz.resolve(name)
        assert (p.adcode, p.level) == (code, level), name


def test_each_reports_gold_recipients_are_found_in_its_text(gz, t2s):
    """find() on the real report text sees every recipient the annotators coded."""
    gold = defaultdict(set)
    for r in _gold_rows():
        gold[r["doc_id"]].update(x for x in r["recipients"].split(";") if x)
    missing = {}
    for doc, names in sorted(gold.items()):
        text = t2s.convert((RAW / f"{doc}.txt").read_text(encoding="utf-8"))
        found = set()
        for m in gz.find(text):
            if m.place is not None:
                found |= {m.place.full_name, m.place.admin_full_name}
        if names - found:
            missing[doc] = sorted(names - found)
    assert not missing, missing


# --- historical names -----------------------------------------------------------------------

@pytest.mark.parametrize("written, adcode, current, year", [
    ("水城县", "520204", "水城区", 2020),
    ("那曲地区", "540600", "那曲市", 2017),
    ("盘县", "520281", "盘州市", 2017),
    ("平泉县", "130881", "平泉市", 2017),
    ("蓟县", "120119", "蓟州区", 2016),
    ("同仁县", "632301", "同仁市", 2020),
    ("普兰店市", "210214", "普兰店区", 2015),   # Dalian, not 普兰县 in Tibet
    ("长乐市", "350112", "长乐区", 2017),
])
def test_historical_names_resolve_to_todays_unit_with_year(gz, written, adcode, current, year):
    p = gz.resolve(written)
    assert p is not None, written
    assert (p.adcode, p.name, p.current_name, p.changed_year) == (adcode, written, current, year)
    assert gz.by_adcode(adcode).name == current


def test_written_era_name_is_kept_in_full_name_and_switches_after_the_change(gz):
    p = gz.resolve("六盘水市水城县")
    assert p.full_name == "贵州省六盘水市水城县"
    assert p.official_full_name(2019) == "贵州省六盘水市水城县"
    assert p.official_full_name(2022) == "贵州省六盘水市水城区"
    assert gz.resolve("那曲地区索县").full_name == "西藏自治区那曲市索县"


def test_admin_changes_table_points_at_existing_units(gz):
    rows = G._read_csv(G.CHANGES_CSV, ("old_name", "old_adcode", "new_name", "new_adcode",
                                       "year", "source"))
    assert len(rows) >= 60
    for r in rows:
        assert gz.by_adcode(r["new_adcode"]).name == r["new_name"], r
        assert 2009 <= int(r["year"]) <= 2023, r
        assert r["old_adcode"] == "" or (len(r["old_adcode"]) == 6 and r["old_adcode"].isdigit()), r
        assert r["source"], r


# --- zones, corps, townships ----------------------------------------------------------------

@pytest.mark.parametrize("written, full_name, adcode", [
    ("大连高新区", "大连高新技术产业园区", "210211"),
    ("天津港保税区", "天津港保税区", "120116"),
    ("石河子高新区", "石河子高新技术产业开发区", "659001"),
    ("武汉经开区", "武汉经济技术开发区", "420113"),
    ("兵团第八师", "新疆生产建设兵团第八师", "659001"),
    ("大鹏新区", "深圳市大鹏新区", "440307"),      # a city's functional area, a giver of its own
])
def test_zones_keep_their_name_and_carry_the_containing_units_code(gz, written, full_name, adcode):
    p = gz.resolve(written)
    assert (p.level, p.full_name, p.adcode) == ("zone", full_name, adcode)
    assert p.admin_full_name == gz.by_adcode(adcode).full_name


def test_township_belongs_to_the_county_written_before_it_not_a_namesake_county(gz):
    p = gz.resolve("索县江达乡")
    assert (p.level, p.name, p.adcode) == ("township", "江达乡", "540626")   # 索县, not 江达县 540321
    assert p.admin_full_name == "西藏自治区那曲市索县"


def test_township_named_alone_later_in_the_seed_report_stays_in_its_county(gz):
    text = (RAW / "004_4af18b35c03c9a8a.txt").read_text(encoding="utf-8")
    towns = [m for m in gz.find(text) if "江达" in m.surface]
    assert len(towns) >= 4
    assert all(m.place is not None and m.place.adcode == "540626" for m in towns)


def test_clause_ending_in_zhen_is_not_a_township(gz):
    ms = gz.find("静海区根据镇原县自然条件、资源和产业基础等因素,找准弱项")
    assert [m.place.name for m in ms] == ["静海区", "镇原县"]


# --- ambiguity ------------------------------------------------------------------------------

def test_ambiguous_district_is_never_resolved_by_first_match(gz):
    assert gz.resolve("和平区") is None
    cands = {p.full_name for p in gz.candidates("和平区")}
    assert {"天津市和平区", "辽宁省沈阳市和平区"} <= cands
    ms = gz.find("和平区")
    assert ms[0].place is None and len(ms[0].candidates) >= 2


@pytest.mark.parametrize("name, context, adcode", [
    ("和平区", ["天津市"], "120101"),
    ("和平区", ["沈阳市"], "210102"),
    ("新华区", ["石家庄市"], "130105"),
    ("朝阳区", ["北京市"], "110105"),
    ("鼓楼区", ["福建省"], "350102"),
    ("和平区", ["120115"], "120101"),     # donor adcode (宝坻区) as context
])
def test_ambiguous_names_resolve_from_context(gz, name, context, adcode):
    assert gz.resolve(name, context).adcode == adcode


def test_ambiguous_name_resolves_from_the_rest_of_the_text(gz):
    text = "天津市与甘肃省开展东西部扶贫协作,和平区选派干部到靖远县挂职。"
    m = [m for m in gz.find(text) if m.surface == "和平区"][0]
    assert m.place.full_name == "天津市和平区"


def test_unresolved_lists_ambiguous_mentions_with_surrounding_text(gz):
    rows = gz.unresolved("鼓楼区投入帮扶资金500万元。")
    assert len(rows) == 1
    assert rows[0]["surface"] == "鼓楼区" and "帮扶资金" in rows[0]["context"]
    assert "福建省福州市鼓楼区" in rows[0]["candidates"]
    assert G.unresolved(gz.find("天津市和平区")) == []


# --- short forms and false hits -------------------------------------------------------------

@pytest.mark.parametrize("text, full_name", [
    ("甘肃省永登县", "甘肃省兰州市永登县"),
    ("新疆民丰县", "新疆维吾尔自治区和田地区民丰县"),
    ("和田地区", "新疆维吾尔自治区和田地区"),
    ("六盘水", "贵州省六盘水市"),
    ("甘肃", "甘肃省"),
    ("甘南州夏河县", "甘肃省甘南藏族自治州夏河县"),
    ("张家川县", "甘肃省天水市张家川回族自治县"),
    ("西藏那曲市索县江达乡", "西藏自治区那曲市索县江达乡"),
])
def test_short_and_chained_forms(gz, text, full_name):
    ms = gz.find(text)
    assert len(ms) == 1 and (ms[0].start, ms[0].end) == (0, len(text))
    assert ms[0].place.full_name == full_name


def test_short_form_needs_support_from_the_text(gz):
    # 武山 alone in a Gansu text is 武山县; the same two characters are not enough in a vacuum
    assert gz.find("天水市组织武山劳动力外出务工")[1].place.adcode == "620524"
    assert [m.surface for m in gz.find("甘肃武山")] == ["甘肃武山"]


@pytest.mark.parametrize("sentence", [
    "与两县共同安排300余万元专项劳务协作资金",          # 同安
    "国家确定由京津两大城市对承德实施对口帮扶",           # 大城 (廊坊)
    "协调海关等部门保障顺利通关",                         # 利通
    "进一步加大东西部扶贫协作和对口支援工作力度",         # 大东
    "立足受援县资源禀赋和产业基础",                       # 资源
    "促进社会稳定和长治久安",                             # 长治
    "会同受援县确定重点扶持产业",                         # 会同
    "发展循环经济,建设开发区,维护和平与民主团结",       # 环 / 开发 / 和平 / 民主 / 团结
    "城关镇新区建设加快,长安汽车和宝山钢铁参与",       # 城关 / 新区 / 长安 / 宝山
    "率先实现携手奔小康县市全覆盖",                       # 康县
])
def test_no_place_in_ordinary_words(gz, sentence):
    hits = [(m.surface, m.place.full_name if m.place else None) for m in gz.find(sentence)
            if m.surface not in ("承德",)]
    assert hits == []


def test_single_character_county_needs_its_suffix(gz):
    assert [m.place.name for m in gz.find("庆阳市环县")] == ["环县"]
    assert gz.find("环保") == [] and gz.find("环境") == []


def test_people_named_like_a_county_are_not_places(gz):
    assert gz.find("临夏州东乡族群众") == [m for m in gz.find("临夏州东乡族群众")
                                          if m.surface == "临夏州"]


# --- table, API, errors ---------------------------------------------------------------------

def test_units_table_matches_the_boundary_dataset():
    shipped = G._read_csv(G.UNITS_CSV, ("adcode",))
    rebuilt = G.build_units_table()
    assert [r["adcode"] for r in shipped] == [r["adcode"] for r in rebuilt]
    assert {(r["adcode"], r["name"], r["level"]) for r in shipped} == \
        {(r["adcode"], r["name"], r["level"]) for r in rebuilt}


def test_every_county_level_unit_is_there_with_province_prefecture_and_centroid(gz):
    counties = gz.places("county")
    assert len(counties) > 2800
    assert len(gz.places("province")) == 34
    wushan = gz.by_adcode("620524")
    assert (wushan.province, wushan.prefecture, wushan.name) == ("甘肃省", "天水市", "武山县")
    assert 104.0 < wushan.lon < 105.5 and 34.5 < wushan.lat < 35.2
    assert gz.by_adcode("120115").full_name == "天津市宝坻区"   # municipality: no 市辖区
    assert gz.by_adcode("156620524") == wushan                 # the dataset's gb code works too


def test_loading_is_fast():
    t0 = time.perf_counter()
    G.Gazetteer(G._read_csv(G.UNITS_CSV, ()), G._read_csv(G.CHANGES_CSV, ()),
                G._read_csv(G.ZONES_CSV, ()), G._read_csv(G.ALIASES_CSV, ()))
    assert time.perf_counter() - t0 < 2.0


def test_unknown_adcode_is_a_clear_error(gz):
    with pytest.raises(KeyError, match="999999"):
        gz.by_adcode("999999")


def test_broken_table_names_the_file(tmp_path):
    bad = tmp_path / "zones.csv"
    bad.write_text("name,aliases\n大连高新区,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="zones.csv"):
        G._read_csv(bad, ("name", "full_name", "admin_adcode"))
    units = G._read_csv(G.UNITS_CSV, ())
    with pytest.raises(ValueError, match="admin_adcode 999999"):
        G.Gazetteer(units, [], [{"name": "某开发区", "full_name": "", "aliases": "", "kind": "zone",
                                 "admin_adcode": "999999", "source": ""}])


def test_public_types():
    m = G.find("甘肃省天水市武山县")[0]
    assert isinstance(m, PlaceMention) and isinstance(m.place, Place)
    assert m.surface == "甘肃省天水市武山县" and m.place.as_written == "甘肃省天水市武山县"
    assert G.resolve("不存在的地方") is None


# The pairings reference (data/raw/pairings.csv) is checked in test_pairings.py.


# --- doubtful names: kept, with a note -----------------------------------------------------

def test_prefecture_written_as_a_county_is_kept_with_a_note(gz, t2s):
    text = t2s.convert((RAW / "d07.txt").read_text(encoding="utf-8"))
    flagged = [m for m in gz.find(text) if m.surface.endswith("黄南县")]
    assert flagged and all(m.place.adcode == "632300" and m.note for m in flagged)
    assert any(r["surface"] == "黄南县" for r in gz.unresolved(text))


def test_one_character_slip_is_flagged_with_the_supported_candidate(gz, t2s):
    text = t2s.convert((RAW / "d22.txt").read_text(encoding="utf-8"))
    slips = [m for m in gz.find(text) if m.surface == "拱野区"]
    assert len(slips) == 2
    assert all([c.full_name for c in m.candidates] == ["浙江省杭州市拱墅区"] and m.note for m in slips)


@pytest.mark.parametrize("sentence", [
    "动员24个街镇、开发区、卫健委等成员单位",       # 开发区 is not a slip of 开福区 (长沙 named)
    "湖南长沙的开发区",
    "甘南州县两级干部参加培训",                     # prefecture and county levels
    "广州市各区全年采购扶贫产品。从地区看,采购最多的是毕节。",   # 地区 ends the word: no slip of 从化区
    "杭州市对口协作的县区中,分县区看,淳安县最多。",             # nor 县区 (a slip of 临安区 or the like)
])
def test_generic_words_are_not_flagged(gz, sentence):
    assert [m.note for m in gz.find(sentence) if m.note] == []


def test_unresolved_table_lists_doubtful_mentions_of_the_reports(t2s):
    texts = {d: t2s.convert((RAW / f"{d}.txt").read_text(encoding="utf-8")) for d in ("d07", "d22", "d02")}
    table = G.unresolved_table(texts)
    assert list(table.columns) == ["doc_id", "start", "end", "surface", "candidates", "note", "context"]
    assert set(table["doc_id"]) == {"d07", "d22"}            # d02 names its places plainly
    row = table[table["surface"] == "拱野区"].iloc[0]
    assert texts["d22"][row["start"]:row["end"]] == "拱野区" and "拱野区" in row["context"]


# --- the scan: linear, and the same longest-match rule as its naive definition --------------

def _naive_scan(gz: Gazetteer, text: str) -> list[tuple[int, int]]:
    """The scan's definition, spelt out slowly: at every character try every key length from
    the longest; the first key that is there and acceptable wins, and the scan goes on after it."""
    lengths = sorted({len(k) for k in gz._keys}, reverse=True)
    out, i = [], 0
    while i < len(text):
        for L in lengths:
            key = text[i:i + L]
            if len(key) == L and key in gz._keys and gz._acceptable(text, i, L, gz._keys[key]):
                out.append((i, i + L))
                i += L
                break
        else:
            i += 1
    return out


def test_scan_matches_its_naive_definition_on_every_report(gz, t2s):
    for path in sorted(RAW.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        for text in {raw, t2s.convert(raw)}:
            fast = [(m.start, m.end) for m, _ in gz._scan(text)]
            assert fast == _naive_scan(gz, text), path.name


def test_scan_finds_names_at_the_edges_and_next_to_each_other(gz):
    text = "甘肃省天水市武山县永登县、靖远县"
    assert [m.surface for m, _ in gz._scan(text)] == ["甘肃省", "天水市", "武山县", "永登县", "靖远县"]
    assert [(m.start, m.end) for m, _ in gz._scan("靖远县")] == [(0, 3)]
    assert gz._scan("") == [] and gz._scan("abc 123") == []


def test_find_is_fast_on_the_reports(gz, t2s):
    texts = [t2s.convert(p.read_text(encoding="utf-8")) for p in sorted(RAW.glob("*.txt"))]
    gz.find(texts[0])
    t0 = time.process_time()
    for t in texts:
        gz.find(t)
    chars = sum(map(len, texts))
    # the naive scan managed ~0.2 M characters per second; extraction needs the gazetteer
    # well above 1 MB (~0.35 M characters) per second
    assert chars / (time.process_time() - t0) > 600_000


def test_a_one_character_key_is_refused_with_the_table_named():
    units = G._read_csv(G.UNITS_CSV, ())
    with pytest.raises(ValueError, match="aliases.csv"):
        G.Gazetteer(units, [], [], [{"alias": "蒙", "adcode": "150000", "note": ""}])


# --- precision: names inside ordinary words, repeated short forms, abbreviations -----------

@pytest.mark.parametrize("sentence, expected", [
    # the text names the unit's prefecture, so 利通/康县/民丰/固原/白银 would be supported
    ("宁夏回族自治区吴忠市各项帮扶工作顺利通过国家考核", ["宁夏回族自治区吴忠市"]),
    ("甘肃省陇南市康县与青岛市结对,率先实现携手奔小康县市全覆盖",
     ["甘肃省陇南市康县", "山东省青岛市"]),
    ("新疆和田地区组织各族群众庆祝中国农民丰收节", ["新疆维吾尔自治区和田地区"]),
    ("宁夏回族自治区持续巩固原有帮扶成果", ["宁夏回族自治区"]),
    ("甘肃省各级真金白银地投入帮扶资金", ["甘肃省"]),
    ("天津市与甘肃省庆阳市加大东西部扶贫协作力度", ["天津市", "甘肃省庆阳市"]),
    ("甘肃省临夏州各级党委和政府高度重视", ["甘肃省临夏回族自治州"]),
    ("宁夏回族自治区中卫市其中卫生院3所", ["宁夏回族自治区中卫市"]),
    ("云南省红河州帮助修建水渠12公里", ["云南省红河哈尼族彝族自治州"]),
])
def test_short_names_inside_ordinary_words_are_not_places(gz, sentence, expected):
    assert [m.place.full_name for m in gz.find(sentence) if m.place] == expected
    assert [m.surface for m in gz.find(sentence) if m.place is None] == []


def test_the_word_guard_keeps_real_short_names(gz):
    text = ("天津市宝坻区对口帮扶甘肃省天水市武山县、兰州市永登县,加大宝坻企业到永登投资力度,"
            "帮助武山修建道路。")
    assert [m.place.name for m in gz.find(text)] == ["宝坻区", "武山县", "永登县", "宝坻区", "永登县",
                                                     "武山县"]


def test_a_short_form_repeating_an_earlier_township_means_that_township(gz):
    text = ("大连高新区对口帮扶西藏那曲市索县江达乡,援藏工作组与昌都市交流经验。"
            "江达的牧民合作社年收入增加30万元。")
    ms = gz.find(text)
    last = [m for m in ms if m.surface == "江达"]
    assert len(last) == 1
    p = last[0].place
    assert (p.level, p.name, p.adcode) == ("township", "江达乡", "540626")
    # written before the township was named, or as 江达县, it is still the county of 昌都
    ms = gz.find("昌都市江达县、西藏那曲市索县江达乡。江达县人口")
    assert [m.place.adcode for m in ms] == ["540321", "540626", "540321"]


@pytest.mark.parametrize("written, full_name", [
    ("科右前旗", "内蒙古自治区兴安盟科尔沁右翼前旗"),
    ("科右中旗", "内蒙古自治区兴安盟科尔沁右翼中旗"),
    ("科左后旗", "内蒙古自治区通辽市科尔沁左翼后旗"),
    ("察右前旗", "内蒙古自治区乌兰察布市察哈尔右翼前旗"),
    ("阿左旗", "内蒙古自治区阿拉善盟阿拉善左旗"),
    ("土左旗", "内蒙古自治区呼和浩特市土默特左旗"),
    ("乌前旗", "内蒙古自治区巴彦淖尔市乌拉特前旗"),
    ("鄂托克前旗", "内蒙古自治区鄂尔多斯市鄂托克前旗"),
    ("达茂旗", "内蒙古自治区包头市达尔罕茂明安联合旗"),
    ("莫旗", "内蒙古自治区呼伦贝尔市莫力达瓦达斡尔族自治旗"),
    ("鄂伦春旗", "内蒙古自治区呼伦贝尔市鄂伦春自治旗"),
    ("兴安盟科右前旗", "内蒙古自治区兴安盟科尔沁右翼前旗"),
    ("寻甸县", "云南省昆明市寻甸回族彝族自治县"),
    ("禄劝县", "云南省昆明市禄劝彝族苗族自治县"),
    ("巍山县", "云南省大理白族自治州巍山彝族回族自治县"),
    ("张家川县", "甘肃省天水市张家川回族自治县"),
])
def test_common_abbreviations_of_banners_and_autonomous_counties(gz, written, full_name):
    p = gz.resolve(written)
    assert p is not None and p.full_name == full_name, written


def test_banner_abbreviations_in_a_report_sentence(gz):
    text = "北京市东城区对口帮扶内蒙古科右前旗、科右中旗和阿尔山市,协调资金2000万元"
    assert [m.place.name for m in gz.find(text)] == ["东城区", "科尔沁右翼前旗", "科尔沁右翼中旗",
                                                     "阿尔山市"]


@pytest.mark.parametrize("text", ["红河县", "云南省红河县", "红河州红河县", "上海市帮扶红河县脱贫"])
def test_honghe_county_is_not_the_prefecture(gz, text):
    ms = [m for m in gz.find(text) if "红河" in m.surface]
    assert len(ms) == 1 and ms[0].place.adcode == "532529" and ms[0].place.level == "county"
    assert ms[0].place.full_name == "云南省红河哈尼族彝族自治州红河县"


def test_honghe_prefecture_and_county_side_by_side(gz):
    ms = gz.find("上海市对口帮扶云南红河州,其中红河县获得资金3000万元")
    assert [(m.place.adcode, m.place.level) for m in ms] == [
        ("310000", "province"), ("532500", "prefecture"), ("532529", "county")]


def test_street_subdistrict_is_a_township_of_its_district(gz):
    p = gz.resolve("天津市滨海新区塘沽街道")
    assert (p.level, p.name, p.adcode, p.admin_full_name) == ("township", "塘沽街道", "120116",
                                                              "天津市滨海新区")
    # written alone, after the district's old name (塘沽区, merged into 滨海新区 in 2009)
    text = "张家川县代表团与天津港保税区对接后,赴塘沽街道办事处签订对口帮扶协议"
    ms = [m for m in gz.find(text) if "塘沽" in m.surface]
    assert len(ms) == 1
    p = ms[0].place
    assert (p.level, p.name, p.adcode) == ("township", "塘沽街道", "120116")
    assert p.full_name == "天津市滨海新区塘沽街道"
    ms = gz.find("天津塘沽街道与张家川县签订协议。塘沽街道投入资金10万元,塘沽企业参与")
    assert [(m.place.level, m.place.name) for m in ms] == [
        ("township", "塘沽街道"), ("county", "张家川回族自治县"), ("township", "塘沽街道"),
        ("county", "塘沽区")]      # 塘沽 alone stays the (former) district


def test_d09_names_the_beijing_district_in_passing_and_the_hebei_counties(gz, t2s):
    text = t2s.convert((RAW / "d09.txt").read_text(encoding="utf-8"))
    names = {m.place.full_name for m in gz.find(text) if m.place}
    assert {"北京市怀柔区", "河北省承德市丰宁满族自治县", "河北省承德市滦平县"} <= names


# --- round 3: bare provincial names, two-character official names, lists of short names ----

@pytest.mark.parametrize("sentence, expected", [
    ("北京和天津两市携手帮助承德市脱贫攻坚", ["北京市", "天津市", "河北省承德市"]),
    ("北京对口支援西藏拉萨市,累计投入援藏资金10亿元", ["北京市", "西藏自治区拉萨市"]),
    ("重庆、河北、甘肃三省市代表参加了推进会", ["重庆市", "河北省", "甘肃省"]),
    ("山东帮扶甘肃,河南、山西两省企业也参与其中", ["山东省", "甘肃省", "河南省", "山西省"]),
    ("吉林与海南两省签署合作协议", ["吉林省", "海南省"]),
])
def test_provincial_names_without_their_suffix_are_places(gz, sentence, expected):
    assert [m.place.full_name for m in gz.find(sentence) if m.place] == expected


@pytest.mark.parametrize("sentence", [
    "沿黄河北岸修建防护林带5公里",          # 河北 straddles 黄河
    "在黄河南岸建设扶贫车间3个",            # 河南 straddles 黄河
])
def test_provincial_short_names_inside_prose_words_are_not_places(gz, sentence):
    assert [m.surface for m in gz.find(sentence)] == []


@pytest.mark.parametrize("sentence, full_name", [
    ("环县新建扶贫车间12个,吸纳就业560人", "甘肃省庆阳市环县"),
    ("帮扶资金重点投向环县的产业项目", "甘肃省庆阳市环县"),
    ("岷县、漳县两县群众受益", "甘肃省定西市岷县"),
    ("歙县引进茶叶企业3家", "安徽省黄山市歙县"),
])
def test_two_character_official_county_names_count_alone(gz, sentence, full_name):
    ms = [m for m in gz.find(sentence) if m.place]
    assert ms and ms[0].place.full_name == full_name and ms[0].place.level == "county"


@pytest.mark.parametrize("sentence", [
    "携手奔小康县市全覆盖",                  # 小康 + 县: not 康县
    "已完成县级验收",                       # 完成县级: not 成县
    "省、市和县三级联动推进",                # 市和县: a conjunction, not 和县
    "形成县乡村三级服务网络",
    "全面完成县域脱贫任务",
    "推动市和县两级共同发力",
])
def test_two_character_official_names_inside_words_stay_out(gz, sentence):
    assert [m.surface for m in gz.find(sentence)] == []


@pytest.mark.parametrize("sentence", [
    "上海市向元阳、红河、绿春、金平四县拨付资金",
    "帮扶元阳、绿春、红河等县发展梯田红米产业",
    "红河、元阳两县新建扶贫车间5个",
])
def test_a_short_name_among_counties_is_the_county(gz, sentence):
    hits = [m for m in gz.find(sentence) if m.surface == "红河"]
    assert len(hits) == 1
    p = hits[0].place
    assert (p.adcode, p.level) == ("532529", "county"), sentence


def test_a_short_prefecture_name_alone_stays_the_prefecture(gz):
    ms = [m for m in gz.find("上海市对口帮扶红河、文山两州") if m.surface == "红河"]
    assert [(m.place.adcode, m.place.level) for m in ms] == [("532500", "prefecture")]


@pytest.mark.parametrize("sentence, names", [
    ("天津市向会宁、武山捐赠物资折款80万元", ["天津市", "会宁县", "武山县"]),
    ("组织企业赴会宁、武山、永登考察", ["会宁县", "武山县", "永登县"]),
])
def test_a_list_of_short_county_names_of_one_province_supports_itself(gz, sentence, names):
    assert [m.place.name for m in gz.find(sentence) if m.place] == names


@pytest.mark.parametrize("sentence", [
    "坚持共同、协同推进",
    "推动产业、就业、教育、医疗全面发展",
    "开展大城、同安两地交流",            # counties of different provinces: no support
])
def test_lists_of_ordinary_words_yield_no_places(gz, sentence):
    assert [m.surface for m in gz.find(sentence)] == []


@pytest.mark.parametrize("sentence, names", [
    # a county whose short form is an ordinary word, between members of its prefecture
    ("当年向宁洱、江城、墨江捐赠图书", ["宁洱哈尼族彝族自治县", "江城哈尼族彝族自治县", "墨江哈尼族自治县"]),
    # last before a count of counties
    ("帮扶范围扩大到墨江、江城两县", ["墨江哈尼族自治县", "江城哈尼族彝族自治县"]),
    # the same form beside a county of another province's prefecture is that one's namesake
    ("组织客商赴阳东、江城、阳西考察", ["阳东区", "江城区", "阳西县"]),
])
def test_an_ordinary_word_short_form_inside_a_list_of_counties_is_a_county(gz, sentence, names):
    assert [m.place.name for m in gz.find(sentence) if m.place] == names


@pytest.mark.parametrize("sentence", [
    "江城处处春意浓",                      # a city's nickname, no list
    "加大帮扶、江城、工作的力度",           # a list of words with no county beside it
])
def test_an_ordinary_word_short_form_outside_a_list_of_counties_is_no_place(gz, sentence):
    assert [m.surface for m in gz.find(sentence)] == []


@pytest.mark.parametrize("sentence, full_name", [
    ("组织企业赴哈密市和十三师考察投资", "新疆生产建设兵团第十三师"),
    ("援疆医生在第十四师医院坐诊", "新疆生产建设兵团第十四师"),
])
def test_a_corps_division_numbered_past_ten_is_named_without_the_corps(gz, sentence, full_name):
    assert full_name in [m.place.full_name for m in gz.find(sentence) if m.place]


def test_tanggu_subdistrict_written_alone(gz):
    ms = gz.find("塘沽街道")
    assert len(ms) == 1
    p = ms[0].place
    assert (p.level, p.name, p.adcode, p.full_name) == ("township", "塘沽街道", "120116",
                                                        "天津市滨海新区塘沽街道")
    ms = gz.find("塘沽街道与会宁县签订结对帮扶协议,捐赠资金15万元")
    assert [(m.place.level, m.place.name) for m in ms] == [
        ("township", "塘沽街道"), ("county", "会宁县")]


def test_qingdao_west_coast_new_area_is_a_zone_of_huangdao(gz):
    for written in ("青岛西海岸新区", "西海岸新区"):
        p = gz.resolve(written)
        assert p is not None, written
        assert (p.level, p.name, p.adcode) == ("zone", "青岛西海岸新区", "370211")
        assert p.admin_full_name == "山东省青岛市黄岛区"
    ms = gz.find("青岛西海岸新区与陇南市宕昌县开展协作")
    assert [m.place.name for m in ms] == ["青岛西海岸新区", "宕昌县"]


@pytest.mark.parametrize("sentence", [
    "组织贫困劳动力赴大城市务工3200人",      # a short name after 赴 alone is not enough
    "引导群众到大城市就业",
    "建立一一对应县市结对关系",              # 对应 + 县: not 应县
])
def test_a_short_name_after_a_verb_needs_support(gz, sentence):
    assert [m.surface for m in gz.find(sentence)] == []


def test_a_short_county_name_after_a_verb_alone_stays_unresolved(gz):
    # deliberately no rule: the same shape as 赴大城市 above; the list form is resolved
    assert [m.place.name for m in gz.find("天津市向会宁捐赠物资")] == ["天津市"]


@pytest.mark.parametrize("sentence", ["在中山西路设立消费扶贫专柜", "北京路小学与会宁县结对",
                                      "四川北路街道捐款"])
def test_streets_named_after_provinces_are_not_provinces(gz, sentence):
    assert [m.place.level for m in gz.find(sentence) if m.place and m.place.level == "province"] == []


@pytest.mark.parametrize("full, last", [
    ("甘肃省天水市武山县", "武山县"), ("贵州省", "贵州省"), ("福建省福州市", "福州市"),
    ("新疆维吾尔自治区和田地区民丰县", "民丰县"), ("河南省南阳市社旗县", "社旗县"),
    ("广东省梅州市梅县区", "梅县区"), ("湖南省常德市津市市", "津市市"), ("河南省新乡市辉县市", "辉县市"),
    ("新疆维吾尔自治区乌鲁木齐市新市区", "新市区"), ("山东省青岛市市北区", "市北区"),
    ("天津市滨海新区塘沽街道", "塘沽街道"), ("大连高新技术产业园区", "大连高新技术产业园区"),
])
def test_last_level_of_a_full_name(full, last):
    assert last_level(full) == last


# --- eastern donors: development zones and townships (round 4) --------------------------------

@pytest.mark.parametrize("sentence, written, full_name, adcode", [
    ("苏州工业园区与万山区共建的苏铜产业园已入驻企业8家", "苏州工业园区", "苏州工业园区", "320500"),
    ("苏州高新区向碧江区拨付帮扶资金2000万元", "苏州高新区", "苏州高新技术产业开发区", "320505"),
    ("昆山开发区与碧江区签订结对帮扶协议", "昆山开发区", "昆山经济技术开发区", "320583"),
    ("宁波保税区援助资金300万元", "宁波保税区", "宁波保税区", "330206"),
    ("杭州高新区（滨江）选派干部3名", "杭州高新区（滨江）", "杭州高新技术产业开发区", "330108"),
    ("广州开发区投入协作资金1.2亿元", "广州开发区", "广州经济技术开发区", "440112"),
    ("深圳前海向帮扶地区采购农产品500万元", "深圳前海", "前海深港现代服务业合作区", "440300"),
    ("上海临港新片区捐赠物资折合80万元", "上海临港新片区", "中国（上海）自由贸易试验区临港新片区", "310000"),
    ("北京经济技术开发区与阜平县结对", "北京经济技术开发区", "北京经济技术开发区", "110115"),
])
def test_eastern_development_zones_named_as_donors(gz, sentence, written, full_name, adcode):
    ms = [m for m in gz.find(sentence) if m.surface == written]
    assert len(ms) == 1, gz.find(sentence)
    p = ms[0].place
    assert (p.level, p.full_name, p.adcode) == ("zone", full_name, adcode)
    assert p.admin_full_name == gz.by_adcode(adcode).full_name


def test_a_zone_written_after_its_city_is_the_zone(gz):
    p = gz.resolve("江苏省苏州市苏州工业园区")
    assert (p.level, p.name, p.adcode) == ("zone", "苏州工业园区", "320500")


@pytest.mark.parametrize("sentence", [
    "推动临港产业发展,建设园区基础设施",      # 临港 alone is a word, not 临港新片区
    "在前海合作中取得进展",                  # nor is 前海 alone a zone
    "在工业园区开展招商引资",                # a generic park, not a named zone
])
def test_zone_words_alone_are_not_zones(gz, sentence):
    assert [m.surface for m in gz.find(sentence) if m.place and m.place.level == "zone"] == []


@pytest.mark.parametrize("sentence, written, name, adcode", [
    ("上海市嘉定区安亭镇与云南省签订结对帮扶协议", "上海市嘉定区安亭镇", "安亭镇", "310114"),
    ("天津市滨海新区塘沽街道投入帮扶资金50万元", "天津市滨海新区塘沽街道", "塘沽街道", "120116"),
    ("浙江省杭州市淳安县千岛湖镇与四川省结对", "浙江省杭州市淳安县千岛湖镇", "千岛湖镇", "330127"),
    ("西藏那曲市索县江达乡接收帮扶资金", "西藏那曲市索县江达乡", "江达乡", "540626"),
    ("江苏省昆山市周市镇与碧江区结对", "江苏省昆山市周市镇", "周市镇", "320583"),
])
def test_townships_written_after_their_district_are_found_east_and_west(gz, sentence, written,
                                                                         name, adcode):
    ms = [m for m in gz.find(sentence) if m.surface == written]
    assert len(ms) == 1, gz.find(sentence)
    p = ms[0].place
    assert (p.level, p.name, p.adcode) == ("township", name, adcode)
    assert p.full_name == gz.by_adcode(adcode).full_name + name


@pytest.mark.parametrize("sentence", [
    "上海市援藏江孜工作队在日喀则市开展帮扶",
    "西藏日喀则市江孜联络小组投入资金20万元",
    "日喀则市的江孜联络小组组织培训",
])
def test_a_county_inside_an_organisation_name_is_found_with_support(gz, sentence):
    ms = [m for m in gz.find(sentence) if "江孜" in m.surface]
    assert len(ms) == 1 and ms[0].place is not None, gz.find(sentence)
    assert (ms[0].place.name, ms[0].place.adcode) == ("江孜县", "540222")


@pytest.mark.parametrize("sentence", [
    "江孜联络小组投入资金20万元",            # no province or prefecture named: no support
    "上海市援建项目竣工,江孜联络小组参加",   # 上海 does not support a county of 西藏
])
def test_a_county_inside_an_organisation_name_needs_support(gz, sentence):
    assert [m.surface for m in gz.find(sentence) if "江孜" in m.surface] == []


@pytest.mark.parametrize("text, surface, name", [
    ("常州经开区今年向共和县投入帮扶资金2100万元。", "常州经开区", "江苏省常州市常州经济技术开发区"),
    ("杭州高新区选派干部3名。", "杭州高新区", "杭州高新技术产业开发区"),
    ("绍兴市经济技术开发区向马边县捐款。", "绍兴市经济技术开发区", "浙江省绍兴市绍兴经济技术开发区"),
])
def test_a_citys_own_development_zone_is_a_zone_of_that_city(text, surface, name):
    gz = get_gazetteer()
    m = next(m for m in gz.find(text) if m.surface == surface)
    assert (m.place.full_name, m.place.level) == (name, "zone")
    assert surface[:2] + "市" in m.place.admin_full_name


def test_a_citys_own_zone_receiving_aid_keeps_its_name():
    from helpers.extract.places import find_places
    hits = find_places(get_gazetteer(), "青岛市黄岛区向安顺经开区拨付协作资金1450万元。")
    zone = next(h for h in hits if h.surface == "安顺经开区")
    assert (zone.unit.full_name, zone.unit.level) == ("贵州省安顺市安顺经济技术开发区", "zone")
    high_tech = find_places(get_gazetteer(), "安顺经开区、安顺高新区各获得资金100万元。")
    assert len({h.unit.key for h in high_tech}) == 2      # two zones of one city stay two units


def test_a_mountain_area_is_no_slip_of_a_district_name(gz):
    # 山区 ends the word (秦巴山区, 乌蒙山区): no one-character slip of a 某山区/某州区 unit is read
    for text in ("浙企扎根秦巴山区,巴中市新建扶贫车间27个。", "从渤海之滨到乌蒙山区:大连市与六盘水市协作一年。"):
        assert not [m for m in gz.find(text) if m.surface.endswith("山区")], text
    # (a real slip of a district's name is still read: test_one_character_slip_is_flagged_…)


def test_an_autonomous_county_written_without_its_peoples_is_found(gz):
    # 沿河自治县, 三都自治县: the official short form a county's own pages use
    for text, full in (("沿河自治县召开东西部协作推进会", "贵州省铜仁市沿河土家族自治县"),
                       ("三都自治县获得帮扶资金", "贵州省黔南布依族苗族自治州三都水族自治县")):
        assert [m.place.full_name for m in gz.find(text) if m.place is not None] == [full], text


def test_a_count_of_units_is_no_slip_of_a_name(gz):
    # 8个州市, 各县区: a classifier or numeral before unit words counts units (个州市 is one
    # character from a county of the prefecture named before it, and is still no name)
    for text in ("红河州、文山州等地。全年向8个州市拨付帮扶资金。", "楚雄州各县市均已脱贫。"):
        assert [m.surface for m in gz.find(text) if m.place is None or m.place.level == "county"] == [], text


def test_a_lone_prefecture_before_a_count_of_counties_is_the_prefecture(gz):
    from helpers.extract.places import find_places
    lone = [h for h in find_places(gz, "天津产业援疆 和田东三县群众增收") if h.surface == "和田"]
    assert lone and lone[0].unit.level == "prefecture"
    listed = [h for h in find_places(gz, "天津市对口支援和田地区策勒、于田、民丰三县") if h.surface == "民丰"]
    assert listed and listed[0].unit.level == "county"


def test_the_usual_short_form_of_tashkurgan_is_read_beside_its_prefecture(gz):
    # aliases.csv: 塔县 for 塔什库尔干塔吉克自治县, read where its prefecture's units support it
    found = [m for m in gz.find("资金投向喀什市和塔县,其中塔县2.7亿元。") if m.surface == "塔县"]
    assert found and all(m.place.full_name.endswith("塔什库尔干塔吉克自治县") for m in found)
